//! Splitting a page into lines and classifying each line on its own: rule scores plus
//! line features, before zones and neighbours are looked at.

use crate::articles::{Marker, marker};
use crate::features::{End, Features};
use crate::reason::Reason;
use crate::rules::{Hits, RuleSet};

/// Lines longer than this many bytes are running text unless their head says otherwise;
/// they are not scanned by the rules (chrome lines are short).
const LONG_LINE: usize = 1200;

/// Lines longer than this many bytes (and up to [`LONG_LINE`]) are scanned at their head
/// and tail only.
const MID_LINE: usize = 300;
/// Bytes of the head and of the tail of a mid-length line that are scanned.
const HEAD: usize = 180;
const TAIL: usize = 120;

/// Per-family soft length limits, in characters: a longer line loses 2 points, a line
/// more than twice as long keeps at most 1 point (it is running text).
pub(crate) const MAX_CHARS: [u32; 12] = [
    220,      // SiteIntro
    80,       // Metadata
    80,       // Breadcrumb
    60,       // Navigation
    40,       // RelatedList
    40,       // Widget
    u32::MAX, // Markup
    120,      // Copyright
    80,       // Contact
    80,       // Ad
    160,      // Attribution
    40,       // Junk
];

/// One line of the input.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// Start of the line.
    pub start: usize,
    /// End of its content (before `\r\n` or `\n`).
    pub end: usize,
    /// Start of the next line (after the line break), or the end of the text.
    pub next: usize,
    /// The content without surrounding whitespace.
    pub trim_start: usize,
    /// End of the trimmed content.
    pub trim_end: usize,
    /// What the line looks like.
    pub class: Class,
}

impl Line {
    /// Whether the line holds nothing but whitespace.
    pub(crate) fn is_blank(&self) -> bool {
        self.trim_start == self.trim_end
    }
}

/// What a line looks like on its own.
#[derive(Clone, Debug, Default)]
pub(crate) struct Class {
    /// Running text.
    pub prose: bool,
    /// Short, no sentence: a title, heading or list item.
    pub title_like: bool,
    /// `同志们：`, `各位代表：`: the opening of a speech.
    pub salutation: bool,
    /// Starts like a numbered section heading (`一、`, `（一）`, `1、`, `第一，`).
    pub enumerated: bool,
    /// A short line holding a date or time (`（2024年1月5日）`).
    pub dated: bool,
    /// Characters in the trimmed line.
    pub chars: u32,
    /// Han characters.
    pub han: u32,
    /// The best family and its score, before zones.
    pub best: Option<(Reason, i16)>,
    /// A title label at the start (`文章标题：`), as a byte length from `trim_start`.
    pub title_label: Option<usize>,
    /// An article marker (`篇1：…`, `…篇2`).
    pub marker: Option<Marker>,
}

/// Splits `text` into lines (at `\n`; a `\r` before it is part of the break).
pub(crate) fn split(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    while start < bytes.len() {
        let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => (start + i, start + i + 1),
            None => (bytes.len(), bytes.len()),
        };
        let content_end = if end > start && bytes[end - 1] == b'\r' { end - 1 } else { end };
        let content = &text[start..content_end];
        let trimmed_front = content.trim_start_matches(is_space);
        let trim_start = start + (content.len() - trimmed_front.len());
        let trimmed = trimmed_front.trim_end_matches(is_space);
        let trim_end = trim_start + trimmed.len();
        lines.push(Line {
            start,
            end: content_end,
            next,
            trim_start,
            trim_end,
            class: Class::default(),
        });
        start = next;
    }
    lines
}

/// Whitespace around a line: ASCII, U+3000, NBSP, zero-width characters and the BOM.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\r'
            | '\u{3000}'
            | '\u{a0}'
            | '\u{200b}'
            | '\u{feff}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{0b}'
            | '\u{0c}'
    )
}

