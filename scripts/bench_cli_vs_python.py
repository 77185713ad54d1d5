#!/usr/bin/env python3
"""Times the `zhtext` command against the Python tools people script around: jieba for
segmentation and OpenCC for conversion, on the same input file, in one run.

    pip install jieba opencc==1.4.2
    cargo build --release -p zhtext-cli
    python3 scripts/bench_cli_vs_python.py [--repeat N]

The input is the bundled sample pages repeated N times (default 40, about 10 MB). Each tool
reads the file and writes its result to /dev/null; wall time includes start-up and dictionary
loading, as a pipeline sees it. Prints MB/s and the ratio zhtext / Python.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ZHTEXT = ROOT / "target" / "release" / "zhtext"


def corpus(repeat: int, names) -> str:
    text = "".join((ROOT / "examples" / "data" / n).read_text(encoding="utf-8") for n in names)
    return text * repeat


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_cli(args, path):
    with open(path, "rb") as f, open(os.devnull, "wb") as null:
        subprocess.run([str(ZHTEXT), *args], stdin=f, stdout=null, check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--zhtext", default=str(ZHTEXT))
    opts = parser.parse_args()
    global ZHTEXT
    ZHTEXT = pathlib.Path(opts.zhtext)
    if not ZHTEXT.exists():
        sys.exit("build it first: cargo build --release -p zhtext-cli")

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        simp = pathlib.Path(tmp) / "simplified.txt"
        trad = pathlib.Path(tmp) / "traditional.txt"
        simp.write_text(corpus(opts.repeat, ["001_bf553028553a4e53.txt", "003_4151e4342b9995f7.txt"]), encoding="utf-8")
        trad.write_text(corpus(opts.repeat, ["000_af21706e8f0fbd1f.txt"]), encoding="utf-8")

        try:
            import jieba

            jieba.setLogLevel(60)
            def py_segment():
                out = []
                for line in simp.read_text(encoding="utf-8").splitlines():
                    out.append(" ".join(jieba.cut(line)))
            mb = simp.stat().st_size / 1e6
            t_py = timed(py_segment)
            t_rs = timed(lambda: run_cli(["segment"], simp))
            rows.append(("segment (jieba)", mb, t_rs, t_py))
        except ImportError:
            print("jieba not installed; skipping segmentation", file=sys.stderr)

        try:
            import opencc

            for config, path in (("t2s", trad), ("s2t", simp)):
                conv = opencc.OpenCC(config + ".json" if not hasattr(opencc, "__version__") else config)
                def py_convert():
                    conv.convert(path.read_text(encoding="utf-8"))
                mb = path.stat().st_size / 1e6
                t_py = timed(py_convert)
                t_rs = timed(lambda: run_cli(["convert", "--config", config], path))
                rows.append((f"convert {config} (OpenCC)", mb, t_rs, t_py))
        except ImportError:
            print("opencc not installed; skipping conversion", file=sys.stderr)

    print(f"{'task':28} {'MB':>7} {'zhtext MB/s':>12} {'python MB/s':>12} {'ratio':>7}")
    for task, mb, t_rs, t_py in rows:
        print(f"{task:28} {mb:7.1f} {mb / t_rs:12.1f} {mb / t_py:12.2f} {t_py / t_rs:6.1f}x")


if __name__ == "__main__":
    main()
