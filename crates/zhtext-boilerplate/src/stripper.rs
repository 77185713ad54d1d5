//! The [`Stripper`]: lines in, kept text, removed lines, articles and flags out.

use std::borrow::Cow;
use std::sync::Arc;

use zhtext_core::{OffsetMap, Span, Transform};

use crate::articles::{self, Article, OutLine};
use crate::flags::{self, Duplicates, Flags};
use crate::lines::{self, Line};
use crate::reason::Reason;
use crate::rules::RuleSet;
use crate::smoothing::{self, Decision};

/// What the stripper does with boilerplate lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Remove them (the default).
    #[default]
    Remove,
    /// Keep every line and only report what would be removed (`--keep-boilerplate`).
    Mark,
}

/// Removes site chrome from a plain-text page, line by line, and splits compilations into
/// articles.
///
/// Cheap to clone (the compiled rules are shared) and usable from many threads.
///
/// # Example
///
/// ```
/// use zhtext_boilerplate::{Reason, Stripper};
///
/// let page = "下面是小编为大家整理的区长讲话，供大家参考。\n区长讲话\n同志们：\n今天召开全区经济工作会议，主要任务是总结工作、部署任务。\nCopyright © 2015-2024 范文网 版权所有\n";
/// let stripped = Stripper::new().strip(page);
/// assert_eq!(stripped.text, "区长讲话\n同志们：\n今天召开全区经济工作会议，主要任务是总结工作、部署任务。\n");
/// assert_eq!(stripped.removed[0].reason, Reason::SiteIntro);
/// assert_eq!(stripped.removed[1].reason, Reason::Copyright);
/// assert_eq!(stripped.title.as_deref(), Some("区长讲话"));
/// ```
#[derive(Clone, Debug)]
pub struct Stripper {
    rules: Arc<RuleSet>,
    mode: Mode,
}

/// Configures a [`Stripper`].
#[derive(Clone, Debug, Default)]
pub struct Builder {
    mode: Mode,
}

impl Builder {
    /// Whether boilerplate is removed ([`Mode::Remove`], the default) or only reported.
    pub fn mode(&mut self, mode: Mode) -> &mut Builder {
        self.mode = mode;
        self
    }

    /// Builds the stripper (compiles the rules).
    #[must_use]
    pub fn build(&self) -> Stripper {
        Stripper { rules: Arc::new(RuleSet::new()), mode: self.mode }
    }
}

impl Default for Stripper {
    fn default() -> Stripper {
        Stripper::new()
    }
}

/// One line removed (or, in [`Mode::Mark`], that would be removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the input text.
    pub line: usize,
    /// The removed bytes in the input: the line without its line break, or a label such as
    /// `文章标题：` cut off the start of a kept line.
    pub span: Span,
    /// The removed text (`&input[span]`).
    pub text: String,
    /// Why it was removed.
    pub reason: Reason,
}

/// The result of [`Stripper::strip`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripped {
    /// The kept text; in [`Mode::Mark`] the input unchanged.
    pub text: String,
    /// Offsets of `text` back to the input: every removed line is a deletion.
    pub map: OffsetMap,
    /// The page title: the first article's title, or the heading line at the top of the page.
    pub title: Option<String>,
    /// Every line removed (or that would be removed), in order.
    pub removed: Vec<Removed>,
    /// The articles of the page, in order: at least one when the kept text is not blank,
    /// one per speech in a compilation. Spans are in `text`.
    pub articles: Vec<Article>,
    /// Quality flags.
    pub flags: Flags,
}

/// The per-line plan for a text.
struct Plan {
    lines: Vec<Line>,
    decisions: Vec<Decision>,
    /// Blank lines dropped with a removed run (not reported).
    dropped: Vec<bool>,
    any_change: bool,
}

impl Stripper {
    /// A stripper with the default settings ([`Mode::Remove`]).
    #[must_use]
    pub fn new() -> Stripper {
        Builder::default().build()
    }

