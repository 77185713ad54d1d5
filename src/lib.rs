//! zhtext: clean text, words and figures from scraped Chinese web documents.

pub use zhtext_core as core;
#[cfg(feature = "boilerplate")]
pub use zhtext_boilerplate as boilerplate;
#[cfg(feature = "decode")]
pub use zhtext_decode as decode;
#[cfg(feature = "metrics")]
pub use zhtext_metrics as metrics;
#[cfg(feature = "convert")]
pub use zhtext_script as script;
#[cfg(feature = "segment")]
pub use zhtext_segment as segment;
