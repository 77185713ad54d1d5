//! `zhtext detect`: `path<TAB>encoding<TAB>script<TAB>confidence` per input.

use std::io::Write;

use zhtext::script::detect_script;

use crate::Outcome;
use crate::args::DetectArgs;
use crate::input;

pub(crate) fn run(args: &DetectArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let decoder = input::decoder(args.inputs.encoding);
    let unreadable = input::for_each(&args.inputs, out, |source, rendered| {
        let decoded = input::decode(&decoder, source);
        let script = detect_script(decoded.text());
        // The line is as sure as its less sure half.
        let confidence = decoded.confidence().min(script.confidence);
        writeln!(
            rendered.out,
            "{}\t{}\t{}\t{:.2}",
            source.name,
            decoded.encoding().name(),
            script.script.name(),
            confidence
        )?;
        Ok(())
    })?;
    Ok(Outcome { unreadable })
}
