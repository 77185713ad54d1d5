//! [`JiebaSegmenter`] and its builder.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::io::BufRead;
use std::sync::{Arc, OnceLock};

use jieba_rs::{Jieba, KeywordExtract, TextRank, TfIdf};
use zhtext_core::{OffsetMap, Segmenter, Span, Token, TokenKind, Transform};

use crate::figures::{calendar_noun_year, next_figure, starts_with_figure};
use crate::frequent::FrequentChars;
use crate::kind::{alphanumeric_run, classify};
use crate::{Error, ErrorKind};

/// Whether jieba's hidden Markov model joins characters the dictionary does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hmm {
    /// Unknown words are found with jieba's HMM, except that a word it makes of two of the
    /// dictionary's commonest single-character words (`这是`, `一是`, `很难`: each character
    /// among the 200 most frequent) is cut back into those characters.
    #[default]
    On,
    /// Unknown words are found with jieba's HMM as it is (jieba's default).
    Jieba,
    /// Only dictionary words; unknown stretches fall apart into single characters.
    Off,
}

/// How figures (`158亿元`, `8.8%`, `百分之八点八`) are cut.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Figures {
    /// Each figure, with its magnitude and unit, is one [`TokenKind::Number`] token.
    #[default]
    Whole,
    /// Figures are cut as jieba cuts them (`8.8%` may become `8.8` and `%`).
    Jieba,
}

/// Which script the text is segmented in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ScriptMode {
    /// Traditional text is detected and segmented through Simplified when a Traditional →
    /// Simplified converter is set; other text is segmented as it is.
    #[default]
    Auto,
    /// The text is segmented as it is.
    Simplified,
    /// The text is always segmented through Simplified (needs a converter).
    Traditional,
}

/// Whether the bundled dictionary of government and economic terms is loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DomainDict {
    /// Terms such as `一般公共预算收入`, `规模以上工业增加值` and `稳中求进` are kept whole.
    #[default]
    On,
    /// Only the main dictionary and user words.
    Off,
}

/// Which keyword extraction [`JiebaSegmenter::keywords`] uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KeywordMethod {
    /// Term frequency × inverse document frequency (jieba's IDF table).
    #[default]
    TfIdf,
    /// TextRank over a co-occurrence window of nouns and verbs.
    TextRank,
}

/// A keyword and its weight (higher is more important).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword, in Simplified characters when the text was segmented through Simplified.
    pub word: String,
    /// Its weight: TF-IDF score, or TextRank score normalised to at most 1.
    pub weight: f64,
}

/// The bundled domain dictionary.
const DOMAIN_DICT: &str = include_str!("../data/domain.txt");

/// Segments Chinese text with jieba-rs, keeping figures whole and Traditional text intact.
///
/// Tokens tile the input: concatenated they give it back, byte for byte, and each one is a slice
/// of the input even when the text was segmented through its Simplified form. Cloning is cheap:
/// the dictionary is shared through an [`Arc`].
///
/// # Example
///
/// ```
/// use zhtext_core::{Segmenter, TokenKind};
/// use zhtext_segment::JiebaSegmenter;
///
/// let segmenter = JiebaSegmenter::new();
/// let tokens = segmenter.segment("一般公共预算收入158亿元，增长8.8%。");
/// let words: Vec<&str> = tokens.iter().map(|t| t.text()).collect();
/// assert_eq!(words, ["一般公共预算收入", "158亿元", "，", "增长", "8.8%", "。"]);
/// assert_eq!(tokens[1].kind(), TokenKind::Number);
/// ```
#[derive(Clone)]
pub struct JiebaSegmenter {
    jieba: Arc<Jieba>,
    hmm: Hmm,
    figures: Figures,
    script: ScriptMode,
    t2s: Option<Arc<dyn Transform>>,
    keywords: Arc<KeywordState>,
    /// With [`Hmm::On`], the characters the HMM may not join on their own.
    frequent: Option<Arc<FrequentChars>>,
    /// Words of the domain and user dictionaries that start with a figure (`十九大`): jieba
    /// keeps them whole over the figure lexer.
    figure_words: Arc<HashSet<Box<str>>>,
}

// The converter is only ever used through `&self` and the keyword tables are set once, so a
// panic cannot leave a segmenter or a builder half-changed.
impl std::panic::UnwindSafe for JiebaSegmenter {}
impl std::panic::RefUnwindSafe for JiebaSegmenter {}
impl std::panic::UnwindSafe for Builder {}
impl std::panic::RefUnwindSafe for Builder {}

#[derive(Default)]
struct KeywordState {
    tfidf: OnceLock<TfIdf>,
    textrank: OnceLock<TextRank>,
}

impl fmt::Debug for JiebaSegmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JiebaSegmenter")
            .field("hmm", &self.hmm)
            .field("figures", &self.figures)
            .field("script", &self.script)
            .field("t2s", &self.t2s.is_some())
            .finish_non_exhaustive()
    }
}

#[cfg(feature = "default-dict")]
impl Default for JiebaSegmenter {
    fn default() -> JiebaSegmenter {
        JiebaSegmenter::new()
    }
}

impl JiebaSegmenter {
    /// A segmenter with jieba's embedded dictionary, the domain dictionary, HMM on, whole
    /// figures and automatic script choice.
    ///
    /// Loading the dictionary takes a few hundred milliseconds: build one segmenter and share it.
    #[cfg(feature = "default-dict")]
    #[must_use]
    pub fn new() -> JiebaSegmenter {
        JiebaSegmenter::builder().build().expect("the embedded dictionaries are valid")
    }

    /// A segmenter with the dictionary `dict` (jieba's format: `word [frequency] [tag]` per
    /// line) instead of the embedded one, and the default settings otherwise.
    ///
    /// # Errors
    ///
    /// When `dict` cannot be read, is not UTF-8, has a frequency that is not a number, or has
    /// no word.
    pub fn from_dict(dict: impl BufRead) -> Result<JiebaSegmenter, Error> {
        JiebaSegmenter::builder().dict(dict).build()
    }

