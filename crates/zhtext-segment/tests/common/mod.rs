//! Helpers shared by the integration tests.

use std::borrow::Cow;

use zhtext_core::{OffsetMap, Span, Transform};

/// A tiny Traditional → Simplified table, enough for the test sentences, with one entry that
/// changes the UTF-8 length (`𠮶` → `个`) to exercise offset mapping.
const PAIRS: &[(char, char)] = &[
    ('區', '区'),
    ('長', '长'),
    ('領', '领'),
    ('導', '导'),
    ('幹', '干'),
    ('會', '会'),
    ('議', '议'),
    ('講', '讲'),
    ('話', '话'),
    ('們', '们'),
    ('這', '这'),
    ('個', '个'),
    ('國', '国'),
    ('經', '经'),
    ('濟', '济'),
    ('發', '发'),
    ('實', '实'),
    ('現', '现'),
    ('這', '这'),
    ('來', '来'),
    ('時', '时'),
    ('後', '后'),
    ('對', '对'),
    ('總', '总'),
    ('產', '产'),
    ('業', '业'),
    ('點', '点'),
    ('億', '亿'),
    ('萬', '万'),
    ('稅', '税'),
    ('貫', '贯'),
    ('徹', '彻'),
    ('落', '落'),
    ('學', '学'),
    ('觀', '观'),
    ('決', '决'),
    ('策', '策'),
    ('組', '组'),
    ('織', '织'),
    ('與', '与'),
    ('者', '者'),
    ('僅', '仅'),
    ('參', '参'),
    ('考', '考'),
    ('編', '编'),
    ('給', '给'),
    ('傳', '传'),
    ('達', '达'),
    ('𠮶', '个'),
];

/// Converts the characters of [`PAIRS`], with an exact offset map.
#[derive(Debug, Default, Clone, Copy)]
pub struct TinyT2s;

fn convert(c: char) -> char {
    PAIRS.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)
}

impl Transform for TinyT2s {
    fn apply<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let mut map = OffsetMap::new();
        self.apply_mapped(input, &mut map)
    }

    fn apply_mapped<'a>(&self, input: &'a str, map: &mut OffsetMap) -> Cow<'a, str> {
        if input.chars().all(|c| convert(c) == c) {
            return Cow::Borrowed(input);
        }
        let mut out = String::with_capacity(input.len());
        for (i, c) in input.char_indices() {
            let s = convert(c);
            if s.len_utf8() != c.len_utf8() {
                let o = out.len();
                map.push(Span::new(i, i + c.len_utf8()), Span::new(o, o + s.len_utf8()));
            }
            out.push(s);
        }
        Cow::Owned(out)
    }
}
