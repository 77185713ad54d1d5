//! Example: pipeline (placeholder until the stage lands).

fn main() {}
