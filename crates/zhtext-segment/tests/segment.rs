//! Behaviour on real text: golden files, figures, Traditional text, dictionaries, errors.
#![cfg(feature = "default-dict")]

mod common;

use std::path::Path;

use zhtext_core::{Segmenter, TokenKind, check_tiling};
use zhtext_segment::{
    DomainDict, ErrorKind, Figures, Hmm, JiebaSegmenter, KeywordMethod, ScriptMode,
};

fn words<'t>(segmenter: &JiebaSegmenter, text: &'t str) -> Vec<&'t str> {
    segmenter.segment(text).iter().map(|t| t.text()).collect()
}

fn kinds<'t>(segmenter: &JiebaSegmenter, text: &'t str) -> Vec<(&'t str, TokenKind)> {
    segmenter.segment(text).iter().map(|t| (t.text(), t.kind())).collect()
}

/// `testdata/docs/NAME.in.txt` segmented line by line, one `token/kind` list per line, must
/// equal `NAME.out.txt`. `UPDATE_GOLDEN=1` rewrites the expected files.
#[test]
fn golden_documents() {
    let segmenter = JiebaSegmenter::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs");
    for input in zhtext_testkit::golden_inputs(&dir, 2) {
        let text = std::fs::read_to_string(&input).expect("golden input");
        let mut actual = String::new();
        for line in text.lines() {
            let tokens = segmenter.segment(line);
            assert!(check_tiling(line, &tokens).is_ok());
            let line: Vec<String> =
                tokens.iter().map(|t| format!("{}/{}", t.text(), t.kind())).collect();
            actual.push_str(&line.join(" "));
            actual.push('\n');
        }
        zhtext_testkit::check_golden(&input, &actual, "inspect the segmentation change");
    }
}

#[test]
fn figures_are_whole_numbers() {
    let segmenter = JiebaSegmenter::new();
    for figure in [
        "158亿元",
        "8.8%",
        "0.2个百分点",
        "1-7月",
        "23,876",
        "一百五十八亿元",
        "百分之八点八",
        "１９９７年",
    ] {
        for hmm in [Hmm::On, Hmm::Off] {
            let segmenter = JiebaSegmenter::builder().hmm(hmm).build().expect("build");
            let text = format!("全区实现{figure}，比上年");
            let tokens = segmenter.segment(&text);
            let found = tokens.iter().find(|t| t.text() == figure);
            assert!(
                found.is_some_and(|t| t.kind() == TokenKind::Number),
                "{figure} with {hmm:?}: {:?}",
                words(&segmenter, &text)
            );
        }
    }
    assert_eq!(words(&segmenter, "增长8.8%"), ["增长", "8.8%"]);
    // Template placeholders are figures too; a redaction is one token.
    assert_eq!(
        kinds(&segmenter, "投资XX亿元，落实***精神"),
        [
            ("投资", TokenKind::Word),
            ("XX亿元", TokenKind::Number),
            ("，", TokenKind::Punct),
            ("落实", TokenKind::Word),
            ("***", TokenKind::Punct),
            ("精神", TokenKind::Word),
        ]
    );
}

