//! A small lexer for figures: a number with its magnitude and unit, kept as one token.
//!
//! A figure is one of
//!
//! - Arabic digits (ASCII or full-width), after an optional minus sign (`-5`, `－3.2%`), with
//!   decimal points and thousands separators (`23,876`, `8.8`, `１９９７`), optionally a range
//!   (`1-7`, `2023～2024`), then optional magnitudes (`万`, `亿`, `千`, `百`), an approximation
//!   (`多`, `余`), and a unit: a percent sign, `个百分点`, a currency, a measure or a calendar
//!   unit (`158亿元`, `8.8%`, `0.2个百分点`, `1-7月`, `100多万元`);
//! - a Chinese numeral with a multiplier (`一百五十八亿`), a decimal point (`八点八`), or a
//!   year spelled digit by digit (`二〇二四`), then the same suffixes (`一百五十八亿元`);
//! - a fraction or a percentage spelled in words (`三分之一`, `百分之八点八`).
//!
//! Digits glued to Latin letters (`PM2.5`, `5G`, `G20`) are not figures: they are left to the
//! segmenter, which keeps them as one Latin token. A Chinese numeral whose first character makes a
//! dictionary word with the character before it (`统一`, `第一`, `之一`) is not a figure either.

use zhtext_core::Span;

use crate::kind::{is_han, three_byte_code};

/// Units that may follow a number, longest first where one is a prefix of another.
const UNITS: &[&str] = &[
    "个百分点",
    "個百分點",
    "百分点",
    "百分點",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦時",
    "美元",
    "港元",
    "港币",
    "港幣",
    "欧元",
    "歐元",
    "日元",
    "英镑",
    "英鎊",
    "澳元",
    "韩元",
    "韓元",
    "卢布",
    "盧布",
    "人民币",
    "人民幣",
    "元",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "米",
    "公顷",
    "公頃",
    "亩",
    "畝",
    "千瓦",
    "兆瓦",
    "吨",
    "噸",
    "公斤",
    "千克",
    "克",
    "周年",
    "月份",
    "个月",
    "個月",
    "季度",
    "小时",
    "小時",
    "分钟",
    "分鐘",
    // CALENDAR_NOUNS: `90年代` is the 90s, not `90年` and a stray `代`.
    "年代",
    "年度",
    "年级",
    "年級",
    "年",
    "月",
    "日",
    "号",
    "號",
    "秒",
    "天",
    "周",
    "倍",
];

/// Units of [`UNITS`] that are nouns beginning with `年`. The segmenter lets such a noun go
/// when jieba cuts after its `年`: `连续3年代表` is `3年`, `代表` (see [`calendar_noun_year`]).
const CALENDAR_NOUNS: &[&str] = &["年代", "年度", "年级", "年級"];

/// When `figure` (a span of `text`) ends with a calendar noun (`90年代`), the end of its `年`.
pub(crate) fn calendar_noun_year(text: &str, figure: Span) -> Option<usize> {
    let head = &text[figure.range()];
    // The nouns are two characters of three bytes.
    CALENDAR_NOUNS.iter().any(|n| head.len() > n.len() && head.ends_with(n)).then(|| figure.end - 3)
}

const PERCENT: &[char] = &['%', '％', '‰'];

fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A minus sign before a number (`-5`, `－5`, `−5`).
fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−')
}

fn is_decimal_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

fn is_range_sep(c: char) -> bool {
    matches!(c, '-' | '－' | '–' | '—' | '~' | '～')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// A magnitude that may follow Arabic digits (`158亿`, `1.5万亿`).
fn is_magnitude(c: char) -> bool {
    matches!(c, '万' | '亿' | '千' | '百' | '萬' | '億')
}

fn is_approx(c: char) -> bool {
    matches!(c, '多' | '余' | '餘')
}

/// A Chinese digit (〇 to 九, 两, and the financial forms).
fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '兩'
            | '壹'
            | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
    )
}

fn is_cn_zero(c: char) -> bool {
    matches!(c, '零' | '〇' | '○')
}

/// A Chinese multiplier (十 to 亿, and the financial forms).
fn is_cn_multiplier(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿' | '拾' | '佰' | '仟' | '萬' | '億')
}

fn is_cn_point(c: char) -> bool {
    matches!(c, '点' | '點')
}

