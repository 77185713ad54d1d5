//! The number scanner: Arabic (`1,234.5`), Chinese (`一千二百三十四万`, `两千六`, `壹佰`),
//! mixed (`1.5万`, `5.2万亿`, `1万600`), fractions (`百分之六点五`, `三分之一`) and
//! approximate numerals (`十几`, `几十万`, `三五百`).
//!
//! [`parse_number`] reads one whole literal; [`scan`] finds every number in a text;
//! [`figure_spans`] finds every figure with its unit (what a segmenter keeps in one piece).

use zhtext_core::Span;

use crate::decimal::Decimal;
use crate::units::{self, Class, UnitMatch};
use crate::{Approx, Unit};

/// A number found by [`scan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    /// Where the numeral is (without unit).
    pub span: Span,
    /// Its value; `None` when it does not fit in 38 digits.
    pub value: Option<Decimal>,
    /// The upper bound of an approximate numeral (`十几` → 20, `三五百` → 500).
    pub value_max: Option<Decimal>,
    /// The numeral was doubtful as written (`.6` with its leading zero lost).
    pub damaged: bool,
}

/// The value of a whole numeral literal, or `None` when `s` is not one.
///
/// Accepts Arabic numbers with thousands separators, Chinese numerals in everyday and
/// financial forms, Traditional characters, a sign (`-`, `负`), mixed forms (`16.4亿`,
/// `1万600`), `点` fractions, digit strings (`一七二零`, `二〇〇二`), fractions
/// (`百分之六点五` → 6.5, `三分之一`) and money in 元/角/分 (`壹拾壹元壹角` → 11.1,
/// `伍仟元整` → 5000). Approximate numerals give their lower bound (`十几` → 10).
///
/// # Example
///
/// ```
/// use zhtext_metrics::parse_number;
///
/// assert_eq!(parse_number("一千二百三十四万").unwrap().to_string(), "12340000");
/// assert_eq!(parse_number("16.4亿").unwrap().to_string(), "1640000000");
/// assert_eq!(parse_number("兩千六").unwrap().to_string(), "2600");
/// assert_eq!(parse_number("百分之六点五").unwrap().to_string(), "6.5");
/// assert_eq!(parse_number("统一"), None);
/// ```
#[must_use]
pub fn parse_number(s: &str) -> Option<Decimal> {
    let s = s.trim();
    let (negative, body) = strip_sign(s);
    let lexed = lex(body, 0)?;
    let mut value = lexed.value?;
    let mut end = lexed.end;
    if let Some(after) = body[end..].strip_prefix("分之") {
        let m = lex(body, body.len() - after.len())?;
        value = m.value?.checked_div(value)?;
        end = m.end;
    }
    // Money written out: 元/圆 then 角 and 分, or 整/正.
    if let Some((v, len)) = money_tail(body, end, value) {
        value = v;
        end += len;
    }
    if end != body.len() {
        return None;
    }
    if negative { value.checked_neg() } else { Some(value) }
}

fn strip_sign(s: &str) -> (bool, &str) {
    for sign in ["-", "－", "负", "負"] {
        if let Some(rest) = s.strip_prefix(sign) {
            return (true, rest);
        }
    }
    (false, s.strip_prefix('+').unwrap_or(s))
}

/// `元壹角壹分`, `圆整`, `块三毛`: the value with 角/分 added and the bytes consumed.
fn money_tail(text: &str, at: usize, value: Decimal) -> Option<(Decimal, usize)> {
    let rest = text.get(at..)?;
    let yuan = ["元", "圆", "圓", "块", "塊"].iter().find(|y| rest.starts_with(**y))?;
    let mut pos = yuan.len();
    let mut total = value;
    for (names, factor) in [(&["角", "毛"][..], 1u32), (&["分"][..], 2)] {
        if let Some(d) = lex(rest, pos).filter(|d| !d.arabic_multi || d.value.is_some()) {
            let after = &rest[d.end..];
            if let Some(name) = names.iter().find(|n| after.starts_with(**n)) {
                let part = d.value?.checked_mul(Decimal::new(1, factor)?)?;
                total = total.checked_add(part)?;
                pos = d.end + name.len();
            }
        }
    }
    for tail in ["钱", "錢", "整", "正"] {
        if rest[pos..].starts_with(tail) {
            pos += tail.len();
            break;
        }
    }
    Some((total, pos))
}