#[test]
fn figures_leave_no_stray_characters() {
    let segmenter = JiebaSegmenter::new();
    // A noun that begins with a calendar unit is the figure's unit, unless jieba cuts after
    // its first character.
    assert_eq!(words(&segmenter, "始于90年代初"), ["始于", "90年代", "初"]);
    assert_eq!(words(&segmenter, "2020年度工作报告"), ["2020年度", "工作", "报告"]);
    assert_eq!(words(&segmenter, "连续3年代表大会"), ["连续", "3年", "代表大会"]);
    assert_eq!(words(&segmenter, "上世纪90年代表示"), ["上", "世纪", "90年代", "表示"]);
    // What jieba's word across a figure's end leaves goes with the next word when they make a
    // dictionary word.
    assert_eq!(words(&segmenter, "3日本地新增"), ["3日", "本地", "新增"]);
    // A domain or user word jieba cuts from a figure's start past its end holds the figure;
    // jieba's own numeral words (`五十岁`) do not.
    assert_eq!(words(&segmenter, "党的二十大精神"), ["党", "的", "二十大", "精神"]);
    assert_eq!(words(&segmenter, "二十大型企业"), ["二十", "大型", "企业"]);
    assert_eq!(words(&segmenter, "年满五十岁"), ["年满", "五十", "岁"]);
    let user = JiebaSegmenter::builder().user_words(&["2号线"]).build().expect("build");
    assert_eq!(words(&user, "地铁2号线开通"), ["地铁", "2号线", "开通"]);
    // A user word added without a tag is tagged `x`, as in Python jieba.
    let tags: Vec<(&str, String)> =
        user.tag("地铁2号线").into_iter().map(|(t, tag)| (t.text(), tag)).collect();
    assert_eq!(tags[1], ("2号线", "x".to_owned()));
    assert_eq!(words(&segmenter, "地铁2号线开通"), ["地铁", "2号", "线", "开通"]);
}

#[test]
fn figures_left_to_jieba_when_asked() {
    let segmenter = JiebaSegmenter::builder().figures(Figures::Jieba).build().expect("build");
    let tokens = segmenter.segment("收入一百五十八亿元");
    assert!(!tokens.iter().any(|t| t.text() == "一百五十八亿元"));
}

#[test]
fn hmm_does_not_glue_common_characters() {
    let text = "一是加强学习，二是这是我区的重点，三是很难做到。";
    let guarded = JiebaSegmenter::new();
    let words = words(&guarded, text);
    for w in ["一", "是", "二", "这", "很", "难", "我区"] {
        assert!(words.contains(&w), "{w} missing from {words:?}");
    }
    // jieba's own HMM joins them; an unknown word made of rarer characters is still found.
    let raw = JiebaSegmenter::builder().hmm(Hmm::Jieba).build().unwrap();
    let raw_words = self::words(&raw, text);
    assert!(raw_words.contains(&"一是") && raw_words.contains(&"二是"), "{raw_words:?}");
    assert_eq!(self::words(&guarded, "夏世清说"), self::words(&raw, "夏世清说"));
    // Each character keeps its own dictionary tag.
    let tagged = guarded.tag("一是加强学习");
    let tags: Vec<(&str, &str)> = tagged.iter().map(|(t, tag)| (t.text(), tag.as_str())).collect();
    assert_eq!(tags[..2], [("一", "m"), ("是", "v")], "{tags:?}");
    let terms = guarded.search_terms(text);
    assert!(terms.iter().all(|t| !["一是", "二是", "这是"].contains(&t.text())), "{terms:?}");
    let off = JiebaSegmenter::builder().hmm(Hmm::Off).build().unwrap();
    assert_ne!(self::words(&off, "夏世清说"), self::words(&raw, "夏世清说"));
}

#[test]
fn latin_and_digits_stay_together() {
    let segmenter = JiebaSegmenter::new();
    let tokens = segmenter.segment("PM2.5浓度和5G基站");
    let pm = tokens.iter().find(|t| t.text().starts_with("PM")).expect("PM token");
    assert_eq!((pm.text(), pm.kind()), ("PM2.5", TokenKind::Latin));
}

#[test]
fn domain_terms_are_kept_whole() {
    let with = JiebaSegmenter::new();
    let without = JiebaSegmenter::builder().domain_dict(DomainDict::Off).build().expect("build");
    let text = "规模以上工业增加值增长8.8%，社会消费品零售总额稳中求进";
    let w = words(&with, text);
    assert!(w.contains(&"规模以上工业增加值") && w.contains(&"社会消费品零售总额"), "{w:?}");
    assert!(!words(&without, text).contains(&"规模以上工业增加值"));
}

#[test]
fn traditional_segments_like_its_simplified_form() {
    let segmenter = JiebaSegmenter::builder().t2s(common::TinyT2s).build().expect("build");
    let plain = JiebaSegmenter::new();
    let traditional = "區長領導幹部會議講話，我們這個國家的經濟發展";
    let simplified = "区长领导干部会议讲话，我们这个国家的经济发展";
    let t = segmenter.segment(traditional);
    let s = plain.segment(simplified);
    assert!(check_tiling(traditional, &t).is_ok());
    let lengths = |tokens: &[zhtext_core::Token<'_>]| {
        tokens.iter().map(|t| t.text().chars().count()).collect::<Vec<_>>()
    };
    assert_eq!(lengths(&t), lengths(&s));
    assert_eq!(t[0].text(), "區長");
}

#[test]
fn traditional_with_changed_lengths_still_tiles() {
    let segmenter = JiebaSegmenter::builder()
        .t2s(common::TinyT2s)
        .script(ScriptMode::Traditional)
        .build()
        .expect("build");
    let text = "這𠮶國家的經濟";
    let tokens = segmenter.segment(text);
    assert!(check_tiling(text, &tokens).is_ok());
    assert!(tokens.iter().any(|t| t.text() == "這𠮶"), "{tokens:?}");
}

#[test]
fn simplified_mode_does_not_convert() {
    let segmenter = JiebaSegmenter::builder()
        .t2s(common::TinyT2s)
        .script(ScriptMode::Simplified)
        .build()
        .expect("build");
    let plain = JiebaSegmenter::builder().script(ScriptMode::Simplified).build().expect("build");
    let text = "區長領導幹部會議講話";
    assert_eq!(words(&segmenter, text), words(&plain, text));
}

#[test]
fn user_words_and_dicts() {
    let segmenter = JiebaSegmenter::builder()
        .user_words(&["魏都区"])
        .user_dict("五个魏都 10\n# comment\n\n".as_bytes())
        .build()
        .expect("build");
    assert_eq!(words(&segmenter, "魏都区建设五个魏都"), ["魏都区", "建设", "五个魏都"]);
}

#[test]
fn dictionary_errors() {
    let err = JiebaSegmenter::builder().user_dict("好 abc\n".as_bytes()).build().unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidEntry);
    assert_eq!(err.line(), Some(1));
    assert_eq!(err.to_string(), "dict line 1: frequency is not a number");
    let err = JiebaSegmenter::from_dict("\n\n".as_bytes()).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::EmptyDictionary);
    let traditional = JiebaSegmenter::builder().script(ScriptMode::Traditional).build();
    if cfg!(feature = "traditional") {
        assert!(traditional.is_ok(), "the default converter is used");
    } else {
        assert_eq!(traditional.unwrap_err().kind(), &ErrorKind::NoConverter);
    }
    let invalid_utf8: &[u8] = &[0xff, 0xfe, b'\n'];
    let err = JiebaSegmenter::builder().user_dict(invalid_utf8).build().unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Io);
}

#[test]
fn custom_main_dictionary() {
    let segmenter = JiebaSegmenter::builder()
        .dict("中华 100 nz\n人民 100 n\n共和国 100 n\n".as_bytes())
        .domain_dict(DomainDict::Off)
        .hmm(Hmm::Off)
        .build()
        .expect("build");
    assert_eq!(words(&segmenter, "中华人民共和国"), ["中华", "人民", "共和国"]);
}

