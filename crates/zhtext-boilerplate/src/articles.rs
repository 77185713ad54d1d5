//! Splitting a compilation page into articles.
//!
//! A page copied from a template site often holds several speeches one after the other. A
//! new article starts at
//! - a marker line: `篇1：标题`, `篇二:`, `第3篇：标题`, or a short title ending in `篇N`
//!   (`区长讲话篇2`); the article's title is the line without the marker;
//! - a title label line `文章标题：…` (the label itself is removed from the text);
//! - a salutation (`同志们：`, `各位代表：`, `各位领导、同志们：`) once the current article
//!   already has running text; the short title lines just above it (up to four, dates left
//!   out) are the new article's title.
//!
//! Title lines at the top of the page, before the first marker, belong to no article when the
//! first marker follows them without running text in between.

use crate::lines::Class;

/// One article of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Its title, without a `篇N：` marker or a `文章标题：` label; `None` when the article
    /// starts at a salutation with no title line above it.
    pub title: Option<String>,
    /// Its text: the slice of the output text at `span`.
    pub text: String,
    /// Where it is in the output text (from its first line to the end of its last line,
    /// without the final line break).
    pub span: zhtext_core::Span,
}

/// An article marker found in a line: where its title is, in bytes of the trimmed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The title, as a byte range of the trimmed line; `None` when the line is the marker
    /// alone.
    pub title: Option<(usize, usize)>,
}

/// Parses `篇1：标题`, `第一篇：标题`, `标题篇2`, `标题 （篇3）` on a trimmed line.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    prefix_marker(line).or_else(|| suffix_marker(line))
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十百〇零两兩".contains(c)
}

fn is_marker_separator(c: char) -> bool {
    matches!(
        c,
        '：' | ':' | '、' | '.' | '．' | ' ' | '\u{3000}' | '-' | '—' | '）' | ')' | '】' | ']'
    )
}

fn numeral_len(s: &str) -> usize {
    s.char_indices()
        .take_while(|&(i, c)| is_numeral(c) && i < 12)
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0)
}

fn prefix_marker(line: &str) -> Option<Marker> {
    let open = line.len() - line.trim_start_matches(['【', '[', '(', '（']).len();
    let body = &line[open..];
    let after = if let Some(rest) = body.strip_prefix('篇') {
        let n = numeral_len(rest);
        (n > 0).then(|| open + '篇'.len_utf8() + n)?
    } else if let Some(rest) = body.strip_prefix('第') {
        let n = numeral_len(rest);
        let rest = rest.get(n..)?;
        (n > 0 && rest.starts_with('篇')).then(|| open + '第'.len_utf8() + n + '篇'.len_utf8())?
    } else {
        return None;
    };
    let rest = &line[after..];
    let title = rest.trim_start_matches(is_marker_separator);
    if title.len() == rest.len() && !title.is_empty() {
        // `篇1` must be followed by a separator or nothing: `篇一律` is not a marker.
        let next = title.chars().next()?;
        if !matches!(next, '《' | '“' | '"') {
            return None;
        }
    }
    let title_start = line.len() - title.len();
    let title = title.trim_end_matches(crate::lines::is_space);
    if title.is_empty() {
        Some(Marker { title: None })
    } else {
        Some(Marker { title: Some((title_start, title_start + title.len())) })
    }
}

fn suffix_marker(line: &str) -> Option<Marker> {
    let body = line.trim_end_matches(['）', ')', '】', ']']);
    // The numeral at the end.
    let num_start =
        body.char_indices().rev().take_while(|&(_, c)| is_numeral(c)).last().map(|(i, _)| i)?;
    if body.len() - num_start > 12 {
        return None;
    }
    let before = body[..num_start].strip_suffix('篇')?;
    let title = before
        .trim_end_matches(|c: char| is_marker_separator(c) || matches!(c, '（' | '(' | '【' | '['));
    // A title must come before the marker, and not end in a numeral word (`第一篇` is a prefix form).
    if title.chars().count() < 2 || title.ends_with('第') {
        return None;
    }
    Some(Marker { title: Some((0, title.len())) })
}

