//! Example: boilerplate (placeholder until the stage lands).

fn main() {}
