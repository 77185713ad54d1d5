//! Offset maps: where each piece of a stage's output came from in its input.

use crate::Span;

/// One rewrite: the bytes `input` of the stage's input became the bytes `output` of its output.
///
/// An empty `output` is a deletion, an empty `input` an insertion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Edit {
    /// The rewritten bytes in the input.
    pub input: Span,
    /// What they became in the output.
    pub output: Span,
}

/// Sorted edits `input span → output span`; the gaps between edits were copied verbatim.
///
/// A stage records an edit for each place it rewrote (a deletion, a replacement, an
/// insertion), in order. Text between edits is assumed to be copied unchanged, so a map with
/// no edits is the identity. A stage may leave out an edit whose input and output have the
/// same length and the same char boundaries (a one-character replacement of equal UTF-8
/// length, as most Traditional ↔ Simplified conversions are), since offsets there are
/// unchanged.
///
/// [`OffsetMap::to_input`] sends a span of the output back to the input: positions inside a
/// rewritten region widen to the whole region, so the result always covers the source of the
/// span. [`OffsetMap::compose`] chains the maps of two stages into one.
///
/// # Example
///
/// ```
/// use zhtext_core::{OffsetMap, Span};
///
/// // "２１５億元" became "215億元": each full-width digit (3 bytes) became one byte.
/// let mut map = OffsetMap::new();
/// map.push(Span::new(0, 3), Span::new(0, 1));
/// map.push(Span::new(3, 6), Span::new(1, 2));
/// map.push(Span::new(6, 9), Span::new(2, 3));
/// // "億元" is at 3..9 in the output and at 9..15 in the input.
/// assert_eq!(map.to_input(Span::new(3, 9)), Span::new(9, 15));
/// // "15" comes from "１５".
/// assert_eq!(map.to_input(Span::new(1, 3)), Span::new(3, 9));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

/// Which end of a span a position is, which decides how it meets deletions and insertions
/// that sit exactly on it: a start goes after them, an end before them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

/// The two coordinate systems of an edit; `from` is the side positions are given in.
#[derive(Clone, Copy)]
enum Direction {
    Backward,
    Forward,
}

impl Direction {
    #[inline]
    fn split(self, edit: &Edit) -> (Span, Span) {
        match self {
            Direction::Backward => (edit.output, edit.input),
            Direction::Forward => (edit.input, edit.output),
        }
    }
}

impl OffsetMap {
    /// An empty map, the identity.
    #[must_use]
    pub const fn new() -> OffsetMap {
        OffsetMap { edits: Vec::new() }
    }

    /// An empty map with room for `capacity` edits.
    #[must_use]
    pub fn with_capacity(capacity: usize) -> OffsetMap {
        OffsetMap { edits: Vec::with_capacity(capacity) }
    }

    /// A map with the single edit `input → output`, or the identity when both are empty.
    #[must_use]
    pub fn single(input: Span, output: Span) -> OffsetMap {
        let mut map = OffsetMap::new();
        map.push(input, output);
        map
    }

    /// Records that the bytes `input` became the bytes `output`.
    ///
    /// Edits must come in order: each starts at or after the end of the previous one, in both
    /// input and output, and the gap before it has the same length on both sides (it was
    /// copied). An edit with both spans empty is ignored. Consecutive deletions, or
    /// consecutive insertions, that touch are merged into one.
    ///
    /// Out-of-order edits are a bug in the calling stage; they are caught by a debug assertion,
    /// and in release builds they make later lookups imprecise but never panic.
    #[inline]
    pub fn push(&mut self, input: Span, output: Span) {
        if input.is_empty() && output.is_empty() {
            return;
        }
        if let Some(last) = self.edits.last_mut() {
            debug_assert!(
                input.start >= last.input.end
                    && output.start >= last.output.end
                    && input.start - last.input.end == output.start - last.output.end,
                "offset map edits out of order: {last:?} then {input:?} -> {output:?}"
            );
            let touching = input.start == last.input.end && output.start == last.output.end;
            let both_deletions = output.is_empty() && last.output.is_empty();
            let both_insertions = input.is_empty() && last.input.is_empty();
            if touching && (both_deletions || both_insertions) {
                last.input.end = input.end;
                last.output.end = output.end;
                return;
            }
        } else {
            debug_assert_eq!(input.start, output.start, "first offset map edit after a copied gap");
        }
        self.edits.push(Edit { input, output });
    }

