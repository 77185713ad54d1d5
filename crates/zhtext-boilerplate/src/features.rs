//! Line features: length, Chinese ratio, how the line ends, digits, e-mails, phone numbers,
//! dates, separators. Computed in one pass over the bytes of a (trimmed) line.

/// How a line ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// `。！？!?；…` (possibly before a closing quote or bracket): a sentence.
    Sentence,
    /// `：` or `:`: a salutation or a label.
    Colon,
    /// `，、,`: a sentence cut by a line break.
    Comma,
    /// Anything else (a title, a list item, a heading).
    Other,
}

/// Features of one trimmed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Features {
    /// Characters.
    pub chars: u32,
    /// Han characters (approximately: three-byte characters with lead bytes E3 90 – E9).
    pub han: u32,
    /// ASCII digits.
    pub digits: u32,
    /// ASCII letters.
    pub latin: u32,
    /// Sentence-final marks `。！？` inside the line (not counting the end).
    pub inner_stops: u32,
    /// Commas `，、,` and `；`.
    pub commas: u32,
    /// How the line ends.
    pub end: End,
    /// An e-mail address (`name@host.tld`).
    pub email: bool,
    /// A phone number (seven digits or more, or an area code with dashes), not a date.
    pub phone: bool,
    /// A date (`2022-09-25`, `2022/9/25`, `2022年9月25日`) or a time (`03:40`).
    pub datetime: bool,
    /// Breadcrumb separators `>` `＞` `»` `›` `→` `/`.
    pub separators: u32,
    /// Segments separated by runs of spaces or `|`.
    pub segments: u32,
    /// No letter, digit or Han character at all (symbols only).
    pub symbols_only: bool,
}

