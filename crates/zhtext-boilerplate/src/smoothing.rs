//! Zones and neighbour smoothing: from per-line scores to keep/remove decisions.
//!
//! The body of a page runs from its first to its last line of running text that no rule
//! claims; lines before it are the header zone, lines after it the footer zone. A score is
//! raised by one in the header and footer zones and lowered by one for running text in the
//! body. Then, as jusText does for paragraphs, short lines are judged by their neighbours:
//! - the short titles after a related-list heading (`相关文章：`) belong to the list;
//! - in the footer, a run of three or more short titles next to removed lines is a list;
//! - a run of up to three short, ambiguous lines between two removed lines is removed in the
//!   footer (and in the header when the lines have some score or no Chinese), kept in the
//!   body;
//! - a title repeated in the header (the page title and the article heading) is removed once.
//!
//! Salutations, article markers and running text in the body are never removed by context.

use crate::lines::Line;
use crate::reason::Reason;

/// A score at which a line is removed.
pub(crate) const REMOVE: i16 = 4;
/// A score at which a kept line counts as uncertain.
pub(crate) const UNCERTAIN: i16 = 2;
/// Longest run of ambiguous lines that neighbours can carry away.
const MAX_RUN: usize = 3;

/// Where a line is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    Header,
    Body,
    Footer,
}

/// What happens to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Kept; `uncertain` when some rule found it doubtful.
    Keep { uncertain: bool },
    /// Removed.
    Remove(Reason),
    /// The first `n` bytes after the trimmed start (a title label) are removed.
    CutLabel(usize),
}

impl Decision {
    fn removed(self) -> bool {
        matches!(self, Decision::Remove(_))
    }
}

/// Decides every line of `text`.
pub(crate) fn decide(text: &str, lines: &[Line]) -> Vec<Decision> {
    let body: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.class.prose && l.class.best.is_none_or(|(_, s)| s < REMOVE))
        .map(|(i, _)| i)
        .collect();
    let (first, last) = match (body.first(), body.last()) {
        (Some(&f), Some(&l)) => (f, l),
        // No running text: everything is body, judged on its own.
        _ => (0, usize::MAX),
    };
    let zone = |i: usize| {
        if last == usize::MAX {
            Zone::Body
        } else if i < first {
            Zone::Header
        } else if i > last {
            Zone::Footer
        } else {
            Zone::Body
        }
    };

    let mut out: Vec<Decision> = Vec::with_capacity(lines.len());
    let mut header_titles: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let c = &line.class;
        if line.is_blank() {
            out.push(Decision::Keep { uncertain: false });
            continue;
        }
        let trimmed = &text[line.trim_start..line.trim_end];
        let protected = c.salutation || c.marker.is_some();
        let z = zone(i);
        if let Some(n) = c.title_label {
            let rest = trimmed[n..].trim_start_matches(crate::lines::is_space);
            out.push(if rest.is_empty() {
                Decision::Remove(Reason::Metadata)
            } else if z == Zone::Header && header_titles.contains(&rest) {
                // The same heading again once the label is gone.
                Decision::Remove(Reason::Junk)
            } else {
                if z == Zone::Header {
                    header_titles.push(rest);
                }
                Decision::CutLabel(trimmed.len() - rest.len())
            });
            continue;
        }
        let mut decision = Decision::Keep { uncertain: false };
        if let Some((reason, raw)) = c.best {
            let score = match z {
                Zone::Header | Zone::Footer => raw + 1,
                Zone::Body if c.prose => raw - 1,
                Zone::Body => raw,
            };
            if score >= REMOVE && !protected {
                decision = Decision::Remove(reason);
            } else if score >= UNCERTAIN {
                decision = Decision::Keep { uncertain: true };
            }
        }
        if z == Zone::Header && !decision.removed() && c.title_like && !protected {
            if header_titles.contains(&trimmed) {
                decision = Decision::Remove(Reason::Junk);
            } else {
                header_titles.push(trimmed);
            }
        }
        out.push(decision);
    }

    follow_related_lists(lines, &mut out);
    footer_lists(lines, &mut out, first, last);
    smooth(lines, &mut out, &zone);
    out
}

/// Whether a kept line is a short title that may belong to a list.
fn list_item(line: &Line) -> bool {
    let c = &line.class;
    c.title_like
        && c.chars <= 40
        && !c.enumerated
        && !c.salutation
        && c.marker.is_none()
        && !c.prose
}

