//! [`detect_script`]: is a text Simplified or Traditional Chinese?

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::tables::{File, first_value};

/// The script a text is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Script {
    /// Simplified Chinese (简体).
    Simplified,
    /// Traditional Chinese (繁體).
    Traditional,
    /// Both kinds of characters in comparable numbers.
    Mixed,
    /// No Han character tells the scripts apart (no Chinese at all, or only characters
    /// both scripts share).
    Unknown,
}

impl Script {
    /// A lower-case name: `"simplified"`, `"traditional"`, `"mixed"` or `"unknown"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
            Script::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The result of [`detect_script`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// The script found.
    pub script: Script,
    /// How sure the detection is, in `[0, 1]`; always finite.
    pub confidence: f32,
}

/// Characters only one script uses, from OpenCC's character tables.
/// The characters that mark each script: a byte per code point below U+10000 (one load per
/// character, no hashing), a map for the supplementary planes.
struct Marks {
    /// [`TRADITIONAL`], [`SIMPLIFIED`] or 0 for `FIRST + i`.
    bmp: Box<[u8]>,
    /// Marks from U+10000 on.
    supplementary: FxHashMap<char, u8>,
}

const TRADITIONAL: u8 = 1;
const SIMPLIFIED: u8 = 2;

/// The first code point that can mark a script (CJK radicals); everything before is skipped.
const FIRST: u32 = 0x2E80;

impl Marks {
    fn new(traditional: FxHashSet<char>, simplified: FxHashSet<char>) -> Marks {
        let mut bmp = vec![0u8; 0x10000 - FIRST as usize].into_boxed_slice();
        let mut supplementary = FxHashMap::default();
        let marked = traditional.iter().map(|&c| (c, TRADITIONAL));
        for (c, mark) in marked.chain(simplified.iter().map(|&c| (c, SIMPLIFIED))) {
            let code = c as u32;
            if code >= 0x10000 {
                supplementary.insert(c, mark);
            } else if let Some(slot) = code.checked_sub(FIRST).and_then(|i| bmp.get_mut(i as usize))
            {
                // The two sets are disjoint (see the tests).
                *slot = mark;
            }
        }
        Marks { bmp, supplementary }
    }

    /// The mark of the character with code point `code`, 0 if none.
    #[inline]
    fn of(&self, code: u32) -> u8 {
        if code < 0x10000 {
            code.checked_sub(FIRST).and_then(|i| self.bmp.get(i as usize)).copied().unwrap_or(0)
        } else {
            char::from_u32(code).and_then(|c| self.supplementary.get(&c)).copied().unwrap_or(0)
        }
    }
}

fn only(file: File, other: File) -> FxHashSet<char> {
    let mut values = FxHashSet::default();
    for (_, vs) in file.entries() {
        values.extend(vs.split(' ').filter_map(single));
    }
    let other_keys: FxHashSet<char> = other.entries().filter_map(|(k, _)| single(k)).collect();
    file.entries()
        .filter(|(k, vs)| first_value(vs) != *k)
        .filter_map(|(k, _)| single(k))
        .filter(|c| !values.contains(c) && !other_keys.contains(c))
        .collect()
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

static MARKS: LazyLock<Marks> = LazyLock::new(|| {
    Marks::new(
        only(File::TsCharacters, File::StCharacters),
        only(File::StCharacters, File::TsCharacters),
    )
});

/// Decides whether `text` is Simplified or Traditional Chinese.
///
/// Counts the characters only Traditional text uses (`國`, `學`, `說`) and those only
/// Simplified text uses (`国`, `学`, `说`), taken from OpenCC's character tables. One
/// such character decides a short title; longer texts need nine in ten of one kind, else
/// they are [`Script::Mixed`]. Text without any such character is [`Script::Unknown`]
/// with confidence 0.
///
/// # Example
///
/// ```
/// use zhtext_script::{Script, detect_script};
///
/// assert_eq!(detect_script("統計公報").script, Script::Traditional);
/// assert_eq!(detect_script("统计公报").script, Script::Simplified);
/// assert_eq!(detect_script("GDP 2024").script, Script::Unknown);
/// ```
#[must_use]
pub fn detect_script(text: &str) -> Detection {
    let marks = &*MARKS;
    // Two counters in registers: an array indexed by the mark would chain every character's
    // increment through memory.
    let (mut traditional, mut simplified) = (0u32, 0u32);
    // Walks the UTF-8 bytes: characters below U+0800 (two bytes or fewer) never mark a script.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let (len, code) = match lead {
            0..0xC0 => (1, 0),
            0xC0..0xE0 => (2, 0),
            0xE0..0xF0 => (3, utf8_code(bytes, i, 3)),
            _ => (4, utf8_code(bytes, i, 4)),
        };
        let mark = marks.of(code);
        traditional += u32::from(mark == TRADITIONAL);
        simplified += u32::from(mark == SIMPLIFIED);
        i += len;
    }
    classify(traditional, simplified)
}