impl Features {
    /// The features of `line` (trimmed, without its line break).
    pub(crate) fn of(line: &str) -> Features {
        let b = line.as_bytes();
        let mut f = Features {
            chars: 0,
            han: 0,
            digits: 0,
            latin: 0,
            inner_stops: 0,
            commas: 0,
            end: End::Other,
            email: false,
            phone: false,
            datetime: false,
            separators: 0,
            segments: 0,
            symbols_only: true,
        };
        let mut in_gap = true;
        let mut i = 0;
        // Digit groups separated by single '-', for phone numbers and dates.
        let mut group_digits: u32 = 0;
        let mut groups: [u32; 4] = [0; 4];
        let mut n_groups = 0usize;
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                f.chars += 1;
                match c {
                    b'0'..=b'9' => {
                        f.digits += 1;
                        group_digits += 1;
                        f.symbols_only = false;
                    }
                    b'a'..=b'z' | b'A'..=b'Z' => {
                        f.latin += 1;
                        f.symbols_only = false;
                    }
                    b'@' if !f.email => f.email = is_email_at(b, i),
                    // 03:40
                    b':' if i > 0
                        && b[i - 1].is_ascii_digit()
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                        && b.get(i + 2).is_some_and(u8::is_ascii_digit) =>
                    {
                        f.datetime = true;
                    }
                    b'>' | b'/' => f.separators += 1,
                    b',' | b';' => f.commas += 1,
                    b'!' | b'?' => f.inner_stops += 1,
                    _ => {}
                }
                if c == b'-' && group_digits > 0 && n_groups < 4 {
                    groups[n_groups] = group_digits;
                    n_groups += 1;
                    group_digits = 0;
                } else if !c.is_ascii_digit() {
                    close_groups(&mut f, &mut groups, &mut n_groups, &mut group_digits, c == b'-');
                }
                let gap = c == b' ' || c == b'|' || c == b'\t';
                if gap && !in_gap {
                    in_gap = true;
                } else if !gap && in_gap {
                    in_gap = false;
                    f.segments += 1;
                }
                i += 1;
                continue;
            }
            // Non-ASCII: one character of 2-4 bytes.
            if (0xE4..=0xE9).contains(&c) && group_digits == 0 && n_groups == 0 {
                // Fast path: a Han character not after digits.
                f.han += 1;
                f.chars += 1;
                f.symbols_only = false;
                if in_gap {
                    in_gap = false;
                    f.segments += 1;
                }
                i += 3;
                continue;
            }
            close_groups(&mut f, &mut groups, &mut n_groups, &mut group_digits, false);
            let len = utf8_len(c);
            f.chars += 1;
            let mut gap = false;
            if len == 3 {
                let (c1, c2) =
                    (b.get(i + 1).copied().unwrap_or(0), b.get(i + 2).copied().unwrap_or(0));
                if (0xE4..=0xE9).contains(&c) || (c == 0xE3 && c1 >= 0x90) {
                    f.han += 1;
                    f.symbols_only = false;
                    // 年 月 日 after digits: a date.
                    if is_date_char(c, c1, c2) && i > 0 && b[i - 1].is_ascii_digit() {
                        f.datetime |= is_date_context(b, i);
                    }
                } else {
                    match (c, c1, c2) {
                        // 。
                        (0xE3, 0x80, 0x82) => f.inner_stops += 1,
                        // 、
                        (0xE3, 0x80, 0x81) => f.commas += 1,
                        // ！ ？
                        (0xEF, 0xBC, 0x81 | 0x9F) => f.inner_stops += 1,
                        // ， ；
                        (0xEF, 0xBC, 0x8C | 0x9B) => f.commas += 1,
                        // ＞ ／
                        (0xEF, 0xBC, 0x9E | 0x8F) => f.separators += 1,
                        // › →
                        (0xE2, 0x80, 0xBA) | (0xE2, 0x86, 0x92) => f.separators += 1,
                        // ｜ (segment gap)
                        (0xEF, 0xBD, 0x9C) => gap = true,
                        // Full-width digits and letters.
                        (0xEF, 0xBC, 0x90..=0x99) => {
                            f.digits += 1;
                            f.symbols_only = false;
                        }
                        (0xEF, 0xBC, 0xA1..=0xBA) | (0xEF, 0xBD, 0x81..=0x9A) => {
                            f.latin += 1;
                            f.symbols_only = false;
                        }
                        // Ideographic space: a gap.
                        (0xE3, 0x80, 0x80) => gap = true,
                        _ => {}
                    }
                }
            } else if len == 2 && c == 0xC2 && b.get(i + 1) == Some(&0xBB) {
                // »
                f.separators += 1;
            } else if len == 4 {
                // Supplementary ideographs (extensions B+) count as Han.
                if c == 0xF0 && matches!(b.get(i + 1), Some(0xA0..=0xB3)) {
                    f.han += 1;
                }
                f.symbols_only = false;
            } else if len == 2 {
                // Latin-1 letters, Greek, Cyrillic: letters.
                let next = b.get(i + 1).copied().unwrap_or(0);
                if c >= 0xC3 || (c == 0xC2 && next >= 0xC0) {
                    f.symbols_only = false;
                }
            }
            if gap {
                in_gap = true;
            } else if in_gap {
                in_gap = false;
                f.segments += 1;
            }
            i += len;
        }
        close_groups(&mut f, &mut groups, &mut n_groups, &mut group_digits, false);
        f.end = ending(line);
        // The final mark is not an inner one.
        if f.end == End::Sentence && f.inner_stops > 0 && ends_with_stop(line) {
            f.inner_stops -= 1;
        }
        f
    }

    /// The features of a long line estimated from those of its head `h` and tail `t`;
    /// `chars` is the line's real character count.
    pub(crate) fn combine(h: Features, t: Features, chars: u32) -> Features {
        let sampled = (h.chars + t.chars).max(1);
        let scale = |a: u32, b: u32| {
            u32::try_from(u64::from(a + b) * u64::from(chars) / u64::from(sampled))
                .unwrap_or(u32::MAX)
        };
        Features {
            chars,
            han: scale(h.han, t.han),
            digits: scale(h.digits, t.digits),
            latin: scale(h.latin, t.latin),
            inner_stops: h.inner_stops + t.inner_stops + u32::from(h.end == End::Sentence),
            commas: h.commas + t.commas,
            end: t.end,
            email: h.email || t.email,
            phone: h.phone || t.phone,
            datetime: h.datetime || t.datetime,
            separators: h.separators + t.separators,
            segments: h.segments + t.segments,
            symbols_only: h.symbols_only && t.symbols_only,
        }
    }

    /// Share of Han characters, in percent.
    pub(crate) fn han_percent(&self) -> u32 {
        let percent = (u64::from(self.han) * 100).checked_div(u64::from(self.chars)).unwrap_or(0);
        u32::try_from(percent).unwrap_or(100)
    }

    /// Running text: a sentence (ends with `。！？`, or is long and has commas), mostly Chinese.
    pub(crate) fn is_prose(&self) -> bool {
        let chinese = self.han_percent() >= 50;
        (self.end == End::Sentence && self.chars >= 12 && chinese)
            || (self.chars >= 40 && chinese && (self.commas + self.inner_stops) >= 2)
    }

    /// Shaped like a title or list item: short, Chinese, no sentence inside or at the end.
    pub(crate) fn is_title_like(&self) -> bool {
        self.chars >= 2
            && self.chars <= 50
            && self.han >= 2
            && self.end != End::Sentence
            && self.end != End::Colon
            && self.inner_stops == 0
            && self.commas <= 1
    }
}

