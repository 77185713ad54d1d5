//! Units that follow a number (after its scale words): money, percentages, physical
//! measures, counters. Surface forms in either script map to one Simplified unit.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};

/// The unit of a figure, named by its Simplified Chinese form (`元`, `%`, `个百分点`, `吨`, `家`).
///
/// `成` (tenths) is reported as `%` with the value scaled (`三成` → 30 %); `圆`, `块`,
/// `人民币` are `元`; `港币` is `港元`; Traditional forms (`個百分點`, `畝`, `戶`) map to
/// their Simplified unit.
///
/// # Example
///
/// ```
/// use zhtext_metrics::Unit;
///
/// let unit: Unit = "個百分點".parse()?;
/// assert_eq!(unit, Unit::PERCENTAGE_POINT);
/// assert_eq!(unit.as_str(), "个百分点");
/// # Ok::<(), zhtext_metrics::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit(&'static str);

impl Unit {
    /// `元`, yuan (also `圆`, `块`, `人民币`).
    pub const YUAN: Unit = Unit("元");
    /// `%`, percent (also `％`, `百分之…`, `成` scaled by ten).
    pub const PERCENT: Unit = Unit("%");
    /// `‰`, per mille (also `千分之…`).
    pub const PER_MILLE: Unit = Unit("‰");
    /// `个百分点`, percentage points.
    pub const PERCENTAGE_POINT: Unit = Unit("个百分点");
    /// `倍`, times.
    pub const TIMES: Unit = Unit("倍");
    /// `个`, the general counter.
    pub const GE: Unit = Unit("个");
    /// `名`, a counter for people and places in a ranking.
    pub const MING: Unit = Unit("名");
    /// `位`, a counter for people and places in a ranking.
    pub const WEI: Unit = Unit("位");

    /// The unit in Simplified Chinese.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        self.0
    }

    /// Whether this is `%`, `‰` or `个百分点`.
    #[must_use]
    pub fn is_ratio(&self) -> bool {
        matches!(self.0, "%" | "‰" | "个百分点")
    }

    /// Whether this is a currency.
    #[must_use]
    pub fn is_money(&self) -> bool {
        UNITS.iter().any(|u| u.unit == self.0 && u.class == Class::Money)
    }
}