/// Every number in `text`, in order: Arabic, Chinese and mixed numerals, bare or not.
///
/// This is a lexer: `统一` gives the number `一`. Whether a number is a figure is decided by
/// [`figure_spans`] and the [`MetricExtractor`](crate::MetricExtractor).
#[must_use]
pub fn scan(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = next_trigger(text, pos) {
        let lexed = lex(text, start).map(|mut l| {
            if let Some(f) = lex_figure(text, start).filter(|f| f.number.end > l.end) {
                // N分之M
                l.end = f.number.end;
                l.value = f.value;
                l.value_max = f.value_max;
            }
            l
        });
        match lexed {
            Some(l) => {
                let sign = text[..start]
                    .chars()
                    .next_back()
                    .filter(|c| matches!(c, '-' | '－' | '负' | '負'))
                    .filter(|_| {
                        !text[..start]
                            .trim_end_matches(['-', '－'])
                            .ends_with(|c: char| c.is_ascii_digit())
                    });
                let neg = |v: Option<Decimal>| {
                    if sign.is_some() { v.and_then(Decimal::checked_neg) } else { v }
                };
                out.push(Number {
                    span: Span { start: start - sign.map_or(0, char::len_utf8), end: l.end },
                    value: neg(l.value),
                    value_max: neg(l.value_max),
                    damaged: l.damaged,
                });
                pos = l.end.max(start + 1);
            }
            None => pos = start + 1,
        }
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// Spans of every figure with its unit: `158亿元`, `8.8%`, `0.2个百分点`, `1-7月`,
/// `2019年`, `一百五十八亿元`, `百分之八点八`, `3至5家`.
///
/// A segmenter keeps each span in one token. Arabic numbers are always figures; a Chinese
/// numeral is one when a unit, a time word or a scale word follows it, or it has several
/// characters with a positional word (`一百二十`), so `统一` and `一把手` have none.
///
/// # Example
///
/// ```
/// use zhtext_metrics::figure_spans;
///
/// let text = "1-7月全区生产总值158亿元，增长8.8%";
/// let spans: Vec<&str> = figure_spans(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(spans, ["1-7月", "158亿元", "8.8%"]);
/// ```
#[must_use]
pub fn figure_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = next_trigger(text, pos) {
        let Some(f) = lex_figure(text, start) else {
            pos = start + 1;
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
            continue;
        };
        let mut end = f.end;
        let mut keep = f.number.arabic || f.unit.is_some() || f.number.positional;
        if f.unit.is_none()
            && let Some(len) = units::time_word(&text[end..])
        {
            end += len;
            keep = true;
        }
        if keep && f.start < end {
            out.push(Span { start: f.start, end });
        }
        pos = end.max(start + 1);
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Characters.

#[derive(Clone, Copy, Debug, PartialEq)]
enum CnChar {
    Digit(u8),
    Small(i128),
    Big(u32),
    Point,
    Ji,
    Shu,
}

fn cn_char(c: char) -> Option<CnChar> {
    use CnChar::{Big, Digit, Ji, Point, Shu, Small};
    Some(match c {
        '零' | '〇' => Digit(0),
        '一' | '壹' | '幺' => Digit(1),
        '二' | '两' | '兩' | '贰' | '貳' | '倆' | '俩' => Digit(2),
        '三' | '叁' | '參' => Digit(3),
        '四' | '肆' => Digit(4),
        '五' | '伍' => Digit(5),
        '六' | '陆' | '陸' => Digit(6),
        '七' | '柒' => Digit(7),
        '八' | '捌' => Digit(8),
        '九' | '玖' => Digit(9),
        '十' | '拾' => Small(10),
        '廿' => Small(20),
        '百' | '佰' => Small(100),
        '千' | '仟' => Small(1000),
        '万' | '萬' => Big(4),
        '亿' | '億' => Big(8),
        '兆' => Big(12),
        '点' | '點' => Point,
        '几' | '幾' => Ji,
        '数' | '數' => Shu,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub(crate) fn continues_numeral(c: char) -> bool {
    cn_char(c).is_some()
}

/// Whether a numeral may start with `c` (a digit, `十`, `廿`, `几`).
fn starts_numeral(c: char) -> bool {
    matches!(
        cn_char(c),
        Some(CnChar::Digit(_) | CnChar::Small(10) | CnChar::Small(20) | CnChar::Ji | CnChar::Shu)
    )
}

pub(crate) fn fullwidth_digit(c: char) -> Option<u8> {
    match c {
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn ascii_or_wide_digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() { Some(c as u8 - b'0') } else { fullwidth_digit(c) }
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The next position at or after `pos` where a numeral, a placeholder or a fraction may
/// start. Skips ASCII text and CJK characters that cannot start one with a byte test and
/// a table look-up.
pub(crate) fn next_trigger(text: &str, mut pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if b.is_ascii_digit() || b == b'.' || b == b'X' || b == b'x' {
                if b == b'.' && !bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) {
                    pos += 1;
                    continue;
                }
                return Some(pos);
            }
            pos += 1;
        } else if (0xE0..0xF0).contains(&b) {
            if pos + 2 < bytes.len() {
                let c = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[pos + 1] & 0x3F) << 6)
                    | u32::from(bytes[pos + 2] & 0x3F);
                if is_trigger_code(c) {
                    return Some(pos);
                }
            }
            pos += 3;
        } else if b >= 0xF0 {
            pos += 4;
        } else if b == 0xC3 && bytes.get(pos + 1) == Some(&0x97) {
            return Some(pos); // ×
        } else {
            pos += if b >= 0xC0 { 2 } else { 1 };
        }
    }
    None
}

/// Trigger characters among the three-byte code points, as a bitset (built at compile
/// time from `is_trigger_char`'s list).
static TRIGGER_BITS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let chars = TRIGGER_CHARS;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        bits[(c >> 6) as usize] |= 1 << (c & 63);
        i += 1;
    }
    bits
};

const TRIGGER_CHARS: &[char] = &[
    '零', '〇', '一', '壹', '幺', '二', '两', '兩', '贰', '貳', '倆', '俩', '三', '叁', '參', '四',
    '肆', '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '廿', '几',
    '幾', '数', '數', '百', '千', '万', '萬', '佰', '仟', '第', '翻', 'Ｘ', '０', '１', '２', '３',
    '４', '５', '６', '７', '８', '９',
];

fn is_trigger_code(c: u32) -> bool {
    TRIGGER_BITS.get((c >> 6) as usize).is_some_and(|w| w & (1 << (c & 63)) != 0)
}

#[cfg(test)]
fn is_trigger_char(c: char) -> bool {
    starts_numeral(c)
        || fullwidth_digit(c).is_some()
        || matches!(c, '百' | '千' | '万' | '萬' | '佰' | '仟' | '第' | '翻' | '×' | 'Ｘ')
}

// ---------------------------------------------------------------------------------------
// Lexing one numeral.

#[derive(Clone, Copy, Debug)]
enum Tok {
    Num { value: Decimal, arabic: bool, zero: bool },
    Small(i128),
    Big(u32),
    Point(Decimal),
    Ji { before_unit: bool },
}

/// A numeral read at one position.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lexed {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: Option<Decimal>,
    pub(crate) value_max: Option<Decimal>,
    /// Holds Arabic digits.
    pub(crate) arabic: bool,
    /// Arabic with more than one digit.
    pub(crate) arabic_multi: bool,
    /// Holds a positional or scale word (十 百 千 万 亿) or is a Chinese digit string.
    pub(crate) positional: bool,
    /// Holds 万 or 亿.
    pub(crate) big: bool,
    /// One Chinese digit and nothing else (`一`, `两`, `三`).
    pub(crate) single_cn: bool,
    /// The approximation inside it (`十几`, `3000多`, `五百余万`).
    pub(crate) approx: Option<Approx>,
    /// Doubtful as written (`.6`).
    pub(crate) damaged: bool,
    /// `百分之…` / `千分之…`: the unit the fraction word gives.
    pub(crate) fraction_unit: Option<Unit>,
    /// A Chinese digit pair read as a range (`三五百`).
    pub(crate) pair_range: bool,
}

