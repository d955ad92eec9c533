"""Waiting on runs: outcomes, the deadline, wait hints, transient errors and callbacks, on a fake clock."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from typing import Generic, TypeVar

import httpx
import pytest
from pydantic import BaseModel, ConfigDict, Field

from generator.runtime._enums import OpenIntEnum, OpenStrEnum
from generator.runtime._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    NotFoundError,
    PollTimeoutError,
    RateLimitError,
    RunFailedError,
    status_error,
)
from generator.runtime._polling import Outcome, PollSpec, async_wait, outcome, wait

T = TypeVar("T")


class RunState(OpenStrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"


class Run(BaseModel):
    id: str
    status: RunState


class StateCode(OpenIntEnum):
    RUNNING = 1
    DONE = 2
    BROKEN = 3


class CodedRun(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    state_code: StateCode = Field(alias="stateCode")


class SuiteStatus(OpenStrEnum):
    PENDING = "pending"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    COMPLETED = "completed"


class Suite(BaseModel):
    """Stands for Qualigate's suite run: `completed` is judged by `failed_tests`."""

    status: SuiteStatus
    failed_tests: int | None = None


RUN = PollSpec(
    status_pointer="/status",
    pending=("queued", "running"),
    success=("passed",),
    failure=("failed",),
    interval=5.0,
    deadline=60.0,
)
CODED = PollSpec(status_pointer="/stateCode", pending=(1,), success=(2,), failure=(3,), interval=5.0, deadline=60.0)
SUITE = PollSpec(
    status_pointer="/status",
    pending=("pending", "running"),
    success=("passed",),
    failure=("failed", "error"),
    interval=10.0,
    deadline=600.0,
    judged=(("completed", "/failed_tests"),),
)


class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps (or a fetch costs time)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Script(Generic[T]):
    """A fetch that plays back reads (state, hint) or raises the given errors, one per call."""

    def __init__(self, time: FakeTime, steps: Sequence[tuple[T, float | None] | Exception], cost: float = 0.0) -> None:
        self.time = time
        self.steps = list(steps)
        self.cost = cost
        self.calls = 0

    def __call__(self) -> tuple[T, float | None]:
        step = self.steps[self.calls]
        self.calls += 1
        self.time.now += self.cost
        if isinstance(step, Exception):
            raise step
        return step

    async def async_call(self) -> tuple[T, float | None]:
        return self()


def run(status: str, run_id: str = "r1") -> Run:
    return Run(id=run_id, status=RunState(status))


def http_error(status: int) -> APIStatusError:
    response = httpx.Response(status, request=httpx.Request("GET", "https://api.example.test/runs/r1"))
    return status_error(response, None, None)


# outcome


def test_outcome_reads_listed_values_through_open_enums() -> None:
    assert outcome(RUN, run("queued")) == (Outcome.PENDING, RunState.QUEUED)
    assert outcome(RUN, run("passed")) == (Outcome.SUCCESS, RunState.PASSED)
    assert outcome(RUN, run("failed")) == (Outcome.FAILURE, RunState.FAILED)


def test_outcome_counts_an_unknown_status_as_pending() -> None:
    result, status = outcome(RUN, run("provisioning"))
    assert result is Outcome.PENDING
    assert status == "provisioning"
    assert isinstance(status, RunState)


def test_outcome_counts_a_missing_status_as_pending() -> None:
    assert outcome(RUN, {"id": "r1"}) == (Outcome.PENDING, None)
    assert outcome(RUN, {"status": None}) == (Outcome.PENDING, None)


def test_outcome_on_an_int_enum_behind_an_alias() -> None:
    assert outcome(CODED, CodedRun(stateCode=StateCode.RUNNING)) == (Outcome.PENDING, StateCode.RUNNING)
    assert outcome(CODED, CodedRun(stateCode=StateCode.DONE)) == (Outcome.SUCCESS, StateCode.DONE)
    assert outcome(CODED, CodedRun(stateCode=StateCode.BROKEN)) == (Outcome.FAILURE, StateCode.BROKEN)
    assert outcome(CODED, CodedRun.model_validate({"stateCode": 7})) == (Outcome.PENDING, 7)


