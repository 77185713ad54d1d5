//! Segments stdin line by line and prints the tokens separated by spaces.
//!
//! ```text
//! cargo run --release --example segment < examples/data/001_bf553028553a4e53.txt
//! cargo run --release --example segment -- --kinds   # word/number/... after each token
//! ```

use std::io::{BufWriter, Read, Write};

use zhtext::core::Segmenter;
use zhtext::segment::JiebaSegmenter;

fn main() -> anyhow::Result<()> {
    let kinds = std::env::args().any(|a| a == "--kinds");
    let segmenter = JiebaSegmenter::new();
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut tokens = Vec::new();
    for line in text.lines() {
        tokens.clear();
        segmenter.segment_into(line, &mut tokens);
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 {
                out.write_all(b" ")?;
            }
            out.write_all(token.text().as_bytes())?;
            if kinds {
                write!(out, "/{}", token.kind())?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