const MAX_TOKENS: usize = 48;

/// Reads an Arabic number at `pos`: digits, thousands separators, a decimal point.
/// Returns (value, end, digits before the point, leading point).
fn lex_arabic(text: &str, pos: usize) -> Option<(Option<Decimal>, usize, usize, bool)> {
    let mut mantissa: Option<i128> = Some(0);
    let mut scale = 0u32;
    let mut int_digits = 0usize;
    let mut i = pos;
    let mut seen_point = false;
    let mut leading_point = false;
    let mut any = false;
    let mut grouped = false;
    let push = |m: Option<i128>, d: u8| m?.checked_mul(10)?.checked_add(i128::from(d));
    while let Some(c) = char_at(text, i) {
        if let Some(d) = ascii_or_wide_digit(c) {
            mantissa = push(mantissa, d);
            if seen_point {
                scale += 1;
            } else {
                int_digits += 1;
            }
            any = true;
            i += c.len_utf8();
            continue;
        }
        if (c == '.' || c == '．') && !seen_point {
            let next = char_at(text, i + c.len_utf8());
            if next.and_then(ascii_or_wide_digit).is_some() {
                if !any {
                    leading_point = true;
                }
                seen_point = true;
                i += c.len_utf8();
                continue;
            }
            break;
        }
        if (c == ',' || c == '，') && any && !seen_point && (grouped || int_digits <= 3) {
            // A thousands separator: exactly three digits follow, then no digit.
            let after = i + c.len_utf8();
            let group: Vec<Option<u8>> =
                text[after..].chars().take(4).map(ascii_or_wide_digit).collect();
            if group.len() >= 3
                && group[..3].iter().all(Option::is_some)
                && !group.get(3).is_some_and(Option::is_some)
            {
                grouped = true;
                i = after;
                continue;
            }
            break;
        }
        break;
    }
    if !any {
        return None;
    }
    let value = mantissa.and_then(|m| if scale > 38 { None } else { Decimal::new(m, scale) });
    Some((value, i, int_digits, leading_point))
}

