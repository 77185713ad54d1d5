//! Criterion benches for the segment stage: zhtext's `JiebaSegmenter` against raw jieba-rs on
//! the same inputs in one run, and dictionary load time (`jieba_load`).
//!
//! With the feature `parallel`, `zhtext-parallel` is `JiebaSegmenter::segment_parallel` on
//! the huge inputs, on every core of the machine (the others use one).
//!
//! Inputs are built from the seed pages in `examples/data`: tiny (one line), small (about 1 KB)
//! and huge (about 500 KB, the pages repeated), Simplified and Traditional; `segment_large`
//! compares zhtext and jieba-rs on about 6 MB.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use zhtext::core::Segmenter;
use zhtext::segment::{Hmm, JiebaSegmenter};

mod common;

use common::repeat_to;

/// The Simplified seeds (001 and 003).
const SIMPLIFIED: &[&str] = &[common::SEEDS[1], common::SEEDS[2]];
/// The Traditional seed (000).
const TRADITIONAL: &str = common::SEEDS[0];

/// The longest prefix of `text` of at most `max` bytes that ends at a line end (or a char
/// boundary when the first line is longer).
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(nl) if nl > 0 => &text[..nl + 1],
        _ => &text[..end],
    }
}

fn corpora() -> Vec<(&'static str, String)> {
    let first_line = |t: &'static str| t.lines().find(|l| l.len() > 40).unwrap_or(t);
    vec![
        ("tiny-s", prefix(first_line(SIMPLIFIED[0]), 90).to_owned()),
        ("small-s", prefix(SIMPLIFIED[1], 1024).to_owned()),
        ("huge-s", repeat_to(SIMPLIFIED, 500_000)),
        ("small-t", prefix(TRADITIONAL, 1024).to_owned()),
        ("huge-t", repeat_to(&[TRADITIONAL], 500_000)),
    ]
}

/// Benches `ours` against raw jieba-rs with the same HMM setting on `text`, and with
/// `parallel` (and the feature) `segment_parallel` too; ids are `zhtext{suffix}`,
/// `jieba-rs{suffix}` and `zhtext-parallel`.
fn compare(
    group: &mut BenchmarkGroup<'_, WallTime>,
    (name, text): (&str, &str),
    ours: &JiebaSegmenter,
    raw: &jieba_rs::Jieba,
    (hmm, suffix): (bool, &str),
    parallel: bool,
) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Warm up and record the expected counts outside the timed loops.
    let expected_ours = ours.segment(text).len();
    let expected_raw = raw.cut(text, hmm).len();
    assert!(expected_ours > 0 && expected_raw > 0);
    let mut tokens = Vec::new();
    group.bench_function(BenchmarkId::new(format!("zhtext{suffix}"), name), |b| {
        b.iter(|| {
            tokens.clear();
            ours.segment_into(black_box(text), &mut tokens);
            assert_eq!(tokens.len(), expected_ours);
        })
    });
    group.bench_function(BenchmarkId::new(format!("jieba-rs{suffix}"), name), |b| {
        b.iter(|| {
            let words = raw.cut(black_box(text), hmm);
            assert_eq!(words.len(), expected_raw);
        })
    });
    #[cfg(feature = "parallel")]
    if parallel {
        group.bench_function(BenchmarkId::new("zhtext-parallel", name), |b| {
            b.iter(|| {
                let tokens = ours.segment_parallel(black_box(text));
                assert_eq!(tokens.len(), expected_ours);
            })
        });
    }
    #[cfg(not(feature = "parallel"))]
    let _ = parallel;
}

fn segment(c: &mut Criterion) {
    let ours = JiebaSegmenter::new();
    let ours_no_hmm =
        JiebaSegmenter::builder().hmm(Hmm::Off).build().expect("default dictionaries");
    let raw = jieba_rs::Jieba::new();
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    for (name, text) in corpora() {
        let input = (name, text.as_str());
        compare(&mut group, input, &ours, &raw, (true, ""), name.starts_with("huge"));
        compare(&mut group, input, &ours_no_hmm, &raw, (false, "-nohmm"), false);
    }
    group.finish();
}

/// The same comparison on about 6 MB, where raw jieba-rs's token vector (about fifteen times
/// the text) no longer fits in cache; zhtext cuts such texts in 32 KiB pieces.
fn segment_large(c: &mut Criterion) {
    let ours = JiebaSegmenter::new();
    let raw = jieba_rs::Jieba::new();
    let mut group = c.benchmark_group("segment_large");
    group.sample_size(10);
    let corpora = [
        ("6mb-s", repeat_to(SIMPLIFIED, 6_000_000)),
        ("6mb-t", repeat_to(&[TRADITIONAL], 6_000_000)),
    ];
    for (name, text) in &corpora {
        compare(&mut group, (name, text), &ours, &raw, (true, ""), true);
    }
    group.finish();
}

fn jieba_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("jieba_load");
    group.sample_size(10);
    group.bench_function("zhtext", |b| {
        b.iter(|| {
            let segmenter = JiebaSegmenter::new();
            assert!(segmenter.has_word("一般公共预算收入"));
        })
    });
    group.bench_function("jieba-rs", |b| {
        b.iter(|| {
            let jieba = jieba_rs::Jieba::new();
            assert!(jieba.has_word("发展"));
        })
    });
    group.finish();
}

criterion_group!(benches, segment, segment_large, jieba_load);
criterion_main!(benches);
