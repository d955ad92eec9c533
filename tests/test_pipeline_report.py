"""`testrelay report JUNIT... --to testmo` end to end, against the Testmo mock on 127.0.0.1.

The JUnit comes from two real producers: pytest's `--junitxml`, run here on a generated suite of
401 tests, and Maven Surefire (a committed report of 243 tests). 644 tests take three append
calls of at most 250; the mock's stored run then holds every test with its status.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from generated import testmo as testmo_package
from generator.mock.server import MockServer, run_mock

REPO = Path(__file__).resolve().parent.parent
SUREFIRE = REPO / "tests" / "fixtures" / "junit" / "surefire" / "TEST-com.acme.shop.CheckoutTest.xml"
SUITE = """
import pytest

@pytest.mark.parametrize("n", range(400))
def test_order(n):
    print("order", n)
    assert n % 37 != 5, f"order {n} lost its total"

@pytest.mark.skip(reason="not on this platform")
def test_refund():
    pass
"""
STATUS_IDS = {"passed": 2, "failure": 3, "error": 3, "skipped": 1}


@pytest.fixture(scope="module")
def pytest_junit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JUnit report written by pytest itself."""
    folder = tmp_path_factory.mktemp("producer")
    (folder / "test_orders.py").write_text(SUITE)
    report = folder / "pytest.xml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "junit_logging=all",
            "-o",
            "junit_family=xunit1",  # with file and line on each test case
            f"--junitxml={report}",
        ],
        cwd=folder,
        capture_output=True,
        timeout=120,
    )
    assert report.is_file()
    return report


def expected(paths: list[Path]) -> dict[tuple[str, str], str]:
    """(folder, name) -> status, read straight from the XML, independently of the code under test."""
    found = {}
    for path in paths:
        for case in ET.parse(path).getroot().iter("testcase"):
            status = next((tag for tag in ("failure", "error", "skipped") if case.find(tag) is not None), "passed")
            found[(case.get("classname", ""), case.get("name", ""))] = status
    return found


def env_for(mock: MockServer | None, api_key: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "TESTMO_"))}
    env["TESTMO_BASE_URL"] = mock.base_url if mock else "http://127.0.0.1:9/api/v1"
    env["TESTMO_API_KEY"] = api_key or (mock.api_key if mock else "k")
    return env


def report(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "report", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_report_submits_every_test_in_batches_of_250(pytest_junit: Path) -> None:
    files = [pytest_junit, SUREFIRE]
    wanted = expected(files)
    assert len(wanted) >= 600
    with run_mock("testmo") as mock:
        done = report([*map(str, files), "--to", "testmo", "--project-id", "1", "--name", "nightly"], env_for(mock))
        assert done.returncode == 0, done.stderr
        url = done.stdout.strip().splitlines()[-1]
        run_id = int(url.rsplit("/", 1)[1])
        assert url == f"{mock.base_url.removesuffix('/api/v1')}/automation/runs/view/{run_id}"
        appends = [e for e in mock.journal.entries if e.path.endswith("/append")]
        with testmo_package.TestmoClient(api_key=mock.api_key, base_url=mock.base_url) as testmo:
            run = testmo.get_automation_run(automation_run_id=run_id).result
            stored = list(testmo.iter_automation_run_tests(run_id=run_id, per_page=1000))
    sizes = [len(json.loads(e.body)["tests"]) for e in appends]
    sent = [t for e in appends for t in json.loads(e.body)["tests"]]
    from_pytest = [t for t in sent if t["folder"] == "test_orders"]
    assert len(from_pytest) == 401, len(from_pytest)
    assert all(t.get("file") == "test_orders.py" and t.get("line", -1) >= 0 for t in from_pytest), [
        t for t in from_pytest if "file" not in t
    ][:2]
    assert sizes == [250, 250, len(wanted) - 500]
    assert run.is_completed and run.name == "nightly"
    assert len(stored) == len(wanted)
    got = {(t.folder, t.name): t.status_id for t in stored}
    assert got == {key: STATUS_IDS[status] for key, status in wanted.items()}
    assert Counter(wanted.values())["failure"] == 11 + 4


def test_the_mapping_follows_testmo_cli(pytest_junit: Path) -> None:
    with run_mock("testmo") as mock:
        done = report([str(SUREFIRE), "--to", "testmo", "--project-id", "1"], env_for(mock))
        assert done.returncode == 0, done.stderr
        sent = [t for e in mock.journal.entries if e.path.endswith("/append") for t in json.loads(e.body)["tests"]]
    failed = next(t for t in sent if t["name"] == "totalsMatch(int)[8]")
    folder = "com.acme.shop.CheckoutTest"
    assert failed["folder"] == folder and failed["status"] == "failure"
    assert failed["key"] == hashlib.sha256(f"{folder}\n{failed['name']}".encode()).hexdigest()
    assert isinstance(failed["elapsed"], int) and failed["elapsed"] > 0  # microseconds
    fields = {f["name"]: f for f in failed["fields"]}
    assert "expected: <0> but was: <1>" in fields["Failure"]["value"] and fields["Failure"]["type"] == 4
    assert fields["Output"]["value"].startswith("cart 7")
    assert all(len(t["name"]) <= 750 and len(t["folder"]) <= 750 for t in sent)
    assert all(len(f.get("value", "")) <= 16 * 1024 for t in sent for f in t.get("fields", []))


def test_fail_on_failure_exits_1_and_run_id_adds_a_thread_left_open(pytest_junit: Path) -> None:
    with (
        run_mock("testmo") as mock,
        testmo_package.TestmoClient(api_key=mock.api_key, base_url=mock.base_url) as testmo,
    ):
        run_id = testmo.create_automation_run(project_id=1, name="parallel", source="ci").id
        env = env_for(mock)
        for _ in range(2):  # two parallel jobs, each a thread of the same run
            done = report([str(pytest_junit), "--to", "testmo", "--project-id", "1", "--run-id", str(run_id)], env)
            assert done.returncode == 0, done.stderr
        run = testmo.get_automation_run(automation_run_id=run_id).result
        assert not run.is_completed
        assert run.thread_count == 2
        failing = report([str(pytest_junit), "--to", "testmo", "--project-id", "1", "--fail-on-failure"], env)
        assert failing.returncode == 1, failing.stderr


def test_a_failed_submission_exits_5_and_a_refused_key_4(pytest_junit: Path, tmp_path: Path) -> None:
    down = report([str(pytest_junit), "--to", "testmo", "--project-id", "1"], env_for(None))
    assert down.returncode == 5, down.stderr
    with run_mock("testmo") as mock:
        refused = report([str(pytest_junit), "--to", "testmo", "--project-id", "1"], env_for(mock, "wrong"))
    assert refused.returncode == 4, refused.stderr
    broken = tmp_path / "broken.xml"
    broken.write_text("<testsuite><testcase name='a'>")
    bad = report([str(broken), "--to", "testmo", "--project-id", "1"], env_for(None))
    assert bad.returncode == 2 and "broken.xml:1" in bad.stderr
    for done in (down, refused, bad):
        assert "Traceback" not in done.stderr and "wrong" not in done.stderr
