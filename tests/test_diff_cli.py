"""`testrelay diff` as users run it: formats, exit codes, git references, --base, and the README's rule table."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.diff import table
from generator.spec.load import load_file

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "diff" / "base.yaml"
SCHEMA = ROOT / "generator" / "diff" / "report.schema.json"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def edited(tmp: Path, name: str, edit: Any) -> Path:
    data = load_file(BASE).data
    edit(data)
    path = tmp / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def breaking(data: dict[str, Any]) -> None:
    """A required query parameter added (ERR) and a new optional response property (INFO)."""
    data["paths"]["/runs"]["get"]["parameters"].append({"name": "owner", "in": "query", "required": True})
    data["paths"]["/runs"]["get"]["parameters"][-1]["schema"] = {"type": "string"}
    data["components"]["schemas"]["Run"]["properties"]["duration"] = {"type": "integer"}


def additions(data: dict[str, Any]) -> None:
    data["components"]["schemas"]["Run"]["properties"]["duration"] = {"type": "integer"}


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("diff")
    old = tmp / "relay.yaml"
    shutil.copy(BASE, old)
    return old, edited(tmp, "breaking.json", breaking), edited(tmp, "additions.json", additions)


def test_readme_rule_table_is_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table.block() in readme, "README.md's rule table is stale: run python -m generator.diff.table README.md"
    assert table.rewrite(readme) == readme


def test_json_report_follows_its_schema(pair: tuple[Path, Path, Path]) -> None:
    old, new, _ = pair
    done = run_cli("diff", str(old), str(new), "--format", "json", cwd=old.parent)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    ids = {c["id"]: c for c in report["changes"]}
    assert ids["request-parameter-added-required"]["level"] == "ERR"
    assert ids["request-parameter-added-required"]["new"]["file"] == str(new)
    assert ids["response-property-added"]["level"] == "INFO"
    surface = ids["python-argument-added-required"]
    assert surface["layer"] == "python"
    assert ids["request-parameter-added-required"]["fingerprint"] in surface["causes"]
    assert report["summary"]["bump"] == "major"
    assert report["summary"]["ERR"] == sum(c["level"] == "ERR" for c in report["changes"]) >= 2


def test_fail_on_sets_the_exit_status(pair: tuple[Path, Path, Path]) -> None:
    old, _, additions_only = pair
    quiet = run_cli("diff", str(old), str(additions_only), cwd=old.parent)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert "response-property-added" in quiet.stdout
    assert "suggested version bump: minor" in quiet.stdout
    strict = run_cli("diff", str(old), str(additions_only), "--fail-on", "INFO", "--format", "junit", cwd=old.parent)
    assert strict.returncode == 1
    suites = ET.fromstring(strict.stdout.split("\n", 1)[1])
    failures = [case for case in suites.iter("testcase") if case.find("failure") is not None]
    assert failures and all("added" in str(case.get("name")) for case in failures)


def test_markdown_and_github_formats(pair: tuple[Path, Path, Path]) -> None:
    old, new, _ = pair
    md = run_cli(
        "diff", str(old), str(new), "--format", "markdown", "-o", str(old.parent / "report.md"), cwd=old.parent
    )
    assert md.returncode == 1
    assert md.stdout.startswith("## testrelay diff")
    assert "### ERR" in md.stdout and "`request-parameter-added-required`" in md.stdout
    assert (old.parent / "report.md").read_text(encoding="utf-8") == md.stdout
    gh = run_cli("diff", str(old), str(new), "--format", "github", cwd=old.parent)
    annotations = [line for line in gh.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith(f"::error file={new},line=") for line in annotations)
    assert any(line.startswith("::notice ") for line in annotations)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["only-one.yaml"], "give two specs"),
        (["a.yaml", "b.yaml", "--base", "HEAD"], "not both"),
        (["missing.yaml", "relay.yaml"], "missing.yaml: no such spec file"),
        (["nosuchvendor", "relay.yaml"], "not a spec file or a REV:PATH; no spec for"),
        (["relay.yaml", "relay.yaml", "--format", "yaml"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2(pair: tuple[Path, Path, Path], args: list[str], said: str) -> None:
    done = run_cli("diff", *args, cwd=pair[0].parent)
    assert done.returncode == 2
    assert said in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_spec_is_one_located_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    shutil.copy(BASE, tmp_path / "relay.yaml")
    done = run_cli("diff", "relay.yaml", "bad.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("bad.yaml:3: /: not valid YAML")
    assert "Traceback" not in done.stderr


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True
    )


def test_git_references_and_base(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(BASE, specs / "relay.yaml")
    shutil.copy(BASE, specs / "gone.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "specs")
    edited(specs, "relay.yaml", breaking)
    (specs / "gone.yaml").unlink()
    shutil.copy(BASE, specs / "fresh.yaml")

    single = run_cli("diff", "HEAD:specs/relay.yaml", "specs/relay.yaml", "--format", "json", cwd=tmp_path)
    assert single.returncode == 1, single.stderr
    change = next(c for c in json.loads(single.stdout)["changes"] if c["id"] == "request-parameter-added-required")
    assert change["old"]["file"] == "HEAD:specs/relay.yaml" and change["new"]["file"] == "specs/relay.yaml"

    every = run_cli("diff", "--base", "HEAD", "--format", "json", cwd=tmp_path)
    assert every.returncode == 1, every.stderr
    report = json.loads(every.stdout)
    ids = {(c["id"], c["new"]["file"]) for c in report["changes"]}
    assert ("spec-added", "specs/fresh.yaml") in ids
    assert ("spec-removed", "HEAD:specs/gone.yaml") in ids
    assert ("request-parameter-added-required", "specs/relay.yaml") in ids
    assert len(report["summary"]["compared"]) == 3

    unknown = run_cli("diff", "--base", "no-such-rev", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "not a revision" in unknown.stderr


def test_the_workflow_comments_the_markdown_report() -> None:
    import yaml

    jobs = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8"))["jobs"]
    runs = "\n".join(str(step.get("run", "")) for step in jobs["diff"]["steps"])
    assert 'testrelay diff --base "origin/${{ github.base_ref }}" --format markdown --output diff.md' in runs
    assert "gh pr comment" in runs and "--body-file diff.md" in runs
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
