//! Chinese word segmentation on [jieba-rs] that keeps figures whole and handles Traditional text.
//!
//! [jieba-rs]: https://crates.io/crates/jieba-rs

mod error;
pub mod figures;
mod kind;
mod script;
mod segmenter;

pub use error::{Error, ErrorKind};
pub use segmenter::{
    Builder, DomainDict, Figures, Hmm, JiebaSegmenter, Keyword, KeywordMethod, ScriptMode,
};
