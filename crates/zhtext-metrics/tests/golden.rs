//! Golden tests: sentences from the seed documents (examples/data, copied here) and hard
//! cases, each figure with its expected fields; and the negatives.

use zhtext_core::Extractor;
use zhtext_metrics::{Metric, MetricExtractor};

/// One expected figure: surface, value, value_max, unit, kind, direction, approx,
/// indicator, period ("-" for none).
type Want = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn row(text: &str, m: &Metric) -> [String; 9] {
    [
        text[m.span.range()].to_owned(),
        opt(m.value),
        opt(m.value_max),
        opt(m.unit),
        m.kind.as_str().to_owned(),
        opt(m.direction.map(|d| d.as_str())),
        opt(m.approx.map(|a| a.as_str())),
        opt(m.indicator.as_deref()),
        opt(m.period.as_deref()),
    ]
}

fn check(text: &str, want: &[Want]) {
    let got: Vec<[String; 9]> =
        MetricExtractor::new().extract(text).iter().map(|m| row(text, m)).collect();
    let want: Vec<[String; 9]> = want
        .iter()
        .map(|w| [w.0, w.1, w.2, w.3, w.4, w.5, w.6, w.7, w.8].map(str::to_owned))
        .collect();
    assert_eq!(got, want, "help: text {text:?}");
}

#[test]
fn seed_000_traditional_growth_and_gaps() {
    // examples/data/000_af21706e8f0fbd1f.txt (Traditional, after cleanup the commas are full-width).
    check(
        "按小口徑統計，前三季度，全區生產總值增長8.8%，高於全市平均增速0.2個百分點；剔除市裏取消對我區的棚改優惠政策因素，全區一般公共預算收入增長13.9%，高於全市平均增速1.1個百分點；規模以上工業增加值增長11.4%，高於全市平均增速2.8個百分點；",
        &[
            ("8.8%", "8.8", "-", "%", "change", "up", "-", "全區生產總值", "前三季度"),
            (
                "0.2個百分點",
                "0.2",
                "-",
                "个百分点",
                "difference",
                "up",
                "-",
                "全區生產總值",
                "前三季度",
            ),
            ("13.9%", "13.9", "-", "%", "change", "up", "-", "全區一般公共預算收入", "前三季度"),
            (
                "1.1個百分點",
                "1.1",
                "-",
                "个百分点",
                "difference",
                "up",
                "-",
                "全區一般公共預算收入",
                "前三季度",
            ),
            ("11.4%", "11.4", "-", "%", "change", "up", "-", "規模以上工業增加值", "前三季度"),
            (
                "2.8個百分點",
                "2.8",
                "-",
                "个百分点",
                "difference",
                "up",
                "-",
                "規模以上工業增加值",
                "前三季度",
            ),
        ],
    );
}

#[test]
fn seed_000_ranks() {
    check(
        "前三季度，在全市9個縣（市、區）考評排名中，我區固定資產投資、税收收入、社會消費品零售總額等3項指標增速倒數第一。",
        &[
            ("9個", "9", "-", "个", "level", "-", "-", "全市", "前三季度"),
            (
                "3項",
                "3",
                "-",
                "项",
                "level",
                "-",
                "-",
                "資產投資、税收收入、社會消費品零售總額等",
                "前三季度",
            ),
            ("倒數第一", "1", "-", "-", "rank", "down", "-", "指標", "前三季度"),
        ],
    );
}

#[test]
fn seed_001_placeholders() {
    // examples/data/001_bf553028553a4e53.txt
    check(
        "初步统计，全年预计完成生产总值X亿元，同比增长X%；规模以上工业增加值X亿元，同比增长X%；XX科技园入驻企业X余家。",
        &[
            ("X亿元", "-", "-", "元", "level", "-", "-", "生产总值", "全年"),
            ("X%", "-", "-", "%", "change", "up", "-", "生产总值", "全年"),
            ("X亿元", "-", "-", "元", "level", "-", "-", "规模以上工业增加值", "全年"),
            ("X%", "-", "-", "%", "change", "up", "-", "规模以上工业增加值", "全年"),
            ("X余家", "-", "-", "家", "level", "-", "over", "XX科技园入驻企业", "全年"),
        ],
    );
}

