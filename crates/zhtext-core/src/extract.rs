//! The [`Extractor`] trait and its [`Input`].

use crate::{Span, Token};

/// An item found at a place in a text.
pub trait Spanned {
    /// Where the item is, in bytes of the text it was found in.
    fn span(&self) -> Span;
}

/// Text to extract from, with its tokens when they were already computed, so extractors
/// don't each segment the text again.
#[derive(Clone, Copy, Debug)]
pub struct Input<'t> {
    text: &'t str,
    tokens: Option<&'t [Token<'t>]>,
}

impl<'t> Input<'t> {
    /// Input with text only.
    #[must_use]
    pub const fn new(text: &'t str) -> Input<'t> {
        Input { text, tokens: None }
    }

    /// Adds the tokens of the text (which must tile it).
    #[must_use]
    pub const fn with_tokens(mut self, tokens: &'t [Token<'t>]) -> Input<'t> {
        self.tokens = Some(tokens);
        self
    }

    /// The text.
    #[must_use]
    pub const fn text(&self) -> &'t str {
        self.text
    }

    /// The tokens of the text, when given.
    #[must_use]
    pub const fn tokens(&self) -> Option<&'t [Token<'t>]> {
        self.tokens
    }
}

impl<'t> From<&'t str> for Input<'t> {
    fn from(text: &'t str) -> Input<'t> {
        Input::new(text)
    }
}

impl<'t> From<&'t String> for Input<'t> {
    fn from(text: &'t String) -> Input<'t> {
        Input::new(text)
    }
}

/// Finds items (metrics, entities) in text.
pub trait Extractor: Send + Sync {
    /// What is found.
    type Item: Spanned;

    /// Appends the items found in `input` to `out`, in order of position.
    fn extract_into(&self, input: &Input<'_>, out: &mut Vec<Self::Item>);

    /// The items found in `input`, in order of position.
    fn extract<'t>(&self, input: impl Into<Input<'t>>) -> Vec<Self::Item>
    where
        Self: Sized,
    {
        let mut out = Vec::new();
        self.extract_into(&input.into(), &mut out);
        out
    }
}
