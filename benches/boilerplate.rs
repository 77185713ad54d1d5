//! Criterion benches for the boilerplate stage: `Stripper::strip` and the `Transform` path
//! over the seed pages concatenated and repeated to about 1 MB.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use zhtext::boilerplate::Stripper;
use zhtext::core::Transform;

fn bench(c: &mut Criterion) {
    let stripper = Stripper::new();
    let text = common::corpus(1 << 20);
    // Warm up and learn the expected count outside the timed loop.
    let expected = stripper.strip(&text).removed.len();
    assert!(expected > 0);

    let mut group = c.benchmark_group("boilerplate");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("strip", "seeds_1mb"), &text, |b, text| {
        b.iter(|| {
            let stripped = stripper.strip(black_box(text));
            assert_eq!(stripped.removed.len(), expected);
            stripped
        });
    });
    let mut out = String::with_capacity(text.len());
    group.bench_with_input(BenchmarkId::new("apply_into", "seeds_1mb"), &text, |b, text| {
        b.iter(|| {
            out.clear();
            stripper.apply_into(black_box(text), &mut out);
            assert!(out.len() < text.len());
        });
    });
    group.finish();

    let mut build = c.benchmark_group("boilerplate_build");
    build.warm_up_time(Duration::from_millis(500));
    build.measurement_time(Duration::from_secs(2));
    build.sample_size(10);
    build.bench_function("stripper_new", |b| b.iter(Stripper::new));
    build.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
