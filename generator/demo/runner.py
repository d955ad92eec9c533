"""Running the flows at once, each against its own mock in its own thread, and judging how they ended."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.demo.flows import FLOWS, FlowError
from generator.demo.progress import Listener, Tracker, shown
from generator.mock.server import run_mock
from generator.runtime import APIError, PollTimeoutError, RunFailedError, TokenExchangeError

VENDORS: tuple[str, ...] = tuple(FLOWS)


@dataclass(frozen=True)
class FlowResult:
    """One row of the demo's table; `problem` says what went wrong when the flow did not end as expected."""

    vendor: str
    ok: bool
    calls: int
    status: str
    seconds: float
    detail: str = ""
    problem: str = ""


@dataclass(frozen=True)
class DemoReport:
    results: tuple[FlowResult, ...]

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


class DemoRun:
    """The chosen flows, each in its own thread with its own mock; read `trackers` while they run."""

    def __init__(
        self,
        vendors: Sequence[str] = VENDORS,
        *,
        scenarios: Mapping[str, str] | None = None,
        poll_interval: float = 0.3,
        listener: Listener | None = None,
    ) -> None:
        unknown = [v for v in vendors if v not in FLOWS]
        if unknown:
            raise ValueError(f"no demo flow for {', '.join(unknown)}: choose from {', '.join(VENDORS)}")
        self.trackers = [Tracker(vendor, listener) for vendor in dict.fromkeys(vendors)]
        self._scenarios = dict(scenarios or {})
        self._poll_interval = poll_interval
        self._results: dict[str, FlowResult] = {}
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for tracker in self.trackers:
            thread = threading.Thread(
                target=self._run, args=(tracker,), name=f"testrelay-demo-{tracker.vendor}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def wait(self, timeout: float | None = None) -> bool:
        """True once every flow has ended; False if `timeout` passed first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    def report(self) -> DemoReport:
        """The rows in the order the flows were asked for; a flow still running counts as not ended."""
        rows = []
        for tracker in self.trackers:
            row = self._results.get(tracker.vendor)
            if row is None:
                state = tracker.snapshot()
                row = FlowResult(
                    tracker.vendor, False, state.calls, "unfinished", state.seconds, problem="still running"
                )
            rows.append(row)
        return DemoReport(tuple(rows))

    def _run(self, tracker: Tracker) -> None:
        self._results[tracker.vendor] = run_one(tracker, self._scenarios.get(tracker.vendor), self._poll_interval)


def run_one(tracker: Tracker, scenario: str | None, poll_interval: float) -> FlowResult:
    """One flow against a fresh mock. Whatever goes wrong becomes a row with a message, never a traceback,
    so one vendor's trouble cannot hide the other vendors' results."""
    vendor = tracker.vendor
    tracker.step("start the mock")
    began = time.monotonic()
    calls = 0
    try:
        with run_mock(vendor, scenario=scenario) as server:
            tracker.start(server.journal)
            began = time.monotonic()
            try:
                ended = FLOWS[vendor](server, tracker, poll_interval)
            finally:
                calls = len(server.journal.entries)
    except (APIError, FlowError) as exc:
        status, problem = _failure(exc)
        tracker.finish(status or "error")
        return FlowResult(vendor, False, calls, status or "error", time.monotonic() - began, problem=problem)
    except Exception as exc:  # a bug of ours or a mock that would not start: still one row, not a crash
        tracker.finish("error")
        problem = _one_line(f"{type(exc).__name__}: {exc}")
        return FlowResult(vendor, False, calls, "error", time.monotonic() - began, problem=problem)
    tracker.finish(ended.status)
    return FlowResult(vendor, True, calls, ended.status, time.monotonic() - began, detail=ended.detail)


def _failure(exc: APIError | FlowError) -> tuple[str, str]:
    """(final status if one was read, what went wrong) for an error that ended a flow."""
    if isinstance(exc, RunFailedError):
        return shown(exc.status), f"{exc.message}; the demo expects a success"
    if isinstance(exc, PollTimeoutError):
        return shown(exc.status), exc.message
    if isinstance(exc, TokenExchangeError):
        return "", f"token exchange failed: {exc.message}"
    if isinstance(exc, FlowError):
        return exc.status, exc.message
    return "", f"{type(exc).__name__}: {exc.message}"


def _one_line(text: str, limit: int = 300) -> str:
    """A message fit for one line of the report, however long and multi-line the original."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