#[test]
fn seed_000_amounts_and_shares() {
    check(
        "全區規模以上工業增加值增長16.47%，高新技術產業產值佔規模以上工業總產值的21.63%。棚户區改造完成徵收8806户，徵收房屋面積95.05萬平方米。",
        &[
            ("16.47%", "16.47", "-", "%", "change", "up", "-", "全區規模以上工業增加值", "-"),
            (
                "21.63%",
                "21.63",
                "-",
                "%",
                "share",
                "-",
                "-",
                "高新技術產業產值佔規模以上工業總產值",
                "-",
            ),
            ("8806户", "8806", "-", "户", "level", "-", "-", "棚户區改造完成徵收", "-"),
            ("95.05萬平方米", "950500", "-", "平方米", "level", "-", "-", "徵收房屋面積", "-"),
        ],
    );
}

#[test]
fn same_indicator_after_amount() {
    check(
        "1-7月，全区地区生产总值215.6亿元，增长7.2%。",
        &[
            ("215.6亿元", "21560000000", "-", "元", "level", "-", "-", "全区地区生产总值", "1-7月"),
            ("7.2%", "7.2", "-", "%", "change", "up", "-", "全区地区生产总值", "1-7月"),
        ],
    );
}

#[test]
fn hard_cases() {
    check(
        "上半年，出口下降3.5%，较一季度下降3.1个百分点。",
        &[
            ("3.5%", "3.5", "-", "%", "change", "down", "-", "出口", "上半年"),
            ("3.1个百分点", "3.1", "-", "个百分点", "difference", "down", "-", "出口", "上半年"),
        ],
    );
    check(
        "2019年，税收增长-3.5%，新建学校3至5所，投资20-30亿元。",
        &[
            ("-3.5%", "-3.5", "-", "%", "change", "down", "-", "税收", "2019年"),
            ("3至5所", "3", "5", "所", "level", "-", "-", "新建学校", "2019年"),
            ("20-30亿元", "2000000000", "3000000000", "元", "level", "-", "-", "投资", "2019年"),
        ],
    );
    check(
        "工业产值是2015年的2.8倍，提前翻一番，市场份额约三成左右。",
        &[
            ("2.8倍", "2.8", "-", "倍", "multiple", "-", "-", "工业产值", "2015年"),
            ("翻一番", "2", "-", "倍", "multiple", "up", "-", "工业产值", "2015年"),
            ("三成", "30", "-", "%", "level", "-", "about", "市场份额", "2015年"),
        ],
    );
    check(
        "利用外资增长了一倍，排第五名，居全省第9位，高于全市平均水平0.5个百分点。",
        &[
            ("一倍", "1", "-", "倍", "multiple", "up", "-", "利用外资", "-"),
            ("第五名", "5", "-", "名", "rank", "-", "-", "利用外资", "-"),
            ("第9位", "9", "-", "位", "rank", "-", "-", "利用外资", "-"),
            ("0.5个百分点", "0.5", "-", "个百分点", "difference", "up", "-", "利用外资", "-"),
        ],
    );
    check(
        "百分之六点五，千分之三，两千万元，一千二百三十四万人，1.5万户，5.2万亿元。",
        &[
            ("百分之六点五", "6.5", "-", "%", "level", "-", "-", "-", "-"),
            ("千分之三", "3", "-", "‰", "level", "-", "-", "-", "-"),
            ("两千万元", "20000000", "-", "元", "level", "-", "-", "-", "-"),
            ("一千二百三十四万人", "12340000", "-", "人", "level", "-", "-", "-", "-"),
            ("1.5万户", "15000", "-", "户", "level", "-", "-", "-", "-"),
            ("5.2万亿元", "5200000000000", "-", "元", "level", "-", "-", "-", "-"),
        ],
    );
    check(
        "三十几万人，十几家企业，1,234.5吨。",
        &[
            ("三十几万人", "300000", "400000", "人", "level", "-", "about", "-", "-"),
            ("十几家", "10", "20", "家", "level", "-", "about", "-", "-"),
            ("1,234.5吨", "1234.5", "-", "吨", "level", "-", "-", "-", "-"),
        ],
    );
}

