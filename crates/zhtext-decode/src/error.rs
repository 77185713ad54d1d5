//! The crate's error type.

use std::fmt;

use crate::Encoding;

/// An error from a strict call ([`Decoder::try_decode`](crate::Decoder::try_decode)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The bytes are not valid in the encoding they were decoded as.
    Malformed {
        /// The encoding the bytes were decoded as.
        encoding: Encoding,
        /// Byte offset in the input of the first malformed sequence (at or shortly after it).
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

    /// The byte offset in the input the error is about, when there is one.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Malformed { offset, .. } => Some(offset),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Malformed { encoding, offset } => {
                write!(f, "byte {offset}: malformed {} sequence", encoding.name())
            }
        }
    }
}

impl std::error::Error for Error {}
