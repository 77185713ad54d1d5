//! Peer conformance suites, vendored under `testdata/peers/` with their licences:
//! cn2an (MIT), Microsoft Recognizers-Text Chinese Number/Percent/Currency models (MIT),
//! JioNLP money parsing (Apache-2.0). Prints the pass rates with `--nocapture`.
//!
//! Scope is decided by category of case, never by case:
//! - cn2an: every `cn2an` case with an expected value, in every mode (strict, normal,
//!   smart, direct; direct-mode strings like `"01"` compare as numbers). Out of scope:
//!   `expected_error` cases (strict mode rejects colloquial forms we accept, as cn2an's own
//!   smart mode does) and `transform`/`an2cn` (text rewriting, not parsing).
//! - Recognizers-Text: out of scope are cases whose input has spaces inside numerals
//!   (`一百 二 十 几亿`), powers and expressions (`^`), mixed and slash fractions (`又`,
//!   `/`), Latin multiplier suffixes (`40k`, `3.2k`), discounts (`折`), percentage points
//!   (their convention reports `个百分点` as `%`; we keep the unit), fraction words other
//!   than 百分之/千分之/万分之 in the percent model, and currency symbols or names written
//!   before the number (`$20`, `￥300`) and currencies outside our table; in the number
//!   model, `打` (dozen) and `半` (half) words, and texts with a Chinese digit standing alone
//!   in a word (`四川`, `一看`: a dictionary question, left to the extractor); in the
//!   percent model, ranges (`5-20%`: we report the range, they report its upper bound).
//! - JioNLP: every `parse_money` case; a case passes when value, upper bound and currency
//!   agree (no currency means 元, as JioNLP assumes).

use std::fs;

use serde_json::Value;
use zhtext_core::Extractor;
use zhtext_metrics::{Decimal, Metric, MetricExtractor, Unit, numbers, parse_number};

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/testdata/peers/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("help: vendored fixture {path} missing: {e}"))
}

fn dec(s: &str) -> Option<Decimal> {
    s.trim_matches(['\'', '%']).parse().ok()
}

fn close(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (x, y) = (a.to_f64(), b.to_f64());
            a == b || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1e-12)
        }
        (None, None) => true,
        _ => false,
    }
}

struct Rate {
    name: &'static str,
    pass: usize,
    total: usize,
    out_of_scope: usize,
    failures: Vec<String>,
}

impl Rate {
    fn new(name: &'static str) -> Rate {
        Rate { name, pass: 0, total: 0, out_of_scope: 0, failures: Vec::new() }
    }
    fn record(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.pass += 1;
        } else {
            self.failures.push(what());
        }
    }
    fn rate(&self) -> f64 {
        if self.total == 0 { 1.0 } else { self.pass as f64 / self.total as f64 }
    }
    fn report(&self) {
        println!(
            "{}: {}/{} in scope = {:.1}% ({} out of scope)",
            self.name,
            self.pass,
            self.total,
            100.0 * self.rate(),
            self.out_of_scope
        );
        for f in &self.failures {
            println!("  fail: {f}");
        }
    }
}

#[test]
fn cn2an_numerals() {
    let mut rate = Rate::new("cn2an cn2an()");
    for line in read("cn2an/cn2an_cases.jsonl").lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        if case["func"] != "cn2an" || case.get("expected").is_none() {
            rate.out_of_scope += 1;
            continue;
        }
        let input = case["input"].as_str().unwrap();
        let expected = dec(case["expected_repr"].as_str().unwrap());
        let got = parse_number(input);
        rate.record(close(got, expected), || format!("{input} → {got:?}, expected {expected:?}"));
    }
    rate.report();
    assert_eq!(rate.pass, rate.total, "help: cn2an numerals must all pass");
}

/// Records whether `got` holds the values of a Recognizers-Text case's `results`, in order.
fn record_values(
    rate: &mut Rate,
    input: &str,
    got: &[Option<Decimal>],
    results: &[(String, Value)],
) {
    let want: Vec<Option<Decimal>> =
        results.iter().map(|(_, r)| r["value"].as_str().and_then(dec)).collect();
    let ok = got.len() == want.len() && got.iter().zip(&want).all(|(a, b)| close(*a, *b));
    rate.record(ok, || format!("{input} → {got:?}, expected {want:?}"));
}

fn recognizers(file: &str) -> Vec<(String, Vec<(String, Value)>)> {
    let cases: Value = serde_json::from_str(&read(&format!("recognizers-text/{file}"))).unwrap();
    cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let results = c["Results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| (r["Text"].as_str().unwrap().to_owned(), r["Resolution"].clone()))
                .collect();
            (c["Input"].as_str().unwrap().to_owned(), results)
        })
        .collect()
}

fn common_out_of_scope(input: &str, results: &[(String, Value)]) -> bool {
    let spaced = results.iter().any(|(t, _)| t.trim().contains(' '));
    let latin_suffix = results.iter().any(|(t, _)| t.chars().any(|c| c.is_ascii_alphabetic()));
    spaced
        || latin_suffix
        || input.contains('^')
        || input.contains('又')
        || input.contains('/')
        || input.contains('／')
}

