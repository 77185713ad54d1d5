use std::io::Write;
use zhtext_core::{Segmenter, TokenKind};
use zhtext_segment::{DomainDict, Hmm, JiebaSegmenter};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = &args[1];
    let variant = args[2].as_str();
    let seg = match variant {
        "hmmoff" => JiebaSegmenter::builder().hmm(Hmm::Off).build().unwrap(),
        "trad" => JiebaSegmenter::builder()
            .script(zhtext_segment::ScriptMode::Traditional)
            .build()
            .unwrap(),
        "nofig" => {
            JiebaSegmenter::builder().figures(zhtext_segment::Figures::Jieba).build().unwrap()
        }
        "hmmjieba" => JiebaSegmenter::builder().hmm(Hmm::Jieba).build().unwrap(),
        "nodomain" => JiebaSegmenter::builder().domain_dict(DomainDict::Off).build().unwrap(),
        _ => JiebaSegmenter::new(),
    };
    for corpus in ["pku", "msr", "cityu", "as"] {
        let text = std::fs::read_to_string(format!("{root}/testing/{corpus}_test.utf8")).unwrap();
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(format!("/tmp/exp_out/{corpus}.{variant}.utf8")).unwrap(),
        );
        for line in text.lines() {
            let (bom, line) = match line.strip_prefix('\u{FEFF}') {
                Some(r) => ("\u{FEFF}", r),
                None => ("", line),
            };
            let words: Vec<&str> = seg
                .segment(line)
                .iter()
                .filter(|t| t.kind() != TokenKind::Space)
                .map(|t| t.text())
                .filter(|w| !w.trim().is_empty())
                .collect();
            writeln!(out, "{bom}{}", words.join("  ")).unwrap();
        }
    }
}
