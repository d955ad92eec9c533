"""Each vendor's CI flow, driven through its generated client against its mock.

A flow is what a CI job does with the vendor: start tests, wait for them, read the outcome. It
reports its steps to a `Tracker`, returns how the run ended when it ended as expected, and raises
`FlowError` (or the runtime's `APIError` family) when it did not. Request values come from the
specs' named examples where one fits, so the demo sends what the vendors document.
"""

from __future__ import annotations

import copy
import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from generated.doksi import DoksiClient
from generated.doksi.models import CreateRunRequest
from generated.kapptivate import KapptivateClient
from generated.kapptivate.models import CiRunRequest
from generated.octomind import OctomindClient
from generated.octomind.models import TestTargetExecutionRequest
from generated.qualigate import QualigateClient
from generated.qualigate.models import SuiteTriggerResponse, TriggerRequest
from generated.testmo import TestmoClient
from generated.testmo.models import AutomationTest
from generator.demo.progress import Tracker, shown
from generator.mock.server import MockServer

PACE = {"X-Testrelay-Reads": "4"}
"""Sent with each trigger: the mock's run then takes four status reads to end, so the waiting shows."""

WAIT_DEADLINE = 30.0
"""Seconds a flow waits for its run: the mocks end runs within a few reads, so more means a stuck run."""


