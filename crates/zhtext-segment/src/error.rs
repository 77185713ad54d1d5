//! The error type of this crate.

use std::fmt;

/// What went wrong while loading a dictionary or building a segmenter.
///
/// Segmenting never fails; errors come only from dictionaries and configuration.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    line: Option<usize>,
    source: Option<std::io::Error>,
}

/// The kind of an [`Error`].
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Reading a dictionary failed (an I/O error, or bytes that are not UTF-8).
    Io,
    /// A dictionary line is malformed: its frequency is not a number.
    InvalidEntry,
    /// A dictionary has no word at all, or no dictionary was given without `default-dict`.
    EmptyDictionary,
    /// [`ScriptMode::Traditional`](crate::ScriptMode::Traditional) was asked for without a
    /// Traditional → Simplified converter.
    NoConverter,
}

impl Error {
    pub(crate) fn io(err: std::io::Error, line: Option<usize>) -> Error {
        Error { kind: ErrorKind::Io, line, source: Some(err) }
    }

    pub(crate) fn invalid_entry(line: usize) -> Error {
        Error { kind: ErrorKind::InvalidEntry, line: Some(line), source: None }
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind, line: None, source: None }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The 1-based dictionary line the error is about, when there is one.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "dict line {line}: ")?;
        }
        match self.kind {
            ErrorKind::Io => match &self.source {
                Some(err) => write!(f, "cannot read the dictionary: {err}"),
                None => f.write_str("cannot read the dictionary"),
            },
            ErrorKind::InvalidEntry => f.write_str("frequency is not a number"),
            ErrorKind::EmptyDictionary => f.write_str("the dictionary has no word"),
            ErrorKind::NoConverter => {
                f.write_str("traditional script mode needs a traditional to simplified converter")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

// An error is immutable once built, so no panic can leave it half-changed.
impl std::panic::UnwindSafe for Error {}
impl std::panic::RefUnwindSafe for Error {}
