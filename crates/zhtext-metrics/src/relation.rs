//! Relations: what a figure says about its indicator ([`MetricKind`]), which way
//! ([`Direction`]) and how exactly ([`Approx`]), read from the words around it.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::units::strip_suffix_b;

/// What a figure says about its indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// An amount (`完成生产总值215.6亿元`, `达到`, `实现`).
    #[default]
    Level,
    /// A change (`增长8.8%`, `下降3.1%`, `回落`, `负增长`).
    Change,
    /// A share or rate (`占…8.8%`, `比重`, `…率`).
    Share,
    /// A multiple (`是…的2.8倍`, `翻一番` → 2, `增长了一倍`).
    Multiple,
    /// A rank (`排第五名`, `第9位`, `倒数第一`).
    Rank,
    /// A difference from another figure (`高于全市平均水平0.5个百分点`,
    /// `较一季度下降3.1个百分点`).
    Difference,
}

impl MetricKind {
    /// `level`, `change`, `share`, `multiple`, `rank` or `difference`.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            MetricKind::Level => "level",
            MetricKind::Change => "change",
            MetricKind::Share => "share",
            MetricKind::Multiple => "multiple",
            MetricKind::Rank => "rank",
            MetricKind::Difference => "difference",
        }
    }
}

/// Which way a change or difference goes; for a rank, `Down` means counted from the bottom
/// (`倒数第一`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// `增长`, `提高`, `上升`, `高于`.
    Up,
    /// `下降`, `回落`, `减少`, `负增长`, `低于`, or a negative change (`增长-3.5%`).
    Down,
}

impl Direction {
    /// `up` or `down`.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// How exact a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    /// `约`, `左右`, `上下`, `十几`.
    About,
    /// `以上`, `超过`, `多`, `余`.
    Over,
    /// `以内`, `以下`, `不足`, `不到`.
    Under,
    /// `近`, `接近`, `将近`.
    Nearly,
}

impl Approx {
    /// `about`, `over`, `under` or `nearly`.
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        match self {
            Approx::About => "about",
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::Nearly => "nearly",
        }
    }
}

/// Words right before a figure that say how exact it is, longest first.
const APPROX_BEFORE: &[(&str, Approx)] = &[
    ("大约", Approx::About),
    ("大概", Approx::About),
    ("约为", Approx::About),
    ("約為", Approx::About),
    ("约", Approx::About),
    ("約", Approx::About),
    ("将近", Approx::Nearly),
    ("將近", Approx::Nearly),
    ("接近", Approx::Nearly),
    ("近", Approx::Nearly),
    ("超过", Approx::Over),
    ("超過", Approx::Over),
    ("至少", Approx::Over),
    ("逾", Approx::Over),
    ("突破", Approx::Over),
    ("不足", Approx::Under),
    ("不到", Approx::Under),
    ("不超过", Approx::Under),
    ("不超過", Approx::Under),
    ("小于", Approx::Under),
];

/// Words right after a figure that say how exact it is.
const APPROX_AFTER: &[(&str, Approx)] = &[
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("以上", Approx::Over),
    ("多", Approx::Over),
    ("以内", Approx::Under),
    ("以下", Approx::Under),
    ("之内", Approx::Under),
];

/// Filler words between a verb and its figure (`增长了`, `分别为`, `达到`).
const FILLERS: &[&str] = &[
    "分别为",
    "分別為",
    "分别",
    "分別",
    "达到",
    "達到",
    "达",
    "達",
    "为",
    "為",
    "是",
    "了",
    "共计",
    "共計",
    "合计",
    "合計",
    "总计",
    "總計",
    "累计",
    "累計",
    "共",
    "仅",
    "僅",
    "已",
    "均",
    "平均",
    "年均",
    "同比",
    "同比例",
    "环比",
    "環比",
    "实现",
    "實現",
    "完成",
    "至",
    "到",
    "排名",
    "排",
    "位居",
    "居",
    "列",
    "的",
];