/// Reads digits after `点`: Chinese digits one by one, or Arabic digits.
fn lex_fraction_digits(text: &str, pos: usize) -> Option<(Decimal, usize)> {
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    let mut i = pos;
    while let Some(c) = char_at(text, i) {
        let d = match (cn_char(c), ascii_or_wide_digit(c)) {
            (Some(CnChar::Digit(d)), _) | (_, Some(d)) => d,
            _ => break,
        };
        if scale >= 30 {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(d);
        scale += 1;
        i += c.len_utf8();
    }
    if scale == 0 {
        return None;
    }
    Some((Decimal::new(mantissa, scale)?, i))
}

/// Reads a numeral at `pos` (which must be on a char boundary).
pub(crate) fn lex(text: &str, pos: usize) -> Option<Lexed> {
    let rest = text.get(pos..)?;
    if let Some(l) = lex_fraction_word(text, pos) {
        return Some(l);
    }
    // 百分之… / 千分之… / 万分之…
    for (prefix, unit, divide) in [
        ("百分之", Unit::PERCENT, 0u32),
        ("千分之", Unit::PER_MILLE, 0),
        ("万分之", Unit::PERCENT, 2),
        ("萬分之", Unit::PERCENT, 2),
        ("百万分之", Unit::PERCENT, 4),
        ("百萬分之", Unit::PERCENT, 4),
    ] {
        if let Some(after) = rest.strip_prefix(prefix) {
            let start = pos + prefix.len();
            let (negative, body) = strip_sign(after);
            let sign_len = after.len() - body.len();
            let mut inner = lex(text, start + sign_len)?;
            if inner.fraction_unit.is_some() {
                return None;
            }
            let div = Decimal::pow10(divide)?;
            let fix = |v: Decimal| {
                let v = v.checked_div(div)?;
                if negative { v.checked_neg() } else { Some(v) }
            };
            inner.value = inner.value.and_then(fix);
            inner.value_max = inner.value_max.and_then(fix);
            inner.start = pos;
            inner.fraction_unit = Some(unit);
            inner.positional = true;
            inner.single_cn = false;
            return Some(inner);
        }
    }
    let first = rest.chars().next()?;
    let leading_point = (first == '.' || first == '．')
        && char_at(rest, first.len_utf8()).and_then(ascii_or_wide_digit).is_some();
    // 百三 (130), 千三 (1300): a colloquial numeral that starts with its unit.
    let unit_first = matches!(cn_char(first), Some(CnChar::Small(100 | 1000)))
        && matches!(char_at(rest, first.len_utf8()).and_then(cn_char), Some(CnChar::Digit(1..=9)))
        && !matches!(
            char_at(rest, first.len_utf8() + 3).and_then(cn_char),
            Some(CnChar::Digit(_) | CnChar::Small(_) | CnChar::Big(_) | CnChar::Point)
        );
    if !(ascii_or_wide_digit(first).is_some()
        || starts_numeral(first)
        || leading_point
        || unit_first)
    {
        return None;
    }
    if matches!(cn_char(first), Some(CnChar::Shu))
        && !matches!(
            char_at(rest, first.len_utf8()).and_then(cn_char),
            Some(CnChar::Small(_) | CnChar::Big(_))
        )
    {
        return None;
    }

    let mut toks: Vec<(Tok, usize, usize)> = Vec::new();
    let mut i = pos;
    let mut arabic = false;
    let mut arabic_multi = false;
    let mut damaged = false;
    let mut approx = None;
    while toks.len() < MAX_TOKENS {
        let Some(c) = char_at(text, i) else { break };
        let prev = toks.last().map(|t| t.0);
        if ascii_or_wide_digit(c).is_some() || ((c == '.' || c == '．') && toks.is_empty()) {
            if matches!(prev, Some(Tok::Num { zero: false, .. } | Tok::Point(_) | Tok::Ji { .. }))
                || matches!(prev, Some(Tok::Num { arabic: true, .. }))
            {
                break;
            }
            let Some((value, end, int_digits, lead)) = lex_arabic(text, i) else { break };
            if lead {
                damaged = true;
            }
            arabic = true;
            arabic_multi |= int_digits > 1;
            match value {
                Some(value) => toks.push((Tok::Num { value, arabic: true, zero: false }, i, end)),
                None => {
                    // Too long to be a figure: report it without a value.
                    return Some(Lexed {
                        start: pos,
                        end,
                        value: None,
                        value_max: None,
                        arabic: true,
                        arabic_multi: true,
                        positional: false,
                        big: false,
                        single_cn: false,
                        approx: None,
                        damaged,
                        fraction_unit: None,
                        pair_range: false,
                    });
                }
            }
            i = end;
            continue;
        }
        let len = c.len_utf8();
        match cn_char(c) {
            Some(CnChar::Digit(d)) => {
                if matches!(prev, Some(Tok::Num { arabic: true, .. } | Tok::Point(_))) {
                    break;
                }
                toks.push((
                    Tok::Num {
                        value: Decimal::from_int(i128::from(d)),
                        arabic: false,
                        zero: d == 0,
                    },
                    i,
                    i + len,
                ));
            }
            Some(CnChar::Small(u)) => {
                if matches!(prev, Some(Tok::Point(_))) {
                    break;
                }
                if u >= 100
                    && ((prev.is_none() && !unit_first)
                        || units::unit_starting_with_scale(&text[i..]))
                {
                    break;
                }
                if u >= 100
                    && text[i + len..].starts_with('分')
                    && !text[i + len..].starts_with("分之")
                {
                    break;
                }
                toks.push((Tok::Small(u), i, i + len));
            }
            Some(CnChar::Big(e)) => {
                if prev.is_none() {
                    break;
                }
                toks.push((Tok::Big(e), i, i + len));
            }
            Some(CnChar::Point) => {
                if !matches!(prev, Some(Tok::Num { .. } | Tok::Small(_) | Tok::Big(_)))
                    || toks.iter().any(|t| matches!(t.0, Tok::Point(_)))
                {
                    break;
                }
                let Some((frac, end)) = lex_fraction_digits(text, i + len) else { break };
                toks.push((Tok::Point(frac), i, end));
                i = end;
                continue;
            }
            Some(CnChar::Ji | CnChar::Shu) => {
                let next = char_at(text, i + len).and_then(cn_char);
                let before_unit = matches!(next, Some(CnChar::Small(_) | CnChar::Big(_)));
                if matches!(cn_char(c), Some(CnChar::Shu)) && !(prev.is_none() && before_unit) {
                    break;
                }
                let before_unit =
                    matches!(next, Some(CnChar::Small(_))) || (before_unit && prev.is_none());
                if matches!(
                    prev,
                    Some(Tok::Num { zero: false, .. } | Tok::Ji { .. } | Tok::Point(_))
                ) {
                    break;
                }
                if !before_unit
                    && !matches!(next, Some(CnChar::Big(_)))
                    && !matches!(prev, Some(Tok::Small(_) | Tok::Big(_)))
                {
                    break;
                }
                toks.push((Tok::Ji { before_unit }, i, i + len));
                approx = Some(Approx::About);
            }
            None if matches!(c, ' ' | '个' | '個')
                && matches!(prev, Some(Tok::Num { .. }))
                && matches!(char_at(text, i + len).and_then(cn_char), Some(CnChar::Big(_)))
                && (c != ' ' || matches!(prev, Some(Tok::Num { arabic: true, .. }))) =>
            {
                // `177.1 亿`, and the spoken `两个亿`.
            }
            None => {
                // 多/余 between a numeral and a scale word: 五百余万, 壹千多萬.
                if matches!(c, '多' | '余' | '餘')
                    && !toks.is_empty()
                    && matches!(char_at(text, i + len).and_then(cn_char), Some(CnChar::Big(_)))
                {
                    approx = Some(Approx::Over);
                    i += len;
                    continue;
                }
                break;
            }
        }
        i += len;
    }
    // Drop a trailing 零 that ends nothing (`一千零` is 一千 followed by 零…).
    let toks = trim_tokens(toks);
    if toks.is_empty() {
        return None;
    }
    let end = toks.last().map_or(pos, |t| t.2);
    let positional = toks.iter().any(|t| matches!(t.0, Tok::Small(_) | Tok::Big(_)))
        || (toks.len() > 1 && !arabic);
    let big = toks.iter().any(|t| matches!(t.0, Tok::Big(_)));
    let single_cn = toks.len() == 1 && !arabic && matches!(toks[0].0, Tok::Num { .. });
    let toks: Vec<Tok> = toks.into_iter().map(|t| t.0).collect();
    let (value, value_max, pair_range) = evaluate(&toks);
    Some(Lexed {
        start: pos,
        end,
        value,
        value_max,
        arabic,
        arabic_multi,
        positional,
        big,
        single_cn,
        approx,
        damaged,
        fraction_unit: None,
        pair_range,
    })
}

/// `千万分之六`, `万万分之七`, `百分之百`: a fraction word made of scale words only.
fn lex_fraction_word(text: &str, pos: usize) -> Option<Lexed> {
    let rest = &text[pos..];
    let mut toks = Vec::new();
    let mut i = 0;
    for c in rest.chars() {
        match cn_char(c) {
            Some(CnChar::Small(u)) if u >= 100 => toks.push(Tok::Small(u)),
            Some(CnChar::Big(e)) => toks.push(Tok::Big(e)),
            _ => break,
        }
        i += c.len_utf8();
        // No denominator is that long; stopping keeps a long run of 万 linear.
        if toks.len() > MAX_TOKENS {
            return None;
        }
    }
    if toks.len() < 2 && !rest[i..].starts_with("分之百") {
        return None;
    }
    let after = rest[i..].strip_prefix("分之")?;
    let n = positional(&toks, false)?;
    let m_pos = text.len() - after.len();
    let mut inner = if after.starts_with(['百', '佰']) {
        let mut l = lex_placeholder_number(m_pos, m_pos + '百'.len_utf8());
        l.value = Some(Decimal::from_int(100));
        l
    } else {
        lex(text, m_pos).filter(|l| l.fraction_unit.is_none())?
    };
    let (unit, scale) = if n == Decimal::from_int(1000) {
        (Unit::PER_MILLE, Decimal::from_int(1))
    } else {
        (Unit::PERCENT, Decimal::from_int(100).checked_div(n)?)
    };
    inner.value = inner.value.and_then(|v| v.checked_mul(scale));
    inner.value_max = inner.value_max.and_then(|v| v.checked_mul(scale));
    inner.start = pos;
    inner.fraction_unit = Some(unit);
    inner.positional = true;
    inner.single_cn = false;
    Some(inner)
}

/// Cuts the token list where it stops being one numeral: two numbers side by side in a
/// positional numeral (`十三五` → `十三`), except a Chinese digit pair before a unit
/// (`三五百`) or a digit string (`一七二零`).
fn trim_tokens(toks: Vec<(Tok, usize, usize)>) -> Vec<(Tok, usize, usize)> {
    let is_cn_digit = |t: &Tok| matches!(t, Tok::Num { arabic: false, .. });
    let digit_string = toks.iter().all(|t| is_cn_digit(&t.0) || matches!(t.0, Tok::Point(_)));
    if digit_string {
        return toks;
    }
    let mut out: Vec<(Tok, usize, usize)> = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        if let (Some(prev), Tok::Num { zero: false, .. }) = (out.last(), t.0)
            && let Tok::Num { zero: false, .. } = prev.0
        {
            // A pair like 三五 is a range when a unit follows and it starts the numeral.
            let distinct = match (prev.0, t.0) {
                (Tok::Num { value: a, .. }, Tok::Num { value: b, .. }) => a < b,
                _ => false,
            };
            let pair = k == 1
                && distinct
                && is_cn_digit(&prev.0)
                && is_cn_digit(&t.0)
                && matches!(toks.get(2).map(|t| t.0), Some(Tok::Small(_) | Tok::Big(_)));
            if !pair {
                break;
            }
        }
        out.push(*t);
    }
    // A numeral does not end in 零 after a unit (一百零 → 一百).
    while out.len() > 1 && matches!(out.last().map(|t| t.0), Some(Tok::Num { zero: true, .. })) {
        out.pop();
    }
    out
}

