//! [`Decoder`]: bytes in any supported encoding → UTF-8.

use std::borrow::Cow;

use encoding_rs::DecoderResult;

use crate::plausible::Score;
use crate::{Encoding, Error, ErrorKind};

/// Inputs shorter than this are always checked against every Chinese candidate encoding,
/// because chardetng has too little to go on.
const SHORT: usize = 1024;
/// How much of the input the candidate encodings are scored on.
const SAMPLE: usize = 64 * 1024;

/// Decodes documents to UTF-8, detecting the encoding unless one is given.
///
/// In order: a byte order mark (UTF-8, UTF-16LE/BE) decides; otherwise an encoding given to
/// the builder is used; otherwise valid UTF-8 is borrowed as it is; otherwise chardetng
/// guesses, and when the input is short or the guess is not a Chinese encoding, the Chinese
/// candidates (GB18030, Big5, and UTF-16 when there are NUL bytes) are decoded too and the one
/// that reads most like Chinese wins. Malformed sequences become U+FFFD and are counted.
///
/// # Example
///
/// ```
/// use zhtext_decode::{Decoder, Encoding, Source};
///
/// // "工作报告" in GBK: too short for a byte-statistics detector alone.
/// let bytes = [0xB9, 0xA4, 0xD7, 0xF7, 0xB1, 0xA8, 0xB8, 0xE6];
/// let decoded = Decoder::new().decode(&bytes);
/// assert_eq!(decoded.text(), "工作报告");
/// assert_eq!(decoded.encoding(), Encoding::Gb18030);
/// assert!(matches!(decoded.source(), Source::Detected { .. }));
///
/// // Valid UTF-8 is borrowed, not copied.
/// let decoded = Decoder::new().decode("全区生产总值".as_bytes());
/// assert_eq!(decoded.source(), Source::Utf8Valid);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Decoder {
    forced: Option<Encoding>,
}

/// Builds a [`Decoder`].
#[derive(Clone, Debug, Default)]
pub struct DecoderBuilder {
    forced: Option<Encoding>,
}

impl DecoderBuilder {
    /// Decodes every input as `encoding` instead of detecting it. A byte order mark still
    /// wins, as in browsers.
    pub fn encoding(&mut self, encoding: Encoding) -> &mut Self {
        self.forced = Some(encoding);
        self
    }

    /// Detects the encoding of each input (the default).
    pub fn detect(&mut self) -> &mut Self {
        self.forced = None;
        self
    }

    /// The decoder.
    #[must_use]
    pub fn build(&self) -> Decoder {
        Decoder { forced: self.forced }
    }
}

/// How a [`Decoded`] text's encoding was chosen.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// A byte order mark.
    Bom,
    /// The caller gave the encoding ([`DecoderBuilder::encoding`]).
    Declared,
    /// The input is valid UTF-8.
    Utf8Valid,
    /// Detected from the bytes; `confident` when the winner clearly beat the other
    /// candidates.
    Detected {
        /// Whether the detection is clear-cut.
        confident: bool,
    },
}

/// A decoded document: its text, and how it was decoded.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    text: Cow<'a, str>,
    encoding: Encoding,
    source: Source,
    malformed: usize,
    confidence: f32,
}

impl<'a> Decoded<'a> {
    /// The decoded text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The decoded text, borrowed from the input when it was valid UTF-8.
    #[must_use]
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The encoding the bytes were decoded from.
    #[must_use]
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// How the encoding was chosen.
    #[must_use]
    pub fn source(&self) -> Source {
        self.source
    }

    /// How many malformed byte sequences were replaced with U+FFFD.
    #[must_use]
    pub fn malformed(&self) -> usize {
        self.malformed
    }

    /// How sure the decoder is of the encoding, from 0 to 1: 1 for a byte order mark, a
    /// declared encoding or valid UTF-8; for a detected encoding, how well the text reads as
    /// Chinese and how far it is ahead of the other candidates.
    #[must_use]
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

impl Decoder {
    /// A decoder that detects the encoding of each input.
    #[must_use]
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// A builder, to force an encoding.
    #[must_use]
    pub fn builder() -> DecoderBuilder {
        DecoderBuilder::default()
    }

    /// The encoding this decoder was told to use, if any.
    #[must_use]
    pub fn get_encoding(&self) -> Option<Encoding> {
        self.forced
    }

