//! Script invariance: a sentence and its Traditional form (OpenCC s2t, from zhtext-script) give
//! the same figures: same values, units, kinds, directions and approximations.

use proptest::prelude::*;
use zhtext_core::{Extractor, Transform};
use zhtext_metrics::{Metric, MetricExtractor};
use zhtext_script::Converter;

/// Clauses of the kind work reports are made of, in Simplified Chinese.
fn clause() -> impl Strategy<Value = String> {
    let indicator = prop::sample::select(vec![
        "全区生产总值",
        "一般公共预算收入",
        "规模以上工业增加值",
        "社会消费品零售总额",
        "城镇居民人均可支配收入",
        "进出口总值",
    ]);
    let verb = prop::sample::select(vec![
        "增长",
        "下降",
        "完成",
        "达到",
        "约",
        "提高",
        "回落",
        "同比增长",
        "比上年减少",
    ]);
    let number = prop::sample::select(vec![
        "8.8",
        "158",
        "0.2",
        "12.4",
        "215.6",
        "1,234.5",
        "一百二十",
        "两千",
        "三十几",
        "5.2",
    ]);
    let unit = prop::sample::select(vec![
        "%",
        "亿元",
        "万元",
        "个百分点",
        "万吨",
        "亩",
        "户",
        "倍",
        "万人",
        "个",
        "家",
        "",
    ]);
    let period = prop::sample::select(vec!["", "前三季度，", "1-7月，", "上半年，", "全年"]);
    (period, indicator, verb, number, unit).prop_map(|(p, i, v, n, u)| format!("{p}{i}{v}{n}{u}"))
}

fn key(m: &Metric) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {}",
        m.value, m.value_max, m.unit, m.kind, m.direction, m.approx, m.placeholder
    )
}

proptest! {
    #[test]
    fn traditional_gives_the_same_figures(clauses in prop::collection::vec(clause(), 1..5)) {
        let simplified = clauses.join("，") + "。";
        let traditional = Converter::s2t().apply(&simplified).into_owned();
        let extractor = MetricExtractor::new();
        let a: Vec<String> = extractor.extract(simplified.as_str()).iter().map(key).collect();
        let b: Vec<String> = extractor.extract(traditional.as_str()).iter().map(key).collect();
        prop_assert_eq!(a, b, "{} / {}", simplified, traditional);
    }
}