/// Cursor helpers over a `&str` at byte positions.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|rest| rest.chars().next())
}

/// Figures of `text`, in order, as byte spans. They never overlap.
///
/// This is the lexer [`JiebaSegmenter`](crate::JiebaSegmenter) uses with
/// [`Figures::Whole`](crate::Figures::Whole), without its dictionary check, so a Chinese numeral
/// is a figure even where it ends a word (`统一百` gives `一百`).
///
/// # Example
///
/// ```
/// use zhtext_segment::figures::figure_spans;
///
/// let text = "收入158亿元，增长8.8%，提高0.2个百分点。";
/// let figures: Vec<&str> = figure_spans(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(figures, ["158亿元", "8.8%", "0.2个百分点"]);
/// ```
#[must_use]
pub fn figure_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(span) = next_figure(text, pos, &|_| false) {
        out.push(span);
        pos = span.end;
    }
    out
}

/// The first figure of `text` that starts at or after byte `from`.
///
/// `from` is 0 or where the previous figure ended: a hyphen right after a figure is a dash
/// (`6%-7%`, `2021年-2025年`, `备案号15071480号-27`), not a minus sign. `is_word(pair)` says
/// whether two characters make a dictionary word; a Chinese numeral whose first character makes
/// a word with the character before it does not start a figure.
pub(crate) fn next_figure(text: &str, from: usize, is_word: &dyn Fn(&str) -> bool) -> Option<Span> {
    let rest = text.get(from..)?;
    for (offset, c) in rest.char_indices() {
        if !may_start(c) {
            continue;
        }
        let pos = from + offset;
        let prev = text[..pos].chars().next_back();
        if prev.is_some_and(|p| is_arabic_digit(p) || is_latin_letter(p) || is_decimal_point(p)) {
            continue;
        }
        let end = if is_arabic_digit(c) {
            arabic_figure(text, pos)
        } else if is_minus(c) {
            if pos == from && from > 0 {
                continue;
            }
            let after = pos + c.len_utf8();
            char_at(text, after)
                .filter(|&d| is_arabic_digit(d))
                .and_then(|_| arabic_figure(text, after))
        } else if is_placeholder(c) {
            // Inside a run of placeholders, which was no figure where it starts.
            if prev.is_some_and(is_placeholder) {
                continue;
            }
            placeholder_figure(text, pos)
        } else if c == '百' || c == '千' {
            words_percent(text, pos)
        } else {
            chinese_figure(text, pos, prev, is_word)
        };
        if let Some(end) = end {
            return Some(Span::new(pos, end));
        }
    }
    None
}

/// Whether `word` starts with a figure and goes on after it (`十九大`, `2号线`).
pub(crate) fn starts_with_figure(word: &str) -> bool {
    next_figure(word, 0, &|_| false).is_some_and(|f| f.start == 0 && f.end < word.len())
}

/// Characters that can start a figure: digits, Chinese digits, 十, and 百 or 千 of `百分之`.
const STARTS: &[char] = &[
    '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '两', '兩', '壹', '贰', '貳', '叁',
    '參', '肆', '伍', '陆', '陸', '柒', '捌', '玖', '十', '拾', '百', '千',
];

const HAN_BASE: u32 = 0x4E00;
const HAN_WORDS: usize = (0xA000 - 0x4E00) / 64;

/// One bit per character of U+4E00..U+9FFF: whether it is in [`STARTS`].
static HAN_STARTS: [u64; HAN_WORDS] = {
    let mut bits = [0u64; HAN_WORDS];
    let mut i = 0;
    while i < STARTS.len() {
        let c = STARTS[i] as u32;
        if c >= HAN_BASE && c < 0xA000 {
            let idx = (c - HAN_BASE) as usize;
            bits[idx / 64] |= 1 << (idx % 64);
        }
        i += 1;
    }
    bits
};

#[inline]
fn may_start(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_digit() || matches!(c, '-' | 'X' | 'x');
    }
    if (HAN_BASE..0xA000).contains(&u) {
        let idx = (u - HAN_BASE) as usize;
        return HAN_STARTS[idx / 64] & (1 << (idx % 64)) != 0;
    }
    c == '〇' || ('０'..='９').contains(&c) || matches!(c, '－' | '−' | '×' | 'Ｘ')
}

