#!/usr/bin/env python3
"""Time OpenCC 1.4.2 (C++, through the PyPI `opencc` package) on a file and print MB/s.

Usage: scripts/bench_opencc.py CONFIG FILE [REPEATS]
       (pip install opencc==1.4.2 first)

Get the same inputs as `cargo bench --bench script` with
`ZHTEXT_BENCH_DUMP=DIR cargo bench --bench script`: DIR/script_traditional.txt (t2s)
and DIR/script_simplified.txt (s2t). The whole file is converted in one call, best of
REPEATS (default 3), table loading excluded.
"""

import sys
import time

import opencc


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    config, path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(path, encoding="utf-8") as f:
        text = f.read()
    size = len(text.encode("utf-8"))
    started = time.perf_counter()
    converter = opencc.OpenCC(config)
    converter.convert("測試")
    load = time.perf_counter() - started
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        converter.convert(text)
        best = min(best, time.perf_counter() - started)
    version = getattr(opencc, "__version__", "?")
    print(f"opencc {version} {config}: {size / best / 1e6:.1f} MB/s "
          f"({size / 1e6:.1f} MB in {best:.3f} s, best of {repeats}; load {load * 1e3:.1f} ms)")


if __name__ == "__main__":
    main()
