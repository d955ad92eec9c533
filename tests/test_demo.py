"""`testrelay demo`: every vendor's CI flow through its generated client against its mock."""

from __future__ import annotations

import io
import json
import re
import time
import zipfile

import pytest
from click.testing import CliRunner
from rich.console import Console

from generator.cli import main
from generator.demo import VENDORS, DemoReport, flows, parse_scenarios, run_demo
from generator.demo.progress import Snapshot, Tracker
from generator.mock.server import MockServer, run_mock

EXPECTED = {
    "kapptivate": "success",
    "octomind": "PASSED",
    "qualigate": "completed",
    "doksi": "passed",
    "testmo": "completed",
}
"""The final status each flow must reach for the demo to pass."""

FAST = 0.05


def demo(*vendors: str, scenarios: dict[str, str] | None = None) -> tuple[DemoReport, str]:
    """The demo as a CI log would get it (no live display), with its output."""
    out = io.StringIO()
    report = run_demo(vendors or VENDORS, scenarios=scenarios, poll_interval=FAST, console=Console(file=out, width=160))
    return report, out.getvalue()


def table_calls(output: str) -> dict[str, int]:
    """Vendor -> calls, read from the rows of the final table."""
    rows = re.findall(r"^\S\s(\w+)\s+\S\s+(\d+)\s\S", output, flags=re.MULTILINE)
    return {vendor: int(calls) for vendor, calls in rows}


def test_every_flow_reaches_its_expected_end() -> None:
    report, output = demo()
    assert report.ok, [(r.vendor, r.status, r.problem) for r in report.results]
    assert report.exit_code == 0
    assert {r.vendor: r.status for r in report.results} == EXPECTED
    assert all(r.calls > 0 for r in report.results)
    assert table_calls(output) == {r.vendor: r.calls for r in report.results}
    assert "all 5 flow(s) reached their expected end" in output
    assert "FAILED" not in output


def test_the_flows_run_at_once() -> None:
    """Three flows of four 0.3 s waits each take about as long together as one does alone."""
    out = io.StringIO()
    began = time.monotonic()
    report = run_demo(["kapptivate", "octomind", "qualigate"], poll_interval=0.3, console=Console(file=out))
    took = time.monotonic() - began
    assert report.ok
    assert all(r.seconds >= 0.9 for r in report.results)
    assert took < 0.75 * sum(r.seconds for r in report.results)


def test_cli_demo_exits_0_with_a_table_of_all_five_vendors() -> None:
    result = CliRunner().invoke(main, ["demo", "--poll-interval", str(FAST)])
    assert result.exit_code == 0, result.output
    calls = table_calls(result.output)
    assert set(calls) == set(VENDORS)
    assert all(count > 0 for count in calls.values())
    for vendor, status in EXPECTED.items():
        assert re.search(rf"^\S {vendor}\s.*\s{status}\s", result.output, flags=re.MULTILINE), vendor


def test_a_run_that_fails_makes_the_demo_exit_1_with_a_clear_line() -> None:
    result = CliRunner().invoke(
        main, ["demo", "octomind", "kapptivate", "--scenario", "octomind=failure", "--poll-interval", str(FAST)]
    )
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "FAILED octomind: Run ended with failure status 'FAILED'; the demo expects a success" in result.output
    assert "FAILED kapptivate" not in result.output
    assert "1 of 2 flow(s) did not reach their expected end" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("vendor", "status"),
    [("kapptivate", "failure"), ("octomind", "FAILED"), ("qualigate", "completed"), ("doksi", "failed")],
)
def test_a_run_the_mock_fails_is_reported_with_its_final_status(vendor: str, status: str) -> None:
    """Qualigate's suite ends `completed` either way; its failure count says it failed."""
    report, output = demo(vendor, scenarios={vendor: "failure"})
    (row,) = report.results
    assert report.exit_code == 1
    assert not row.ok
    assert row.status == status
    assert row.problem.startswith("Run ended with failure status")
    assert f"FAILED {vendor}: Run ended with failure status" in output


def test_an_api_error_ends_only_its_flow_and_is_shown_as_its_message() -> None:
    report, output = demo("octomind", "qualigate", scenarios={"octomind": "fault:500"})
    rows = {r.vendor: r for r in report.results}
    assert report.exit_code == 1
    assert not rows["octomind"].ok and rows["octomind"].status == "error"
    assert rows["octomind"].problem.startswith("InternalServerError: 500 Internal Server Error")
    assert rows["qualigate"].ok
    assert "FAILED octomind: InternalServerError: 500" in output
    assert "Traceback" not in output


