//! Every figure in a Chinese speech or work report as data: its exact value, unit, what it
//! says (an amount, a change, a share, a multiple, a rank, a difference), which way, the
//! indicator it belongs to and the period in force.
//!
//! ```
//! use zhtext_core::Extractor;
//! use zhtext_metrics::{Direction, MetricExtractor, MetricKind};
//!
//! let text = "前三季度，全区生产总值完成215.6亿元，增长8.8%，高于全市平均增速0.2个百分点。";
//! let metrics = MetricExtractor::new().extract(text);
//! let [amount, growth, gap] = &metrics[..] else { panic!("three figures") };
//!
//! assert_eq!(&text[amount.span.range()], "215.6亿元");
//! assert_eq!(amount.value.unwrap().to_string(), "21560000000");
//! assert_eq!(amount.unit.unwrap().as_str(), "元");
//! assert_eq!(amount.indicator.as_deref(), Some("全区生产总值"));
//! assert_eq!(amount.period.as_deref(), Some("前三季度"));
//!
//! assert_eq!((growth.kind, growth.direction), (MetricKind::Change, Some(Direction::Up)));
//! assert_eq!(growth.indicator.as_deref(), Some("全区生产总值"));
//! assert_eq!(gap.kind, MetricKind::Difference);
//! assert_eq!(gap.to_string(), "高于0.2个百分点");
//! ```
//!
//! # Overview
//!
//! - [`MetricExtractor`] implements [`zhtext_core::Extractor`] and yields [`Metric`]s, in
//!   order, with byte [`Span`](zhtext_core::Span)s into the text it was given.
//! - [`Metric`] holds the value as a [`Decimal`] (exact: `16.4亿` is 1640000000), an
//!   optional range bound, a [`Unit`] in Simplified Chinese, a [`MetricKind`], a
//!   [`Direction`], an [`Approx`], the indicator, the period and two flags (`placeholder`,
//!   `damaged`). It has `Display`/`FromStr` (`"增长8.8%".parse::<Metric>()`) and serde.
//! - [`parse_number`] reads one numeral literal (cn2an's job: `一千二百三十四万`, `两千六`,
//!   `壹佰壹拾壹圆`, `16.4亿`, `百分之六点五`); [`numbers::scan`] lists every number in a
//!   text; [`figure_spans`] gives every figure with its unit, for a segmenter.
//!
//! ### Example: one literal
//!
//! ```
//! use zhtext_metrics::{Metric, MetricKind, Unit};
//!
//! let m: Metric = "三成".parse()?;
//! assert_eq!((m.value.unwrap().to_string().as_str(), m.unit), ("30", Some(Unit::PERCENT)));
//! let m: Metric = "3至5家".parse()?;
//! assert_eq!(m.value_max.unwrap().to_string(), "5");
//! let m: Metric = "較一季度下降3.1個百分點".parse()?;
//! assert_eq!(m.kind, MetricKind::Difference);
//! assert_eq!(m.unit, Some(Unit::PERCENTAGE_POINT));
//! # Ok::<(), zhtext_metrics::Error>(())
//! ```
//!
//! # How it works
//!
//! The extractor moves through the text once. A byte test skips ASCII that cannot start a
//! number and a table look-up skips CJK characters that cannot (anything but Chinese
//! digits, `十`, `几`, `百`/`千`/`万` before `分之`, `第`, `翻`, full-width digits, `X`).
//!
//! - **Numbers.** A numeral is the longest run of Arabic digits (with `,` thousands groups
//!   and a point), Chinese digits, positional words (十 百 千) and scale words (万 亿),
//!   read with sections (`一千一百一十一万…亿…`): a lone digit after 百/千/万 counts one
//!   place lower (`三万五` → 35000), `零` blocks that, two numbers side by side end the
//!   numeral (`十三五` → `十三`), a digit string has no positional words (`一七二零`). `几`
//!   gives a range (`十几` → 10..20, `几十万` → 10万..100万), so does a digit pair before a
//!   unit (`三五百` → 300..500).
//! - **Ranges** join two numerals with `-`, `—`, `~`, `至`, `到`; the first takes the
//!   second's scale words when it has none and is smaller without them (`20-30亿` →
//!   20亿..30亿, `十八至三十万` → 18万..30万, `8500到3万` → 8500..30000).
//! - **Units** follow the scale words (longest match in a table of money, ratios,
//!   measures and counters in both scripts); `成` is reported as `%` × 10; `元` may take
//!   `角`/`分`. `百分之X` is X %, `千分之X` is X ‰, `N分之M` is M/N.
//! - **What is a figure.** A number is a metric when it has a unit, a scale word (`1600万`),
//!   is a placeholder with either (`X亿元`), a rank, a doubling (`翻一番`), or an Arabic
//!   number right after a change verb (`增长12.4`, flagged damaged). Not figures: numbers
//!   followed by a time word (`2023年`, `7月18日`, `第三季度`), inside Latin tokens
//!   (`PM2.5`, `3G`), bare numerals (`十四五`, `统一`, `两会`, `万一`) and one Chinese digit
//!   with a counter (`一个`, `三项`, `一把手`): small counts in characters are prose.
//! - **Relations.** The clause before the figure (back to a clause mark or the previous
//!   figure) is read from its end: approximation words (`约`, `近`, `超过`, `不足`), fillers
//!   (`了`, `为`, `达到`, `同比`, `分别`), a change verb (`增长`, `下降`, `负增长`…), then a
//!   comparison (`高于…`, `低于…` → difference) or a base (`较一季度`, `比上年`: with
//!   `个百分点` a difference). `倍` makes a multiple, `占`/`比重`/`率` with a ratio a share.
//!   `、` or `和` between two figures carries the first one's relation to the second.
//!   `左右`, `以上`, `多`, `以内` after a figure, and `多`/`余` inside it, set the
//!   approximation. A negative change is `down`.
//! - **Indicator.** What is left of the clause after the relation words, without a
//!   leading period or connector (`其中`, `全年`, `预计`, `完成`); when nothing is left, the
//!   previous figure's indicator in the same sentence (`…生产总值215.6亿元，增长7.2%`).
//! - **Period.** The most recent mention in the paragraph before the figure: `前三季度`,
//!   `一季度`, `1-7月`, `1至7月份`, `上半年`, `全年`, `今年`, `2019年` (joined with a mention
//!   right after it: `2019年上半年`).
//!
//! # Design
//!
//! - Values are exact decimals; nothing goes through `f64` ([`Decimal::to_f64`] exists for
//!   output).
//! - Input is expected to be width-folded by zhtext-decode's `Cleanup` (the facade runs it
//!   first); full-width digits are read anyway. Traditional text works as it is: the tables
//!   hold both scripts, units are reported in Simplified Chinese, and the indicator and
//!   period are slices of the text, in its script.
//! - Percentage points stay `个百分点`; they are not turned into `%` (Recognizers-Text does).
//! - Rules, not a model: no dictionary of indicators, no segmentation. A clause that is
//!   not a noun phrase gives a rough indicator; the figure's own fields do not depend on it.
//! - Non-goals: dates and times (zhtext reports them as periods only), discounts (`9折`),
//!   temperatures, and expressions (`2^-1`).
//!
//! # Crate features
//!
//! None.
//!
//! # Panics
//!
//! Nothing in this crate panics on any input: every slice is taken on char boundaries and
//! arithmetic that would overflow gives no value.

#![doc(test(attr(deny(warnings))))]

mod context;
mod decimal;
mod error;
mod extractor;
mod metric;
pub mod numbers;
mod relation;
mod units;

pub use decimal::Decimal;
pub use error::{Error, ErrorKind};
pub use extractor::MetricExtractor;
pub use metric::Metric;
pub use numbers::{figure_spans, parse_number};
pub use relation::{Approx, Direction, MetricKind};
pub use units::Unit;
