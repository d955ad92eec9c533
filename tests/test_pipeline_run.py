"""`testrelay run VENDOR` end to end: the CLI as a subprocess against each vendor's mock on 127.0.0.1.

Every outcome has its exit code: passed 0, failed 1, pending at the deadline 3, refused key 4, API
down 5, and --no-wait then --run-id. The JUnit written is validated against the committed schema
and holds one test case per result the run reported.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import xmlschema

from generator.mock.server import MockServer, run_mock

REPO = Path(__file__).resolve().parent.parent
SCHEMA = xmlschema.XMLSchema(REPO / "tests" / "fixtures" / "junit" / "jenkins-junit.xsd")
FAST = ["--poll-interval", "0.05", "--timeout", "30"]
CI_VARIABLES = (
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "GITLAB_CI",
    "JENKINS_URL",
    "CIRCLECI",
    "TF_BUILD",
    "BUILDKITE",
)

DOKSI_BODY = {
    "matrix": [
        {"platform": "web", "web_url": "https://staging.example.com", "test_ids": ["abc123"]},
        {"platform": "android", "binary_url": "https://builds.example.com/app.apk", "test_ids": ["abc123", "def456"]},
    ]
}
KAPPTIVATE_BODY = "name: nightly_smoke\ntests:\n  - id: 1389\n    direct_owners:\n      your_device: pixel-7\n"


def trigger_args(vendor: str, tmp_path: Path) -> list[str]:
    """What a pipeline gives each vendor's trigger: options, and a body file for what is structured."""
    if vendor == "qualigate":
        return ["--test-suite-id", "770e8400-e29b-41d4-a716-446655440000"]
    if vendor == "octomind":
        return [
            "--test-target-id",
            "3435918b-3d29-4ebd-8c68-9a540532f45a",
            "--url",
            "https://staging.example.com",
            "--environment-name",
            "staging",
            "--tag",
            "smoke",
        ]
    if vendor == "doksi":
        body = tmp_path / "matrix.json"
        body.write_text(json.dumps(DOKSI_BODY))
        return ["--body", str(body)]
    body = tmp_path / "tests.yaml"
    body.write_text(KAPPTIVATE_BODY)
    return ["--body", str(body)]  # no --domain: it would beat KAPPTIVATE_BASE_URL, which points at the mock


VENDORS = ["qualigate", "octomind", "doksi", "kapptivate"]


def env_for(vendor: str, base_url: str, api_key: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    env[f"{vendor.upper()}_BASE_URL"] = base_url
    env[f"{vendor.upper()}_API_KEY"] = api_key
    return env


def cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], env=env, capture_output=True, text=True, timeout=120, cwd=REPO
    )


@pytest.fixture(params=VENDORS)
def vendor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def mock(vendor: str) -> Iterator[MockServer]:
    with run_mock(vendor) as server:
        yield server


def junit_cases(path: Path) -> list[Any]:
    SCHEMA.validate(str(path))  # raises with the first violation
    import xml.etree.ElementTree as ET

    return ET.parse(path).getroot().findall("./testsuite/testcase")


def final_count(vendor: str, state: dict[str, Any]) -> int | None:
    """The number of tests the vendor's final answer itself reports, where it holds them."""
    if vendor == "octomind":
        return len(state["testResults"])
    if vendor == "doksi":
        return int(state["tests_total"])
    if vendor == "kapptivate":
        return int(state["result"]["nb_tests"])
    return None  # Qualigate's results come from getResults, which the JSON report lists


def test_a_passing_run_exits_0_with_valid_junit(vendor: str, mock: MockServer, tmp_path: Path) -> None:
    junit, report = tmp_path / "junit.xml", tmp_path / "run.json"
    args = ["run", vendor, *trigger_args(vendor, tmp_path), *FAST, "--junit", str(junit), "--json", str(report)]
    done = cli(args, env_for(vendor, mock.base_url, mock.api_key))
    assert done.returncode == 0, done.stderr
    assert "passed" in done.stdout
    outcome = json.loads(report.read_text())
    cases = junit_cases(junit)
    assert outcome["verdict"] == "passed" and outcome["exit_code"] == 0
    assert len(cases) == outcome["tests"]["total"] == len(outcome["results"]) >= 1
    expected = final_count(vendor, outcome["state"])
    if expected is not None:
        assert len(cases) == expected
    assert all(case.find("failure") is None and case.find("error") is None for case in cases)
    assert all(case.get("classname", "").startswith(vendor) for case in cases)
    triggers = [e for e in mock.journal.entries if e.method == "POST" and "token" not in e.path]
    assert len(triggers) == 1  # triggered once, never re-sent