/// A letter that stands for a digit in a template (`X亿元`, `XX万元`, `×月×日`).
fn is_placeholder(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | 'Ｘ')
}

/// A placeholder figure at `pos` (a placeholder letter): a run of at most six bytes of them,
/// then magnitudes or a unit, as zhtext-metrics reads them (`X亿元`, `XX%`, `×月`). A run
/// that goes on into letters or digits is a word (`XYZ`, `x86`), and one with no suffix is
/// left alone (`X光`).
fn placeholder_figure(text: &str, pos: usize) -> Option<usize> {
    let mut end = pos;
    while let Some(c) = char_at(text, end).filter(|&c| is_placeholder(c)) {
        end += c.len_utf8();
        if end - pos > 6 {
            return None;
        }
    }
    if char_at(text, end).is_some_and(|c| c.is_alphanumeric() && !is_han(c)) {
        return None;
    }
    let figure = suffix(text, end);
    (figure > end).then_some(figure)
}

/// The end of Arabic digits with separators starting at `pos` (a digit).
fn arabic_core(text: &str, mut pos: usize) -> usize {
    let digits = |text: &str, mut p: usize| {
        while let Some(c) = char_at(text, p).filter(|&c| is_arabic_digit(c)) {
            p += c.len_utf8();
        }
        p
    };
    pos = digits(text, pos);
    loop {
        match char_at(text, pos) {
            Some(c) if is_decimal_point(c) => {
                let after = pos + c.len_utf8();
                if char_at(text, after).is_some_and(is_arabic_digit) {
                    pos = digits(text, after);
                } else {
                    return pos;
                }
            }
            Some(',') => {
                // A thousands separator: exactly three digits follow.
                let end = digits(text, pos + 1);
                let group = &text[pos + 1..end];
                if group.chars().count() == 3 {
                    pos = end;
                } else {
                    return pos;
                }
            }
            _ => return pos,
        }
    }
}

/// An Arabic figure starting at `pos`, or `None` when the digits run into Latin letters.
fn arabic_figure(text: &str, pos: usize) -> Option<usize> {
    let mut end = arabic_core(text, pos);
    if let Some(sep) = char_at(text, end).filter(|&c| is_range_sep(c)) {
        let after = end + sep.len_utf8();
        if char_at(text, after).is_some_and(is_arabic_digit) {
            end = arabic_core(text, after);
        }
    }
    if char_at(text, end).is_some_and(|c| is_latin_letter(c) || c == '_') {
        return None;
    }
    if let Some(fraction) = words_fraction(text, end) {
        return Some(fraction);
    }
    Some(suffix(text, end))
}

/// Magnitudes, an approximation and a unit after a number ending at `end`.
fn suffix(text: &str, mut end: usize) -> usize {
    let mut magnitudes = 0;
    let mut approx = false;
    while let Some(c) = char_at(text, end) {
        // `千` of `千瓦` or `千米` is the unit's, not a magnitude (`60万千瓦`).
        if is_magnitude(c) && magnitudes < 3 && unit(text, end) == end {
            magnitudes += 1;
        } else if is_approx(c) && !approx {
            approx = true;
        } else {
            break;
        }
        end += c.len_utf8();
    }
    unit(text, end)
}

/// One bit per character of U+4E00..U+9FFF: whether a unit of [`UNITS`] starts with it.
static UNIT_STARTS: [u64; HAN_WORDS] = {
    let mut bits = [0u64; HAN_WORDS];
    let mut i = 0;
    while i < UNITS.len() {
        let b = UNITS[i].as_bytes();
        assert!(b.len() >= 3 && b[0] >= 0xE4 && b[0] <= 0xE9, "units start with a CJK ideograph");
        let c = three_byte_code(b[0], b[1], b[2]);
        let idx = (c - HAN_BASE) as usize;
        bits[idx / 64] |= 1 << (idx % 64);
        i += 1;
    }
    bits
};

