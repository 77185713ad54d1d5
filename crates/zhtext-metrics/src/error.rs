//! The crate's error type.

use std::fmt;

/// An error from parsing a single literal ([`Decimal`](crate::Decimal) or
/// [`Metric`](crate::Metric) through `FromStr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The literal is empty.
    Empty,
    /// The literal is not a number (or the number does not fit in 38 digits).
    InvalidNumber,
    /// No figure was found in the literal.
    NoFigure,
    /// Text is left over after the figure, starting at this byte offset.
    TrailingText {
        /// Byte offset of the first byte that is not part of the figure.
        offset: usize,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Empty => f.write_str("empty literal"),
            ErrorKind::InvalidNumber => f.write_str("not a number"),
            ErrorKind::NoFigure => f.write_str("no figure in literal"),
            ErrorKind::TrailingText { offset } => write!(f, "byte {offset}: text after the figure"),
        }
    }
}

impl std::error::Error for Error {}