class FlowError(Exception):
    """The flow ran without an API error but did not reach its expected end."""

    def __init__(self, message: str, status: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Ended:
    """How a flow's run ended: the final status and a short note of what was checked."""

    status: str
    detail: str


Flow = Callable[[MockServer, Tracker, float], Ended]
"""(the vendor's mock, the flow's tracker, seconds between status reads) -> how the run ended."""


def request_example(server: MockServer, operation_id: str, name: str) -> Any:
    """A named request example of the spec the mock serves: the vendor's own sample values."""
    for example in server.app.api.operation(operation_id).request_examples:
        if example.name == name:
            return copy.deepcopy(example.value)
    raise FlowError(f"the spec has no request example {name!r} for {operation_id}")


def calls_to(server: MockServer, path_suffix: str, method: str | None = None) -> int:
    """How many requests the mock received on a path ending so (with that method), from its journal."""
    entries = server.journal.entries
    return sum(1 for e in entries if e.path.endswith(path_suffix) and method in (None, e.method))


def kapptivate(server: MockServer, track: Tracker, poll: float) -> Ended:
    """Token exchange (by the client's auth, on the first call), trigger a CI run, wait for its result."""
    body = CiRunRequest.model_validate(request_example(server, "triggerCiRun", "singleTest"))
    with KapptivateClient(api_key=server.api_key, base_url=server.base_url) as client:
        track.step("exchange the key for a JWT, trigger a CI run")
        started = client.trigger_ci_run(body=body, extra_headers=PACE)
        exchanges = calls_to(server, "/auth/refresh-token/")
        if exchanges < 1:
            raise FlowError("the trigger reached the mock without a token exchange first")
        track.step(f"wait for result {started.result_id}")
        final = client.wait_for_ci_result(
            result_id=started.result_id,
            poll_interval=poll,
            deadline=WAIT_DEADLINE,
            on_update=lambda state: track.status(state.result.status),
            raise_on_failure=True,
        )
    result = final.result
    return Ended(shown(result.status), f"{result.nb_success}/{result.nb_tests} passed; {exchanges} token exchange(s)")


def octomind(server: MockServer, track: Tracker, poll: float) -> Ended:
    """Execute a test target's tests, then wait for the test report."""
    body = TestTargetExecutionRequest.model_validate(request_example(server, "executeTests", "manualTrigger"))
    with OctomindClient(api_key=server.api_key, base_url=server.base_url) as client:
        track.step("execute the tests")
        started = client.execute_tests(body=body, extra_headers=PACE)
        report = started.test_report
        track.step("wait for the test report")
        final = client.wait_for_test_report(
            test_target_id=report.test_target_id,
            test_report_id=report.id,
            poll_interval=poll,
            deadline=WAIT_DEADLINE,
            on_update=lambda state: track.status(state.status),
            raise_on_failure=True,
        )
    return Ended(shown(final.status), f"report with {len(final.test_results or [])} test result(s)")


def qualigate(server: MockServer, track: Tracker, poll: float) -> Ended:
    """Trigger a suite, wait for its run, then read the aggregated results."""
    body = TriggerRequest.model_validate(request_example(server, "triggerTests", "testSuiteFromPython"))
    with QualigateClient(api_key=server.api_key, base_url=server.base_url) as client:
        track.step("trigger the suite")
        started = client.trigger_tests(body=body, extra_headers=PACE)
        if not isinstance(started, SuiteTriggerResponse):
            raise FlowError(f"a suite trigger answered with a {type(started).__name__}, not a suite run")
        track.step("wait for the suite run")
        final = client.wait_for_run(
            suite_run_id=started.suite_run_id,
            poll_interval=poll,
            deadline=WAIT_DEADLINE,
            on_update=lambda state: track.status(state.status),
            raise_on_failure=True,
        )
        track.step("read the aggregated results")
        results = client.get_results(suite_run_id=started.suite_run_id)
    return Ended(shown(final.status), f"{results.passed_tests}/{results.total_tests} passed in the results")


def build_zip() -> bytes:
    """A split-APK zip as Doksi takes it, with a dummy `base.apk`; built in memory, never on disk."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("base.apk", b"PK\x03\x04 testrelay demo build")
    return buffer.getvalue()


def upload_build(server: MockServer, upload_url: str) -> None:
    """PUT the zip to the presigned URL: plain HTTP, straight to storage, with no Authorization header."""
    url = httpx.URL(server.base_url).join(upload_url)  # an absolute URL stays as it is
    if url.host != server.host:
        raise FlowError(f"the upload URL leads off the mock, to {url.host}; the demo sends builds nowhere else")
    try:
        response = httpx.put(url, content=build_zip(), headers={"Content-Type": "application/zip"}, timeout=10)
    except httpx.HTTPError as exc:
        raise FlowError(f"the upload PUT to {url} failed: {type(exc).__name__}: {exc}") from None
    if not response.is_success:
        raise FlowError(f"the upload PUT answered {response.status_code}: {response.text[:120]}")


def doksi(server: MockServer, track: Tracker, poll: float) -> Ended:
    """Upload a build, register it as a target, run a two-entry matrix on that target, wait for the run."""
    with DoksiClient(api_key=server.api_key, base_url=server.base_url) as client:
        track.step("create an upload")
        upload = client.create_upload(name="storefront")
        track.step(f"PUT the build to upload {upload.upload_id}")
        upload_build(server, upload.upload_url)
        track.step("register the target")
        target = client.create_target(upload_id=upload.upload_id, name="Storefront", version="1.2.3")
        track.step(f"create a run on target {target.target_id}")
        started = client.create_run(body=_matrix(target.target_id), extra_headers=PACE)
        track.step(f"wait for run {started.run_id}")
        final = client.wait_for_run(
            run_id=started.run_id,
            poll_interval=poll,
            deadline=WAIT_DEADLINE,
            on_update=lambda state: track.status(state.status),
            raise_on_failure=True,
        )
    return Ended(shown(final.status), f"{final.tests_passed}/{final.tests_total} passed on {target.target_id}")


def _matrix(target_id: str) -> CreateRunRequest:
    """The spec's `fan_out` pattern on one target: chosen tests with generated accounts, plus a category."""
    return CreateRunRequest.model_validate(
        {
            "matrix": [
                {
                    "platform": "android",
                    "target_id": target_id,
                    "test_ids": ["abc123"],
                    "artifacts": [{"type": "authentication", "strategy": "generated"}],
                },
                {"platform": "android", "target_id": target_id, "category_ids": ["cat_smoke"]},
            ]
        }
    )


TESTMO_PROJECT = 1
"""The project id of the spec's examples."""


def testmo_tests() -> list[AutomationTest]:
    """A few passing results, shaped like the spec's `threeTests` example."""
    folder = "tests.test_checkout.TestCheckout"
    names = ("test_pay_by_card", "test_apply_voucher", "test_pay_by_invoice")
    return [
        AutomationTest(
            key=hashlib.sha256(f"{folder}.{name}".encode()).hexdigest(),  # Testmo's key: a stable hash
            name=name,
            status="passed",
            folder=folder,
            elapsed=1_500_000,
            file="tests/test_checkout.py",
            line=40 * (i + 1),
        )
        for i, name in enumerate(names)
    ]


def testmo(server: MockServer, track: Tracker, poll: float) -> Ended:
    """Create a run and a thread, append results, complete both, and find the run completed in the list."""
    with TestmoClient(api_key=server.api_key, base_url=server.base_url) as client:
        track.step("create an automation run")
        run_id = client.create_automation_run(
            project_id=TESTMO_PROJECT, name="Nightly backend build #1234", source="backend"
        ).id
        track.step(f"create a thread in run {run_id}")
        thread_id = client.create_automation_run_thread(automation_run_id=run_id).id
        tests = testmo_tests()
        track.step(f"append {len(tests)} results to thread {thread_id}")
        client.append_automation_run_thread(automation_run_thread_id=thread_id, tests=tests)
        track.step("complete the thread and the run")
        client.complete_automation_run_thread(
            automation_run_thread_id=thread_id, elapsed_observed=615000000, elapsed_computed=598400000
        )
        client.complete_automation_run(automation_run_id=run_id, measure_elapsed=True)
        final = client.wait_for_automation_run(
            automation_run_id=run_id,
            poll_interval=poll,
            deadline=WAIT_DEADLINE,
            on_update=lambda state: track.status("completed" if state.result.is_completed else "open"),
            raise_on_failure=True,
        )
        track.step("list the project's runs")
        listed = next((run for run in client.iter_automation_runs(project_id=TESTMO_PROJECT) if run.id == run_id), None)
    if listed is None:
        raise FlowError(f"run {run_id} is missing from the project's runs", "completed")
    if not listed.is_completed:
        raise FlowError(f"run {run_id} is listed, but not completed", "open")
    counts = final.result
    return Ended("completed", f"{counts.success_count}/{counts.total_count} passed; run {run_id} listed")


FLOWS: dict[str, Flow] = {
    "kapptivate": kapptivate,
    "octomind": octomind,
    "qualigate": qualigate,
    "doksi": doksi,
    "testmo": testmo,
}
"""Every vendor's flow, in the order the demo shows them."""
