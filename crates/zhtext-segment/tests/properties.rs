//! Property tests: segmentation tiles any input and never panics.
#![cfg(feature = "default-dict")]

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use zhtext_core::{Segmenter, check_tiling};
use zhtext_segment::{Hmm, JiebaSegmenter, KeywordMethod, ScriptMode};

static DEFAULT: LazyLock<JiebaSegmenter> = LazyLock::new(JiebaSegmenter::new);
static SIMPLIFIED: LazyLock<JiebaSegmenter> = LazyLock::new(|| {
    JiebaSegmenter::builder().script(ScriptMode::Simplified).build().expect("default dictionaries")
});
static TRADITIONAL: LazyLock<JiebaSegmenter> = LazyLock::new(|| {
    JiebaSegmenter::builder()
        .t2s(common::TinyT2s)
        .script(ScriptMode::Traditional)
        .hmm(Hmm::Off)
        .build()
        .expect("default dictionaries")
});

/// Strings biased to what segmentation finds hard: Traditional and Simplified Han, Arabic and
/// Chinese digits, units, separators, full-width forms, Latin, emoji, spaces and punctuation.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "區",
        "長",
        "領導",
        "幹部",
        "會議",
        "𠮶",
        "國",
        "經濟",
        "发展",
        "增长",
        "一般公共预算收入",
        "稳中求进",
        "0",
        "1",
        "9",
        "８",
        "．",
        ".",
        ",",
        "，",
        "%",
        "％",
        "-",
        "～",
        "万",
        "亿",
        "元",
        "年",
        "月",
        "个百分点",
        "一",
        "百",
        "五十",
        "八",
        "点",
        "十",
        "〇",
        "○",
        "－",
        "−",
        "千瓦",
        "这",
        "是",
        "我区",
        "分之",
        "百分之",
        "两",
        "PM",
        "G",
        "abc",
        "Ｘ",
        "X",
        "×",
        "*",
        "😀",
        "👍🏽",
        " ",
        "\u{3000}",
        "\n",
        "\r\n",
        "\t",
        "。",
        "“",
        "”",
        "…",
        "—",
        "「",
        "」",
        "\u{FEFF}",
        "\u{200B}",
        "é",
        "ｅ",
    ]);
    prop_oneof![prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat()), any::<String>(),]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn segment_tiles(s in text()) {
        for segmenter in [&*DEFAULT, &*TRADITIONAL] {
            let tokens = segmenter.segment(&s);
            prop_assert!(check_tiling(&s, &tokens).is_ok(), "{:?}", check_tiling(&s, &tokens));
        }
    }

    /// Tagging cuts exactly as segmenting does.
    #[test]
    fn tags_are_on_the_segmented_tokens(s in text()) {
        for segmenter in [&*DEFAULT, &*TRADITIONAL] {
            let tagged = segmenter.tag(&s);
            let tokens: Vec<_> = tagged.iter().map(|(t, _)| *t).collect();
            prop_assert_eq!(&tokens, &segmenter.segment(&s));
            prop_assert!(tagged.iter().all(|(_, tag)| !tag.is_empty()));
        }
    }

    #[test]
    fn search_terms_are_slices(s in text()) {
        for segmenter in [&*DEFAULT, &*TRADITIONAL] {
            for t in segmenter.search_terms(&s) {
                prop_assert!(!t.text().is_empty());
                prop_assert_eq!(s.get(t.span().range()), Some(t.text()));
            }
        }
    }

    /// Search terms are the precise tokens plus words inside them.
    #[test]
    fn search_terms_hold_the_precise_tokens(s in text()) {
        for segmenter in [&*SIMPLIFIED, &*DEFAULT, &*TRADITIONAL] {
            let terms = segmenter.search_terms(&s);
            let mut terms = terms.iter().peekable();
            for token in segmenter.segment(&s) {
                // Each token comes after the words inside it.
                while terms.next_if(|t| *t != &token).is_some() {}
                prop_assert_eq!(terms.next(), Some(&token));
            }
            prop_assert!(terms.next().is_none());
        }
    }

    #[test]
    fn keywords_do_not_panic(s in text()) {
        let _ = DEFAULT.keywords(&s, 5, KeywordMethod::TfIdf);
        let _ = TRADITIONAL.keywords(&s, 5, KeywordMethod::TextRank);
    }
}

/// Long runs of numeral characters: the figure lexer looks at every position of the run, so
/// each look must stop early (a run of 450,000 numerals hung a quadratic scan before).
#[test]
fn long_numeral_runs_are_read_in_linear_time() {
    let segmenter = JiebaSegmenter::new();
    for unit in ["一二三四五六七八九", "十", "百分之", "〇", "1.", "１", "一○", "-1", "－", "万千"]
    {
        let text = unit.repeat(60_000 / unit.chars().count());
        let tokens = segmenter.segment(&text);
        assert!(check_tiling(&text, &tokens).is_ok(), "{unit}");
    }
}

/// A long run of full-width letters is joined into one token, reading each piece once (the
/// join used to read the whole run again at every letter).
#[test]
fn long_fullwidth_runs_are_joined_in_linear_time() {
    let segmenter = JiebaSegmenter::new();
    for unit in ["Ａ", "ｂ１", "Ｚ9"] {
        let text = unit.repeat(100_000 / unit.chars().count());
        let tokens = segmenter.segment(&text);
        assert_eq!(tokens.len(), 1, "{unit}");
        assert_eq!(tokens[0].text(), text);
    }
}
