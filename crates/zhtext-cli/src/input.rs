//! Reading documents: files or standard input, each failure named and counted.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use zhtext::decode::{Decoded, Decoder, Encoding};

use crate::args::{EncodingArg, Inputs};

/// One document read from a file or from standard input.
#[derive(Debug)]
pub(crate) struct Source {
    /// The name to report: the path as given, or `-` for standard input.
    pub name: String,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

/// The decoder `--encoding` asks for.
pub(crate) fn decoder(arg: EncodingArg) -> Decoder {
    let forced = match arg {
        EncodingArg::Auto => None,
        EncodingArg::Utf8 => Some(Encoding::Utf8),
        EncodingArg::Gbk | EncodingArg::Gb18030 => Some(Encoding::Gb18030),
        EncodingArg::Big5 => Some(Encoding::Big5),
    };
    match forced {
        None => Decoder::new(),
        Some(encoding) => Decoder::builder().encoding(encoding).build(),
    }
}

/// What a command made of one document: its output, and complaints for stderr.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    /// Bytes for standard output.
    pub out: Vec<u8>,
    /// Lines for standard error, each naming where the trouble is.
    pub complaints: Vec<String>,
}

/// Renders every input with `render` and writes the results to `out` in input order.
///
/// Documents are read a few per thread at a time and rendered on rayon's thread pool, so a
/// run over many files uses every core; what `render` writes and complains about comes out in
/// order, as if they had been rendered one after the other. Unreadable inputs are named on
/// stderr, in their place, and skipped. The return value says whether an input could not be
/// read or drew a complaint.
pub(crate) fn for_each(
    inputs: &Inputs,
    out: &mut impl Write,
    render: impl Fn(&Source, &mut Rendered) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<bool> {
    let default = [PathBuf::from("-")];
    let files: &[PathBuf] = if inputs.files.is_empty() { &default } else { &inputs.files };
    let progress = progress_bar(files.len());
    let mut failed = false;
    let window = rayon::current_num_threads() * 2;
    for paths in files.chunks(window) {
        let sources: Vec<io::Result<Source>> = paths.iter().map(|path| read(path)).collect();
        let rendered: Vec<anyhow::Result<Rendered>> = sources
            .par_iter()
            .zip(paths)
            .map(|(source, path)| {
                let mut rendered = Rendered::default();
                match source {
                    Ok(source) => render(source, &mut rendered)?,
                    Err(err) => rendered.complaints.push(format!("{}: {err}", path.display())),
                }
                Ok(rendered)
            })
            .collect();
        for rendered in rendered {
            let rendered = rendered?;
            out.write_all(&rendered.out)?;
            if !rendered.complaints.is_empty() {
                failed = true;
                progress
                    .suspend(|| rendered.complaints.iter().for_each(|c| eprintln!("zhtext: {c}")));
            }
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    Ok(failed)
}

fn read(path: &Path) -> io::Result<Source> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut bytes)?;
        return Ok(Source { name: "-".to_owned(), bytes });
    }
    bytes = std::fs::read(path)?;
    Ok(Source { name: path.display().to_string(), bytes })
}

/// A progress bar on stderr when there are many files and stderr is a terminal.
fn progress_bar(files: usize) -> ProgressBar {
    if files < 8 || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {eta}") {
        bar.set_style(style);
    }
    bar
}

/// Decodes a document's bytes.
pub(crate) fn decode<'a>(decoder: &Decoder, source: &'a Source) -> Decoded<'a> {
    decoder.decode(&source.bytes)
}
