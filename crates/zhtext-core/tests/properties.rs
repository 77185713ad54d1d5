//! Property tests: offset maps recorded by random rewrites are sound and compose.

use proptest::prelude::*;
use zhtext_core::{CharAction, OffsetMap, Span, Transform, line_chunks, map_chars_mapped};

/// One rewrite decision per character.
#[derive(Clone, Debug)]
enum Op {
    Keep,
    Delete,
    Replace(String),
    InsertBefore(String),
}

fn op() -> impl Strategy<Value = Op> {
    let piece = "[a-z全區长億\u{3000}😀]{0,3}";
    prop_oneof![
        4 => Just(Op::Keep),
        1 => Just(Op::Delete),
        2 => piece.prop_map(Op::Replace),
        1 => "[a-z全區😀]{1,2}".prop_map(Op::InsertBefore),
    ]
}

fn text() -> impl Strategy<Value = String> {
    "[a-z 0-9全區长億元\u{3000}\u{200B}，😀]{0,24}"
}

/// Applies `ops` (cycled) to `input`, recording each rewrite, and records which output
/// spans were copied from which input spans.
fn rewrite(input: &str, ops: &[Op]) -> (String, OffsetMap, Vec<(Span, Span)>) {
    let mut out = String::new();
    let mut map = OffsetMap::new();
    let mut kept = Vec::new();
    for (k, (i, c)) in input.char_indices().enumerate() {
        let end = i + c.len_utf8();
        let op = if ops.is_empty() { &Op::Keep } else { &ops[k % ops.len()] };
        match op {
            Op::Keep => {
                kept.push((Span::new(i, end), Span::new(out.len(), out.len() + c.len_utf8())));
                out.push(c);
            }
            Op::Delete => map.push(Span::new(i, end), Span::new(out.len(), out.len())),
            Op::Replace(s) => {
                let start = out.len();
                out.push_str(s);
                map.push(Span::new(i, end), Span::new(start, out.len()));
            }
            Op::InsertBefore(s) => {
                let start = out.len();
                out.push_str(s);
                map.push(Span::new(i, i), Span::new(start, out.len()));
                kept.push((Span::new(i, end), Span::new(out.len(), out.len() + c.len_utf8())));
                out.push(c);
            }
        }
    }
    (out, map, kept)
}

fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

fn assert_sound(input: &str, output: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    let bounds = boundaries(output);
    let mut last_start = 0;
    for (a, &s) in bounds.iter().enumerate() {
        let mut last_end = 0;
        for &e in &bounds[a..] {
            let span = map.to_input(Span::new(s, e));
            prop_assert!(span.start <= span.end && span.end <= input.len(), "{span:?}");
            prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
            prop_assert!(span.start >= last_start, "starts not monotonic");
            prop_assert!(span.end >= last_end, "ends not monotonic");
            last_end = span.end;
        }
        last_start = map.to_input(Span::new(s, s)).start;
    }
    Ok(())
}