    /// Decodes `bytes`, replacing malformed sequences with U+FFFD.
    #[must_use]
    pub fn decode<'a>(&self, bytes: &'a [u8]) -> Decoded<'a> {
        if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
            let encoding = Encoding::from_rs(encoding);
            return decode_as(&bytes[bom_len..], encoding, Source::Bom, 1.0);
        }
        if let Some(encoding) = self.forced {
            return decode_as(bytes, encoding, Source::Declared, 1.0);
        }
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            return Decoded {
                text: Cow::Borrowed(text),
                encoding: Encoding::Utf8,
                source: Source::Utf8Valid,
                malformed: 0,
                confidence: 1.0,
            };
        }
        if cut_utf8(bytes) {
            // A file cut inside its last character (`head -c`, a size limit): still UTF-8, with
            // the broken character replaced and counted.
            return decode_as(bytes, Encoding::Utf8, Source::Detected { confident: true }, 1.0);
        }
        detect(bytes)
    }

    /// Decodes `bytes`, failing at the first malformed sequence.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Malformed`] with the encoding and the byte offset of the first malformed
    /// sequence, when the bytes are not valid in the declared or detected encoding.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_decode::{Decoder, Encoding};
    ///
    /// let utf8 = Decoder::builder().encoding(Encoding::Utf8).build();
    /// assert_eq!(utf8.try_decode("区长".as_bytes())?.text(), "区长");
    /// let err = utf8.try_decode(b"ok \xFF").unwrap_err();
    /// assert_eq!(err.offset(), Some(3));
    /// # Ok::<(), zhtext_decode::Error>(())
    /// ```
    pub fn try_decode<'a>(&self, bytes: &'a [u8]) -> Result<Decoded<'a>, Error> {
        let decoded = self.decode(bytes);
        if decoded.malformed == 0 {
            return Ok(decoded);
        }
        let start = match decoded.source {
            Source::Bom => encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, bom_len)| bom_len),
            _ => 0,
        };
        let offset = first_malformed(&bytes[start..], decoded.encoding).map_or(0, |o| o + start);
        Err(Error::new(ErrorKind::Malformed { encoding: decoded.encoding, offset }))
    }
}

/// Whether `bytes` are UTF-8 text with Chinese in it, cut short inside their last character:
/// valid up to an incomplete sequence at the very end, with at least as many characters of
/// three bytes (all of CJK) as of two. Short GBK often reads as valid two-byte UTF-8 (`全省`
/// is `C8 AB CA A1`, `ȫʡ`), three-byte sequences almost never.
fn cut_utf8(bytes: &[u8]) -> bool {
    let Err(err) = simdutf8::compat::from_utf8(bytes) else { return false };
    if err.error_len().is_some() {
        return false;
    }
    let valid = &bytes[..err.valid_up_to()];
    let leads =
        |range: std::ops::RangeInclusive<u8>| valid.iter().filter(|b| range.contains(b)).count();
    let three = leads(0xE0..=0xEF);
    three > 0 && three >= leads(0xC0..=0xDF)
}

/// Decodes `bytes` as `encoding` (no BOM handling).
fn decode_as(bytes: &[u8], encoding: Encoding, source: Source, confidence: f32) -> Decoded<'_> {
    if encoding == Encoding::Utf8
        && let Ok(text) = simdutf8::basic::from_utf8(bytes)
    {
        return Decoded { text: Cow::Borrowed(text), encoding, source, malformed: 0, confidence };
    }
    let mut text = String::new();
    let malformed = decode_counting(bytes, encoding, &mut text, true);
    Decoded { text: Cow::Owned(text), encoding, source, malformed, confidence }
}

/// Decodes `bytes` as `encoding` into `out`, replacing each malformed sequence with U+FFFD,
/// and returns how many there were. `last` is false for a sample cut from a longer input.
pub(crate) fn decode_counting(
    bytes: &[u8],
    encoding: Encoding,
    out: &mut String,
    last: bool,
) -> usize {
    let mut decoder = encoding.to_rs().new_decoder_without_bom_handling();
    let mut malformed = 0;
    let mut rest = bytes;
    loop {
        let need = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3))
            .max(16);
        out.reserve(need);
        let (result, read) = decoder.decode_to_string_without_replacement(rest, out, last);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return malformed,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                malformed += 1;
                out.push('\u{FFFD}');
            }
        }
    }
}

/// The offset of the first malformed sequence of `bytes` in `encoding`.
fn first_malformed(bytes: &[u8], encoding: Encoding) -> Option<usize> {
    let mut decoder = encoding.to_rs().new_decoder_without_bom_handling();
    let mut out = String::new();
    let mut done = 0;
    loop {
        let rest = &bytes[done..];
        let need = decoder
            .max_utf8_buffer_length_without_replacement(rest.len())
            .unwrap_or(rest.len().saturating_mul(3))
            .max(16);
        out.clear();
        out.reserve(need);
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        done += read;
        match result {
            DecoderResult::InputEmpty => return None,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                return Some(done.saturating_sub(usize::from(bad) + usize::from(after)));
            }
        }
    }
}

/// One candidate encoding and how well a sample of the input reads in it.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    encoding: Encoding,
    score: f32,
}