#[test]
fn recognizers_number_model() {
    let mut rate = Rate::new("Recognizers-Text NumberModel");
    for (input, results) in recognizers("NumberModel.json") {
        if common_out_of_scope(&input, &results)
            || input.contains('打')
            || input.contains('半')
            || lone_cn_digit(&input)
        {
            rate.out_of_scope += 1;
            continue;
        }
        let got: Vec<Option<Decimal>> = numbers::scan(&input)
            .into_iter()
            .filter(|n| {
                // A lone financial digit inside a word (收拾, 肆无忌惮) is not a number.
                let s = &input[n.span.range()];
                !(s.chars().count() == 1 && "拾肆伍陆柒捌玖佰仟".contains(s))
            })
            .map(|n| n.value)
            .collect();
        record_values(&mut rate, &input, &got, &results);
    }
    rate.report();
    assert!(rate.rate() >= 0.95, "help: NumberModel in-scope pass rate below 95%");
}

/// Whether the text holds a Chinese digit standing alone between other characters
/// (`四川`, `一看`, `这是五`): telling a word from a number there takes a dictionary, and
/// our scanner is a lexer (the extractor drops bare numerals instead).
fn lone_cn_digit(input: &str) -> bool {
    let cs: Vec<char> = input.chars().collect();
    let numeral = |c: char| {
        "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩點点".contains(c)
            || c.is_ascii_digit()
            || ('０'..='９').contains(&c)
    };
    (0..cs.len()).any(|i| {
        "一二三四五六七八九两兩壹".contains(cs[i])
            && !(i > 0 && numeral(cs[i - 1]))
            && !(i + 1 < cs.len() && numeral(cs[i + 1]))
            && cs.len() > 1
    })
}

fn ratio_metrics(input: &str) -> Vec<Metric> {
    MetricExtractor::new()
        .extract(input)
        .into_iter()
        .filter(|m| matches!(m.unit, Some(u) if u == Unit::PERCENT || u == Unit::PER_MILLE))
        .collect()
}

#[test]
fn recognizers_percent_model() {
    let mut rate = Rate::new("Recognizers-Text PercentModel");
    for (input, results) in recognizers("PercentModel.json") {
        let other_fraction = input.contains("分之")
            && !["百分之", "千分之", "万分之", "萬分之"].iter().any(|w| input.contains(w));
        if common_out_of_scope(&input, &results)
            || input.contains('折')
            || input.contains("百分点")
            || input.contains("百分點")
            || other_fraction
            || input.contains('半')
            || ratio_metrics(&input).iter().any(|m| m.value_max.is_some())
        {
            rate.out_of_scope += 1;
            continue;
        }
        let got: Vec<Option<Decimal>> = ratio_metrics(&input)
            .into_iter()
            .map(|m| {
                if m.unit == Some(Unit::PER_MILLE) {
                    m.value.and_then(|v| v.checked_div(Decimal::from_int(10)))
                } else {
                    m.value
                }
            })
            .collect();
        record_values(&mut rate, &input, &got, &results);
    }
    rate.report();
    assert!(rate.rate() >= 0.95, "help: PercentModel in-scope pass rate below 95%");
}

#[test]
fn recognizers_currency_model() {
    let mut rate = Rate::new("Recognizers-Text CurrencyModel");
    for (input, results) in recognizers("CurrencyModel.json") {
        let symbol_first = results.iter().any(|(t, _)| {
            !t.starts_with(|c: char| c.is_ascii_digit() || parse_number(&c.to_string()).is_some())
        });
        let unknown = results.iter().any(|(t, r)| {
            r["isoCurrency"].as_str().is_none_or(|c| {
                ![
                    "CNY", "USD", "HKD", "EUR", "JPY", "GBP", "KRW", "AUD", "CAD", "RUB", "THB",
                    "TWD",
                ]
                .contains(&c)
            }) || t.contains("人民币") && !t.ends_with("人民币")
        });
        if common_out_of_scope(&input, &results) || symbol_first || unknown {
            rate.out_of_scope += 1;
            continue;
        }
        let got: Vec<Option<Decimal>> = MetricExtractor::new()
            .extract(input.as_str())
            .into_iter()
            .filter(|m| m.unit.is_some_and(|u| u.is_money()))
            .map(|m| m.value)
            .collect();
        record_values(&mut rate, &input, &got, &results);
    }
    rate.report();
    assert!(rate.rate() >= 0.95, "help: CurrencyModel in-scope pass rate below 95%");
}

#[test]
fn jionlp_money() {
    let mut rate = Rate::new("JioNLP parse_money");
    for line in read("jionlp/money_parser_cases.jsonl").lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let expected = &case["expected"];
        let (lo, hi) = match &expected["num"] {
            Value::Array(a) => (a[0].as_str().and_then(dec), a[1].as_str().and_then(dec)),
            v => (v.as_str().and_then(dec), None),
        };
        let currency = expected["case"].as_str().unwrap_or("元");
        let metrics = MetricExtractor::new().extract(input);
        let m = metrics.iter().find(|m| m.value.is_some());
        let ok = m.is_some_and(|m| {
            let unit = m.unit.map_or("元", |u| u.as_str());
            close(m.value, lo) && (hi.is_none() || close(m.value_max, hi)) && unit == currency
        });
        rate.record(ok, || {
            format!(
                "{input} → {:?}, expected {lo:?}..{hi:?} {currency}",
                m.map(ToString::to_string)
            )
        });
    }
    rate.report();
    assert!(rate.rate() >= 0.90, "help: JioNLP money pass rate below 90%");
}
