"""testrelay as a user installs it: the wheel, built once, in fresh virtualenvs outside the repository.

Each extra gets its own virtualenv (no pip of its own: this environment's pip installs into it with
`--python`), and every command runs from a scratch folder with no specs/ in it, so nothing can lean on the
repository layout. Packages come from PyPI through pip's cache, so a second run downloads nothing. A failing
command is reported with its exit status and output, not as a bare assertion.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from generator.mock.server import MockServer, run_mock
from tests.conftest import REPO

VENDORS = ("doksi", "kapptivate", "octomind", "qualigate", "testmo")
NOT_IN_BASE = ("jinja2", "datamodel-code-generator", "ruff", "starlette", "uvicorn", "click", "rich", "PyYAML")
HEAVY_MODULES = ("click", "rich", "jinja2", "yaml", "starlette", "uvicorn", "jsonschema", "pytest")
PASSING_TEST = "def test_arithmetic():\n    assert 1 + 1 == 2\n"

# One read per vendor, answered 200 from the spec's examples (`Prefer: code=200`), so each client's
# whole path is exercised: URL from the environment, auth, request, parsing into its models.
READS = {
    "doksi": ("get_run", {"run_id": "550e8400-e29b-41d4-a716-446655440000"}),
    "kapptivate": ("get_ci_result", {"result_id": 1}),
    "octomind": ("list_test_targets", {}),
    "qualigate": ("get_results", {}),
    "testmo": ("list_automation_runs", {"project_id": 1}),
}

_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", ".schemathesis"
)


def run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None, ok: bool = True, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Runs a command; when `ok` and it fails, the assertion shows the command and what it printed."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if ok and done.returncode != 0:
        raise AssertionError(
            f"`{' '.join(args)}` in {cwd} exited {done.returncode}\n"
            f"--- stdout (last 3000 characters)\n{done.stdout[-3000:]}\n"
            f"--- stderr (last 3000 characters)\n{done.stderr[-3000:]}"
        )
    return done


@dataclass
class Venv:
    """A fresh virtualenv with the wheel installed (with one extra or none), and a scratch folder to work in."""

    root: Path
    scratch: Path
    installed: dict[str, str]
    """Distribution name -> version, right after the install (before any test adds pytest)."""

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> str:
        return str(self.bin / "python")

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        env["PATH"] = f"{self.bin}{os.pathsep}{env.get('PATH', '')}"
        env.update(extra)
        return env

    def run(
        self, args: list[str], *, ok: bool = True, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return run(args, cwd=self.scratch, env=self.env(**(env or {})), ok=ok)

    def pip(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run([sys.executable, "-m", "pip", "--python", self.python, *args], cwd=self.scratch)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once from a copy of the sources (no stale build/ of the checkout can leak in)."""
    source = tmp_path_factory.mktemp("source") / "testrelay"
    shutil.copytree(REPO, source, ignore=_IGNORED)
    out = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(source)], cwd=out)
    (built,) = out.glob("testrelay-*.whl")
    return built


def make_venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path, extra: str | None) -> Venv:
    name = extra or "base"
    root = tmp_path_factory.mktemp(f"venv-{name}")
    run([sys.executable, "-m", "venv", "--without-pip", str(root)], cwd=root)
    scratch = tmp_path_factory.mktemp(f"project-{name}")
    venv = Venv(root, scratch, {})
    venv.pip("install", "--quiet", f"{wheel}[{extra}]" if extra else str(wheel))
    listed = json.loads(venv.pip("list", "--format", "json").stdout)
    venv.installed = {item["name"]: item["version"] for item in listed}
    assert not (scratch / "specs").exists()
    return venv


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Venv:
    return make_venv(tmp_path_factory, wheel, None)


