//! [`Cleaner`]: the whole cleaning stage, with a composed offset map and a report.

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Transform};

use crate::mojibake::repair_impl;
use crate::{Cleanup, LostChars, PinyinStrip};

/// What a [`Cleaner`] found and changed.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CleanReport {
    /// Spans of mojibake turned back into the text they were.
    pub mojibake_repaired: usize,
    /// Pinyin glosses removed.
    pub pinyin_removed: usize,
    /// `?` and U+FFFD standing where a character was lost (kept in the text).
    pub lost_chars: usize,
    /// Private-use code points (kept in the text).
    pub private_use: usize,
    /// Lines made only of `?` that were dropped.
    pub lines_dropped: usize,
}

/// A cleaned text, the map back to the input, and what was found.
#[derive(Clone, Debug)]
pub struct Cleaned<'a> {
    /// The cleaned text, borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// The map from `text` back to the input.
    pub map: OffsetMap,
    /// What was found and changed.
    pub report: CleanReport,
}

/// Mojibake repair, then the lost-character scan, then [`Cleanup`], then [`PinyinStrip`].
///
/// # Example
///
/// ```
/// use zhtext_core::Span;
/// use zhtext_decode::Cleaner;
///
/// let cleaned = Cleaner::new().clean("\u{3000}\u{3000}區(qū)長:全区生产总值增长８．８％\r\n");
/// assert_eq!(cleaned.text, "區長：全区生产总值增长8.8%\n");
/// assert_eq!(cleaned.report.pinyin_removed, 1);
/// // "8.8%" comes from "８．８％".
/// let at = cleaned.text.find("8.8%").unwrap();
/// let span = cleaned.map.to_input(Span::new(at, at + 4));
/// assert_eq!(span.get("\u{3000}\u{3000}區(qū)長:全区生产总值增长８．８％\r\n"), Some("８．８％"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Cleaner {
    cleanup: Cleanup,
}

/// Builds a [`Cleaner`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CleanerBuilder {
    cleanup: Cleanup,
}

impl CleanerBuilder {
    /// The [`Cleanup`] to run (default [`Cleanup::new`]).
    pub fn cleanup(&mut self, cleanup: Cleanup) -> &mut Self {
        self.cleanup = cleanup;
        self
    }

    /// The cleaner.
    #[must_use]
    pub fn build(&self) -> Cleaner {
        Cleaner { cleanup: self.cleanup }
    }
}

impl Cleaner {
    /// The default cleaner.
    #[must_use]
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// A builder, to configure the cleanup.
    #[must_use]
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans `text`.
    #[must_use]
    pub fn clean<'a>(&self, text: &'a str) -> Cleaned<'a> {
        let mut report = CleanReport::default();
        let mut map = OffsetMap::new();
        let mut repairs = Vec::new();
        let text =
            step(Cow::Borrowed(text), &mut map, |t, m| repair_impl(t, &mut repairs, Some(m)));
        report.mojibake_repaired = repairs.len();
        let text = step(text, &mut map, |t, m| {
            let (out, lost) = LostChars.apply_counted(t, m);
            report.lost_chars = lost.lost_chars;
            report.private_use = lost.private_use;
            report.lines_dropped = lost.lines_dropped;
            out
        });
        let text = step(text, &mut map, |t, m| self.cleanup.apply_mapped(t, m));
        let text = step(text, &mut map, |t, m| {
            let (out, n) = PinyinStrip.apply_counted(t, m);
            report.pinyin_removed = n;
            out
        });
        Cleaned { text, map, report }
    }
}

/// Runs one stage on `text`, composing its map into `map`.
fn step<'a>(
    text: Cow<'a, str>,
    map: &mut OffsetMap,
    stage: impl for<'b> FnOnce(&'b str, &mut OffsetMap) -> Cow<'b, str>,
) -> Cow<'a, str> {
    let mut stage_map = OffsetMap::new();
    match text {
        Cow::Borrowed(t) => {
            let out = stage(t, &mut stage_map);
            if matches!(out, Cow::Owned(_)) {
                *map = map.compose(&stage_map);
            }
            out
        }
        Cow::Owned(t) => match stage(&t, &mut stage_map) {
            Cow::Borrowed(_) => Cow::Owned(t),
            Cow::Owned(out) => {
                *map = map.compose(&stage_map);
                Cow::Owned(out)
            }
        },
    }
}

impl Transform for Cleaner {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        self.clean(input).text
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let cleaned = self.clean(input);
        *map = cleaned.map;
        cleaned.text
    }
}