    /// A builder to set dictionaries, user words and options.
    #[must_use]
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Whether `word` is in the dictionary.
    #[must_use]
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Search-engine terms: the precise tokens, each after the dictionary words of two and
    /// three characters inside it and the parts of a Latin compound (`www.gov.cn`: `www`,
    /// `gov`, `cn`), as jieba's `cut_for_search` gives them. Terms overlap, so they don't tile
    /// the text; each is still a slice of `text`. Figures stay whole when configured so.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_segment::JiebaSegmenter;
    ///
    /// let segmenter = JiebaSegmenter::new();
    /// let terms = segmenter.search_terms("中华人民共和国");
    /// let terms: Vec<&str> = terms.iter().map(|t| t.text()).collect();
    /// assert!(terms.contains(&"中华") && terms.contains(&"中华人民共和国"));
    /// ```
    #[must_use]
    pub fn search_terms<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        self.search_terms_in_pieces(text, PIECE_BYTES)
    }

    /// [`JiebaSegmenter::search_terms`], a piece of at least `target` bytes at a time (see
    /// [`pieces`]).
    fn search_terms_in_pieces<'t>(&self, text: &'t str, target: usize) -> Vec<Token<'t>> {
        let convert = self.wants_conversion(text);
        let mut out = Vec::new();
        let mut spans: Vec<(Span, TokenKind)> = Vec::new();
        for piece in pieces(text, target) {
            let part = &text[piece.range()];
            let converted = self.convert_piece(part, convert);
            let source = converted.text().unwrap_or(part);
            spans.clear();
            self.segment_spans(source, &mut spans);
            // The precise tokens go through `push_joined`, as in `segment`: whitespace cut at a
            // piece boundary is one token again.
            let push = |out: &mut Vec<Token<'t>>, span: Span, kind: TokenKind| {
                push_joined(out, text, 0, Token::new(text, span.offset(piece.start), kind));
            };
            let Converted::Mapped(_, map) = &converted else {
                // Spans of the converted text are spans of `part`.
                for &(span, kind) in &spans {
                    self.sub_terms(&source[span.range()], kind, |sub| {
                        push(&mut out, sub.offset(span.start), kind);
                    });
                    push(&mut out, span, kind);
                }
                continue;
            };
            // The precise tokens are mapped back as `segment` maps them; the words inside a
            // converted token are mapped one by one and kept when they fall inside the token.
            let mut next = 0;
            map_back(part, map, spans.iter().copied(), |token, _| {
                let (token, token_kind) = (token.span(), token.kind());
                while let Some(&(span, kind)) = spans.get(next)
                    && map.to_input(span).start < token.end
                {
                    self.sub_terms(&source[span.range()], kind, |sub| {
                        let sub = map.to_input(sub.offset(span.start));
                        if !sub.is_empty()
                            && sub.start >= token.start
                            && sub.end <= token.end
                            && part.is_char_boundary(sub.start)
                            && part.is_char_boundary(sub.end)
                        {
                            push(&mut out, sub, kind);
                        }
                    });
                    next += 1;
                }
                push(&mut out, token, token_kind);
            });
        }
        out
    }

    /// Calls `f` with the terms inside a precise token of `kind`: the dictionary words inside a
    /// word ([`JiebaSegmenter::grams`]), the parts of a Latin compound ([`connector_parts`]).
    fn sub_terms(&self, token: &str, kind: TokenKind, f: impl FnMut(Span)) {
        match kind {
            TokenKind::Word => self.grams(token, f),
            TokenKind::Latin => connector_parts(token, f),
            _ => {}
        }
    }

    /// Calls `f` with the span of each dictionary word of two characters inside `word`, when it
    /// has more than two, then of three, when it has more than three, as jieba's
    /// `cut_for_search` does.
    fn grams(&self, word: &str, mut f: impl FnMut(Span)) {
        if word.chars().nth(2).is_none() {
            return;
        }
        let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
        let chars = starts.len() - 1;
        for len in [2, 3] {
            if chars <= len {
                break;
            }
            for w in starts.windows(len + 1) {
                let gram = Span::new(w[0], w[len]);
                if self.jieba.has_word(&word[gram.range()]) {
                    f(gram);
                }
            }
        }
    }

    /// Tokens with jieba's part-of-speech tags (`n` noun, `v` verb, `m` numeral, `x` other …).
    /// The tokens tile `text`, as with [`Segmenter::segment`]; figures are tagged `m`.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_segment::JiebaSegmenter;
    ///
    /// let segmenter = JiebaSegmenter::new();
    /// let tagged = segmenter.tag("经济增长8.8%");
    /// let tags: Vec<(&str, &str)> = tagged.iter().map(|(t, tag)| (t.text(), tag.as_str())).collect();
    /// assert_eq!(tags, [("经济增长", "n"), ("8.8%", "m")]);
    /// ```
    #[must_use]
    pub fn tag<'t>(&self, text: &'t str) -> Vec<(Token<'t>, String)> {
        let convert = self.wants_conversion(text);
        let mut out = Vec::new();
        // In pieces, as `segment` does, so the tokens are the same.
        for piece in pieces(text, PIECE_BYTES) {
            self.tag_piece(text, piece, convert, &mut out);
        }
        out
    }

    /// [`JiebaSegmenter::tag`] for one piece of `text` (see [`JiebaSegmenter::segment_piece`]).
    fn tag_piece<'t>(
        &self,
        text: &'t str,
        piece: Span,
        convert: bool,
        out: &mut Vec<(Token<'t>, String)>,
    ) {
        let part = &text[piece.range()];
        let converted = self.convert_piece(part, convert);
        let source = converted.text().unwrap_or(part);
        let mut tagged: Vec<(Span, TokenKind, &str)> = Vec::new();
        self.tag_spans(source, &mut tagged);
        out.reserve(tagged.len());
        let mut push = |token: Token<'_>, tag: &str| {
            let token = Token::new(text, token.span().offset(piece.start), token.kind());
            if !join_space(out.last_mut().map(|(last, _)| last), text, &token) {
                out.push((token, tag.to_owned()));
            }
        };
        match &converted {
            Converted::Same | Converted::Aligned(_) => {
                tagged.iter().for_each(|&(s, k, tag)| push(Token::new(part, s, k), tag));
            }
            Converted::Mapped(_, map) => {
                let spans = tagged.iter().map(|&(s, k, _)| (s, k));
                map_back(part, map, spans, |token, i| push(token, tagged[i].2));
            }
        }
    }

    /// The `n` most important words of `text`, best first.
    ///
    /// Traditional text (per the script mode) is read through Simplified, so the keywords are in
    /// Simplified characters.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_segment::{JiebaSegmenter, KeywordMethod};
    ///
    /// let segmenter = JiebaSegmenter::new();
    /// let text = "推动高质量发展，坚持稳中求进工作总基调，推动高质量发展取得新成效。";
    /// let keywords = segmenter.keywords(text, 3, KeywordMethod::TfIdf);
    /// assert_eq!(keywords[0].word, "高质量发展");
    /// ```
    #[must_use]
    pub fn keywords(&self, text: &str, n: usize, method: KeywordMethod) -> Vec<Keyword> {
        let converted = self.convert_piece(text, self.wants_conversion(text));
        let source = converted.text().unwrap_or(text);
        let found = match method {
            KeywordMethod::TfIdf => {
                let tfidf = self.keywords.tfidf.get_or_init(TfIdf::default);
                tfidf.extract_keywords(&self.jieba, source, n, Vec::new())
            }
            KeywordMethod::TextRank => {
                let textrank = self.keywords.textrank.get_or_init(TextRank::default);
                let pos = ["ns", "n", "vn", "v"].map(String::from).to_vec();
                textrank.extract_keywords(&self.jieba, source, n, pos)
            }
        };
        found.into_iter().map(|k| Keyword { word: k.keyword, weight: k.weight }).collect()
    }

    /// Whether `text` is to be segmented through Simplified (per the script mode).
    fn wants_conversion(&self, text: &str) -> bool {
        self.t2s.is_some()
            && match self.script {
                ScriptMode::Simplified => false,
                ScriptMode::Traditional => true,
                ScriptMode::Auto => looks_traditional(text),
            }
    }

    /// `text` converted to Simplified with its offset map, when the conversion changed
    /// something.
    fn convert(&self, text: &str) -> Option<(String, OffsetMap)> {
        let t2s = self.t2s.as_ref()?;
        let mut map = OffsetMap::new();
        match t2s.apply_mapped(text, &mut map) {
            Cow::Borrowed(_) => None,
            Cow::Owned(converted) => Some((converted, map)),
        }
    }

    /// `text` converted to Simplified when `convert`: with a character wherever `text` has one
    /// (Traditional → Simplified nearly always keeps each character's UTF-8 length), the spans
    /// of the converted text are those of `text` and no offset map is needed.
    fn convert_piece(&self, text: &str, convert: bool) -> Converted {
        let Some(t2s) = self.t2s.as_ref().filter(|_| convert) else { return Converted::Same };
        match t2s.apply(text) {
            Cow::Borrowed(_) => Converted::Same,
            Cow::Owned(converted) if same_char_starts(text, &converted) => {
                Converted::Aligned(converted)
            }
            // Converted a second time, with the map: rare with Traditional → Simplified.
            Cow::Owned(_) => match self.convert(text) {
                Some((converted, map)) => Converted::Mapped(converted, map),
                None => Converted::Same,
            },
        }
    }

    /// Segments `text[range]` (a piece, see [`pieces`]), through Simplified when `convert`,
    /// appending tokens of `text` to `out` and leaving what `out` held before alone.
    ///
    /// A long range is segmented a piece at a time, so that the converted text and jieba's
    /// tokens stay in cache between being made and being read. Nothing is cut differently:
    /// jieba, the figure lexer and the conversion never look across a piece's end; a run of
    /// whitespace cut in two at a piece boundary is joined again. (A converter that deletes
    /// text at a piece's start is the exception: see `segment_parallel`.)
    fn segment_range<'t>(
        &self,
        text: &'t str,
        range: Span,
        convert: bool,
        out: &mut Vec<Token<'t>>,
    ) {
        let floor = out.len();
        if range.len() <= PIECE_BYTES {
            self.segment_piece(text, range, convert, out, floor);
            return;
        }
        for piece in pieces(&text[range.range()], PIECE_BYTES) {
            self.segment_piece(text, piece.offset(range.start), convert, out, floor);
        }
    }

    /// [`JiebaSegmenter::segment_range`] for one piece; tokens at `floor` and after in `out`
    /// are of `text`.
    fn segment_piece<'t>(
        &self,
        text: &'t str,
        piece: Span,
        convert: bool,
        out: &mut Vec<Token<'t>>,
        floor: usize,
    ) {
        let part = &text[piece.range()];
        let mut sink = TokenSink { text, base: piece.start, out, floor };
        match self.convert_piece(part, convert) {
            Converted::Same => self.segment_spans(part, &mut sink),
            // Every span of the converted text is a span of `part`.
            Converted::Aligned(converted) => self.segment_spans(&converted, &mut sink),
            Converted::Mapped(converted, map) => {
                let out = sink.out;
                let mut spans = Vec::new();
                self.segment_spans(&converted, &mut spans);
                out.reserve(spans.len());
                map_back(part, &map, spans.into_iter(), |token, _| {
                    let span = token.span().offset(piece.start);
                    push_joined(out, text, floor, Token::new(text, span, token.kind()));
                });
            }
        }
    }

    /// Segments `text` as it is, pushing each token's span and kind to `sink`.
    fn segment_spans(&self, text: &str, sink: &mut impl Sink<'static>) {
        let hmm = self.hmm != Hmm::Off;
        self.overlay(text, |part| self.jieba.cut(part, hmm), sink);
    }

    /// Tags `text` as it is, pushing each token's span, kind and part-of-speech tag to `sink`.
    fn tag_spans<'j>(&'j self, text: &'j str, sink: &mut impl Sink<'j>) {
        let hmm = self.hmm != Hmm::Off;
        self.overlay(text, |part| self.jieba.tag(part, hmm), sink);
    }

    /// Cuts `text` with `cut` (jieba's `cut` or `tag`: the same words) and lays figures over
    /// its words, pushing tokens to `sink`; runs of whitespace, `……`, `——` and `***` become one token.
    ///
    /// jieba cuts the text once. Where a figure's edge falls inside a jieba word, only the
    /// part of that word outside the figure is cut again (with the next word, when the two make
    /// a dictionary word). jieba's words also decide two things about a figure: a domain or
    /// user word that starts with it holds it, and a calendar noun at its end (`年代`) goes
    /// when jieba cuts after its `年`.
    fn overlay<'j, 'x, W: Word<'j>>(
        &self,
        text: &'x str,
        cut: impl Fn(&'x str) -> Vec<W>,
        sink: &mut impl Sink<'j>,
    ) {
        let words = cut(text);
        sink.reserve(words.len());
        let guard = self.frequent.as_deref();
        let mut merger = Merger { text, pending: None, run: None, sink, guard };
        if self.figures == Figures::Jieba {
            words.iter().for_each(|w| merger.push_word(0, w));
            merger.finish();
            return;
        }
        let is_word = |pair: &str| self.jieba.has_word(pair);
        let mut figure = next_figure(text, 0, &is_word);
        let (mut pos, mut i) = (0, 0);
        loop {
            while words.get(i).is_some_and(|w| w.parts().1 <= pos) {
                i += 1;
            }
            let Some(word) = words.get(i) else { break };
            if let Some(f) = figure.filter(|f| f.start <= pos) {
                // A domain or user word jieba cut from the figure's start past its end holds
                // the figure: `十九大` (the 19th Party Congress), not `十九` and `大`. jieba's
                // own numeral words (`五十岁`, `二十世纪`) do not.
                let (start, end, word_text, _) = word.parts();
                if start == f.start && end > f.end && self.figure_words.contains(word_text) {
                    merger.push_word(0, word);
                    pos = end;
                    i += 1;
                    figure = next_figure(text, pos, &is_word);
                    continue;
                }
                // A calendar noun at the figure's end goes when jieba cuts after its `年`:
                // `连续3年代表大会` is `3年`, `代表大会`; `90年代表示` keeps `90年代`.
                let f = match calendar_noun_year(text, f) {
                    Some(year)
                        if words[i..]
                            .iter()
                            .take_while(|w| w.parts().0 < f.end)
                            .any(|w| w.parts().1 == year) =>
                    {
                        Span::new(f.start, year)
                    }
                    _ => f,
                };
                merger.push(f, TokenKind::Number, W::NUMBER);
                pos = f.end;
                figure = next_figure(text, pos, &is_word);
                continue;
            }
            let limit = figure.map_or(usize::MAX, |f| f.start);
            let (start, end, ..) = word.parts();
            if start == pos && end <= limit {
                merger.push_word(0, word);
                pos = end;
                i += 1;
                continue;
            }
            // The word crosses a figure's edge: cut the part outside the figure again. After
            // a figure, when what is left of the word makes a dictionary word with the next
            // word, they are cut together (`3日本地`: `3日`, `本地`, not `本` and `地`).
            let end = match words.get(i + 1) {
                Some(next) if start < pos && self.jieba.has_word(&text[pos..next.parts().1]) => {
                    next.parts().1
                }
                _ => end,
            };
            let end = end.min(limit);
            cut(&text[pos..end]).iter().for_each(|w| merger.push_word(pos, w));
            pos = end;
        }
        merger.finish();
    }
}

