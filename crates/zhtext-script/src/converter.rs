//! [`Converter`]: runs a configuration's chain over text.

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Span, Transform};

use crate::config::{Config, Plan};
use crate::guard::Guard;
use crate::staged::{STAGE, Stage, Staged};
use crate::tables::{
    CHANGE, COMPAT, Emit, IDS, PHRASE, SLOW, Step, StepId, TARGET, Value, decode, ids_len, utf8_len,
};

/// Converts between Simplified and Traditional Chinese (and regional forms) exactly as
/// OpenCC 1.4.2 does with the same configuration.
///
/// Construction is free: the tables of a configuration are built on first use (a few
/// milliseconds) and shared by every converter of the process. A `Converter` is a small
/// `Copy`-able value; clone it into threads freely.
///
/// # Example
///
/// ```
/// use zhtext_core::Transform;
/// use zhtext_script::{Config, Converter};
///
/// let t2s = Converter::t2s();
/// assert_eq!(t2s.apply("香港特別行政區政府統計處"), "香港特别行政区政府统计处");
/// let s2twp = Converter::new(Config::S2twp);
/// assert_eq!(s2twp.apply("鼠标和软件"), "滑鼠和軟體");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Converter {
    config: Config,
    guard: Guard,
}

/// The fused conversion met a character the normalization pass would change.
struct NeedsNormalization;

/// Writes a step's output: copies untouched runs lazily, records edits.
struct Sink<'o, 'm> {
    out: &'o mut String,
    base: usize,
    copied: usize,
    changed: bool,
    reserve: usize,
    map: Option<&'m mut OffsetMap>,
}

impl<'o, 'm> Sink<'o, 'm> {
    fn new(out: &'o mut String, reserve: usize, map: Option<&'m mut OffsetMap>) -> Self {
        let base = out.len();
        Sink { out, base, copied: 0, changed: false, reserve, map }
    }

    #[inline]
    fn begin(&mut self, text: &str, i: usize) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(self.reserve);
        }
        if self.copied < i {
            self.out.push_str(&text[self.copied..i]);
        }
    }

    #[inline]
    fn record(&mut self, i: usize, j: usize, start: usize) {
        if let Some(map) = self.map.as_deref_mut() {
            let end = self.out.len() - self.base;
            map.push(Span { start: i, end: j }, Span { start: start - self.base, end });
        }
        self.copied = j;
    }

    #[inline]
    fn replace_char(&mut self, text: &str, i: usize, j: usize, c: char) {
        self.begin(text, i);
        let start = self.out.len();
        self.out.push(c);
        self.record(i, j, start);
    }

    #[inline]
    fn replace_str(&mut self, text: &str, i: usize, j: usize, s: &str) {
        self.begin(text, i);
        let start = self.out.len();
        self.out.push_str(s);
        self.record(i, j, start);
    }

    /// Where input position `i` (not before the last replacement) lands in the output.
    fn out_pos(&self, i: usize) -> usize {
        if self.changed { self.out.len() - self.base + (i - self.copied) } else { i }
    }

    /// Copies the rest when anything changed; returns whether anything did.
    fn finish(&mut self, text: &str) -> bool {
        if self.changed {
            self.out.push_str(&text[self.copied..]);
        }
        self.changed
    }
}

/// Plain: nothing to do for this character (the guard mark alone needs no work).
const BUSY: u8 = !TARGET;

