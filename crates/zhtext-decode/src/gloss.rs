//! [`PinyinStrip`]: removing pinyin glosses written after converted characters.

use std::borrow::Cow;

use pinyin::ToPinyinMulti;
use zhtext_core::{OffsetMap, Span, Transform};

use crate::emit::Emitter;
use crate::plausible::is_han;

/// Removes pinyin glosses: `區(qū)委書記在項(xiàng)目` → `區委書記在項目`; a [`Transform`]
/// with an exact offset map.
///
/// Some converters write the reading of each character they converted after it. A bracket
/// (ASCII `()` or full-width `（）`) is removed only when it directly follows a Han character
/// and holds a single pinyin syllable (tone marks, or none for the neutral tone as in
/// `們(men)`) that is a reading of that character, from the Unicode Han Database readings
/// that the `pinyin` crate bundles. `(一)`, `(市、區)`, `(2024年1月5日)` and `(GDP)` are
/// never touched.
///
/// # Example
///
/// ```
/// use zhtext_core::Transform;
/// use zhtext_decode::PinyinStrip;
///
/// let strip = PinyinStrip::new();
/// assert_eq!(strip.apply("區(qū)委書記在項(xiàng)目調(diào)度會(huì)發(fā)言"), "區委書記在項目調度會發言");
/// assert_eq!(strip.apply("同志們(men)（一）"), "同志們（一）");
/// assert_eq!(strip.count("區(qū)委書記在項（xiàng）目"), 2);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct PinyinStrip;

impl PinyinStrip {
    /// The transform.
    #[must_use]
    pub fn new() -> PinyinStrip {
        PinyinStrip
    }

    /// How many glosses [`Transform::apply`] would remove from `text`.
    #[must_use]
    pub fn count(&self, text: &str) -> usize {
        let mut n = 0;
        strip(text, None, &mut n);
        n
    }

    /// Like [`Transform::apply_mapped`], also returning the number of glosses removed.
    pub fn apply_counted<'a>(&self, input: &'a str, map: &mut OffsetMap) -> (Cow<'a, str>, usize) {
        map.clear();
        let mut n = 0;
        let out = strip(input, Some(map), &mut n);
        (out, n)
    }
}

impl Transform for PinyinStrip {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        strip(input, None, &mut 0)
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        map.clear();
        strip(input, Some(map), &mut 0)
    }
}

const FULL_OPEN: &[u8] = "（".as_bytes();

fn strip<'a>(input: &'a str, map: Option<&mut OffsetMap>, count: &mut usize) -> Cow<'a, str> {
    let bytes = input.as_bytes();
    // The next ASCII and the next full-width opening bracket at or after `i`, each searched
    // for again only once it has been passed: memchr for one, a SIMD pair search for the
    // other (a search for their first bytes alone would stop at every full-width mark).
    let full = memchr::memmem::Finder::new(FULL_OPEN);
    let mut next_ascii = memchr::memchr(b'(', bytes);
    let mut next_full = full.find(bytes);
    // Fast exit: no bracket at all.
    if next_ascii.is_none() && next_full.is_none() {
        return Cow::Borrowed(input);
    }
    let mut emitter = Emitter::new(input, map);
    let mut i = 0;
    loop {
        if next_ascii.is_some_and(|k| k < i) {
            next_ascii = memchr::memchr(b'(', &bytes[i..]).map(|k| i + k);
        }
        if next_full.is_some_and(|k| k < i) {
            next_full = full.find(&bytes[i..]).map(|k| i + k);
        }
        let (open, open_len) = match (next_ascii, next_full) {
            (Some(a), Some(f)) if a < f => (a, 1),
            (_, Some(f)) => (f, FULL_OPEN.len()),
            (Some(a), None) => (a, 1),
            (None, None) => break,
        };
        i = open + open_len;
        let Some(han) = input[..open].chars().next_back().filter(|&c| is_han(c)) else {
            continue;
        };
        let rest = &input[open + open_len..];
        let Some(close) = rest.char_indices().take(8).find(|&(_, c)| c == ')' || c == '）') else {
            continue;
        };
        let syllable = &rest[..close.0];
        if is_reading(han, syllable) {
            let end = open + open_len + close.0 + close.1.len_utf8();
            emitter.replace(Span::new(open, end), "");
            *count += 1;
            i = end;
        }
    }
    emitter.finish()
}

/// Whether `syllable` (tone marks, or none) is a Mandarin reading of `han`.
fn is_reading(han: char, syllable: &str) -> bool {
    if syllable.is_empty()
        || syllable.len() > 12
        || !syllable
            .chars()
            .all(|c| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜêńňǹḿ".contains(c))
    {
        return false;
    }
    let Some(readings) = han.to_pinyin_multi() else { return false };
    let toneless = syllable.is_ascii();
    readings.into_iter().any(|p| {
        p.with_tone() == syllable
            || (toneless && (p.plain() == syllable || p.plain().replace('ü', "v") == syllable))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_touched() {
        for t in ["(一)", "區(市、區)", "日(2024年1月5日)", "值(GDP)", "區(qu", "區(shì)", "(qū)"]
        {
            assert!(matches!(PinyinStrip.apply(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn readings() {
        assert!(is_reading('區', "qū"));
        assert!(is_reading('們', "men"));
        assert!(is_reading('會', "huì"));
        assert!(is_reading('發', "fā"));
        assert!(!is_reading('區', "xiàng"));
    }
}
