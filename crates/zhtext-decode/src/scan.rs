//! The scan for characters that [`Cleanup`](crate::Cleanup) may change: a bit per code point
//! of the Basic Multilingual Plane, built at compile time, so that a character outside the
//! Han block costs a decode and one table load.

use crate::cleanup::fold_fullwidth;

/// Code points of the BMP from U+0300 whose NFC quick check is not Yes, as inclusive ranges
/// (from unicode-normalization 0.1.26; the test `nfc_ranges_match` checks them against the
/// crate in use).
const NFC_NOT_QUICK: &[(u32, u32)] = &[
    (0x0300, 0x0304),
    (0x0306, 0x030C),
    (0x030F, 0x030F),
    (0x0311, 0x0311),
    (0x0313, 0x0314),
    (0x031B, 0x031B),
    (0x0323, 0x0328),
    (0x032D, 0x032E),
    (0x0330, 0x0331),
    (0x0338, 0x0338),
    (0x0340, 0x0345),
    (0x0374, 0x0374),
    (0x037E, 0x037E),
    (0x0387, 0x0387),
    (0x0653, 0x0655),
    (0x093C, 0x093C),
    (0x0958, 0x095F),
    (0x09BE, 0x09BE),
    (0x09D7, 0x09D7),
    (0x09DC, 0x09DD),
    (0x09DF, 0x09DF),
    (0x0A33, 0x0A33),
    (0x0A36, 0x0A36),
    (0x0A59, 0x0A5B),
    (0x0A5E, 0x0A5E),
    (0x0B3E, 0x0B3E),
    (0x0B56, 0x0B57),
    (0x0B5C, 0x0B5D),
    (0x0BBE, 0x0BBE),
    (0x0BD7, 0x0BD7),
    (0x0C56, 0x0C56),
    (0x0CC2, 0x0CC2),
    (0x0CD5, 0x0CD6),
    (0x0D3E, 0x0D3E),
    (0x0D57, 0x0D57),
    (0x0DCA, 0x0DCA),
    (0x0DCF, 0x0DCF),
    (0x0DDF, 0x0DDF),
    (0x0F43, 0x0F43),
    (0x0F4D, 0x0F4D),
    (0x0F52, 0x0F52),
    (0x0F57, 0x0F57),
    (0x0F5C, 0x0F5C),
    (0x0F69, 0x0F69),
    (0x0F73, 0x0F73),
    (0x0F75, 0x0F76),
    (0x0F78, 0x0F78),
    (0x0F81, 0x0F81),
    (0x0F93, 0x0F93),
    (0x0F9D, 0x0F9D),
    (0x0FA2, 0x0FA2),
    (0x0FA7, 0x0FA7),
    (0x0FAC, 0x0FAC),
    (0x0FB9, 0x0FB9),
    (0x102E, 0x102E),
    (0x1161, 0x1175),
    (0x11A8, 0x11C2),
    (0x1B35, 0x1B35),
    (0x1F71, 0x1F71),
    (0x1F73, 0x1F73),
    (0x1F75, 0x1F75),
    (0x1F77, 0x1F77),
    (0x1F79, 0x1F79),
    (0x1F7B, 0x1F7B),
    (0x1F7D, 0x1F7D),
    (0x1FBB, 0x1FBB),
    (0x1FBE, 0x1FBE),
    (0x1FC9, 0x1FC9),
    (0x1FCB, 0x1FCB),
    (0x1FD3, 0x1FD3),
    (0x1FDB, 0x1FDB),
    (0x1FE3, 0x1FE3),
    (0x1FEB, 0x1FEB),
    (0x1FEE, 0x1FEF),
    (0x1FF9, 0x1FF9),
    (0x1FFB, 0x1FFB),
    (0x1FFD, 0x1FFD),
    (0x2000, 0x2001),
    (0x2126, 0x2126),
    (0x212A, 0x212B),
    (0x2329, 0x232A),
    (0x2ADC, 0x2ADC),
    (0x3099, 0x309A),
    (0xF900, 0xFA0D),
    (0xFA10, 0xFA10),
    (0xFA12, 0xFA12),
    (0xFA15, 0xFA1E),
    (0xFA20, 0xFA20),
    (0xFA22, 0xFA22),
    (0xFA25, 0xFA26),
    (0xFA2A, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0xFB1D, 0xFB1D),
    (0xFB1F, 0xFB1F),
    (0xFB2A, 0xFB36),
    (0xFB38, 0xFB3C),
    (0xFB3E, 0xFB3E),
    (0xFB40, 0xFB41),
    (0xFB43, 0xFB44),
    (0xFB46, 0xFB4E),
];

/// A bit per BMP code point.
pub(crate) type BmpSet = [u64; 1024];

/// The characters that may change or affect their neighbours with
/// [`PunctStyle::FullWidthInChinese`](crate::PunctStyle) or `Keep`, and with `HalfWidth`.
/// ASCII and U+4000..U+9FFF are not in them (the scan handles those itself).
pub(crate) static NEEDS_WORK: BmpSet = build(false);
pub(crate) static NEEDS_WORK_HALF: BmpSet = build(true);

const fn set(table: &mut BmpSet, from: u32, to: u32, on: bool) {
    let mut u = from;
    while u <= to {
        let bit = 1u64 << (u % 64);
        if on {
            table[(u / 64) as usize] |= bit;
        } else {
            table[(u / 64) as usize] &= !bit;
        }
        u += 1;
    }
}

