//! Criterion bench for the whole pipeline: bytes → clean, chrome-free Simplified text →
//! tokens and figures, on the seed pages (about 250 KB, Traditional and Simplified).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhtext::core::{Extractor, Segmenter};
use zhtext::metrics::MetricExtractor;
use zhtext::page::{PageCleaner, TargetScript};
use zhtext::segment::JiebaSegmenter;

fn pipeline(c: &mut Criterion) {
    let cleaner = PageCleaner::builder().target(TargetScript::Simplified).build();
    let segmenter = JiebaSegmenter::new();
    let extractor = MetricExtractor::new();
    let bytes: u64 = common::SEEDS.iter().map(|p| p.len() as u64).sum();
    let run = || {
        let mut counts = (0, 0);
        for page in common::SEEDS {
            let page = cleaner.clean(black_box(page.as_bytes()));
            counts.0 += segmenter.segment(&page.text).len();
            counts.1 += extractor.extract(page.text.as_str()).len();
        }
        counts
    };
    let expected = run();
    assert!(expected.0 > 0 && expected.1 > 0);

    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("clean", |b| {
        b.iter(|| {
            let removed: usize = common::SEEDS
                .iter()
                .map(|page| cleaner.clean(black_box(page.as_bytes())).removed.len())
                .sum();
            assert!(removed > 0);
        })
    });
    group.bench_function("clean+segment+metrics", |b| b.iter(|| assert_eq!(run(), expected)));
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
