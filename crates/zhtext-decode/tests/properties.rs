//! Property tests: no panics, idempotence, borrowing, sound offset maps, good text kept.

use std::borrow::Cow;

use proptest::prelude::*;
use zhtext_core::{OffsetMap, Span, Transform};
use zhtext_decode::{
    Cleaner, Cleanup, Decoder, LostChars, MojibakeRepair, PinyinStrip, PunctStyle, repair_mojibake,
};

/// Pieces that exercise the cleanup rules, biased to Chinese.
const PIECES: &[&str] = &[
    "全",
    "区",
    "生产",
    "總值",
    "增長",
    "的",
    "们",
    "區",
    "(qū)",
    "們",
    "(men)",
    "（xiàng）",
    "項",
    "同志们",
    ":",
    "?",
    "??",
    ",",
    ";",
    "!",
    "(",
    ")",
    "（",
    "）",
    "，",
    "。",
    "、",
    "“",
    "”",
    " ",
    "  ",
    "\u{3000}",
    "\u{A0}",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\u{200B}",
    "\u{FEFF}",
    "\u{7}",
    "&nbsp;",
    "&amp;",
    "&ldquo;",
    "&#8220;",
    "&#x201D;",
    "&",
    ";",
    "#",
    "amp",
    "２",
    "１５",
    "．",
    "６",
    "％",
    "Ａ",
    "ｂ",
    "－",
    "㈠",
    "㈩",
    "―",
    "℅",
    "8.8",
    "124.67",
    "億元",
    "1",
    "29",
    "GDP",
    "Word",
    "e\u{301}",
    "\u{301}",
    "\u{F900}",
    "\u{E000}",
    "\u{FFFD}",
    "鍏ㄥ幙",
    "浜忔崯",
    "å…¨",
    "åŒº",
    "Â",
    "©",
    "€",
    "x",
    "http://",
    "市、區",
    "一",
];

fn chinese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        chinese_text(),
        any::<String>(),
        "[\\u{4E00}-\\u{4E40}a-c0-2 ,:?()&;\\n\\r\\u{3000}]{0,30}"
    ]
}

/// Every output char-boundary span maps to an in-bounds, char-boundary input span, and
/// positions map monotonically.
fn check_map(input: &str, output: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    let bounds: Vec<usize> =
        output.char_indices().map(|(i, _)| i).chain(std::iter::once(output.len())).collect();
    let mut last = 0;
    for (n, &a) in bounds.iter().enumerate() {
        let start = map.to_input(Span::new(a, a)).start;
        prop_assert!(start >= last, "not monotonic at {a}");
        last = start;
        for &b in bounds[n..].iter().take(4) {
            let span = map.to_input(Span::new(a, b));
            prop_assert!(span.end <= input.len(), "{span:?} out of bounds");
            prop_assert!(span.get(input).is_some(), "{span:?} not on char boundaries");
        }
    }
    Ok(())
}

fn check_transform(t: &dyn Transform, input: &str) -> Result<(), TestCaseError> {
    let plain = t.apply(input);
    if *plain == *input {
        prop_assert!(matches!(plain, Cow::Borrowed(_)), "unchanged but owned");
    }
    let mut map = OffsetMap::new();
    let mapped = t.apply_mapped(input, &mut map);
    prop_assert_eq!(&*mapped, &*plain);
    check_map(input, &mapped, &map)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let decoded = Decoder::new().decode(&bytes);
        prop_assert!((0.0..=1.0).contains(&decoded.confidence()));
        if let Ok(strict) = Decoder::new().try_decode(&bytes) {
            prop_assert_eq!(strict.malformed(), 0);
        }
        for label in ["utf-8", "gbk", "big5", "utf-16le"] {
            let forced = Encoding::from_label(label).expect("known label");
            let _ = Decoder::builder().encoding(forced).build().decode(&bytes);
        }
    }

    #[test]
    fn cleanup_is_idempotent(text in any_text()) {
        for style in [PunctStyle::FullWidthInChinese, PunctStyle::HalfWidth, PunctStyle::Keep] {
            let cleanup = Cleanup::builder().punct(style).build();
            let once = cleanup.apply(&text);
            let twice = cleanup.apply(&once);
            prop_assert_eq!(&*twice, &*once, "{:?}", style);
            prop_assert!(matches!(twice, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn transforms_borrow_and_map_soundly(text in any_text()) {
        check_transform(&Cleanup::new(), &text)?;
        check_transform(&Cleanup::builder().punct(PunctStyle::HalfWidth).build(), &text)?;
        check_transform(&PinyinStrip::new(), &text)?;
        check_transform(&LostChars::new(), &text)?;
        check_transform(&MojibakeRepair::new(), &text)?;
        check_transform(&Cleaner::new(), &text)?;
    }

    #[test]
    fn good_chinese_is_never_repaired(chars in prop::collection::vec(prop::sample::select(COMMON), 1..60)) {
        let text: String = chars.into_iter().collect();
        prop_assert!(repair_mojibake(&text).repairs.is_empty(), "{}", text);
    }
}

use zhtext_decode::Encoding;

/// Common characters and punctuation, Simplified and Traditional.
const COMMON: &[char] = &[
    '的', '一', '是', '在', '不', '了', '有', '和', '人', '这', '中', '大', '为', '上', '个', '国',
    '我', '以', '要', '他', '时', '来', '用', '们', '生', '到', '作', '地', '于', '出', '就', '分',
    '對', '成', '會', '可', '主', '發', '年', '動', '同', '工', '也', '能', '下', '過', '子', '說',
    '產', '種', '面', '而', '方', '後', '多', '定', '行', '學', '法', '所', '民', '得', '經', '區',
    '鈎', '掛', '竣', '甯', '浜', '鍏', '璁', '涓', '绔', '，', '。', '、', '：', '“', '”', '（',
    '）', '１', '％', '·', '—',
];

#[test]
fn seed_lines_are_never_repaired() {
    for seed in ["000_af21706e8f0fbd1f", "001_bf553028553a4e53", "003_4151e4342b9995f7"] {
        let path = format!("{}/testdata/docs/{seed}.in.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("seed fixture");
        for line in text.lines() {
            assert!(repair_mojibake(line).repairs.is_empty(), "{line}");
        }
    }
}
