//! Mojibake repair: UTF-8 text that was once decoded as GBK or as Windows-1252.

use std::borrow::Cow;

use encoding_rs::EncoderResult;
use zhtext_core::{OffsetMap, Span, Transform};

use crate::emit::Emitter;
use crate::han_data::HanList;
use crate::plausible::{Score, han_weight, is_han};

/// How a repaired span had been garbled.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MojibakeKind {
    /// UTF-8 bytes decoded as GBK/GB18030 (`全区` → `鍏ㄥ尯`).
    Gbk,
    /// UTF-8 bytes decoded as Windows-1252 or Latin-1 (`全区` → `å…¨åŒº`).
    Windows1252,
}

/// One repaired span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Repair {
    /// The garbled span in the input.
    pub span: Span,
    /// What it became in the output.
    pub output: Span,
    /// How it had been garbled.
    pub kind: MojibakeKind,
}

/// The result of [`repair_mojibake`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired<'a> {
    /// The repaired text, borrowed when nothing was repaired.
    pub text: Cow<'a, str>,
    /// The repaired spans, in order.
    pub repairs: Vec<Repair>,
}

/// Turns mojibake back into the text it was, span by span.
///
/// A span is repaired when re-encoding it (as GBK, or as Windows-1252) gives back valid UTF-8
/// without loss, and that UTF-8 reads clearly better as Chinese than the span did (see the
/// crate docs, "How it works"). Everything else is left as it is, so good text never changes.
///
/// # Example
///
/// ```
/// use zhtext_decode::{MojibakeKind, repair_mojibake};
///
/// let repaired = repair_mojibake("2019年鍏ㄥ幙浜忔崯浼佷笟减少");
/// assert_eq!(repaired.text, "2019年全县亏损企业减少");
/// assert_eq!(repaired.repairs[0].kind, MojibakeKind::Gbk);
///
/// assert_eq!(repair_mojibake("å…¨åŒºç”Ÿäº§æ€»å€¼").text, "全区生产总值");
/// assert_eq!(repair_mojibake("全区生产总值").repairs, []);
/// ```
#[must_use]
pub fn repair_mojibake(text: &str) -> Repaired<'_> {
    let mut repairs = Vec::new();
    let mut map = OffsetMap::new();
    let out = repair_impl(text, &mut repairs, Some(&mut map));
    Repaired { text: out, repairs }
}

/// [`repair_mojibake`] as a [`Transform`], with an exact offset map (one edit per repaired
/// span).
#[derive(Clone, Copy, Debug, Default)]
pub struct MojibakeRepair;

impl MojibakeRepair {
    /// The transform.
    #[must_use]
    pub fn new() -> MojibakeRepair {
        MojibakeRepair
    }
}

impl Transform for MojibakeRepair {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        repair_impl(input, &mut Vec::new(), None)
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        map.clear();
        repair_impl(input, &mut Vec::new(), Some(map))
    }
}

