//! Property tests: no panic on any string, spans in bounds and on char boundaries,
//! `Display`/`FromStr` round-trip.

use proptest::prelude::*;
use zhtext_core::Extractor;
use zhtext_metrics::{Decimal, Metric, MetricExtractor, figure_spans, numbers, parse_number};

/// Strings biased to digits, Chinese numerals, scale words, units and punctuation.
fn texty() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "0",
        "1",
        "5",
        "9",
        ".",
        ",",
        "-",
        "%",
        "％",
        "℅",
        "‰",
        "一",
        "二",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "億",
        "萬",
        "零",
        "〇",
        "点",
        "几",
        "多",
        "余",
        "分之",
        "百分之",
        "成",
        "倍",
        "元",
        "亿元",
        "个百分点",
        "個百分點",
        "第",
        "名",
        "位",
        "倒数",
        "翻",
        "番",
        "增长",
        "下降",
        "高于",
        "较",
        "占",
        "约",
        "左右",
        "以上",
        "年",
        "月",
        "季度",
        "前三",
        "上半年",
        "X",
        "XX",
        "×",
        "，",
        "。",
        "、",
        "\n",
        " ",
        "至",
        "到",
        "—",
        "~",
        "全区生产总值",
        "是",
        "的",
        "１",
        "８",
        "．",
        "a",
        "PM",
        "〔",
        "〕",
        "号",
        "\u{0}",
        "é",
        "😀",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(text in texty()) {
        let ms = MetricExtractor::new().extract(text.as_str());
        let mut last = 0;
        for m in &ms {
            prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start >= last, "metrics in order");
            last = m.span.start;
            // Display → FromStr round-trip.
            let shown = m.to_string();
            let back: Metric = shown.parse().map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
            prop_assert_eq!(
                (back.value, back.value_max, back.unit, back.kind, back.direction),
                (m.value, m.value_max, m.unit, m.kind, m.direction),
                "literal {}", shown
            );
        }
        for s in figure_spans(&text) {
            prop_assert!(text.get(s.range()).is_some());
        }
        for n in numbers::scan(&text) {
            prop_assert!(text.get(n.span.range()).is_some());
        }
        let _ = parse_number(&text);
        let _ = text.parse::<Metric>();
    }

    #[test]
    fn any_string_is_safe(text in ".{0,60}") {
        let _ = MetricExtractor::new().extract(text.as_str());
        let _ = figure_spans(&text);
        let _ = parse_number(&text);
    }

    #[test]
    fn decimal_round_trip(m in any::<i64>(), scale in 0u32..20) {
        let d = Decimal::new(i128::from(m), scale).unwrap();
        prop_assert_eq!(d.to_string().parse::<Decimal>().unwrap(), d);
    }

    #[test]
    fn arabic_amounts_are_exact(int in 0u32..100_000, frac in 0u32..100) {
        let lit = format!("{int}.{frac:02}亿元");
        let m: Metric = lit.parse().unwrap();
        let want = Decimal::from_int(i128::from(int) * 100_000_000 + i128::from(frac) * 1_000_000);
        prop_assert_eq!(m.value, Some(want));
    }
}

#[test]
fn auto_traits() {
    fn check<T: Send + Sync + std::panic::UnwindSafe>() {}
    check::<Metric>();
    check::<MetricExtractor>();
    check::<Decimal>();
    check::<zhtext_metrics::Error>();
}

/// Long runs of one or two characters that may start a figure: every position of the run is
/// looked at, so each look must stop early (these inputs hung a quadratic scan before).
#[test]
fn long_runs_are_read_in_linear_time() {
    let extractor = MetricExtractor::new();
    for unit in ["X", "x", "×", "万", "亿", "十", "一二三四五六七八九", "百分之", "1.", "1-", "零"]
    {
        let text = unit.repeat(100_000 / unit.chars().count());
        let spans = figure_spans(&text);
        assert!(spans.iter().all(|s| s.end <= text.len()), "{unit}");
        let metrics = extractor.extract(text.as_str());
        assert!(metrics.iter().all(|m| m.span.end <= text.len()), "{unit}");
    }
}

/// Found by `never_panics_and_spans_are_valid`: a figure listed after a multiple is not a
/// multiple unless it is one too, so its `Display` reads back the same.
#[test]
fn only_multiples_inherit_multiple() {
    let ms = MetricExtractor::new().extract("X倍,一成");
    let kinds: Vec<&str> = ms.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds, ["multiple", "level"]);
    let ms = MetricExtractor::new().extract("分别增长2倍、3倍");
    assert!(ms.len() == 2 && ms.iter().all(|m| m.kind.as_str() == "multiple"), "{ms:?}");
}

/// Found by `never_panics_and_spans_are_valid`: a figure listed after a share is a share only
/// with a ratio unit, and an approximate bare range reads back.
#[test]
fn listed_levels_and_approximate_ranges_round_trip() {
    let ms = MetricExtractor::new().extract("占0个百分点、１万");
    let kinds: Vec<&str> = ms.iter().map(|m| m.kind.as_str()).collect();
    assert_eq!(kinds.last(), Some(&"level"), "{ms:?}");
    let m: Metric = "约5万至6万".parse().expect("an approximate range");
    assert_eq!(
        (m.value, m.value_max),
        (Some(Decimal::from_int(50_000)), Some(Decimal::from_int(60_000)))
    );
    assert_eq!(m.to_string(), "约5万至6万");
}