/// The code point of the `len`-byte UTF-8 sequence at `i` of `bytes` (valid UTF-8).
#[inline]
fn utf8_code(bytes: &[u8], i: usize, len: usize) -> u32 {
    let lead = u32::from(bytes[i]) & (0x7F >> len);
    let tail = bytes.get(i + 1..i + len).unwrap_or(&[]);
    tail.iter().fold(lead, |code, &b| code << 6 | (u32::from(b) & 0x3F))
}

fn classify(traditional: u32, simplified: u32) -> Detection {
    let total = traditional + simplified;
    if total == 0 {
        return Detection { script: Script::Unknown, confidence: 0.0 };
    }
    // Evidence: one marked character gives 0.7, two 0.91, four 0.99.
    let evidence = 1.0 - 0.3f32.powi(total.min(64) as i32);
    let share = traditional as f32 / total as f32;
    let (script, purity) = if share >= 0.9 {
        (Script::Traditional, share)
    } else if share <= 0.1 {
        (Script::Simplified, 1.0 - share)
    } else {
        (Script::Mixed, 1.0 - (2.0 * share - 1.0).abs())
    };
    let confidence = (evidence * purity).clamp(0.0, 1.0);
    Detection { script, confidence: if confidence.is_finite() { confidence } else { 0.0 } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(detect_script("大學生活").script, Script::Traditional);
        assert_eq!(detect_script("中国人民").script, Script::Simplified);
        assert_eq!(detect_script("香港特別行政區").script, Script::Traditional);
        assert_eq!(detect_script("国家统计局").script, Script::Simplified);
    }

    #[test]
    fn mixed_empty_latin() {
        let d = detect_script("国家統計局發佈数据");
        assert_eq!(d.script, Script::Mixed, "{d:?}");
        assert_eq!(detect_script(""), Detection { script: Script::Unknown, confidence: 0.0 });
        assert_eq!(detect_script("Hello, world 123").script, Script::Unknown);
        assert_eq!(detect_script("中文").script, Script::Unknown);
    }

    #[test]
    fn confidence_grows() {
        let one = detect_script("学").confidence;
        let many = detect_script("国家统计局发布数据").confidence;
        assert!(0.0 < one && one < many && many <= 1.0);
    }

    #[test]
    fn marks_are_disjoint() {
        let traditional = only(File::TsCharacters, File::StCharacters);
        let simplified = only(File::StCharacters, File::TsCharacters);
        assert!(traditional.is_disjoint(&simplified));
        let of = |c: char| MARKS.of(c as u32);
        assert_eq!((of('國'), of('国'), of('中'), of('a')), (TRADITIONAL, SIMPLIFIED, 0, 0));
        for c in ['\u{2E7F}', '\u{FFFF}', '\u{10000}', '\u{10FFFF}'] {
            assert_eq!(of(c), 0);
        }
        // Every mark is found by the byte walk as by a char walk.
        for (&c, expected) in traditional.iter().zip(std::iter::repeat(TRADITIONAL)) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(utf8_code(bytes, 0, bytes.len()), c as u32);
            assert_eq!(of(c), expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_walk_counts_like_a_char_walk(text in "[a-z0-9\\u{80}-\\u{7FF}国國学學中\\u{20000}-\\u{20010}\\u{2E80}-\\u{9FFF}]{0,40}") {
            let (mut traditional, mut simplified) = (0, 0);
            for c in text.chars() {
                match MARKS.of(c as u32) {
                    TRADITIONAL => traditional += 1,
                    SIMPLIFIED => simplified += 1,
                    _ => {}
                }
            }
            proptest::prop_assert_eq!(detect_script(&text), classify(traditional, simplified));
        }
    }
}
