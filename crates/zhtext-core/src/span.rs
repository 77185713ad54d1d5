use std::fmt;
use std::ops::{Index, Range};

/// Half-open byte range `start..end` into the text a stage received.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates the span `start..end`.
    ///
    /// # Panics
    ///
    /// Panics when `start > end`.
    #[inline]
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start is after its end");
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The span moved right by `offset` bytes.
    #[inline]
    #[must_use]
    pub const fn offset(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    /// Whether `other` lies inside `self`.
    #[inline]
    #[must_use]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The slice of `text` this span covers, or `None` when it is out of bounds or not on
    /// char boundaries.
    #[inline]
    #[must_use]
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    /// # Panics
    ///
    /// Panics when the span is out of bounds or not on char boundaries.
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}
