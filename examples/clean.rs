//! Example: clean (placeholder until the stage lands).

fn main() {}