/// Calls `f` with the parts of a Latin token joined by `.`, `_` or `-` that could be searched
/// on their own (two bytes or more, with a letter), as jieba's `cut_for_search` does:
/// `www.gov.cn` gives `www`, `gov` and `cn`; `v1.2` gives `v1`, not `2`.
fn connector_parts(word: &str, mut f: impl FnMut(Span)) {
    let is_connector = |c: char| matches!(c, '.' | '_' | '-');
    if !word.contains(is_connector) {
        return;
    }
    let mut start = 0;
    for part in word.split(is_connector) {
        if part.len() >= 2 && part.bytes().any(|b| b.is_ascii_alphabetic()) {
            f(Span::new(start, start + part.len()));
        }
        start += part.len() + 1;
    }
}

/// A piece of text converted to Simplified (see [`JiebaSegmenter::convert_piece`]).
enum Converted {
    /// Nothing changed.
    Same,
    /// Converted, every character starting where one starts in the original.
    Aligned(String),
    /// Converted, with the map back to the original.
    Mapped(String, OffsetMap),
}

impl Converted {
    /// The converted text, when it differs.
    fn text(&self) -> Option<&str> {
        match self {
            Converted::Same => None,
            Converted::Aligned(text) | Converted::Mapped(text, _) => Some(text),
        }
    }
}