/// A kept, non-blank line as the splitter sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OutLine<'a> {
    /// Start of the trimmed content in the output text.
    pub out_start: usize,
    /// End of the trimmed content in the output text.
    pub out_end: usize,
    /// The trimmed content as it is in the output.
    pub text: &'a str,
    /// Its classification.
    pub class: &'a Class,
    /// Whether a title label was cut off this line (it is then a marker).
    pub labelled: bool,
    /// Index of the line in the input.
    pub line: usize,
}

struct Draft {
    start: usize,
    title: Option<String>,
    has_prose: bool,
    explicit: bool,
}

/// Splits the kept lines into articles (see the module docs).
pub(crate) fn split(output: &str, lines: &[OutLine<'_>]) -> Vec<Article> {
    let mut done: Vec<(usize, usize, Option<String>)> = Vec::new();
    let mut cur = Draft { start: 0, title: None, has_prose: false, explicit: false };
    for (k, line) in lines.iter().enumerate() {
        let marker_title = if line.labelled {
            Some(Some(line.text.to_owned()))
        } else {
            line.class
                .marker
                .map(|m| m.title.and_then(|(a, b)| line.text.get(a..b)).map(str::to_owned))
        };
        if let Some(title) = marker_title {
            if cur.explicit || cur.has_prose {
                done.push((cur.start, k, cur.title.take()));
            }
            cur = Draft { start: k, title, has_prose: false, explicit: true };
            continue;
        }
        if line.class.salutation {
            // Title lines just above the salutation, after the last running text.
            // The title block is a run of adjacent title lines; blank or removed lines may
            // separate it from the salutation, not split it.
            let mut top = k;
            while top > cur.start
                && k - top < 4
                && title_line(&lines[top - 1])
                && (top == k || lines[top - 1].line + 1 == lines[top].line)
            {
                top -= 1;
            }
            let title = join_titles(&lines[top..k]);
            if cur.has_prose {
                done.push((cur.start, top, cur.title.take()));
                cur = Draft { start: top, title, has_prose: false, explicit: true };
            } else if cur.title.is_none() {
                cur.title = title;
            }
            continue;
        }
        if line.class.prose {
            cur.has_prose = true;
        }
    }
    if cur.explicit || cur.has_prose || done.is_empty() {
        done.push((cur.start, lines.len(), cur.title.take()));
    }
    done.into_iter()
        .filter(|&(start, end, _)| start < end)
        .map(|(start, end, title)| {
            let span = zhtext_core::Span::new(lines[start].out_start, lines[end - 1].out_end);
            Article { title, text: output[span.range()].to_owned(), span }
        })
        .collect()
}

fn title_line(line: &OutLine<'_>) -> bool {
    let c = line.class;
    (c.title_like || c.dated) && !c.prose && !c.enumerated && !c.salutation && c.marker.is_none()
}

fn join_titles(lines: &[OutLine<'_>]) -> Option<String> {
    let mut title = String::new();
    for line in lines.iter().filter(|l| !l.class.dated) {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(line.text);
    }
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(line: &str) -> Option<&str> {
        marker(line)?.title.map(|(a, b)| &line[a..b])
    }

    #[test]
    fn markers() {
        assert_eq!(title_of("篇1：区长讲话"), Some("区长讲话"));
        assert_eq!(title_of("篇十二:区长讲话"), Some("区长讲话"));
        assert_eq!(title_of("第3篇：区长讲话"), Some("区长讲话"));
        assert_eq!(title_of("區長領導幹部會議講話篇1"), Some("區長領導幹部會議講話"));
        assert_eq!(title_of("区长讲话（篇2）"), Some("区长讲话"));
        assert!(marker("篇2").is_some_and(|m| m.title.is_none()));
        assert!(marker("篇一律不准").is_none());
        assert!(marker("全文共分三篇").is_none());
        assert!(marker("篇章").is_none());
        assert!(marker("第十篇").is_none_or(|m| m.title.is_none()));
    }
}
