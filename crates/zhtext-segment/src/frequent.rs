//! Characters the dictionary counts as frequent words of their own, which jieba's HMM is not
//! allowed to join into an unknown word.

use jieba_rs::Jieba;

/// The first and one past the last code point of the table (the CJK Unified Ideographs block).
const FIRST: u32 = 0x4E00;
const END: u32 = 0xA000;
const WORDS: usize = ((END - FIRST) / 64) as usize;

/// How many single-character words are frequent: the dictionary's most frequent ones (with
/// jieba's dictionary, those used at least once in 3,000 words: `是`, `这`, `一`, `地`, `很`;
/// not `级` or `宋`).
const COUNT: usize = 200;

/// One bit per CJK Unified Ideograph: whether it is a frequent word of its own.
pub(crate) struct FrequentChars {
    bits: Box<[u64; WORDS]>,
}

impl FrequentChars {
    /// The frequent characters of `jieba`'s dictionary.
    pub(crate) fn new(jieba: &Jieba) -> FrequentChars {
        let mut buf = [0u8; 4];
        let mut chars: Vec<(usize, u32)> = (FIRST..END)
            .filter_map(|u| {
                let word = char::from_u32(u)?.encode_utf8(&mut buf);
                // `suggest_freq` of a single dictionary character is its frequency plus one.
                jieba.has_word(word).then(|| (jieba.suggest_freq(word), u))
            })
            .collect();
        chars.sort_unstable_by(|a, b| b.cmp(a));
        let mut bits = Box::new([0u64; WORDS]);
        for &(_, u) in chars.iter().take(COUNT) {
            let i = (u - FIRST) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        FrequentChars { bits }
    }

    /// Whether the character encoded by the three bytes at the start of `bytes` is frequent.
    #[inline]
    fn has(&self, bytes: &[u8]) -> bool {
        match *bytes {
            [a @ 0xE4..=0xE9, b, c, ..] => {
                let u =
                    (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F);
                u >= FIRST && {
                    let i = (u - FIRST) as usize;
                    self.bits[i / 64] & (1 << (i % 64)) != 0
                }
            }
            _ => false,
        }
    }

    /// Whether `word` (two or more characters) is made only of frequent characters.
    #[inline]
    pub(crate) fn all_frequent(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        bytes.len() >= 6 && bytes.len().is_multiple_of(3) && bytes.chunks_exact(3).all(|c| self.has(c))
    }
}