/// Indices of the non-blank lines.
fn non_blank(lines: &[Line]) -> Vec<usize> {
    lines.iter().enumerate().filter(|(_, l)| !l.is_blank()).map(|(i, _)| i).collect()
}

/// After a short related-list heading, the short titles that follow are its items; the list
/// ends at the first other line, and before a title that a salutation follows (a new speech).
fn follow_related_lists(lines: &[Line], out: &mut [Decision]) {
    let idx = non_blank(lines);
    let mut k = 0;
    while k < idx.len() {
        let i = idx[k];
        let heading = out[i] == Decision::Remove(Reason::RelatedList) && lines[i].class.chars <= 40;
        k += 1;
        if !heading {
            continue;
        }
        while k < idx.len() {
            let j = idx[k];
            if out[j].removed() {
                k += 1;
                continue;
            }
            let next_salutes = idx[k + 1..].iter().take(2).any(|&n| lines[n].class.salutation);
            if !matches!(out[j], Decision::Keep { .. }) || !list_item(&lines[j]) || next_salutes {
                break;
            }
            out[j] = Decision::Remove(Reason::RelatedList);
            k += 1;
        }
    }
}

/// In the footer, three or more short titles in a row next to a removed line are a list.
fn footer_lists(lines: &[Line], out: &mut [Decision], first: usize, last: usize) {
    if last == usize::MAX {
        return;
    }
    let idx: Vec<usize> =
        non_blank(lines).into_iter().filter(|&i| i > last && i >= first).collect();
    let mut k = 0;
    while k < idx.len() {
        let start = k;
        while k < idx.len()
            && matches!(out[idx[k]], Decision::Keep { .. })
            && list_item(&lines[idx[k]])
        {
            k += 1;
        }
        if k - start >= 3 {
            let before = start.checked_sub(1).is_some_and(|p| out[idx[p]].removed());
            let after = idx.get(k).is_some_and(|&n| out[n].removed());
            if before || after {
                for &j in &idx[start..k] {
                    out[j] = Decision::Remove(Reason::RelatedList);
                }
            }
        }
        k = k.max(start + 1);
    }
}

/// Short ambiguous runs between removed lines.
fn smooth(lines: &[Line], out: &mut [Decision], zone: &impl Fn(usize) -> Zone) {
    let idx = non_blank(lines);
    let mut k = 0;
    while k < idx.len() {
        if !matches!(out[idx[k]], Decision::Keep { .. }) {
            k += 1;
            continue;
        }
        let start = k;
        while k < idx.len() && matches!(out[idx[k]], Decision::Keep { .. }) {
            k += 1;
        }
        let run = &idx[start..k];
        let prev = start.checked_sub(1).map(|p| out[idx[p]]);
        let next = idx.get(k).map(|&n| out[n]);
        let bounded = |d: Option<Decision>| d.is_none_or(Decision::removed);
        let both_removed =
            prev.is_some_and(Decision::removed) && next.is_some_and(Decision::removed);
        if run.len() > MAX_RUN || !bounded(prev) || !bounded(next) {
            continue;
        }
        let z = zone(run[0]);
        if run.iter().any(|&j| zone(j) != z) || z == Zone::Body {
            continue;
        }
        let ambiguous = |j: usize| {
            let c = &lines[j].class;
            !c.prose && !c.salutation && c.marker.is_none() && c.chars <= 60
        };
        let weak = |j: usize| lines[j].class.best.is_some() || lines[j].class.han == 0;
        let take = match z {
            // At the very end a run needs some evidence of its own; between removed lines a
            // short line is enough.
            Zone::Footer => run.iter().all(|&j| ambiguous(j) && (both_removed || weak(j))),
            Zone::Header => run.iter().all(|&j| ambiguous(j) && weak(j)),
            Zone::Body => false,
        };
        if !take {
            continue;
        }
        let fallback = match (prev, next) {
            (Some(Decision::Remove(r)), _) | (_, Some(Decision::Remove(r))) => r,
            _ => Reason::Junk,
        };
        for &j in run {
            let reason = lines[j].class.best.map_or(fallback, |(r, _)| r);
            out[j] = Decision::Remove(reason);
        }
    }
}
