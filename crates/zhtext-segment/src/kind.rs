//! What kind of token a piece of text is.

use zhtext_core::TokenKind;

/// The code point of a three-byte UTF-8 sequence (`a` its lead byte), for the bit tables
/// indexed by CJK ideograph.
#[inline]
pub(crate) const fn three_byte_code(a: u8, b: u8, c: u8) -> u32 {
    ((a as u32 & 0x0F) << 12) | ((b as u32 & 0x3F) << 6) | (c as u32 & 0x3F)
}

/// Whether `c` is a Han character (CJK unified ideographs, extensions, compatibility, 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{20000}'..='\u{323AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '〇')
}

/// Whether `c` is punctuation: ASCII, Latin-1, general, CJK and full-width punctuation.
pub(crate) fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301F}'
            | '\u{30FB}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FE50}'..='\u{FE6B}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

/// The kind of a token the dictionary segmenter produced (figures are classified by the lexer).
#[inline(always)]
pub(crate) fn classify(token: &str) -> TokenKind {
    // U+4E00–U+9FFF, all CJK unified ideographs (most words), start with E4 B8–E4 BF or
    // E5–E9; `，` and `。`, the commonest others, are punctuation.
    match token.as_bytes() {
        [0xE5..=0xE9, ..] | [0xE4, 0xB8..=0xBF, ..] => TokenKind::Word,
        [0xEF, 0xBC, 0x8C] | [0xE3, 0x80, 0x82] => TokenKind::Punct,
        _ => classify_any(token),
    }
}

/// [`classify`] for any token.
fn classify_any(token: &str) -> TokenKind {
    let mut chars = token.chars();
    let Some(first) = chars.next() else { return TokenKind::Other };
    if is_han(first) {
        return TokenKind::Word;
    }
    if first.is_whitespace() {
        return if token.chars().all(char::is_whitespace) {
            TokenKind::Space
        } else {
            TokenKind::Other
        };
    }
    let (mut han, mut alpha, mut numeric, mut punct, mut other) = (0, 0, 0, 0, 0);
    for c in token.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            alpha += 1;
        } else if c.is_ascii_digit() {
            numeric += 1;
        } else if is_punct(c) {
            punct += 1;
        } else if c.is_alphabetic() {
            alpha += 1;
        } else if c.is_numeric() {
            numeric += 1;
        } else {
            other += 1;
        }
    }
    if han > 0 {
        TokenKind::Word
    } else if alpha > 0 {
        TokenKind::Latin
    } else if numeric > 0 {
        TokenKind::Number
    } else if punct > 0 && other == 0 {
        TokenKind::Punct
    } else {
        TokenKind::Other
    }
}

/// Whether `c` is a full-width Latin letter or digit (`Ａ`, `ｚ`, `９`).
fn is_fullwidth_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// For a token made only of ASCII or full-width letters and digits, whether it has a
/// full-width one; `None` for any other token. Two adjacent such tokens with a full-width
/// character between them are one run that jieba cut apart (it keeps ASCII runs whole).
pub(crate) fn alphanumeric_run(token: &str) -> Option<bool> {
    let mut fullwidth = false;
    for c in token.chars() {
        if is_fullwidth_alphanumeric(c) {
            fullwidth = true;
        } else if !c.is_ascii_alphanumeric() {
            return None;
        }
    }
    Some(fullwidth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_runs() {
        assert_eq!(alphanumeric_run("Ｗ"), Some(true));
        assert_eq!(alphanumeric_run("ＩＳＯ９"), Some(true));
        assert_eq!(alphanumeric_run("10"), Some(false));
        assert_eq!(alphanumeric_run("，"), None);
        assert_eq!(alphanumeric_run("１９９６年"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("发展"), TokenKind::Word);
        assert_eq!(classify("T恤"), TokenKind::Word);
        assert_eq!(classify("PM2.5"), TokenKind::Latin);
        assert_eq!(classify("2024"), TokenKind::Number);
        assert_eq!(classify("，"), TokenKind::Punct);
        assert_eq!(classify("「"), TokenKind::Punct);
        assert_eq!(classify(" \u{3000}"), TokenKind::Space);
        assert_eq!(classify("😀"), TokenKind::Other);
        assert_eq!(classify("\u{4DC0}"), TokenKind::Other, "a hexagram, not Han");
        assert_eq!(classify("\u{4DFF}"), TokenKind::Other, "a hexagram, not Han");
        assert_eq!(classify("。"), TokenKind::Punct);
        for c in ['\u{5000}', '\u{9FFF}', '\u{4E00}', '\u{4FFF}', '\u{3400}', '\u{4DBF}'] {
            assert_eq!(classify(c.encode_utf8(&mut [0; 4])), TokenKind::Word);
        }
    }
}
