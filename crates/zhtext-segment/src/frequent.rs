//! The dictionary's commonest single-character words, which jieba's HMM may not join two at a
//! time into an unknown word (`这是`, `一是`).

use jieba_rs::Jieba;

use crate::kind::three_byte_code;

/// The first and one past the last code point of the table (the CJK Unified Ideographs block).
const FIRST: u32 = 0x4E00;
const END: u32 = 0xA000;

/// How many single-character words are frequent: the dictionary's most frequent ones (with
/// jieba's dictionary, those used at least once in 3,000 words: `是`, `这`, `一`, `地`, `很`;
/// not `级` or `宋`).
const COUNT: usize = 200;

/// Not one of the [`COUNT`] frequent characters.
const NONE: u8 = u8::MAX;

/// The part-of-speech tags of jieba's dictionary (a character with another tag gets `x`).
const TAGS: &[&str] = &[
    "n", "nr", "v", "i", "l", "ns", "m", "nz", "nrt", "zg", "nt", "a", "vn", "z", "d", "t", "j",
    "b", "g", "r", "s", "c", "nrfg", "x", "f", "ng", "o", "q", "vg", "p", "ad", "mq", "y", "ag",
    "an", "e", "u", "tg", "vq", "vi", "k", "vd", "rr", "mg", "h", "dg", "uz", "uv", "ul", "uj",
    "ug", "ud", "rz", "rg", "df",
];

/// The frequent characters of a dictionary, and which two of them make a dictionary word.
pub(crate) struct FrequentChars {
    /// For each CJK Unified Ideograph, its rank among the frequent characters, or [`NONE`].
    rank: Box<[u8]>,
    /// One bit per ordered pair of frequent characters: whether the pair is a dictionary word.
    pairs: Box<[u64]>,
    /// The dictionary's part-of-speech tag of each frequent character, by rank.
    tags: Box<[&'static str]>,
}

impl FrequentChars {
    /// The frequent characters of `jieba`'s dictionary.
    pub(crate) fn new(jieba: &Jieba) -> FrequentChars {
        let mut buf = [0u8; 4];
        let mut chars: Vec<(usize, char)> = (FIRST..END)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let word = c.encode_utf8(&mut buf);
                // `suggest_freq` of a single dictionary character is its frequency plus one.
                jieba.has_word(word).then(|| (jieba.suggest_freq(word), c))
            })
            .collect();
        chars.sort_unstable_by(|a, b| b.cmp(a));
        chars.truncate(COUNT);
        let mut rank = vec![NONE; (END - FIRST) as usize].into_boxed_slice();
        for (r, &(_, c)) in (0u8..).zip(&chars) {
            rank[(c as u32 - FIRST) as usize] = r;
        }
        let mut pairs = vec![0u64; (COUNT * COUNT).div_ceil(64)].into_boxed_slice();
        let mut word = String::new();
        for (i, &(_, a)) in chars.iter().enumerate() {
            for (j, &(_, b)) in chars.iter().enumerate() {
                word.clear();
                word.extend([a, b]);
                if jieba.has_word(&word) {
                    let bit = i * COUNT + j;
                    pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        let tags = chars
            .iter()
            .map(|&(_, c)| {
                let tagged = jieba.tag(c.encode_utf8(&mut buf), false);
                let tag = tagged.first().map_or("x", |t| t.tag);
                TAGS.iter().copied().find(|&t| t == tag).unwrap_or("x")
            })
            .collect();
        FrequentChars { rank, pairs, tags }
    }

    /// The rank of the character encoded by `bytes` (three bytes), or [`NONE`].
    #[inline]
    fn rank(&self, bytes: &[u8]) -> u8 {
        match *bytes {
            [a @ 0xE4..=0xE9, b, c] => {
                let u = three_byte_code(a, b, c);
                u.checked_sub(FIRST).map_or(NONE, |i| self.rank[i as usize])
            }
            _ => NONE,
        }
    }

    /// When `word` is two frequent characters that are not a dictionary word together, their
    /// part-of-speech tags.
    #[inline]
    pub(crate) fn unknown_pair(&self, word: &str) -> Option<[&'static str; 2]> {
        let bytes = word.as_bytes();
        if bytes.len() != 6 {
            return None;
        }
        let (a, b) = (self.rank(&bytes[..3]), self.rank(&bytes[3..]));
        if a == NONE || b == NONE {
            return None;
        }
        let bit = usize::from(a) * COUNT + usize::from(b);
        (self.pairs[bit / 64] & (1 << (bit % 64)) == 0)
            .then(|| [self.tags[usize::from(a)], self.tags[usize::from(b)]])
    }
}
