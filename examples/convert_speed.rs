//! zhtext's conversion speed against ferrous-opencc, interleaved: each round times every
//! contender on the same text, one after the other, and the best round of each counts. On a
//! machine whose speed drifts (a shared VM), this gives steadier figures than benches run one
//! after the other.
//!
//! ```text
//! cargo run --release --example convert_speed [ROUNDS [MB]]
//! ```
//!
//! Inputs: the same as `benches/script.rs`, about `MB` megabytes each (default 20): the
//! bundled seed pages converted to Simplified (the `s2t` input) and back to Traditional (the
//! `t2s` input). zhtext is timed through `apply` (a new `String` each time) and `apply_into`
//! (one reused `String`); ferrous-opencc, much slower, in the first three rounds only.

use std::hint::black_box;
use std::time::Duration;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use zhtext::core::Transform;
use zhtext::script::{Config, Converter};

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    use common::{arg, best};
    let (rounds, size) = (arg(1, 10), arg(2, 20) * 1_000_000);
    let (simplified, traditional) = common::script_inputs(size);
    println!("{rounds} rounds, best of each, {} bytes; MiB/s (MB/s)", simplified.len());
    let cases = [
        ("s2t", Config::S2t, BuiltinConfig::S2t, &simplified),
        ("t2s", Config::T2s, BuiltinConfig::T2s, &traditional),
    ];
    for (name, config, builtin, text) in cases {
        let converter = Converter::new(config);
        converter.preload();
        let ferrous = OpenCC::from_config(builtin).expect("ferrous-opencc builtin config");
        let mut times = [Duration::MAX; 3];
        let mut out = String::with_capacity(text.len() * 2);
        for round in 0..rounds {
            best(&mut times[0], || drop(black_box(converter.apply(black_box(text)))));
            best(&mut times[1], || {
                out.clear();
                converter.apply_into(black_box(text), &mut out);
            });
            if round < 3 {
                best(&mut times[2], || drop(black_box(ferrous.convert(black_box(text)))));
            }
        }
        let speed = |t: Duration| {
            let secs = t.as_secs_f64();
            format!(
                "{:.0} ({:.0})",
                text.len() as f64 / secs / f64::from(1 << 20),
                text.len() as f64 / secs / 1e6
            )
        };
        println!(
            "{name}  zhtext apply {}  apply_into {}  ferrous-opencc {}  ratio {:.1}",
            speed(times[0]),
            speed(times[1]),
            speed(times[2]),
            times[2].as_secs_f64() / times[0].as_secs_f64(),
        );
    }
}
