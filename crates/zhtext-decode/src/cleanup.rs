//! [`Cleanup`]: line breaks, invisible characters, spaces, widths and punctuation.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use zhtext_core::{OffsetMap, Span, Transform};

use crate::emit::Emitter;
use crate::entities;
use crate::plausible::is_han;
use crate::scan::Scan;

/// What [`Cleanup`] does with punctuation.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PunctStyle {
    /// Chinese punctuation stays full-width, and half-width `, : ; ! ? ( )` next to Chinese
    /// becomes full-width (`同志们:` → `同志们：`, `(一)` → `（一）`). The default.
    #[default]
    FullWidthInChinese,
    /// Every full-width punctuation mark becomes its ASCII form (`，` → `,`, `。` → `.`).
    HalfWidth,
    /// Punctuation is left as it is.
    Keep,
}

/// What [`Cleanup`] does with spaces inside a line.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpaceStyle {
    /// Spaces next to Chinese characters or punctuation go (`124.67 億元` → `124.67億元`),
    /// unless a Latin letter is on either side; other spaces become ASCII spaces. The default.
    #[default]
    RemoveInChinese,
    /// Spaces inside a line are kept (NBSP and U+3000 still become ASCII spaces).
    Keep,
}

/// Normalizes scraped Chinese text; a [`Transform`] with an exact offset map.
///
/// With the defaults it:
/// - turns CRLF and CR into LF;
/// - drops the BOM, zero-width and bidi characters, soft hyphens and control characters
///   other than `\n` and `\t`;
/// - trims spaces, tabs, NBSP and U+3000 at the start and end of each line;
/// - decodes HTML character references (`&nbsp;`, `&ldquo;`, `&#8220;`, `&#x201C;`);
/// - turns full-width ASCII letters, digits and symbols into ASCII (`２１５．６％` →
///   `215.6%`), keeping Chinese punctuation (`，。：；！？（）`) full-width;
/// - makes half-width punctuation next to Chinese full-width ([`PunctStyle`]);
/// - removes spaces inside Chinese text ([`SpaceStyle`]);
/// - rewrites `㈠`…`㈩` as `（一）`…`（十）`, `―` as `—`, and `℅` after a number as `%`;
/// - normalizes to NFC (not NFKC, which would turn `，` into `,`).
///
/// Cleanup is idempotent, and returns its input borrowed when nothing changes.
///
/// # Example
///
/// ```
/// use zhtext_core::Transform;
/// use zhtext_decode::Cleanup;
///
/// let cleanup = Cleanup::new();
/// assert_eq!(cleanup.apply("\u{3000}\u{3000}同志们:\r\n"), "同志们：\n");
/// assert_eq!(cleanup.apply("增长２１５．６％,达124.67 億元"), "增长215.6%，达124.67億元");
/// assert_eq!(cleanup.apply("1 、要有 “ 逢一必爭 ” 的拼勁。"), "1、要有“逢一必爭”的拼勁。");
/// assert_eq!(cleanup.apply("㈠稳增长 &ldquo;GDP&rdquo;"), "（一）稳增长“GDP”");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleanup {
    punct: PunctStyle,
    spaces: SpaceStyle,
}

/// Builds a [`Cleanup`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CleanupBuilder {
    config: Cleanup,
}

impl CleanupBuilder {
    /// How to treat punctuation (default [`PunctStyle::FullWidthInChinese`]).
    pub fn punct(&mut self, style: PunctStyle) -> &mut Self {
        self.config.punct = style;
        self
    }

    /// How to treat spaces inside lines (default [`SpaceStyle::RemoveInChinese`]).
    pub fn spaces(&mut self, style: SpaceStyle) -> &mut Self {
        self.config.spaces = style;
        self
    }

    /// The transform.
    #[must_use]
    pub fn build(&self) -> Cleanup {
        self.config
    }
}

/// One output character and the input bytes it came from.
#[derive(Clone, Copy, Debug)]
struct Piece {
    c: char,
    start: usize,
    end: usize,
}