/// The value of a token list: (lower or only value, upper bound, whether a digit pair).
fn evaluate(toks: &[Tok]) -> (Option<Decimal>, Option<Decimal>, bool) {
    let is_cn_digit = |t: &Tok| matches!(t, Tok::Num { arabic: false, .. });
    // Digit string: 一七二零点一, 二〇〇二, 零一.
    if toks.len() > 1 && toks.iter().all(|t| is_cn_digit(t) || matches!(t, Tok::Point(_))) {
        let mut m: Option<i128> = Some(0);
        let mut frac = None;
        for t in toks {
            match t {
                Tok::Num { value, .. } => {
                    m = m
                        .and_then(|m| m.checked_mul(10))
                        .and_then(|m| m.checked_add(value.mantissa()));
                }
                Tok::Point(f) => frac = Some(*f),
                _ => {}
            }
        }
        let v = m.map(Decimal::from_int);
        let v = match frac {
            Some(f) => v.and_then(|v| v.checked_add(f)),
            None => v,
        };
        return (v, None, false);
    }
    // Digit pair before a unit: 三五百 → 300..500.
    if toks.len() > 2 && is_cn_digit(&toks[0]) && is_cn_digit(&toks[1]) {
        let mut lo = toks[1..].to_vec();
        lo[0] = toks[0];
        let hi = &toks[1..];
        return (positional(&lo, false), positional(hi, false), true);
    }
    let has_ji = toks.iter().any(|t| matches!(t, Tok::Ji { .. }));
    let lo = positional(toks, false);
    let hi = if has_ji { positional(toks, true) } else { None };
    (lo, hi, false)
}

