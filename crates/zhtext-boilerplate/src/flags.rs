//! Quality flags: template placeholders, duplicated paragraphs, a title repeated at the end.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Signs that a page is a template or was copied badly. Counted over the kept lines.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags {
    /// Template placeholders and redactions: `X亿元`, `XX书记`, `20xx年`, `__市长`, `×届×次`,
    /// `**区`, `***`. Each run counts once.
    pub placeholders: usize,
    /// Paragraphs (lines of 30 characters or more) that repeat an earlier one exactly.
    pub duplicated_paragraphs: usize,
    /// The page title appears again as one of the last lines.
    pub repeated_title: bool,
    /// Kept lines that some rule found doubtful (a weak chrome score), kept because losing a
    /// line of the text is worse than keeping a footer.
    pub uncertain_lines: usize,
}

/// Placeholder runs in `line`.
pub(crate) fn placeholders(line: &str) -> usize {
    let b = line.as_bytes();
    let mut count = 0;
    // X x _ runs, then * and × runs; `done` skips the rest of a run already counted.
    let mut done = 0;
    for i in memchr::memchr3_iter(b'X', b'x', b'_', b) {
        if i < done {
            continue;
        }
        let c = b[i];
        if c == b'_' {
            let end = i + b[i..].iter().take_while(|&&x| x == b'_').count();
            count += usize::from(end - i >= 2);
            done = end;
            continue;
        }
        let end = i + b[i..].iter().take_while(|&&c| c == b'X' || c == b'x').count();
        let before = i.checked_sub(1).map(|j| b[j]);
        let after = b.get(end).copied();
        let letter = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let wide = |c: Option<u8>| c.is_some_and(|c| c >= 0x80);
        let digit = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
        if end - i <= 4
            && !letter(before)
            && !letter(after)
            && (wide(before)
                || wide(after)
                || after == Some(b'%')
                || (digit(before) && !digit(after)))
            && !(digit(before) && digit(after))
        {
            count += 1;
        }
        done = end;
    }
    done = 0;
    for i in memchr::memchr2_iter(b'*', 0xC3, b) {
        if i < done {
            continue;
        }
        if b[i] == b'*' {
            let end = i + b[i..].iter().take_while(|&&x| x == b'*').count();
            count += usize::from(end - i >= 2);
            done = end;
        } else if b.get(i + 1) == Some(&0x97) {
            // ×: a placeholder next to Han characters, a multiplication sign between digits.
            let mut end = i;
            while b.get(end) == Some(&0xC3) && b.get(end + 1) == Some(&0x97) {
                end += 2;
            }
            let before = i.checked_sub(1).map(|j| b[j]);
            let after = b.get(end).copied();
            let digit = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit());
            count += usize::from(!(digit(before) || digit(after)));
            done = end;
        }
    }
    count
}

/// A paragraph compared by content, hashed by its length and ends (cheap on long lines).
#[derive(Clone, Copy, Debug)]
struct Para<'t>(&'t str);

impl PartialEq for Para<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Para<'_> {}

impl Hash for Para<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let b = self.0.as_bytes();
        b.len().hash(state);
        b[..b.len().min(32)].hash(state);
        b[b.len().saturating_sub(32)..].hash(state);
    }
}

/// Counts repeated long paragraphs.
#[derive(Debug, Default)]
pub(crate) struct Duplicates<'t> {
    seen: HashSet<Para<'t>>,
    pub count: usize,
}

impl<'t> Duplicates<'t> {
    /// Paragraphs shorter than this many bytes are not compared (about 30 Han characters).
    const MIN_BYTES: usize = 90;

    pub(crate) fn add(&mut self, line: &'t str) {
        if line.len() >= Self::MIN_BYTES && !self.seen.insert(Para(line)) {
            self.count += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_runs() {
        assert_eq!(placeholders("完成X亿元，XX书记，同比增长X%"), 3);
        assert_eq!(placeholders("20xx年，__市长，**区，***"), 4);
        assert_eq!(placeholders("区委×届×次全会"), 2);
        assert_eq!(placeholders("3×4，PM10，GDP，Xbox，3d打印"), 0);
        assert_eq!(placeholders("没有占位符"), 0);
        assert_eq!(placeholders("X"), 0);
    }

    #[test]
    fn duplicates() {
        let long = "全".repeat(40);
        let mut d = Duplicates::default();
        d.add(&long);
        d.add("短");
        d.add(&long);
        assert_eq!(d.count, 1);
    }
}
