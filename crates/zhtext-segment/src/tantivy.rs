//! A [tantivy] tokenizer over [`JiebaSegmenter`], against `tantivy-tokenizer-api`.
//!
//! [tantivy]: https://crates.io/crates/tantivy

use tantivy_tokenizer_api::{Token, TokenStream, Tokenizer};
use zhtext_core::{Segmenter, Span, TokenKind};

use crate::JiebaSegmenter;

/// Which terms [`JiebaTokenizer`] indexes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TokenizerMode {
    /// The precise tokens ([`Segmenter::segment`]).
    #[default]
    Precise,
    /// Search terms, with the shorter words inside long ones
    /// ([`JiebaSegmenter::search_terms`]).
    Search,
}

/// A tantivy tokenizer: words, figures and Latin tokens of a [`JiebaSegmenter`]; spaces,
/// punctuation and other symbols are skipped. Offsets are byte offsets into the text.
///
/// # Example
///
/// ```
/// use tantivy_tokenizer_api::{TokenStream, Tokenizer};
/// use zhtext_segment::JiebaSegmenter;
/// use zhtext_segment::tantivy::JiebaTokenizer;
///
/// let mut tokenizer = JiebaTokenizer::new(JiebaSegmenter::new());
/// let mut stream = tokenizer.token_stream("增长8.8%，稳中求进");
/// let mut terms = Vec::new();
/// while let Some(token) = stream.next() {
///     terms.push(token.text.clone());
/// }
/// assert_eq!(terms, ["增长", "8.8%", "稳中求进"]);
/// ```
#[derive(Clone, Debug)]
pub struct JiebaTokenizer {
    segmenter: JiebaSegmenter,
    mode: TokenizerMode,
}

impl JiebaTokenizer {
    /// A tokenizer of precise tokens.
    #[must_use]
    pub fn new(segmenter: JiebaSegmenter) -> JiebaTokenizer {
        JiebaTokenizer { segmenter, mode: TokenizerMode::Precise }
    }

    /// A tokenizer with the given mode.
    #[must_use]
    pub fn with_mode(segmenter: JiebaSegmenter, mode: TokenizerMode) -> JiebaTokenizer {
        JiebaTokenizer { segmenter, mode }
    }
}

/// The token stream of [`JiebaTokenizer`].
#[derive(Debug)]
pub struct JiebaTokenStream<'a> {
    text: &'a str,
    spans: Vec<Span>,
    index: usize,
    token: Token,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream<'a> {
        let keep = |kind: TokenKind| {
            matches!(kind, TokenKind::Word | TokenKind::Number | TokenKind::Latin)
        };
        let tokens = match self.mode {
            TokenizerMode::Precise => self.segmenter.segment(text),
            TokenizerMode::Search => self.segmenter.search_terms(text),
        };
        let spans = tokens.iter().filter(|t| keep(t.kind())).map(|t| t.span()).collect();
        JiebaTokenStream { text, spans, index: 0, token: Token::default() }
    }
}

impl TokenStream for JiebaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(span) = self.spans.get(self.index).copied() else { return false };
        self.token.offset_from = span.start;
        self.token.offset_to = span.end;
        self.token.position = self.index;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(&self.text[span.range()]);
        self.index += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}