fn positional(toks: &[Tok], ji_high: bool) -> Option<Decimal> {
    let zero = Decimal::ZERO;
    let mut top = zero;
    let mut high = zero;
    let mut mid = zero;
    let mut section = zero;
    let mut cur: Option<(Decimal, bool)> = None; // (value, single Chinese digit)
    let mut last_unit: Option<i128> = None;
    let mut after_zero = false;
    let mut after_point = false;
    for t in toks {
        match *t {
            Tok::Num { zero: true, arabic: false, .. } => {
                after_zero = true;
                if cur.is_none() && section == zero && mid == zero && high == zero {
                    cur = Some((zero, false));
                }
            }
            Tok::Num { value, arabic, .. } => {
                if after_point {
                    return None;
                }
                cur = Some((value, !arabic));
            }
            Tok::Ji { before_unit } => {
                let v = if ji_high {
                    10
                } else if before_unit {
                    1
                } else {
                    0
                };
                cur = Some((Decimal::from_int(v), false));
            }
            Tok::Small(u) => {
                if after_point {
                    return None;
                }
                let n = match cur.take() {
                    Some((c, _)) if !(after_zero && c == zero) => c,
                    _ => Decimal::from_int(1),
                };
                section = section.checked_add(n.checked_mul(Decimal::from_int(u))?)?;
                last_unit = Some(u);
                after_zero = false;
            }
            Tok::Big(e) => {
                let f = Decimal::pow10(e)?;
                let n = cur.take().map_or(zero, |c| c.0);
                if after_point {
                    high = high.checked_add(mid)?.checked_add(section)?.checked_add(n)?;
                    high = high.checked_mul(f)?;
                    mid = zero;
                } else if e >= 12 {
                    top = top.checked_add(high)?.checked_add(mid)?.checked_add(section)?;
                    top = top.checked_add(n)?.checked_mul(f)?;
                    high = zero;
                    mid = zero;
                } else if e >= 8 {
                    high = high.checked_add(mid)?.checked_add(section)?.checked_add(n)?;
                    high = high.checked_mul(f)?;
                    mid = zero;
                } else {
                    let base = mid.checked_add(section)?.checked_add(n)?;
                    if base == zero && high != zero {
                        high = high.checked_mul(f)?;
                    } else {
                        mid = base.checked_mul(f)?;
                    }
                }
                section = zero;
                last_unit = Some(pow10_i(e)?);
                after_zero = false;
            }
            Tok::Point(frac) => {
                let n = match (cur.take(), last_unit) {
                    // 两千三点一 → 2300.1
                    (Some((c, true)), Some(u)) if !after_zero && u >= 100 => {
                        c.checked_mul(Decimal::from_int(u / 10))?
                    }
                    (c, _) => c.map_or(zero, |c| c.0),
                };
                high = top.checked_add(high)?;
                top = zero;
                high = high.checked_add(mid)?.checked_add(section)?.checked_add(n)?;
                high = high.checked_add(frac)?;
                mid = zero;
                section = zero;
                after_point = true;
                last_unit = None;
            }
        }
    }
    let mut total = top.checked_add(high)?.checked_add(mid)?.checked_add(section)?;
    if let Some((c, single_cn)) = cur {
        let c = match last_unit {
            // 三万五 → 35000, 一百二 → 120: a lone digit after a unit counts one place lower.
            Some(u) if single_cn && !after_zero && u >= 100 => {
                c.checked_mul(Decimal::from_int(u / 10))?
            }
            _ => c,
        };
        total = total.checked_add(c)?;
    }
    Some(total)
}

fn pow10_i(e: u32) -> Option<i128> {
    crate::decimal::pow10(e)
}

// ---------------------------------------------------------------------------------------
// A figure: numeral, range, unit.

/// A numeral with its range partner, approximation and unit, as the extractor sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Figure {
    pub(crate) start: usize,
    /// End of the numeral, range and unit.
    pub(crate) end: usize,
    pub(crate) number: Lexed,
    pub(crate) value: Option<Decimal>,
    pub(crate) value_max: Option<Decimal>,
    pub(crate) unit: Option<UnitMatch>,
    /// The range's upper bound carries its own sign.
    pub(crate) max_signed: bool,
    /// The unit came from the fraction word (`百分之`).
    pub(crate) fraction_unit: Option<Unit>,
    pub(crate) approx: Option<Approx>,
    pub(crate) placeholder: bool,
    pub(crate) damaged: bool,
}

const RANGE_SEPS: &[&str] = &["——", "--", "-", "－", "—", "―", "–", "~", "～", "至", "到"];

/// Reads a placeholder (`X`, `XX`, `×`) at `pos`: returns its end.
fn placeholder_at(text: &str, pos: usize) -> Option<usize> {
    // Not part of a Latin word (tested first: inside a long run of X, every position fails
    // here at once).
    let before = text[..pos].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // At most six placeholder bytes; reads no further than one more character.
    let mut i = pos;
    while let Some(c) = char_at(text, i) {
        if !matches!(c, 'X' | 'x' | '×' | 'Ｘ') {
            break;
        }
        i += c.len_utf8();
        if i - pos > 6 {
            return None;
        }
    }
    (i > pos).then_some(i)
}

