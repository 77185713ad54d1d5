//! Criterion benches for the decode stage: decoding, cleanup, pinyin glosses, the whole
//! cleaner, and UTF-8 bytes through decode + cleanup + pinyin (the stage's throughput goal).
//!
//! Inputs are the seed pages in `examples/data`, repeated to about 4 MB.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use zhtext::core::Transform;
use zhtext::decode::{Cleaner, Cleanup, Decoder, Encoding, PinyinStrip};

fn bench(c: &mut Criterion) {
    let text = common::corpus(4 << 20);
    let traditional = {
        let mut t = String::new();
        while t.len() < 4 << 20 {
            t.push_str(common::SEEDS[0]);
            t.push('\n');
        }
        t
    };
    let gb18030 = Encoding::Gb18030.encode(&text).into_owned();
    // Big5 lacks a few mainland variants of seed 000; those become numeric references.
    let big5 = Encoding::Big5.encode(&traditional).into_owned();
    let decoder = Decoder::new();
    let cleanup = Cleanup::new();
    let strip = PinyinStrip::new();
    let cleaner = Cleaner::new();

    let mut group = c.benchmark_group("decode");
    group.sample_size(10);
    for (name, bytes, encoding) in [
        ("utf8", text.as_bytes(), Encoding::Utf8),
        ("gb18030", &gb18030[..], Encoding::Gb18030),
        ("big5", &big5[..], Encoding::Big5),
    ] {
        let expected = decoder.decode(bytes).text().len();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("decode", name), bytes, |b, bytes| {
            b.iter(|| {
                let decoded = decoder.decode(black_box(bytes));
                assert_eq!(decoded.encoding(), encoding);
                assert_eq!(decoded.text().len(), expected);
            })
        });
    }
    group.finish();

    let cleaned_len = cleanup.apply(&text).len();
    let cleaned = cleanup.apply(&text).into_owned();
    let mut group = c.benchmark_group("cleanup");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(BenchmarkId::new("cleanup", "seeds"), |b| {
        b.iter(|| assert_eq!(cleanup.apply(black_box(&text)).len(), cleaned_len))
    });
    group.bench_function(BenchmarkId::new("cleanup", "already-clean"), |b| {
        b.iter(|| assert_eq!(cleanup.apply(black_box(&cleaned)).len(), cleaned.len()))
    });
    group.bench_function(BenchmarkId::new("pinyin", "seeds"), |b| {
        b.iter(|| assert_eq!(strip.count(black_box(&text)), 0))
    });
    group.bench_function(BenchmarkId::new("pinyin", "cleaned"), |b| {
        b.iter(|| assert_eq!(strip.count(black_box(&cleaned)), 0))
    });
    let report = cleaner.clean(&text).report;
    group.bench_function(BenchmarkId::new("cleaner", "seeds"), |b| {
        b.iter(|| assert_eq!(cleaner.clean(black_box(&text)).report, report))
    });
    group.bench_function(BenchmarkId::new("decode+cleanup+pinyin", "utf8"), |b| {
        let chain = (&cleanup).then(&strip);
        b.iter(|| {
            let decoded = decoder.decode(black_box(text.as_bytes()));
            assert_eq!(chain.apply(decoded.text()).len(), cleaned_len);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
