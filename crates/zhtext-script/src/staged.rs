//! [`Staged`] and [`Stage`]: the writing loops' output, gathered in a small buffer and
//! appended to the `String` a block at a time.

use crate::tables::Emit;

/// Bytes gathered before they are appended.
pub(crate) const STAGE: usize = 512;

/// Appends to a `String` through a [`Stage`], for loops that pass their writer around (the
/// mapped path): the count of staged bytes lives in the writer. Dropping it appends what is
/// left.
pub(crate) struct Staged<'o> {
    out: &'o mut String,
    stage: Stage,
    n: usize,
}

impl<'o> Staged<'o> {
    pub(crate) fn new(out: &'o mut String) -> Staged<'o> {
        Staged { out, stage: Stage::new(), n: 0 }
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
        self.n = self.stage.put(self.out, self.n, u64::from(utf8), len);
        self.flush_if_full();
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
        self.n = self.stage.push_str(self.out, self.n, s);
        self.flush_if_full();
    }

    #[inline(always)]
    fn flush_if_full(&mut self) {
        if self.n >= STAGE {
            self.flush();
        }
    }

    /// Appends the buffer to the output.
    pub(crate) fn flush(&mut self) {
        self.stage.flush(self.out, self.n);
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

/// The writing loop's buffer on the stack.
///
/// A character is one eight-byte store of its UTF-8 encoding, kept ready in the table entry
/// (`Entry::utf8`), where `String::push` would encode it and check the capacity every time.
/// The staged bytes are validated (SIMD, about twenty times std's speed on Chinese text) and
/// appended in one `push_str`. Only whole UTF-8 sequences are ever staged, so validation
/// cannot fail; were it to, the bytes would go through `String::from_utf8_lossy` rather than
/// be lost.
///
/// The caller keeps the count of staged bytes in a local and flushes once it reaches
/// [`STAGE`], so in the writing loop the count stays in a register (a writer passed by
/// reference to calls keeps it in memory: a store and a load per character).
pub(crate) struct Stage {
    buf: [u8; STAGE + 64],
}

impl Stage {
    pub(crate) fn new() -> Stage {
        Stage { buf: [0; STAGE + 64] }
    }

    /// Stages the `len` bytes of `bytes` (little-endian, whole UTF-8 sequences) after `n`
    /// staged bytes; returns the new count.
    #[inline(always)]
    pub(crate) fn put(&mut self, out: &mut String, n: usize, bytes: u64, len: u8) -> usize {
        match self.buf.get_mut(n..n + 8) {
            Some(slot) => {
                slot.copy_from_slice(&bytes.to_le_bytes());
                n + usize::from(len)
            }
            None => self.put_cold(out, n, bytes, len),
        }
    }

    #[cold]
    fn put_cold(&mut self, out: &mut String, n: usize, bytes: u64, len: u8) -> usize {
        self.flush(out, n);
        self.buf[..8].copy_from_slice(&bytes.to_le_bytes());
        usize::from(len)
    }

    /// Stages what a match writes after `n` staged bytes; returns the new count.
    #[inline(always)]
    pub(crate) fn write(&mut self, out: &mut String, n: usize, emit: Emit<'_>) -> usize {
        match emit {
            Emit::Bytes(bytes, len) => self.put(out, n, bytes, len),
            Emit::Text(s) => self.push_str(out, n, s),
        }
    }

    /// Stages `s` after `n` staged bytes (or appends it, when long); returns the new count.
    #[inline(always)]
    pub(crate) fn push_str(&mut self, out: &mut String, n: usize, s: &str) -> usize {
        match self.buf.get_mut(n..n + s.len()) {
            Some(slot) => {
                slot.copy_from_slice(s.as_bytes());
                n + s.len()
            }
            None => {
                self.flush(out, n);
                out.push_str(s);
                0
            }
        }
    }

    /// Appends the `n` staged bytes to `out`.
    #[inline(never)]
    pub(crate) fn flush(&self, out: &mut String, n: usize) {
        let staged = self.buf.get(..n).unwrap_or(&self.buf);
        match simdutf8::basic::from_utf8(staged) {
            Ok(text) => out.push_str(text),
            Err(_) => out.push_str(&String::from_utf8_lossy(staged)),
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

    #[test]
    fn the_stage_keeps_order_across_flushes_and_long_strings() {
        let mut out = String::from("前");
        let mut stage = Stage::new();
        let mut n = 0;
        let long = "長".repeat(STAGE);
        let mut expected = String::from("前");
        for round in 0..3 * STAGE {
            if n >= STAGE {
                stage.flush(&mut out, n);
                n = 0;
            }
            let (c, s) = match round % 4 {
                0 => ('中', ""),
                1 => ('a', "，"),
                2 => ('𠀀', ""),
                _ => ('é', if round % 64 == 3 { long.as_str() } else { "" }),
            };
            let mut bytes = [0u8; 8];
            let len = c.encode_utf8(&mut bytes).len() as u8;
            n = stage.put(&mut out, n, u64::from_le_bytes(bytes), len);
            n = stage.push_str(&mut out, n, s);
            expected.push(c);
            expected.push_str(s);
        }
        stage.flush(&mut out, n);
        assert_eq!(out, expected);
    }
}