/// Whether `a` and `b` have the same length and characters starting at the same bytes.
fn same_char_starts(a: &str, b: &str) -> bool {
    let starts = |x: u8| x & 0xC0 != 0x80;
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| starts(x) == starts(y))
}

/// A word jieba cut: a `jieba_rs::Token` or a tagged `jieba_rs::Tag`.
trait Word<'j> {
    /// The tag of figures.
    const NUMBER: &'j str;
    /// Where the word is (in bytes of the text cut), the word, and its tag (`""` untagged).
    fn parts(&self) -> (usize, usize, &str, &'j str);
}

impl Word<'static> for jieba_rs::Token<'_> {
    const NUMBER: &'static str = "";

    #[inline]
    fn parts(&self) -> (usize, usize, &str, &'static str) {
        (self.byte_start, self.byte_end, self.word, "")
    }
}

impl<'j> Word<'j> for jieba_rs::Tag<'j> {
    const NUMBER: &'j str = "m";

    #[inline]
    fn parts(&self) -> (usize, usize, &str, &'j str) {
        // A user word added without a tag is `x`, as in Python jieba.
        let tag = if self.tag.is_empty() { "x" } else { self.tag };
        (self.byte_start, self.byte_end, self.word, tag)
    }
}

/// Longer texts are segmented a piece of about this size at a time (see
/// [`JiebaSegmenter::segment_range`]).
const PIECE_BYTES: usize = 32 << 10;