impl Step {
    /// Converts `text[start..end]` (a segment) into `sink`.
    #[inline(never)]
    fn run(
        &self,
        text: &str,
        start: usize,
        end: usize,
        sink: &mut Sink<'_, '_>,
        check_compat: bool,
        guard: Guard,
    ) -> Result<(), NeedsNormalization> {
        let bytes = text.as_bytes();
        let ascii_plain = self.ascii_plain;
        let guarded = guard != Guard::Off;
        // Without map and guard, once anything changed every character is written.
        let writing = sink.map.is_none() && !guarded;
        if writing && sink.changed {
            sink.begin(text, start);
            self.run_writing(text, start, end, sink.out, check_compat)?;
            sink.copied = end;
            return Ok(());
        }
        if !guarded && sink.changed {
            return self.run_mapped_tail(text, start, end, sink, check_compat);
        }
        let mut i = start;
        while i < end {
            let b0 = bytes[i];
            if b0 < 0x80 && ascii_plain {
                i = ascii_end(bytes, i, end);
                continue;
            }
            let (cp, len) = decode(bytes, i);
            let e = self.entry(cp);
            let busy = e.flags & BUSY;
            if busy == 0 {
                i += len;
                continue;
            }
            if busy == CHANGE && !guarded {
                sink.replace_char(text, i, i + len, e.repl());
                i += len;
                if writing {
                    self.run_writing(text, i, end, sink.out, check_compat)?;
                    sink.copied = end;
                    return Ok(());
                }
                return self.run_mapped_tail(text, i, end, sink, check_compat);
            }
            // The slow path: IDS, normalization, phrases, long values, the guard.
            if e.flags & IDS != 0 {
                let n = ids_len(text, i, end);
                i += if n == 0 { len } else { n };
                continue;
            }
            if check_compat && e.flags & COMPAT != 0 {
                return Err(NeedsNormalization);
            }
            let Some((j, value)) = self.lookup(text, i, end, cp, len, e) else {
                i += len;
                continue;
            };
            if guarded && self.guard_skips(text, start, i, j, len, value) {
                i = j;
                continue;
            }
            match value {
                Value::Same => {}
                Value::Char(c) => sink.replace_char(text, i, j, c),
                Value::Str(s) => sink.replace_str(text, i, j, s),
            }
            i = j;
            if writing && sink.changed {
                self.run_writing(text, i, end, sink.out, check_compat)?;
                sink.copied = end;
                return Ok(());
            }
            if !guarded && sink.changed {
                return self.run_mapped_tail(text, i, end, sink, check_compat);
            }
        }
        Ok(())
    }

