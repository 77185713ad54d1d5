//! [`SystemConverter`]: conversion by the system's OpenCC C++ library (feature `opencc-sys`).

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use zhtext_core::{OffsetMap, Span, Transform};

use crate::{Config, Error};

/// Converts with the OpenCC C++ library installed on the system, through `opencc-rust` 1.1.
///
/// An alternative backend to [`crate::Converter`] for programs that must produce whatever the
/// system's OpenCC produces. It implements the same [`Transform`]. Build with the feature
/// `opencc-sys` and the library's development files (pkg-config finds `opencc`; on Debian and
/// Ubuntu `apt install libopencc-dev`).
///
/// # Version caveat
///
/// The output is that of the *installed* OpenCC, not of OpenCC 1.4.2 that [`crate::Converter`]
/// reproduces. `opencc-rust` 1.1 links OpenCC 1.1.x (Debian 12 ships 1.1.6), whose dictionaries
/// are older: Debian's build passes 254 of the 538 cases of OpenCC 1.4.2's test suite (47 %), and it
/// lacks the `s2hkp` and `hk2sp` configurations ([`SystemConverter::new`] returns an error for
/// them). It is also several times slower than [`crate::Converter`]. Prefer
/// [`crate::Converter`] unless matching the system library is the point.
///
/// # Offsets
///
/// Text is converted line by line (OpenCC never converts across a line break). In
/// [`Transform::apply_mapped`], a line whose character count is unchanged is mapped character
/// by character; a line where a phrase changed the count is one rewritten region.
///
/// # Example
///
/// ```no_run
/// use zhtext_core::Transform;
/// use zhtext_script::{Config, SystemConverter};
///
/// let s2t = SystemConverter::new(Config::S2t)?;
/// assert_eq!(s2t.apply("汉字"), "漢字");
/// # Ok::<(), zhtext_script::Error>(())
/// ```
pub struct SystemConverter {
    opencc: opencc_rust::OpenCC,
    name: String,
}

impl fmt::Debug for SystemConverter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SystemConverter").field("config", &self.name).finish_non_exhaustive()
    }
}

impl SystemConverter {
    /// The system library's converter for `config`, from its data directory (`s2t.json`, …).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::SystemConfig`] when the library cannot open the configuration: it
    /// is not installed, or too old to have it.
    pub fn new(config: Config) -> Result<SystemConverter, Error> {
        SystemConverter::from_file(format!("{}.json", config.name()))
    }

    /// The system library's converter for a configuration file: a path, or a file name the
    /// library looks up in its data directory.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::SystemConfig`] when the path is not UTF-8 without NUL bytes or the
    /// library cannot open the configuration.
    pub fn from_file(config: impl AsRef<Path>) -> Result<SystemConverter, Error> {
        let path = config.as_ref();
        let name = path.to_string_lossy().into_owned();
        // opencc-rust panics on paths it cannot pass to C.
        if path.to_str().is_none() || name.contains('\0') {
            return Err(Error::system_config(&name));
        }
        match opencc_rust::OpenCC::new(path) {
            Ok(opencc) => Ok(SystemConverter { opencc, name }),
            Err(_) => Err(Error::system_config(&name)),
        }
    }

    /// The configuration this converter was opened with.
    #[must_use]
    pub fn config(&self) -> &str {
        &self.name
    }

    /// Converts one piece of text without line breaks or NUL bytes (which opencc-rust cannot
    /// pass to C).
    fn convert_piece(&self, piece: &str, out: &mut String) {
        if piece.is_empty() {
            return;
        }
        out.push_str(&self.opencc.convert(piece));
    }

    /// Converts `input` piece by piece, calling `mapped(input_span, output_span)` for each piece
    /// that changed.
    fn convert(&self, input: &str, out: &mut String, mut mapped: impl FnMut(Span, Span, &str)) {
        let mut start = 0;
        for (i, b) in input.bytes().enumerate() {
            if b == b'\n' || b == b'\r' || b == 0 {
                self.convert_changed(input, Span::new(start, i), out, &mut mapped);
                out.push(char::from(b));
                start = i + 1;
            }
        }
        self.convert_changed(input, Span::new(start, input.len()), out, &mut mapped);
    }

    fn convert_changed(
        &self,
        input: &str,
        span: Span,
        out: &mut String,
        mapped: &mut impl FnMut(Span, Span, &str),
    ) {
        let at = out.len();
        self.convert_piece(&input[span.range()], out);
        if out[at..] != input[span.range()] {
            mapped(span, Span::new(at, out.len()), out);
        }
    }
}

impl Transform for SystemConverter {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        let mut changed = false;
        self.convert(input, &mut out, |_, _, _| changed = true);
        if changed { Cow::Owned(out) } else { Cow::Borrowed(input) }
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        map.clear();
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        let mut changed = false;
        self.convert(input, &mut out, |from, to, out| {
            changed = true;
            map_piece(&input[from.range()], from.start, &out[to.range()], to.start, map);
        });
        if changed { Cow::Owned(out) } else { Cow::Borrowed(input) }
    }
}

/// Records the edits of one converted piece: character by character when the conversion kept
/// the character count (equal-length replacements need no edit), else one region.
fn map_piece(input: &str, input_at: usize, output: &str, output_at: usize, map: &mut OffsetMap) {
    if input.chars().count() != output.chars().count() {
        map.push(
            Span::new(input_at, input_at + input.len()),
            Span::new(output_at, output_at + output.len()),
        );
        return;
    }
    let (mut i, mut o) = (input_at, output_at);
    for (a, b) in input.chars().zip(output.chars()) {
        let (la, lb) = (a.len_utf8(), b.len_utf8());
        if la != lb {
            map.push(Span::new(i, i + la), Span::new(o, o + lb));
        }
        i += la;
        o += lb;
    }
}
