//! [`PageCleaner`]: a scraped page in, its clean text, title, articles and a report out.
//!
//! This is the `zhtext clean` job as a library call: decode the bytes, clean the text
//! (mojibake, widths, punctuation, spaces, pinyin glosses), strip the site chrome, split the
//! articles, and convert the script. Every removed line and every repair is reported, and
//! [`Page::to_input`] maps a span of the clean text back to the decoded input.

use zhtext_boilerplate::{Mode, Stripper};
use zhtext_core::{OffsetMap, Span, Transform};
use zhtext_decode::{Cleaner, Decoder};
use zhtext_script::{Config, Converter, Script, detect_script};

/// The script a [`PageCleaner`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TargetScript {
    /// Leave the script as found.
    #[default]
    Keep,
    /// Simplified Chinese (OpenCC `t2s`).
    Simplified,
    /// Traditional Chinese, OpenCC standard (`s2t`).
    Traditional,
    /// Traditional Chinese, Taiwan standard (`s2tw`, `t2tw`).
    Taiwan,
    /// Traditional Chinese, Hong Kong standard (`s2hk`, `t2hk`).
    HongKong,
}

impl TargetScript {
    /// The conversion that turns text detected as `found` into this script, or `None` when
    /// the text is already there (or the target is [`TargetScript::Keep`]).
    #[must_use]
    pub fn config_for(self, found: Script) -> Option<Config> {
        let simplified = matches!(found, Script::Simplified);
        let traditional = matches!(found, Script::Traditional);
        match self {
            TargetScript::Keep => None,
            TargetScript::Simplified if simplified => None,
            TargetScript::Simplified => Some(Config::T2s),
            TargetScript::Traditional if traditional => None,
            TargetScript::Traditional => Some(Config::S2t),
            TargetScript::Taiwan if traditional => Some(Config::T2tw),
            TargetScript::Taiwan => Some(Config::S2tw),
            TargetScript::HongKong if traditional => Some(Config::T2hk),
            TargetScript::HongKong => Some(Config::S2hk),
        }
    }
}

/// What a [`PageCleaner`] does with site chrome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Boilerplate {
    /// Remove it and report each removed line (the default).
    #[default]
    Remove,
    /// Keep every line, and report the lines that would have been removed.
    Keep,
}

/// Decodes, cleans, strips and converts pages; see the [module docs](self).
///
/// # Example
///
/// ```
/// use zhtext::page::{PageCleaner, TargetScript};
///
/// let cleaner = PageCleaner::builder().target(TargetScript::Simplified).build();
/// let page = cleaner.clean("同志們:\r\n全區生產總值增長８．８％。\r\n".as_bytes());
/// assert_eq!(page.text, "同志们：\n全区生产总值增长8.8%。\n");
/// let at = page.text.find("8.8%").unwrap();
/// let span = page.to_input(zhtext::core::Span::new(at, at + 4));
/// assert_eq!(&page.input[span.range()], "８．８％");
/// ```
#[derive(Clone, Debug)]
pub struct PageCleaner {
    decoder: Decoder,
    cleaner: Cleaner,
    stripper: Stripper,
    target: TargetScript,
}

impl Default for PageCleaner {
    fn default() -> PageCleaner {
        PageCleaner::new()
    }
}

/// Builds a [`PageCleaner`].
#[derive(Clone, Debug, Default)]
pub struct PageCleanerBuilder {
    decoder: Option<Decoder>,
    cleaner: Option<Cleaner>,
    target: TargetScript,
    boilerplate: Boilerplate,
}

impl PageCleanerBuilder {
    /// Decodes with `decoder` (default: automatic detection).
    pub fn decoder(&mut self, decoder: Decoder) -> &mut Self {
        self.decoder = Some(decoder);
        self
    }

    /// Cleans with `cleaner` (default: [`Cleaner::new`]).
    pub fn cleaner(&mut self, cleaner: Cleaner) -> &mut Self {
        self.cleaner = Some(cleaner);
        self
    }

    /// Writes the text in `target` (default: [`TargetScript::Keep`]).
    pub fn target(&mut self, target: TargetScript) -> &mut Self {
        self.target = target;
        self
    }

    /// Removes or keeps site chrome (default: [`Boilerplate::Remove`]).
    pub fn boilerplate(&mut self, boilerplate: Boilerplate) -> &mut Self {
        self.boilerplate = boilerplate;
        self
    }

    /// The cleaner.
    #[must_use]
    pub fn build(&self) -> PageCleaner {
        let mode = match self.boilerplate {
            Boilerplate::Remove => Mode::Remove,
            Boilerplate::Keep => Mode::Mark,
        };
        PageCleaner {
            decoder: self.decoder.clone().unwrap_or_default(),
            cleaner: self.cleaner.unwrap_or_default(),
            stripper: Stripper::builder().mode(mode).build(),
            target: self.target,
        }
    }
}

impl PageCleaner {
    /// A cleaner with the defaults: detect the encoding, remove chrome, keep the script.
    #[must_use]
    pub fn new() -> PageCleaner {
        PageCleaner::builder().build()
    }

    /// A builder.
    #[must_use]
    pub fn builder() -> PageCleanerBuilder {
        PageCleanerBuilder::default()
    }

