//! Golden and round-trip tests on real documents (`testdata/docs`).

use std::fs;
use std::path::{Path, PathBuf};

use zhtext_decode::{Cleaner, Decoder, Encoding, Source, repair_mojibake};

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs")
}

/// The `.in.txt` fixtures, sorted.
fn inputs() -> Vec<PathBuf> {
    zhtext_testkit::golden_inputs(&docs(), 4)
}

/// The three real seed pages.
fn seeds() -> Vec<(String, String)> {
    inputs()
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('0')))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).expect("fixture is UTF-8")))
        .collect()
}

#[test]
fn golden_documents() {
    let cleaner = Cleaner::new();
    for input in inputs() {
        let bytes = fs::read(&input).expect("fixture readable");
        let decoded = Decoder::new().decode(&bytes);
        let cleaned = cleaner.clean(decoded.text());
        let report = &cleaned.report;
        let actual = format!(
            "{}\n--- report: mojibake_repaired={} pinyin_removed={} lost_chars={} private_use={} lines_dropped={}\n",
            cleaned.text,
            report.mojibake_repaired,
            report.pinyin_removed,
            report.lost_chars,
            report.private_use,
            report.lines_dropped
        );
        zhtext_testkit::check_golden(&input, &actual, "check the Cleanup rules");
        // Cleaning the cleaned text changes nothing.
        assert_eq!(cleaner.clean(&cleaned.text).text, cleaned.text, "{}", input.display());
    }
}

#[test]
fn quirks_fixture_is_cleaned() {
    let raw = fs::read_to_string(docs().join("quirks.in.txt")).expect("fixture");
    let cleaned = Cleaner::new().clean(&raw);
    let text = &cleaned.text;
    if std::env::var_os("SHOW").is_some() {
        eprintln!("{text}\n{:?}", cleaned.report);
    }
    assert!(text.starts_with("區委書記在項目調度會上的講話\n同志們：\n"), "{text}");
    assert!(
        text.contains(
            "全區上下萬眾一心，前三季度全區生產總值增長8.8%，高於全市平均增速0.2個百分點。"
        )
    );
    assert!(text.contains("1、要有“逢一必爭”的拼勁。全年完成投資124.67億元，同比增長12.4%。"));
    assert!(text.contains("（一）稳增长与调结构并重发展态势持续向好——工业水平不断提升"));
    assert!(
        text.contains(
            "各县（市、區）要对标对表，全力以赴。The Belt and Road Initiative 要落到实处！"
        )
    );
    assert!(text.contains("会议强调—要坚持问题导向?同志们：?"));
    assert!(!text.contains("??????"));
    assert!(!text.contains('\r'));
    assert_eq!(cleaned.report.pinyin_removed, 5);
    assert_eq!(cleaned.report.lines_dropped, 1);
    assert_eq!(cleaned.report.private_use, 1);
    assert_eq!(cleaned.report.lost_chars, 3);
}

#[test]
fn legacy_encodings_round_trip() {
    for (name, text) in seeds() {
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let decoded = Decoder::new().decode(&gb);
        assert_eq!(decoded.encoding(), Encoding::Gb18030, "{name}");
        assert_eq!(decoded.text(), text, "{name} as GB18030");
        assert_eq!(decoded.malformed(), 0);

        for bom in [true, false] {
            for little in [true, false] {
                let mut bytes = Vec::new();
                let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
                for u in units {
                    bytes.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
                }
                let decoded = Decoder::new().decode(&bytes);
                let expected = if little { Encoding::Utf16Le } else { Encoding::Utf16Be };
                assert_eq!(decoded.encoding(), expected, "{name} bom={bom}");
                assert_eq!(decoded.text(), text, "{name} as UTF-16");
                assert_eq!(decoded.source() == Source::Bom, bom);
            }
        }
    }
    // The Traditional seed in Big5.
    // Big5 lacks a few mainland variants the page uses (`羣`, `着`); keep the lines it has.
    let (_, page) = seeds().into_iter().next().expect("seed 000");
    let traditional: String =
        page.split_inclusive('\n').filter(|line| !encoding_rs::BIG5.encode(line).2).collect();
    assert!(traditional.len() > page.len() / 4, "{} of {}", traditional.len(), page.len());
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&traditional);
    assert!(!unmappable);
    let decoded = Decoder::new().decode(&big5);
    assert_eq!(decoded.encoding(), Encoding::Big5);
    assert_eq!(decoded.text(), traditional);
    assert!(decoded.confidence() > 0.5, "{}", decoded.confidence());
}

#[test]
fn short_titles_from_the_seeds() {
    let titles = ["區長講話", "會議講話", "領導幹部", "區長領導幹部會議講話"];
    for title in titles {
        let (big5, _, _) = encoding_rs::BIG5.encode(title);
        assert_eq!(Decoder::new().decode(&big5).text(), title, "Big5");
        let (gbk, _, _) = encoding_rs::GBK.encode(title);
        assert_eq!(Decoder::new().decode(&gbk).text(), title, "GBK");
    }
    for title in ["坚定信心", "保持定力", "稳中求进", "你好", "区委全会", "经济运行"]
    {
        let (gbk, _, _) = encoding_rs::GBK.encode(title);
        let decoded = Decoder::new().decode(&gbk);
        assert_eq!((decoded.text(), decoded.encoding()), (title, Encoding::Gb18030));
    }
}

#[test]
fn latin1_mojibake_pages_come_back_whole() {
    for (name, text) in seeds() {
        let (garbled, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
        let repaired = repair_mojibake(&garbled);
        assert_eq!(first_diff(&repaired.text, &text), None, "{name}");
        assert!(!repaired.repairs.is_empty());
        let cleaned = Cleaner::new().clean(&garbled);
        assert_eq!(first_diff(&cleaned.text, &Cleaner::new().clean(&text).text), None, "{name}");
    }
}

#[test]
fn gbk_mojibake_pages_come_back_whole() {
    for (name, text) in seeds() {
        // Lines whose UTF-8 bytes read as GBK without loss (an odd number of bytes between
        // ASCII characters loses a byte, which nothing can bring back).
        let lossless: Vec<&str> = text
            .split(|c: char| c.is_ascii())
            .filter(|line| {
                let (garbled, errors) =
                    encoding_rs::GBK.decode_without_bom_handling(line.as_bytes());
                // A single garbled character (`·` read as `路`) is ambiguous by nature.
                !errors
                    && garbled.chars().nth(1).is_some()
                    && encoding_rs::GBK.encode(&garbled).0 == line.as_bytes()
            })
            .filter(|line| !line.is_ascii())
            .collect();
        assert!(lossless.len() >= 20, "{name}: {} lossless pieces", lossless.len());
        let page = lossless.join("\n");
        let (garbled, _) = encoding_rs::GBK.decode_without_bom_handling(page.as_bytes());
        assert_ne!(garbled, page);
        let repaired = repair_mojibake(&garbled);
        assert_eq!(first_diff(&repaired.text, &page), None, "{name}");
    }
}

#[test]
fn seeds_are_not_mojibake() {
    for (name, text) in seeds() {
        let repaired = repair_mojibake(&text);
        assert!(repaired.repairs.is_empty(), "{name}: {:?}", repaired.repairs.first());
    }
}

/// The first place `actual` and `expected` differ, with some context.
fn first_diff(actual: &str, expected: &str) -> Option<String> {
    if actual == expected {
        return None;
    }
    let at = actual.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count();
    let around = |s: &str| s.chars().skip(at.saturating_sub(10)).take(30).collect::<String>();
    Some(format!("char {at}: actual {:?}, expected {:?}", around(actual), around(expected)))
}
