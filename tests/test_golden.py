"""The golden record: the feature-matrix spec's generated tree, committed and compared file by file.

A change to codegen that changes any generated file fails here with the file's diff; when the change
is meant, refresh the record and review it like any other change:

    .venv/bin/testrelay generate tests/golden/golden_api.yaml --out tests/golden
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.codegen.render import generate

GOLDEN = Path(__file__).parent / "golden"
SPEC = GOLDEN / "golden_api.yaml"
PACKAGE = "golden_api"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tree generated now, from a copy of the spec placed as the record's is (the suite finds it by a relative path)."""
    root = tmp_path_factory.mktemp("golden")
    spec = root / SPEC.name
    shutil.copyfile(SPEC, spec)
    outcome = generate([(spec, SPEC.name)], root, check_only=False)
    assert outcome.problems == []
    return root / PACKAGE


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_generated_tree_matches_the_record(fresh: Path) -> None:
    record = GOLDEN / PACKAGE
    assert _files(fresh) == _files(record), "files were added or removed: refresh the record (see this module)"
    for rel in _files(record):
        expected = (record / rel).read_text(encoding="utf-8")
        actual = (fresh / rel).read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), f"record/{rel}", f"generated/{rel}", lineterm="", n=2
            )
            pytest.fail("\n".join(list(diff)[:80]) + "\n\nrefresh the record if this change is meant (see this module)")


def test_generated_tree_has_no_unused_import(fresh: Path) -> None:
    """Imports are computed from what each module uses; nothing is left for a linter to delete."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--select",
            "F401,F811",
            "--output-format",
            "concise",
            str(fresh),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout
