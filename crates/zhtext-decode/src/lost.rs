//! [`LostChars`]: characters a converter lost (`?`, U+FFFD) and private-use code points.

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Span, Transform};

use crate::emit::Emitter;
use crate::plausible::{is_han, is_private_use};

/// What [`LostChars`] found.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LostReport {
    /// `?` and U+FFFD standing where a character was lost.
    pub lost_chars: usize,
    /// Private-use code points (often a font-specific glyph the converter could not map).
    pub private_use: usize,
    /// Lines made only of `?` that were dropped.
    pub lines_dropped: usize,
}

/// Counts characters a converter lost and drops lines made only of `?`; a [`Transform`] with
/// an exact offset map.
///
/// A `?` counts as lost when it stands between digits (`29?4`), after punctuation
/// (`同志们:?`), between Han characters with no question word before it in its clause
/// (`全?生产`), or in a run of several next to Han characters or digits. Every U+FFFD counts.
/// Lost characters are reported, never guessed back; only lines made only of `?` (and
/// spaces) are removed.
///
/// # Example
///
/// ```
/// use zhtext_decode::LostChars;
///
/// let report = LostChars::new().scan("增长29?4%\n同志们:?\n在何方?唯一\n???\n");
/// assert_eq!(report.lost_chars, 2);
/// assert_eq!(report.lines_dropped, 1);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct LostChars;

impl LostChars {
    /// The transform.
    #[must_use]
    pub fn new() -> LostChars {
        LostChars
    }

    /// Counts lost characters, private-use code points and `?` lines in `text`.
    #[must_use]
    pub fn scan(&self, text: &str) -> LostReport {
        let mut report = LostReport::default();
        run(text, None, &mut report);
        report
    }

    /// Like [`Transform::apply_mapped`], also returning what was found.
    pub fn apply_counted<'a>(
        &self,
        input: &'a str,
        map: &mut OffsetMap,
    ) -> (Cow<'a, str>, LostReport) {
        map.clear();
        let mut report = LostReport::default();
        let out = run(input, Some(map), &mut report);
        (out, report)
    }
}

impl Transform for LostChars {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        run(input, None, &mut LostReport::default())
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        map.clear();
        run(input, Some(map), &mut LostReport::default())
    }
}

fn run<'a>(input: &'a str, map: Option<&mut OffsetMap>, report: &mut LostReport) -> Cow<'a, str> {
    let bytes = input.as_bytes();
    let mut emitter = Emitter::new(input, map);
    // Private use: E000..F8FF is EE 80 80..EF A3 BF; planes 15-16 start with F3 B0 / F4.
    // Only characters with these lead bytes (or F0..F2, which are looked at and skipped) can be
    // private-use, so only they are decoded.
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b >= 0xEE) {
        let at = i + k;
        if input[at..].chars().next().is_some_and(is_private_use) {
            report.private_use += 1;
        }
        i = at + 1;
    }
    let has_q = memchr::memchr(b'?', bytes).is_some();
    let has_fffd = memchr::memmem::find(bytes, "\u{FFFD}".as_bytes()).is_some();
    if !has_q && !has_fffd {
        return emitter.finish();
    }
    let mut start = 0;
    while start < input.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(input.len(), |k| start + k);
        let line = &input[start..end];
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b == b'?') {
            let stop = if end < input.len() { end + 1 } else { end };
            emitter.replace(Span::new(start, stop), "");
            report.lines_dropped += 1;
        } else if memchr::memchr(b'?', line.as_bytes()).is_some()
            || memchr::memmem::find(line.as_bytes(), "\u{FFFD}".as_bytes()).is_some()
        {
            report.lost_chars += count_line(line);
        }
        start = end + 1;
    }
    emitter.finish()
}

/// Lost characters in one line.
fn count_line(line: &str) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let mut lost = 0;
    let mut j = 0;
    while j < chars.len() {
        match chars[j] {
            '\u{FFFD}' => {
                lost += 1;
                j += 1;
            }
            '?' => {
                let run = j;
                while j < chars.len() && chars[j] == '?' {
                    j += 1;
                }
                let n = j - run;
                let prev = run.checked_sub(1).map(|k| chars[k]);
                let next = chars.get(j).copied();
                let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                let han = |c: Option<char>| c.is_some_and(is_han);
                let question = has_question_word(&chars[..run]);
                let is_lost = (digit(prev) && digit(next))
                    || prev.is_some_and(is_opening_or_pause)
                    || (han(prev) && (han(next) || digit(next)) && !question)
                    || (n >= 2
                        && (han(prev) || digit(prev) || han(next) || digit(next))
                        && !question);
                if is_lost {
                    lost += n;
                }
            }
            _ => j += 1,
        }
    }
    lost
}

/// Punctuation a real question mark does not follow.
fn is_opening_or_pause(c: char) -> bool {
    matches!(
        c,
        ':' | '：' | ',' | '，' | '、' | ';' | '；' | '(' | '（' | '“' | '‘' | '《' | '【' | '。'
    )
}

/// Whether the clause ending at the end of `before` holds a question word.
fn has_question_word(before: &[char]) -> bool {
    before
        .iter()
        .rev()
        .take(16)
        .take_while(|&&c| {
            !matches!(c, '，' | '。' | '！' | '？' | '；' | ',' | '.' | '!' | ';' | '\n')
        })
        .any(|&c| {
            matches!(
                c,
                '吗' | '嗎'
                    | '呢'
                    | '么'
                    | '麼'
                    | '何'
                    | '谁'
                    | '誰'
                    | '哪'
                    | '怎'
                    | '几'
                    | '幾'
                    | '啥'
                    | '岂'
                    | '豈'
                    | '否'
                    | '嘛'
                    | '吧'
            )
        })
}
