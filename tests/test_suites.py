"""`testrelay test`: the generated contract suites, run as a user runs them after regenerating."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINIMAL


def _testrelay(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spec and its generated package, made once; each test works on its own copy."""
    root = tmp_path_factory.mktemp("generated")
    (root / "runs.yaml").write_text(MINIMAL, encoding="utf-8")
    done = _testrelay("generate", "--out", "out", "runs.yaml", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def _copy(generated: Path, tmp_path: Path) -> Path:
    shutil.copytree(generated, tmp_path / "work")
    return tmp_path / "work"


def test_a_fresh_suite_passes_and_is_summed_up(generated: Path, tmp_path: Path) -> None:
    work = _copy(generated, tmp_path)
    suite = (work / "out" / "runs" / "test_contract.py").read_text(encoding="utf-8")
    assert "def test_run_outcome" in suite and "def test_wrong_credential" in suite
    done = _testrelay("test", "--out", "out", "runs", cwd=work)
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.splitlines()
    assert summary[-1].startswith("1 package(s): ") and " 0 failed" in summary[-1]
    row = next(line for line in summary if line.startswith("runs "))
    assert row.split()[1].isdigit() and int(row.split()[1]) > 10
    assert row.endswith("ok")


def test_a_spec_changed_after_generation_fails_the_suite(generated: Path, tmp_path: Path) -> None:
    """The vendor renamed a status: the mock (reading the spec) and the stale client suite disagree."""
    work = _copy(generated, tmp_path)
    (work / "runs.yaml").write_text(MINIMAL.replace("value: {id: r1, status: passed}", "value: {id: r1, status: done}"))
    done = _testrelay("test", "--out", "out", cwd=work)
    assert done.returncode == 1
    assert "FAILED" in done.stdout
    assert "test_example[sync-get_run[default]] (call)" in done.stdout
    assert "Traceback (most recent call last)" not in done.stderr


def test_an_unknown_package_is_a_usage_error(generated: Path) -> None:
    done = _testrelay("test", "--out", "out", "nosuch", cwd=generated)
    assert done.returncode == 2
    assert "no contract suite for 'nosuch'" in done.stderr