/// Detects the encoding of `bytes` (not valid UTF-8, no BOM) and decodes them.
fn detect(bytes: &[u8]) -> Decoded<'_> {
    let mut detector = chardetng::EncodingDetector::new();
    // chardetng is slow; the start of a page tells as much as the whole.
    detector.feed(&bytes[..bytes.len().min(SAMPLE)], true);
    let (guess, guess_confident) = detector.guess_assess(None, true);
    let guess = Encoding::from_rs(guess);
    let chinese = matches!(guess, Encoding::Gb18030 | Encoding::Big5 | Encoding::Utf8);
    if chinese && guess_confident && bytes.len() >= SHORT {
        let mut decoded = decode_as(bytes, guess, Source::Detected { confident: true }, 1.0);
        let mut score = Score::of(sample_of(decoded.text()));
        score.add_malformed(decoded.malformed.min(SAMPLE));
        decoded.confidence = score.value().clamp(0.0, 1.0).max(0.5);
        return decoded;
    }
    let mut candidates: Vec<Encoding> = vec![Encoding::Gb18030, Encoding::Big5];
    if bytes.len().is_multiple_of(2) && bytes.contains(&0) {
        candidates.extend([Encoding::Utf16Le, Encoding::Utf16Be]);
    }
    if !candidates.contains(&guess) {
        candidates.push(guess);
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let last = sample.len() == bytes.len();
    let mut scored: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut buf = String::new();
    for encoding in candidates {
        buf.clear();
        let malformed = decode_counting(sample, encoding, &mut buf, last);
        let mut score = Score::of(&buf);
        score.add_malformed(malformed);
        let mut value = score.value();
        // The detector's own guess gets a small bonus, for non-Chinese pages.
        if encoding == guess {
            value += 0.05;
        }
        if score.chars() == 0 {
            value = 0.0;
        }
        scored.push(Candidate { encoding, score: value });
    }
    // Stable sort: on a tie the earlier candidate (GB18030, then Big5) wins.
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    let best = scored[0];
    let runner_up = scored.get(1).map_or(0.0, |c| c.score);
    let margin = (best.score - runner_up.max(0.0)).max(0.0);
    let confidence =
        (best.score.clamp(0.0, 1.0) * (margin / best.score.max(0.01)).min(1.0)).clamp(0.0, 1.0);
    let confident = best.score > 0.5 && margin > 0.3;
    decode_as(bytes, best.encoding, Source::Detected { confident }, confidence)
}

/// The start of `text`, at most about [`SAMPLE`] bytes, cut on a char boundary.
fn sample_of(text: &str) -> &str {
    if text.len() <= SAMPLE {
        return text;
    }
    let mut end = SAMPLE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn utf8_cut_inside_its_last_character_stays_utf8() {
        let text = "全年地区生产总值增长8.8%，一般公共预算收入158亿元。".repeat(40);
        for cut in 1..3 {
            let bytes = &text.as_bytes()[..text.len() - cut];
            let decoded = Decoder::new().decode(bytes);
            assert_eq!(decoded.encoding(), Encoding::Utf8);
            assert_eq!(decoded.malformed(), 1);
            let kept = &text[..text.len() - 3];
            assert_eq!(decoded.text().strip_suffix('\u{FFFD}'), Some(kept));
        }
        // GBK stays GBK, even when its last character is cut: long, and short where its bytes
        // read as two-byte UTF-8 (`全省统一实施` is `ȫʡͳһʵ` and half a character).
        for text in [text.as_str(), "全省统一实施", "同时实施"] {
            let gbk = encode(text, encoding_rs::GBK);
            let decoded = Decoder::new().decode(&gbk[..gbk.len() - 1]);
            assert_eq!(decoded.encoding(), Encoding::Gb18030, "{text}");
        }
    }

    #[test]
    fn short_titles() {
        for title in ["你好", "工作报告", "全区概况", "经济发展", "政府工作报告", "区长讲话"]
        {
            let bytes = encode(title, encoding_rs::GBK);
            let d = Decoder::new().decode(&bytes);
            assert_eq!((d.text(), d.encoding()), (title, Encoding::Gb18030), "GBK {title}");
        }
        for title in ["你好", "工作報告", "區長講話", "經濟發展", "會議講話", "領導幹部"]
        {
            let bytes = encode(title, encoding_rs::BIG5);
            let d = Decoder::new().decode(&bytes);
            assert_eq!((d.text(), d.encoding()), (title, Encoding::Big5), "Big5 {title}");
        }
    }

    #[test]
    fn malformed_counted() {
        let d = Decoder::builder().encoding(Encoding::Utf8).build().decode(b"a\xFFb\xFE");
        assert_eq!(d.text(), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(d.malformed(), 2);
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "区长".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = Decoder::new().decode(&bytes);
        assert_eq!((d.text(), d.encoding(), d.source()), ("区长", Encoding::Utf16Le, Source::Bom));
    }
}
