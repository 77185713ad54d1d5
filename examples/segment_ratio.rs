//! zhtext's segmentation against raw jieba-rs, interleaved: each round times both on the
//! same text, one after the other, and the best round of each counts. On a machine whose
//! speed drifts (a shared VM), this gives a steadier ratio than benches run one after the
//! other.
//!
//! ```text
//! cargo run --release --example segment_ratio [ROUNDS [KB]]
//! cargo run --release --example segment_ratio --features parallel [ROUNDS [KB]]
//! ```
//!
//! Inputs: the bundled seed pages, Simplified (001 and 003) and Traditional (000), each
//! repeated to about `KB` kilobytes (default 500, as in `benches/segment.rs`). Raw jieba-rs
//! slows down on inputs of several megabytes (its token vector alone is about fifteen times
//! the text), zhtext much less, so the ratio depends on the size. Precise mode, HMM on, on one thread;
//! with the feature `parallel`, `segment_parallel` on every core too.

use std::hint::black_box;
use std::time::Duration;

use zhtext::core::Segmenter;
use zhtext::segment::JiebaSegmenter;

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    use common::{arg, best};
    let (rounds, size) = (arg(1, 20), arg(2, 500) * 1000);
    let ours = JiebaSegmenter::new();
    let raw = jieba_rs::Jieba::new();
    let inputs = [
        ("Simplified", common::repeat_to(&[common::SEEDS[1], common::SEEDS[2]], size)),
        ("Traditional", common::repeat_to(&[common::SEEDS[0]], size)),
    ];
    println!("{rounds} rounds, best of each, about {} KB; MiB/s", size / 1000);
    for (name, text) in &inputs {
        let mib = text.len() as f64 / f64::from(1 << 20);
        let (mut zhtext, mut jieba) = (Duration::MAX, Duration::MAX);
        #[cfg_attr(not(feature = "parallel"), allow(unused_mut))]
        let mut parallel = Duration::MAX;
        let mut tokens = Vec::new();
        for _ in 0..rounds {
            best(&mut zhtext, || {
                tokens.clear();
                ours.segment_into(black_box(text), &mut tokens);
            });
            best(&mut jieba, || {
                black_box(raw.cut(black_box(text), true));
            });
        }
        // On its own: run between the two above, the threads it leaves behind slowed the next
        // jieba-rs round and lifted the ratio by 0.1–0.2.
        #[cfg(feature = "parallel")]
        for _ in 0..rounds {
            best(&mut parallel, || {
                black_box(ours.segment_parallel(black_box(text)));
            });
        }
        let speed = |d: Duration| mib / d.as_secs_f64();
        print!(
            "{name:<12} zhtext {:6.1}  jieba-rs {:6.1}  ratio {:.2}",
            speed(zhtext),
            speed(jieba),
            jieba.as_secs_f64() / zhtext.as_secs_f64()
        );
        if parallel < Duration::MAX {
            print!(
                "  |  parallel {:6.1}  ratio {:.2}",
                speed(parallel),
                jieba.as_secs_f64() / parallel.as_secs_f64()
            );
        }
        println!();
    }
}
