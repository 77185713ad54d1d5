//! Reads a document in any supported encoding on standard input and writes the cleaned
//! UTF-8 text on standard output; what was detected and repaired goes to standard error.
//!
//! `cargo run --example clean < examples/data/000_af21706e8f0fbd1f.txt`

use std::io::{Read, Write};

use zhtext::decode::{Cleaner, Decoder};

fn main() -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    let decoded = Decoder::new().decode(&bytes);
    let cleaned = Cleaner::new().clean(decoded.text());
    std::io::stdout().lock().write_all(cleaned.text.as_bytes())?;
    let r = &cleaned.report;
    eprintln!(
        "encoding={} confidence={:.2} malformed={} mojibake_repaired={} pinyin_removed={} lost_chars={} private_use={} lines_dropped={}",
        decoded.encoding(),
        decoded.confidence(),
        decoded.malformed(),
        r.mojibake_repaired,
        r.pinyin_removed,
        r.lost_chars,
        r.private_use,
        r.lines_dropped
    );
    Ok(())
}
