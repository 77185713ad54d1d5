//! Bytes of a scraped Chinese web page in any common encoding → clean UTF-8, with offset maps
//! back to the decoded input and a report of what was repaired or lost.
//!
//! ```
//! use zhtext_decode::{Cleaner, Decoder, Encoding};
//!
//! // A GBK page with a CRLF, an ideographic-space indent, half-width punctuation inside
//! // Chinese and full-width digits.
//! let (bytes, _, _) = encoding_rs::GBK.encode("\u{3000}\u{3000}同志们:全区生产总值增长８．８％\r\n");
//! let decoded = Decoder::new().decode(&bytes);
//! assert_eq!(decoded.encoding(), Encoding::Gb18030);
//!
//! let cleaned = Cleaner::new().clean(decoded.text());
//! assert_eq!(cleaned.text, "同志们：全区生产总值增长8.8%\n");
//!
//! // Pinyin glosses left by a converter go, and are counted.
//! let cleaned = Cleaner::new().clean("區(qū)委書記在項(xiàng)目調(diào)度會(huì)發(fā)言");
//! assert_eq!(cleaned.text, "區委書記在項目調度會發言");
//! assert_eq!(cleaned.report.pinyin_removed, 5);
//! ```
//!
//! # Overview
//!
//! - [`Decoder`] → [`Decoded`]: BOM, declared encoding, valid UTF-8 (borrowed), or detection
//!   with chardetng checked against the Chinese encodings; [`Encoding`] names the result.
//! - [`repair_mojibake`] / [`MojibakeRepair`]: UTF-8 that was read as GBK (`鍏ㄥ尯`) or as
//!   Windows-1252 (`å…¨åŒº`) turned back, span by span ([`Repair`]).
//! - [`Cleanup`]: line breaks, invisible characters, indentation, HTML references, widths,
//!   punctuation and spaces in Chinese text, NFC ([`PunctStyle`], [`SpaceStyle`]).
//! - [`PinyinStrip`]: `區(qū)` → `區`.
//! - [`LostChars`]: `?` and U+FFFD where a converter lost a character, private-use code
//!   points, lines made only of `?` ([`LostReport`]).
//! - [`Cleaner`] → [`Cleaned`]: all of the above in order, one composed [`OffsetMap`] and a
//!   [`CleanReport`].
//!
//! Every stage is a [`Transform`]: it returns its input borrowed when nothing changes and
//! records an exact offset map in `apply_mapped`.
//!
//! ### Example: strict decoding
//!
//! ```
//! use zhtext_decode::{Decoder, Encoding, ErrorKind};
//!
//! let big5 = Decoder::builder().encoding(Encoding::Big5).build();
//! let (bytes, _, _) = encoding_rs::BIG5.encode("區長講話");
//! assert_eq!(big5.try_decode(&bytes)?.text(), "區長講話");
//! let err = big5.try_decode(b"\xA4\xA4\xFF").unwrap_err();
//! assert!(matches!(err.kind(), ErrorKind::Malformed { .. }));
//! # Ok::<(), zhtext_decode::Error>(())
//! ```
//!
//! # How it works
//!
//! **Detection.** A BOM wins; then an encoding given to [`DecoderBuilder::encoding`]; then
//! valid UTF-8, or UTF-8 cut short inside its last character (a truncated file: the broken
//! character becomes U+FFFD and counts as malformed). Otherwise chardetng guesses. When the
//! input is shorter than 1 KB or the guess is not GBK, Big5 or UTF-8 (chardetng calls the GBK
//! bytes of `你好` EUC-KR), the first 64 KB are decoded as GB18030, as Big5, as UTF-16 (when
//! there are NUL bytes) and as the guess, and each result is scored: common Han characters score by frequency tier
//! (the 3,000 most frequent characters of jieba's dictionary and their Traditional forms,
//! embedded as a 21 KB table built at compile time), CJK punctuation scores, rare
//! characters, Hangul, kana, Latin letters, private-use code points and malformed sequences
//! cost. The best mean wins; on a tie GB18030, then Big5.
//!
//! **Mojibake.** A span is a candidate when it starts with a character that GBK (or
//! Windows-1252) encodes with a UTF-8 lead byte. It is re-encoded character by character
//! while that is lossless; the longest prefix that is valid UTF-8 on both sides' character
//! boundaries is taken, and kept only when it holds CJK text (for GBK at least two
//! characters and no ASCII) and scores clearly better than the garbled span.
//!
//! **Cleanup** works line by line. A scan (Han characters skipped by their lead byte, a bit
//! per code point of the BMP for the rest) marks the characters that may change; brackets
//! are paired across the line, and the rest is done in windows from the Han character
//! before a mark to the one after it. A window with one `,` or one run of spaces is decided
//! from its neighbours; others are decoded into characters with their source spans, mapped
//! (deletions, widths, `㈠`), normalized to NFC, then the context rules run: half-width `, : ; !` after Chinese or before a Han
//! character become full-width, `?` only after a Han character and not before one (a `?`
//! between Han characters may be a lost character); ASCII brackets are paired and become
//! full-width when they or their content touch Han characters; `．`/`－` between digits
//! and `℅` after a digit become ASCII; spaces at line ends go, and spaces inside a line go
//! when a Chinese character or mark is on either side and no Latin letter is.
//!
//! **Pinyin glosses.** A bracket right after a Han character that holds one syllable in
//! lower-case pinyin (tone marks or none) is removed when that syllable is one of the
//! character's readings in the Unicode Han Database (the `pinyin` crate's data).
//!
//! **Lost characters** are counted, never guessed: see [`LostChars`].
//!
//! # Design
//!
//! - Decoding is a concrete type, not a trait; encoding_rs and chardetng stay out of the
//!   public API ([`Encoding`] is this crate's own enum).
//! - Lossy by default: malformed bytes become U+FFFD and are counted; lost characters are
//!   reported and kept. `try_decode` is the strict variant.
//! - Not NFKC: compatibility folding is done only for the forms chosen above.
//! - Non-goals: HTML parsing (only character references are decoded), script conversion
//!   (zhtext-script), boilerplate removal (zhtext-boilerplate).
//!
//! # Crate features
//!
//! None.
//!
//! # Panics
//!
//! No function of this crate panics on any input.
//!
//! [`OffsetMap`]: zhtext_core::OffsetMap
//! [`Transform`]: zhtext_core::Transform

#![doc(test(attr(deny(warnings))))]

mod cleaner;
mod cleanup;
mod decoder;
mod emit;
mod encoding;
mod entities;
mod error;
mod gloss;
mod han_data;
mod lost;
mod mojibake;
mod plausible;
mod scan;

pub use cleaner::{CleanReport, Cleaned, Cleaner, CleanerBuilder};
pub use cleanup::{Cleanup, CleanupBuilder, PunctStyle, SpaceStyle};
pub use decoder::{Decoded, Decoder, DecoderBuilder, Source};
pub use encoding::{Encoding, OtherEncoding};
pub use error::{Error, ErrorKind};
pub use gloss::PinyinStrip;
pub use lost::{LostChars, LostReport};
pub use mojibake::{MojibakeKind, MojibakeRepair, Repair, Repaired, repair_mojibake};