    /// Appends the edits of `other`, a map of a piece of text that starts at byte
    /// `input_offset` of this map's input and at `output_offset` of its output.
    ///
    /// Use it to build the map of a text transformed piece by piece (line by line, say).
    pub fn append_shifted(&mut self, other: &OffsetMap, input_offset: usize, output_offset: usize) {
        self.edits.reserve(other.edits.len());
        for edit in &other.edits {
            self.push(edit.input.offset(input_offset), edit.output.offset(output_offset));
        }
    }

    /// Removes every edit, making the map the identity.
    pub fn clear(&mut self) {
        self.edits.clear();
    }

    /// The recorded edits, in order.
    #[must_use]
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether the map records no edit, so output offsets equal input offsets.
    #[must_use]
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// The span of the input that `output_span` of the output came from.
    ///
    /// Positions inside a rewritten region widen to the whole region. A span that starts
    /// where something was deleted starts after the deletion, and one that ends there ends
    /// before it. When the map describes a real transform and `output_span` is on char
    /// boundaries of the output, the result is on char boundaries of the input.
    #[must_use]
    pub fn to_input(&self, output_span: Span) -> Span {
        self.map_span(output_span, Direction::Backward)
    }

    /// The span of the output that `input_span` of the input became; the mirror of
    /// [`OffsetMap::to_input`].
    #[must_use]
    pub fn to_output(&self, input_span: Span) -> Span {
        self.map_span(input_span, Direction::Forward)
    }

    /// The position in the input that output position `pos` corresponds to, taken as the
    /// start of a span.
    #[must_use]
    pub fn to_input_pos(&self, pos: usize) -> usize {
        self.map_pos(pos, Side::Start, Direction::Backward)
    }

    fn map_span(&self, span: Span, dir: Direction) -> Span {
        let start = self.map_pos(span.start, Side::Start, dir);
        if span.is_empty() {
            return Span { start, end: start };
        }
        let end = self.map_pos(span.end, Side::End, dir).max(start);
        Span { start, end }
    }

