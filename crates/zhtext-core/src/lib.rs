//! Spans, offset maps, tokens and the small traits that zhtext's stages share.
//!
//! Every zhtext stage speaks in byte offsets into the text it received. A
//! [`Transform`] rewrites text and can record an [`OffsetMap`] from its output
//! back to its input; maps compose, so a figure found in cleaned, converted
//! text can be reported at its place in the decoded page. A [`Segmenter`] cuts
//! text into [`Token`]s that tile it, and an [`Extractor`] finds [`Spanned`]
//! items such as metrics.
//!
//! ```
//! use std::borrow::Cow;
//! use zhtext_core::{map_chars, CharAction, OffsetMap, Span, Transform};
//!
//! /// Turns the ideographic space U+3000 into an ASCII space.
//! struct Spaces;
//! impl Transform for Spaces {
//!     fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
//!         map_chars(input, |c| if c == '\u{3000}' { CharAction::Replace(' ') } else { CharAction::Keep })
//!     }
//! }
//!
//! let mut map = OffsetMap::new();
//! let out = Spaces.apply_mapped("\u{3000}全区生产总值", &mut map);
//! assert_eq!(out, " 全区生产总值");
//! // "全区" is at 1..7 in the output and at 3..9 in the input.
//! assert_eq!(map.to_input(Span::new(1, 7)), Span::new(3, 9));
//! // Unchanged text is borrowed, not copied.
//! assert!(matches!(Spaces.apply("全区"), Cow::Borrowed(_)));
//! ```
//!
//! # Overview
//!
//! - [`Span`]: a half-open byte range.
//! - [`OffsetMap`]: sorted edits `input span → output span`; [`OffsetMap::compose`] chains stages.
//! - [`Transform`], [`Chain`]: text-to-text stages that borrow when nothing changes.
//! - [`Token`], [`TokenKind`], [`Segmenter`]: words that tile the text.
//! - [`Input`], [`Extractor`], [`Spanned`]: finding items in text.
//! - [`map_chars`], [`map_chars_mapped`], [`CharAction`]: the helper char-level stages are built on.
//! - [`line_chunks`]: pieces of whole lines, to spread a long text over threads.
//!
//! # Design
//!
//! This crate has no dependencies and no features. Its traits are object safe, so a
//! pipeline can hold `Box<dyn Transform>` stages, and stages take `&self` so they can be
//! shared across threads through `Arc`.
//!
//! # Panics
//!
//! Functions taking a [`Span`] of a string panic when the span is out of bounds or not on
//! char boundaries, as slicing does; each says so under `# Panics`.

#![doc(test(attr(deny(warnings))))]

mod chars;
mod chunks;
mod extract;
mod offset_map;
mod span;
mod token;
mod transform;

pub use chars::{CharAction, map_chars, map_chars_mapped};
pub use chunks::{LineChunks, line_chunks};
pub use extract::{Extractor, Input, Spanned};
pub use offset_map::{Edit, InputCursor, OffsetMap};
pub use span::Span;
pub use token::{Segmenter, Token, TokenKind, check_tiling};
pub use transform::{Chain, Transform};
