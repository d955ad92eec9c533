"""The `testrelay` command line: exit codes, output shape, default spec folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import MINIMAL, REPO


def test_check_defaults_to_the_specs_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output == "5 specs, 32 operations: no problems\n"


def test_check_reports_each_problem_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINIMAL.replace("value: {suite: smoke}", "value: {suite: 7}").replace(
            "operationId: getRun\n      summary", "operationId: get-run\n      summary"
        )
    )
    result = CliRunner().invoke(main, ["check", str(good), str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [f"{bad}:20", f"{bad}:33", f"{bad}:38"]
    assert result.stderr == "3 problems in 2 specs\n"


def test_check_without_specs_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "no SPEC given and no ./specs folder here" in result.output


def test_check_never_prints_a_traceback(tmp_path: Path) -> None:
    odd = [tmp_path / "missing.yaml", tmp_path]
    for name, data in {"empty.yaml": b"", "binary.yaml": bytes(range(256)), "list.json": b"[1, 2]"}.items():
        (tmp_path / name).write_bytes(data)
        odd.append(tmp_path / name)
    result = CliRunner().invoke(main, ["check", *map(str, odd)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert len(result.stdout.splitlines()) == len(odd)


def test_python_dash_m_generator() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("testrelay, version ")
