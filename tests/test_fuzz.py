"""Seeded mutants of the five specs through `check` and `generate`: never a crash, never broken output.

Every mutant must give `check` a list of problems or none (exit 1 or 0), each one line and none an
internal error; `generate` must either refuse it and leave a pre-filled output folder byte for byte
as it was, or write packages that import. The functions the commands call are called in process, and
the generated packages are imported together in one child process, to keep this to seconds.

`TESTRELAY_FUZZ_COUNT=2000` (or `pytest --fuzz-count 2000`) runs a longer campaign; `TESTRELAY_FUZZ_SEED`
picks another one.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.codegen.render import build_package, generate
from generator.spec.check import check_file
from generator.spec.problems import INTERNAL, SpecError
from tests.conftest import REPO
from tests.mutants import mutant

VENDORS = ("kapptivate", "octomind", "qualigate", "doksi", "testmo")
CI_COUNT = 30
LINE = re.compile(r"^[^\n]+:\d+: /[^\n]*: [^\n]+$")
UNLOCATED = re.compile(r":\d+: /: OpenAPI validation stopped")


def _bad(line: str) -> bool:
    """A line that is not one located problem, or that says testrelay itself failed."""
    return INTERNAL in line or not LINE.match(line) or bool(UNLOCATED.search(line))


_IMPORT_ALL = """
import importlib, json, sys
failed = {}
for name in sys.argv[1:]:
    try:
        for module in (name, name + ".models", name + ".client"):
            importlib.import_module(module)
        with open(name + "/test_contract.py", encoding="utf-8") as f:
            compile(f.read(), name + "/test_contract.py", "exec")
    except BaseException as exc:
        failed[name] = type(exc).__name__ + ": " + str(exc)[:300]
print(json.dumps(failed))
"""


def _count(config: pytest.Config) -> int:
    given = config.getoption("--fuzz-count")
    return int(given if given is not None else os.environ.get("TESTRELAY_FUZZ_COUNT", CI_COUNT))


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_mutants_of_the_specs_never_crash_check_or_generate(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    count = _count(request.config)
    seed = int(os.environ.get("TESTRELAY_FUZZ_SEED", "11"))
    rng = random.Random(seed)
    sources = [(v, (REPO / "specs" / f"{v}.yaml").read_text(encoding="utf-8")) for v in VENDORS]
    specs = tmp_path / "specs"
    specs.mkdir()
    prefilled = tmp_path / "prefilled"
    (prefilled / "old").mkdir(parents=True)
    (prefilled / "old" / "__init__.py").write_text("KEPT = True\n", encoding="utf-8")
    before = _tree(prefilled)

    failures: list[str] = []
    built: list[tuple[Path, str]] = []
    for i in range(count):
        vendor, source = sources[i % len(sources)]
        made = mutant(rng, source)
        path = specs / f"m{i:04d}_{vendor}{made.suffix}"
        path.write_bytes(made.content)
        label = f"{path.name} ({made.kind})"
        try:
            lines = [str(p) for p in check_file(path).problems]
        except Exception as exc:
            failures.append(f"{label}: check raised {type(exc).__name__}: {exc}")
            continue
        failures += [f"{label}: check: {line}" for line in lines if _bad(line)]
        try:
            build_package(path, str(path), tmp_path / "unused")
        except SpecError:
            outcome = generate([(path, str(path))], prefilled, check_only=False)
            lines = [str(p) for p in outcome.problems]
            if not lines:
                failures.append(f"{label}: generate refused the spec without a problem")
            failures += [f"{label}: generate: {line}" for line in lines if _bad(line)]
            if _tree(prefilled) != before:
                failures.append(f"{label}: a refused generate changed the output folder")
            continue
        except Exception as exc:
            failures.append(f"{label}: generate raised {type(exc).__name__}: {exc}")
            continue
        built.append((path, label))

    out = tmp_path / "out"
    if built:
        trouble: list[str]
        try:
            written = generate([(p, str(p)) for p, _ in built], out, check_only=False)
            trouble = [str(p) for p in written.problems]
        except Exception as exc:
            trouble = [f"{type(exc).__name__}: {exc}"]
        if trouble:  # which mutants: one at a time (slow, and only when something is wrong)
            failures.append(f"writing {len(built)} packages together failed: {trouble[:3]}")
            for path, label in built:
                try:
                    alone = generate([(path, str(path))], tmp_path / "alone" / path.stem, check_only=False)
                    failures += [f"{label}: generate: {p}" for p in alone.problems]
                except Exception as exc:
                    failures.append(f"{label}: generate raised {type(exc).__name__}: {exc}")
        roots = [out] if out.is_dir() else sorted(p for p in (tmp_path / "alone").glob("*") if p.is_dir())
        labels = {p.stem: label for p, label in built}
        for root in roots:  # one child process imports every package of a folder
            names = sorted(p.name for p in root.iterdir() if (p / "client.py").is_file())
            done = subprocess.run(
                [sys.executable, "-c", _IMPORT_ALL, *names], cwd=root, capture_output=True, text=True, timeout=900
            )
            assert done.returncode == 0, done.stderr[-3000:]
            failures += [f"{labels.get(n, n)}: does not import: {why}" for n, why in json.loads(done.stdout).items()]
    print(
        f"{count} mutants (seed {seed}): {len(built)} generated, {count - len(built)} refused; {len(failures)} failures"
    )
    assert not failures, "\n".join(failures)
