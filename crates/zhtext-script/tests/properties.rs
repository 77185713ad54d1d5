//! Property tests: no panics, sound offset maps, chunking, the guard, and the fast path
//! against a naive oracle.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use proptest::prelude::*;
use zhtext_core::{OffsetMap, Transform};
use zhtext_script::{Config, Converter, Guard, detect_script};

fn entries(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|l| {
        let (k, v) = l.split_once('\t')?;
        Some((k, v.split(' ').next().unwrap_or(v)))
    })
}

const TS_PHRASES: &str = include_str!("../data/TSPhrases.txt");
const TS_EXT: &str = include_str!("../data/TSCharactersExt.txt");
const TS_CHARS: &str = include_str!("../data/TSCharacters.txt");
const ST_PHRASES: &str = include_str!("../data/STPhrases.txt");
const ST_REGIONAL: &str = include_str!("../data/STPhrases_GeneratedFromRegionalPhrases.txt");
const ST_CHARS: &str = include_str!("../data/STCharacters.txt");
const COMPAT: &str = include_str!("../data/CJK_Compatibility_Ideographs.txt");

/// Words to build inputs from: keys and values of the t2s and s2t dictionaries.
static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = Vec::new();
    for text in [TS_PHRASES, TS_EXT, TS_CHARS, ST_CHARS] {
        for (k, v) in entries(text) {
            words.push(k);
            words.push(v);
        }
    }
    words.extend(entries(ST_PHRASES).step_by(7).flat_map(|(k, v)| [k, v]));
    words
});

/// A naive oracle: OpenCC's loop over plain hash maps, one short-circuit group, no IDS
/// (inputs of the oracle test have no IDS operator and no compatibility ideograph).
fn oracle(groups: &[Vec<HashMap<&'static str, &'static str>>], text: &str) -> String {
    let mut current = text.to_owned();
    for group in groups {
        let mut out = String::new();
        let chars: Vec<(usize, char)> = current.char_indices().collect();
        let mut k = 0;
        'outer: while k < chars.len() {
            for dict in group {
                for n in (1..=16.min(chars.len() - k)).rev() {
                    let end = chars.get(k + n).map_or(current.len(), |c| c.0);
                    if let Some(v) = dict.get(&current[chars[k].0..end]) {
                        out.push_str(v);
                        k += n;
                        continue 'outer;
                    }
                }
            }
            out.push(chars[k].1);
            k += 1;
        }
        current = out;
    }
    current
}

fn map_of(texts: &[&'static str]) -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for text in texts {
        for (k, v) in entries(text) {
            map.entry(k).or_insert(v);
        }
    }
    map
}

static T2S: LazyLock<Vec<Vec<HashMap<&'static str, &'static str>>>> =
    LazyLock::new(|| vec![vec![map_of(&[TS_PHRASES]), map_of(&[TS_EXT]), map_of(&[TS_CHARS])]]);
static S2T: LazyLock<Vec<Vec<HashMap<&'static str, &'static str>>>> =
    LazyLock::new(|| vec![vec![map_of(&[ST_PHRASES, ST_REGIONAL]), map_of(&[ST_CHARS])]]);

const TW_VARIANTS_PHRASES: &str = include_str!("../data/TWVariantsPhrases.txt");
const TW_VARIANTS: &str = include_str!("../data/TWVariants.txt");
const TW_VARIANTS_REV_PHRASES: &str = include_str!("../data/TWVariantsRevPhrases.txt");
const TW_VARIANTS_REV: &str = include_str!("../data/TWVariantsRev.txt");
const HK_VARIANTS_PHRASES: &str = include_str!("../data/HKVariantsPhrases.txt");
const HK_VARIANTS: &str = include_str!("../data/HKVariants.txt");
const HK_VARIANTS_REV_PHRASES: &str = include_str!("../data/HKVariantsRevPhrases.txt");
const HK_VARIANTS_REV: &str = include_str!("../data/HKVariantsRev.txt");
const JP_PHRASES: &str = include_str!("../data/JPShinjitaiPhrases.txt");
const JP_CHARS: &str = include_str!("../data/JPShinjitaiCharacters.txt");
const JP_CHARS_REV: &str = include_str!("../data/JPShinjitaiCharactersRev.txt");

