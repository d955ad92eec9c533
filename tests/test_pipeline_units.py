"""The pipeline's pieces on their own: CI facts, options from the IR, result classes, JUnit, GitHub caps."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import xmlschema

from generator.mock.server import run_mock
from generator.pipeline import github, junit
from generator.pipeline.context import ci_facts
from generator.pipeline.flow import find_flow, load_api
from generator.pipeline.options import trigger_options
from generator.pipeline.results import TestResult, Verdict

REPO = Path(__file__).resolve().parent.parent
SCHEMA = xmlschema.XMLSchema(REPO / "tests" / "fixtures" / "junit" / "jenkins-junit.xsd")


def test_each_ci_system_is_recognised_with_its_facts() -> None:
    cases = {
        "github-actions": {
            "GITHUB_ACTIONS": "true",
            "GITHUB_SHA": "c1",
            "GITHUB_REF": "refs/pull/7/merge",
            "GITHUB_REPOSITORY": "o/r",
        },
        "gitlab-ci": {
            "GITLAB_CI": "true",
            "CI_COMMIT_SHA": "c1",
            "CI_MERGE_REQUEST_IID": "7",
            "CI_PROJECT_PATH": "o/r",
        },
        "jenkins": {"JENKINS_URL": "https://ci", "GIT_COMMIT": "c1", "CHANGE_ID": "7", "GIT_URL": "git@host:o/r.git"},
        "circleci": {
            "CIRCLECI": "true",
            "CIRCLE_SHA1": "c1",
            "CIRCLE_PULL_REQUEST": "https://gh/o/r/pull/7",
            "CIRCLE_PROJECT_USERNAME": "o",
            "CIRCLE_PROJECT_REPONAME": "r",
        },
        "azure-pipelines": {
            "TF_BUILD": "True",
            "BUILD_SOURCEVERSION": "c1",
            "SYSTEM_PULLREQUEST_PULLREQUESTNUMBER": "7",
            "BUILD_REPOSITORY_NAME": "o/r",
        },
        "buildkite": {
            "BUILDKITE": "true",
            "BUILDKITE_COMMIT": "c1",
            "BUILDKITE_PULL_REQUEST": "7",
            "BUILDKITE_REPO": "https://host/o/r.git",
        },
    }
    for provider, env in cases.items():
        facts = ci_facts(env)
        assert facts["provider"] == provider
        assert (facts["commit"], facts["pr_number"], facts["repository"]) == ("c1", "7", "o/r"), provider
    assert ci_facts({}) == {}
    assert "pr_number" not in ci_facts({"BUILDKITE": "true", "BUILDKITE_PULL_REQUEST": "false"})


def test_options_come_from_the_triggers_scalar_fields_and_server_variables() -> None:
    api, path = load_api("octomind")
    flags = {o.flag: o for o in trigger_options(api, find_flow(api, path).trigger)}
    assert {"test-target-id", "url", "environment-name", "tag", "browser"} <= set(flags)
    assert flags["tag"].multiple and flags["tag"].wire_name == "tags"
    assert "context" not in flags and "variables-to-overwrite" not in flags  # structured: --body only
    api, path = load_api("kapptivate")
    flags = {o.flag: o for o in trigger_options(api, find_flow(api, path).trigger)}
    assert flags["domain"].where == "server" and "tests" not in flags


def result(verdict: Verdict, n: int = 0, message: str = "") -> TestResult:
    return TestResult(
        f"test {n}", "vendor.suite", verdict, verdict.value, 1.5, message, links=(("trace", "https://x/t"),)
    )


def test_junit_is_valid_even_with_characters_xml_cannot_hold(tmp_path: Path) -> None:
    results = [
        result(Verdict.PASSED),
        result(Verdict.FAILED, 1, "bad\x00byte \x1b[31m <&>"),
        result(Verdict.ERROR, 2, "boom"),
        result(Verdict.SKIPPED, 3, "later"),
    ]
    path = tmp_path / "j.xml"
    path.write_bytes(junit.to_xml("vendor run=1", results))
    SCHEMA.validate(str(path))
    text = path.read_text()
    assert 'tests="4" failures="1" errors="1" skipped="1"' in text and "\x00" not in text


def test_github_summary_and_annotations_stay_within_their_caps() -> None:
    many = [result(Verdict.FAILED, i, "x" * 500) for i in range(20_000)]
    text = github.summary("testrelay run vendor", "failed", many)
    assert len(text.encode()) < github.SUMMARY_LIMIT
    assert "more result(s) not shown" in text
    lines = github.annotation_lines(many)
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert lines[-1].startswith("::notice::19990 more")
    assert github.annotation_lines([result(Verdict.FAILED, 1, "a\nb%")]) == [
        "::error title=vendor.suite test 1::a%0Ab%25"
    ]


def test_the_github_summary_and_annotations_appear_on_actions(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "OCTOMIND_"))}
    with run_mock("octomind", scenario="failure") as mock:
        env |= {
            "OCTOMIND_BASE_URL": mock.base_url,
            "OCTOMIND_API_KEY": mock.api_key,
            "GITHUB_ACTIONS": "true",
            "GITHUB_STEP_SUMMARY": str(summary),
        }
        args = [
            "run",
            "octomind",
            "--test-target-id",
            "3435918b-3d29-4ebd-8c68-9a540532f45a",
            "--url",
            "https://x.example.com",
        ]
        done = subprocess.run(
            [sys.executable, "-m", "generator", *args, "--poll-interval", "0.05", "--json", str(tmp_path / "r.json")],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        sent = json.loads(next(e.body for e in mock.journal.entries if e.method == "POST"))
    assert done.returncode == 1, done.stderr
    failures = json.loads((tmp_path / "r.json").read_text())["tests"]
    text = summary.read_text()
    assert text.startswith("### testrelay run octomind: failed") and "| ❌ |" in text
    assert len(text.encode()) < github.SUMMARY_LIMIT
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == failures["failed"] + failures["error"] <= 10
    assert sent["context"]["source"] == "github"  # the GitHub variant of Octomind's context


def check(path: Path) -> list[str]:
    from generator.spec.check import check_file

    return [str(problem) for problem in check_file(str(path)).problems]


def test_check_enforces_the_run_extensions(tmp_path: Path) -> None:
    text = (REPO / "specs" / "doksi.yaml").read_text()
    broken = (
        text.replace("urlPointer: /upload_url", "urlPointer: /upload_link")
        .replace("name: [/test_name, /test_id]", "name: [/test_title, /test_id]")
        .replace("durationUnit: milliseconds", "durationUnit: fortnights")
        .replace("        idPointer: /target_id", "        idPointer: /target_id\n        colour: blue")
    )
    path = tmp_path / "doksi.yaml"
    path.write_text(broken)
    lines = check(path)
    assert any(
        line.endswith(
            "/x-build-upload/upload/urlPointer: /upload_link does not resolve in the 201 response schema of createUpload"
        )
        for line in lines
    ), lines
    assert any("/x-test-results/items/name/0: /results/0/test_title does not resolve" in line for line in lines), lines
    assert any("/x-build-upload" in line and "colour" in line for line in lines), lines
    assert all(line.startswith(f"{path}:") for line in lines)
    octomind = (REPO / "specs" / "octomind.yaml").read_text().replace("issueNumber: pr_number", "issueNo: pr_number")
    path = tmp_path / "octomind.yaml"
    path.write_text(octomind)
    assert any(
        "/x-ci-context/variants/0/fields/issueNo: /context/issueNo does not resolve" in line for line in check(path)
    )


def test_a_live_line_on_a_terminal_and_one_line_per_change_elsewhere() -> None:
    import io

    from generator.pipeline.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    ticks = iter(range(100))
    plain, tty = io.StringIO(), Terminal()
    for stream in (plain, tty):
        progress = Progress("v run=1", stream, clock=lambda: float(next(ticks)))
        for status in ("queued", "running", "running", "running", "passed"):
            progress.update(status)
        progress.done()
    assert [line.split(":")[1].split()[0] for line in plain.getvalue().splitlines()] == ["queued", "running", "passed"]
    shown = tty.getvalue()
    assert shown.count("\r\x1b[K") == 5 and shown.count("\n") == 3  # rewritten in place; a new line per change


def test_run_ids_round_trip_and_a_bare_id_needs_one_parameter() -> None:
    import pytest

    from generator.pipeline.trigger import UsageError, decode_run_id, encode_run_id

    api, path = load_api("octomind")
    flow = find_flow(api, path)
    params = {"testTargetId": "a,b=c", "testReportId": "r 1"}
    assert decode_run_id(flow, encode_run_id(params)) == params
    with pytest.raises(UsageError, match=re.escape("testTargetId=...,testReportId=...")):
        decode_run_id(flow, "just-an-id")
    api, path = load_api("doksi")
    assert decode_run_id(find_flow(api, path), "run_42") == {"run_id": "run_42"}
