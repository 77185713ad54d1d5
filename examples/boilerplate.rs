//! Strips site chrome: the page on standard input, the kept text on standard output, the
//! removed lines with their reasons, the articles and the flags on standard error.
//!
//! ```text
//! cargo run --example boilerplate --no-default-features --features boilerplate < page.txt
//! ```

use std::io::{self, Read, Write};

use zhtext::boilerplate::{Mode, Stripper};

fn main() -> anyhow::Result<()> {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    let mark = std::env::args().any(|a| a == "--keep-boilerplate");
    let stripper = Stripper::builder().mode(if mark { Mode::Mark } else { Mode::Remove }).build();
    let stripped = stripper.strip(&input);
    io::stdout().write_all(stripped.text.as_bytes())?;
    let mut err = io::stderr().lock();
    for r in &stripped.removed {
        let mut text: String = r.text.chars().take(60).collect();
        if text.len() < r.text.len() {
            text.push('…');
        }
        writeln!(err, "removed line {} ({}): {text}", r.line, r.reason)?;
    }
    writeln!(err, "title: {:?}", stripped.title)?;
    for (i, a) in stripped.articles.iter().enumerate() {
        writeln!(err, "article {}: {:?} ({} bytes)", i + 1, a.title, a.text.len())?;
    }
    writeln!(err, "flags: {:?}", stripped.flags)?;
    Ok(())
}
