//! Criterion benches for the boilerplate stage: `Stripper::strip` and the `Transform` path
//! over the seed pages concatenated and repeated to about 1 MB.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use zhtext::boilerplate::Stripper;
use zhtext::core::Transform;

const SEEDS: [&str; 3] = [
    include_str!("../examples/data/000_af21706e8f0fbd1f.txt"),
    include_str!("../examples/data/001_bf553028553a4e53.txt"),
    include_str!("../examples/data/003_4151e4342b9995f7.txt"),
];

fn corpus() -> String {
    let mut page = String::new();
    for seed in SEEDS {
        page.push_str(seed);
        page.push('\n');
    }
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&page);
    }
    text
}

fn bench(c: &mut Criterion) {
    let stripper = Stripper::new();
    let text = corpus();
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
