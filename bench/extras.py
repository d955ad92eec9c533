"""What each way of installing testrelay brings: packages and size on disk, for the README's install table.

    .venv/bin/python bench/extras.py [--extras base,cli,mock,codegen,all]

Builds the wheel from this checkout, installs it (base, or with one extra) into a fresh virtualenv per row
without pip of its own, and counts the distributions there (pip and setuptools left out) and the bytes of
its site-packages. Packages come through pip's cache like any install.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", ".schemathesis"
)


def pip(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, check=True).stdout


def measure(wheel: Path, extra: str, root: Path) -> tuple[int, int]:
    venv = root / f"venv-{extra}"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip("--python", python, "install", "--quiet", str(wheel) if extra == "base" else f"{wheel}[{extra}]")
    listed = json.loads(pip("--python", python, "list", "--format", "json"))
    count = len([p for p in listed if p["name"].lower() not in ("pip", "setuptools")])
    (site,) = venv.glob("lib/python*/site-packages")
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file() and not f.is_symlink())
    return count, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", default="base,cli,mock,codegen,all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "source"
        shutil.copytree(REPO, source, ignore=IGNORED)
        pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(root), str(source))
        (wheel,) = root.glob("testrelay-*.whl")
        print(f"{'install':<10} {'packages':>8} {'MB':>7}")
        for extra in args.extras.split(","):
            count, size = measure(wheel, extra, root)
            print(f"{extra:<10} {count:>8} {size / 1e6:>7.1f}")


if __name__ == "__main__":
    main()