/// The configurations of one dictionary group and no segmentation, with their group.
/// One dictionary group: its dictionaries in order.
type Group = Vec<HashMap<&'static str, &'static str>>;

static ONE_STEP: LazyLock<Vec<(Config, Vec<&'static str>, Group)>> = LazyLock::new(|| {
    [
        (Config::T2tw, vec![TW_VARIANTS_PHRASES, TW_VARIANTS]),
        (Config::Tw2t, vec![TW_VARIANTS_REV_PHRASES, TW_VARIANTS_REV]),
        (Config::T2hk, vec![HK_VARIANTS_PHRASES, HK_VARIANTS]),
        (Config::Hk2t, vec![HK_VARIANTS_REV_PHRASES, HK_VARIANTS_REV]),
        (Config::Jp2t, vec![JP_PHRASES, JP_CHARS]),
        (Config::T2jp, vec![JP_CHARS_REV]),
    ]
    .into_iter()
    .map(|(config, files)| {
        // Keys, values, and keys cut short or run on, so that matches fail late too.
        let mut words = Vec::new();
        for (k, v) in files.iter().flat_map(|f| entries(f)) {
            words.extend([k, v]);
            if let Some((i, _)) = k.char_indices().last().filter(|&(i, _)| i > 0) {
                words.push(&k[..i]);
            }
        }
        let group = files.iter().map(|f| map_of(&[f])).collect();
        (config, words, group)
    })
    .collect()
});

fn word_text() -> impl Strategy<Value = String> {
    let filler = prop::sample::select(vec!["的", "，", "a", " ", "1", "。", "\n", "是", "了"]);
    let word = prop::sample::select(WORDS.clone());
    prop::collection::vec(prop_oneof![3 => word, 1 => filler], 0..40).prop_map(|v| v.concat())
}

