//! HTML character references.

/// Named references common in scraped Chinese pages, sorted by name.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bull", '•'),
    ("cent", '¢'),
    ("copy", '©'),
    ("deg", '°'),
    ("divide", '÷'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("gt", '>'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsquo", '’'),
    ("sect", '§'),
    ("thinsp", '\u{2009}'),
    ("times", '×'),
    ("trade", '™'),
    ("yen", '¥'),
];

/// Parses a character reference at the start of `s` (which starts with `&`): the character
/// and the reference's length in bytes.
pub(crate) fn parse(s: &str) -> Option<(char, usize)> {
    let (c, len) = parse_after_amp(s.strip_prefix('&')?)?;
    Some((c, len + 1))
}

/// Parses the part of a character reference after its `&` at the start of `s`: the
/// character and the length in bytes (without the `&`).
pub(crate) fn parse_after_amp(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let semi = b.iter().take(11).position(|&x| x == b';')?;
    let body = &s[..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let value = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|x| x.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            if num.is_empty() || num.len() > 7 || !num.bytes().all(|x| x.is_ascii_digit()) {
                return None;
            }
            num.parse::<u32>().ok()?
        };
        char::from_u32(value)?
    } else {
        let i = NAMED.binary_search_by(|(name, _)| (*name).cmp(body)).ok()?;
        NAMED[i].1
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn references() {
        assert_eq!(parse("&nbsp;x"), Some(('\u{A0}', 6)));
        assert_eq!(parse("&#8220;"), Some(('“', 7)));
        assert_eq!(parse("&#x201D;"), Some(('”', 8)));
        assert_eq!(parse("&ldquo"), None);
        assert_eq!(parse("&nosuch;"), None);
        assert_eq!(parse("&#xD800;"), None);
    }
}
