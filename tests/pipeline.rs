//! The facade's Pipeline on real pages: stages compose, offsets map back to the input.

#![cfg(all(feature = "decode", feature = "segment"))]

use zhtext::Pipeline;
use zhtext::core::{Span, TokenKind, check_tiling};
use zhtext::decode::Cleanup;
use zhtext::segment::JiebaSegmenter;

const SEED: &str = include_str!("../examples/data/000_af21706e8f0fbd1f.txt");

#[test]
fn tokens_of_cleaned_text_map_back_to_the_decoded_input() {
    let input = "同志们:\r\n\u{3000}\u{3000}前三季度，全區生產總值增長８．８％， 高於全市 0.2 個百分點。\r\n";
    let pipeline =
        Pipeline::builder().transform(Cleanup::new()).segmenter(JiebaSegmenter::new()).build();
    let doc = pipeline.run(input.as_bytes());
    assert_eq!(doc.encoding(), Some("utf-8"));
    assert_eq!(doc.text(), "同志们：\n前三季度，全區生產總值增長8.8%，高於全市0.2個百分點。\n");
    let tokens = doc.tokens();
    check_tiling(doc.text(), &tokens).unwrap();
    let figure = tokens.iter().find(|t| t.text() == "8.8%").expect("8.8% is one token");
    assert_eq!(figure.kind(), TokenKind::Number);
    assert_eq!(&doc.input()[doc.to_input(figure.span()).range()], "８．８％");
    let points = tokens.iter().find(|t| t.text().starts_with("0.2")).expect("0.2 is found");
    // Cleanup removed the space inside "0.2 個百分點"; the input span still covers it.
    assert_eq!(&doc.input()[doc.to_input(points.span()).range()], "0.2 個百分點");
}

#[test]
fn every_token_of_a_real_page_maps_to_an_input_slice() {
    let gbk = encoding_rs::GB18030.encode(SEED).0;
    let pipeline =
        Pipeline::builder().transform(Cleanup::new()).segmenter(JiebaSegmenter::new()).build();
    let doc = pipeline.run(&gbk);
    assert_eq!(doc.input(), SEED, "GB18030 bytes decode to the original page");
    let tokens = doc.tokens();
    check_tiling(doc.text(), &tokens).unwrap();
    let mut last = Span::default();
    for token in &tokens {
        let span = doc.to_input(token.span());
        assert!(doc.input().get(span.range()).is_some(), "{span:?} is a slice of the input");
        assert!(span.start >= last.start, "spans stay in order");
        last = span;
        if token.kind() == TokenKind::Word {
            // Cleanup leaves Han characters alone and only drops spaces between them.
            let source: String =
                doc.input()[span.range()].chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(source, token.text());
        }
    }
}