/// Sentence ends a piece may end after in a very long line: jieba never joins them to a word,
/// no figure contains them, and no OpenCC dictionary key does.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];

/// Pieces of `text` of at least `target` bytes (the last may be shorter) that end at a line
/// break, or in a very long line at a sentence end. Segmentation gives the same tokens on each
/// piece as on the whole: jieba, the figure lexer and the conversion to Simplified never look
/// across these characters.
fn pieces(text: &str, target: usize) -> zhtext_core::LineChunks<'_> {
    zhtext_core::line_chunks(text, target).or_after(&SENTENCE_ENDS)
}

impl Segmenter for JiebaSegmenter {
    fn segment_into<'t>(&self, text: &'t str, out: &mut Vec<Token<'t>>) {
        let convert = self.wants_conversion(text);
        self.segment_range(text, Span::new(0, text.len()), convert, out);
    }
}

/// Texts shorter than this are segmented on one thread by
/// [`JiebaSegmenter::segment_parallel`].
#[cfg(feature = "parallel")]
const PARALLEL_MIN_BYTES: usize = 256 << 10;

/// Pieces [`JiebaSegmenter::segment_parallel`] hands to threads are at least this long (the
/// last may be shorter).
#[cfg(feature = "parallel")]
const PARALLEL_CHUNK_BYTES: usize = 64 << 10;

#[cfg(feature = "parallel")]
impl JiebaSegmenter {
    /// [`Segmenter::segment`] on every core of rayon's thread pool: the same tokens, faster on
    /// a long text.
    ///
    /// The text is cut into pieces that end at a line break (or, in a very long line, at a
    /// sentence end `。！？`), segmented apart and joined again; nothing is cut differently,
    /// since jieba, the figure lexer and the conversion to Simplified never look across those
    /// characters (the script is detected once, on the whole text). A text under 256 KiB, or a pool of one thread, is segmented
    /// on the calling thread. The pool is rayon's global one unless this is called inside
    /// [`rayon::ThreadPool::install`]; `RAYON_NUM_THREADS` sets its size.
    ///
    /// With a converter set by [`Builder::t2s`] that deletes text at the start of a piece
    /// (the default OpenCC one never deletes), the deleted bytes may go to the piece's first
    /// token here where one piece gives them to the token before; the tokens still tile the
    /// text. The same holds for `segment` on texts over 32 KiB.
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_core::Segmenter;
    /// use zhtext_segment::JiebaSegmenter;
    ///
    /// let segmenter = JiebaSegmenter::new();
    /// let text = "全年地区生产总值增长8.8%。\n一般公共预算收入158亿元。\n".repeat(20_000);
    /// assert_eq!(segmenter.segment_parallel(&text), segmenter.segment(&text));
    /// ```
    #[must_use]
    pub fn segment_parallel<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let threads = rayon::current_num_threads();
        if threads < 2 || text.len() < PARALLEL_MIN_BYTES {
            return self.segment(text);
        }
        self.segment_in_pieces(text, (text.len() / (threads * 4)).max(PARALLEL_CHUNK_BYTES))
    }

    /// [`JiebaSegmenter::segment_parallel`] with pieces of at least `target` bytes.
    fn segment_in_pieces<'t>(&self, text: &'t str, target: usize) -> Vec<Token<'t>> {
        use rayon::prelude::*;
        let convert = self.wants_conversion(text);
        let pieces: Vec<Span> = pieces(text, target).collect();
        let parts: Vec<Vec<Token<'t>>> = pieces
            .par_iter()
            .map(|&piece| {
                let mut out = Vec::new();
                self.segment_range(text, piece, convert, &mut out);
                out
            })
            .collect();
        let mut tokens: Vec<Token<'t>> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for part in parts {
            let mut part = part.into_iter();
            if let Some(first) = part.next() {
                push_joined(&mut tokens, text, 0, first);
            }
            tokens.extend(part);
        }
        tokens
    }
}

/// Pushes `token` to `out`, joined to the last token when both are whitespace and meet (a
/// run of whitespace is one token; a piece boundary may have cut one in two). Tokens before
/// `floor` are left alone; `out`'s tokens from there on and `token` are of `text`.
#[inline]
fn push_joined<'t>(out: &mut Vec<Token<'t>>, text: &'t str, floor: usize, token: Token<'t>) {
    if out.len() > floor && join_space(out.last_mut(), text, &token) {
        return;
    }
    out.push(token);
}

/// Joins `token` to `last` when both are whitespace and meet; returns whether it did. Both are
/// tokens of `text`.
#[inline]
fn join_space<'t>(last: Option<&mut Token<'t>>, text: &'t str, token: &Token<'t>) -> bool {
    match last {
        Some(last)
            if token.kind() == TokenKind::Space
                && last.kind() == TokenKind::Space
                && last.span().end == token.span().start =>
        {
            let joined = Span::new(last.span().start, token.span().end);
            *last = Token::new(text, joined, TokenKind::Space);
            true
        }
        _ => false,
    }
}

/// Sends tokens of the converted text back to `text` through `map`, keeping them a tiling.
///
/// Each token's start goes back through the map; a start that lands on or before the previous
/// one (inside a rewritten region) or off a char boundary joins the token to the previous one.
/// `emit(token, i)` gets the index of the converted token each original token starts with.
fn map_back<'t>(
    text: &'t str,
    map: &OffsetMap,
    spans: impl Iterator<Item = (Span, TokenKind)>,
    mut emit: impl FnMut(Token<'t>, usize),
) {
    let mut current: Option<(usize, TokenKind, usize)> = None;
    let mut cursor = map.input_cursor();
    for (i, (span, kind)) in spans.enumerate() {
        let start = cursor.to_input_pos(span.start);
        match current {
            None => current = Some((0, kind, i)),
            Some((prev, prev_kind, prev_i)) => {
                if start > prev && start < text.len() && text.is_char_boundary(start) {
                    emit(Token::new(text, Span::new(prev, start), prev_kind), prev_i);
                    current = Some((start, kind, i));
                }
            }
        }
    }
    if let Some((prev, kind, i)) = current
        && prev < text.len()
    {
        emit(Token::new(text, Span::new(prev, text.len()), kind), i);
    }
}

