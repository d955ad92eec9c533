"""The README's examples and `examples/github-actions.yml`, run against the mocks, so neither goes stale.

Every ```python block of README.md is a test case, named after the heading above it and its rank under
that heading. A block that defines `test_...` functions is a pytest module: it is written to a file and
run with `python -m pytest` in a subprocess, as a user would run it, with the `testrelay_mock` fixture
coming from the installed plugin. Any other block is executed with `exec`, in a fresh namespace and a
temporary working folder, with `<VENDOR>_BASE_URL` and `<VENDOR>_API_KEY` pointing at five mocks
started once for the module, so `QualigateClient()` finds them as it would find a real account.

Waiting: the examples read like production code and keep the vendors' recommended poll intervals (10 s
for Qualigate). The mocks end a run after two status reads, so this module replaces the runtime's sleep
(`SyncAPIClient._sleep` and `AsyncAPIClient._sleep`, which both the polling helpers and the retry loop
call) with one capped at 10 ms; deadlines and outcomes are computed exactly as without it. The pytest
examples run in another process where nothing is patched, and pass a small `poll_interval=` themselves,
as a user's own tests against the mock would.

```sh blocks are not executed, but every `testrelay COMMAND` they name must be a command of the CLI.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import shlex
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main as cli
from generator.mock.server import MockServer, run_mock
from generator.runtime import AsyncAPIClient, SyncAPIClient

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
WORKFLOW = REPO / "examples" / "github-actions.yml"
VENDORS = ("kapptivate", "octomind", "qualigate", "doksi", "testmo")
FAST = 0.01
"""The longest sleep the patched runtime takes, in seconds."""


@dataclass(frozen=True)
class Block:
    """A fenced code block of the README."""

    language: str
    code: str
    line: int
    """README line of the block's first code line."""
    heading: str


def blocks(text: str) -> list[Block]:
    """Every fenced block of a Markdown text, with the heading it sits under."""
    found: list[Block] = []
    heading = "top"
    language: str | None = None
    lines: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if language is None:
            if line.startswith("```"):
                language, lines, start = line[3:].strip(), [], number + 1
            elif line.startswith("#"):
                heading = line.lstrip("#").strip()
        elif line.startswith("```"):
            found.append(Block(language, "\n".join(lines) + "\n", start, heading))
            language = None
        else:
            lines.append(line)
    assert language is None, "README.md has a code fence that is never closed"
    return found


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6]) or "top"


def python_blocks() -> list[Block]:
    return [b for b in blocks(README.read_text(encoding="utf-8")) if b.language == "python"]


def block_ids(found: list[Block]) -> list[str]:
    ids: list[str] = []
    seen: dict[str, int] = {}
    for block in found:
        key = slug(block.heading)
        seen[key] = seen.get(key, 0) + 1
        ids.append(f"{key}-{seen[key]}")
    return ids


PYTHON = python_blocks()


def is_pytest_module(code: str) -> bool:
    return re.search(r"^def test_\w+\(", code, re.MULTILINE) is not None


def build_zip() -> bytes:
    """A small split-APK zip, for the Doksi example's `storefront.zip`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("base.apk", b"PK\x03\x04 a build")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def mocks() -> Iterator[dict[str, MockServer]]:
    with ExitStack() as stack:
        yield {vendor: stack.enter_context(run_mock(vendor)) for vendor in VENDORS}


@pytest.fixture
def fast_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sleeps of the clients' runtime capped at FAST seconds; see the module's docstring."""

    def sleep(seconds: float) -> None:
        time.sleep(min(seconds, FAST))

    async def async_sleep(seconds: float) -> None:
        await asyncio.sleep(min(seconds, FAST))

    monkeypatch.setattr(SyncAPIClient, "_sleep", staticmethod(sleep))
    monkeypatch.setattr(AsyncAPIClient, "_sleep", staticmethod(async_sleep))


@pytest.fixture
def vendor_env(mocks: dict[str, MockServer], monkeypatch: pytest.MonkeyPatch, fast_sleep: None) -> None:
    for vendor, mock in mocks.items():
        monkeypatch.setenv(f"{vendor.upper()}_BASE_URL", mock.base_url)
        monkeypatch.setenv(f"{vendor.upper()}_API_KEY", mock.api_key)


def run_block(block: Block, namespace: dict[str, Any]) -> None:
    """Executes a block with tracebacks that point at README lines."""
    code = "\n" * (block.line - 1) + block.code
    exec(compile(code, str(README), "exec"), namespace)


def test_the_readme_has_python_examples() -> None:
    assert len(PYTHON) >= 5, "README.md should show Python examples, and every one is tested here"


