//! [`Staged`]: the writing loops' output, gathered in a small buffer and appended to the
//! `String` a block at a time.

/// Bytes gathered before they are appended.
const STAGE: usize = 512;

/// Appends to a `String` through a buffer on the stack.
///
/// A character is one four-byte store of its UTF-8 encoding, kept ready in the table entry
/// (`Entry::utf8`), where `String::push` would encode it and check the capacity every time.
/// A full buffer is validated (SIMD, about twenty times std's speed on Chinese text) and
/// appended in one `push_str`. Only whole UTF-8 sequences are ever staged, so validation
/// cannot fail; were it to, the bytes would go through `String::from_utf8_lossy` rather than
/// be lost. Dropping the writer appends what is left.
pub(crate) struct Staged<'o> {
    out: &'o mut String,
    /// Four bytes of slack: [`Staged::put`] always stores four.
    buf: [u8; STAGE + 4],
    n: usize,
}

impl<'o> Staged<'o> {
    pub(crate) fn new(out: &'o mut String) -> Staged<'o> {
        Staged { out, buf: [0; STAGE + 4], n: 0 }
    }

    /// The length the output will have once appended.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.out.len() + self.n
    }

    /// Appends a character given as its UTF-8 bytes (little-endian in `utf8`, `len` of them:
    /// 1 to 4).
    #[inline(always)]
    pub(crate) fn put(&mut self, utf8: u32, len: u8) {
        if self.n + 4 > self.buf.len() {
            self.flush();
        }
        if let Some(slot) = self.buf.get_mut(self.n..self.n + 4) {
            slot.copy_from_slice(&utf8.to_le_bytes());
            self.n += usize::from(len);
        }
        if self.n >= STAGE {
            self.flush();
        }
    }

    /// Appends a character.
    #[inline]
    pub(crate) fn push(&mut self, c: char) {
        let mut bytes = [0u8; 4];
        let len = c.encode_utf8(&mut bytes).len();
        self.put(u32::from_le_bytes(bytes), len as u8);
    }

    /// Appends a string: into the buffer when it fits, else straight to the output.
    #[inline]
    pub(crate) fn push_str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        if let Some(slot) = self.buf.get_mut(self.n..self.n + bytes.len()) {
            slot.copy_from_slice(bytes);
            self.n += bytes.len();
            if self.n >= STAGE {
                self.flush();
            }
        } else {
            self.flush();
            self.out.push_str(s);
        }
    }

    /// Appends the buffer to the output.
    #[inline(never)]
    pub(crate) fn flush(&mut self) {
        let staged = self.buf.get(..self.n).unwrap_or(&[]);
        match simdutf8::basic::from_utf8(staged) {
            Ok(text) => self.out.push_str(text),
            Err(_) => self.out.push_str(&String::from_utf8_lossy(staged)),
        }
        self.n = 0;
    }
}

impl Drop for Staged<'_> {
    fn drop(&mut self) {
        if self.n > 0 {
            self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_strings_and_long_strings_come_out_in_order() {
        let mut out = String::from("前");
        let long = "長".repeat(STAGE);
        {
            let mut w = Staged::new(&mut out);
            for c in ['a', 'é', '中', '𠀀'] {
                w.push(c);
            }
            assert_eq!(w.len(), 3 + 1 + 2 + 3 + 4);
            w.push_str("，");
            w.push_str(&long);
            for _ in 0..STAGE {
                w.push('字');
            }
            w.push_str("");
        }
        let expected = format!("前aé中𠀀，{long}{}", "字".repeat(STAGE));
        assert_eq!(out, expected);
    }
}
