//! Where a long text may be cut so that each piece segments as it does in the whole.

use zhtext_core::Span;

/// Sentence ends a piece may end after when a line is too long: jieba never joins them to a
/// word, no figure contains them, and no OpenCC dictionary key does.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];

/// Consecutive spans of `text`, each at least `target` bytes long except the last, that end
/// after a line break; where the next line break is more than four targets away (a page
/// scraped into one line), after a sentence end (`。`, `！`, `？`) instead.
///
/// Segmentation gives the same tokens on each piece as on the whole: jieba, the figure lexer
/// and the conversion to Simplified never look across these characters.
pub(crate) fn pieces(text: &str, target: usize) -> impl Iterator<Item = Span> + '_ {
    let target = target.max(1);
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        pos = piece_end(text, start, target);
        Some(Span::new(start, pos))
    })
}

/// Where the piece that starts at `start` ends (see [`pieces`]).
fn piece_end(text: &str, start: usize, target: usize) -> usize {
    let len = text.len();
    let mut from = start.saturating_add(target - 1).min(len);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let far = start.saturating_add(target.saturating_mul(4)).min(len).max(from);
    if let Some(k) = text.as_bytes()[from..far].iter().position(|&b| b == b'\n') {
        return from + k + 1;
    }
    // No line break near: the first sentence end, or the line break if it comes first. The
    // search stops there, so a text is read a bounded number of times however long its lines.
    match text[from..].find(|c: char| c == '\n' || SENTENCE_ENDS.contains(&c)) {
        Some(k) => {
            let end = from + k;
            end + text[end..].chars().next().map_or(0, char::len_utf8)
        }
        None => len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, target: usize) -> Vec<&str> {
        pieces(text, target).map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn lines_first_then_sentences() {
        assert_eq!(cut("一二\n三四\n", 3), ["一二\n", "三四\n"]);
        // No line break within four targets: cut after a sentence end.
        assert_eq!(cut("一。二！三？四", 3), ["一。", "二！", "三？", "四"]);
        assert_eq!(cut("一二三四五六七八九十。后", 3), ["一二三四五六七八九十。", "后"]);
        assert_eq!(cut("很长的一行没有句号", 3), ["很长的一行没有句号"]);
        assert!(cut("", 3).is_empty());
    }

    #[test]
    fn pieces_tile_any_text() {
        let text = "区长。\n\n县长！！😀\r\n？。a。\n".repeat(50);
        for target in 1..40 {
            let spans: Vec<Span> = pieces(&text, target).collect();
            assert_eq!(spans.first().map(|s| s.start), Some(0));
            assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
            assert!(spans.windows(2).all(|w| w[0].end == w[1].start && w[0].end > w[0].start));
        }
    }
}
