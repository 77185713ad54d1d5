//! Scores zhtext and raw jieba-rs on the SIGHAN 2005 bakeoff with the bakeoff's own scorer.
//!
//! ```text
//! cargo run --release -p zhtext-segment --example sighan_eval -- PATH/TO/icwb2 [pku msr cityu as]
//! ```
//!
//! `PATH/TO/icwb2` is the bakeoff folder (`testing/`, `gold/`, `scripts/score`); its data is for
//! research use and stays outside this repository. For each corpus the program segments
//! `testing/<corpus>_test.utf8` one line at a time with each system, writes the result to a
//! temporary folder, runs `perl scripts/score gold/<corpus>_training_words.utf8 <gold> <result>`
//! and prints the F measure of each system side by side. Nothing here is tuned to the data.
//!
//! Systems:
//! - `jieba-rs`: `Jieba::new()` and `cut(line, hmm = true)`, the raw library;
//! - `zhtext`: `JiebaSegmenter::new()`: the default segmenter
//!   (domain dictionary, whole figures, HMM on), with Traditional lines detected and segmented
//!   through Simplified with zhtext-script's OpenCC t2s;
//! - `jieba-hmm`: the same with `Hmm::Jieba`, jieba's HMM without zhtext's guard against
//!   joining two common single-character words (`这是`, `一是`), to show what the guard does;
//! - `zhtext-nofig`: the default with `Figures::Jieba`, to show what the figure lexer costs or
//!   gains under the bakeoff's word conventions (CityU's, for one, splits `3 日` and `30 ％`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};
use zhtext_core::{Segmenter, TokenKind};
use zhtext_segment::{Figures, Hmm, JiebaSegmenter};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(PathBuf::from) else {
        bail!("usage: sighan_eval PATH/TO/icwb2 [pku msr cityu as]");
    };
    let mut corpora: Vec<String> = args.collect();
    if corpora.is_empty() {
        corpora = ["pku", "msr", "cityu", "as"].map(String::from).to_vec();
    }
    let scorer = root.join("scripts/score");
    if !scorer.exists() {
        bail!("{} not found", scorer.display());
    }

    let start = Instant::now();
    let jieba = jieba_rs::Jieba::new();
    let zhtext = JiebaSegmenter::new();
    let raw_hmm = JiebaSegmenter::builder().hmm(Hmm::Jieba).build()?;
    let nofig = JiebaSegmenter::builder().figures(Figures::Jieba).build()?;
    eprintln!("loaded in {:.2?}", start.elapsed());

    let out_dir = std::env::temp_dir().join(format!("zhtext-sighan-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir)?;
    println!(
        "{:<8} {:>9} {:>9} {:>10} {:>13}",
        "corpus", "jieba-rs", "zhtext", "jieba-hmm", "zhtext-nofig"
    );
    for corpus in &corpora {
        let test = root.join(format!("testing/{corpus}_test.utf8"));
        let gold = ["test_gold", "testing_gold"]
            .iter()
            .map(|g| root.join(format!("gold/{corpus}_{g}.utf8")))
            .find(|p| p.exists())
            .with_context(|| format!("no gold file for {corpus}"))?;
        let words = root.join(format!("gold/{corpus}_training_words.utf8"));
        let text = std::fs::read_to_string(&test).with_context(|| test.display().to_string())?;

        let raw = write_segmented(&out_dir, corpus, "jieba", &text, |line, out| {
            out.extend(jieba.cut(line, true).iter().map(|t| t.word.to_owned()));
        })?;
        let ours = write_segmented(&out_dir, corpus, "zhtext", &text, |line, out| {
            words_of(&zhtext, line, out);
        })?;
        let ours_raw_hmm = write_segmented(&out_dir, corpus, "jieba-hmm", &text, |line, out| {
            words_of(&raw_hmm, line, out);
        })?;
        let ours_nofig = write_segmented(&out_dir, corpus, "nofig", &text, |line, out| {
            words_of(&nofig, line, out);
        })?;
        let f = |path: &Path| score(&scorer, &words, &gold, path);
        println!(
            "{corpus:<8} {:>9.3} {:>9.3} {:>10.3} {:>13.3}",
            f(&raw)?,
            f(&ours)?,
            f(&ours_raw_hmm)?,
            f(&ours_nofig)?
        );
    }
    eprintln!("outputs in {}", out_dir.display());
    Ok(())
}

fn words_of(segmenter: &JiebaSegmenter, line: &str, out: &mut Vec<String>) {
    out.extend(
        segmenter
            .segment(line)
            .iter()
            .filter(|t| t.kind() != TokenKind::Space)
            .map(|t| t.text().to_owned()),
    );
}

/// Segments each line of `text` with `cut` and writes the words separated by spaces.
fn write_segmented(
    dir: &Path,
    corpus: &str,
    system: &str,
    text: &str,
    mut cut: impl FnMut(&str, &mut Vec<String>),
) -> anyhow::Result<PathBuf> {
    let path = dir.join(format!("{corpus}.{system}.utf8"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let mut words = Vec::new();
    let start = Instant::now();
    for line in text.lines() {
        // The files start with a byte order mark, which the gold keeps on the first word.
        let (bom, line) = match line.strip_prefix('\u{FEFF}') {
            Some(rest) => ("\u{FEFF}", rest),
            None => ("", line),
        };
        words.clear();
        cut(line, &mut words);
        out.write_all(bom.as_bytes())?;
        let mut first = true;
        for w in words.iter().filter(|w| !w.trim().is_empty()) {
            if !first {
                out.write_all(b"  ")?;
            }
            first = false;
            out.write_all(w.as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!("{corpus}/{system}: segmented in {:.2?}", start.elapsed());
    Ok(path)
}

/// Runs the bakeoff scorer and returns its F measure.
fn score(scorer: &Path, words: &Path, gold: &Path, result: &Path) -> anyhow::Result<f64> {
    let output = Command::new("perl")
        .arg(scorer)
        .args([words, gold, result])
        .output()
        .context("running perl")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("=== F MEASURE:"))
        .with_context(|| format!("no F MEASURE in the scorer's output for {}", result.display()))?;
    let value = line.rsplit('\t').next().unwrap_or("").trim();
    value.parse().with_context(|| format!("F measure {value:?}"))
}
