//! Inputs shared by the benches: the seed pages in `examples/data`.

// Each bench uses the part it needs.
#![allow(dead_code)]

/// The bundled seed pages (Traditional 000, Simplified 001 and 003).
pub const SEEDS: [&str; 3] = [
    include_str!("../../examples/data/000_af21706e8f0fbd1f.txt"),
    include_str!("../../examples/data/001_bf553028553a4e53.txt"),
    include_str!("../../examples/data/003_4151e4342b9995f7.txt"),
];

/// The seeds joined (each followed by a line break) and repeated to at least `size` bytes.
pub fn corpus(size: usize) -> String {
    let mut text = String::with_capacity(size + 300_000);
    while text.len() < size {
        for seed in SEEDS {
            text.push_str(seed);
            text.push('\n');
        }
    }
    text
}

/// `parts` one after the other, again and again, until at least `size` bytes.
pub fn repeat_to(parts: &[&str], size: usize) -> String {
    let round: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = String::with_capacity(size + round);
    while out.len() < size {
        parts.iter().for_each(|p| out.push_str(p));
    }
    out
}

/// The script benches' inputs, about `size` bytes each: the seeds converted to Simplified
/// with zhtext's `t2s` (the `s2t` input), and that converted to Traditional with zhtext's
/// `s2t` (the `t2s` input).
#[cfg(feature = "convert")]
pub fn script_inputs(size: usize) -> (String, String) {
    use zhtext::core::Transform;
    use zhtext::script::Converter;
    let seeds = SEEDS.concat();
    let simplified = Converter::t2s().apply(&seeds).into_owned();
    let traditional = Converter::s2t().apply(&simplified).into_owned();
    (repeat_to(&[&simplified], size), repeat_to(&[&traditional], size))
}

/// Runs `run` once and keeps the shorter of its time and `best` (the examples' best-of-N).
pub fn best(best: &mut std::time::Duration, run: impl FnOnce()) {
    let start = std::time::Instant::now();
    run();
    *best = (*best).min(start.elapsed());
}

/// Command-line argument `n` as a number, or `default`.
pub fn arg(n: usize, default: usize) -> usize {
    std::env::args().nth(n).and_then(|a| a.parse().ok()).unwrap_or(default)
}
