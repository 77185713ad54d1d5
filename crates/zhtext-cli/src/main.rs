//! The `zhtext` command: clean, convert, segment, read figures from and detect Chinese web
//! documents. The interface is a contract other programs rely on; see the README.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod args;
mod clean;
mod convert;
mod detect;
mod input;
mod metrics;
mod parallel;
mod segment;

use args::{CleanArgs, ConvertArgs, DetectArgs, MetricsArgs, SegmentArgs};

/// Clean text, words and figures from scraped Chinese web documents.
#[derive(Debug, Parser)]
#[command(name = "zhtext", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode, clean and strip site chrome; write the text of each document.
    Clean(CleanArgs),
    /// Convert between Traditional and Simplified like `opencc -c CONFIG`: line in, line out.
    Convert(ConvertArgs),
    /// Segment each line into words.
    Segment(SegmentArgs),
    /// Read every figure (value, unit, change, indicator, period).
    Metrics(MetricsArgs),
    /// Detect the encoding and script: `path<TAB>encoding<TAB>script<TAB>confidence`.
    Detect(DetectArgs),
}

/// What a command reports when it finishes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Outcome {
    /// Some input could not be read, or drew a complaint (a bad JSON Lines record).
    pub unreadable: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = match cli.command {
        Command::Clean(args) => clean::run(&args, &mut out),
        Command::Convert(args) => convert::run(&args, &mut out),
        Command::Segment(args) => segment::run(&args, &mut out),
        Command::Metrics(args) => metrics::run(&args, &mut out),
        Command::Detect(args) => detect::run(&args, &mut out),
    };
    let result = result.and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(outcome) if outcome.unreadable => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v == "1") {
                eprintln!("zhtext: {err:?}");
            } else {
                eprintln!("zhtext: {err:#}");
            }
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
