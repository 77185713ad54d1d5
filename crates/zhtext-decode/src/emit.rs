//! [`Emitter`]: builds a stage's output lazily, with its offset map.

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Span};

/// Copies `input` with replacements, allocating only at the first one, and records each
/// replacement in an offset map.
pub(crate) struct Emitter<'a, 'm> {
    input: &'a str,
    out: Option<String>,
    copied: usize,
    map: Option<&'m mut OffsetMap>,
}

impl<'a, 'm> Emitter<'a, 'm> {
    pub(crate) fn new(input: &'a str, map: Option<&'m mut OffsetMap>) -> Emitter<'a, 'm> {
        Emitter { input, out: None, copied: 0, map }
    }

    /// Replaces `span` of the input (at or after everything replaced so far) with `with`.
    pub(crate) fn replace(&mut self, span: Span, with: &str) {
        debug_assert!(span.start >= self.copied);
        // Room for some growth: full-width punctuation is two bytes longer than ASCII.
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.input.len() + self.input.len() / 8));
        out.push_str(&self.input[self.copied..span.start]);
        let start = out.len();
        out.push_str(with);
        if let Some(map) = self.map.as_deref_mut() {
            map.push(span, Span::new(start, out.len()));
        }
        self.copied = span.end;
    }

    pub(crate) fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.input),
            Some(mut out) => {
                out.push_str(&self.input[self.copied..]);
                Cow::Owned(out)
            }
        }
    }
}

impl Emitter<'_, '_> {
    /// Where input position `at` (at or after everything replaced so far) lands in the
    /// output.
    pub(crate) fn output_pos(&self, at: usize) -> usize {
        match &self.out {
            None => at,
            Some(out) => out.len() + (at - self.copied),
        }
    }
}
