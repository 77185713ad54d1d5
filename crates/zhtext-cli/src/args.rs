//! Command-line arguments, exactly as the CLI contract in the README gives them.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// `--encoding`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum EncodingArg {
    /// Detect: BOM, valid UTF-8, then a guess among Chinese encodings.
    #[default]
    Auto,
    /// UTF-8.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK (decoded as its superset GB18030).
    Gbk,
    /// GB18030.
    Gb18030,
    /// Big5.
    Big5,
}

/// Arguments every command that reads documents shares.
#[derive(Debug, Args)]
pub(crate) struct Inputs {
    /// Files to read; none, or `-`, reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The encoding of the input.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
}

/// `--to`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Target {
    /// Keep the script of the input.
    #[default]
    Keep,
    /// Simplified Chinese.
    Simplified,
    /// Traditional Chinese (OpenCC standard).
    Traditional,
    /// Traditional Chinese as written in Taiwan.
    Taiwan,
    /// Traditional Chinese as written in Hong Kong.
    Hongkong,
}

/// `zhtext clean`.
#[derive(Debug, Args)]
pub(crate) struct CleanArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// The script of the output.
    #[arg(long, value_enum, default_value_t = Target::Keep)]
    pub to: Target,
    /// Keep site chrome in the text (it is still reported under `removed` with `--json`).
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Write one JSON object per document per line.
    #[arg(long)]
    pub json: bool,
    /// Read JSON Lines with a `text` field; other fields pass through. Implies `--json`.
    #[arg(long)]
    pub jsonl_in: bool,
}

/// `zhtext convert`.
#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// The OpenCC configuration.
    #[arg(short, long, value_name = "CONFIG", value_parser = [
        "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk", "tw2t", "hk2t",
    ])]
    pub config: String,
}

/// `--mode` of `zhtext segment`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum SegmentMode {
    /// Words that tile the line.
    #[default]
    Precise,
    /// Words and their overlapping subwords, for search indexing.
    Search,
}

/// `zhtext segment`.
#[derive(Debug, Args)]
pub(crate) struct SegmentArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Precise (tiling) or search (overlapping subwords).
    #[arg(long, value_enum, default_value_t = SegmentMode::Precise)]
    pub mode: SegmentMode,
    /// Don't let the HMM find words missing from the dictionary.
    #[arg(long)]
    pub no_hmm: bool,
    /// What to write between tokens.
    #[arg(long, default_value = " ", value_name = "STR")]
    pub delimiter: String,
    /// Write `word/tag` with part-of-speech tags.
    #[arg(long)]
    pub pos: bool,
}

/// `zhtext metrics`.
#[derive(Debug, Args)]
pub(crate) struct MetricsArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Write one JSON object per metric per line.
    #[arg(long)]
    pub json: bool,
}

/// `zhtext detect`.
#[derive(Debug, Args)]
pub(crate) struct DetectArgs {
    #[command(flatten)]
    pub inputs: Inputs,
}
