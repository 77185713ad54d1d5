//! [`detect_script`]: is a text Simplified or Traditional Chinese?

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

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
struct Marks {
    traditional: FxHashSet<char>,
    simplified: FxHashSet<char>,
}

/// Keys of `file` whose first value differs from them, minus any character that is a
/// value of `file` or a key of `other` (so it may also be written in the other script).
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

static MARKS: LazyLock<Marks> = LazyLock::new(|| Marks {
    traditional: only(File::TsCharacters, File::StCharacters),
    simplified: only(File::StCharacters, File::TsCharacters),
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
    let (mut traditional, mut simplified) = (0u32, 0u32);
    for c in text.chars() {
        if (c as u32) < 0x2E80 {
            continue;
        }
        if marks.traditional.contains(&c) {
            traditional += 1;
        } else if marks.simplified.contains(&c) {
            simplified += 1;
        }
    }
    classify(traditional, simplified)
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
        assert!(MARKS.traditional.is_disjoint(&MARKS.simplified));
        assert!(MARKS.traditional.contains(&'國') && MARKS.simplified.contains(&'国'));
    }
}