proptest! {
    #[test]
    fn recorded_maps_are_sound(input in text(), ops in prop::collection::vec(op(), 0..6)) {
        let (output, map, kept) = rewrite(&input, &ops);
        assert_sound(&input, &output, &map)?;
        for (from, to) in kept {
            prop_assert_eq!(map.to_input(to), from);
            prop_assert_eq!(map.to_output(from), to);
        }
    }

    #[test]
    fn input_cursor_agrees_with_to_input_pos(
        input in text(),
        ops in prop::collection::vec(op(), 0..6),
        back in 0usize..4,
    ) {
        let (output, map, _) = rewrite(&input, &ops);
        let mut cursor = map.input_cursor();
        for pos in 0..=output.len() {
            prop_assert_eq!(cursor.to_input_pos(pos), map.to_input_pos(pos));
        }
        // Going back is answered right too.
        let pos = output.len().saturating_sub(back);
        prop_assert_eq!(cursor.to_input_pos(pos), map.to_input_pos(pos));
        prop_assert_eq!(cursor.to_input_pos(0), map.to_input_pos(0));
    }

    #[test]
    fn composed_maps_cover_the_chain(
        input in text(),
        ops1 in prop::collection::vec(op(), 0..6),
        ops2 in prop::collection::vec(op(), 0..6),
    ) {
        let (mid, m1, _) = rewrite(&input, &ops1);
        let (output, m2, _) = rewrite(&mid, &ops2);
        let composed = m1.compose(&m2);
        assert_sound(&input, &output, &composed)?;
        let bounds = boundaries(&output);
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a..] {
                let span = Span::new(s, e);
                let chained = m1.to_input(m2.to_input(span));
                let direct = composed.to_input(span);
                prop_assert!(
                    direct.contains(chained) || (span.is_empty() && direct.is_empty()),
                    "{span:?}: composed {direct:?} does not cover chained {chained:?}"
                );
            }
        }
    }

    #[test]
    fn map_chars_borrows_when_nothing_changes(input in text()) {
        let mut map = OffsetMap::new();
        let out = map_chars_mapped(&input, |c| if c == '\u{200B}' { CharAction::Delete } else { CharAction::Keep }, &mut map);
        prop_assert_eq!(matches!(out, std::borrow::Cow::Borrowed(_)), !input.contains('\u{200B}'));
        prop_assert_eq!(out.replace('\u{200B}', ""), input.replace('\u{200B}', ""));
        assert_sound(&input, &out, &map)?;
    }

    #[test]
    fn default_apply_mapped_is_sound(input in text()) {
        struct Fold;
        impl Transform for Fold {
            fn apply<'a>(&self, input: &'a str) -> std::borrow::Cow<'a, str> {
                zhtext_core::map_chars(input, |c| match c {
                    '\u{3000}' => CharAction::Replace(' '),
                    '區' => CharAction::Replace('区'),
                    '\u{200B}' => CharAction::Delete,
                    _ => CharAction::Keep,
                })
            }
        }
        let mut map = OffsetMap::new();
        let out = Fold.apply_mapped(&input, &mut map);
        assert_sound(&input, &out, &map)?;
        let chain = Fold.then(Fold);
        let out2 = chain.apply_mapped(&input, &mut map);
        prop_assert_eq!(&out2, &out);
        assert_sound(&input, &out2, &map)?;
    }
}

proptest! {
    /// Line chunks tile the text; each but the last ends with the first line break at or
    /// after its target length.
    #[test]
    fn line_chunks_are_the_shortest_runs_of_whole_lines(
        text in "[a-z全區\n\r 😀]{0,60}",
        target in 0usize..20,
    ) {
        let spans: Vec<Span> = line_chunks(&text, target).collect();
        let mut pos = 0;
        for (k, span) in spans.iter().enumerate() {
            prop_assert_eq!(span.start, pos);
            prop_assert!(span.end > span.start);
            let piece = &text[span.range()];
            if k + 1 < spans.len() {
                prop_assert!(piece.ends_with('\n'));
                prop_assert!(span.len() >= target.max(1));
                let inner = &piece.as_bytes()[target.max(1) - 1..piece.len() - 1];
                prop_assert!(!inner.contains(&b'\n'));
            }
            pos = span.end;
        }
        prop_assert_eq!(pos, text.len());
    }

    /// With sentence ends as well, chunks still tile the text and end at a line break, a
    /// sentence end or the end of the text.
    #[test]
    fn chunks_ending_at_sentences_tile_the_text(
        text in "[a-z全區\n。！ 😀]{0,60}",
        target in 0usize..20,
    ) {
        let spans: Vec<Span> = line_chunks(&text, target).or_after(&['。', '！']).collect();
        let mut pos = 0;
        for span in &spans {
            prop_assert_eq!(span.start, pos);
            prop_assert!(span.end > span.start);
            let piece = &text[span.range()];
            prop_assert!(span.end == text.len() || piece.ends_with(['\n', '。', '！']));
            pos = span.end;
        }
        prop_assert_eq!(pos, text.len());
    }
}

#[test]
fn public_types_are_thread_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe>() {}
    check::<Span>();
    check::<OffsetMap>();
    check::<zhtext_core::Token<'static>>();
    check::<zhtext_core::Input<'static>>();
}