#[test]
fn traditional_equals_simplified() {
    let s = MetricExtractor::new()
        .extract("全区生产总值158亿元，增长8.8%，高于全省0.6个百分点，新增两千万亩、1500户");
    let t = MetricExtractor::new()
        .extract("全區生產總值158億元，增長8.8%，高於全省0.6個百分點，新增兩千萬畝、1500戶");
    assert_eq!(s.len(), 5);
    let key = |m: &Metric| (m.value, m.unit, m.kind, m.direction);
    assert_eq!(s.iter().map(key).collect::<Vec<_>>(), t.iter().map(key).collect::<Vec<_>>());
}

#[test]
fn damaged() {
    check(
        "工业增加值增长12.4，降幅12.7℅，高于全省平均水平.6个百分点。",
        &[
            ("12.4", "12.4", "-", "-", "change", "up", "-", "工业增加值", "-"),
            ("12.7℅", "12.7", "-", "%", "change", "down", "-", "工业增加值", "-"),
            (".6个百分点", "0.6", "-", "个百分点", "difference", "up", "-", "工业增加值", "-"),
        ],
    );
    let ms = MetricExtractor::new()
        .extract("工业增加值增长12.4，降幅12.7℅，高于全省平均水平.6个百分点。");
    assert!(ms.iter().all(|m| m.damaged));
}

#[test]
fn negatives() {
    for text in [
        "2023年7月18日召开会议",
        "“十四五”规划和“九五”计划",
        "第三季度工作",
        "PM2.5浓度和3G网络",
        "〔2023〕25号文件",
        "统一思想，一把手，两会，万一，一点意见",
        "三步并作两步走，九层之台，起于累土",
        "一个重要时期，一项工作，一成不变",
        "XX书记，X科技园",
        "一百二十",
    ] {
        let got = MetricExtractor::new().extract(text);
        assert!(
            got.is_empty(),
            "help: {text:?} gave {:?}",
            got.iter().map(|m| &text[m.span.range()]).collect::<Vec<_>>()
        );
    }
}

#[test]
fn display_from_str() {
    for (lit, shown) in [
        ("158亿元", "15800000000元"),
        ("增长8.8%", "增长8.8%"),
        ("下降3.1个百分点", "下降3.1个百分点"),
        ("增长-3.5%", "增长-3.5%"),
        ("约3至5家", "约3至5家"),
        ("高于全市0.5个百分点", "高于0.5个百分点"),
        ("百分之六点五", "6.5%"),
        ("X亿元", "X元"),
    ] {
        let m: Metric = lit.parse().unwrap_or_else(|e| panic!("{lit}: {e}"));
        assert_eq!(m.to_string(), shown, "help: literal {lit}");
        let back: Metric = shown.parse().unwrap();
        assert_eq!(
            (back.value, back.value_max, back.unit, back.kind, back.direction, back.approx),
            (m.value, m.value_max, m.unit, m.kind, m.direction, m.approx)
        );
    }
    assert!("统一".parse::<Metric>().is_err());
    let json = serde_json::to_string(&"增长8.8%".parse::<Metric>().unwrap()).unwrap();
    let back: Metric = serde_json::from_str(&json).unwrap();
    assert_eq!(back.to_string(), "增长8.8%");
}

#[test]
fn seed_corpus_counts() {
    for (name, text) in [
        ("000", include_str!("../testdata/seeds/000_af21706e8f0fbd1f.txt")),
        ("001", include_str!("../testdata/seeds/001_bf553028553a4e53.txt")),
        ("003", include_str!("../testdata/seeds/003_4151e4342b9995f7.txt")),
    ] {
        let ms = MetricExtractor::new().extract(text);
        for m in &ms {
            assert!(text.get(m.span.range()).is_some(), "help: {name} span {:?}", m.span);
        }
        assert!(ms.len() > 50, "help: {name} gave only {} metrics", ms.len());
    }
}
