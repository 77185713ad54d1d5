//! Example: segment (placeholder until the stage lands).

fn main() {}
