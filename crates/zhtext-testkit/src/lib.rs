//! Test helpers shared by the zhtext crates (a dev-dependency, not published).
//!
//! Golden tests keep an input `NAME.in.txt` and the expected output `NAME.out.txt` side by
//! side in a crate's `testdata/docs`. [`golden_inputs`] lists the inputs, and [`check_golden`]
//! compares an output with its expected file, or rewrites the file when the environment
//! variable `UPDATE_GOLDEN` is set (review the diff before committing it).
//!
//! ```no_run
//! use std::path::Path;
//!
//! let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/docs");
//! for input in zhtext_testkit::golden_inputs(&dir, 1) {
//!     let text = std::fs::read_to_string(&input).unwrap();
//!     zhtext_testkit::check_golden(&input, &text.to_uppercase(), "check the rules");
//! }
//! ```

use std::fs;
use std::path::{Path, PathBuf};

/// The variable that makes [`check_golden`] rewrite expected files instead of comparing.
pub const UPDATE_VAR: &str = "UPDATE_GOLDEN";

/// The `*.in.txt` files of `dir`, sorted by name.
///
/// # Panics
///
/// When `dir` cannot be read or holds fewer than `at_least` inputs (fixtures went missing).
#[must_use]
pub fn golden_inputs(dir: &Path, at_least: usize) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".in.txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= at_least,
        "{}: {} golden inputs, expected at least {at_least}",
        dir.display(),
        paths.len()
    );
    paths
}

/// The expected-output file of a golden input: `NAME.in.txt` → `NAME.out.txt`.
#[must_use]
pub fn expected_path(input: &Path) -> PathBuf {
    PathBuf::from(input.to_string_lossy().replace(".in.txt", ".out.txt"))
}

/// Compares `actual` with the expected output of `input`, or writes it there when
/// `UPDATE_GOLDEN` is set.
///
/// # Panics
///
/// When they differ (naming the first differing line, and `help`, what to check before
/// regenerating), or when the file cannot be written.
pub fn check_golden(input: &Path, actual: &str, help: &str) {
    let expected_path = expected_path(input);
    if std::env::var_os(UPDATE_VAR).is_some() {
        fs::write(&expected_path, actual)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        return;
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    if let Some(line) = first_difference(&expected, actual) {
        panic!(
            "{} differs from {} at line {line}\nhelp: {help}, then regenerate with {UPDATE_VAR}=1 \
             and review the diff",
            input.display(),
            expected_path.display()
        );
    }
}

/// The 1-based number of the first line where `a` and `b` differ, `None` when they are equal.
fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let mut lines = a.split('\n').zip(b.split('\n'));
    Some(
        lines
            .position(|(x, y)| x != y)
            .map_or_else(|| a.lines().count().min(b.lines().count()) + 1, |n| n + 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_their_line() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\n", "a\nb\n"), Some(2));
        assert_eq!(first_difference("", "x"), Some(1));
        assert_eq!(expected_path(Path::new("d/x.in.txt")), Path::new("d/x.out.txt"));
    }
}
