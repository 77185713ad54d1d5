//! `zhtext segment`: one output line per input line, tokens joined by the delimiter.

use std::io::Write;

use zhtext::core::{Segmenter, Token};
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

fn write_line<'t>(
    args: &SegmentArgs,
    segmenter: &JiebaSegmenter,
    line: &'t str,
    tokens: &mut Vec<Token<'t>>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let delimiter = args.delimiter.as_bytes();
    let mut write = |i: usize, text: &str, tag: Option<&str>| -> std::io::Result<()> {
        if i > 0 {
            out.write_all(delimiter)?;
        }
        out.write_all(text.as_bytes())?;
        if let Some(tag) = tag {
            out.write_all(b"/")?;
            out.write_all(tag.as_bytes())?;
        }
        Ok(())
    };
    match (args.mode, args.pos) {
        (_, true) => {
            for (i, (token, tag)) in segmenter.tag(line).iter().enumerate() {
                write(i, token.text(), Some(tag))?;
            }
        }
        (SegmentMode::Precise, false) => {
            tokens.clear();
            segmenter.segment_into(line, tokens);
            for (i, token) in tokens.iter().enumerate() {
                write(i, token.text(), None)?;
            }
        }
        (SegmentMode::Search, false) => {
            for (i, token) in segmenter.search_terms(line).iter().enumerate() {
                write(i, token.text(), None)?;
            }
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
