//! [`Encoding`]: the encodings a document can come in.

use std::fmt;

/// A character encoding a document was (or is to be) decoded from.
///
/// GBK and GB2312 documents are decoded as GB18030, their superset, so both are
/// [`Encoding::Gb18030`]. Encodings outside Chinese use that the detector may still report
/// (a page of Russian, say) are [`Encoding::Other`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GB18030, also used for GBK and GB2312 (国标).
    Gb18030,
    /// Big5 (大五码), with the HKSCS extensions.
    Big5,
    /// Shift_JIS.
    ShiftJis,
    /// EUC-JP.
    EucJp,
    /// EUC-KR.
    EucKr,
    /// Windows-1252 (and ISO-8859-1, which browsers decode as Windows-1252).
    Windows1252,
    /// Another encoding of the WHATWG Encoding Standard.
    Other(OtherEncoding),
}

/// An encoding of the WHATWG Encoding Standard that [`Encoding`] has no variant for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct OtherEncoding(&'static encoding_rs::Encoding);

impl OtherEncoding {
    /// The encoding's WHATWG name (`"windows-1251"`, `"KOI8-R"` …).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

impl fmt::Debug for OtherEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

impl Encoding {
    /// The lower-case name used in zhtext's output: `"utf-8"`, `"gb18030"`, `"big5"`,
    /// `"utf-16le"` …
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_decode::Encoding;
    ///
    /// assert_eq!(Encoding::Gb18030.name(), "gb18030");
    /// assert_eq!(Encoding::from_label("GBK"), Some(Encoding::Gb18030));
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Big5 => "big5",
            Encoding::ShiftJis => "shift_jis",
            Encoding::EucJp => "euc-jp",
            Encoding::EucKr => "euc-kr",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Other(other) => other.name(),
        }
    }

    /// The encoding a label names, as the WHATWG Encoding Standard reads labels
    /// (case-insensitive, `"gbk"`, `"gb2312"`, `"cp936"` → GB18030, `"latin1"` →
    /// Windows-1252), plus `"utf16le"`/`"utf16be"`. `None` for an unknown label.
    #[must_use]
    pub fn from_label(label: &str) -> Option<Encoding> {
        let trimmed = label.trim();
        match trimmed.to_ascii_lowercase().as_str() {
            "utf8" => return Some(Encoding::Utf8),
            "utf16le" => return Some(Encoding::Utf16Le),
            "utf16be" => return Some(Encoding::Utf16Be),
            _ => {}
        }
        encoding_rs::Encoding::for_label(trimmed.as_bytes()).map(Encoding::from_rs)
    }

    /// Encodes `text` in this encoding, for tests, benches and writing legacy files.
    ///
    /// Characters the encoding lacks become HTML numeric character references (`&#32675;`),
    /// as browsers submit them; UTF-16 is written without a BOM. UTF-8 is borrowed.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_decode::{Decoder, Encoding};
    ///
    /// let bytes = Encoding::Big5.encode("區長講話");
    /// assert_eq!(Decoder::new().decode(&bytes).text(), "區長講話");
    /// ```
    #[must_use]
    pub fn encode<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, [u8]> {
        match self {
            Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            _ => self.to_rs().encode(text).0,
        }
    }

    pub(crate) fn from_rs(encoding: &'static encoding_rs::Encoding) -> Encoding {
        if encoding == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if encoding == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if encoding == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
            Encoding::Gb18030
        } else if encoding == encoding_rs::BIG5 {
            Encoding::Big5
        } else if encoding == encoding_rs::SHIFT_JIS {
            Encoding::ShiftJis
        } else if encoding == encoding_rs::EUC_JP {
            Encoding::EucJp
        } else if encoding == encoding_rs::EUC_KR {
            Encoding::EucKr
        } else if encoding == encoding_rs::WINDOWS_1252 {
            Encoding::Windows1252
        } else {
            Encoding::Other(OtherEncoding(encoding))
        }
    }

    pub(crate) fn to_rs(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Big5 => encoding_rs::BIG5,
            Encoding::ShiftJis => encoding_rs::SHIFT_JIS,
            Encoding::EucJp => encoding_rs::EUC_JP,
            Encoding::EucKr => encoding_rs::EUC_KR,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
            Encoding::Other(other) => other.0,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