    /// A cursor that maps output positions given in non-decreasing order back to the input,
    /// each in amortised constant time (a token stream's starts, for instance).
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_core::{OffsetMap, Span};
    ///
    /// // "１５億" became "15億".
    /// let mut map = OffsetMap::new();
    /// map.push(Span::new(0, 3), Span::new(0, 1));
    /// map.push(Span::new(3, 6), Span::new(1, 2));
    /// let mut cursor = map.input_cursor();
    /// assert_eq!([0, 1, 2, 5].map(|pos| cursor.to_input_pos(pos)), [0, 3, 6, 9]);
    /// ```
    #[must_use]
    pub fn input_cursor(&self) -> InputCursor<'_> {
        InputCursor { map: self, next: 0 }
    }

    fn map_pos(&self, pos: usize, side: Side, dir: Direction) -> usize {
        // First edit whose `from` span ends after `pos`.
        let next = self.edits.partition_point(|e| dir.split(e).0.end <= pos);
        self.map_pos_at(pos, side, dir, next)
    }

    /// [`OffsetMap::map_pos`] with `next`, the first edit whose `from` span ends after `pos`,
    /// already known.
    #[inline]
    fn map_pos_at(&self, pos: usize, side: Side, dir: Direction, next: usize) -> usize {
        let edits = &self.edits;
        if let Some(edit) = edits.get(next) {
            let (from, to) = dir.split(edit);
            if from.start < pos {
                return match side {
                    Side::Start => to.start,
                    Side::End => to.end,
                };
            }
        }
        let mut prev = next;
        if side == Side::End && prev > 0 {
            let (from, _) = dir.split(&edits[prev - 1]);
            if from.is_empty() && from.start == pos {
                prev -= 1;
            }
        }
        match prev.checked_sub(1).map(|i| dir.split(&edits[i])) {
            None => pos,
            Some((from, to)) => to.end + (pos - from.end),
        }
    }

    /// The map of running `self`'s stage and then `later`'s stage on its output.
    ///
    /// For any span `s` of the final output, `self.compose(later).to_input(s)` covers
    /// `self.to_input(later.to_input(s))`; it is equal unless rewritten regions of the two
    /// stages overlap, where the composed map keeps one region for both.
    #[must_use]
    pub fn compose(&self, later: &OffsetMap) -> OffsetMap {
        if later.is_identity() {
            return self.clone();
        }
        if self.is_identity() {
            return later.clone();
        }
        let mut out = OffsetMap::with_capacity(self.edits.len() + later.edits.len());
        // Walk the edits of both maps in the middle text, grouping those that overlap there.
        let (mut i, mut j) = (0, 0);
        let (first, second) = (&self.edits, &later.edits);
        while i < first.len() || j < second.len() {
            // Which comes next in the middle text: the earlier start, then the earlier end,
            // then `self`'s edit first.
            let take_first = match (first.get(i), second.get(j)) {
                (Some(a), Some(b)) => {
                    (a.output.start, a.output.end) <= (b.input.start, b.input.end)
                }
                (Some(_), None) => true,
                _ => false,
            };
            let (lo, mut hi) = if take_first {
                (first[i].output.start, first[i].output.end)
            } else {
                (second[j].input.start, second[j].input.end)
            };
            let (start_i, start_j) = (i, j);
            if take_first {
                i += 1;
            } else {
                j += 1;
            }
            loop {
                if let Some(a) = first.get(i).filter(|a| a.output.start < hi) {
                    hi = hi.max(a.output.end);
                    i += 1;
                } else if let Some(b) = second.get(j).filter(|b| b.input.start < hi) {
                    hi = hi.max(b.input.end);
                    j += 1;
                } else {
                    break;
                }
            }
            let members = (i - start_i) + (j - start_j);
            if members == 1 && take_first {
                let edit = &first[start_i];
                let output = if edit.output.is_empty() {
                    let pos = later.map_pos(lo, Side::End, Direction::Forward);
                    Span { start: pos, end: pos }
                } else {
                    later.to_output(edit.output)
                };
                out.push(edit.input, output);
            } else if members == 1 {
                let edit = &second[start_j];
                out.push(self.to_input(edit.input), edit.output);
            } else {
                let input = Span {
                    start: self.map_pos(lo, Side::Start, Direction::Backward),
                    end: self.map_pos(hi, Side::End, Direction::Backward),
                };
                let output = Span {
                    start: later.map_pos(lo, Side::Start, Direction::Forward),
                    end: later.map_pos(hi, Side::End, Direction::Forward),
                };
                out.push(input, output);
            }
        }
        out
    }
}

/// Maps output positions given in non-decreasing order back to the input; from
/// [`OffsetMap::input_cursor`].
///
/// Each answer equals [`OffsetMap::to_input_pos`]; a position smaller than the one before is
/// still answered right, with a binary search.
#[derive(Clone, Debug)]
pub struct InputCursor<'m> {
    map: &'m OffsetMap,
    /// The first edit whose output ends after the last position asked for.
    next: usize,
}

impl InputCursor<'_> {
    /// The position in the input that output position `pos` corresponds to, taken as the start
    /// of a span.
    #[inline]
    pub fn to_input_pos(&mut self, pos: usize) -> usize {
        let edits = &self.map.edits;
        if self.next > 0 && edits[self.next - 1].output.end > pos {
            self.next = edits.partition_point(|e| e.output.end <= pos);
        } else {
            while edits.get(self.next).is_some_and(|e| e.output.end <= pos) {
                self.next += 1;
            }
        }
        self.map.map_pos_at(pos, Side::Start, Direction::Backward, self.next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_boundaries() {
        // "a\u{200B}b" -> "ab"
        let map = OffsetMap::single(Span::new(1, 4), Span::new(1, 1));
        assert_eq!(map.to_input(Span::new(1, 2)), Span::new(4, 5));
        assert_eq!(map.to_input(Span::new(0, 1)), Span::new(0, 1));
        assert_eq!(map.to_input(Span::new(0, 2)), Span::new(0, 5));
        assert_eq!(map.to_output(Span::new(1, 4)), Span::new(1, 1));
    }

    #[test]
    fn touching_deletions_merge() {
        let mut map = OffsetMap::new();
        map.push(Span::new(1, 4), Span::new(1, 1));
        map.push(Span::new(4, 7), Span::new(1, 1));
        assert_eq!(map.edits().len(), 1);
    }
}