impl fmt::Debug for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unit({})", self.0)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl FromStr for Unit {
    type Err = Error;

    /// Parses any surface form this crate recognizes (`個百分點`, `港币`, `%`).
    fn from_str(s: &str) -> Result<Unit, Error> {
        match match_unit(s) {
            Some(m) if m.len == s.len() => Ok(m.unit),
            _ if s.is_empty() => Err(Error::new(ErrorKind::Empty)),
            _ => Err(Error::new(ErrorKind::NoFigure)),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Unit, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    Money,
    Ratio,
    Times,
    Measure,
    Counter,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    surface: &'static str,
    unit: &'static str,
    class: Class,
}

const fn e(surface: &'static str, unit: &'static str, class: Class) -> Entry {
    Entry { surface, unit, class }
}

use Class::{Counter, Measure, Money, Ratio, Times};

/// Surface forms, longest first among those sharing a prefix (matching takes the first hit
/// of the longest length, see `match_unit`).
static UNITS: &[Entry] = &[
    // Money.
    e("元", "元", Money),
    e("圆", "元", Money),
    e("圓", "元", Money),
    e("块钱", "元", Money),
    e("塊錢", "元", Money),
    e("块", "元", Money),
    e("塊", "元", Money),
    e("人民币", "元", Money),
    e("人民幣", "元", Money),
    e("美元", "美元", Money),
    e("美圆", "美元", Money),
    e("美圓", "美元", Money),
    e("美金", "美元", Money),
    e("港元", "港元", Money),
    e("港币", "港元", Money),
    e("港幣", "港元", Money),
    e("欧元", "欧元", Money),
    e("歐元", "欧元", Money),
    e("日元", "日元", Money),
    e("日币", "日元", Money),
    e("日幣", "日元", Money),
    e("英镑", "英镑", Money),
    e("英鎊", "英镑", Money),
    e("韩元", "韩元", Money),
    e("韓元", "韩元", Money),
    e("澳元", "澳元", Money),
    e("加元", "加元", Money),
    e("卢布", "卢布", Money),
    e("盧布", "卢布", Money),
    e("泰铢", "泰铢", Money),
    e("泰銖", "泰铢", Money),
    e("新台币", "新台币", Money),
    e("新臺幣", "新台币", Money),
    e("新台幣", "新台币", Money),
    e("台币", "新台币", Money),
    e("臺幣", "新台币", Money),
    e("台幣", "新台币", Money),
    // Ratios.
    e("%", "%", Ratio),
    e("％", "%", Ratio),
    e("℅", "%", Ratio),
    e("‰", "‰", Ratio),
    e("个百分点", "个百分点", Ratio),
    e("個百分點", "个百分点", Ratio),
    e("个百分點", "个百分点", Ratio),
    e("百分点", "个百分点", Ratio),
    e("百分點", "个百分点", Ratio),
    e("成", "%", Ratio),
    e("倍", "倍", Times),
    // Physical measures.
    e("吨", "吨", Measure),
    e("噸", "吨", Measure),
    e("亩", "亩", Measure),
    e("畝", "亩", Measure),
    e("公顷", "公顷", Measure),
    e("公頃", "公顷", Measure),
    e("平方米", "平方米", Measure),
    e("平方公里", "平方公里", Measure),
    e("平方千米", "平方公里", Measure),
    e("立方米", "立方米", Measure),
    e("公里", "公里", Measure),
    e("千米", "公里", Measure),
    e("米", "米", Measure),
    e("千瓦时", "千瓦时", Measure),
    e("千瓦時", "千瓦时", Measure),
    e("千瓦", "千瓦", Measure),
    e("兆瓦", "兆瓦", Measure),
    e("千伏", "千伏", Measure),
    e("千克", "千克", Measure),
    e("公斤", "公斤", Measure),
    e("小时", "小时", Measure),
    e("小時", "小时", Measure),
    e("个月", "个月", Measure),
    e("個月", "个月", Measure),
    e("天", "天", Measure),
    // Counters.
    e("个", "个", Counter),
    e("個", "个", Counter),
    e("家", "家", Counter),
    e("户", "户", Counter),
    e("戶", "户", Counter),
    e("人次", "人次", Counter),
    e("人", "人", Counter),
    e("项", "项", Counter),
    e("項", "项", Counter),
    e("名", "名", Counter),
    e("位", "位", Counter),
    e("次", "次", Counter),
    e("座", "座", Counter),
    e("所", "所", Counter),
    e("条", "条", Counter),
    e("條", "条", Counter),
    e("件", "件", Counter),
    e("套", "套", Counter),
    e("辆", "辆", Counter),
    e("輛", "辆", Counter),
    e("台", "台", Counter),
    e("臺", "台", Counter),
    e("张", "张", Counter),
    e("張", "张", Counter),
    e("栋", "栋", Counter),
    e("棟", "栋", Counter),
    e("株", "株", Counter),
    e("棵", "棵", Counter),
    e("头", "头", Counter),
    e("頭", "头", Counter),
    e("批", "批", Counter),
    e("处", "处", Counter),
    e("處", "处", Counter),
    e("间", "间", Counter),
    e("間", "间", Counter),
    e("篇", "篇", Counter),
    e("例", "例", Counter),
    e("宗", "宗", Counter),
    e("笔", "笔", Counter),
    e("筆", "笔", Counter),
];

/// The entries of [`UNITS`] grouped by the first character of their surface, sorted by that
/// character; each group longest surface first.
static BY_FIRST: LazyLock<Vec<(char, Vec<&'static Entry>)>> = LazyLock::new(|| {
    let mut groups: Vec<(char, Vec<&'static Entry>)> = Vec::new();
    for entry in UNITS {
        let Some(first) = entry.surface.chars().next() else { continue };
        match groups.iter_mut().find(|(c, _)| *c == first) {
            Some((_, group)) => group.push(entry),
            None => groups.push((first, vec![entry])),
        }
    }
    groups.sort_unstable_by_key(|(c, _)| *c);
    for (_, group) in &mut groups {
        // Stable: of two surfaces of one length, the first in `UNITS` wins.
        group.sort_by_key(|e| std::cmp::Reverse(e.surface.len()));
    }
    groups
});

/// The units whose surface starts with `c`, longest first.
fn units_starting_with(c: char) -> &'static [&'static Entry] {
    let groups = &*BY_FIRST;
    groups.binary_search_by_key(&c, |(first, _)| *first).map_or(&[], |i| &groups[i].1)
}