    /// A builder to configure a stripper.
    #[must_use]
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The mode this stripper runs in.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    fn plan(&self, text: &str) -> Plan {
        let mut lines = lines::split(text);
        for line in &mut lines {
            line.class = lines::classify(&self.rules, &text[line.trim_start..line.trim_end]);
        }
        let decisions = smoothing::decide(text, &lines);
        let dropped = drop_blanks(&lines, &decisions);
        let any_change = decisions.iter().any(|d| !matches!(d, Decision::Keep { .. }));
        Plan { lines, decisions, dropped, any_change }
    }

    /// Strips `text`: the kept text, its offset map, the removed lines with their reasons, the
    /// articles, the title and the quality flags.
    #[must_use]
    pub fn strip(&self, text: &str) -> Stripped {
        let plan = self.plan(text);
        let mark = self.mode == Mode::Mark;
        let mut out = String::with_capacity(if mark { 0 } else { text.len() });
        let mut map = OffsetMap::new();
        let positions = emit(text, &plan, if mark { None } else { Some((&mut out, &mut map)) });
        let output: &str = if mark { text } else { &out };

        let mut removed = Vec::new();
        for (i, (line, d)) in plan.lines.iter().zip(&plan.decisions).enumerate() {
            match *d {
                Decision::Remove(reason) => removed.push(Removed {
                    line: i + 1,
                    span: Span::new(line.start, line.end),
                    text: text[line.start..line.end].to_owned(),
                    reason,
                }),
                Decision::CutLabel(n) => removed.push(Removed {
                    line: i + 1,
                    span: Span::new(line.trim_start, line.trim_start + n),
                    text: text[line.trim_start..line.trim_start + n].to_owned(),
                    reason: Reason::Metadata,
                }),
                Decision::Keep { .. } => {}
            }
        }

        // Kept lines as they are in the output.
        let mut kept: Vec<OutLine<'_>> = Vec::new();
        let mut flags = Flags::default();
        let mut duplicates = Duplicates::default();
        for (index, ((line, d), pos)) in
            plan.lines.iter().zip(&plan.decisions).zip(&positions).enumerate()
        {
            let (Some((out_start, out_end)), false) = (*pos, line.is_blank()) else { continue };
            let labelled = matches!(d, Decision::CutLabel(_));
            if matches!(d, Decision::Keep { uncertain: true }) {
                flags.uncertain_lines += 1;
            }
            let content = &output[out_start..out_end];
            flags.placeholders += flags::placeholders(content);
            duplicates.add(content);
            kept.push(OutLine {
                out_start,
                out_end,
                text: content,
                class: &line.class,
                labelled,
                line: index,
            });
        }
        flags.duplicated_paragraphs = duplicates.count;

        let mut articles = articles::split(output, &kept);
        // The heading line at the top of the page, before any running text.
        let heading = kept
            .iter()
            .take_while(|l| !l.class.prose)
            .find(|l| l.class.title_like && !l.class.salutation && l.class.marker.is_none());
        if let (Some(first), Some(h)) = (articles.first_mut(), heading)
            && first.title.is_none()
            && first.span.start <= h.out_start
            && h.out_end <= first.span.end
        {
            first.title = Some(h.text.to_owned());
        }
        let title = articles
            .first()
            .and_then(|a| a.title.clone())
            .or_else(|| heading.map(|h| h.text.to_owned()));
        if let (Some(t), Some(last)) = (&title, kept.last())
            && kept.len() > 1
            && last.class.title_like
        {
            let first = kept[0].text;
            flags.repeated_title =
                last.text == t || (last.text == first && first.contains(t.as_str()));
        }
        let text_out = if mark { text.to_owned() } else { out };
        Stripped { text: text_out, map, title, removed, articles, flags }
    }
}