/// Classifies one trimmed line.
pub(crate) fn classify(rules: &RuleSet, line: &str) -> Class {
    if line.is_empty() {
        return Class::default();
    }
    let (f, hits) = if line.len() > MID_LINE {
        // A long line is looked at closely only when its start has little Chinese (markup,
        // base64, a list of links) or it starts like a credit (`《…》来源于`).
        let head = prefix(line, HEAD);
        let hf = Features::of(head);
        let suspicious = hf.han_percent() < 30 || line.starts_with('《');
        if suspicious {
            (Features::of(line), rules.scan(line))
        } else if line.len() > LONG_LINE {
            // Running text: no rule scores, no shapes.
            let chars = char_count(line);
            return Class { prose: true, chars, han: chars, ..Class::default() };
        } else {
            let tail = suffix(line, TAIL);
            let f = Features::combine(hf, Features::of(tail), char_count(line));
            (f, rules.scan_ends(head, tail))
        }
    } else {
        (Features::of(line), rules.scan(line))
    };
    let mut class = Class {
        prose: f.is_prose(),
        title_like: f.is_title_like(),
        salutation: is_salutation(line, &f),
        enumerated: is_enumerated(line),
        dated: f.datetime && f.chars <= 24 && f.han <= 6,
        chars: f.chars,
        han: f.han,
        best: None,
        title_label: None,
        marker: None,
    };
    if class.title_like || f.end == End::Colon || f.chars <= 60 {
        class.marker = marker(line);
    }
    class.title_label = hits.title_label.filter(|_| f.chars <= 80);
    class.best = best(&score(line, &f, &hits, &class));
    class
}

/// At most `n` bytes from the start of `line`, on a char boundary.
fn prefix(line: &str, n: usize) -> &str {
    let mut cut = n.min(line.len());
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    &line[..cut]
}

/// At most `n` bytes from the end of `line`, on a char boundary.
fn suffix(line: &str, n: usize) -> &str {
    let mut cut = line.len().saturating_sub(n);
    while !line.is_char_boundary(cut) {
        cut += 1;
    }
    &line[cut..]
}