/// Whether a unit may start with `c`.
pub(crate) fn may_start_unit(c: char) -> bool {
    !units_starting_with(c).is_empty()
}

/// A unit found at the start of a text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnitMatch {
    pub(crate) unit: Unit,
    pub(crate) class: Class,
    /// Bytes of the surface form.
    pub(crate) len: usize,
    /// The surface was `成` (value is scaled by ten).
    pub(crate) tenths: bool,
    /// The surface was `℅` (typed for `%`).
    pub(crate) care_of: bool,
}

/// `s.starts_with(w)`, rejecting on one byte before comparing (most calls fail).
#[inline]
pub(crate) fn starts_with_b(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    let m = w.len();
    m > 0 && s.len() >= m && s[m - 1] == w[m - 1] && s[..m] == *w
}

/// `s.strip_suffix(w)`, rejecting on one byte before comparing.
#[inline]
pub(crate) fn strip_suffix_b<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let (sb, wb) = (s.as_bytes(), w.as_bytes());
    let (n, m) = (sb.len(), wb.len());
    if m > 0 && n >= m && sb[n - m] == wb[0] && sb[n - m..] == *wb { s.get(..n - m) } else { None }
}

/// The longest unit at the start of `s`.
pub(crate) fn match_unit(s: &str) -> Option<UnitMatch> {
    let entry = units_starting_with(s.chars().next()?)
        .iter()
        .find(|entry| starts_with_b(s, entry.surface))?;
    Some(UnitMatch {
        unit: Unit(entry.unit),
        class: entry.class,
        len: entry.surface.len(),
        tenths: entry.surface == "成",
        care_of: entry.surface == "℅",
    })
}

/// Whether `s` starts with a unit that begins with a scale character (`千瓦`, `千米`,
/// `百分点`), which must win over reading the character as a scale word.
pub(crate) fn unit_starting_with_scale(s: &str) -> bool {
    ["千瓦", "千伏", "千克", "千米", "百分点", "百分點", "兆瓦"].iter().any(|u| s.starts_with(u))
}

/// Words of time after a number: a number followed by one is a date or a period, not a
/// figure (`2023年`, `7月18日`, `第三季度`). Returns the byte length of the word.
pub(crate) fn time_word(s: &str) -> Option<usize> {
    const WORDS: &[&str] = &[
        "年代", "年度", "年", "月份", "月", "日", "号", "號", "季度", "周年", "週年", "周岁",
        "週歲", "周", "週", "世纪", "世紀", "时", "時", "点钟", "點鐘", "届", "屆", "岁", "歲",
    ];
    WORDS.iter().find(|w| starts_with_b(s, w)).map(|w| w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        let unit = |s: &str| match_unit(s).map(|m| (m.unit.as_str().to_owned(), m.len));
        assert_eq!(unit("个百分点，"), Some(("个百分点".to_owned(), "个百分点".len())));
        assert_eq!(unit("平方公里"), Some(("平方公里".to_owned(), "平方公里".len())));
        assert_eq!(unit("亿元"), None);
        assert_eq!(unit(""), None);
        assert!(may_start_unit('元') && !may_start_unit('亿'));
    }
}