@pytest.fixture(scope="module")
def mock_extra(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Venv:
    return make_venv(tmp_path_factory, wheel, "mock")


@pytest.fixture(scope="module")
def codegen_extra(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Venv:
    return make_venv(tmp_path_factory, wheel, "codegen")


@pytest.fixture(scope="module")
def mocks() -> Iterator[dict[str, MockServer]]:
    """A mock per vendor, served from this (the development) environment on free ports."""
    with ExitStack() as stack:
        yield {vendor: stack.enter_context(run_mock(vendor)) for vendor in VENDORS}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_base_install_is_the_clients_and_httpx_and_pydantic(base: Venv) -> None:
    names = {_normal(n) for n in base.installed}
    others = sorted(names - {"pip", "setuptools"})
    assert len(others) <= 15, f"{len(others)} packages in the base install: {', '.join(others)}"
    assert {"testrelay", "httpx", "pydantic"} <= names
    present = sorted(n for n in NOT_IN_BASE if _normal(n) in names)
    assert not present, f"the base install brings {', '.join(present)}"


CALL_EVERY_CLIENT = """\
import importlib, json, sys

reads = json.loads(sys.argv[1])
answers = {}
for vendor, (method, arguments) in reads.items():
    package = importlib.import_module(f"generated.{vendor}")
    (name,) = [n for n in package.__all__ if n.endswith("Client") and not n.startswith("Async")]
    with getattr(package, name)() as client:  # key and URL from <VENDOR>_API_KEY and <VENDOR>_BASE_URL
        result = getattr(client, method)(**arguments, extra_headers={"Prefer": "code=200"})
    answers[vendor] = type(result).__name__
heavy = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
print(json.dumps({"answers": answers, "heavy": heavy}))
"""


def test_base_install_clients_import_and_call_mocks(base: Venv, mocks: dict[str, MockServer]) -> None:
    env: dict[str, str] = {}
    for vendor, server in mocks.items():
        server.journal.clear()
        env[f"{vendor.upper()}_BASE_URL"] = server.base_url
        env[f"{vendor.upper()}_API_KEY"] = server.api_key
    done = base.run([base.python, "-c", CALL_EVERY_CLIENT, json.dumps(READS), json.dumps(HEAVY_MODULES)], env=env)
    report = json.loads(done.stdout)
    assert sorted(report["answers"]) == sorted(VENDORS), report
    assert report["heavy"] == [], f"importing the clients imported {report['heavy']}"
    for vendor, server in mocks.items():
        assert server.journal.entries, f"the {vendor} mock received no request"


def test_base_install_commands_name_their_extra(base: Venv) -> None:
    for args, extra in (
        (["--help"], "cli"),
        (["--version"], "cli"),
        (["run", "qualigate"], "cli"),
        (["mock", "qualigate"], "mock"),
        (["demo"], "mock"),
        (["test"], "mock"),
        (["check", "qualigate"], "codegen"),
        (["generate", "--out", "out"], "codegen"),
    ):
        done = base.run([str(base.bin / "testrelay"), *args], ok=False)
        lines = done.stderr.splitlines()
        assert done.returncode == 2 and len(lines) == 1, (args, done.returncode, done.stderr)
        assert f"pip install 'testrelay[{extra}]'" in lines[0], (args, lines[0])
        assert "Traceback" not in done.stdout + done.stderr


def test_base_install_leaves_a_users_pytest_session_alone(base: Venv) -> None:
    base.pip("install", "--quiet", "pytest")
    project = base.scratch / "plain"
    project.mkdir()
    (project / "test_plain.py").write_text(PASSING_TEST)
    (project / "test_fixture.py").write_text(
        "def test_uses_the_mock(testrelay_mock):\n    testrelay_mock('qualigate')\n"
    )
    plugins = base.run([base.python, "-m", "pytest", "--trace-config", "-q", "test_plain.py"], ok=False)
    assert "generator.mock.plugin" in plugins.stdout, "the testrelay plugin was not loaded: the check proves nothing"
    done = base.run([base.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "plain/test_plain.py"])
    assert "1 passed" in done.stdout
    fixture = base.run([base.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "plain/test_fixture.py"], ok=False)
    assert fixture.returncode == 1, fixture.stdout
    assert "the testrelay_mock fixture needs the [mock] extra" in fixture.stdout
    assert "pip install 'testrelay[mock]'" in fixture.stdout


def test_mock_extra_serves_on_its_printed_url(mock_extra: Venv) -> None:
    from generated.qualigate import QualigateClient

    command = [str(mock_extra.bin / "testrelay"), "mock", "qualigate"]
    process = subprocess.Popen(
        command, cwd=mock_extra.scratch, env=mock_extra.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        second = process.stdout.readline() + process.stdout.readline()  # the export lines to paste
        found = re.search(r" on (http://\S+)", first)
        key = re.search(r"^export QUALIGATE_API_KEY=(\S+)", second, flags=re.MULTILINE)
        if found is None or key is None:
            process.kill()
            _, err = process.communicate(timeout=30)
            raise AssertionError(f"`testrelay mock qualigate` printed {first!r}, {second!r}; stderr: {err[-2000:]}")
        with QualigateClient(api_key=key.group(1), base_url=found.group(1)) as client:
            results = client.get_results(extra_headers={"Prefer": "code=200"})
        assert type(results).__name__ == "AggregatedResults"
        assert httpx.get(found.group(1) + "/no/such/path").status_code == 404
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_mock_extra_fixture_works_in_a_users_project(mock_extra: Venv) -> None:
    (mock_extra.scratch / "test_pipeline.py").write_text(
        textwrap.dedent(
            """\
            from generated.qualigate import QualigateClient


            def test_pipeline(testrelay_mock):
                mock = testrelay_mock("qualigate")
                with QualigateClient(api_key=mock.api_key, base_url=mock.base_url) as client:
                    client.get_results(extra_headers={"Prefer": "code=200"})
                assert len(mock.journal.entries) == 1
            """
        )
    )
    (mock_extra.scratch / "test_plain.py").write_text(PASSING_TEST)
    done = mock_extra.run([mock_extra.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    assert "2 passed" in done.stdout, done.stdout


def test_mock_extra_runs_the_installed_contract_suite(mock_extra: Venv) -> None:
    """With no ./generated here, `testrelay test` runs the suites installed with testrelay, specs found by name."""
    done = mock_extra.run([str(mock_extra.bin / "testrelay"), "test", "qualigate"])
    assert re.search(r"^qualigate .* ok$", done.stdout, re.M), done.stdout


def test_mock_extra_demo_passes(mock_extra: Venv) -> None:
    done = mock_extra.run([str(mock_extra.bin / "testrelay"), "demo", "--poll-interval", "0.05"])
    assert done.returncode == 0


def test_codegen_extra_checks_and_generates(codegen_extra: Venv) -> None:
    testrelay = str(codegen_extra.bin / "testrelay")
    done = codegen_extra.run([testrelay, "check", "qualigate"])
    assert "1 spec, " in done.stdout and "no problems" in done.stdout, done.stdout
    specs = codegen_extra.scratch / "specs"
    specs.mkdir()
    for vendor in VENDORS:
        shutil.copy(REPO / "specs" / f"{vendor}.yaml", specs / f"{vendor}.yaml")
    out = codegen_extra.scratch / "clients"
    codegen_extra.run([testrelay, "generate", *(f"specs/{v}.yaml" for v in VENDORS), "--out", str(out)])
    for vendor in VENDORS:
        assert (out / vendor / "client.py").is_file(), f"no {vendor} client in {out}"
    imports = "; ".join(f"import {v}" for v in VENDORS)
    codegen_extra.run([codegen_extra.python, "-c", f"import sys; sys.path.insert(0, {str(out)!r}); {imports}"])
    missing = codegen_extra.run([testrelay, "mock", "qualigate"], ok=False)
    assert missing.returncode == 2 and "pip install 'testrelay[mock]'" in missing.stderr, missing.stderr


@pytest.fixture(scope="module")
def cli_extra(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Venv:
    return make_venv(tmp_path_factory, wheel, "cli")


def test_cli_extra_runs_each_trigger_vendor_and_reports_to_testmo(
    cli_extra: Venv, mocks: dict[str, MockServer]
) -> None:
    """`testrelay run` and `testrelay report` from the wheel with only the command line's extra: no mock, no codegen."""
    from tests.test_pipeline_run import VENDORS as TRIGGER_VENDORS
    from tests.test_pipeline_run import trigger_args

    installed = {_normal(name) for name in cli_extra.installed}
    assert not installed & {"jinja2", "datamodel-code-generator", "starlette", "uvicorn", "openapi-spec-validator"}
    testrelay = str(cli_extra.bin / "testrelay")
    reports = []
    for vendor in TRIGGER_VENDORS:
        mock = mocks[vendor]
        junit = cli_extra.scratch / f"{vendor}.xml"
        env = {f"{vendor.upper()}_BASE_URL": mock.base_url, f"{vendor.upper()}_API_KEY": mock.api_key}
        args = [testrelay, "run", vendor, *trigger_args(vendor, cli_extra.scratch), "--poll-interval", "0.05"]
        done = cli_extra.run([*args, "--junit", str(junit)], env=env)
        assert "passed" in done.stdout and junit.is_file(), done.stdout + done.stderr
        reports.append(str(junit))
    testmo = mocks["testmo"]
    env = {"TESTMO_BASE_URL": testmo.base_url, "TESTMO_API_KEY": testmo.api_key}
    done = cli_extra.run([testrelay, "report", *reports, "--to", "testmo", "--project-id", "1"], env=env)
    assert "/automation/runs/view/" in done.stdout, done.stdout + done.stderr