/// Where [`JiebaSegmenter::overlay`] puts tokens: span, kind, and tag (`""` untagged).
trait Sink<'j> {
    /// About `n` tokens are coming.
    fn reserve(&mut self, n: usize);
    fn push(&mut self, span: Span, kind: TokenKind, tag: &'j str);
}

impl Sink<'static> for Vec<(Span, TokenKind)> {
    fn reserve(&mut self, n: usize) {
        Vec::reserve(self, n);
    }

    #[inline]
    fn push(&mut self, span: Span, kind: TokenKind, _tag: &'static str) {
        Vec::push(self, (span, kind));
    }
}

impl<'j> Sink<'j> for Vec<(Span, TokenKind, &'j str)> {
    fn reserve(&mut self, n: usize) {
        Vec::reserve(self, n);
    }

    #[inline]
    fn push(&mut self, span: Span, kind: TokenKind, tag: &'j str) {
        Vec::push(self, (span, kind, tag));
    }
}

/// Tokens of a piece of `text` that starts at `base`, straight into the caller's vector
/// (whose tokens from `floor` on are of `text`).
struct TokenSink<'a, 't> {
    text: &'t str,
    base: usize,
    out: &'a mut Vec<Token<'t>>,
    floor: usize,
}

impl Sink<'static> for TokenSink<'_, '_> {
    fn reserve(&mut self, n: usize) {
        self.out.reserve(n);
    }

    #[inline(always)]
    fn push(&mut self, span: Span, kind: TokenKind, _tag: &'static str) {
        push_joined(
            self.out,
            self.text,
            self.floor,
            Token::new(self.text, span.offset(self.base), kind),
        );
    }
}

/// Joins runs of whitespace, of `…`, `—` and `*` (a redaction: `***`), and of full-width
/// letters and digits into one token (with the tag of the first).
struct Merger<'a, 'j, F> {
    text: &'a str,
    pending: Option<(Span, TokenKind, &'j str)>,
    /// [`alphanumeric_run`] of the pending token, once asked.
    run: Option<Option<bool>>,
    sink: &'a mut F,
    /// Words of two of these characters that are not in the dictionary are cut in two.
    guard: Option<&'a FrequentChars>,
}

impl<'j, F: Sink<'j>> Merger<'_, 'j, F> {
    /// Pushes `word`, cut from the text at byte `start`.
    #[inline(always)]
    fn push_word(&mut self, start: usize, word: &impl Word<'j>) {
        let (i, j, text, tag) = word.parts();
        if let Some(frequent) = self.guard
            && let Some(tags) = frequent.unknown_pair(text)
        {
            // Two characters of three bytes each, with their own tags when tagging.
            let mid = start + i + 3;
            let tag_of = |k: usize| if tag.is_empty() { "" } else { tags[k] };
            self.push(Span::new(start + i, mid), TokenKind::Word, tag_of(0));
            self.push(Span::new(mid, start + j), TokenKind::Word, tag_of(1));
            return;
        }
        self.push(Span::new(i + start, j + start), classify(text), tag);
    }

    #[inline(always)]
    fn push(&mut self, span: Span, kind: TokenKind, tag: &'j str) {
        // Words, most tokens, never join either way: they go straight to the sink.
        if kind == TokenKind::Word {
            if let Some((prev, prev_kind, prev_tag)) = self.pending.take() {
                self.sink.push(prev, prev_kind, prev_tag);
            }
            self.sink.push(span, kind, tag);
            return;
        }
        if let Some((prev, prev_kind, prev_tag)) = &mut self.pending {
            let join = prev.end == span.start
                && match (*prev_kind, kind) {
                    (TokenKind::Space, TokenKind::Space) => true,
                    (TokenKind::Punct, TokenKind::Punct) => {
                        let (a, b) = (&self.text[prev.range()], &self.text[span.range()]);
                        matches!(b, "…" | "—" | "*" | "＊") && a.starts_with(b)
                    }
                    (
                        TokenKind::Latin | TokenKind::Number,
                        TokenKind::Latin | TokenKind::Number,
                    ) => {
                        // jieba keeps a run of ASCII letters and digits whole but cuts full-width
                        // ones (`ＷＴＯ`, `ＩＳＯ９０００`) character by character: join them. The
                        // pending run is read once, however long it grows.
                        let text = self.text;
                        let a =
                            *self.run.get_or_insert_with(|| alphanumeric_run(&text[prev.range()]));
                        match (a, alphanumeric_run(&text[span.range()])) {
                            (Some(a), Some(b)) if a || b => {
                                self.run = Some(Some(true));
                                true
                            }
                            _ => false,
                        }
                    }
                    _ => false,
                };
            if join {
                prev.end = span.end;
                if kind == TokenKind::Latin {
                    *prev_kind = TokenKind::Latin;
                }
                return;
            }
            self.sink.push(*prev, *prev_kind, prev_tag);
        }
        self.pending = Some((span, kind, tag));
        self.run = None;
    }

    fn finish(mut self) {
        if let Some((span, kind, tag)) = self.pending.take() {
            self.sink.push(span, kind, tag);
        }
    }
}

/// Builds a [`JiebaSegmenter`]: dictionaries, user words and options.
///
/// # Example
///
/// ```
/// use zhtext_core::Segmenter;
/// use zhtext_segment::{Figures, Hmm, JiebaSegmenter};
///
/// let segmenter = JiebaSegmenter::builder()
///     .user_words(&["区长领导干部会议"])
///     .user_dict("稳增长 1000 l\n".as_bytes())
///     .hmm(Hmm::Off)
///     .figures(Figures::Whole)
///     .build()?;
/// let tokens = segmenter.segment("区长领导干部会议");
/// assert_eq!(tokens.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct Builder {
    dict: Option<Result<String, Arc<std::io::Error>>>,
    user_dicts: Vec<Result<String, Arc<std::io::Error>>>,
    user_words: Vec<String>,
    domain: DomainDict,
    hmm: Hmm,
    figures: Figures,
    script: ScriptMode,
    t2s: Option<Arc<dyn Transform>>,
}