impl Cleanup {
    /// Whether a run of spaces between `prev` and `next` goes: at a line's edge always; inside,
    /// next to Chinese unless a Latin letter is on either side (with the default style).
    fn removes_space(&self, prev: Option<char>, next: Option<char>) -> bool {
        match (prev, next) {
            (Some(p), Some(q)) => {
                self.spaces == SpaceStyle::RemoveInChinese
                    && (is_chinese(p) || is_chinese(q))
                    && !is_latin_letter(p)
                    && !is_latin_letter(q)
            }
            _ => true,
        }
    }

    /// The default cleanup for Chinese text.
    #[must_use]
    pub fn new() -> Cleanup {
        Cleanup::default()
    }

    /// A builder, to change the defaults.
    #[must_use]
    pub fn builder() -> CleanupBuilder {
        CleanupBuilder::default()
    }

    /// The punctuation style.
    #[must_use]
    pub fn get_punct(&self) -> PunctStyle {
        self.punct
    }

    /// The space style.
    #[must_use]
    pub fn get_spaces(&self) -> SpaceStyle {
        self.spaces
    }

    fn run<'a>(&self, input: &'a str, map: Option<&mut OffsetMap>) -> Cow<'a, str> {
        let mut emitter = Emitter::new(input, map);
        let bytes = input.as_bytes();
        let mut scratch = Scratch::default();
        let mut start = 0;
        loop {
            let end =
                memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(input.len(), |k| start + k);
            self.clean_region(input, start, end, &mut scratch, &mut emitter);
            if end == input.len() {
                break;
            }
            if bytes[end] == b'\r' {
                let crlf = bytes.get(end + 1) == Some(&b'\n');
                let stop = if crlf { end + 2 } else { end + 1 };
                emitter.replace(Span::new(end, stop), "\n");
                start = stop;
            } else {
                start = end + 1;
            }
        }
        emitter.finish()
    }

    /// Cleans the line `input[start..end]` (no terminator).
    ///
    /// Most lines are handled in windows around the places that may change ("marks"); a
    /// window that holds a single mark of a common kind (`,` between Han characters, a run of
    /// spaces) is decided directly from its neighbours. Brackets are paired across the whole
    /// line first; a line where that pairing could see something other than its raw
    /// characters (references, dropped characters, `㈠`) is cleaned as a whole.
    fn clean_region(
        &self,
        input: &str,
        start: usize,
        end: usize,
        scratch: &mut Scratch,
        emitter: &mut Emitter<'_, '_>,
    ) {
        let line = &input[start..end];
        scratch.marks.clear();
        self.collect_marks(line, &mut scratch.marks);
        if scratch.marks.is_empty() {
            return;
        }
        let b = line.as_bytes();
        let full = self.punct == PunctStyle::FullWidthInChinese;
        let has_brackets = match self.punct {
            PunctStyle::Keep => memchr::memchr2(b'(', b')', b).is_some(),
            _ => scratch.marks.iter().any(|&m| matches!(b[m], b'(' | b')')),
        };
        scratch.plan.clear();
        if has_brackets {
            // A line with brackets is one unit: it may be cut into windows only when its
            // characters need no normalization (which may reorder combining marks across a
            // window's edge) and, in the default style, the brackets were paired here.
            let whole = !marks_are_nfc(line, &scratch.marks)
                || (full && !bracket_plan(line, start, &scratch.marks, &mut scratch.plan));
            if whole {
                self.clean_line(input, start, end, None, &mut scratch.pieces, emitter);
                return;
            }
        }
        let plan = (has_brackets && full).then_some(&scratch.plan[..]);
        let marks = &scratch.marks;
        let mut floor = 0;
        let mut idx = 0;
        while idx < marks.len() {
            let pos = marks[idx];
            // A window runs from the Han character before the mark to the Han character
            // after it: every rule but bracket pairing looks no further than the nearest
            // character that is not a space, and a Han character (U+4000..U+9FFF, lead byte
            // E4..E9) never changes itself.
            let a =
                b[floor..pos].iter().rposition(|&x| is_han_lead(x)).map_or(floor, |k| floor + k);
            let z = b[pos + 1..]
                .iter()
                .position(|&x| is_han_lead(x))
                .map_or(line.len(), |k| (pos + 1 + k + 3).min(line.len()));
            let mut next = idx + 1;
            while next < marks.len() && marks[next] < z {
                next += 1;
            }
            if !self.fast_window(line, start, (a, z), &marks[idx..next], plan, emitter) {
                self.clean_line(input, start + a, start + z, plan, &mut scratch.pieces, emitter);
            }
            if z >= line.len() {
                break;
            }
            // The closing Han character is the next window's opening context.
            floor = z - 3;
            idx = next;
        }
    }

    /// Cleans window `line[a..z]` (offsets in `line`, which starts at `start` in the input)
    /// when its only marks are one ASCII punctuation mark or one run of ASCII spaces, and
    /// returns whether it did. Every other character of the window is one that cannot
    /// change and is not a space, so the rules need only the characters next to the mark.
    fn fast_window(
        &self,
        line: &str,
        start: usize,
        (a, z): (usize, usize),
        marks: &[usize],
        plan: Option<&[(usize, bool)]>,
        emitter: &mut Emitter<'_, '_>,
    ) -> bool {
        let b = line.as_bytes();
        let pos = marks[0];
        let x = b[pos];
        let run = if x == b' ' {
            if !marks.iter().enumerate().all(|(k, &m)| m == pos + k && b[m] == b' ') {
                return false;
            }
            marks.len()
        } else if marks.len() == 1
            && self.punct == PunctStyle::FullWidthInChinese
            && matches!(x, b',' | b':' | b';' | b'!' | b'?' | b'(' | b')')
        {
            1
        } else {
            return false;
        };
        let prev = line[a..pos].chars().next_back();
        let next = line[pos + run..z].chars().next();
        let span = Span::new(start + pos, start + pos + run);
        match x {
            b' ' => {
                let remove = self.removes_space(prev, next);
                if remove {
                    emitter.replace(span, "");
                }
            }
            b',' | b':' | b';' | b'!' | b'?' => {
                let c = char::from(x);
                let convert = match c {
                    '?' => {
                        prev.is_some_and(|p| is_han(p) || is_closing(p))
                            && !next.is_some_and(|n| is_han(n) || n.is_ascii_digit())
                    }
                    _ => {
                        (prev.is_some_and(is_chinese) || next.is_some_and(is_han))
                            && !(c == ':' && next == Some('/'))
                    }
                };
                if convert {
                    emitter.replace(span, full_width_of(c).encode_utf8(&mut [0; 4]));
                }
            }
            b'(' | b')' => {
                let Some(plan) = plan else { return false };
                if planned(plan, span.start) {
                    emitter.replace(span, if x == b'(' { "（" } else { "）" });
                }
            }
            _ => return false,
        }
        true
    }

    /// Pushes the start of every character of `line` that may change or affect its
    /// neighbours.
    fn collect_marks(&self, line: &str, marks: &mut Vec<usize>) {
        let mut from = 0;
        while let Some(m) = self.next_interesting(line, from) {
            marks.push(m);
            from = m + utf8_len(line.as_bytes()[m]);
        }
    }

    /// The first position at or after `from` in `line` (no terminator) where something may
    /// change; `None` means nothing after `from` will.
    #[inline]
    fn next_interesting(&self, line: &str, from: usize) -> Option<usize> {
        let scan = Scan::new(self.punct != PunctStyle::Keep, self.punct == PunctStyle::HalfWidth);
        scan.next(line, from, |c| self.char_needs_work(c))
    }

    /// Whether a non-ASCII character outside U+4000..U+9FFF may change or affect its
    /// neighbours.
    fn char_needs_work(&self, c: char) -> bool {
        let u = c as u32;
        match u {
            0x80..=0xA0 | 0xAD => true,
            0x2000..=0x200F | 0x2015 | 0x2028..=0x202F | 0x205F..=0x206F | 0x2105 => true,
            0x3000 | 0x3220..=0x3229 | 0xFEFF => true,
            0xFF01..=0xFF5E => {
                self.punct == PunctStyle::HalfWidth
                    || fold_fullwidth(c).is_some()
                    || matches!(c, '．' | '－')
            }
            0x3001..=0x3011 | 0x3014..=0x301F => self.punct == PunctStyle::HalfWidth,
            0x2018..=0x201F | 0x2026 => self.punct == PunctStyle::HalfWidth,
            _ if u < 0x300 => false,
            _ => is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes,
        }
    }

    /// Cleans `input[start..end]` (a line, or a window of one) into `emitter`. Brackets
    /// follow `plan` when there is one, and are paired among the pieces otherwise.
    fn clean_line(
        &self,
        input: &str,
        start: usize,
        end: usize,
        plan: Option<&[(usize, bool)]>,
        pieces: &mut Vec<Piece>,
        emitter: &mut Emitter<'_, '_>,
    ) {
        pieces.clear();
        let line = &input[start..end];
        // Characters, with references decoded and single characters mapped.
        let mut i = 0;
        while i < line.len() {
            let Some(c) = line[i..].chars().next() else { break };
            let (c, len) = match c {
                '&' => match entities::parse(&line[i..]) {
                    // A reference to `&` followed by what reads as another reference stays,
                    // so that a second run changes nothing.
                    Some(('&', len)) if entities::parse_after_amp(&line[i + len..]).is_some() => {
                        ('&', 1)
                    }
                    Some(found) => found,
                    None => ('&', 1),
                },
                _ => (c, c.len_utf8()),
            };
            self.map_char(c, start + i, start + i + len, pieces);
            i += len;
        }
        nfc(pieces, |c| self.remap(c));
        if self.punct != PunctStyle::Keep {
            self.punctuation(pieces, plan);
        }
        self.spaces_pass(pieces);
        emit(input, start, end, pieces, emitter);
    }

    /// Pushes what `c` becomes on its own.
    fn map_char(&self, c: char, from: usize, to: usize, pieces: &mut Vec<Piece>) {
        let out = match c {
            '\t' | ' ' => c,
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{AD}' => return,
            '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' => return,
            '―' => '—',
            '\u{3220}'..='\u{3229}' => {
                const NUM: [&str; 10] =
                    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
                let n = NUM[(c as u32 - 0x3220) as usize];
                let (open, close) =
                    if self.punct == PunctStyle::HalfWidth { ("(", ")") } else { ("（", "）") };
                push_str(pieces, open, from, to);
                push_str(pieces, n, from, to);
                push_str(pieces, close, from, to);
                return;
            }
            _ => match fold_fullwidth(c) {
                Some(ascii) => ascii,
                None if self.punct == PunctStyle::HalfWidth => half_width_punct(c).unwrap_or(c),
                None => c,
            },
        };
        pieces.push(Piece { c: out, start: from, end: to });
    }

    /// What a character that normalization produced becomes.
    fn remap(&self, c: char) -> char {
        match fold_fullwidth(c) {
            Some(ascii) => ascii,
            None if self.punct == PunctStyle::HalfWidth => half_width_punct(c).unwrap_or(c),
            None => c,
        }
    }

    /// Half-width punctuation next to Chinese becomes full-width; `．`/`－` between digits
    /// and `℅` after one become ASCII.
    fn punctuation(&self, pieces: &mut [Piece], plan: Option<&[(usize, bool)]>) {
        let n = pieces.len();
        let full = self.punct == PunctStyle::FullWidthInChinese;
        if let Some(plan) = plan {
            for piece in pieces.iter_mut() {
                if matches!(piece.c, '(' | ')') && planned(plan, piece.start) {
                    piece.c = if piece.c == '(' { '（' } else { '）' };
                }
            }
        }
        // Brackets: pair them first (unless the line's plan decided them).
        let mut stack: Vec<usize> = Vec::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut lone: Vec<usize> = Vec::new();
        let unplanned = if plan.is_none() { &pieces[..] } else { &[] };
        for (j, piece) in unplanned.iter().enumerate() {
            match piece.c {
                '(' => stack.push(j),
                ')' => match stack.pop() {
                    Some(o) => pairs.push((o, j)),
                    None => lone.push(j),
                },
                _ => {}
            }
        }
        lone.extend(stack);
        let prev_sig = |pieces: &[Piece], j: usize| {
            pieces[..j].iter().rev().map(|p| p.c).find(|&c| !is_space(c))
        };
        let next_sig = |pieces: &[Piece], j: usize| {
            pieces[j + 1..].iter().map(|p| p.c).find(|&c| !is_space(c))
        };
        if full {
            let mut convert = Vec::new();
            for &(o, c) in &pairs {
                let han_in = pieces[o + 1..c].iter().any(|p| is_han(p.c));
                let han_out = prev_sig(pieces, o).is_some_and(is_han)
                    || next_sig(pieces, c).is_some_and(is_han);
                if han_in || han_out {
                    convert.push(o);
                    convert.push(c);
                }
            }
            for &j in &lone {
                if prev_sig(pieces, j).is_some_and(is_han)
                    || next_sig(pieces, j).is_some_and(is_han)
                {
                    convert.push(j);
                }
            }
            for j in convert {
                pieces[j].c = if pieces[j].c == '(' { '（' } else { '）' };
            }
        }
        for j in 0..n {
            let c = pieces[j].c;
            let new = match c {
                ',' | ':' | ';' | '!' | '?' if full => {
                    let prev = prev_sig(pieces, j);
                    let next = next_sig(pieces, j);
                    let in_chinese = match c {
                        // After a pause mark (`同志们:?`) a `?` stands for a lost character.
                        '?' => prev.is_some_and(|p| is_han(p) || is_closing(p)),
                        _ => prev.is_some_and(is_chinese) || next.is_some_and(is_han),
                    };
                    let ok = match c {
                        // A `?` between Han characters or before a digit may stand for a
                        // lost character: leave it for the lost-character report.
                        '?' => !next.is_some_and(|n| is_han(n) || n.is_ascii_digit()),
                        ':' => next != Some('/'),
                        _ => true,
                    };
                    if in_chinese && ok { full_width_of(c) } else { c }
                }
                '．' | '－' => {
                    let digit_before = prev_sig(pieces, j).is_some_and(|p| p.is_ascii_digit());
                    let digit_after = next_sig(pieces, j).is_some_and(|p| p.is_ascii_digit());
                    if digit_before && digit_after { if c == '．' { '.' } else { '-' } } else { c }
                }
                '℅' => {
                    if prev_sig(pieces, j).is_some_and(|p| p.is_ascii_digit()) {
                        '%'
                    } else {
                        c
                    }
                }
                _ => c,
            };
            pieces[j].c = new;
        }
    }

    /// Trims each line and removes or normalizes spaces inside it.
    fn spaces_pass(&self, pieces: &mut Vec<Piece>) {
        let n = pieces.len();
        let mut removed = false;
        let mut j = 0;
        while j < n {
            if !is_space(pieces[j].c) {
                j += 1;
                continue;
            }
            let run = j;
            while j < n && is_space(pieces[j].c) {
                j += 1;
            }
            let prev = run.checked_sub(1).map(|k| pieces[k].c);
            let next = pieces.get(j).map(|p| p.c);
            let remove = self.removes_space(prev, next);
            for piece in &mut pieces[run..j] {
                if remove {
                    // NUL never reaches this point as a character (controls are dropped).
                    piece.c = '\0';
                    removed = true;
                } else if piece.c != ' ' && piece.c != '\t' {
                    piece.c = ' ';
                }
            }
        }
        if removed {
            pieces.retain(|p| p.c != '\0');
        }
    }
}