def test_a_failing_run_exits_1_and_reports_the_failure(vendor: str, tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    with run_mock(vendor, scenario="failure") as mock:
        args = ["run", vendor, *trigger_args(vendor, tmp_path), *FAST, "--junit", str(junit)]
        done = cli(args, env_for(vendor, mock.base_url, mock.api_key))
    assert done.returncode == 1, done.stderr
    assert "failed" in done.stdout
    cases = junit_cases(junit)
    assert any(case.find("failure") is not None or case.find("error") is not None for case in cases)


def test_a_run_still_pending_at_the_deadline_exits_3(vendor: str, mock: MockServer, tmp_path: Path) -> None:
    args = ["run", vendor, *trigger_args(vendor, tmp_path), "--poll-interval", "0.05", "--timeout", "0.4"]
    args += ["--header", "X-Testrelay-Reads: 100000"]
    done = cli(args, env_for(vendor, mock.base_url, mock.api_key))
    assert done.returncode == 3, done.stderr
    assert "still pending" in done.stderr and "--run-id" in done.stderr


def test_a_refused_key_exits_4(vendor: str, mock: MockServer, tmp_path: Path) -> None:
    done = cli(["run", vendor, *trigger_args(vendor, tmp_path), *FAST], env_for(vendor, mock.base_url, "wrong-key"))
    assert done.returncode == 4, done.stderr
    assert "credential refused" in done.stderr
    assert "wrong-key" not in done.stderr + done.stdout


def test_an_api_that_is_down_exits_5(vendor: str, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: connections are refused
        done = cli(
            ["run", vendor, *trigger_args(vendor, tmp_path), *FAST], env_for(vendor, f"http://127.0.0.1:{port}", "k")
        )
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr


def test_no_wait_prints_the_run_id_and_run_id_attaches(vendor: str, mock: MockServer, tmp_path: Path) -> None:
    env = env_for(vendor, mock.base_url, mock.api_key)
    started = cli(["run", vendor, *trigger_args(vendor, tmp_path), "--no-wait"], env)
    assert started.returncode == 0, started.stderr
    run_id = started.stdout.strip()
    assert run_id and "\n" not in run_id
    reads_before = sum(e.method == "GET" for e in mock.journal.entries)
    attached = cli(["run", vendor, "--run-id", run_id, *FAST, "--json", str(tmp_path / "r.json")], env)
    assert attached.returncode == 0, attached.stderr
    assert json.loads((tmp_path / "r.json").read_text())["run_id"] == run_id
    assert sum(e.method == "GET" for e in mock.journal.entries) > reads_before
    assert sum(e.method == "POST" and "token" not in e.path for e in mock.journal.entries) == 1


def test_doksi_build_is_uploaded_and_the_matrix_runs_on_the_new_target(tmp_path: Path) -> None:
    build = tmp_path / "storefront.zip"
    with zipfile.ZipFile(build, "w") as archive:
        archive.writestr("base.apk", b"apk")
    with run_mock("doksi") as mock:
        args = ["run", "doksi", *trigger_args("doksi", tmp_path), "--build", str(build), *FAST]
        done = cli(args, env_for("doksi", mock.base_url, mock.api_key))
        entries = mock.journal.entries
    assert done.returncode == 0, done.stderr
    assert [e.method for e in entries if "/uploads" in e.path][:2] == ["POST", "PUT"]
    run = next(e for e in entries if e.method == "POST" and e.path.endswith("/runs"))
    matrix = json.loads(run.body)["matrix"]
    assert any(e.method == "POST" and e.path.endswith("/targets") for e in entries)
    assert all("web_url" not in entry and "binary_url" not in entry for entry in matrix)
    assert len({entry["target_id"] for entry in matrix}) == 1  # every entry runs on the one new target


def test_ci_context_is_filled_from_github_actions_unless_no_context(tmp_path: Path) -> None:
    github = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_REPOSITORY": "acme/shop",
        "GITHUB_SHA": "abc123",
        "GITHUB_REF": "refs/pull/42/merge",
        "GITHUB_HEAD_REF": "feature",
        "GITHUB_SERVER_URL": "https://github.com",
    }
    with run_mock("qualigate") as mock:
        env = {**env_for("qualigate", mock.base_url, mock.api_key), **github}
        for extra in ([], ["--no-context"]):
            done = cli(["run", "qualigate", *trigger_args("qualigate", tmp_path), "--no-wait", *extra], env)
            assert done.returncode == 0, done.stderr
        sent = [json.loads(e.body) for e in mock.journal.entries if e.method == "POST"]
    assert sent[0]["context"] == {
        "source": "github-actions",
        "pr_number": "42",
        "pr_url": "https://github.com/acme/shop/pull/42",
        "sha": "abc123",
        "branch": "feature",
        "repository": "acme/shop",
    }
    assert "context" not in sent[1]


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    env = env_for("octomind", "http://127.0.0.1:9", "k")
    missing = cli(["run", "octomind", "--url", "https://x.example.com"], env)
    assert missing.returncode == 2 and "--test-target-id" in missing.stderr
    bad_body = tmp_path / "b.json"
    bad_body.write_text("[1, 2]")
    wrong = cli(["run", "octomind", "--body", str(bad_body)], env)
    assert wrong.returncode == 2 and "must be an object" in wrong.stderr
    unknown = cli(["run", "no-such-vendor"], env)
    assert unknown.returncode == 2 and "no spec" in unknown.stderr
    no_key = cli(["run", "qualigate", "--test-suite-id", "x"], {k: v for k, v in env.items() if "QUALIGATE" not in k})
    assert no_key.returncode == 2 and "QUALIGATE_API_KEY" in no_key.stderr
    for done in (missing, wrong, unknown, no_key):
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupt_prints_the_run_id_and_exits_130(signum: int, tmp_path: Path) -> None:
    with run_mock("qualigate") as mock:
        env = env_for("qualigate", mock.base_url, mock.api_key)
        args = [
            *trigger_args("qualigate", tmp_path),
            "--poll-interval",
            "0.05",
            "--header",
            "X-Testrelay-Reads: 100000",
        ]
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "run", "qualigate", *args],
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert process.stderr is not None
        first = process.stderr.readline()  # "qualigate: started run suite_run_id=..."
        assert "started run" in first, first
        process.send_signal(signum)
        _, rest = process.communicate(timeout=60)
    assert process.returncode == 130, rest
    run_id = first.rsplit(" ", 1)[1].strip()
    assert f"--run-id {run_id}" in rest and "interrupted" in rest


