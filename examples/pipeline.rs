//! The whole job on one page: reads a document in any supported encoding on standard input,
//! cleans it, strips the site chrome, converts it to Simplified, segments it and reads its
//! figures. Writes a summary, the first words, and every figure with its place in the input.
//!
//! `cargo run --release --example pipeline < examples/data/000_af21706e8f0fbd1f.txt`

use std::io::{Read, Write};

use zhtext::core::{Extractor, Segmenter, TokenKind};
use zhtext::metrics::MetricExtractor;
use zhtext::page::{PageCleaner, TargetScript};
use zhtext::segment::JiebaSegmenter;

fn main() -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    let page = PageCleaner::builder().target(TargetScript::Simplified).build().clean(&bytes);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "encoding {}, script {}, title {:?}, {} article(s), {} line(s) of chrome removed",
        page.encoding,
        page.script.name(),
        page.title,
        page.articles.len(),
        page.removed.len()
    )?;

    let segmenter = JiebaSegmenter::new();
    let tokens = segmenter.segment(&page.text);
    let words: Vec<&str> =
        tokens.iter().filter(|t| t.kind() != TokenKind::Space).take(30).map(|t| t.text()).collect();
    writeln!(out, "{} tokens; first words: {}", tokens.len(), words.join(" / "))?;

    for metric in MetricExtractor::new().extract(page.text.as_str()) {
        let span = page.to_input(metric.span);
        writeln!(out, "{}..{}\t{}\t{}", span.start, span.end, &page.input[span.range()], metric)?;
    }
    Ok(())
}