impl Transform for Cleanup {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        self.run(input, None)
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        map.clear();
        self.run(input, Some(map))
    }
}

/// Reusable buffers of one [`Cleanup`] run.
#[derive(Debug, Default)]
struct Scratch {
    /// Characters of the current line or window, with their source spans.
    pieces: Vec<Piece>,
    /// Positions in the current line of the characters that may change.
    marks: Vec<usize>,
    /// Absolute position of each ASCII bracket of the current line, and whether it becomes
    /// full-width.
    plan: Vec<(usize, bool)>,
}

/// Lead bytes of U+4000..U+9FFF, which [`Cleanup`] never changes.
#[inline]
fn is_han_lead(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

/// The length of the UTF-8 sequence that `lead` starts.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Whether the bracket at input position `at` becomes full-width under `plan`.
fn planned(plan: &[(usize, bool)], at: usize) -> bool {
    plan.binary_search_by_key(&at, |&(p, _)| p).is_ok_and(|k| plan[k].1)
}

/// Whether every mark of `line` is NFC on its own, so that normalization leaves the line
/// as it is.
fn marks_are_nfc(line: &str, marks: &[usize]) -> bool {
    marks.iter().all(|&m| {
        line[m..].chars().next().is_none_or(|c| {
            (c as u32) < 0x300 || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        })
    })
}

/// Pairs the ASCII brackets of `line` (at `start` in the input) as [`Cleanup`] does with
/// its pieces, and pushes each bracket's absolute position and whether it becomes
/// full-width: a pair when it holds a Han character or one is next to it (spaces
/// skipped), a lone bracket when one is next to it.
///
/// This reads the raw characters, so it gives up (returns false) when a mark could make the
/// pieces differ from them in a way pairing sees: a reference (`&#40;`), a character that is
/// dropped, or `㈠`, which becomes `（一）`. Everything else keeps brackets, Han
/// characters and spaces as they are.
fn bracket_plan(line: &str, start: usize, marks: &[usize], plan: &mut Vec<(usize, bool)>) -> bool {
    let b = line.as_bytes();
    let mut brackets: Vec<usize> = Vec::new();
    for &m in marks {
        match b[m] {
            b'(' | b')' => brackets.push(m),
            b'\t' => {}
            b'&' | 0..0x20 | 0x7F => return false,
            0x80.. => {
                let Some(c) = line[m..].chars().next() else { return false };
                if matches!(
                    c,
                    '\u{80}'..='\u{9F}'
                        | '\u{AD}'
                        | '\u{200B}'..='\u{200F}'
                        | '\u{2028}'..='\u{202E}'
                        | '\u{2060}'..='\u{206F}'
                        | '\u{FEFF}'
                        | '\u{3220}'..='\u{3229}'
                ) {
                    return false;
                }
            }
            _ => {}
        }
    }
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut lone: Vec<usize> = Vec::new();
    for &j in &brackets {
        if b[j] == b'(' {
            stack.push(j);
        } else {
            match stack.pop() {
                Some(o) => pairs.push((o, j)),
                None => lone.push(j),
            }
        }
    }
    lone.extend(stack);
    let prev_is_han =
        |j: usize| line[..j].chars().rev().find(|&c| !is_space(c)).is_some_and(is_han);
    let next_is_han = |j: usize| line[j + 1..].chars().find(|&c| !is_space(c)).is_some_and(is_han);
    plan.extend(lone.iter().map(|&j| (start + j, prev_is_han(j) || next_is_han(j))));
    // Whether a pair holds a Han character: the first Han character after the opening
    // bracket, found by one forward scan over the pairs in order of their openings.
    pairs.sort_unstable();
    let mut first_han: Option<(usize, Option<usize>)> = None;
    for &(o, c) in &pairs {
        let from = o + 1;
        let han = match first_han {
            Some((_, Some(h))) if h >= from => Some(h),
            Some((at, None)) if at <= from => None,
            _ => {
                let found =
                    line[from..].char_indices().find(|&(_, c)| is_han(c)).map(|(k, _)| from + k);
                first_han = Some((from, found));
                found
            }
        };
        let convert = han.is_some_and(|h| h < c) || prev_is_han(o) || next_is_han(c);
        plan.push((start + o, convert));
        plan.push((start + c, convert));
    }
    plan.sort_unstable();
    true
}

fn push_str(pieces: &mut Vec<Piece>, s: &str, start: usize, end: usize) {
    pieces.extend(s.chars().map(|c| Piece { c, start, end }));
}

/// Composes to NFC the stretches around characters that are not already NFC.
fn nfc(pieces: &mut Vec<Piece>, remap: impl Fn(char) -> char) {
    if pieces
        .iter()
        .all(|p| (p.c as u32) < 0x300 || is_nfc_quick(std::iter::once(p.c)) == IsNormalized::Yes)
    {
        return;
    }
    let stable = |c: char| {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    };
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut part: Vec<Piece> = Vec::new();
    let mut j = 0;
    let n = pieces.len();
    while j < n {
        if stable(pieces[j].c) {
            out.push(pieces[j]);
            j += 1;
            continue;
        }
        // A segment: the unstable characters from here, with the starter before them when
        // they may combine with it (and every piece that shares the starter's source span).
        part.clear();
        let combines = canonical_combining_class(pieces[j].c) != 0
            || is_nfc_quick(std::iter::once(pieces[j].c)) == IsNormalized::Maybe;
        if combines && let Some(last) = out.last().copied() {
            let keep = out
                .iter()
                .rposition(|p| p.start != last.start || p.end != last.end)
                .map_or(0, |k| k + 1);
            part.extend(out.drain(keep..));
        }
        while j < n && !stable(pieces[j].c) {
            part.push(pieces[j]);
            j += 1;
        }
        let text: String = part.iter().map(|p| p.c).collect();
        let normalized: String = text.nfc().collect();
        if normalized == text {
            out.extend_from_slice(&part);
        } else {
            let (s, e) = (part[0].start, part[part.len() - 1].end);
            out.extend(normalized.chars().map(|c| Piece { c: remap(c), start: s, end: e }));
        }
    }
    *pieces = out;
}

/// Writes the pieces of line `input[start..end]` as edits.
fn emit(input: &str, start: usize, end: usize, pieces: &[Piece], emitter: &mut Emitter<'_, '_>) {
    let mut pos = start;
    let mut j = 0;
    let mut buf = String::new();
    while j < pieces.len() {
        let p = pieces[j];
        let mut k = j + 1;
        while k < pieces.len() && pieces[k].start == p.start && pieces[k].end == p.end {
            k += 1;
        }
        if p.start > pos {
            emitter.replace(Span::new(pos, p.start), "");
        }
        let unchanged =
            k == j + 1 && p.end - p.start == p.c.len_utf8() && input[p.start..].starts_with(p.c);
        if !unchanged {
            if k == j + 1 {
                emitter.replace(Span::new(p.start, p.end), p.c.encode_utf8(&mut [0; 4]));
            } else {
                buf.clear();
                buf.extend(pieces[j..k].iter().map(|p| p.c));
                emitter.replace(Span::new(p.start, p.end), &buf);
            }
        }
        pos = p.end;
        j = k;
    }
    if pos < end {
        emitter.replace(Span::new(pos, end), "");
    }
}

/// Space-like characters: trimmed at line ends, removed inside Chinese.
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// Han characters and Chinese (full-width) punctuation.
fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF65 | 0x2014 | 0x2026 | 0x3220..=0x3243 | 0xFE30..=0xFE4F)
}

