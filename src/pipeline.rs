//! [`Pipeline`]: stages assembled at run time, and the [`Document`] it produces.

use std::fmt;

use zhtext_core::{Extractor, Input, OffsetMap, Segmenter, Span, Token, TokenKind, Transform};

/// Transforms run in order, then an optional segmenter, assembled at run time.
///
/// Stages are boxed so a program (the `zhtext` CLI) can choose them from flags; for stages
/// known at compile time, [`Transform::then`] composes them without boxing.
///
/// # Example
///
/// ```
/// # #[cfg(all(feature = "decode", feature = "convert"))] {
/// use zhtext::Pipeline;
/// use zhtext::decode::Cleanup;
/// use zhtext::script::Converter;
///
/// let pipeline = Pipeline::builder()
///     .transform(Cleanup::new())
///     .transform(Converter::t2s())
///     .build();
/// let doc = pipeline.run_str("全區生產總值增長８．８％");
/// assert_eq!(doc.text(), "全区生产总值增长8.8%");
/// // "8.8%" in the output came from "８．８％" in the input.
/// let at = doc.text().find("8.8%").unwrap();
/// let span = doc.to_input(zhtext::core::Span::new(at, at + 4));
/// assert_eq!(&doc.input()[span.range()], "８．８％");
/// # }
/// ```
pub struct Pipeline {
    #[cfg(feature = "decode")]
    decoder: zhtext_decode::Decoder,
    transforms: Vec<Box<dyn Transform>>,
    segmenter: Option<Box<dyn Segmenter>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pipeline")
            .field("transforms", &self.transforms.len())
            .field("segmenter", &self.segmenter.is_some())
            .finish_non_exhaustive()
    }
}

/// Builds a [`Pipeline`].
#[derive(Default)]
pub struct PipelineBuilder {
    #[cfg(feature = "decode")]
    decoder: Option<zhtext_decode::Decoder>,
    transforms: Vec<Box<dyn Transform>>,
    segmenter: Option<Box<dyn Segmenter>>,
}

impl fmt::Debug for PipelineBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PipelineBuilder")
            .field("transforms", &self.transforms.len())
            .field("segmenter", &self.segmenter.is_some())
            .finish_non_exhaustive()
    }
}

impl PipelineBuilder {
    /// Uses `decoder` for [`Pipeline::run`] instead of the default automatic detection.
    #[cfg(feature = "decode")]
    pub fn decoder(&mut self, decoder: zhtext_decode::Decoder) -> &mut Self {
        self.decoder = Some(decoder);
        self
    }

    /// Appends a transform stage.
    pub fn transform(&mut self, stage: impl Transform + 'static) -> &mut Self {
        self.transforms.push(Box::new(stage));
        self
    }

    /// Appends a boxed transform stage.
    pub fn boxed_transform(&mut self, stage: Box<dyn Transform>) -> &mut Self {
        self.transforms.push(stage);
        self
    }

    /// Segments the final text with `segmenter`.
    pub fn segmenter(&mut self, segmenter: impl Segmenter + 'static) -> &mut Self {
        self.segmenter = Some(Box::new(segmenter));
        self
    }

    /// The pipeline. The builder is left empty.
    pub fn build(&mut self) -> Pipeline {
        Pipeline {
            #[cfg(feature = "decode")]
            decoder: self.decoder.take().unwrap_or_default(),
            transforms: std::mem::take(&mut self.transforms),
            segmenter: self.segmenter.take(),
        }
    }
}

impl Pipeline {
    /// A builder with no stages.
    #[must_use]
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Decodes `bytes` (any supported encoding) and runs the stages.
    #[cfg(feature = "decode")]
    #[must_use]
    pub fn run(&self, bytes: &[u8]) -> Document {
        let decoded = self.decoder.decode(bytes);
        let encoding = Some(decoded.encoding().name());
        let mut doc = self.run_str(decoded.text());
        doc.encoding = encoding;
        doc
    }

    /// Runs the stages on text that is already UTF-8.
    #[must_use]
    pub fn run_str(&self, input: &str) -> Document {
        let mut text = input.to_owned();
        let mut map = OffsetMap::new();
        let mut stage_map = OffsetMap::new();
        for stage in &self.transforms {
            let out = stage.apply_mapped(&text, &mut stage_map);
            if let std::borrow::Cow::Owned(out) = out {
                text = out;
                map = map.compose(&stage_map);
            }
        }
        let tokens = match &self.segmenter {
            Some(segmenter) => {
                segmenter.segment(&text).iter().map(|t| (t.span(), t.kind())).collect()
            }
            None => Vec::new(),
        };
        Document { input: input.to_owned(), encoding: None, text, map, tokens }
    }
}

/// The result of a [`Pipeline`]: the input, the output text, the map between them and the
/// tokens.
#[derive(Clone, Debug)]
pub struct Document {
    input: String,
    encoding: Option<&'static str>,
    text: String,
    map: OffsetMap,
    tokens: Vec<(Span, TokenKind)>,
}

impl Document {
    /// The decoded input, before any stage.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The name of the encoding the input was decoded from (`"utf-8"`, `"gb18030"` …), when
    /// the pipeline decoded bytes.
    #[must_use]
    pub fn encoding(&self) -> Option<&'static str> {
        self.encoding
    }

    /// The text after every stage.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The map from [`Document::text`] back to [`Document::input`].
    #[must_use]
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The span of the input that `span` of the output text came from.
    #[must_use]
    pub fn to_input(&self, span: Span) -> Span {
        self.map.to_input(span)
    }

    /// The tokens of the output text (empty when the pipeline has no segmenter).
    #[must_use]
    pub fn tokens(&self) -> Vec<Token<'_>> {
        self.tokens.iter().map(|&(span, kind)| Token::new(&self.text, span, kind)).collect()
    }

    /// Runs `extractor` on the output text, with its tokens when there are any. Item spans
    /// are in the output text; [`Document::to_input`] maps them back.
    pub fn extract<E: Extractor>(&self, extractor: &E) -> Vec<E::Item> {
        let tokens = self.tokens();
        let mut input = Input::new(&self.text);
        if !tokens.is_empty() {
            input = input.with_tokens(&tokens);
        }
        let mut out = Vec::new();
        extractor.extract_into(&input, &mut out);
        out
    }
}
