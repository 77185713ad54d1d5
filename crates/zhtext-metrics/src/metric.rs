//! [`Metric`]: one figure as data.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use zhtext_core::{Extractor, Span, Spanned};

use crate::error::{Error, ErrorKind};
use crate::relation::{approx_after, approx_before};
use crate::{Approx, Decimal, Direction, MetricExtractor, MetricKind, Unit};

#[derive(Serialize, Deserialize)]
#[serde(remote = "Span")]
struct SpanDef {
    start: usize,
    end: usize,
}

/// One figure found in a text: its place, value, unit and what it says about which
/// indicator in which period.
///
/// `Display` writes the figure's canonical literal (`增长8.8%`, `约15800000000元`,
/// `高于0.2个百分点`, `3至5家`, `倒数第1`); `FromStr` reads one literal back with the same
/// value, range, unit, kind, direction and approximation. Indicator and period are context
/// and are not part of the literal.
///
/// # Example
///
/// ```
/// use zhtext_metrics::{Metric, MetricKind, Direction};
///
/// let m: Metric = "增长8.8%".parse()?;
/// assert_eq!(m.kind, MetricKind::Change);
/// assert_eq!(m.direction, Some(Direction::Up));
/// assert_eq!(m.value.unwrap().to_string(), "8.8");
/// assert_eq!(m.to_string(), "增长8.8%");
/// let m: Metric = "158亿元".parse()?;
/// assert_eq!(m.to_string(), "15800000000元");
/// # Ok::<(), zhtext_metrics::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Metric {
    /// Byte span of the surface form (numeral, range and unit) in the text given to the
    /// extractor.
    #[serde(with = "SpanDef")]
    pub span: Span,
    /// The value with scale words applied (`158亿元` → 15800000000, `百分之六点五` → 6.5,
    /// `三成` → 30); `None` for a placeholder.
    pub value: Option<Decimal>,
    /// The upper bound of a range (`3至5家`, `20-30亿元`, `十几` → 20).
    pub value_max: Option<Decimal>,
    /// The unit left after scale words, in Simplified Chinese.
    pub unit: Option<Unit>,
    /// What the figure says.
    pub kind: MetricKind,
    /// Which way a change or difference goes.
    pub direction: Option<Direction>,
    /// How exact the figure is.
    pub approx: Option<Approx>,
    /// The noun phrase the figure belongs to (`全区生产总值`), in the text's script.
    pub indicator: Option<String>,
    /// The period in force (`前三季度`, `1-7月`, `上半年`, `2019年`).
    pub period: Option<String>,
    /// A template placeholder (`X亿元`, `XX个`): no value.
    pub placeholder: bool,
    /// The figure looks damaged by the site that published it: `增长12.4` (the `%` lost),
    /// `12.7℅`, `.6个百分点` (the leading zero lost). What is there is parsed.
    pub damaged: bool,
}

impl Spanned for Metric {
    fn span(&self) -> Span {
        self.span
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let negative = self.value.is_some_and(|v| v.is_negative());
        match (self.kind, self.direction) {
            (MetricKind::Change | MetricKind::Multiple, Some(Direction::Up)) => {
                f.write_str("增长")?;
            }
            (MetricKind::Change | MetricKind::Multiple, Some(Direction::Down)) => {
                f.write_str(if negative { "增长" } else { "下降" })?;
            }
            (MetricKind::Change, None) => f.write_str("同比")?,
            (MetricKind::Difference, Some(Direction::Up)) => f.write_str("高于")?,
            (MetricKind::Difference, Some(Direction::Down)) => f.write_str("低于")?,
            (MetricKind::Difference, None) => f.write_str("相差")?,
            (MetricKind::Share, _) => f.write_str("占")?,
            (MetricKind::Rank, Some(Direction::Down)) => f.write_str("倒数第")?,
            (MetricKind::Rank, _) => f.write_str("排第")?,
            _ => {}
        }
        if let Some(a) = self.approx {
            f.write_str(match a {
                Approx::About => "约",
                Approx::Over => "超过",
                Approx::Under => "不足",
                Approx::Nearly => "近",
            })?;
        }
        // A figure with no unit is a figure through its scale word: write it with 万
        // (`1.1万`), except a change, whose verb makes it one (`增长12.4`), and a rank.
        let wan = self.unit.is_none()
            && !matches!(self.kind, MetricKind::Rank)
            && !(self.kind == MetricKind::Change && self.direction.is_some());
        let write_value = |f: &mut fmt::Formatter<'_>, v: Decimal| -> fmt::Result {
            let exact = v.scale() + 4 <= 18;
            match Decimal::pow10(4).and_then(|w| v.checked_div(w)).filter(|_| wan && exact) {
                Some(w) => write!(f, "{w}万"),
                None => write!(f, "{v}"),
            }
        };
        match self.value {
            Some(v) => write_value(f, v)?,
            None if self.unit.is_none() => f.write_str("X万")?,
            None => f.write_str("X")?,
        }
        if let Some(max) = self.value_max {
            f.write_str("至")?;
            write_value(f, max)?;
        }
        if let Some(u) = self.unit {
            f.write_str(u.as_str())?;
        }
        Ok(())
    }
}

impl FromStr for Metric {
    type Err = Error;

    /// Reads one figure literal (`158亿元`, `增长8.8%`, `百分之六点五`, `约3至5家`); its
    /// relation words may come first and an approximation word (`左右`, `以上`) after.
    fn from_str(s: &str) -> Result<Metric, Error> {
        if s.trim().is_empty() {
            return Err(Error::new(ErrorKind::Empty));
        }
        let mut metrics = MetricExtractor::new().extract(s);
        if metrics.is_empty() {
            // A bare number is a level with no unit (what `Display` writes for `1.1万`,
            // `约5万至6万`).
            let no_figure = || Error::new(ErrorKind::NoFigure);
            let (approx, s) = match approx_before(s) {
                Some((approx, len)) => (Some(approx), &s[len..]),
                None => (None, s),
            };
            let (value, value_max) = match s.split_once('至') {
                Some((a, b)) => (
                    crate::parse_number(a).ok_or_else(no_figure)?,
                    Some(crate::parse_number(b).ok_or_else(no_figure)?),
                ),
                None => (crate::parse_number(s).ok_or_else(no_figure)?, None),
            };
            return Ok(Metric {
                span: Span { start: 0, end: s.len() },
                value: Some(value),
                value_max,
                unit: None,
                kind: MetricKind::Level,
                direction: None,
                approx,
                indicator: None,
                period: None,
                placeholder: false,
                damaged: false,
            });
        }
        let first = metrics.swap_remove(0);
        let mut end = first.span.end;
        if let Some((_, len)) = approx_after(&s[end..]) {
            end += len;
        }
        if end != s.len() {
            return Err(Error::new(ErrorKind::TrailingText { offset: end }));
        }
        Ok(first)
    }
}