pub(crate) fn repair_impl<'a>(
    text: &'a str,
    repairs: &mut Vec<Repair>,
    map: Option<&mut OffsetMap>,
) -> Cow<'a, str> {
    let mut emitter = Emitter::new(text, map);
    let mut gbk = encoding_rs::GBK.new_encoder();
    let mut bytes: Vec<u8> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() {
        // A span starts with U+00C2..U+00F4 (the Latin-1 reading of a UTF-8 lead byte; lead
        // byte C3) or with a Han character of U+4E00..U+9FFF (lead bytes E4..E9); other
        // characters are skipped undecoded.
        let lead = b[i];
        if lead != 0xC3 && !(0xE4..=0xE9).contains(&lead) {
            i += match lead {
                0..0xE0 => 1,
                0xE0..0xF0 => 3,
                _ => 4,
            }
            .min(b.len() - i);
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let len = c.len_utf8();
        let kind = if lead == 0xC3 && latin_byte(c).is_some_and(|x| (0xC2..=0xF4).contains(&x)) {
            MojibakeKind::Windows1252
        } else if starts_gbk_mojibake(c) && han_weight(c) <= 2 {
            // The table implies GBK bytes that are a UTF-8 lead and a continuation byte
            // (checked against encoding_rs in the tests).
            MojibakeKind::Gbk
        } else {
            i += len;
            continue;
        };
        // Re-encode the run of encodable characters from here, up to the first character
        // whose bytes make the run invalid UTF-8: nothing after it can be repaired.
        bytes.clear();
        ends.clear();
        let mut checked = 0;
        for (off, c) in text[i..].char_indices() {
            let ok = match kind {
                MojibakeKind::Windows1252 => latin_byte(c).filter(|&x| x >= 0x80).map(|x| {
                    bytes.push(x);
                }),
                MojibakeKind::Gbk => gbk_bytes(&mut gbk, c).map(|(x, y)| {
                    bytes.push(x);
                    if y != 0 {
                        bytes.push(y);
                    }
                }),
            };
            if ok.is_none() || c.is_ascii() {
                break;
            }
            ends.push((i + off + c.len_utf8(), bytes.len()));
            match std::str::from_utf8(&bytes[checked..]) {
                Ok(_) => checked = bytes.len(),
                Err(err) if err.error_len().is_none() => checked += err.valid_up_to(),
                Err(_) => break,
            }
        }
        match try_repair(text, i, &bytes, &ends, kind) {
            Some((end, repaired)) => {
                let output_start = emitter_len_hint(&emitter, i);
                emitter.replace(Span::new(i, end), &repaired);
                repairs.push(Repair {
                    span: Span::new(i, end),
                    output: Span::new(output_start, output_start + repaired.len()),
                    kind,
                });
                i = end;
            }
            None => i += len,
        }
    }
    emitter.finish()
}

/// Where input position `at` (not inside a replaced span) lands in the output.
fn emitter_len_hint(emitter: &Emitter<'_, '_>, at: usize) -> usize {
    emitter.output_pos(at)
}

/// The longest lossless repair of the run starting at `start`, if it reads clearly better.
/// `ends` holds, for each character of the run, its end in `text` and in `bytes`.
fn try_repair(
    text: &str,
    start: usize,
    bytes: &[u8],
    ends: &[(usize, usize)],
    kind: MojibakeKind,
) -> Option<(usize, String)> {
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(err) => err.valid_up_to(),
    };
    let decoded = std::str::from_utf8(&bytes[..valid]).ok()?;
    let &(end, byte_end) =
        ends.iter().rev().find(|&&(_, e)| e <= valid && decoded.is_char_boundary(e))?;
    let repaired = &decoded[..byte_end];
    let garbled = &text[start..end];
    let cjk = |c: char| c >= '\u{2000}' || c == '·';
    let plausible = match kind {
        // Two characters at least (three garbled ones), one of them Han; or one CJK
        // character whose last byte was read as `€` (`一` → `涓€`).
        MojibakeKind::Gbk => {
            // No ASCII: a GBK trail byte below 0x80 cannot come from UTF-8 of Chinese text
            // without being ambiguous (`记l` and `璁發` are the same bytes).
            (!repaired.bytes().any(|b| b.is_ascii())
                && repaired.chars().nth(1).is_some()
                && repaired.chars().any(is_han))
                || (garbled.ends_with('€') && repaired.chars().all(cjk))
        }
        // Each character came from two to four garbled ones, which genuine text does not
        // hold.
        MojibakeKind::Windows1252 => {
            repaired.chars().all(|c| !c.is_ascii() && !('\u{80}'..='\u{9F}').contains(&c))
        }
    };
    if !plausible {
        return None;
    }
    let before = Score::of(garbled).value();
    let after = Score::of(repaired).value();
    let clearly_better = match kind {
        MojibakeKind::Gbk => after >= -0.2 && after > before + 0.3,
        // Latin letters and C1 controls score far below any CJK text; a lone Latin-1 sign
        // (`Â©` → `©`) is repaired as it is.
        MojibakeKind::Windows1252 => !repaired.chars().any(cjk) || after > before + 0.3,
    };
    clearly_better.then(|| (end, repaired.to_owned()))
}