    /// Decodes `bytes` (any supported encoding) and cleans the page.
    #[must_use]
    pub fn clean(&self, bytes: &[u8]) -> Page {
        let decoded = self.decoder.decode(bytes);
        let mut page = self.clean_str(decoded.text());
        page.encoding = decoded.encoding().name();
        page.flags.malformed_bytes = decoded.malformed();
        page
    }

    /// Cleans a page that is already UTF-8.
    #[must_use]
    pub fn clean_str(&self, input: &str) -> Page {
        let cleaned = self.cleaner.clean(input);
        let report = cleaned.report;
        let stripped = self.stripper.strip(&cleaned.text);
        let map = cleaned.map.compose(&stripped.map);

        let lines = LineIndex::new(input);
        let removed = stripped
            .removed
            .iter()
            .map(|r| {
                let span = cleaned.map.to_input(r.span);
                RemovedLine {
                    line: lines.line_of(span.start),
                    text: r.text.clone(),
                    reason: r.reason.as_str(),
                }
            })
            .collect();

        let script = detect_script(&stripped.text).script;
        let mut page = Page {
            input: input.to_owned(),
            encoding: "utf-8",
            script,
            title: stripped.title,
            text: stripped.text,
            articles: Vec::new(),
            removed,
            flags: PageFlags {
                placeholders: stripped.flags.placeholders,
                lost_chars: report.lost_chars,
                pinyin_removed: report.pinyin_removed,
                mojibake_repaired: report.mojibake_repaired,
                malformed_bytes: 0,
                private_use: report.private_use,
                lost_lines_dropped: report.lines_dropped,
                duplicated_paragraphs: stripped.flags.duplicated_paragraphs,
                repeated_title: stripped.flags.repeated_title,
                uncertain_lines: stripped.flags.uncertain_lines,
            },
            map,
        };

        let converter = self.target.config_for(script).map(Converter::new);
        let mut article_map = OffsetMap::new();
        if let Some(converter) = &converter {
            let converted = converter.apply_mapped(&page.text, &mut article_map).into_owned();
            page.text = converted;
            page.map = page.map.compose(&article_map);
            page.title = page.title.map(|t| converter.apply(&t).into_owned());
        }
        page.articles = stripped
            .articles
            .into_iter()
            .map(|article| {
                let (title, text) = match &converter {
                    Some(converter) => {
                        let span = article_map.to_output(article.span);
                        let text = page.text.get(span.range()).map_or_else(
                            || converter.apply(&article.text).into_owned(),
                            str::to_owned,
                        );
                        (article.title.map(|t| converter.apply(&t).into_owned()), text)
                    }
                    None => (article.title, article.text),
                };
                PageArticle { title, text }
            })
            .collect();
        page
    }
}

/// A cleaned page.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Page {
    /// The decoded input, before any cleaning.
    pub input: String,
    /// The encoding the input was decoded from (`"utf-8"`, `"gb18030"`, `"big5"` …).
    pub encoding: &'static str,
    /// The script the page was written in, as detected after cleaning.
    pub script: Script,
    /// The page title, when one was found.
    pub title: Option<String>,
    /// The clean text.
    pub text: String,
    /// The articles of the page: one for a plain page, one per speech in a compilation.
    pub articles: Vec<PageArticle>,
    /// The lines taken out as site chrome (or, with [`Boilerplate::Keep`], that would have
    /// been).
    pub removed: Vec<RemovedLine>,
    /// Repairs and quality problems.
    pub flags: PageFlags,
    /// Maps spans of [`Page::text`] back to [`Page::input`].
    pub map: OffsetMap,
}

impl Page {
    /// The span of [`Page::input`] that `span` of [`Page::text`] came from.
    #[must_use]
    pub fn to_input(&self, span: Span) -> Span {
        self.map.to_input(span)
    }
}

/// A line taken out of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemovedLine {
    /// The 1-based line number in the decoded input.
    pub line: usize,
    /// The line, as cleaned.
    pub text: String,
    /// Why it went (`"site_intro"`, `"metadata"`, `"related_list"` …).
    pub reason: &'static str,
}

/// One article of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageArticle {
    /// Its title, when it has one.
    pub title: Option<String>,
    /// Its text.
    pub text: String,
}

/// Counts of what was repaired, lost or doubtful on a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageFlags {
    /// Template placeholders (`X亿元`, `XX书记`, `**区`).
    pub placeholders: usize,
    /// Characters a converter lost before the page was published (`?` inside Chinese text).
    pub lost_chars: usize,
    /// Pinyin glosses removed (`區(qū)` → `區`).
    pub pinyin_removed: usize,
    /// Mojibake spans turned back into Chinese.
    pub mojibake_repaired: usize,
    /// Malformed byte sequences in the input, decoded as U+FFFD.
    pub malformed_bytes: usize,
    /// Private-use code points found.
    pub private_use: usize,
    /// Lines dropped by cleanup because nothing readable was left in them.
    pub lost_lines_dropped: usize,
    /// Long paragraphs that appear more than once.
    pub duplicated_paragraphs: usize,
    /// The title is repeated at the end of the page.
    pub repeated_title: bool,
    /// Lines kept although they look a little like chrome.
    pub uncertain_lines: usize,
}

/// Line numbers of byte offsets.
#[derive(Debug)]
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers() {
        let index = LineIndex::new("a\nbb\n\nc");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(1), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(5), 3);
        assert_eq!(index.line_of(6), 4);
        assert_eq!(index.line_of(100), 4);
    }
}
