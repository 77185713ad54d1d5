//! Property tests: no panic, Mark mode keeps every line, idempotence, sound offset maps.

use std::borrow::Cow;
use std::sync::LazyLock;

use proptest::prelude::*;
use zhtext_boilerplate::{Mode, Stripper};
use zhtext_core::{OffsetMap, Span, Transform};

/// Lines biased to what pages are made of: chrome keywords, Chinese prose, salutations,
/// markers, digits, URLs, placeholders, odd whitespace.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("下面是小编为大家整理的区长讲话，仅供参考。".to_owned()),
        Just("首页 > 范文大全 > 讲话稿".to_owned()),
        Just("上一篇：区长讲话".to_owned()),
        Just("相关文章：".to_owned()),
        Just("区长在全区经济工作会议上的讲话".to_owned()),
        Just("同志们：".to_owned()),
        Just("篇2：镇长讲话".to_owned()),
        Just("區長講話篇3".to_owned()),
        Just("文章标题：区委书记讲话".to_owned()),
        Just("Copyright © 2015-2024 版权所有 粤ICP备15071480号".to_owned()),
        Just("全区生产总值增长8.8%，XX项目顺利投产，完成X亿元。".to_owned()),
        Just("<img src=\"data:image/png;base64,AAAA\">".to_owned()),
        Just(String::new()),
        Just("\u{3000}\u{3000}".to_owned()),
        "[\\p{Han}，。：、！？ ]{0,40}",
        "[\\PC]{0,30}",
        any::<String>(),
    ]
}

fn page() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..24), prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n")])
        .prop_map(|(lines, sep)| lines.join(sep))
}

/// One stripper for all cases (building the automaton is the slow part in debug builds).
static STRIPPER: LazyLock<Stripper> = LazyLock::new(Stripper::new);
static MARKER: LazyLock<Stripper> = LazyLock::new(|| Stripper::builder().mode(Mode::Mark).build());

fn check_map(input: &str, output: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    // Every edit is a deletion on char boundaries of the input.
    for e in map.edits() {
        prop_assert!(e.output.is_empty());
        prop_assert!(input.is_char_boundary(e.input.start) && input.is_char_boundary(e.input.end));
    }
    // Each output line maps back to the same text in the input.
    let mut pos = 0;
    for piece in output.split_inclusive('\n') {
        let span = Span::new(pos, pos + piece.len());
        let back = map.to_input(span);
        prop_assert!(back.end <= input.len());
        prop_assert!(input.is_char_boundary(back.start) && input.is_char_boundary(back.end));
        // Labels cut off a line make the input span longer; its end is the same text.
        prop_assert!(
            input[back.range()].ends_with(piece),
            "{piece:?} <- {:?}",
            &input[back.range()]
        );
        pos += piece.len();
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_any_string(s in any::<String>()) {
        let stripped = STRIPPER.strip(&s);
        prop_assert!(stripped.text.len() <= s.len());
    }

    #[test]
    fn mark_keeps_every_line(p in page()) {
        let stripped = MARKER.strip(&p);
        prop_assert_eq!(&stripped.text, &p);
        for line in p.lines() {
            prop_assert!(stripped.text.contains(line));
        }
        for r in &stripped.removed {
            prop_assert_eq!(&p[r.span.range()], r.text.as_str());
        }
    }

    #[test]
    fn idempotent(p in page()) {
        let s = &*STRIPPER;
        let once = s.strip(&p).text;
        let twice = s.strip(&once).text;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn offset_map_sound(p in page()) {
        let stripper = &*STRIPPER;
        let stripped = stripper.strip(&p);
        check_map(&p, &stripped.text, &stripped.map)?;
        for a in &stripped.articles {
            prop_assert_eq!(&stripped.text[a.span.range()], a.text.as_str());
        }
        // The Transform agrees with strip and borrows when nothing changes.
        let mut map = OffsetMap::new();
        let out = stripper.apply_mapped(&p, &mut map);
        prop_assert_eq!(out.as_ref(), stripped.text.as_str());
        prop_assert_eq!(&map, &stripped.map);
        if stripped.text == p {
            prop_assert!(matches!(stripper.apply(&p), Cow::Borrowed(_)));
        }
        let mut appended = String::from("前");
        stripper.apply_into(&p, &mut appended);
        prop_assert_eq!(&appended[3..], stripped.text.as_str());
    }
}

#[test]
fn auto_traits() {
    fn check<
        T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe + Clone + std::fmt::Debug,
    >() {
    }
    check::<Stripper>();
    check::<zhtext_boilerplate::Stripped>();
    check::<zhtext_boilerplate::Removed>();
    check::<zhtext_boilerplate::Article>();
    check::<zhtext_boilerplate::Flags>();
    check::<zhtext_boilerplate::Reason>();
    check::<zhtext_boilerplate::Builder>();
    check::<Mode>();
}

#[test]
fn empty_and_blank() {
    let s = Stripper::new();
    let e = s.strip("");
    assert!(e.text.is_empty() && e.articles.is_empty() && e.title.is_none());
    assert_eq!(s.strip("\n\n").text, "\n\n");
    assert_eq!(s.strip("你好").articles.len(), 1);
    assert_eq!(s.strip("版权所有 © 某站").text, "");
}
