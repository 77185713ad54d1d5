//! Converts stdin to stdout with an OpenCC configuration: `cargo run --example convert -- t2s`.

use std::io::{Read, Write};

use anyhow::Context;
use zhtext::core::Transform;
use zhtext::script::{Config, Converter};

fn main() -> anyhow::Result<()> {
    let name = std::env::args().nth(1).unwrap_or_else(|| "t2s".to_owned());
    let config = Config::from_name(&name).with_context(|| format!("unknown config {name:?}"))?;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).context("stdin is not UTF-8")?;
    let mut out = String::with_capacity(input.len());
    Converter::new(config).apply_into(&input, &mut out);
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(())
}