/// Verbs of change, longest first.
const VERBS: &[(&str, Direction)] = &[
    ("负增长", Direction::Down),
    ("負增長", Direction::Down),
    ("增长", Direction::Up),
    ("增長", Direction::Up),
    ("增加", Direction::Up),
    ("提高", Direction::Up),
    ("提升", Direction::Up),
    ("上升", Direction::Up),
    ("上涨", Direction::Up),
    ("上漲", Direction::Up),
    ("扩大", Direction::Up),
    ("擴大", Direction::Up),
    ("增幅", Direction::Up),
    ("增速", Direction::Up),
    ("增", Direction::Up),
    ("涨", Direction::Up),
    ("漲", Direction::Up),
    ("多", Direction::Up),
    ("下降", Direction::Down),
    ("回落", Direction::Down),
    ("减少", Direction::Down),
    ("減少", Direction::Down),
    ("降低", Direction::Down),
    ("下滑", Direction::Down),
    ("下跌", Direction::Down),
    ("缩小", Direction::Down),
    ("縮小", Direction::Down),
    ("降幅", Direction::Down),
    ("降", Direction::Down),
    ("减", Direction::Down),
    ("減", Direction::Down),
    ("少", Direction::Down),
];

/// Comparison words that make a figure a difference.
const COMPARE: &[(&str, Option<Direction>)] = &[
    ("相差", None),
    ("高于", Some(Direction::Up)),
    ("高於", Some(Direction::Up)),
    ("高出", Some(Direction::Up)),
    ("快于", Some(Direction::Up)),
    ("快於", Some(Direction::Up)),
    ("超出", Some(Direction::Up)),
    ("领先", Some(Direction::Up)),
    ("領先", Some(Direction::Up)),
    ("低于", Some(Direction::Down)),
    ("低於", Some(Direction::Down)),
    ("慢于", Some(Direction::Down)),
    ("慢於", Some(Direction::Down)),
    ("落后", Some(Direction::Down)),
    ("落後", Some(Direction::Down)),
];

/// Words that make a percentage a share.
const SHARE: &[&str] = &["占", "佔", "比重", "占比", "佔比", "比例", "率", "覆盖", "覆蓋"];

/// What the words before a figure say.
#[derive(Clone, Debug, Default)]
pub(crate) struct Prefix<'t> {
    pub(crate) approx: Option<Approx>,
    pub(crate) direction: Option<Direction>,
    /// A change verb stands right before the figure.
    pub(crate) verb: bool,
    /// A comparison (`高于…`, `较…`) in the clause.
    pub(crate) compare: Option<Option<Direction>>,
    /// `较`/`比` with a base (`较一季度`, `比上年`).
    pub(crate) base: bool,
    pub(crate) share: bool,
    pub(crate) multiple_frame: bool,
    /// `同比`/`环比` in the clause: a change even without a verb.
    pub(crate) year_on_year: bool,
    /// What is left for the indicator.
    pub(crate) rest: &'t str,
}

fn strip_suffix_any<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| strip_suffix_b(s, w))
}

/// Whether `s` ends with the last character of an approximation, a filler or a verb, so that
/// one may be peeled off it (a quick test that skips most of the list searches).
fn ends_with_peelable(s: &str) -> bool {
    static LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
        let words = APPROX_BEFORE.iter().map(|(w, _)| *w);
        let words = words.chain(FILLERS.iter().copied()).chain(VERBS.iter().map(|(w, _)| *w));
        let mut last: Vec<char> = words.filter_map(|w| w.chars().next_back()).collect();
        last.sort_unstable();
        last.dedup();
        last
    });
    s.chars().next_back().is_some_and(|c| LAST.binary_search(&c).is_ok())
}

