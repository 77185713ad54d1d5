//! Chinese word segmentation on [jieba-rs] that keeps figures whole and handles Traditional
//! text.
//!
//! [`JiebaSegmenter`] cuts text into [`Token`](zhtext_core::Token)s that tile it exactly, so a
//! token's span always points into the text you gave it. Figures such as `158亿元`, `8.8%`,
//! `0.2个百分点` or `百分之八点八` come out as one [`TokenKind::Number`](zhtext_core::TokenKind)
//! token whatever jieba's HMM would do with them; a bundled dictionary keeps government and
//! economic terms (`一般公共预算收入`, `规模以上工业增加值`) whole; and Traditional text is
//! segmented through its Simplified form and mapped back, so tokens are still slices of the
//! original.
//!
//! ```
//! use zhtext_core::{Segmenter, TokenKind};
//! use zhtext_segment::JiebaSegmenter;
//!
//! let segmenter = JiebaSegmenter::new();
//! let text = "全年一般公共预算收入158亿元，同比增长8.8%，提高0.2个百分点。";
//! let tokens = segmenter.segment(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text()).collect();
//! assert_eq!(
//!     words,
//!     ["全年", "一般公共预算收入", "158亿元", "，", "同比增长", "8.8%", "，", "提高",
//!      "0.2个百分点", "。"]
//! );
//! assert_eq!(tokens[2].kind(), TokenKind::Number);
//! assert_eq!(tokens.concat_len(), text.len());
//! # trait ConcatLen { fn concat_len(&self) -> usize; }
//! # impl ConcatLen for Vec<zhtext_core::Token<'_>> {
//! #     fn concat_len(&self) -> usize { self.iter().map(|t| t.text().len()).sum() }
//! # }
//! ```
//!
//! [jieba-rs]: https://crates.io/crates/jieba-rs
//!
//! # Overview
//!
//! - [`JiebaSegmenter`] implements [`Segmenter`](zhtext_core::Segmenter): precise-mode tokens
//!   that tile the input, each with a kind (word, number, Latin, punctuation, space, other).
//! - [`JiebaSegmenter::search_terms`]: search-engine terms (jieba's `cut_for_search`); they
//!   overlap, so they are a method of their own and not the trait.
//! - [`JiebaSegmenter::tag`]: the same tokens with part-of-speech tags.
//! - `JiebaSegmenter::segment_parallel` (feature `parallel`): the same tokens from every core.
//! - [`JiebaSegmenter::keywords`]: TF-IDF or TextRank keywords ([`KeywordMethod`]).
//! - [`Builder`]: main dictionary, user dictionaries and words, [`Hmm`], [`Figures`],
//!   [`ScriptMode`], [`DomainDict`], and the Traditional → Simplified converter
//!   ([`Builder::t2s`], any [`Transform`](zhtext_core::Transform)).
//! - [`figures::figure_spans`]: the figure lexer on its own.
//!
//! # How it works
//!
//! 1. **Script.** With [`ScriptMode::Auto`] and a converter (the default one, or one set), a
//!    text that zhtext-script's `detect_script` finds Traditional or mixed (more than one in ten
//!    of the characters that tell the scripts apart is a Traditional form: `們`, `這`, `區` …)
//!    is converted to Simplified (see step 5 for the offset map); [`ScriptMode::Traditional`]
//!    always converts.
//! 2. **Figures.** A lexer finds figures (see [`figures`]): Arabic digits with separators,
//!    ranges and a minus sign, magnitudes (`万`, `亿`), approximations (`多`, `余`) and units
//!    (`%`, `个百分点`, currencies, measures, `年`/`月`/`日`); Chinese numerals with a
//!    multiplier, a decimal point or spelled digit by digit; `分之` fractions and `百分之`
//!    percentages. Digits glued to Latin letters (`PM2.5`, `5G`) and numerals that start a
//!    dictionary word with the character before them (`统一`, `第一`) are not figures.
//! 3. **Words.** jieba-rs cuts the text once (DAG over the dictionary, best route by word
//!    frequency, HMM for unknown runs unless [`Hmm::Off`]). With [`Hmm::On`], a word the HMM
//!    makes of two of the dictionary's 200 commonest single-character words (`这是`, `一是`)
//!    is cut back into characters: jieba's HMM glues such function words together far more
//!    often than it finds a real word in them. Figures are laid over jieba's tokens, and
//!    only a token that straddles a figure's edge is cut again without the figure's part. A long
//!    text goes through steps 1–5 in pieces of about 32 KiB that end at a line break, or at a
//!    sentence end (`。！？`) in a very long line (the script is detected once for the whole).
//!    Nothing here looks across those characters, so the tokens are the same, and jieba's
//!    tokens and the converted text stay in cache: on texts of several megabytes this made
//!    segmentation about 20 % faster, and a page scraped into one line needs half the memory.
//!    `segment_parallel` hands the pieces to several threads.
//! 4. **Kinds and clean-up.** Each token gets a kind; runs of whitespace, and doubled `…` or
//!    `—`, are joined into one token.
//! 5. **Back to the original.** When the conversion left every character where it was, as
//!    Traditional → Simplified nearly always does (`區`→`区`, both three bytes), the tokens of
//!    the converted text are tokens of the original, position for position. Otherwise they are
//!    mapped back through the offset map; a boundary that falls inside a rewritten region joins
//!    its tokens, so the result always tiles the original.
//!
//! # Design
//!
//! - No global state: the dictionary lives in the segmenter (shared through an `Arc`), so
//!   several segmenters with different user dictionaries can coexist. Build one and share it:
//!   loading takes about 0.15 s and the process peaks near 37 MiB, as raw jieba-rs does
//!   (`cargo run --release -p zhtext-segment --example load_stats -- zhtext|jieba-rs`).
//! - Figures come from this crate's own lexer, not zhtext-metrics' scanner: it looks for a
//!   figure only from where the previous one ended and asks jieba's dictionary whether a
//!   numeral belongs to a word (`统一`, `之一`), where the scanner reads the whole text up front
//!   (measured about 13 % of segmentation time against 4 % for the lexer).
//! - jieba-rs types never appear in the API (jieba-rs is pre-1.0).
//! - Segmenting never fails and never panics; errors come only from dictionaries and
//!   configuration ([`Error`]).
//! - The domain dictionary is written from general knowledge of statistical bulletins and work
//!   reports, never from an evaluation set. A frequency too low to keep a term whole is raised
//!   to the lowest one that does.
//! - Non-goals: training segmentation models, and any dictionary or rule fitted to a
//!   benchmark's gold standard.
//!
//! # Crate features
//!
//! - `default-dict` (default): embeds jieba's dictionary for [`JiebaSegmenter::new`]. Without
//!   it, give a dictionary with [`JiebaSegmenter::from_dict`] or [`Builder::dict`].
//! - `traditional` (default): Traditional text is segmented through Simplified with
//!   zhtext-script's OpenCC t2s unless [`Builder::t2s`] sets another converter.
//! - `tantivy`: `tantivy::JiebaTokenizer`, a tokenizer for the tantivy search engine, against
//!   `tantivy-tokenizer-api` (not tantivy itself).
//!
//! # Panics
//!
//! Nothing in this crate panics on any input text. [`JiebaSegmenter::new`] panics only if the
//! embedded dictionaries were invalid, which the tests rule out.

#![doc(test(attr(deny(warnings))))]

mod error;
pub mod figures;
mod frequent;
mod kind;
mod segmenter;
#[cfg(feature = "tantivy")]
pub mod tantivy;

pub use error::{Error, ErrorKind};
pub use segmenter::{
    Builder, DomainDict, Figures, Hmm, JiebaSegmenter, Keyword, KeywordMethod, ScriptMode,
};
