//! [`MetricExtractor`]: the scan that turns figures into [`Metric`]s.

use zhtext_core::{Extractor, Input, Span};

use crate::context::{PeriodTracker, clean_indicator, is_clause_boundary, is_sentence_boundary};
use crate::numbers::{Figure, lex, lex_figure, next_trigger};
use crate::relation::{Prefix, approx_after, ends_with_change_verb, read_prefix};
use crate::units::{self, Class};
use crate::{Decimal, Direction, Metric, MetricKind, Unit};

/// Finds every figure in a speech or report and reads it as a [`Metric`].
///
/// Precondition: the text has been width-folded (full-width digits and `．` → ASCII, `℅`
/// after a digit → `%`) by zhtext-decode's `Cleanup`, as the facade's pipeline does.
/// Full-width digits are still read, at no cost.
///
/// # Example
///
/// ```
/// use zhtext_core::Extractor;
/// use zhtext_metrics::{MetricExtractor, MetricKind};
///
/// let text = "前三季度，全区生产总值增长8.8%，高于全市平均增速0.2个百分点。";
/// let metrics = MetricExtractor::new().extract(text);
/// assert_eq!(metrics.len(), 2);
/// assert_eq!(&text[metrics[0].span.range()], "8.8%");
/// assert_eq!(metrics[0].indicator.as_deref(), Some("全区生产总值"));
/// assert_eq!(metrics[0].period.as_deref(), Some("前三季度"));
/// assert_eq!(metrics[1].kind, MetricKind::Difference);
/// ```
#[derive(Clone, Debug, Default)]
pub struct MetricExtractor {
    _private: (),
}

impl MetricExtractor {
    /// An extractor with the default rules.
    #[must_use]
    pub fn new() -> MetricExtractor {
        MetricExtractor { _private: () }
    }
}

impl Extractor for MetricExtractor {
    type Item = Metric;

    fn extract_into(&self, input: &Input<'_>, out: &mut Vec<Metric>) {
        Scan::new(input.text(), out).run();
    }
}

/// A lone Chinese digit followed by a character that can neither continue a numeral nor
/// start a unit (`一些`, `统一`, `三是`) is no figure: skip it without lexing.
fn quick_reject(text: &str, start: usize, c: char) -> bool {
    if c.is_ascii() || !matches!(c, '一'..='\u{9FFF}') {
        return false;
    }
    let Some(next) = char_at(text, start + c.len_utf8()) else { return true };
    if next.is_ascii_digit() || !matches!(next, '\u{3400}'..='\u{9FFF}') {
        return !matches!(
            next,
            '%' | '‰' | '-' | '~' | '.' | ' ' | '－' | '—' | '―' | '～' | '％' | '℅' | '０'
                ..='９' | '．'
        );
    }
    !(crate::numbers::continues_numeral(next)
        || units::may_start_unit(next)
        || matches!(next, '多' | '余' | '餘' | '分' | '至' | '到' | '点' | '點' | '番'))
}