impl fmt::Debug for Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("custom_dict", &self.dict.is_some())
            .field("user_dicts", &self.user_dicts.len())
            .field("user_words", &self.user_words)
            .field("domain", &self.domain)
            .field("hmm", &self.hmm)
            .field("figures", &self.figures)
            .field("script", &self.script)
            .field("t2s", &self.t2s.is_some())
            .finish()
    }
}

fn read_all(mut reader: impl BufRead) -> Result<String, Arc<std::io::Error>> {
    let mut text = String::new();
    reader.read_to_string(&mut text).map_err(Arc::new)?;
    Ok(text)
}

impl Builder {
    /// Uses `dict` (jieba's format: `word [frequency] [tag]` per line) as the main dictionary
    /// instead of the embedded one. It is read now; errors come from [`Builder::build`].
    pub fn dict(&mut self, dict: impl BufRead) -> &mut Builder {
        self.dict = Some(read_all(dict));
        self
    }

    /// Adds a user dictionary (`word [frequency] [tag]` per line; a missing frequency is the
    /// lowest that keeps the word whole). It is read now; errors come from [`Builder::build`].
    pub fn user_dict(&mut self, dict: impl BufRead) -> &mut Builder {
        self.user_dicts.push(read_all(dict));
        self
    }

    /// Adds words to keep whole, each with the lowest frequency that does so.
    pub fn user_words(&mut self, words: &[&str]) -> &mut Builder {
        self.user_words.extend(words.iter().map(|w| (*w).to_owned()));
        self
    }

    /// Loads the bundled government and economic terms or not (default: on).
    pub fn domain_dict(&mut self, domain: DomainDict) -> &mut Builder {
        self.domain = domain;
        self
    }

    /// Turns jieba's HMM for unknown words on or off (default: on).
    pub fn hmm(&mut self, hmm: Hmm) -> &mut Builder {
        self.hmm = hmm;
        self
    }

    /// Keeps figures whole or leaves them to jieba (default: whole).
    pub fn figures(&mut self, figures: Figures) -> &mut Builder {
        self.figures = figures;
        self
    }

    /// Chooses the script to segment in (default: automatic).
    pub fn script(&mut self, script: ScriptMode) -> &mut Builder {
        self.script = script;
        self
    }

    /// Sets the Traditional → Simplified conversion used to segment Traditional text
    /// (default with feature `traditional`: zhtext-script's OpenCC t2s). It
    /// should map offsets precisely in [`Transform::apply_mapped`]; a coarse map still tiles
    /// but joins tokens.
    pub fn t2s(&mut self, t2s: impl Transform + 'static) -> &mut Builder {
        self.t2s = Some(Arc::new(t2s));
        self
    }

    /// Builds the segmenter.
    ///
    /// # Errors
    ///
    /// When a dictionary cannot be read, is not UTF-8, has a frequency that is not a number, or
    /// the main dictionary has no word; and when [`ScriptMode::Traditional`] is asked for
    /// without a converter.
    pub fn build(&self) -> Result<JiebaSegmenter, Error> {
        let t2s = self.t2s.clone().or_else(default_t2s);
        if self.script == ScriptMode::Traditional && t2s.is_none() {
            return Err(Error::new(ErrorKind::NoConverter));
        }
        let mut jieba = match &self.dict {
            Some(dict) => {
                let text = dict.as_ref().map_err(|e| Error::io(clone_io(e), None))?;
                let mut jieba = Jieba::empty();
                let mut words = 0;
                for_each_entry(text, |word, freq, tag| {
                    jieba.add_word(word, Some(freq.unwrap_or(0)), tag);
                    words += 1;
                })?;
                if words == 0 {
                    return Err(Error::new(ErrorKind::EmptyDictionary));
                }
                jieba
            }
            None => default_jieba()?,
        };
        let mut figure_words = HashSet::new();
        let mut keep = |word: &str| {
            if starts_with_figure(word) {
                figure_words.insert(Box::from(word));
            }
        };
        if self.domain == DomainDict::On {
            for_each_entry(DOMAIN_DICT, |word, freq, tag| {
                let freq = freq.unwrap_or(0).max(jieba.suggest_freq(word));
                jieba.add_word(word, Some(freq), tag);
                keep(word);
            })?;
        }
        for dict in &self.user_dicts {
            let text = dict.as_ref().map_err(|e| Error::io(clone_io(e), None))?;
            for_each_entry(text, |word, freq, tag| {
                jieba.add_word(word, freq, tag);
                keep(word);
            })?;
        }
        for word in &self.user_words {
            jieba.add_word(word, None, None);
            keep(word);
        }
        let frequent = (self.hmm == Hmm::On).then(|| Arc::new(FrequentChars::new(&jieba)));
        Ok(JiebaSegmenter {
            frequent,
            jieba: Arc::new(jieba),
            hmm: self.hmm,
            figures: self.figures,
            script: self.script,
            t2s,
            keywords: Arc::default(),
            figure_words: Arc::new(figure_words),
        })
    }
}

fn clone_io(err: &std::io::Error) -> std::io::Error {
    std::io::Error::new(err.kind(), err.to_string())
}

/// Whether text in [`ScriptMode::Auto`] is segmented through Simplified: when zhtext-script's
/// detection finds Traditional characters in it (a Traditional or a mixed text).
#[cfg(feature = "traditional")]
fn looks_traditional(text: &str) -> bool {
    use zhtext_script::{Script, detect_script};
    matches!(detect_script(text).script, Script::Traditional | Script::Mixed)
}

/// Without zhtext-script's detection, text goes through the converter that was set, which
/// leaves Simplified text as it is.
#[cfg(not(feature = "traditional"))]
fn looks_traditional(_text: &str) -> bool {
    true
}

