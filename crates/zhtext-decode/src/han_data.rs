//! Reading the embedded character lists (`data/*.txt`) at compile time.

/// Walks the Han characters of U+4E00..=U+9FFF in an embedded list, skipping lines that start
/// with `#`, and tells each one's line number among the non-empty, non-comment lines. A
/// `const` walk, so tables are built at compile time.
pub(crate) struct HanList<'a> {
    bytes: &'a [u8],
    i: usize,
    /// Non-empty, non-comment lines finished so far.
    line: usize,
    line_start: bool,
    comment: bool,
}

impl<'a> HanList<'a> {
    pub(crate) const fn new(text: &'a str) -> HanList<'a> {
        HanList { bytes: text.as_bytes(), i: 0, line: 0, line_start: true, comment: false }
    }

    /// The next character's code point and its line's number (from 0), or `None` at the end.
    pub(crate) const fn next(&mut self) -> Option<(u32, usize)> {
        let bytes = self.bytes;
        while self.i < bytes.len() {
            let b = bytes[self.i];
            if b == b'\n' {
                if !self.line_start && !self.comment {
                    self.line += 1;
                }
                self.line_start = true;
                self.comment = false;
                self.i += 1;
                continue;
            }
            if self.line_start {
                self.comment = b == b'#';
                self.line_start = false;
            }
            // Han characters of the basic block are three bytes long.
            if !self.comment && b >= 0xE0 && b < 0xF0 && self.i + 2 < bytes.len() {
                let c = ((b as u32 & 0x0F) << 12)
                    | ((bytes[self.i + 1] as u32 & 0x3F) << 6)
                    | (bytes[self.i + 2] as u32 & 0x3F);
                self.i += 3;
                if c >= 0x4E00 && c <= 0x9FFF {
                    return Some((c, self.line));
                }
            } else {
                self.i += 1;
            }
        }
        None
    }
}