LABRUN = REPO / "tests" / "fixtures" / "specs" / "labrun.yaml"


@pytest.mark.parametrize(("scenario", "code"), [(None, 0), ("failure", 1)])
def test_any_spec_file_runs_without_a_generated_client(scenario: str | None, code: int, tmp_path: Path) -> None:
    """A spec of a platform testrelay has never seen: options, header parameter, context and results from it alone."""
    junit = tmp_path / "labrun.xml"
    with run_mock(str(LABRUN), scenario=scenario) as mock:
        env = env_for("labrun", mock.base_url, mock.api_key) | {
            "GITHUB_ACTIONS": "true",
            "GITHUB_SHA": "abc",
            "GITHUB_REF": "refs/pull/9/merge",
        }
        args = ["run", str(LABRUN), "--suite", "smoke", "--label", "a", "--label", "b", "--retries", "2", "--headless"]
        done = cli([*args, "--x-priority", "3", *FAST, "--junit", str(junit)], env)
        trigger = next(e for e in mock.journal.entries if e.method == "POST")
    assert done.returncode == code, done.stderr
    assert json.loads(trigger.body) == {
        "origin": {"ci": "github-actions", "revision": "abc", "change": 9},
        "suite": "smoke",
        "labels": ["a", "b"],
        "retries": 2,
        "headless": True,
    }
    assert trigger.headers["x-priority"] == "3"
    cases = junit_cases(junit)
    assert [c.get("name") for c in cases] == ["login works", "cart adds", "promo banner"]
    kinds = [next((child.tag for child in c if child.tag != "properties"), "passed") for c in cases]
    assert kinds == (["passed", "passed", "skipped"] if code == 0 else ["passed", "failure", "error"])


def test_forward_to_testmo_submits_the_runs_results(tmp_path: Path) -> None:
    with run_mock("octomind", scenario="failure") as octomind, run_mock("testmo") as testmo:
        env = env_for("octomind", octomind.base_url, octomind.api_key)
        env |= {"TESTMO_BASE_URL": testmo.base_url, "TESTMO_API_KEY": testmo.api_key}
        args = ["run", "octomind", *trigger_args("octomind", tmp_path), *FAST, "--json", str(tmp_path / "r.json")]
        done = cli([*args, "--forward-to", "testmo", "--testmo-project-id", "1", "--testmo-source", "e2e"], env)
        sent = [t for e in testmo.journal.entries if e.path.endswith("/append") for t in json.loads(e.body)["tests"]]
        created = json.loads(next(e.body for e in testmo.journal.entries if e.path.endswith("/automation/runs")))
    assert done.returncode == 1, done.stderr  # the run failed; the forwarding itself worked
    outcome = json.loads((tmp_path / "r.json").read_text())
    assert len(sent) == outcome["tests"]["total"]
    assert sorted(t["status"] for t in sent) == sorted(
        {"passed": "passed", "failed": "failure", "error": "error", "skipped": "skipped"}[r["verdict"]]
        for r in outcome["results"]
    )
    assert created["source"] == "e2e"
    assert "/automation/runs/view/" in done.stdout