/// OpenCC's t2s from zhtext-script, the converter used when none is set.
#[cfg(feature = "traditional")]
fn default_t2s() -> Option<Arc<dyn Transform>> {
    Some(Arc::new(zhtext_script::Converter::t2s()))
}

#[cfg(not(feature = "traditional"))]
fn default_t2s() -> Option<Arc<dyn Transform>> {
    None
}

#[cfg(feature = "default-dict")]
fn default_jieba() -> Result<Jieba, Error> {
    Ok(Jieba::new())
}

#[cfg(not(feature = "default-dict"))]
fn default_jieba() -> Result<Jieba, Error> {
    Err(Error::new(ErrorKind::EmptyDictionary))
}

/// Calls `f(word, frequency, tag)` for each entry of a dictionary in jieba's format. Empty
/// lines and lines starting with `#` are skipped.
fn for_each_entry(
    text: &str,
    mut f: impl FnMut(&str, Option<usize>, Option<&str>),
) -> Result<(), Error> {
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{FEFF}');
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = match fields.next() {
            Some(freq) => Some(freq.parse::<usize>().map_err(|_| Error::invalid_entry(i + 1))?),
            None => None,
        };
        f(word, freq, fields.next());
    }
    Ok(())
}

#[cfg(all(test, feature = "default-dict", feature = "traditional"))]
mod piece_tests {
    use std::sync::LazyLock;

    #[cfg(feature = "parallel")]
    use proptest::prelude::*;

    use super::*;

    static DEFAULT: LazyLock<JiebaSegmenter> = LazyLock::new(JiebaSegmenter::new);

    /// Real documents, Simplified and converted to Traditional.
    fn documents() -> Vec<String> {
        let docs = [
            include_str!("../testdata/docs/speech-2022.in.txt"),
            include_str!("../testdata/docs/figures.in.txt"),
        ];
        let mut out = Vec::new();
        for doc in docs {
            out.push(doc.to_owned());
            out.push(zhtext_script::Converter::s2t().apply(doc).into_owned());
        }
        out
    }

    /// The whole of `text` as one piece, as `segment` did before it cut long texts.
    fn in_one_piece(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let convert = DEFAULT.wants_conversion(text);
        DEFAULT.segment_piece(text, Span::new(0, text.len()), convert, &mut out, 0);
        out
    }

    /// Long texts are segmented (and tagged) a piece at a time with the same result as in one
    /// go.
    #[test]
    fn long_texts_are_cut_as_in_one_piece() {
        for doc in documents() {
            // As pasted, and with paragraphs indented by two ideographic spaces, so that
            // whitespace runs cross piece boundaries.
            let indented: String = doc.lines().map(|l| format!("\u{3000}\u{3000}{l}\n")).collect();
            // And scraped into one line, so that pieces end at sentence ends.
            let one_line = doc.replace('\n', "");
            for doc in [doc, indented, one_line] {
                let text = doc.repeat(1 + 3 * PIECE_BYTES / doc.len());
                assert!(text.len() > 3 * PIECE_BYTES);
                let tokens = DEFAULT.segment(&text);
                assert_eq!(tokens, in_one_piece(&text));
                let tagged: Vec<Token<'_>> =
                    DEFAULT.tag(&text).into_iter().map(|(t, _)| t).collect();
                assert_eq!(tagged, tokens, "tag cuts long texts as segment does");
            }
        }
    }

    /// Search terms of long texts come a piece at a time with the same result as in one go.
    #[test]
    fn long_texts_give_the_same_search_terms_in_pieces() {
        for doc in documents() {
            let indented: String = doc.lines().map(|l| format!("\u{3000}\u{3000}{l}\n")).collect();
            let one_line = doc.replace('\n', "");
            for doc in [doc, indented, one_line] {
                let text = doc.repeat(1 + 3 * PIECE_BYTES / doc.len());
                let terms = DEFAULT.search_terms(&text);
                assert_eq!(terms, DEFAULT.search_terms_in_pieces(&text, usize::MAX));
                assert_eq!(terms, DEFAULT.search_terms_in_pieces(&text, 1));
                // The precise tokens are among the terms, in order.
                let mut rest = terms.iter();
                let tokens = DEFAULT.segment(&text);
                assert!(tokens.iter().all(|t| rest.any(|term| term == t)));
            }
        }
    }

    /// Tokens already in the vector are left alone, even whitespace that meets the new text.
    #[test]
    fn segment_into_leaves_earlier_tokens_alone() {
        let text = "\n\u{3000}\u{3000}增长8.8%。\n";
        let mut out = DEFAULT.segment(text);
        let before = out.clone();
        DEFAULT.segment_into(text, &mut out);
        assert_eq!(out[..before.len()], before[..]);
        assert_eq!(out[before.len()..], before[..]);
    }

    #[cfg(feature = "parallel")]
    fn lines() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "。",
            "！",
            "？",
            "ＷＴＯ",
            "Ａ",
            "１",
            "第一",
            "统一",
            "\n",
            "\n",
            "\r\n",
            " ",
            "\u{3000}",
            "\t",
            "區長",
            "會議",
            "发展",
            "增长",
            "8.8%",
            "158亿元",
            "百分之八点八",
            "1-7月",
            "……",
            "—",
            "，",
            "。",
            "abc",
            "😀",
            "坏",
            "0",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    /// Documents cut into pieces as small as one line (or one sentence) give the same tokens.
    #[cfg(feature = "parallel")]
    #[test]
    fn pieces_of_real_documents_give_the_same_tokens() {
        for text in documents().into_iter().flat_map(|d| [d.replace('\n', ""), d]) {
            let whole = in_one_piece(&text);
            for target in [1, 100, 4096] {
                assert_eq!(DEFAULT.segment_in_pieces(&text, target), whole, "target {target}");
            }
        }
    }

    #[cfg(feature = "parallel")]
    proptest! {
        #[test]
        fn pieces_give_the_same_tokens(text in lines(), target in 1usize..24) {
            prop_assert_eq!(DEFAULT.segment_in_pieces(&text, target), in_one_piece(&text));
        }
    }
}