/// The end of a unit starting at `pos`, or `pos` when none does.
fn unit(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let Some(c) = rest.chars().next() else { return pos };
    if PERCENT.contains(&c) {
        return pos + c.len_utf8();
    }
    // Most numbers are followed by no unit: the table answers before the list is read.
    let u = c as u32;
    let idx = u.wrapping_sub(HAN_BASE) as usize;
    if idx >= HAN_WORDS * 64 || UNIT_STARTS[idx / 64] & (1 << (idx % 64)) == 0 {
        return pos;
    }
    UNITS.iter().find(|u| rest.starts_with(*u)).map_or(pos, |u| pos + u.len())
}

/// A Chinese numeral starting at `pos`: its end, when it is a number on its own.
///
/// `strict` asks for a real figure (a multiplier, a decimal point or a spelled year); without it
/// any run of digits counts, as after `百分之`.
fn chinese_core(text: &str, pos: usize, strict: bool) -> Option<usize> {
    /// Longer runs of numeral characters are not one number (`一千二百三十四万五千六百七十八亿`
    /// has 16); stopping there keeps a scan from every position of a long run linear.
    const MAX_CHARS: usize = 40;
    let mut end = pos;
    let (mut len, mut multiplier, mut point, mut zero) = (0, false, false, false);
    let mut adjacent_digits = false;
    let mut last_digit: Option<char> = None;
    let mut last_multiplier: Option<char> = None;
    while let Some(c) = char_at(text, end) {
        // `○` (a white circle) often stands for `〇` in years (`二○○一年`), but never starts a
        // number: on its own it is a placeholder (`○○○同志`) or a bullet.
        if is_cn_digit(c) || (c == '○' && end > pos) {
            if let Some(d) = last_digit
                && !point
                && !is_cn_zero(d)
                && !is_cn_zero(c)
            {
                adjacent_digits = true;
            }
            zero |= is_cn_zero(c);
            last_digit = Some(c);
            last_multiplier = None;
        } else if is_cn_multiplier(c) {
            // `千` straight after `万` or `亿` is no multiplier but a unit's (`六十万千瓦`).
            if matches!(last_multiplier, Some('万' | '亿' | '萬' | '億')) && unit(text, end) > end
            {
                break;
            }
            multiplier = true;
            last_digit = None;
            last_multiplier = Some(c);
        } else if is_cn_point(c) && !point {
            let after = end + c.len_utf8();
            if !char_at(text, after).is_some_and(is_cn_digit) {
                break;
            }
            point = true;
            last_digit = None;
            last_multiplier = None;
        } else {
            break;
        }
        len += 1;
        end += c.len_utf8();
        if len > MAX_CHARS {
            return None;
        }
    }
    if !strict {
        return (len > 0 && !adjacent_digits).then_some(end);
    }
    let spelled_year =
        !multiplier && !point && (zero || (len >= 4 && text[end..].starts_with('年')));
    let number = (multiplier || point) && !adjacent_digits;
    (len >= 2 && (number || spelled_year)).then_some(end)
}

fn chinese_figure(
    text: &str,
    pos: usize,
    prev: Option<char>,
    is_word: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let end = match chinese_core(text, pos, false).and_then(|end| words_fraction(text, end)) {
        Some(fraction) => fraction,
        None => suffix(text, chinese_core(text, pos, true)?),
    };
    // Only now, since most numerals are no figure: the dictionary lookup is the costly part.
    if let (Some(p), Some(c)) = (prev, char_at(text, pos)) {
        let mut buf = [0u8; 8];
        let n = p.encode_utf8(&mut buf).len();
        let m = c.encode_utf8(&mut buf[n..]).len();
        if let Ok(pair) = std::str::from_utf8(&buf[..n + m])
            && is_word(pair)
        {
            return None;
        }
    }
    Some(end)
}

/// `分之` and a number after a number ending at `end` (`三分之一`, `5分之1`).
fn words_fraction(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let after = end + "分之".len();
    if !rest.starts_with("分之") {
        return None;
    }
    number_after(text, after)
}

/// A number in words or digits at `pos`, as after `百分之`.
fn number_after(text: &str, pos: usize) -> Option<usize> {
    let c = char_at(text, pos)?;
    if is_arabic_digit(c) {
        Some(arabic_core(text, pos))
    } else if is_cn_digit(c) || is_cn_multiplier(c) {
        chinese_core(text, pos, false)
    } else {
        None
    }
}

