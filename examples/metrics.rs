//! Reads UTF-8 text on standard input and writes one line per figure on standard output:
//! the byte span, the surface form, the canonical literal, then kind, indicator and period.
//!
//! `cargo run --example metrics --no-default-features --features metrics < examples/data/001_bf553028553a4e53.txt`

use std::io::{Read, Write};

use zhtext::core::Extractor;
use zhtext::metrics::MetricExtractor;

fn main() -> anyhow::Result<()> {
    let mut text = String::new();
    std::io::stdin().lock().read_to_string(&mut text)?;
    let mut out = std::io::stdout().lock();
    for m in MetricExtractor::new().extract(text.as_str()) {
        writeln!(
            out,
            "{}..{}\t{}\t{}\t{}\t{}\t{}\t{}{}",
            m.span.start,
            m.span.end,
            &text[m.span.range()],
            m,
            m.kind.as_str(),
            m.indicator.as_deref().unwrap_or("-"),
            m.period.as_deref().unwrap_or("-"),
            m.approx.map_or("", |a| a.as_str()),
            if m.damaged { " damaged" } else { "" },
        )?;
    }
    Ok(())
}
