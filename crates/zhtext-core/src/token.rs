//! Tokens and the [`Segmenter`] trait.

use std::fmt;

use crate::Span;

/// What a token is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word of Han characters (词).
    Word,
    /// A figure: digits, Chinese numerals, with their unit (`158亿元`, `8.8%`, `1-7月`).
    Number,
    /// A run of Latin letters, possibly with digits (`GDP`, `PM2.5`).
    Latin,
    /// Punctuation.
    Punct,
    /// Whitespace.
    Space,
    /// Anything else (symbols, emoji).
    Other,
}

impl TokenKind {
    /// The lower-case name of the kind (`"word"`, `"number"` …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Latin => "latin",
            TokenKind::Punct => "punct",
            TokenKind::Space => "space",
            TokenKind::Other => "other",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A slice of a text with its position and kind. `text == &input[span]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token<'t> {
    text: &'t str,
    span: Span,
    kind: TokenKind,
}

impl<'t> Token<'t> {
    /// The token covering `span` of `input`.
    ///
    /// # Panics
    ///
    /// Panics when `span` is out of bounds of `input` or not on char boundaries.
    #[must_use]
    pub fn new(input: &'t str, span: Span, kind: TokenKind) -> Token<'t> {
        Token { text: &input[span], span, kind }
    }

    /// The text of the token.
    #[must_use]
    pub const fn text(&self) -> &'t str {
        self.text
    }

    /// Where the token is in the segmented text.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// What the token is.
    #[must_use]
    pub const fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// Cuts text into tokens that tile it.
///
/// Search-mode subwords overlap, so they are not part of this trait; segmenters offer them
/// as their own methods.
pub trait Segmenter: Send + Sync {
    /// Appends the tokens of `text` to `out`.
    ///
    /// Contract: the tokens tile `text`. They are non-empty, in order, contiguous and on char
    /// boundaries, and concatenating them gives back `text`. [`check_tiling`] checks it.
    fn segment_into<'t>(&self, text: &'t str, out: &mut Vec<Token<'t>>);

    /// The tokens of `text`.
    fn segment<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut out = Vec::new();
        self.segment_into(text, &mut out);
        out
    }
}

impl<S: Segmenter + ?Sized> Segmenter for &S {
    fn segment_into<'t>(&self, text: &'t str, out: &mut Vec<Token<'t>>) {
        (**self).segment_into(text, out)
    }
}

impl<S: Segmenter + ?Sized> Segmenter for Box<S> {
    fn segment_into<'t>(&self, text: &'t str, out: &mut Vec<Token<'t>>) {
        (**self).segment_into(text, out)
    }
}

impl<S: Segmenter + ?Sized> Segmenter for std::sync::Arc<S> {
    fn segment_into<'t>(&self, text: &'t str, out: &mut Vec<Token<'t>>) {
        (**self).segment_into(text, out)
    }
}

/// Checks the [`Segmenter`] contract: `tokens` tile `text`.
///
/// # Errors
///
/// Returns a message naming the first token that breaks the contract.
///
/// # Example
///
/// ```
/// use zhtext_core::{check_tiling, Span, Token, TokenKind};
///
/// let text = "增长8.8%";
/// let tokens = [
///     Token::new(text, Span::new(0, 6), TokenKind::Word),
///     Token::new(text, Span::new(6, 10), TokenKind::Number),
/// ];
/// assert!(check_tiling(text, &tokens).is_ok());
/// assert!(check_tiling(text, &tokens[..1]).is_err());
/// ```
pub fn check_tiling(text: &str, tokens: &[Token<'_>]) -> Result<(), String> {
    let mut pos = 0;
    for (i, token) in tokens.iter().enumerate() {
        let span = token.span();
        if span.start != pos {
            return Err(format!(
                "token {i} starts at {} but the previous ended at {pos}",
                span.start
            ));
        }
        if span.is_empty() {
            return Err(format!("token {i} at {pos} is empty"));
        }
        if text.get(span.range()) != Some(token.text()) {
            return Err(format!("token {i} ({span}) is not the text at its span"));
        }
        pos = span.end;
    }
    if pos != text.len() {
        return Err(format!("tokens end at {pos} but the text is {} bytes", text.len()));
    }
    Ok(())
}
