//! zhtext turns scraped Chinese web documents into clean text, words and structured figures.
//!
//! Pages copied from template (范文) sites arrive in GBK, Big5 or UTF-8, in Traditional or
//! Simplified script, wrapped in site chrome, with mojibake, pinyin glosses after converted
//! characters (`區(qū)`) and spaces inside sentences. zhtext decodes and cleans them, strips the
//! chrome, converts the script with OpenCC's exact semantics, segments words with jieba and
//! reads every figure (`全区生产总值增长8.8%`) as data, keeping track of where each piece of
//! output came from in the input.
//!
//! This facade re-exports the stage crates, each behind a feature of its own, and adds
//! [`Pipeline`], which runs stages chosen at run time.
//!
//! # API themes
//!
//! - **Byte spans.** Positions are byte offsets, half-open ([`core::Span`]). A token or a
//!   metric points into the text it was found in; `&text[span.range()]` is its surface.
//! - **Borrow unless something changed.** Text-to-text stages ([`core::Transform`]) return
//!   `Cow<str>`: borrowed when the stage changed nothing, so clean text costs no copy.
//! - **`_into`** methods append to a buffer the caller reuses; **`try_`** methods are the
//!   strict variants that fail instead of repairing; **`_mapped`** methods also fill an
//!   [`core::OffsetMap`].
//! - **Offset maps** record where a stage rewrote text. They compose across stages, so a
//!   figure found in cleaned, converted text is reported at its place in the decoded page
//!   ([`Document::to_input`]).
//! - **Lossy by default, and say what was lost.** Malformed bytes, lost characters, removed
//!   boilerplate and repaired mojibake are counted and reported, never dropped silently.
//!
//! # Crate features
//!
//! All on by default; each adds one stage.
//!
//! - `decode`: bytes → clean UTF-8 ([`decode`], zhtext-decode).
//! - `convert`: Traditional ↔ Simplified, script detection ([`script`], zhtext-script).
//! - `segment`: word segmentation on jieba-rs ([`segment`], zhtext-segment).
//! - `boilerplate`: site-chrome stripping, article splitting ([`boilerplate`], zhtext-boilerplate).
//! - `metrics`: figures as data ([`metrics`], zhtext-metrics).

#![doc(test(attr(deny(warnings))))]

#[cfg(all(feature = "decode", feature = "boilerplate", feature = "convert"))]
pub mod page;
mod pipeline;

pub use pipeline::{Document, Pipeline, PipelineBuilder};
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

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
