//! `zhtext convert`: OpenCC conversion, line in, line out, nothing else touched.

use std::io::Write;

use anyhow::Context;
use zhtext::core::Transform;
use zhtext::script::{Config, Converter};

use crate::Outcome;
use crate::args::ConvertArgs;
use crate::{input, parallel};

pub(crate) fn run(args: &ConvertArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let config = Config::from_name(&args.config)
        .with_context(|| format!("unknown conversion config {:?}", args.config))?;
    let converter = Converter::new(config);
    let decoder = input::decoder(args.inputs.encoding);
    let unreadable = input::for_each(&args.inputs, out, |source, rendered| {
        let decoded = input::decode(&decoder, source);
        // Conversion never crosses a line break, so the whole text converts as its lines do.
        parallel::render_lines(decoded.text(), &mut rendered.out, |text, out| {
            out.extend_from_slice(converter.apply(text).as_bytes());
            Ok(())
        })
    })?;
    Ok(Outcome { unreadable })
}