/// Characters in `line` (bytes that are not UTF-8 continuation bytes).
fn char_count(line: &str) -> u32 {
    let n = line.as_bytes().iter().filter(|&&b| (b as i8) >= -0x40).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Family scores of one line: keyword weights plus features, with the length limits.
fn score(line: &str, f: &Features, hits: &Hits, class: &Class) -> [i16; 12] {
    let mut s = hits.scores;
    let short = f.chars <= 60 && !class.prose;
    if f.email {
        s[Reason::Contact.index()] += 4;
    }
    if f.phone && short {
        s[Reason::Contact.index()] += 2;
    }
    if hits.url && short {
        // A site name with its address, or a bare link.
        s[Reason::Copyright.index()] += 3;
    }
    if f.datetime && f.chars <= 40 && !class.prose {
        s[Reason::Metadata.index()] += 2;
    }
    // Breadcrumbs: segments joined by `>`.
    if f.separators >= 1 && !class.prose && f.chars <= 80 {
        if f.separators >= 2 && f.segments >= 3 {
            s[Reason::Breadcrumb.index()] += 3;
        } else if f.segments >= 2 {
            s[Reason::Breadcrumb.index()] += 1;
        }
    }
    // Menus and widget bars: many short tokens.
    if f.segments >= 3 && !class.prose && f.chars / f.segments <= 6 && f.inner_stops == 0 {
        let (reason, top) = best(&s).unwrap_or((Reason::Navigation, 0));
        if top >= 1 {
            s[reason.index()] += 2;
        } else if f.segments >= 5 {
            s[Reason::Navigation.index()] += 3;
        }
    }
    if f.symbols_only {
        s[Reason::Junk.index()] += 4;
    }
    // `《题目》来源于某站，欢迎阅读…`
    if line.starts_with('《') && credit_after_title(line) {
        s[Reason::Attribution.index()] += 3;
    }
    for (i, v) in s.iter_mut().enumerate() {
        if *v <= 0 {
            continue;
        }
        let max = MAX_CHARS[i];
        if f.chars > max.saturating_mul(2) {
            *v = (*v).min(1);
        } else if f.chars > max {
            *v -= 2;
        }
    }
    s
}

/// The best-scoring family, ties to the earlier; `None` when nothing scored.
pub(crate) fn best(scores: &[i16; 12]) -> Option<(Reason, i16)> {
    let mut top: Option<(Reason, i16)> = None;
    for (i, &v) in scores.iter().enumerate() {
        if v > 0 && top.is_none_or(|(_, t)| v > t) {
            top = Some((Reason::ALL[i], v));
        }
    }
    top
}

/// `《…》来源于…`, `《…》出自…`, `《…》由…整理`.
fn credit_after_title(line: &str) -> bool {
    let Some(close) = line.find('》') else { return false };
    let rest = line[close + '》'.len_utf8()..].trim_start_matches(is_space);
    ["来源", "來源", "来自", "來自", "出自", "由", "转载", "轉載", "选自", "選自", "一文"]
        .iter()
        .any(|p| rest.starts_with(p))
}

/// Words that open a speech's salutation line.
const SALUTATION_WORDS: &[&str] = &[
    "同志",
    "代表",
    "委员",
    "委員",
    "各位",
    "领导",
    "領導",
    "朋友",
    "来宾",
    "來賓",
    "嘉宾",
    "嘉賓",
    "女士",
    "先生",
    "同学",
    "同學",
    "老师",
    "老師",
    "尊敬的",
    "亲爱的",
    "親愛的",
    "同仁",
    "战友",
    "戰友",
    "乡亲",
    "鄉親",
    "大家好",
    "干部",
    "幹部",
    "党员",
    "黨員",
];

/// `同志们：`, `各位代表：`, `各位领导、同志们：`.
fn is_salutation(line: &str, f: &Features) -> bool {
    f.end == End::Colon
        && f.chars <= 30
        && f.digits == 0
        && f.inner_stops == 0
        && SALUTATION_WORDS.iter().any(|w| line.contains(w))
}

/// Starts like a numbered heading or item: `一、` `（一）` `(1)` `1、` `1.` `第一，` `——`.
fn is_enumerated(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    let second = chars.next();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十〇零".contains(c);
    match first {
        '（' | '(' => second.is_some_and(numeral),
        '第' => second.is_some_and(numeral),
        '—' | '-' | '●' | '■' | '◆' | '★' | '☆' | '·' | '•' => true,
        c if numeral(c) => {
            let rest = line.trim_start_matches(numeral).trim_start_matches(' ');
            rest.starts_with(['、', '.', '．', '，', ',', '是', '要'])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_crlf() {
        let lines = split("a\r\n\u{3000}b \nc");
        assert_eq!(lines.len(), 3);
        assert_eq!((lines[0].start, lines[0].end, lines[0].next), (0, 1, 3));
        assert_eq!(&"a\r\n\u{3000}b \nc"[lines[1].trim_start..lines[1].trim_end], "b");
        assert_eq!(lines[2].next, 10);
    }

    #[test]
    fn salutations_and_numbering() {
        let rules = RuleSet::new();
        assert!(classify(&rules, "各位领导、同志们：").salutation);
        assert!(classify(&rules, "同志們:").salutation);
        assert!(!classify(&rules, "主要任务:").salutation);
        assert!(is_enumerated("（一）稳增长"));
        assert!(is_enumerated("一要加快项目"));
        assert!(is_enumerated("12、要有"));
        assert!(!is_enumerated("十分重要"));
    }

    #[test]
    fn credits() {
        let rules = RuleSet::new();
        let c = classify(&rules, "《区委书记讲话》来源于feisuxs，欢迎阅读区委书记讲话。");
        assert_eq!(c.best.map(|b| b.0), Some(Reason::Attribution));
    }
}