    /// [`Step::run`] with a map and without the guard once something changed: writes every
    /// character from its entry, as [`Step::run_writing`] does, and records the same edits
    /// as the general path (one per replaced key).
    #[inline(never)]
    fn run_mapped_tail(
        &self,
        text: &str,
        start: usize,
        end: usize,
        sink: &mut Sink<'_, '_>,
        check_compat: bool,
    ) -> Result<(), NeedsNormalization> {
        if sink.map.is_none() {
            return self.run(text, start, end, sink, check_compat, Guard::Off);
        }
        sink.begin(text, start);
        sink.copied = end;
        let base = sink.base;
        let Sink { out, map, .. } = sink;
        let (out, Some(map)) = (&mut **out, map.as_deref_mut()) else {
            return Ok(());
        };
        let out = &mut Staged::new(out);
        let bytes = text.as_bytes();
        let ascii_plain = self.ascii_plain;
        let mut edit = |out: &mut Staged<'_>, i: usize, j: usize, from: usize| {
            map.push(Span { start: i, end: j }, Span { start: from - base, end: out.len() - base });
        };
        let mut i = start;
        while i < end {
            if bytes[i] < 0x80 && ascii_plain {
                i = copy_ascii(text, i, end, out);
                continue;
            }
            let (cp, len) = decode(bytes, i);
            let e = self.entry(cp);
            if len < 4 && e.flags & SLOW == 0 {
                let from = out.len();
                out.put(e.utf8, e.len);
                if e.flags & CHANGE != 0 {
                    edit(out, i, i + len, from);
                }
                i += len;
                continue;
            }
            if e.flags & IDS != 0 {
                let n = ids_len(text, i, end);
                let j = i + if n == 0 { len } else { n };
                out.push_str(&text[i..j]);
                i = j;
                continue;
            }
            if check_compat && e.flags & COMPAT != 0 {
                return Err(NeedsNormalization);
            }
            let (j, value) =
                self.lookup(text, i, end, cp, len, e).unwrap_or((i + len, Value::Same));
            let from = out.len();
            match value {
                Value::Same => out.push_str(&text[i..j]),
                Value::Char(c) => {
                    out.push(c);
                    edit(out, i, j, from);
                }
                Value::Str(s) => {
                    out.push_str(s);
                    edit(out, i, j, from);
                }
            }
            i = j;
        }
        Ok(())
    }

    /// [`Step::run`] without map and guard once the output is being written: appends the
    /// conversion of `text[start..end]` to `out`, character by character, so runs of
    /// unchanged characters need no bookkeeping.
    #[inline(never)]
    fn run_writing(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut String,
        check_compat: bool,
    ) -> Result<(), NeedsNormalization> {
        let mut stage = Stage::new();
        let mut n = 0;
        let bytes = text.as_bytes();
        let ascii_plain = self.ascii_plain;
        let mut i = start;
        while i < end {
            if n >= STAGE {
                stage.flush(out, n);
                n = 0;
            }
            let b0 = bytes[i];
            if b0 < 0x80 && ascii_plain {
                let k = ascii_end(bytes, i, end);
                n = stage.push_str(out, n, &text[i..k]);
                i = k;
                continue;
            }
            let (cp, len) = decode(bytes, i);
            let e = self.entry(cp);
            if len < 4 && e.flags & SLOW == 0 {
                n = stage.put(out, n, u64::from(e.utf8), e.len);
                i += len;
                continue;
            }
            if len < 4 && e.flags & SLOW == PHRASE {
                match self.phrase_write(text, i, end, cp, len, e) {
                    Some((j, emit)) => {
                        n = stage.write(out, n, emit);
                        i = j;
                    }
                    None => {
                        n = stage.put(out, n, u64::from(e.utf8), e.len);
                        i += len;
                    }
                }
                continue;
            }
            match self.write_slow(text, i, end, check_compat) {
                Ok((j, emit)) => {
                    n = stage.write(out, n, emit);
                    i = j;
                }
                Err(e) => {
                    stage.flush(out, n);
                    return Err(e);
                }
            }
        }
        stage.flush(out, n);
        Ok(())
    }

    /// One position of [`Step::run_writing`] that needs the general path (IDS, compatibility
    /// ideographs, long one-character values, astral characters); returns where it ends.
    #[cold]
    fn write_slow<'a>(
        &'a self,
        text: &'a str,
        i: usize,
        end: usize,
        check_compat: bool,
    ) -> Result<(usize, Emit<'a>), NeedsNormalization> {
        let (cp, len) = decode(text.as_bytes(), i);
        let e = self.entry(cp);
        if e.flags & IDS != 0 {
            let n = ids_len(text, i, end);
            let j = i + if n == 0 { len } else { n };
            return Ok((j, Emit::Text(&text[i..j])));
        }
        if check_compat && e.flags & COMPAT != 0 {
            return Err(NeedsNormalization);
        }
        let (j, value) = self.lookup(text, i, end, cp, len, e).unwrap_or((i + len, Value::Same));
        Ok((j, Emit::of(value, &text[i..j])))
    }

    /// Whether [`Guard::SkipConverted`] leaves the match `text[i..j]` alone.
    fn guard_skips(
        &self,
        text: &str,
        start: usize,
        i: usize,
        j: usize,
        len: usize,
        value: Value<'_>,
    ) -> bool {
        match value {
            Value::Same => false,
            Value::Char(_) | Value::Str(_) if j == i + len => {
                let (cp, _) = decode(text.as_bytes(), i);
                self.entry(cp).flags & TARGET != 0 || self.kept_at(text, start, i, cp)
            }
            Value::Char(_) => false,
            Value::Str(v) => {
                // The replacement already surrounds the key.
                let key_len = j - i;
                if v.len() >= key_len {
                    let slack = v.len() - key_len;
                    let lowest = i.saturating_sub(slack).max(start);
                    if (lowest..=i).any(|s| text.get(s..s + v.len()) == Some(v)) {
                        return true;
                    }
                }
                // Every character is already in the target form.
                text[i..j].chars().all(|c| {
                    let e = self.entry(c as u32);
                    e.flags & CHANGE == 0 || e.flags & TARGET != 0
                })
            }
        }
    }

    /// Segment ends of `text` by OpenCC's maximum-match segmentation with this dictionary:
    /// each key found is a segment, and the runs between them are segments.
    fn segment(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut ends = Vec::new();
        let mut run_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let (cp, len) = decode(bytes, i);
            let e = self.entry(cp);
            if e.flags & IDS == 0
                && let Some((j, _)) = self.lookup(text, i, bytes.len(), cp, len, e)
            {
                {
                    if run_start < i {
                        ends.push(i);
                    }
                    ends.push(j);
                    run_start = j;
                    i = j;
                    continue;
                }
            }
            if e.flags & IDS != 0 {
                let n = ids_len(text, i, bytes.len());
                i += if n == 0 { len } else { n };
            } else if cp < 0x80 {
                i += 1;
            } else {
                i += utf8_len(bytes[i]);
            }
        }
        if run_start < bytes.len() {
            ends.push(bytes.len());
        }
        ends
    }
}