/// `百分之…` or `千分之…` at `pos`.
fn words_percent(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let head = ["百分之", "千分之"].into_iter().find(|h| rest.starts_with(h))?;
    let end = number_after(text, pos + head.len())?;
    // `百分之五十多`
    Some(match char_at(text, end) {
        Some(c) if is_approx(c) => end + c.len_utf8(),
        _ => end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<&str> {
        figure_spans(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn arabic() {
        assert_eq!(figures("共23,876人"), ["23,876"]);
        assert_eq!(figures("1-7月，增长8.8%"), ["1-7月", "8.8%"]);
        assert_eq!(figures("１９９７年１２月"), ["１９９７年", "１２月"]);
        assert_eq!(figures("实现100多万元"), ["100多万元"]);
        assert_eq!(figures("1.5万亿元和2,000"), ["1.5万亿元", "2,000"]);
        assert_eq!(figures("12,34"), ["12", "34"]);
        assert_eq!(figures("装机60万千瓦，5千米"), ["60万千瓦", "5千米"]);
        // Nouns that begin with a calendar unit stay whole, as `月份` does.
        assert_eq!(
            figures("上世纪90年代，2020年度，3年级，1-7月份，一九八○年代"),
            ["90年代", "2020年度", "3年级", "1-7月份", "一九八○年代"]
        );
        assert_eq!(figures("近3年来，1998年底"), ["3年", "1998年"]);
        let text = "连续3年代表";
        assert_eq!(calendar_noun_year(text, Span::new(6, 13)), Some(10));
        assert_eq!(calendar_noun_year(text, Span::new(6, 10)), None);
        // A figure shorter than three bytes at the start of the text.
        assert_eq!(calendar_noun_year("1", Span::new(0, 1)), None);
    }

    #[test]
    fn calendar_nouns_are_units_before_their_first_character() {
        let year = UNITS.iter().position(|u| *u == "年").unwrap();
        for noun in CALENDAR_NOUNS {
            assert!(UNITS[..year].contains(noun), "{noun}");
            assert_eq!(noun.len(), 6);
        }
    }

    #[test]
    fn negative() {
        assert_eq!(figures("增长-3.2%，气温－5到−2"), ["-3.2%", "－5", "−2"]);
        // A hyphen right after a figure is a dash.
        assert_eq!(figures("增长6%-7%"), ["6%", "7%"]);
        assert_eq!(
            figures("2021年-2025年，备15071480号-27"),
            ["2021年", "2025年", "15071480号", "27"]
        );
        // A hyphen between digits or after a letter is not a sign.
        assert_eq!(figures("1-7月，A-5，2024-2025年"), ["1-7月", "5", "2024-2025年"]);
        assert!(figures("—-，-").is_empty());
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            figures("投资X亿元，增长XX%，×月×日，Ｘ多万吨"),
            ["X亿元", "XX%", "×月", "×日", "Ｘ多万吨"]
        );
        // Words, a lone letter, a multiplication sign, and runs longer than six bytes.
        assert!(figures("XYZ亿元，x86，X光，X，XXXXXXX亿元，××××亿元，x×××亿元").is_empty());
        assert_eq!(figures("3×5米"), ["3", "5米"]);
    }

    #[test]
    fn not_figures() {
        assert!(figures("PM2.5和5G、G20").is_empty());
        assert!(figures("十分重要，万一，千万不要，一一列举，十三五").is_empty());
        assert!(figures("一个一点儿").is_empty());
    }

    #[test]
    fn chinese() {
        assert_eq!(figures("一百五十八亿元"), ["一百五十八亿元"]);
        assert_eq!(figures("百分之八点八"), ["百分之八点八"]);
        assert_eq!(figures("近四分之一"), ["四分之一"]);
        assert_eq!(figures("二〇二四年"), ["二〇二四年"]);
        assert_eq!(figures("二○○一年"), ["二○○一年"]);
        assert_eq!(figures("装机六十万千瓦，一万三千人"), ["六十万千瓦", "一万三千"]);
        assert!(figures("○○○同志，○一").is_empty());
        assert_eq!(figures("一百零五"), ["一百零五"]);
    }

    #[test]
    fn dictionary_check() {
        let is_word = |w: &str| w == "统一";
        assert_eq!(next_figure("统一百货", 0, &is_word), None);
        assert_eq!(next_figure("统一百货", 0, &|_| false), Some(Span::new(3, 9)));
    }
}
