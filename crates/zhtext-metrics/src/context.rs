//! Context: the indicator a figure belongs to and the period in force.

use zhtext_core::Span;

/// Characters that end a clause (looking back from a figure for its indicator).
pub(crate) fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\n'
            | '（'
            | '）'
            | '('
            | ')'
            | '“'
            | '”'
            | '"'
            | '《'
            | '》'
            | '【'
            | '】'
            | '\t'
    )
}

/// Characters that end a sentence: an indicator is inherited only inside one.
pub(crate) fn is_sentence_boundary(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
}

/// Words a clause may start with that are not part of the indicator.
const LEADING: &[&str] = &[
    "其中",
    "另外",
    "此外",
    "同时",
    "同時",
    "全年",
    "今年",
    "去年",
    "上年",
    "当年",
    "年内",
    "预计",
    "預計",
    "初步统计",
    "初步統計",
    "据统计",
    "據統計",
    "累计",
    "累計",
    "完成",
    "实现",
    "實現",
    "共",
    "新增",
    "为",
    "為",
    "和",
    "及",
    "与",
    "與",
    "以",
    "在",
    "我们",
    "我們",
    "已",
    "目前",
    "截至目前",
    "提前",
    "力争",
    "力爭",
    "确保",
    "確保",
    "今年以来",
    "今年以來",
    "以来",
    "以來",
    "全部",
];

/// The indicator in the text left before a figure's relation words, or `None`.
pub(crate) fn clean_indicator(rest: &str) -> Option<&str> {
    let mut s = rest.trim();
    for _ in 0..8 {
        let before = s;
        if let Some(len) = period_prefix_len(s) {
            s = &s[len..];
        }
        for w in LEADING {
            if crate::units::starts_with_b(s, w) {
                s = &s[w.len()..];
                break;
            }
        }
        s = s.trim_start_matches(['、', ' ', '-', '—']);
        if s == before {
            break;
        }
    }
    // A ranking scope (居全省, 排全市) names no indicator.
    if ["居", "位居", "排", "列", "位列"].iter().any(|w| s.starts_with(w)) {
        return None;
    }
    // A long clause: keep what follows its last 的 or verb-like joint.
    if s.chars().count() > 16
        && let Some((i, c)) = s
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '的' | '使' | '让' | '將' | '将' | '把' | '对' | '對'))
        && i + c.len_utf8() < s.len()
    {
        s = &s[i + c.len_utf8()..];
    }
    let chars = s.chars().count();
    if chars > 20 {
        let skip = chars - 20;
        let at = s.char_indices().nth(skip).map_or(0, |(i, _)| i);
        s = &s[at..];
    }
    // Must hold a Han character and no digit (a stray figure is not a noun phrase).
    let han = s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if !han || s.chars().count() < 2 || s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s)
}

/// Byte length of a period mention at the start of `s` (`前三季度`, `2019年`, `上半年`).
fn period_prefix_len(s: &str) -> Option<usize> {
    for w in
        ["上半年", "下半年", "全年", "今年", "前三季度", "一季度", "二季度", "三季度", "四季度"]
    {
        if s.starts_with(w) {
            return Some(w.len());
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 && s[4..].starts_with('年') {
        return Some(4 + '年'.len_utf8());
    }
    None
}

/// Tracks the most recent period mention while the extractor moves forward through a
/// text; a new paragraph clears it.
#[derive(Clone, Debug, Default)]
pub(crate) struct PeriodTracker {
    pos: usize,
    current: Option<Span>,
}

const NIAN: &[u8] = "年".as_bytes();
const JI: &[u8] = "季".as_bytes();
const YUE: &[u8] = "月".as_bytes();

impl PeriodTracker {
    /// The period in force at `to`, after reading `text[pos..to]`.
    pub(crate) fn at<'t>(&mut self, text: &'t str, to: usize) -> Option<&'t str> {
        let bytes = text.as_bytes();
        let to = to.min(bytes.len());
        let mut i = self.pos;
        // Anchors end in the last byte of 年 (B4), 季 (A3) or 月 (88).
        while i < to {
            let Some(k) = memchr::memchr3(0xB4, 0xA3, 0x88, &bytes[i..to]) else {
                i = to;
                break;
            };
            let last = i + k;
            i = last + 1;
            let Some(at) = last.checked_sub(2) else { continue };
            let tail = &bytes[at..];
            let hit = if tail.starts_with(NIAN) {
                year_period(text, at)
            } else if tail.starts_with(JI) {
                quarter_period(text, at)
            } else if tail.starts_with(YUE) {
                month_period(text, at)
            } else {
                None
            };
            // A comparison base (较一季度, 比上半年) is not the period in force.
            let base = |s: &Span| text[..s.start].ends_with(['较', '較', '比', '于', '於', '同']);
            if let Some(span) = hit.filter(|s| s.end <= to && !base(s)) {
                // 2019年上半年: a mention right after another joins it, in one paragraph.
                self.current = match self.current {
                    Some(prev) if prev.end == span.start => Some(Span::new(prev.start, span.end)),
                    _ => Some(span),
                };
                i = span.end;
            }
        }
        self.pos = i.max(self.pos);
        // A new paragraph since the mention ends it.
        let current = self.current.filter(|s| memchr::memchr(b'\n', &bytes[s.end..to]).is_none());
        current.and_then(|s| text.get(s.range()))
    }
}

fn prev_char(text: &str, at: usize) -> Option<(usize, char)> {
    let c = text.get(..at)?.chars().next_back()?;
    Some((at - c.len_utf8(), c))
}

/// `年` at `at`: 上半年, 下半年, 全年, 今年, 2019年.
fn year_period(text: &str, at: usize) -> Option<Span> {
    let end = at + NIAN.len();
    let before = &text[..at];
    for w in ["上半", "下半", "全", "今", "去"] {
        if before.ends_with(w) {
            return Some(Span::new(at - w.len(), end));
        }
    }
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        let start = at - 4;
        // Not a longer number or a code (〔2023〕 is no period; 2023年 is).
        if !before[..start].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
            return Some(Span::new(start, end));
        }
    }
    None
}

/// `季` at `at`, followed by `度`: 前三季度, 一季度, 第三季度, 3季度.
fn quarter_period(text: &str, at: usize) -> Option<Span> {
    let end = at + JI.len();
    if !text[end..].starts_with('度') {
        return None;
    }
    let end = end + '度'.len_utf8();
    let (mut start, c) = prev_char(text, at)?;
    if !matches!(c, '一' | '二' | '三' | '四' | '1' | '2' | '3' | '4') {
        return None;
    }
    if let Some((s, c)) = prev_char(text, start)
        && matches!(c, '前' | '第' | '后' | '後')
    {
        start = s;
    }
    Some(Span::new(start, end))
}

/// `月` at `at`: 1-7月, 1至7月份, 7月 (not 7月18日).
fn month_period(text: &str, at: usize) -> Option<Span> {
    let mut end = at + YUE.len();
    if text[end..].starts_with('份') {
        end += '份'.len_utf8();
    }
    let after = &text[end..];
    if after.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with([
            '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '底', '初', '末',
        ])
    {
        return None;
    }
    let before = &text[..at];
    let d = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 2 {
        return None;
    }
    let mut start = at - d;
    for sep in ["-", "—", "―", "－", "~", "～", "至", "到"] {
        if let Some(b) = text[..start].strip_suffix(sep) {
            let d2 = b.bytes().rev().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&d2) {
                start = b.len() - d2;
            }
            break;
        }
    }
    // A year before: 2019年1-7月 joins through the tracker.
    Some(Span::new(start, end))
}