/// Closing quotes and brackets.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | '】' | '》' | '〕')
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'À'..='ɏ')
}

/// The ASCII form of a full-width letter, digit or symbol that has no Chinese use.
pub(crate) const fn fold_fullwidth(c: char) -> Option<char> {
    match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '％'
        | '＋'
        | '＝'
        | '＜'
        | '＞'
        | '＠'
        | '＃'
        | '＄'
        | '＆'
        | '＊'
        | '／'
        | '＼'
        | '＾'
        | '＿'
        | '｀'
        | '｜' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// The ASCII form of a full-width or Chinese punctuation mark, for [`PunctStyle::HalfWidth`].
fn half_width_punct(c: char) -> Option<char> {
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)?,
        '。' => '.',
        '、' => ',',
        '“' | '”' | '「' | '」' | '『' | '』' => '"',
        '‘' | '’' => '\'',
        '【' | '〔' | '〖' => '[',
        '】' | '〕' | '〗' => ']',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        _ => return None,
    })
}

fn full_width_of(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    impl Cleanup {
        /// Cleanup as it was before bracket plans and the shortcuts: a line with brackets is
        /// cleaned as a whole, other lines in windows, piece by piece. The fast paths must
        /// agree with it.
        fn reference(&self, input: &str, map: &mut OffsetMap) -> String {
            map.clear();
            let mut emitter = Emitter::new(input, Some(map));
            let bytes = input.as_bytes();
            let mut pieces = Vec::new();
            let mut start = 0;
            loop {
                let end = memchr::memchr2(b'\n', b'\r', &bytes[start..])
                    .map_or(input.len(), |k| start + k);
                let line = &input[start..end];
                if let Some(first) = self.next_interesting(line, 0) {
                    if memchr::memchr2(b'(', b')', line.as_bytes()).is_some() {
                        self.clean_line(input, start, end, None, &mut pieces, &mut emitter);
                    } else {
                        self.reference_windows(input, start, end, first, &mut pieces, &mut emitter);
                    }
                }
                if end == input.len() {
                    break;
                }
                if bytes[end] == b'\r' {
                    let stop = if bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
                    emitter.replace(Span::new(end, stop), "\n");
                    start = stop;
                } else {
                    start = end + 1;
                }
            }
            emitter.finish().into_owned()
        }

        /// The windows of a line without brackets, one after the other, each cleaned piece
        /// by piece.
        fn reference_windows(
            &self,
            input: &str,
            start: usize,
            end: usize,
            first: usize,
            pieces: &mut Vec<Piece>,
            emitter: &mut Emitter<'_, '_>,
        ) {
            let line = &input[start..end];
            let b = line.as_bytes();
            let mut floor = 0;
            let mut pos = first;
            loop {
                let a = b[floor..pos]
                    .iter()
                    .rposition(|&x| is_han_lead(x))
                    .map_or(floor, |k| floor + k);
                let z = b[pos + 1..]
                    .iter()
                    .position(|&x| is_han_lead(x))
                    .map_or(line.len(), |k| (pos + 1 + k + 3).min(line.len()));
                self.clean_line(input, start + a, start + z, None, pieces, emitter);
                if z >= line.len() {
                    break;
                }
                floor = z - 3;
                match self.next_interesting(line, z) {
                    Some(next) => pos = next,
                    None => break,
                }
            }
        }
    }

    const PIECES: &[&str] = &[
        "全", "区", "生产", "總值", "的", "區", "(", ")", "（", "）", "(一)", "(qū)", ":", "?",
        "??", ",", ";", "!", "，", "。", "、", "“", "”", "》", " ", "  ", "\u{3000}", "\u{A0}",
        "\t", "\r\n", "\n", "\u{200B}", "\u{7}", "&nbsp;", "&amp;", "&#40;", "&#x4E2D;", "&", "２",
        "．", "６", "％", "Ａ", "－", "㈠", "―", "℅", "8.8", "1", "GDP", "e\u{301}", "\u{301}",
        "\u{302A}", "\u{591}", "\u{5A5}", "\u{F900}", "\u{4DC0}", "\u{3400}", "x", "http://", "a",
        "é", "ab", "\u{2000}",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat()),
            "[\\u{4E00}-\\u{4E08}\\u{4DBE}-\\u{4DC1}a0 ,:;!?()&\\n\\u{3000}\\u{300}\\u{591}]{0,40}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn fast_paths_agree_with_whole_lines(text in text()) {
            for punct in [PunctStyle::FullWidthInChinese, PunctStyle::HalfWidth, PunctStyle::Keep] {
                for spaces in [SpaceStyle::RemoveInChinese, SpaceStyle::Keep] {
                    let cleanup = Cleanup::builder().punct(punct).spaces(spaces).build();
                    let mut expected_map = OffsetMap::new();
                    let expected = cleanup.reference(&text, &mut expected_map);
                    let mut map = OffsetMap::new();
                    let out = cleanup.apply_mapped(&text, &mut map);
                    prop_assert_eq!(&*out, &expected, "{:?} {:?}", punct, spaces);
                    prop_assert_eq!(map.edits(), expected_map.edits(), "{:?} {:?}", punct, spaces);
                }
            }
        }
    }

    #[test]
    fn scan_tables_follow_the_rules() {
        for punct in [PunctStyle::FullWidthInChinese, PunctStyle::HalfWidth, PunctStyle::Keep] {
            let cleanup = Cleanup::builder().punct(punct).build();
            let table = if punct == PunctStyle::HalfWidth {
                &crate::scan::NEEDS_WORK_HALF
            } else {
                &crate::scan::NEEDS_WORK
            };
            for u in (0x80..0x4000).chain(0xA000..0x10000) {
                let Some(c) = char::from_u32(u) else { continue };
                let bit = table[(u >> 6) as usize] >> (u & 63) & 1 != 0;
                assert_eq!(bit, cleanup.char_needs_work(c), "{punct:?} U+{u:04X}");
            }
        }
    }

    #[test]
    fn bracket_lines() {
        let cleanup = Cleanup::new();
        for line in [
            "同志们(一)稳增长,调结构",
            "(GDP)增长 ( 8.8% )",
            "值(GDP)",
            "((a)中)",
            ")中(",
            "中 ( a ) b",
            "（一）(二)",
            "中(a&amp;b)",
        ] {
            let mut map = OffsetMap::new();
            let expected = cleanup.reference(line, &mut map);
            assert_eq!(cleanup.apply(line), expected, "{line}");
        }
    }
}
