"""`testrelay diff --prove`: old contract suites against mocks of edited vendor specs.

A subset of tests/diff_edits.py, one edit per level (bench/diff_prove.py runs them all): an ERR edit
makes an old contract test fail and every failure is explained by a finding; a WARN edit's failures,
if any, are explained; an INFO edit makes none fail.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.diff.prove import prove
from generator.diff.report import compare
from tests.diff_edits import EDITS, VendorEdit

ROOT = Path(__file__).resolve().parent.parent
SUBSET = {
    "ERR": "doksi: upload names of 5 characters at most",
    "WARN": "doksi: duration_seconds may be null",
    "INFO": "doksi: createTarget may answer 409",
}


def _edit(name: str) -> VendorEdit:
    return next(e for e in EDITS if e.name == name)


def test_the_err_edit_fails_old_contract_tests_through_the_cli(tmp_path: Path) -> None:
    edit = _edit(SUBSET["ERR"])
    _, new = edit.texts()
    edited = tmp_path / "doksi.json"
    edited.write_text(new.text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "doksi", str(edited), "--prove", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    jsonschema.validate(report, json.loads((ROOT / "generator/diff/report.schema.json").read_text(encoding="utf-8")))
    [proof] = report["prove"]
    assert proof["error"] is None
    assert proof["failed"] >= 1 and proof["unexplained"] == []
    ids = {c["fingerprint"]: c["id"] for c in report["changes"]}
    explaining = {ids[f] for failure in proof["failures"] for f in failure["explained_by"]}
    assert "request-constraint-tightened" in explaining
    assert all(f["test"].startswith("test_") and "create_upload" in f["test"] for f in proof["failures"])


@pytest.mark.parametrize("level", ["WARN", "INFO"])
def test_warn_and_info_edits(level: str) -> None:
    edit = _edit(SUBSET[level])
    old, new = edit.texts()
    findings = compare(old, new)
    assert max(f.level for f in findings).name == level
    proof = prove(old, new, findings)
    assert proof.error is None and proof.passed > 0
    assert proof.unexplained == []
    if level == "INFO":
        assert proof.failures == []
