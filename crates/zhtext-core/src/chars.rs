//! The helper that char-level stages are built on.

use std::borrow::Cow;

use crate::{OffsetMap, Span};

/// What [`map_chars`] does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharAction {
    /// Copy it.
    Keep,
    /// Write this character instead.
    Replace(char),
    /// Write this string instead.
    ReplaceStr(&'static str),
    /// Drop it.
    Delete,
}

/// Rewrites `input` character by character, allocating only at the first character that
/// is not kept.
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use zhtext_core::{map_chars, CharAction};
///
/// let no_zwsp = |c| if c == '\u{200B}' { CharAction::Delete } else { CharAction::Keep };
/// assert_eq!(map_chars("全\u{200B}区", no_zwsp), "全区");
/// assert!(matches!(map_chars("全区", no_zwsp), Cow::Borrowed(_)));
/// ```
pub fn map_chars(input: &str, f: impl FnMut(char) -> CharAction) -> Cow<'_, str> {
    map_chars_impl(input, f, None)
}

/// Like [`map_chars`], and replaces `map` with an edit for every character not kept.
pub fn map_chars_mapped<'a>(
    input: &'a str,
    f: impl FnMut(char) -> CharAction,
    map: &mut OffsetMap,
) -> Cow<'a, str> {
    map.clear();
    map_chars_impl(input, f, Some(map))
}

fn map_chars_impl<'a>(
    input: &'a str,
    mut f: impl FnMut(char) -> CharAction,
    mut map: Option<&mut OffsetMap>,
) -> Cow<'a, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (i, c) in input.char_indices() {
        let action = f(c);
        if action == CharAction::Keep {
            continue;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(input.len()));
        buf.push_str(&input[copied..i]);
        let out_start = buf.len();
        match action {
            CharAction::Keep => {}
            CharAction::Replace(r) => buf.push(r),
            CharAction::ReplaceStr(s) => buf.push_str(s),
            CharAction::Delete => {}
        }
        copied = i + c.len_utf8();
        if let Some(map) = map.as_deref_mut() {
            map.push(Span::new(i, copied), Span::new(out_start, buf.len()));
        }
    }
    match out {
        None => Cow::Borrowed(input),
        Some(mut buf) => {
            buf.push_str(&input[copied..]);
            Cow::Owned(buf)
        }
    }
}
