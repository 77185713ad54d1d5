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
    LineChunks { text, pos: 0, target: target.max(1) }
}

/// The iterator [`line_chunks`] returns.
#[derive(Clone, Debug)]
pub struct LineChunks<'t> {
    text: &'t str,
    pos: usize,
    target: usize,
}

impl Iterator for LineChunks<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let len = self.text.len();
        if self.pos >= len {
            return None;
        }
        let start = self.pos;
        // `\n` is one byte and never inside a longer UTF-8 sequence, so a byte search from
        // any offset finds only real line breaks.
        let from = start.saturating_add(self.target - 1).min(len);
        let end = match self.text.as_bytes()[from..].iter().position(|&b| b == b'\n') {
            Some(k) => from + k + 1,
            None => len,
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
    fn a_target_past_the_end_is_one_piece() {
        assert_eq!(pieces("区\n县", usize::MAX), ["区\n县"]);
    }
}
