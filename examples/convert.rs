//! Example: convert (placeholder until the stage lands).

fn main() {}
