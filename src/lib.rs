//! zhtext: clean text, words and figures from scraped Chinese web documents.

pub use zhtext_core as core;
#[cfg(feature = "decode")]
pub use zhtext_decode as decode;