#[test]
fn search_tags_and_keywords() {
    let segmenter = JiebaSegmenter::new();
    let text = "一般公共预算收入158亿元";
    let terms: Vec<&str> = segmenter.search_terms(text).iter().map(|t| t.text()).collect();
    assert!(terms.contains(&"一般公共预算收入") && terms.contains(&"预算"), "{terms:?}");
    assert!(terms.contains(&"158亿元"));
    let terms: Vec<&str> =
        segmenter.search_terms("党的二十大，www.gov.cn").iter().map(|t| t.text()).collect();
    // Also where the conversion to Simplified changes lengths (`駶`) and needs its offset map.
    let traditional =
        JiebaSegmenter::builder().script(ScriptMode::Traditional).build().expect("build");
    let changed = "规模以上鍊駶";
    let mapped = traditional.search_terms(changed);
    let mut rest = mapped.iter();
    let tokens = traditional.segment(changed);
    assert!(tokens.iter().all(|t| rest.any(|term| term == t)), "{mapped:?}");
    // The words inside `二十大` come before it, the parts of a Latin compound before it.
    let expected = ["党", "的", "二十", "十大", "二十大", "，", "www", "gov", "cn", "www.gov.cn"];
    assert_eq!(terms, expected);
    let tags = segmenter.tag(text);
    assert_eq!(tags.last().map(|(t, tag)| (t.text(), tag.as_str())), Some(("158亿元", "m")));
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs/speech-2022.in.txt"),
    )
    .expect("fixture");
    for method in [KeywordMethod::TfIdf, KeywordMethod::TextRank] {
        let keywords = segmenter.keywords(&doc, 10, method);
        assert_eq!(keywords.len(), 10);
        assert!(keywords.windows(2).all(|w| w[0].weight >= w[1].weight));
    }
}

/// Tags sit on the tokens `segment` gives, on real documents too: a dash pair or a run of
/// whitespace is one token, and a figure edge is cut the same way.
#[test]
fn tags_are_on_the_segmented_tokens() {
    let segmenter = JiebaSegmenter::new();
    let tags = segmenter.tag("的讲话——坚持  理念");
    let tags: Vec<(&str, &str)> = tags.iter().map(|(t, tag)| (t.text(), tag.as_str())).collect();
    assert_eq!(
        tags,
        [("的", "uj"), ("讲话", "n"), ("——", "x"), ("坚持", "v"), ("  ", "x"), ("理念", "n")]
    );
    for name in ["speech-2022.in.txt", "figures.in.txt"] {
        let doc = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs").join(name),
        )
        .expect("fixture");
        for line in doc.lines() {
            let tagged: Vec<_> = segmenter.tag(line).into_iter().map(|(t, _)| t).collect();
            assert_eq!(tagged, segmenter.segment(line), "{line}");
        }
    }
}

/// Full-width letters and digits stay together, as ASCII ones do.
#[test]
fn fullwidth_latin_runs_are_one_token() {
    let segmenter = JiebaSegmenter::new();
    assert_eq!(
        kinds(&segmenter, "加入ＷＴＯ后通过ＩＳＯ９０００认证，Ａ股"),
        [
            ("加入", TokenKind::Word),
            ("ＷＴＯ", TokenKind::Latin),
            ("后", TokenKind::Word),
            ("通过", TokenKind::Word),
            ("ＩＳＯ９０００", TokenKind::Latin),
            ("认证", TokenKind::Word),
            ("，", TokenKind::Punct),
            ("Ａ", TokenKind::Latin),
            ("股", TokenKind::Word),
        ]
    );
    assert_eq!(words(&segmenter, "ＧＤＰ增長"), ["ＧＤＰ", "增長"], "through Simplified too");
}

#[test]
fn spaces_merge_and_kinds() {
    let segmenter = JiebaSegmenter::new();
    assert_eq!(
        kinds(&segmenter, "发展  GDP……😀"),
        [
            ("发展", TokenKind::Word),
            ("  ", TokenKind::Space),
            ("GDP", TokenKind::Latin),
            ("……", TokenKind::Punct),
            ("😀", TokenKind::Other),
        ]
    );
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe>() {}
    check::<JiebaSegmenter>();
    check::<zhtext_segment::Builder>();
    check::<zhtext_segment::Error>();
    check::<zhtext_segment::Keyword>();
}