/// Appends the ASCII run at `text[i..end]` (`text[i]` is ASCII) to `out`; returns its end.
#[inline]
fn copy_ascii(text: &str, i: usize, end: usize, out: &mut Staged<'_>) -> usize {
    let k = ascii_end(text.as_bytes(), i, end);
    out.push_str(&text[i..k]);
    k
}

/// Runs one step over `text` segment by segment; returns the output (borrowed when
/// unchanged), its segment ends, and fills `map` when given.
fn run_step<'t>(
    step: &Step,
    text: &'t str,
    ends: &[usize],
    want_ends: bool,
    guard: Guard,
    map: Option<&mut OffsetMap>,
) -> (Cow<'t, str>, Vec<usize>) {
    let mut out = String::new();
    let mut sink = Sink::new(&mut out, text.len() + text.len() / 4, map);
    let mut new_ends = Vec::with_capacity(if want_ends { ends.len() } else { 0 });
    let mut start = 0;
    for &end in ends {
        // `check_compat` is off: normalization already ran.
        let _ = step.run(text, start, end, &mut sink, false, guard);
        if want_ends {
            new_ends.push(sink.out_pos(end));
        }
        start = end;
    }
    if sink.finish(text) { (Cow::Owned(out), new_ends) } else { (Cow::Borrowed(text), new_ends) }
}

impl Converter {
    /// A converter for `config`, with [`Guard::Off`] (OpenCC's exact output).
    #[must_use]
    pub fn new(config: Config) -> Converter {
        Converter { config, guard: Guard::Off }
    }

    /// Traditional (OpenCC standard) → Simplified, OpenCC's `t2s`.
    #[must_use]
    pub fn t2s() -> Converter {
        Converter::new(Config::T2s)
    }

    /// Simplified → Traditional (OpenCC standard), OpenCC's `s2t`.
    #[must_use]
    pub fn s2t() -> Converter {
        Converter::new(Config::S2t)
    }

    /// The configuration this converter runs.
    #[must_use]
    pub fn config(&self) -> Config {
        self.config
    }

    /// The guard this converter uses.
    #[must_use]
    pub fn guard(&self) -> Guard {
        self.guard
    }

    /// The same converter with `guard` (see [`Guard`]); the default is [`Guard::Off`].
    ///
    /// # Example
    ///
    /// ```
    /// use zhtext_core::Transform;
    /// use zhtext_script::{Config, Converter, Guard};
    ///
    /// let exact = Converter::new(Config::S2twp);
    /// let once = exact.apply("他汀类").into_owned();
    /// assert_eq!(once, "史他汀類");
    /// assert_eq!(exact.apply(&once), "史史他汀類"); // as OpenCC #950's `演演算法`
    /// let guarded = exact.guarded(Guard::SkipConverted);
    /// assert_eq!(guarded.apply(&once), once);
    /// ```
    #[must_use]
    pub fn guarded(self, guard: Guard) -> Converter {
        Converter { guard, ..self }
    }