/// Blank lines to drop: in a run of blank and removed lines holding at least one removed
/// line, all blanks go at the start and end of the text, and all but the first elsewhere.
fn drop_blanks(lines: &[Line], decisions: &[Decision]) -> Vec<bool> {
    let mut dropped = vec![false; lines.len()];
    let gone = |i: usize| matches!(decisions[i], Decision::Remove(_));
    let mut i = 0;
    while i < lines.len() {
        if !(lines[i].is_blank() || gone(i)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && (lines[i].is_blank() || gone(i)) {
            i += 1;
        }
        if !(start..i).any(gone) {
            continue;
        }
        let at_edge = start == 0 || i == lines.len();
        let mut first_blank = true;
        for j in start..i {
            if lines[j].is_blank() {
                dropped[j] = at_edge || !first_blank;
                first_blank = false;
            }
        }
    }
    dropped
}

/// Writes the kept text to `sink` (when removing) and returns, for every kept line, where its
/// trimmed content (after a cut label) is in the output.
fn emit(
    text: &str,
    plan: &Plan,
    mut sink: Option<(&mut String, &mut OffsetMap)>,
) -> Vec<Option<(usize, usize)>> {
    let mut positions = Vec::with_capacity(plan.lines.len());
    let removing = sink.is_some();
    let mut shift = 0usize; // bytes deleted so far
    let mut copied = 0usize; // input copied up to here
    let mut delete = |from: usize, to: usize, shift: &mut usize, copied: &mut usize| {
        if let Some((out, map)) = sink.as_mut() {
            out.push_str(&text[*copied..from]);
            map.push(Span::new(from, to), Span::new(out.len(), out.len()));
            *copied = to;
        }
        *shift += to - from;
    };
    for (i, line) in plan.lines.iter().enumerate() {
        let d = plan.decisions[i];
        let gone = matches!(d, Decision::Remove(_)) || plan.dropped[i];
        if gone {
            if removing {
                delete(line.start, line.next, &mut shift, &mut copied);
            }
            positions.push(None);
            continue;
        }
        let mut content_start = line.trim_start;
        if let Decision::CutLabel(n) = d {
            if removing {
                delete(line.trim_start, line.trim_start + n, &mut shift, &mut copied);
            }
            content_start = line.trim_start + n;
        }
        let shift_now = if removing { shift } else { 0 };
        let start = content_start - shift_now;
        let end = line.trim_end.max(content_start) - shift_now;
        positions.push(Some((start, end)));
    }
    if let Some((out, _)) = sink {
        out.push_str(&text[copied..]);
    }
    positions
}

impl Stripper {
    fn run<'a>(&self, input: &'a str, map: Option<&mut OffsetMap>) -> Cow<'a, str> {
        let mut map = map;
        if let Some(m) = map.as_deref_mut() {
            m.clear();
        }
        if self.mode == Mode::Mark {
            return Cow::Borrowed(input);
        }
        let plan = self.plan(input);
        if !plan.any_change && !plan.dropped.iter().any(|&d| d) {
            return Cow::Borrowed(input);
        }
        let mut out = String::with_capacity(input.len());
        let mut scratch = OffsetMap::new();
        let target = map.unwrap_or(&mut scratch);
        emit(input, &plan, Some((&mut out, target)));
        Cow::Owned(out)
    }
}

impl Transform for Stripper {
    /// The kept lines (in [`Mode::Mark`], the input unchanged).
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        self.run(input, None)
    }

    /// Like [`Transform::apply`], with an exact map: each removed line is a deletion.
    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        self.run(input, Some(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `SHOW=path cargo test -p zhtext-boilerplate show_plan -- --nocapture` prints the plan.
    #[test]
    fn show_plan() {
        let Some(path) = std::env::var_os("SHOW") else { return };
        let text = std::fs::read_to_string(path).expect("readable");
        let plan = Stripper::new().plan(&text);
        for (i, (l, d)) in plan.lines.iter().zip(&plan.decisions).enumerate() {
            if l.is_blank() {
                continue;
            }
            let t: String = text[l.trim_start..l.trim_end].chars().take(40).collect();
            let c = &l.class;
            println!(
                "{:>4} {:?} best={:?} p={} t={} s={} e={} {t}",
                i + 1,
                d,
                c.best,
                u8::from(c.prose),
                u8::from(c.title_like),
                u8::from(c.salutation),
                u8::from(c.enumerated)
            );
        }
    }
}