@pytest.mark.parametrize("block", PYTHON, ids=block_ids(PYTHON))
def test_python_example(
    block: Block, vendor_env: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    if is_pytest_module(block.code):
        module = tmp_path / "test_readme_example.py"
        module.write_text(block.code, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", module.name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, f"README.md:{block.line}: the example's tests failed\n{done.stdout}{done.stderr}"
        assert re.search(r"\b[1-9]\d* passed\b", done.stdout), done.stdout
        return
    (tmp_path / "storefront.zip").write_bytes(build_zip())
    run_block(block, {"__name__": "__main__"})
    assert capsys.readouterr().out.strip(), f"README.md:{block.line}: the example printed nothing"


def test_quick_start_is_two_commands() -> None:
    """The quick start is exactly what a newcomer types: install and demo, then the whole test suite."""
    found = blocks(README.read_text(encoding="utf-8"))
    quick = [b for b in found if b.heading == "Quick start"]
    assert len(quick) == 1
    assert quick[0].code.splitlines() == [
        "python3.11 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/testrelay demo",
        ".venv/bin/python -m pytest",
    ]


def test_shell_examples_name_existing_commands() -> None:
    commands = set(cli.commands)
    named: set[str] = set()
    for block in blocks(README.read_text(encoding="utf-8")):
        if block.language in ("sh", "bash", "shell"):
            named.update(re.findall(r"(?:^|[\s/])testrelay ([a-z][a-z-]*)", block.code))
    named.update(re.findall(r"`testrelay ([a-z][a-z-]*)", README.read_text(encoding="utf-8")))
    assert named, "README.md names no testrelay command"
    assert named <= commands, f"README.md names commands the CLI lacks: {sorted(named - commands)}"


# examples/github-actions.yml


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def run_step() -> dict[str, Any]:
    steps = [s for s in workflow()["jobs"]["smoke"]["steps"] if str(s.get("run", "")).startswith("testrelay run ")]
    assert len(steps) == 1, "the smoke job should have one `testrelay run` step"
    step = steps[0]
    assert isinstance(step, dict)
    return step


def test_workflow_shape() -> None:
    flow = workflow()
    triggers: Any = flow["on"] if "on" in flow else flow[True]  # YAML 1.1 reads a bare `on` as true
    assert triggers["pull_request"]["paths"] == ["specs/**"]
    assert run_step()["env"]["QUALIGATE_API_KEY"] == "${{ secrets.QUALIGATE_API_KEY }}"
    contract = flow["jobs"]["contract"]
    assert contract["if"] == "github.event_name == 'pull_request'"
    runs = [s["run"] for s in contract["steps"] if "run" in s]
    assert "testrelay test" in runs and "testrelay generate --check" in runs
    commands = set(cli.commands)
    for job in flow["jobs"].values():
        for step in job["steps"]:
            for name in re.findall(r"^testrelay (\w+)", str(step.get("run", "")), re.MULTILINE):
                assert name in commands, f"the workflow runs `testrelay {name}`, which the CLI lacks"


def run_workflow_step(mock: MockServer, tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    """Runs the smoke step's command as GitHub would, against `mock`: exit code, job summary, output.

    `extra` options come after the step's own, so a test can read the status every 0.05 s instead of 10 s.
    """
    step = run_step()
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "QUALIGATE_"))}
    env |= {
        "QUALIGATE_API_KEY": mock.api_key,
        "QUALIGATE_BASE_URL": mock.base_url,
        "GITHUB_ACTIONS": "true",  # what GitHub sets in every job
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_REPOSITORY": "acme/storefront",
        "GITHUB_REF": "refs/heads/main",
        "GITHUB_REF_NAME": "main",
        "GITHUB_SHA": "3f2c9a1e5b7d4c6a8e0f1b2c3d4e5f6a7b8c9d0e",
    }
    args = shlex.split(str(step["run"]))
    assert args[0] == "testrelay"
    done = subprocess.run(
        [sys.executable, "-m", "generator", *args[1:], "--poll-interval", "0.05", *extra],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return done.returncode, text, done.stdout + done.stderr


def test_workflow_passes_on_a_passed_suite(mocks: dict[str, MockServer], tmp_path: Path) -> None:
    status, summary, output = run_workflow_step(mocks["qualigate"], tmp_path)
    assert status == 0, output
    assert "testrelay run qualigate: passed" in summary
    assert (tmp_path / "qualigate-junit.xml").is_file()


def test_workflow_fails_the_build_on_a_failed_suite(tmp_path: Path) -> None:
    with run_mock("qualigate", scenario="failure") as mock:
        status, summary, output = run_workflow_step(mock, tmp_path)
        triggers = [e for e in mock.journal.entries if e.method == "POST"]
    assert status == 1, output
    assert "testrelay run qualigate: failed" in summary
    assert "::error " in output
    assert len(triggers) == 1


def test_workflow_fails_the_build_on_a_timeout(mocks: dict[str, MockServer], tmp_path: Path) -> None:
    status, summary, output = run_workflow_step(
        mocks["qualigate"], tmp_path, "--timeout", "0.3", "--header", "X-Testrelay-Reads: 100000"
    )
    assert status == 3, output
    assert "still pending" in output
    assert "testrelay run qualigate: still pending" in summary and "::error " in output
