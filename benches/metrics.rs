//! Criterion bench for the metrics stage: `MetricExtractor` over the three seed pages in
//! `examples/data`, joined and repeated to about 1 MB.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use zhtext::core::Extractor;
use zhtext::metrics::{MetricExtractor, figure_spans};

fn bench(c: &mut Criterion) {
    let text = common::corpus(1 << 20);
    let extractor = MetricExtractor::new();
    let expected = extractor.extract(text.as_str()).len();
    let expected_spans = figure_spans(&text).len();
    assert!(expected > 1000, "the seeds hold figures");

    let mut group = c.benchmark_group("metrics");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(3));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("extract", "seeds_1mb"), &text, |b, text| {
        let mut out = Vec::with_capacity(expected);
        b.iter(|| {
            out.clear();
            extractor.extract_into(&black_box(text.as_str()).into(), &mut out);
            assert_eq!(out.len(), expected);
        });
    });
    group.bench_with_input(BenchmarkId::new("figure_spans", "seeds_1mb"), &text, |b, text| {
        b.iter(|| assert_eq!(figure_spans(black_box(text)).len(), expected_spans));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
