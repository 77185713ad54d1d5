//! Example: metrics (placeholder until the stage lands).

fn main() {}
