//! Criterion benches for the script stage: zhtext against ferrous-opencc on the same
//! ~20 MB inputs, plus table construction.
//!
//! Inputs: the seeds in `examples/data/` converted to Simplified with zhtext's `t2s`
//! (the `s2t` input) and that converted to Traditional with zhtext's `s2t` (the `t2s`
//! input), each repeated to about 20 MB. Write them out for `scripts/bench_opencc.py`
//! with `ZHTEXT_BENCH_DUMP=dir cargo bench --bench script`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use zhtext::core::Transform;
use zhtext::script::{Config, Converter};

mod common;

const TARGET_BYTES: usize = 20 << 20;

fn bench(c: &mut Criterion) {
    let (simplified, traditional) = common::script_inputs(TARGET_BYTES);
    if let Some(dir) = std::env::var_os("ZHTEXT_BENCH_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("script_simplified.txt"), &simplified).expect("dump");
        std::fs::write(dir.join("script_traditional.txt"), &traditional).expect("dump");
    }
    let cases = [
        ("t2s", Config::T2s, BuiltinConfig::T2s, &traditional),
        ("s2t", Config::S2t, BuiltinConfig::S2t, &simplified),
    ];

    let mut group = c.benchmark_group("script");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, config, builtin, input) in cases {
        let converter = Converter::new(config);
        let expected = converter.apply(input).len();
        let ferrous = OpenCC::from_config(builtin).expect("ferrous-opencc builtin config");
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("zhtext", name), input, |b, input| {
            b.iter(|| {
                let out = converter.apply(black_box(input));
                assert_eq!(out.len(), expected);
                out
            });
        });
        let mut buf = String::with_capacity(input.len() * 2);
        group.bench_with_input(BenchmarkId::new("zhtext_into", name), input, |b, input| {
            b.iter(|| {
                buf.clear();
                converter.apply_into(black_box(input), &mut buf);
                assert_eq!(buf.len(), expected);
            });
        });
        group.bench_with_input(BenchmarkId::new("ferrous_opencc", name), input, |b, input| {
            b.iter(|| {
                let out = ferrous.convert(black_box(input));
                assert!(!out.is_empty());
                out
            });
        });
    }
    group.finish();

    // Table construction, in a fresh process state it happens once; here it is measured by
    // building the same tables again outside the shared cache.
    let mut load = c.benchmark_group("script_load");
    load.sample_size(10);
    load.warm_up_time(Duration::from_millis(200));
    load.measurement_time(Duration::from_secs(2));
    for config in [Config::T2s, Config::S2t] {
        load.bench_function(BenchmarkId::new("table_load", config.name()), |b| {
            b.iter(|| zhtext::script::__bench::build_tables(black_box(config)));
        });
    }
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
