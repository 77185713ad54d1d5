//! Dictionary load time and peak memory of a segmenter, in a process of its own.
//!
//! ```text
//! cargo run --release -p zhtext-segment --example load_stats -- zhtext
//! cargo run --release -p zhtext-segment --example load_stats -- jieba-rs
//! ```
//!
//! Loads the segmenter (zhtext's `JiebaSegmenter::new()`, or raw jieba-rs `Jieba::new()`),
//! segments one sample page so lazily built tables (the HMM, zhtext-script's t2s for the
//! Traditional page) are in, and prints the load time, the time of the first segmentation
//! and the process's peak resident memory (`VmHWM` from `/proc/self/status`, Linux only),
//! next to the peak before loading.

use std::time::Instant;

use anyhow::bail;
use zhtext_core::Segmenter;
use zhtext_segment::JiebaSegmenter;

const PAGE: &str = include_str!("../../../examples/data/000_af21706e8f0fbd1f.txt");

fn main() -> anyhow::Result<()> {
    let which = std::env::args().nth(1).unwrap_or_else(|| "zhtext".to_owned());
    let before = peak_kib();
    let start = Instant::now();
    let (loaded, first) = match which.as_str() {
        "zhtext" => {
            let segmenter = JiebaSegmenter::new();
            let loaded = start.elapsed();
            let tokens = segmenter.segment(PAGE).len();
            (loaded, (start.elapsed() - loaded, tokens))
        }
        "jieba-rs" => {
            let jieba = jieba_rs::Jieba::new();
            let loaded = start.elapsed();
            let tokens = jieba.cut(PAGE, true).len();
            (loaded, (start.elapsed() - loaded, tokens))
        }
        other => bail!("unknown segmenter {other:?}: zhtext or jieba-rs"),
    };
    let peak = |kib: Option<u64>| {
        kib.map_or("n/a".to_owned(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
    };
    println!(
        "{which}: loaded in {loaded:.2?}; first page ({} tokens) in {:.2?}; peak memory {} (before loading {})",
        first.1,
        first.0,
        peak(peak_kib()),
        peak(before),
    );
    Ok(())
}

/// The process's peak resident set size in KiB, where `/proc` tells it.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
