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