def test_progress_is_printed_line_by_line_off_a_terminal() -> None:
    _, output = demo("octomind")
    lines = output.splitlines()
    expected = [
        "octomind: start the mock",
        "octomind: execute the tests",
        "octomind: wait for the test report",
        "octomind: wait for the test report: WAITING",
        "octomind: wait for the test report: PASSED",
        "octomind: finished: PASSED",
    ]
    assert [line for line in lines if line.startswith("octomind:")] == expected


def test_the_tracker_counts_calls_from_the_journal_and_reports_each_change_once() -> None:
    seen: list[Snapshot] = []
    with run_mock("octomind") as server:
        tracker = Tracker("octomind", seen.append)
        tracker.start(server.journal)
        flows.octomind(server, tracker, FAST)
        assert tracker.snapshot().calls == len(server.journal.entries) == 5  # execute + four status reads
    statuses = [s.status for s in seen if s.step == "wait for the test report"]
    assert statuses == ["", "WAITING", "PASSED"]


def run_flow(vendor: str) -> tuple[MockServer, flows.Ended]:
    with run_mock(vendor) as server:
        return server, flows.FLOWS[vendor](server, Tracker(vendor), FAST)


def test_kapptivate_exchanges_the_key_before_triggering() -> None:
    server, ended = run_flow("kapptivate")
    first, second, *reads = server.journal.entries
    assert (first.method, first.path) == ("POST", "/api/auth/refresh-token/")
    assert (second.method, second.path) == ("POST", "/api/v1/continuous_integration/")
    assert second.headers["authorization"] == "JWT <redacted>"
    assert [r.method for r in reads] == ["GET"] * 4
    assert ended.status == "success"
    assert ended.detail.endswith("; 1 token exchange(s)")


def test_qualigate_triggers_a_suite_then_reads_its_aggregated_results() -> None:
    server, ended = run_flow("qualigate")
    trigger, *reads, results = server.journal.entries
    assert json.loads(trigger.body)["test_suite_id"] == "770e8400-e29b-41d4-a716-446655440000"
    suite_run = re.fullmatch(r"suite_run_id=([0-9a-f-]+)", reads[0].query)
    assert suite_run is not None
    assert (results.path, results.query) == ("/api/v1/results", reads[0].query)
    assert ended.status == "completed"


def test_doksi_uploads_a_zip_without_credentials_and_runs_a_matrix_on_its_target() -> None:
    server, ended = run_flow("doksi")
    entries = server.journal.entries
    put = next(e for e in entries if e.method == "PUT")
    assert put.headers["content-type"] == "application/zip"
    assert "authorization" not in put.headers
    target = next(e for e in entries if e.path.endswith("/targets"))
    run = next(e for e in entries if e.method == "POST" and e.path.endswith("/runs"))
    upload_id = json.loads(target.body)["upload_id"]
    matrix = json.loads(run.body)["matrix"]
    assert upload_id in put.path
    assert len(matrix) == 2
    assert len({entry["target_id"] for entry in matrix}) == 1
    assert ended.status == "passed"


def test_the_doksi_build_is_a_zip_holding_base_apk() -> None:
    with zipfile.ZipFile(io.BytesIO(flows.build_zip())) as archive:
        assert archive.namelist() == ["base.apk"]


def test_testmo_appends_results_completes_and_finds_its_run_in_the_listing() -> None:
    server, ended = run_flow("testmo")
    paths = [(e.method, e.path) for e in server.journal.entries]
    assert [m for m, p in paths if "/complete" in p] == ["POST", "POST"]
    appended = next(e for e in server.journal.entries if e.path.endswith("/append"))
    assert [t["status"] for t in json.loads(appended.body)["tests"]] == ["passed"] * 3
    assert ("GET", "/api/v1/projects/1/automation/runs") in paths
    assert ended.status == "completed"
    assert re.fullmatch(r"3/3 passed; run \d+ listed", ended.detail)


def test_scenarios_are_vendor_equals_name() -> None:
    assert parse_scenarios(["octomind=failure", "doksi=failed"]) == {"octomind": "failure", "doksi": "failed"}
    for bad in ("octomind", "nobody=failure", "octomind="):
        with pytest.raises(ValueError, match="VENDOR=SCENARIO"):
            parse_scenarios([bad])


def test_an_unknown_vendor_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["demo", "acme"])
    assert result.exit_code == 2
    assert "no demo for acme: choose from kapptivate, octomind, qualigate, doksi, testmo" in result.output