def test_outcome_judges_a_completed_suite_by_its_failure_count() -> None:
    assert outcome(SUITE, Suite(status=SuiteStatus.COMPLETED, failed_tests=0)) == (
        Outcome.SUCCESS,
        SuiteStatus.COMPLETED,
    )
    assert outcome(SUITE, Suite(status=SuiteStatus.COMPLETED, failed_tests=3)) == (
        Outcome.FAILURE,
        SuiteStatus.COMPLETED,
    )
    assert outcome(SUITE, Suite(status=SuiteStatus.COMPLETED)) == (Outcome.SUCCESS, SuiteStatus.COMPLETED)
    assert outcome(SUITE, {"status": "completed"}) == (Outcome.SUCCESS, "completed")


def test_outcome_keeps_booleans_apart_from_numbers() -> None:
    completed = PollSpec(
        status_pointer="/result/is_completed",
        pending=(False,),
        success=(),
        failure=(),
        interval=10.0,
        deadline=3600.0,
        judged=((True, "/result/failure_count"),),
    )
    assert outcome(completed, {"result": {"is_completed": False}}) == (Outcome.PENDING, False)
    assert outcome(completed, {"result": {"is_completed": True, "failure_count": 2}}) == (Outcome.FAILURE, True)
    assert outcome(completed, {"result": {"is_completed": True, "failure_count": 0}}) == (Outcome.SUCCESS, True)
    assert outcome(completed, {"result": {"is_completed": 1, "failure_count": 2}}) == (Outcome.PENDING, 1)


# terminal outcomes through wait


def test_wait_returns_the_successful_state() -> None:
    time = FakeTime()
    final = run("passed")
    fetch = Script(time, [(run("queued"), None), (run("running"), None), (final, None)])
    assert wait(fetch, RUN, clock=time.clock, sleep=time.sleep) is final
    assert fetch.calls == 3
    assert time.sleeps == [5.0, 5.0]


def test_wait_returns_a_failed_state_without_raising() -> None:
    time = FakeTime()
    final = run("failed")
    fetch = Script(time, [(run("running"), None), (final, None)])
    assert wait(fetch, RUN, clock=time.clock, sleep=time.sleep) is final
    assert time.sleeps == [5.0]


def test_wait_raises_on_failure_when_asked() -> None:
    time = FakeTime()
    final = run("failed")
    fetch = Script(time, [(final, None)])
    with pytest.raises(RunFailedError) as caught:
        wait(fetch, RUN, raise_on_failure=True, clock=time.clock, sleep=time.sleep)
    assert caught.value.run is final
    assert caught.value.status is RunState.FAILED
    assert str(caught.value) == "Run ended with failure status 'failed'"
    assert time.sleeps == []


def test_raise_on_failure_leaves_success_alone() -> None:
    time = FakeTime()
    final = run("passed")
    fetch = Script(time, [(final, None)])
    assert wait(fetch, RUN, raise_on_failure=True, clock=time.clock, sleep=time.sleep) is final


def test_wait_judges_a_completed_suite_as_success() -> None:
    time = FakeTime()
    final = Suite(status=SuiteStatus.COMPLETED, failed_tests=0)
    fetch = Script(time, [(Suite(status=SuiteStatus.RUNNING), None), (final, None)])
    assert wait(fetch, SUITE, raise_on_failure=True, clock=time.clock, sleep=time.sleep) is final
    assert time.sleeps == [10.0]