struct Scan<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Metric>,
    first: usize,
    periods: PeriodTracker,
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn next_boundary(text: &str, mut pos: usize) -> usize {
    pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

impl<'t, 'o> Scan<'t, 'o> {
    fn new(text: &'t str, out: &'o mut Vec<Metric>) -> Self {
        let first = out.len();
        Scan { text, out, first, periods: PeriodTracker::default() }
    }

    fn prev(&self) -> Option<&Metric> {
        if self.out.len() > self.first { self.out.last() } else { None }
    }

    fn run(&mut self) {
        let text = self.text;
        let mut pos = 0;
        while let Some(start) = next_trigger(text, pos) {
            let c = char_at(text, start).unwrap_or('\0');
            let next = match c {
                '第' => self.rank(start),
                '翻' => self.doubling(start),
                _ if quick_reject(text, start, c) => start + c.len_utf8(),
                _ => self.figure(start),
            };
            pos = next_boundary(text, next.max(start + 1));
        }
    }

    /// The clause before `at`: back to a clause mark, the previous metric, or 60
    /// characters.
    fn clause_start(&self, at: usize) -> usize {
        let floor = self.prev().map_or(0, |m| m.span.end).min(at);
        let mut start = at;
        for (n, c) in self.text[floor..at].chars().rev().enumerate() {
            if is_clause_boundary(c) || n >= 60 {
                break;
            }
            start -= c.len_utf8();
        }
        start
    }

    /// Whether the previous metric is in the same sentence as `at`.
    fn same_sentence(&self, at: usize) -> Option<&Metric> {
        let prev = self.prev()?;
        let between = self.text.get(prev.span.end..at)?;
        (!between.chars().any(is_sentence_boundary)).then_some(prev)
    }

    fn figure(&mut self, start: usize) -> usize {
        let text = self.text;
        let Some(mut fig) = lex_figure(text, start) else {
            return start + char_at(text, start).map_or(1, char::len_utf8);
        };
        let next = fig.end.max(fig.number.end);
        // Part of a code or a longer token: PM2.5, A3, 3G, 5G.
        let before = char_before(text, start);
        if before.is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '/')
            && !fig.placeholder
        {
            return next;
        }
        if char_at(text, fig.number.end).is_some_and(|c| c.is_ascii_alphabetic())
            && fig.unit.is_none()
        {
            return next;
        }
        // Dates and periods (2023年, 7月18日, 三季度) are not figures.
        let unit = fig.unit.map(|u| u.unit).or(fig.fraction_unit);
        if unit.is_none() && units::time_word(&text[fig.end..]).is_some() {
            return next;
        }
        if fig.number.single_cn
            && unit.is_some()
            && fig.fraction_unit.is_none()
            && matches!(fig.unit.map(|u| u.class), Some(Class::Counter | Class::Measure))
        {
            // 一个, 三项, 两人: small counts in characters are prose.
            return next;
        }
        if text[start..].starts_with("一块") || text[start..].starts_with("一塊") {
            // 一块: a piece, together.
            return next;
        }
        if fig.unit.is_some_and(|u| u.tenths) {
            // 一成不变 and similar idioms.
            if text[fig.end..].starts_with([
                '不', '为', '為', '立', '功', '果', '本', '绩', '績', '效', '员', '員', '就', '交',
                '型', '长', '長', '熟', '品', '都', '果',
            ]) {
                return next;
            }
        }
        // A sign: 增长-3.5%, 负3.9%.
        let mut span_start = start;
        if let Some(c) = before.filter(|c| matches!(c, '-' | '－' | '负' | '負')) {
            let at = start - c.len_utf8();
            let digit_before = char_before(text, at).is_some_and(|c| c.is_ascii_digit());
            let negative_growth = matches!(c, '负' | '負') && text[start..].starts_with("增");
            if !digit_before && !negative_growth {
                span_start = at;
                fig.value = fig.value.and_then(Decimal::checked_neg);
                if !fig.max_signed {
                    fig.value_max = fig.value_max.and_then(Decimal::checked_neg);
                }
            }
        }
        let clause_start = self.clause_start(span_start);
        let clause = &text[clause_start..span_start];
        let damaged_change = unit.is_none()
            && !fig.number.big
            && !fig.placeholder
            && fig.number.arabic
            && ends_with_change_verb(clause);
        if unit.is_none() && !fig.number.big && !damaged_change && !fig.placeholder {
            return next;
        }
        let mut approx = fig.approx;
        if let Some((a, _)) = approx_after(&text[fig.end..]) {
            approx = approx.or(Some(a));
        }
        let prefix = read_prefix(clause);
        self.push(span_start, &fig, unit, approx.or(prefix.approx), prefix, damaged_change);
        next
    }

    fn push(
        &mut self,
        start: usize,
        fig: &Figure,
        unit: Option<Unit>,
        approx: Option<crate::Approx>,
        prefix: Prefix<'_>,
        damaged_change: bool,
    ) {
        let text = self.text;
        let enumerated = self.same_sentence(start).filter(|prev| {
            let between = text[prev.span.end..start].trim_start_matches(['左', '右', '以', '上']);
            matches!(between, "、" | "和" | "及" | "与" | "與" | "至" | "，" | ",")
                && prefix.rest.trim_matches(['、', '和', '及', '与', '與', ' ']).is_empty()
        });
        // A list continues its first figure's relation where the unit allows it: only
        // multiples (倍) are multiples and only ratios are shares (`X倍，一成` is a multiple and a
        // level, `占5%、1万` a share and a level).
        let inherited = enumerated.map(|p| (p.kind, p.direction)).filter(|(k, _)| match k {
            MetricKind::Multiple => unit == Some(Unit::TIMES),
            MetricKind::Share => unit.is_some_and(|u| u.is_ratio()),
            _ => true,
        });
        let mut direction = prefix.direction;
        let kind = if unit == Some(Unit::TIMES) {
            MetricKind::Multiple
        } else if prefix.compare.is_some() || (prefix.base && unit == Some(Unit::PERCENTAGE_POINT))
        {
            MetricKind::Difference
        } else if prefix.verb || damaged_change {
            MetricKind::Change
        } else if let Some((k, d)) = inherited {
            direction = d;
            k
        } else if unit.is_some_and(|u| u.is_ratio()) && prefix.share {
            MetricKind::Share
        } else if prefix.year_on_year {
            MetricKind::Change
        } else {
            MetricKind::Level
        };
        if matches!(kind, MetricKind::Change) && fig.value.is_some_and(|v| v.is_negative()) {
            direction = Some(Direction::Down);
        }
        let indicator = match clean_indicator(prefix.rest) {
            Some(s) => Some(s.to_owned()),
            None => self.same_sentence(start).and_then(|p| p.indicator.clone()),
        };
        let period = self.periods.at(text, start).map(str::to_owned);
        let damaged = fig.damaged || damaged_change;
        self.out.push(Metric {
            span: Span { start, end: fig.end },
            value: fig.value,
            value_max: fig.value_max,
            unit,
            kind,
            direction,
            approx,
            indicator,
            period,
            placeholder: fig.placeholder,
            damaged,
        });
    }

    /// `第` at `start`: a rank (`第9位`, `排第五名`, `倒数第一`) or an ordinal to skip
    /// (`第三季度`, `第一家`).
    fn rank(&mut self, start: usize) -> usize {
        let text = self.text;
        let num_at = start + '第'.len_utf8();
        let Some(n) = lex(text, num_at).filter(|n| n.fraction_unit.is_none()) else {
            return num_at;
        };
        let before = &text[..start];
        let bottom = before.ends_with("倒数") || before.ends_with("倒數");
        let span_start = if bottom { start - "倒数".len() } else { start };
        let after = &text[n.end..];
        let unit = if after.starts_with('名') {
            Some(Unit::MING)
        } else if after.starts_with('位') {
            Some(Unit::WEI)
        } else {
            None
        };
        let clause_start = self.clause_start(span_start);
        let clause = &text[clause_start..span_start];
        let tail_start = clause.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let ranked = ["排", "居", "列"].iter().any(|w| clause[tail_start..].contains(w));
        let next_is_counter =
            units::match_unit(after).is_some() || units::time_word(after).is_some();
        if unit.is_none() && !(bottom || (ranked && !next_is_counter)) {
            return n.end;
        }
        let end = n.end + unit.map_or(0, |u| u.as_str().len());
        let prefix = read_prefix(clause);
        let indicator = match clean_indicator(prefix.rest) {
            Some(s) => Some(s.to_owned()),
            None => self.same_sentence(span_start).and_then(|p| p.indicator.clone()),
        };
        let period = self.periods.at(text, span_start).map(str::to_owned);
        self.out.push(Metric {
            span: Span { start: span_start, end },
            value: n.value,
            value_max: n.value_max,
            unit,
            kind: MetricKind::Rank,
            direction: bottom.then_some(Direction::Down),
            approx: None,
            indicator,
            period,
            placeholder: false,
            damaged: false,
        });
        end
    }

    /// `翻` at `start`: 翻一番 → 2, 翻两番 → 4, 翻了一番.
    fn doubling(&mut self, start: usize) -> usize {
        let text = self.text;
        let mut at = start + '翻'.len_utf8();
        if text[at..].starts_with('了') {
            at += '了'.len_utf8();
        }
        let Some(n) = lex(text, at) else { return at };
        if !text[n.end..].starts_with('番') {
            return at;
        }
        let end = n.end + '番'.len_utf8();
        let value = n
            .value
            .filter(|v| v.is_integer() && (0..=100).contains(&v.mantissa()))
            .and_then(|v| Decimal::pow10(0).map(|_| v.mantissa()))
            .and_then(|e| 2i128.checked_pow(u32::try_from(e).ok()?))
            .map(Decimal::from_int);
        let clause_start = self.clause_start(start);
        let prefix = read_prefix(&text[clause_start..start]);
        let indicator = match clean_indicator(prefix.rest) {
            Some(s) => Some(s.to_owned()),
            None => self.same_sentence(start).and_then(|p| p.indicator.clone()),
        };
        let period = self.periods.at(text, start).map(str::to_owned);
        self.out.push(Metric {
            span: Span { start, end },
            value,
            value_max: None,
            unit: Some(Unit::TIMES),
            kind: MetricKind::Multiple,
            direction: Some(Direction::Up),
            approx: prefix.approx,
            indicator,
            period,
            placeholder: false,
            damaged: false,
        });
        end
    }
}