/// Reads a figure at `pos`.
pub(crate) fn lex_figure(text: &str, pos: usize) -> Option<Figure> {
    if let Some(end) = placeholder_at(text, pos) {
        let mut i = end;
        let mut approx = None;
        if let Some(c) = char_at(text, i).filter(|c| matches!(c, '余' | '多' | '餘')) {
            approx = Some(Approx::Over);
            i += c.len_utf8();
        }
        // Scale words, then a unit.
        let mut scaled = false;
        while let Some(c) = char_at(text, i) {
            if matches!(cn_char(c), Some(CnChar::Big(_) | CnChar::Small(100 | 1000)))
                && !units::unit_starting_with_scale(&text[i..])
            {
                i += c.len_utf8();
                scaled = true;
            } else {
                break;
            }
        }
        if approx.is_none()
            && let Some(c) = char_at(text, i).filter(|c| matches!(c, '余' | '多' | '餘'))
        {
            approx = Some(Approx::Over);
            i += c.len_utf8();
        }
        let unit = units::match_unit(&text[i..]);
        if unit.is_none() && !scaled {
            return None;
        }
        let end = i + unit.map_or(0, |u| u.len);
        let number = lex_placeholder_number(pos, end);
        return Some(Figure {
            start: pos,
            end,
            number,
            value: None,
            value_max: None,
            unit,
            fraction_unit: None,
            approx,
            placeholder: true,
            damaged: false,
            max_signed: false,
        });
    }
    let number = lex(text, pos)?;
    let mut value = number.value;
    let mut value_max = number.value_max;
    let mut end = number.end;
    let mut approx = number.approx;
    let mut max_signed = false;
    // N分之M: a fraction.
    if number.fraction_unit.is_none()
        && let Some(after) = text[end..].strip_prefix("分之")
    {
        let m_pos = text.len() - after.len();
        if let Some(m) = lex(text, m_pos).filter(|m| m.fraction_unit.is_none()) {
            value = match (m.value, value) {
                (Some(m), Some(n)) => m.checked_div(n),
                _ => None,
            };
            value_max = None;
            end = m.end;
            let mut n = number;
            n.positional = true;
            n.single_cn = false;
            n.big = false;
            n.end = end;
            return Some(Figure {
                start: pos,
                end,
                number: n,
                value,
                value_max,
                unit: None,
                fraction_unit: None,
                approx,
                placeholder: false,
                damaged: number.damaged,
                max_signed: false,
            });
        }
    }
    // A range: 20-30亿元, 3至5家, 两到三万.
    if number.fraction_unit.is_none()
        && !number.pair_range
        && let Some(sep) = RANGE_SEPS.iter().find(|s| text[end..].starts_with(**s))
    {
        let b_pos = end + sep.len();
        let b_pos = b_pos + usize::from(text[b_pos..].starts_with(' '));
        let ascii_sep = sep.starts_with('-') || sep.starts_with('－');
        // A signed upper bound (-10至-100) when the separator is a word.
        let b_sign = if ascii_sep {
            None
        } else {
            ["-", "－", "负", "負"].iter().find(|s| text[b_pos..].starts_with(**s))
        };
        let b_pos = b_pos + b_sign.map_or(0, |s| s.len());
        if let Some(mut b) = lex(text, b_pos).filter(|b| b.fraction_unit.is_none()) {
            if b_sign.is_some() {
                b.value = b.value.and_then(Decimal::checked_neg);
                b.value_max = b.value_max.and_then(Decimal::checked_neg);
                max_signed = true;
            }
            // An ASCII hyphen ranges only between numerals of the same kind.
            let same_kind = !ascii_sep || (b.arabic == number.arabic);
            if same_kind && b.value.is_some() && value.is_some() {
                let (lo, hi) = range_scale(text, &number, &b);
                value = lo;
                value_max = hi;
                end = b.end;
                approx = approx.or(b.approx);
            }
        }
    }
    // A lone 多/余 after the numeral: 3000多欧元, X余家, 十多个.
    let mut unit_at = end;
    if let Some(c) = char_at(text, unit_at).filter(|c| matches!(c, '多' | '余' | '餘')) {
        let after = unit_at + c.len_utf8();
        if units::match_unit(&text[after..]).is_some() {
            approx = Some(Approx::Over);
            unit_at = after;
            // 3000多 → 3000..4000, 十多 → 10..20: up to the next step of the leading digit.
            if value_max.is_none()
                && let Some(v) = value.filter(|v| v.is_integer() && v.mantissa() > 0)
            {
                let digits = v.mantissa().to_string().len() as u32;
                value_max = Decimal::pow10(digits - 1).and_then(|s| v.checked_add(s));
            }
        }
    }
    let fraction_unit = number.fraction_unit;
    let mut unit = None;
    let mut damaged = number.damaged;
    if fraction_unit.is_none() {
        let mut at = unit_at;
        // One space between a number and its unit (`124.67 億元`).
        if text[at..].starts_with(' ') && number.arabic {
            at += 1;
        }
        if let Some(u) = units::match_unit(&text[at..]) {
            unit = Some(u);
            end = at + u.len;
            if u.tenths {
                let ten = Decimal::from_int(10);
                value = value.and_then(|v| v.checked_mul(ten));
                value_max = value_max.and_then(|v| v.checked_mul(ten));
            }
            if u.care_of {
                damaged = true;
            }
            if u.unit == Unit::YUAN {
                // 三万元欧元, 9000元日币: the currency named after 元; 港币两千元: before.
                if let Some(u2) = units::match_unit(&text[end..])
                    .filter(|u2| u2.class == Class::Money && u2.unit != Unit::YUAN)
                {
                    unit = Some(u2);
                    end += u2.len;
                } else if let Some(cur) = currency_before(&text[..pos]) {
                    unit = Some(UnitMatch { unit: cur, ..u });
                }
            }
            // 1万元--5万元: a range with the unit on both ends.
            if value_max.is_none()
                && let Some(sep) = RANGE_SEPS.iter().find(|s| text[end..].starts_with(**s))
            {
                let b_pos = end + sep.len();
                if let Some(b) = lex(text, b_pos).and_then(|_| lex_figure(text, b_pos))
                    && b.unit.map(|u| u.unit) == Some(u.unit)
                    && b.value_max.is_none()
                {
                    value_max = b.value;
                    end = b.end;
                }
            }
            if u.class == Class::Money
                && u.unit == Unit::YUAN
                && let Some((v, len)) = value.and_then(|v| money_tail(text, at, v))
            {
                value = Some(v);
                end = at + len;
            }
        } else if unit_at != end {
            end = unit_at;
        }
    }
    Some(Figure {
        start: pos,
        end,
        number,
        value,
        value_max,
        unit,
        fraction_unit,
        approx,
        placeholder: false,
        damaged,
        max_signed,
    })
}