def test_wait_judges_a_completed_suite_with_failures_as_failure() -> None:
    time = FakeTime()
    final = Suite(status=SuiteStatus.COMPLETED, failed_tests=3)
    assert wait(Script(time, [(final, None)]), SUITE, clock=time.clock, sleep=time.sleep) is final
    with pytest.raises(RunFailedError) as caught:
        wait(Script(time, [(final, None)]), SUITE, raise_on_failure=True, clock=time.clock, sleep=time.sleep)
    assert caught.value.run is final
    assert caught.value.status is SuiteStatus.COMPLETED
    assert str(caught.value) == "Run ended with failure status 'completed' and 3 failure(s) at /failed_tests"


def test_wait_keeps_going_through_an_unknown_status() -> None:
    time = FakeTime()
    final = run("passed")
    fetch = Script(time, [(run("provisioning"), None), (run("warming-up"), None), (final, None)])
    assert wait(fetch, RUN, clock=time.clock, sleep=time.sleep) is final
    assert fetch.calls == 3
    assert time.sleeps == [5.0, 5.0]


def test_wait_on_an_int_enum_status() -> None:
    time = FakeTime()
    final = CodedRun(stateCode=StateCode.DONE)
    steps: list[tuple[CodedRun, float | None] | Exception] = [
        (CodedRun(stateCode=StateCode.RUNNING), None),
        (CodedRun.model_validate({"stateCode": 9}), None),
        (final, None),
    ]
    assert wait(Script(time, steps), CODED, clock=time.clock, sleep=time.sleep) is final
    assert time.sleeps == [5.0, 5.0]


# the deadline


def test_deadline_clips_the_last_sleep_and_reports_the_last_state() -> None:
    time = FakeTime()
    states = [run("running", f"r{i}") for i in range(4)]
    fetch = Script(time, [(state, None) for state in states])
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=12.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [5.0, 5.0, 2.0]
    assert sum(time.sleeps) == 12.0
    assert fetch.calls == 4
    assert caught.value.last is states[3]
    assert caught.value.status is RunState.RUNNING
    assert caught.value.elapsed == 12.0
    assert str(caught.value) == "Run still pending with status 'running' after 12.0s (deadline 12s)"


def test_deadline_counts_the_time_fetches_take() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("queued"), None)] * 4, cost=1.0)
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=14.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [5.0, 5.0, 1.0]
    assert sum(time.sleeps) <= 14.0
    assert fetch.calls == 4
    assert caught.value.elapsed == 15.0
    assert caught.value.status is RunState.QUEUED
    assert str(caught.value) == "Run still pending with status 'queued' after 15.0s (deadline 14s)"


def test_deadline_defaults_to_the_vendor_timeout() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("running"), None)] * 20)
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [5.0] * 12
    assert fetch.calls == 13
    assert caught.value.elapsed == 60.0


def test_a_zero_timeout_reads_once() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("running"), None)])
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=0.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == []
    assert caught.value.elapsed == 0.0
    assert str(caught.value) == "Run still pending with status 'running' after 0.0s (deadline 0s)"


def test_a_missing_status_times_out_with_status_none() -> None:
    time = FakeTime()
    last: dict[str, object] = {"id": "r1"}
    fetch = Script(time, [(last, None)] * 3)
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=10.0, clock=time.clock, sleep=time.sleep)
    assert caught.value.last is last
    assert caught.value.status is None
    assert str(caught.value) == "Run still pending with status none after 10.0s (deadline 10s)"


def test_bad_arguments_are_refused() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("passed"), None)])
    with pytest.raises(ValueError, match=r"^deadline must be a number of seconds >= 0, not -1\.0$"):
        wait(fetch, RUN, deadline=-1.0, clock=time.clock, sleep=time.sleep)
    with pytest.raises(ValueError, match=r"^deadline must be a number of seconds >= 0, not nan$"):
        wait(fetch, RUN, deadline=math.nan, clock=time.clock, sleep=time.sleep)
    with pytest.raises(ValueError, match=r"^poll_interval must be a finite number of seconds > 0, not 0\.0$"):
        wait(fetch, RUN, poll_interval=0.0, clock=time.clock, sleep=time.sleep)
    assert fetch.calls == 0


# wait hints