/// Reads the clause text before a figure (from the clause start to the figure).
pub(crate) fn read_prefix(clause: &str) -> Prefix<'_> {
    let mut p = Prefix::default();
    let mut s = clause.trim_end();
    // Peel approximations, fillers and a verb off the end, nearest first.
    for _ in 0..8 {
        if !ends_with_peelable(s) {
            break;
        }
        if p.approx.is_none()
            && let Some((rest, a)) =
                APPROX_BEFORE.iter().find_map(|(w, a)| Some((strip_suffix_b(s, w)?, *a)))
        {
            p.approx = Some(a);
            s = rest;
            continue;
        }
        if let Some(rest) = strip_suffix_any(s, FILLERS) {
            s = rest;
            continue;
        }
        if !p.verb
            && p.compare.is_none()
            && let Some((rest, d)) =
                VERBS.iter().find_map(|(w, d)| Some((strip_suffix_b(s, w)?, *d)))
        {
            // 多/少 only count after a comparison base (比上年多).
            let weak = s.ends_with('多') || s.ends_with('少');
            if !weak || rest.contains('比') || rest.contains('较') || rest.contains('較') {
                p.direction = Some(d);
                p.verb = true;
                s = rest;
                continue;
            }
        }
        break;
    }
    // A comparison: 高于全市平均增速, or a base: 较一季度, 比上年, 较去年同期.
    let compare_chars = ['相', '高', '快', '超', '领', '領', '低', '慢', '落'];
    let base_chars = ['较', '較', '比'];
    if !s.contains(compare_chars) && !s.contains(base_chars) {
        // Neither a comparison nor a base: skip the searches below.
    } else if let Some((at, d)) =
        COMPARE.iter().filter_map(|(w, d)| Some((s.rfind(w)?, *d))).max_by_key(|(at, _)| *at)
    {
        p.compare = Some(d);
        if p.direction.is_none() {
            p.direction = d;
        }
        s = &s[..at];
    } else if let Some(at) = s.rfind(['较', '較', '比']) {
        // The base is short (较一季度, 比上年同期): up to 8 characters.
        if s[at..].chars().count() <= 9 && !s[..at].ends_with('占') {
            p.base = true;
            s = &s[..at];
        }
    }
    if clause.trim_end().ends_with('的') && s.contains('是') {
        p.multiple_frame = true;
    }
    p.share =
        clause.contains(['占', '佔', '比', '率', '覆']) && SHARE.iter().any(|w| clause.contains(w));
    p.year_on_year = clause.contains(['同', '环', '環'])
        && ["同比", "环比", "環比"].iter().any(|w| clause.contains(w));
    // Fillers again (全区生产总值同比).
    for _ in 0..4 {
        match strip_suffix_any(s, FILLERS) {
            Some(rest) => s = rest,
            None => break,
        }
    }
    if let Some(at) = s.rfind("是")
        && p.multiple_frame
    {
        s = &s[..at];
    }
    p.rest = s;
    p
}

/// The approximation word `s` starts with (`约`, `超过`), and its length.
pub(crate) fn approx_before(s: &str) -> Option<(Approx, usize)> {
    APPROX_BEFORE.iter().find(|(w, _)| s.starts_with(w)).map(|(w, a)| (*a, w.len()))
}

/// An approximation word right after a figure, and its length.
pub(crate) fn approx_after(s: &str) -> Option<(Approx, usize)> {
    APPROX_AFTER.iter().find(|(w, _)| s.starts_with(w)).map(|(w, a)| (*a, w.len()))
}

/// Whether the clause text before a figure ends with a change verb (for `增长12.4`, whose
/// `%` was lost).
pub(crate) fn ends_with_change_verb(clause: &str) -> bool {
    let mut s = clause.trim_end();
    for _ in 0..3 {
        if let Some(rest) = strip_suffix_any(s, &["了", "为", "為", "同比", "分别", "分別"])
        {
            s = rest;
        } else if let Some(rest) = APPROX_BEFORE.iter().find_map(|(w, _)| strip_suffix_b(s, w)) {
            s = rest;
        } else {
            break;
        }
    }
    VERBS
        .iter()
        .filter(|(w, _)| w.chars().count() >= 2)
        .any(|(w, _)| strip_suffix_b(s, w).is_some())
}