/// Arbitrary text biased to what matters here: Han, IDS operators, astral and
/// compatibility ideographs, line breaks.
fn wild_text() -> impl Strategy<Value = String> {
    let compat: Vec<char> = entries(COMPAT).filter_map(|(k, _)| k.chars().next()).collect();
    let piece = prop_oneof![
        3 => word_text(),
        1 => "[\u{2FF0}-\u{2FFF}]{1,3}",
        1 => "[\u{4E00}-\u{9FFF}\u{20000}-\u{2A6DF}\n]{1,4}",
        1 => prop::sample::select(compat).prop_map(String::from),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

fn check_map(input: &str, output: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    let mut last = (0, 0);
    for edit in map.edits() {
        prop_assert!(edit.input.start >= last.0 && edit.output.start >= last.1, "{map:?}");
        prop_assert!(input.get(edit.input.range()).is_some(), "input span {:?}", edit.input);
        prop_assert!(output.get(edit.output.range()).is_some(), "output span {:?}", edit.output);
        last = (edit.input.end, edit.output.end);
    }
    // Gaps are copied verbatim.
    let (mut i, mut o) = (0, 0);
    for edit in map.edits() {
        prop_assert_eq!(&input[i..edit.input.start], &output[o..edit.output.start]);
        i = edit.input.end;
        o = edit.output.end;
    }
    prop_assert_eq!(&input[i..], &output[o..]);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_and_three_ways_agree(text in wild_text(), k in 0..Config::ALL.len()) {
        let converter = Converter::new(Config::ALL[k]);
        let out = converter.apply(&text);
        let mut into = String::from("前");
        converter.apply_into(&text, &mut into);
        prop_assert_eq!(&into[3..], out.as_ref());
        let mut map = OffsetMap::new();
        let mapped = converter.apply_mapped(&text, &mut map);
        prop_assert_eq!(mapped.as_ref(), out.as_ref());
        if out == text {
            prop_assert!(matches!(out, Cow::Borrowed(_)) || Config::ALL[k].name().len() > 4);
        }
        check_map(&text, &mapped, &map)?;
        let d = detect_script(&text);
        prop_assert!(d.confidence.is_finite() && (0.0..=1.0).contains(&d.confidence));
        let _ = converter.guarded(Guard::SkipConverted).apply(&text);
    }

    #[test]
    fn lines_convert_alone(text in word_text(), k in 0..Config::ALL.len()) {
        // Without IDS operators no match reaches across a line break.
        let converter = Converter::new(Config::ALL[k]);
        let whole = converter.apply(&text);
        let pieces: String =
            text.split_inclusive('\n').map(|line| converter.apply(line).into_owned()).collect();
        prop_assert_eq!(whole.as_ref(), pieces.as_str());
    }

    #[test]
    fn fast_path_equals_oracle(text in word_text()) {
        let fast = Converter::t2s().apply(&text).into_owned();
        prop_assert_eq!(fast, oracle(&T2S, &text));
        let fast = Converter::s2t().apply(&text).into_owned();
        prop_assert_eq!(fast, oracle(&S2T, &text));
    }

    #[test]
    fn one_step_configs_equal_oracle(k in 0..6usize, picks in prop::collection::vec(any::<prop::sample::Index>(), 0..24)) {
        let (config, words, group) = &ONE_STEP[k];
        let fillers = ["的", "，", "a", "\n", "了"];
        let text: String = picks
            .iter()
            .map(|p| if p.index(8) == 0 { fillers[p.index(fillers.len())] } else { p.get(words) })
            .collect();
        let fast = Converter::new(*config).apply(&text).into_owned();
        prop_assert_eq!(fast, oracle(std::slice::from_ref(group), &text));
    }

    #[test]
    fn guard_keeps_simplified_text(text in word_text()) {
        let simplified = Converter::t2s().apply(&text).into_owned();
        let guarded = Converter::t2s().guarded(Guard::SkipConverted);
        let again = guarded.apply(&simplified).into_owned();
        prop_assert_eq!(again, simplified);
    }
}

#[test]
fn guard_examples() {
    let s2twp = Converter::new(Config::S2twp);
    let once = s2twp.apply("他汀类").into_owned();
    assert_eq!(s2twp.guarded(Guard::SkipConverted).apply(&once), once);
    let t2s = Converter::t2s();
    assert_eq!(t2s.apply("苧"), "苎");
    assert_eq!(t2s.guarded(Guard::SkipConverted).apply("苧"), "苧");
    // Traditional text still converts under the guard.
    assert_eq!(t2s.guarded(Guard::SkipConverted).apply("國家統計局"), "国家统计局");
}

#[test]
fn ids_pass_through() {
    let t2s = Converter::t2s();
    assert_eq!(t2s.apply("⿰髮髮"), "⿰髮髮");
    assert_eq!(t2s.apply("髮⿰髮"), "发⿰发");
    assert_eq!(t2s.apply("⿰⿰髮髮"), "⿰⿰髮髮");
    assert_eq!(t2s.apply("⿰a髮髮"), "⿰a髮发");
    let deep = format!("{}{}", "⿰".repeat(16), "髮".repeat(17));
    let out = t2s.apply(&deep);
    assert_eq!(out.matches('发').count(), 1, "{out}");
}

#[test]
fn borrowed_when_unchanged() {
    assert!(matches!(Converter::t2s().apply("abc 统计"), Cow::Borrowed(_)));
    assert!(matches!(Converter::s2t().apply("統計"), Cow::Borrowed(_)));
    let mut map = OffsetMap::new();
    assert!(matches!(Converter::t2s().apply_mapped("", &mut map), Cow::Borrowed(_)));
    assert!(map.is_identity());
}

#[test]
fn public_types_are_send_sync() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + Clone + std::fmt::Debug>() {}
    check::<Converter>();
    check::<Config>();
    check::<Guard>();
    check::<zhtext_script::Detection>();
    check::<zhtext_script::Script>();
    check::<zhtext_script::Error>();
}
