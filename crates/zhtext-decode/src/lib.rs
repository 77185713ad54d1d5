//! zhtext-decode (docs below).

#![doc(test(attr(deny(warnings))))]

mod decoder;
mod encoding;
mod error;
mod plausible;

pub use decoder::{Decoded, Decoder, DecoderBuilder, Source};
pub use encoding::{Encoding, OtherEncoding};
pub use error::{Error, ErrorKind};
mod emit;
mod mojibake;
pub use mojibake::{MojibakeKind, MojibakeRepair, Repair, Repaired, repair_mojibake};
mod cleanup;
mod entities;
pub use cleanup::{Cleanup, CleanupBuilder, PunctStyle, SpaceStyle};
mod gloss;
pub use gloss::PinyinStrip;
mod cleaner;
mod lost;
pub use cleaner::{CleanReport, Cleaned, Cleaner, CleanerBuilder};
pub use lost::{LostChars, LostReport};