/// Han characters whose GBK bytes are a UTF-8 lead byte (E2–E9, EF) and a continuation
/// byte: the first character of UTF-8 Chinese text read as GBK. A bit per code point of
/// U+4E00..=U+9FFF, built at compile time from `data/gbk_utf8_lead.txt`.
static GBK_UTF8_LEAD: [u64; 328] = build_set(include_str!("data/gbk_utf8_lead.txt"));

const fn build_set(text: &str) -> [u64; 328] {
    let mut set = [0u64; 328];
    let mut list = HanList::new(text);
    while let Some((c, _)) = list.next() {
        let k = (c - 0x4E00) as usize;
        set[k / 64] |= 1 << (k % 64);
    }
    set
}

/// Whether `c` can start UTF-8 Chinese text read as GBK.
#[inline]
fn starts_gbk_mojibake(c: char) -> bool {
    let u = c as u32;
    if !(0x4E00..=0x9FFF).contains(&u) {
        return false;
    }
    let k = (u - 0x4E00) as usize;
    GBK_UTF8_LEAD[k / 64] & (1 << (k % 64)) != 0
}

/// The byte `c` came from when bytes were decoded as Windows-1252 or Latin-1.
fn latin_byte(c: char) -> Option<u8> {
    let b = match c {
        '\0'..='\u{FF}' => c as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// The GBK bytes of `c` (second byte 0 for a one-byte encoding), if GBK has it.
fn gbk_bytes(encoder: &mut encoding_rs::Encoder, c: char) -> Option<(u8, u8)> {
    let mut tmp = [0u8; 4];
    let mut out = [0u8; 8];
    let (result, _, written) =
        encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut tmp), &mut out, true);
    match (result, written) {
        (EncoderResult::InputEmpty, 1) => Some((out[0], 0)),
        (EncoderResult::InputEmpty, 2) => Some((out[0], out[1])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_mojibake() {
        let r = repair_mojibake("鍏ㄥ幙浜忔崯浼佷笟");
        assert_eq!(r.text, "全县亏损企业");
        assert_eq!(r.repairs.len(), 1);
    }

    #[test]
    fn lead_table_matches_encoding_rs() {
        let mut gbk = encoding_rs::GBK.new_encoder();
        for u in 0x4E00..=0x9FFF {
            let c = char::from_u32(u).expect("Han code point");
            let expected = gbk_bytes(&mut gbk, c).is_some_and(|(x, y)| {
                (matches!(x, 0xE2..=0xE9 | 0xEF)) && (0x80..=0xBF).contains(&y)
            });
            assert_eq!(
                starts_gbk_mojibake(c),
                expected,
                "help: regenerate data/gbk_utf8_lead.txt ({c})"
            );
        }
    }

    #[test]
    fn gbk_mojibake_with_euro() {
        let garbled = encoding_rs::GBK.decode_without_bom_handling("市、區".as_bytes()).0;
        assert_eq!(garbled, "甯傘€佸崁");
        assert_eq!(repair_mojibake(&garbled).text, "市、區");
    }

    #[test]
    fn latin_mojibake() {
        let r = repair_mojibake("å…¨åŒº");
        assert_eq!(r.text, "全区");
        assert_eq!(r.repairs[0].kind, MojibakeKind::Windows1252);
    }

    #[test]
    fn good_text_untouched() {
        for t in ["全区生产总值增长8.8%", "café ×× °C", "鍏", "“——”", "横浜市"]
        {
            assert!(matches!(repair_mojibake(t).text, Cow::Borrowed(_)), "{t}");
        }
    }
}