/// The same rules as `Cleanup::char_needs_work`, range by range.
const fn build(half: bool) -> BmpSet {
    let mut table = [0u64; 1024];
    let mut k = 0;
    while k < NFC_NOT_QUICK.len() {
        set(&mut table, NFC_NOT_QUICK[k].0, NFC_NOT_QUICK[k].1, true);
        k += 1;
    }
    set(&mut table, 0x80, 0xA0, true);
    set(&mut table, 0xAD, 0xAD, true);
    set(&mut table, 0x2000, 0x200F, true);
    set(&mut table, 0x2015, 0x2015, true);
    set(&mut table, 0x2028, 0x202F, true);
    set(&mut table, 0x205F, 0x206F, true);
    set(&mut table, 0x2105, 0x2105, true);
    set(&mut table, 0x3000, 0x3000, true);
    set(&mut table, 0x3220, 0x3229, true);
    set(&mut table, 0xFEFF, 0xFEFF, true);
    set(&mut table, 0x3001, 0x3011, half);
    set(&mut table, 0x3014, 0x301F, half);
    set(&mut table, 0x2018, 0x201F, half);
    set(&mut table, 0x2026, 0x2026, half);
    let mut u = 0xFF01;
    while u <= 0xFF5E {
        let on = half
            || u == 0xFF0E
            || u == 0xFF0D
            || match char::from_u32(u) {
                Some(c) => fold_fullwidth(c).is_some(),
                None => false,
            };
        set(&mut table, u, u, on);
        u += 1;
    }
    // The scan never looks these up; keep them clear so that the table says what it means.
    set(&mut table, 0, 0x7F, false);
    set(&mut table, 0x4000, 0x9FFF, false);
    table
}

/// ASCII bytes that always need a look: controls, space, `&`.
const ASCII_ALWAYS: u128 = {
    let mut mask = 0u128;
    let mut b = 0;
    while b < 0x20 {
        mask |= 1 << b;
        b += 1;
    }
    mask | 1 << 0x7F | 1 << b' ' | 1 << b'&'
};

/// ASCII punctuation that may become full-width.
const ASCII_PUNCT: u128 =
    1 << b',' | 1 << b':' | 1 << b';' | 1 << b'!' | 1 << b'?' | 1 << b'(' | 1 << b')';

/// What the scan looks for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scan {
    ascii: u128,
    bmp: &'static BmpSet,
}

impl Scan {
    /// `punct`: ASCII punctuation counts; `half`: [`PunctStyle::HalfWidth`]'s table.
    ///
    /// [`PunctStyle::HalfWidth`]: crate::PunctStyle::HalfWidth
    pub(crate) fn new(punct: bool, half: bool) -> Scan {
        Scan {
            ascii: if punct { ASCII_ALWAYS | ASCII_PUNCT } else { ASCII_ALWAYS },
            bmp: if half { &NEEDS_WORK_HALF } else { &NEEDS_WORK },
        }
    }

    /// The first character at or after `from` (a char boundary) in `text` that may change;
    /// `slow` decides characters outside the BMP.
    #[inline]
    pub(crate) fn next(
        &self,
        text: &str,
        from: usize,
        slow: impl Fn(char) -> bool,
    ) -> Option<usize> {
        let b = text.as_bytes();
        let n = b.len();
        let han = |x: u8| x.wrapping_sub(0xE4) < 6;
        let mut i = from;
        while i < n {
            // Runs of Han characters four at a time, with one branch.
            while let Some(w) = b.get(i..i + 12) {
                if !(han(w[0]) & han(w[3]) & han(w[6]) & han(w[9])) {
                    break;
                }
                i += 12;
            }
            let Some(&x) = b.get(i) else { break };
            if x < 0x80 {
                if self.ascii >> x & 1 != 0 {
                    return Some(i);
                }
                i += 1;
            } else if (0xE4..=0xE9).contains(&x) {
                i += 3;
            } else if (0xE0..0xF0).contains(&x) && i + 2 < n {
                let u = (u32::from(x) & 0x0F) << 12
                    | (u32::from(b[i + 1]) & 0x3F) << 6
                    | (u32::from(b[i + 2]) & 0x3F);
                if self.bmp[(u >> 6) as usize] >> (u & 63) & 1 != 0 {
                    return Some(i);
                }
                i += 3;
            } else if x < 0xE0 && i + 1 < n {
                let u = (u32::from(x) & 0x1F) << 6 | (u32::from(b[i + 1]) & 0x3F);
                if self.bmp[(u >> 6) as usize] >> (u & 63) & 1 != 0 {
                    return Some(i);
                }
                i += 2;
            } else {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    return Some(i);
                };
                if slow(c) {
                    return Some(i);
                }
                i += c.len_utf8();
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    use super::*;

    #[test]
    fn nfc_ranges_match() {
        for u in 0x300..0x10000 {
            let Some(c) = char::from_u32(u) else { continue };
            let listed = NFC_NOT_QUICK.iter().any(|&(a, b)| (a..=b).contains(&u));
            let quick = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(listed, !quick, "help: regenerate NFC_NOT_QUICK (U+{u:04X})");
        }
    }
}