fn close_groups(
    f: &mut Features,
    groups: &mut [u32; 4],
    n: &mut usize,
    digits: &mut u32,
    dash: bool,
) {
    if dash {
        return;
    }
    if *digits > 0 && *n < 4 {
        groups[*n] = *digits;
        *n += 1;
    }
    *digits = 0;
    if *n > 0 {
        let g = &groups[..*n];
        let total: u32 = g.iter().sum();
        let date = g.len() == 3 && g[0] == 4 && g[1] <= 2 && g[2] <= 2;
        if date {
            f.datetime = true;
        } else if total >= 7
            && (g.len() == 1 || g.len() >= 2 && (g[0] == 3 || g[0] == 4 || g[0] == 2))
        {
            // 13812345678, 0371-12345678, 400-123-4567, 010-1234567
            f.phone = true;
        }
    }
    *n = 0;
}

/// Whether the bytes at `i` are 年, 月 or 日.
fn is_date_char(c0: u8, c1: u8, c2: u8) -> bool {
    // 年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5
    matches!((c0, c1, c2), (0xE5, 0xB9, 0xB4) | (0xE6, 0x9C, 0x88) | (0xE6, 0x97, 0xA5))
}

/// `2022年9月` or `9月25日`: a year of four digits, or a month followed by a day.
fn is_date_context(b: &[u8], i: usize) -> bool {
    let mut start = i;
    while start > 0 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let year = i - start == 4
        && b[i..].starts_with("年".as_bytes())
        && b.get(i + 3).is_some_and(u8::is_ascii_digit);
    let month = b[i..].starts_with("月".as_bytes()) && b.get(i + 3).is_some_and(u8::is_ascii_digit);
    year || month
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

fn is_email_at(b: &[u8], at: usize) -> bool {
    let local =
        at > 0 && (b[at - 1].is_ascii_alphanumeric() || matches!(b[at - 1], b'.' | b'_' | b'-'));
    let rest = &b[at + 1..];
    let host_len =
        rest.iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')).count();
    let host = &rest[..host_len];
    local && host_len >= 3 && host.contains(&b'.') && !host.starts_with(b".")
}

/// Closing quotes and brackets that may follow a sentence-final mark.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '》' | '】' | ']')
}

fn ending(line: &str) -> End {
    let mut chars = line.chars().rev();
    let mut last = chars.next();
    let mut guard = 0;
    while let Some(c) = last {
        if is_closer(c) && guard < 3 {
            last = chars.next();
            guard += 1;
        } else {
            break;
        }
    }
    match last {
        Some('。' | '！' | '？' | '!' | '?' | '；' | ';' | '…' | '.') => End::Sentence,
        Some('：' | ':') => End::Colon,
        Some('，' | '、' | ',') => End::Comma,
        _ => End::Other,
    }
}

fn ends_with_stop(line: &str) -> bool {
    line.trim_end_matches(is_closer).ends_with(['!', '?', '。', '！', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_titles() {
        let f = Features::of("全区生产总值增长8.8%，比上年提高1.2个百分点。");
        assert!(f.is_prose());
        assert_eq!(f.end, End::Sentence);
        let f = Features::of("区委书记在区委全会上的讲话");
        assert!(f.is_title_like() && !f.is_prose());
        assert_eq!(Features::of("同志们：").end, End::Colon);
        assert_eq!(Features::of("“好”。”").end, End::Sentence);
    }

    #[test]
    fn contacts_and_dates() {
        assert!(Features::of("投诉:640661@qq.com").email);
        assert!(!Features::of("@某用户").email);
        assert!(Features::of("电话：0371-12345678").phone);
        assert!(Features::of("13812345678").phone);
        let f = Features::of("时间：2022-09-25 03:40:31");
        assert!(f.datetime && !f.phone);
        assert!(Features::of("（2024年1月5日）").datetime);
        assert!(!Features::of("鲁ICP备2020038323号-1").datetime);
    }

    #[test]
    fn shapes() {
        assert_eq!(Features::of("首页 > 范文大全 > 讲话稿").separators, 2);
        assert_eq!(Features::of("打印 | 关闭 | 收藏").segments, 3);
        assert!(Features::of("-------").symbols_only);
        assert!(!Features::of("*** 区").symbols_only);
    }
}