/// A currency named right before a number (`港币两千九百六十元`).
fn currency_before(before: &str) -> Option<Unit> {
    let before = before.trim_end_matches(' ');
    let name = ["港币", "港幣", "美元", "欧元", "歐元", "日元", "新台币", "新臺幣", "台币", "英镑"]
        .iter()
        .find(|n| before.ends_with(**n))?;
    units::match_unit(name).map(|m| m.unit)
}

fn lex_placeholder_number(start: usize, end: usize) -> Lexed {
    Lexed {
        start,
        end,
        value: None,
        value_max: None,
        arabic: false,
        arabic_multi: false,
        positional: false,
        big: false,
        single_cn: false,
        approx: None,
        damaged: false,
        fraction_unit: None,
        pair_range: false,
    }
}

/// The bounds of a range `a–b`: `a` takes the scale words `b` ends with when it has none
/// and is smaller than `b` without them (`20-30亿` → 20亿..30亿, `十八至三十万` → 18万..30万,
/// but `8500到3万` → 8500..30000).
fn range_scale(text: &str, a: &Lexed, b: &Lexed) -> (Option<Decimal>, Option<Decimal>) {
    let (Some(av), Some(bv)) = (a.value, b.value) else { return (a.value, b.value) };
    let hi = b.value_max.unwrap_or(bv);
    if a.big {
        return (Some(av), Some(hi));
    }
    // Scale words at the end of b, longest suffix first.
    let tail: Vec<char> = text[b.start..b.end]
        .chars()
        .rev()
        .take_while(|c| matches!(cn_char(*c), Some(CnChar::Small(_) | CnChar::Big(_))))
        .collect();
    let a_has_small = !a.arabic && a.positional;
    for k in (1..=tail.len()).rev() {
        let mut factor = Decimal::from_int(1);
        let mut only_big = true;
        for c in &tail[..k] {
            match cn_char(*c) {
                Some(CnChar::Small(u)) => {
                    only_big = false;
                    factor = factor.checked_mul(Decimal::from_int(u)).unwrap_or(factor);
                }
                Some(CnChar::Big(e)) => {
                    factor =
                        Decimal::pow10(e).and_then(|p| factor.checked_mul(p)).unwrap_or(factor);
                }
                _ => {}
            }
        }
        if a_has_small && !only_big {
            continue;
        }
        let Some(b_pre) = bv.checked_div(factor) else { continue };
        if av < b_pre {
            return (av.checked_mul(factor), Some(hi));
        }
    }
    (Some(av), Some(hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_table_matches_rules() {
        for c in '\u{800}'..='\u{FFFF}' {
            assert_eq!(is_trigger_code(c as u32), is_trigger_char(c), "help: {c} in TRIGGER_CHARS");
        }
    }

    fn p(s: &str) -> String {
        parse_number(s).map_or_else(|| "None".into(), |d| d.to_string())
    }

    #[test]
    fn numerals() {
        assert_eq!(p("一百二十"), "120");
        assert_eq!(p("两千万"), "20000000");
        assert_eq!(p("一千二百三十四万"), "12340000");
        assert_eq!(p("三万五"), "35000");
        assert_eq!(p("一百二十万三"), "1203000");
        assert_eq!(p("5.2万亿"), "5200000000000");
        assert_eq!(p("1,234.5"), "1234.5");
        assert_eq!(p("一七二零点一"), "1720.1");
        assert_eq!(p("廿二"), "22");
        assert_eq!(p("十几"), "10");
        assert_eq!(p("壹拾壹元壹角壹分"), "11.11");
        assert_eq!(p("千分之三"), "3");
        assert_eq!(p("三分之一"), "0.333333333333333333");
    }

    #[test]
    fn ranges() {
        let f = lex_figure("20-30亿元", 0).unwrap();
        assert_eq!(f.value.unwrap().to_string(), "2000000000");
        assert_eq!(f.value_max.unwrap().to_string(), "3000000000");
        let f = lex_figure("从8500到3万港元", "从".len()).unwrap();
        assert_eq!(f.value.unwrap().to_string(), "8500");
        let f = lex_figure("十八至三十万日元", 0).unwrap();
        assert_eq!(f.value.unwrap().to_string(), "180000");
    }
}
