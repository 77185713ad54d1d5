//! The crate's error type.

use std::fmt;

/// An error of this crate: a configuration OpenCC doesn't have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    name: String,
}

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The name is not one of OpenCC's configurations (see [`crate::Config::ALL`]).
    UnknownConfig,
    /// The system's OpenCC library could not open the configuration (feature `opencc-sys`):
    /// the file is missing, or the installed OpenCC is too old to have it.
    SystemConfig,
}

impl Error {
    pub(crate) fn unknown_config(name: &str) -> Error {
        Error { kind: ErrorKind::UnknownConfig, name: name.to_owned() }
    }

    #[cfg(feature = "opencc-sys")]
    pub(crate) fn system_config(name: &str) -> Error {
        Error { kind: ErrorKind::SystemConfig, name: name.to_owned() }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The configuration name or file that was given.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::UnknownConfig => {
                write!(f, "unknown OpenCC configuration {:?} (try s2t, t2s, s2twp, …)", self.name)
            }
            ErrorKind::SystemConfig => write!(
                f,
                "the system's OpenCC library cannot open the configuration {:?} \
                 (is libopencc installed, and does its version have this configuration?)",
                self.name
            ),
        }
    }
}

impl std::error::Error for Error {}
