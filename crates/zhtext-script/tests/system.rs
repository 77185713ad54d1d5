//! The `opencc-sys` backend: the system's OpenCC library behind the same `Transform`.
//!
//! Run with `cargo test -p zhtext-script --features opencc-sys` (needs `libopencc-dev`).

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Span, Transform};
use zhtext_script::{Config, Converter, ErrorKind, SystemConverter};

mod common;

fn system(config: Config) -> SystemConverter {
    SystemConverter::new(config).expect("the system's OpenCC has this configuration")
}

#[test]
fn converts_what_every_opencc_version_agrees_on() {
    let s2t = system(Config::S2t);
    assert_eq!(s2t.apply("汉字和数据"), "漢字和數據");
    let t2s = system(Config::T2s);
    assert_eq!(t2s.apply("區委書記在項目現場"), "区委书记在项目现场");
    assert_eq!(system(Config::S2tw).apply("台湾"), Converter::new(Config::S2tw).apply("台湾"));
}

#[test]
fn borrows_unchanged_text_and_keeps_line_breaks_and_nul_bytes() {
    let t2s = system(Config::T2s);
    assert!(matches!(t2s.apply("区委书记 GDP 8.8%"), Cow::Borrowed(_)));
    assert!(matches!(t2s.apply(""), Cow::Borrowed(_)));
    // opencc-rust cannot pass NUL to C; the converter goes around it instead of panicking.
    assert_eq!(t2s.apply("書記\0會議\r\n項目\n\n"), "书记\0会议\r\n项目\n\n");
}

#[test]
fn offset_maps_send_converted_words_back() {
    let s2t = system(Config::S2t);
    let input = "第一行汉字\n鼠标\u{20000}";
    let mut map = OffsetMap::new();
    let out = s2t.apply_mapped(input, &mut map);
    assert_eq!(out, "第一行漢字\n鼠標\u{20000}");
    let at = out.find('漢').expect("converted");
    assert_eq!(&input[map.to_input(Span::new(at, at + '漢'.len_utf8())).range()], "汉");
    let line = out.find('鼠').expect("second line");
    assert_eq!(&input[map.to_input(Span::new(line, out.len())).range()], "鼠标\u{20000}");
}

#[test]
fn configurations_the_library_lacks_are_errors() {
    for bad in ["no-such-config.json", "s2t\0.json"] {
        let err = SystemConverter::from_file(bad).expect_err(bad);
        assert_eq!(err.kind(), &ErrorKind::SystemConfig);
        assert!(err.to_string().contains("OpenCC"));
    }
}

/// Prints how many of OpenCC 1.4.2's test cases the installed library passes, next to
/// `Converter`, and asserts the system library passes at least 40 % of them (Debian's OpenCC
/// 1.1.x passes 47 %: its dictionaries are older).
#[test]
fn agreement_with_opencc_1_4_2_cases() {
    let cases = common::load();
    let (mut ran, mut passed, mut ours) = (0, 0, 0);
    let mut missing = Vec::new();
    let mut converters = std::collections::HashMap::new();
    for (_, config, input, expected) in &cases {
        let system = converters.entry(*config).or_insert_with(|| SystemConverter::new(*config));
        let Ok(converter) = system else {
            missing.push(config.name());
            continue;
        };
        ran += 1;
        passed += usize::from(converter.apply(input) == *expected);
        ours += usize::from(Converter::new(*config).apply(input) == *expected);
    }
    missing.sort_unstable();
    missing.dedup();
    println!(
        "system OpenCC: {passed}/{ran} cases ({:.1} %), zhtext Converter {ours}/{ran}; \
         configurations the system lacks: {missing:?}",
        100.0 * passed as f64 / ran.max(1) as f64
    );
    assert!(ran > 0 && passed * 10 >= ran * 4, "{passed}/{ran}");
    assert_eq!(ours, ran);
}