    /// Builds the configuration's tables now instead of on first use (they are shared by
    /// every converter of the process, so this happens once).
    pub fn preload(&self) {
        let plan = self.config.plan();
        StepId::Norm.table();
        if let Some(seg) = plan.segmentation {
            seg.table();
        }
        for step in plan.steps {
            step.table();
        }
    }

    /// Converts into `out` (appending), filling `map` relative to `out`'s old end when
    /// given. Returns whether anything changed; when nothing did, `input` was appended.
    fn convert_into(
        &self,
        input: &str,
        out: &mut String,
        map: Option<&mut OffsetMap>,
        append_unchanged: bool,
    ) -> bool {
        let plan = self.config.plan();
        if plan.segmentation.is_none()
            && let [only] = plan.steps
        {
            // Fused: one pass, normalization checked on the way.
            let base = out.len();
            let mut local = OffsetMap::new();
            let has_map = map.is_some();
            let mut sink = Sink::new(
                out,
                input.len() + input.len() / 8,
                if has_map { Some(&mut local) } else { None },
            );
            let fused = only.table().run(input, 0, input.len(), &mut sink, true, self.guard);
            if fused.is_ok() {
                let changed = sink.finish(input);
                if !changed && append_unchanged {
                    out.push_str(input);
                }
                if let Some(map) = map {
                    *map = local;
                }
                return changed;
            }
            out.truncate(base);
            return self.convert_general(input, out, map, plan, append_unchanged);
        }
        self.convert_general(input, out, map, plan, append_unchanged)
    }

    fn convert_general(
        &self,
        input: &str,
        out: &mut String,
        map: Option<&mut OffsetMap>,
        plan: Plan,
        append_unchanged: bool,
    ) -> bool {
        let Plan { segmentation, steps } = plan;
        let mapped = map.is_some();
        let mut total = OffsetMap::new();
        let mut step_map = OffsetMap::new();
        let whole = [input.len()];
        let (mut text, _) = run_step(
            StepId::Norm.table(),
            input,
            &whole,
            false,
            Guard::Off,
            mapped.then_some(&mut total),
        );
        let mut ends = match segmentation {
            Some(seg) => seg.table().segment(&text),
            None => vec![text.len()],
        };
        for (k, step) in steps.iter().enumerate() {
            let want_ends = k + 1 < steps.len();
            step_map.clear();
            let (next, next_ends) = run_step(
                step.table(),
                &text,
                &ends,
                want_ends,
                self.guard,
                mapped.then_some(&mut step_map),
            );
            let next = match next {
                Cow::Borrowed(_) => None,
                Cow::Owned(s) => Some(s),
            };
            if let Some(next) = next {
                text = Cow::Owned(next);
                if mapped {
                    total = total.compose(&step_map);
                }
            }
            if want_ends {
                ends = next_ends;
            }
        }
        if let Some(map) = map {
            *map = total;
        }
        // A chain may come back to the input (`岩床` → `岩牀` → `岩床` in s2tw): unchanged.
        let changed = matches!(&text, Cow::Owned(s) if s != input);
        if changed || append_unchanged {
            out.push_str(&text);
        }
        changed
    }
}

impl Transform for Converter {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let mut out = String::new();
        if self.convert_into(input, &mut out, None, false) {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(input)
        }
    }

    fn apply_into(&self, input: &str, out: &mut String) {
        self.convert_into(input, out, None, true);
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        let mut out = String::new();
        if self.convert_into(input, &mut out, Some(map), false) {
            Cow::Owned(out)
        } else {
            map.clear();
            Cow::Borrowed(input)
        }
    }
}

/// The end of the ASCII run at `bytes[i..end]` (`bytes[i]` is ASCII).
#[inline]
fn ascii_end(bytes: &[u8], i: usize, end: usize) -> usize {
    let mut k = i + 1;
    while k + 8 <= end {
        let word = u64::from_le_bytes(bytes[k..k + 8].try_into().expect("slice of eight bytes"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        k += 8;
    }
    while k < end && bytes[k] < 0x80 {
        k += 1;
    }
    k
}
