//! `zhtext segment`: one output line per input line, tokens joined by the delimiter.

use std::io::Write;

use zhtext::segment::{Hmm, JiebaSegmenter};

use crate::Outcome;
use crate::args::{SegmentArgs, SegmentMode};
use crate::{input, parallel};

pub(crate) fn run(args: &SegmentArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let hmm = if args.no_hmm { Hmm::Off } else { Hmm::On };
    let segmenter = JiebaSegmenter::builder().hmm(hmm).build()?;
    let decoder = input::decoder(args.inputs.encoding);
    let unreadable = input::for_each(&args.inputs, out, |source, rendered| {
        let decoded = input::decode(&decoder, source);
        parallel::render_lines(decoded.text(), &mut rendered.out, |text, out| {
            let mut tokens = Vec::new();
            for line in text.split_inclusive('\n') {
                let (body, ending) = split_line_ending(line);
                write_line(args, &segmenter, body, &mut tokens, out)?;
                out.write_all(if ending.is_empty() { b"\n" } else { ending.as_bytes() })?;
            }
            Ok(())
        })
    })?;
    Ok(Outcome { unreadable })
}

fn write_line(
    args: &SegmentArgs,
    segmenter: &JiebaSegmenter,
    line: &str,
    tokens: &mut Vec<(String, Option<String>)>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    tokens.clear();
    match (args.mode, args.pos) {
        (_, true) => tokens.extend(
            segmenter
                .tag(line)
                .into_iter()
                .map(|(t, tag)| (t.text().to_owned(), Some(tag.to_string()))),
        ),
        (SegmentMode::Precise, false) => {
            use zhtext::core::Segmenter;
            tokens.extend(segmenter.segment(line).iter().map(|t| (t.text().to_owned(), None)));
        }
        (SegmentMode::Search, false) => {
            tokens.extend(segmenter.search_terms(line).iter().map(|t| (t.text().to_owned(), None)));
        }
    }
    for (i, (text, tag)) in tokens.iter().enumerate() {
        if i > 0 {
            out.write_all(args.delimiter.as_bytes())?;
        }
        out.write_all(text.as_bytes())?;
        if let Some(tag) = tag {
            write!(out, "/{tag}")?;
        }
    }
    Ok(())
}

/// Splits a line into its body and its `\n` or `\r\n` ending.
fn split_line_ending(line: &str) -> (&str, &str) {
    if let Some(body) = line.strip_suffix("\r\n") {
        (body, "\r\n")
    } else if let Some(body) = line.strip_suffix('\n') {
        (body, "\n")
    } else {
        (line, "")
    }
}