def test_hint_precedence_server_then_caller_then_vendor() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("running"), 2.0), (run("running"), None), (run("passed"), None)])
    wait(fetch, RUN, poll_interval=3.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [2.0, 3.0]

    time = FakeTime()
    fetch = Script(time, [(run("running"), 2.0), (run("running"), None), (run("passed"), None)])
    wait(fetch, RUN, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [2.0, 5.0]


def test_a_large_server_hint_is_clipped_to_the_deadline() -> None:
    time = FakeTime()
    fetch = Script(time, [(run("running"), 100.0), (run("running"), None)])
    with pytest.raises(PollTimeoutError):
        wait(fetch, RUN, deadline=30.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [30.0]


def test_bad_hints_are_ignored() -> None:
    time = FakeTime()
    steps: list[tuple[Run, float | None] | Exception] = [
        (run("running"), -1.0),
        (run("running"), math.nan),
        (run("running"), math.inf),
        (run("running"), 0.0),
        (run("passed"), None),
    ]
    wait(Script(time, steps), RUN, poll_interval=3.0, clock=time.clock, sleep=time.sleep)
    assert time.sleeps == [3.0, 3.0, 3.0, 3.0]


# transient errors


def test_transient_errors_do_not_end_the_wait() -> None:
    time = FakeTime()
    final = run("passed")
    steps: list[tuple[Run, float | None] | Exception] = [
        (run("running"), None),
        APIConnectionError(),
        APITimeoutError(),
        http_error(503),
        http_error(500),
        http_error(408),
        (final, None),
    ]
    fetch = Script(time, steps)
    assert wait(fetch, RUN, clock=time.clock, sleep=time.sleep) is final
    assert fetch.calls == 7
    assert time.sleeps == [5.0] * 6


def test_a_rate_limit_waits_as_long_as_the_server_asks() -> None:
    time = FakeTime()
    limited = http_error(429)
    assert isinstance(limited, RateLimitError)
    limited.retry_after = 7.0
    final = run("passed")
    fetch: Script[Run] = Script(time, [limited, http_error(429), (final, None)])
    assert wait(fetch, RUN, clock=time.clock, sleep=time.sleep) is final
    assert time.sleeps == [7.0, 5.0]


def test_a_transient_error_keeps_the_last_good_state() -> None:
    time = FakeTime()
    good = run("running")
    fetch: Script[Run] = Script(time, [(good, None), http_error(502), http_error(504)])
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=10.0, clock=time.clock, sleep=time.sleep)
    assert caught.value.last is good
    assert caught.value.status is RunState.RUNNING
    assert caught.value.elapsed == 10.0


def test_no_good_read_at_all_times_out_with_nothing() -> None:
    time = FakeTime()
    fetch: Script[Run] = Script(time, [APIConnectionError()] * 3)
    with pytest.raises(PollTimeoutError) as caught:
        wait(fetch, RUN, deadline=10.0, clock=time.clock, sleep=time.sleep)
    assert caught.value.last is None
    assert caught.value.status is None
    assert caught.value.elapsed == 10.0
    assert str(caught.value) == "No status could be read in 10.0s (deadline 10s)"


def test_a_404_propagates() -> None:
    time = FakeTime()
    missing = http_error(404)
    fetch: Script[Run] = Script(time, [(run("running"), None), missing])
    with pytest.raises(NotFoundError) as caught:
        wait(fetch, RUN, clock=time.clock, sleep=time.sleep)
    assert caught.value is missing
    assert fetch.calls == 2
    assert time.sleeps == [5.0]


def test_other_exceptions_propagate() -> None:
    time = FakeTime()
    fetch: Script[Run] = Script(time, [ValueError("bad body")])
    with pytest.raises(ValueError, match=r"^bad body$"):
        wait(fetch, RUN, clock=time.clock, sleep=time.sleep)


# callbacks and logging


def test_on_update_sees_every_good_read() -> None:
    time = FakeTime()
    states = [run("queued"), run("running"), run("passed")]
    steps: list[tuple[Run, float | None] | Exception] = [
        (states[0], None),
        APIConnectionError(),
        (states[1], None),
        (states[2], None),
    ]
    seen: list[Run] = []
    wait(Script(time, steps), RUN, on_update=seen.append, clock=time.clock, sleep=time.sleep)
    assert seen == states
    assert [s is t for s, t in zip(seen, states, strict=True)] == [True, True, True]


def test_on_update_sees_the_failed_state_before_the_error() -> None:
    time = FakeTime()
    final = run("failed")
    seen: list[Run] = []
    with pytest.raises(RunFailedError):
        wait(
            Script(time, [(final, None)]),
            RUN,
            on_update=seen.append,
            raise_on_failure=True,
            clock=time.clock,
            sleep=time.sleep,
        )
    assert seen == [final]


def test_each_read_is_logged_without_the_state(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="testrelay")
    time = FakeTime()
    steps: list[tuple[Run, float | None] | Exception] = [
        (run("running", "secret-run-id"), 2.0),
        http_error(503),
        APIConnectionError(),
        (run("passed", "secret-run-id"), None),
    ]
    wait(Script(time, steps), RUN, clock=time.clock, sleep=time.sleep)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("testrelay", logging.DEBUG, "poll read: status 'running', next read in 2.00s"),
        ("testrelay", logging.DEBUG, "poll read failed (HTTP 503), next read in 5.00s"),
        ("testrelay", logging.DEBUG, "poll read failed (APIConnectionError), next read in 5.00s"),
        ("testrelay", logging.DEBUG, "poll read: status 'passed', success"),
    ]


# async


def test_async_wait_returns_the_successful_state() -> None:
    time = FakeTime()
    final = run("passed")
    fetch = Script(time, [(run("queued"), 1.5), (run("provisioning"), None), (final, None)])
    seen: list[Run] = []
    result = asyncio.run(
        async_wait(fetch.async_call, RUN, on_update=seen.append, clock=time.clock, sleep=time.async_sleep)
    )
    assert result is final
    assert time.sleeps == [1.5, 5.0]
    assert [s.status for s in seen] == ["queued", "provisioning", "passed"]


def test_async_wait_judges_a_suite() -> None:
    time = FakeTime()
    final = Suite(status=SuiteStatus.COMPLETED, failed_tests=2)
    fetch = Script(time, [(Suite(status=SuiteStatus.PENDING), None), (final, None)])
    assert asyncio.run(async_wait(fetch.async_call, SUITE, clock=time.clock, sleep=time.async_sleep)) is final
    fetch = Script(time, [(final, None)])
    with pytest.raises(RunFailedError) as caught:
        asyncio.run(
            async_wait(fetch.async_call, SUITE, raise_on_failure=True, clock=time.clock, sleep=time.async_sleep)
        )
    assert caught.value.run is final
    assert str(caught.value) == "Run ended with failure status 'completed' and 2 failure(s) at /failed_tests"


def test_async_wait_times_out_at_the_deadline() -> None:
    time = FakeTime()
    states = [run("running", f"r{i}") for i in range(4)]
    fetch = Script(time, [(state, None) for state in states])
    with pytest.raises(PollTimeoutError) as caught:
        asyncio.run(
            async_wait(
                fetch.async_call, RUN, deadline=12.0, poll_interval=4.0, clock=time.clock, sleep=time.async_sleep
            )
        )
    assert time.sleeps == [4.0, 4.0, 4.0]
    assert caught.value.last is states[3]
    assert caught.value.elapsed == 12.0
    fetch = Script(time, [(run("running"), None)] * 3)
    time.sleeps.clear()
    with pytest.raises(PollTimeoutError):
        asyncio.run(async_wait(fetch.async_call, RUN, deadline=7.0, clock=time.clock, sleep=time.async_sleep))
    assert time.sleeps == [5.0, 2.0]


def test_async_wait_rides_out_transient_errors_and_propagates_a_404() -> None:
    time = FakeTime()
    final = run("passed")
    fetch: Script[Run] = Script(time, [APIConnectionError(), http_error(503), (final, None)])
    assert asyncio.run(async_wait(fetch.async_call, RUN, clock=time.clock, sleep=time.async_sleep)) is final
    assert time.sleeps == [5.0, 5.0]
    fetch = Script(time, [http_error(404)])
    with pytest.raises(NotFoundError):
        asyncio.run(async_wait(fetch.async_call, RUN, clock=time.clock, sleep=time.async_sleep))
    assert fetch.calls == 1


# boolean, integer, null and absent statuses


class SuiteResult(BaseModel):
    """A result whose `passing` is null while the suite runs, then true or false (Ghost Inspector-like)."""

    id: str
    passing: bool | None = None


class Execution(BaseModel):
    """An execution that gains `succeeded` only when it ends (mabl-like)."""

    model_config = ConfigDict(extra="allow")

    id: str
    succeeded: bool | None = None


PASSING = PollSpec(
    status_pointer="/passing", pending=(None,), success=(True,), failure=(False,), interval=5, deadline=60
)
SUCCEEDED = PollSpec(
    status_pointer="/succeeded", pending=(), success=(True,), failure=(False,), interval=5, deadline=60
)
EXIT_CODE = PollSpec(status_pointer="/exit", pending=(), success=(0,), failure=(1, 2), interval=5, deadline=60)


def test_a_null_boolean_status_is_pending_until_true_or_false() -> None:
    assert outcome(PASSING, SuiteResult(id="s")) == (Outcome.PENDING, None)
    assert outcome(PASSING, SuiteResult(id="s", passing=True)) == (Outcome.SUCCESS, True)
    assert outcome(PASSING, SuiteResult(id="s", passing=False)) == (Outcome.FAILURE, False)
    assert outcome(PASSING, {"passing": 0}) == (Outcome.PENDING, 0)  # 0 is not false in JSON


def test_an_absent_status_is_pending_until_the_field_appears() -> None:
    assert outcome(SUCCEEDED, {"id": "e"}) == (Outcome.PENDING, None)
    assert outcome(SUCCEEDED, Execution(id="e")) == (Outcome.PENDING, None)
    assert outcome(SUCCEEDED, Execution.model_validate({"id": "e", "succeeded": False})) == (Outcome.FAILURE, False)


def test_integer_statuses_are_not_booleans() -> None:
    assert outcome(EXIT_CODE, {"exit": 0}) == (Outcome.SUCCESS, 0)
    assert outcome(EXIT_CODE, {"exit": 2}) == (Outcome.FAILURE, 2)
    assert outcome(EXIT_CODE, {"exit": False}) == (Outcome.PENDING, False)
    assert outcome(EXIT_CODE, {"exit": True}) == (Outcome.PENDING, True)


def test_wait_rides_a_null_status_to_its_boolean_end() -> None:
    time = FakeTime()
    reads: list[tuple[SuiteResult, float | None]] = [
        (SuiteResult(id="s"), None),
        (SuiteResult(id="s", passing=None), None),
        (SuiteResult(id="s", passing=False), None),
    ]
    fetch = Script(time, reads)
    with pytest.raises(RunFailedError) as info:
        wait(fetch, PASSING, raise_on_failure=True, clock=time.clock, sleep=time.sleep)
    assert info.value.status is False
    assert str(info.value) == "Run ended with failure status False"
    assert time.sleeps == [5, 5]


def test_async_wait_rides_an_absent_status_to_success() -> None:
    time = FakeTime()
    fetch = Script(time, [(Execution(id="e"), None), (Execution(id="e", succeeded=True), None)])
    final = asyncio.run(async_wait(fetch.async_call, SUCCEEDED, clock=time.clock, sleep=time.async_sleep))
    assert final.succeeded is True
    assert fetch.calls == 2
