//! [`line_chunks`]: cuts a long text into pieces of whole lines, to work on them apart.

use crate::Span;

/// Cuts `text` into consecutive spans of whole lines, each at least `target` bytes long
/// except the last: every span but the last ends just after a `\n`.
///
/// The spans tile `text`. A stage that never looks across a line break gives the same
/// result on each piece as on the whole, so the pieces can be handed to several threads;
/// whether a stage is such is for the caller to know. A text without a line break, or
/// shorter than `target`, is one span; an empty text has none.
///
/// # Example
///
/// ```
/// use zhtext_core::{Span, line_chunks};
///
/// let text = "第一行\n第二行\n第三行";
/// let spans: Vec<Span> = line_chunks(text, 8).collect();
/// assert_eq!(spans, [Span::new(0, 10), Span::new(10, 20), Span::new(20, 29)]);
/// assert_eq!(&text[spans[1].range()], "第二行\n");
/// assert_eq!(line_chunks(text, 1 << 20).count(), 1);
/// ```
pub fn line_chunks(text: &str, target: usize) -> LineChunks<'_> {
    LineChunks { text, pos: 0, target: target.max(1), ends: &[] }
}

/// The iterator [`line_chunks`] returns.
#[derive(Clone, Debug)]
pub struct LineChunks<'t> {
    text: &'t str,
    pos: usize,
    target: usize,
    ends: &'t [char],
}

impl<'t> LineChunks<'t> {
    /// In a line more than four targets long (a page scraped into one line), a chunk also
    /// ends after the first of `ends` (sentence ends such as `。`) at or after its target
    /// length, when one comes before the line break.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_core::line_chunks;
    ///
    /// let text = "第一句。第二句！第三句";
    /// let pieces: Vec<&str> =
    ///     line_chunks(text, 6).or_after(&['。', '！']).map(|s| &text[s.range()]).collect();
    /// assert_eq!(pieces, ["第一句。", "第二句！", "第三句"]);
    /// ```
    #[must_use]
    pub fn or_after(self, ends: &'t [char]) -> LineChunks<'t> {
        LineChunks { ends, ..self }
    }
}

impl Iterator for LineChunks<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let (text, len) = (self.text, self.text.len());
        if self.pos >= len {
            return None;
        }
        let start = self.pos;
        let mut from = start.saturating_add(self.target - 1).min(len);
        // `\n` is one byte and never inside a longer UTF-8 sequence, so a byte search from
        // any offset finds only real line breaks.
        let line_end = |from: usize, to: usize| {
            text.as_bytes()[from..to].iter().position(|&b| b == b'\n').map(|k| from + k + 1)
        };
        let end = if self.ends.is_empty() {
            line_end(from, len).unwrap_or(len)
        } else {
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let far = start.saturating_add(self.target.saturating_mul(4)).clamp(from, len);
            // No line break near: the first end or line break, whichever comes first. The
            // search stops there, so the text is read a bounded number of times.
            line_end(from, far).unwrap_or_else(|| {
                match text[from..].find(|c: char| c == '\n' || self.ends.contains(&c)) {
                    Some(k) => from + k + text[from + k..].chars().next().map_or(0, char::len_utf8),
                    None => len,
                }
            })
        };
        self.pos = end;
        Some(Span::new(start, end))
    }
}

impl std::iter::FusedIterator for LineChunks<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, target: usize) -> Vec<&str> {
        line_chunks(text, target).map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn pieces_are_whole_lines_of_at_least_the_target() {
        assert_eq!(pieces("a\nbb\nccc\n", 1), ["a\n", "bb\n", "ccc\n"]);
        assert_eq!(pieces("a\nbb\nccc\n", 3), ["a\nbb\n", "ccc\n"]);
        assert_eq!(pieces("a\nbb\nccc", 100), ["a\nbb\nccc"]);
        assert_eq!(pieces("\n\n\n", 0), ["\n", "\n", "\n"]);
        assert!(pieces("", 4).is_empty());
    }

    #[test]
    fn long_lines_end_after_sentence_ends() {
        let cut = |text: &'static str, target| -> Vec<&str> {
            line_chunks(text, target)
                .or_after(&['。', '！', '？'])
                .map(|s| &text[s.range()])
                .collect()
        };
        assert_eq!(cut("一二\n三四\n", 3), ["一二\n", "三四\n"]);
        assert_eq!(cut("一。二！三？四", 3), ["一。", "二！", "三？", "四"]);
        assert_eq!(cut("一二三四五六七八九十。后", 3), ["一二三四五六七八九十。", "后"]);
        assert_eq!(cut("很长的一行没有句号", 3), ["很长的一行没有句号"]);
        assert!(cut("", 3).is_empty());
    }

    #[test]
    fn a_target_past_the_end_is_one_piece() {
        assert_eq!(pieces("区\n县", usize::MAX), ["区\n县"]);
    }
}
