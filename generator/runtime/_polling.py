"""Waiting for a run to finish, driven by a status operation's `x-polling` extension.

A generated `wait_for_*` method passes a `fetch` that reads the status once; this module decides
what each read means, how long to sleep and when to give up. Vendors add states without notice, so
an unlisted status keeps the wait going rather than ending it, and a transient failure of one read
(a dropped connection, a 503) only costs that read. The sync and async loops share `_Poll`, so the
rules cannot drift apart between them.
"""

from __future__ import annotations

import asyncio
import enum
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.runtime._errors import (
    APIConnectionError,
    APIStatusError,
    PollTimeoutError,
    RateLimitError,
    RunFailedError,
)
from generator.runtime._log import logger
from generator.runtime._pointers import get, resolve, unwrap_root

T = TypeVar("T")


_TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class PollSpec:
    """A status operation's `x-polling` extension, as the generator writes it into the client."""

    status_pointer: str
    pending: tuple[object, ...]
    success: tuple[object, ...]
    failure: tuple[object, ...]
    interval: float
    deadline: float
    """The vendor's recommended overall deadline, in seconds."""
    judged: tuple[tuple[object, str], ...] = ()


class Outcome(enum.Enum):
    """What one status read means for the wait: keep reading, or stop with this verdict."""

    PENDING = "pending"
    SUCCESS = "success"
    FAILURE = "failure"


def outcome(spec: PollSpec, state: object) -> tuple[Outcome, object]:
    """What one read of `state` means, with the status value read (None when the pointer is missing).

    Checked in this order: judged values (a failure count above zero fails; a missing or null count is
    zero), then failure, then success; anything else, listed as pending or not, is pending.
    """
    try:
        status = resolve(state, spec.status_pointer)
    except KeyError:
        return Outcome.PENDING, None
    failures_pointer = _judged_by(spec, status)
    if failures_pointer is not None:
        return (Outcome.FAILURE if _failures(state, failures_pointer) > 0 else Outcome.SUCCESS), status
    if any(_same(status, value) for value in spec.failure):
        return Outcome.FAILURE, status
    if any(_same(status, value) for value in spec.success):
        return Outcome.SUCCESS, status
    return Outcome.PENDING, status


def wait(
    fetch: Callable[[], tuple[T, float | None]],
    spec: PollSpec,
    *,
    deadline: float | None = None,
    poll_interval: float | None = None,
    on_update: Callable[[T], None] | None = None,
    raise_on_failure: bool = False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Read the status until it is terminal and return the final state.

    `fetch` returns the state and the server's wait hint in seconds (or None). Raises PollTimeoutError
    when a read at or after the deadline is still pending, and RunFailedError on a failure outcome
    when `raise_on_failure` is set.
    """
    poll: _Poll[T] = _Poll(spec, deadline, poll_interval, on_update, raise_on_failure, clock)
    while True:
        try:
            state, hint = fetch()
        except (APIConnectionError, APIStatusError) as exc:
            if not _transient(exc):
                raise
            sleep(poll.pause_after_error(exc))
            continue
        if poll.read(state):
            return state
        sleep(poll.pause(hint))


async def async_wait(
    fetch: Callable[[], Awaitable[tuple[T, float | None]]],
    spec: PollSpec,
    *,
    deadline: float | None = None,
    poll_interval: float | None = None,
    on_update: Callable[[T], None] | None = None,
    raise_on_failure: bool = False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """The async twin of `wait`, with the same rules."""
    poll: _Poll[T] = _Poll(spec, deadline, poll_interval, on_update, raise_on_failure, clock)
    while True:
        try:
            state, hint = await fetch()
        except (APIConnectionError, APIStatusError) as exc:
            if not _transient(exc):
                raise
            await sleep(poll.pause_after_error(exc))
            continue
        if poll.read(state):
            return state
        await sleep(poll.pause(hint))


class _Poll(Generic[T]):
    """One wait's clock, last state and decisions; the loops only fetch and sleep."""

    def __init__(
        self,
        spec: PollSpec,
        deadline: float | None,
        poll_interval: float | None,
        on_update: Callable[[T], None] | None,
        raise_on_failure: bool,
        clock: Callable[[], float],
    ) -> None:
        limit = spec.deadline if deadline is None else deadline
        if math.isnan(limit) or limit < 0:
            raise ValueError(f"deadline must be a number of seconds >= 0, not {limit!r}")
        if poll_interval is not None and not (math.isfinite(poll_interval) and poll_interval > 0):
            raise ValueError(f"poll_interval must be a finite number of seconds > 0, not {poll_interval!r}")
        self._spec = spec
        self._limit = limit
        self._poll_interval = poll_interval
        self._on_update = on_update
        self._raise_on_failure = raise_on_failure
        self._clock = clock
        self._start = clock()
        self._deadline = self._start + limit
        self._last: T | None = None
        self._read_once = False
        self._status: object = None

    def read(self, state: T) -> bool:
        """Record a successful read; True when it ends the wait."""
        self._last = state
        self._read_once = True
        if self._on_update is not None:
            self._on_update(state)
        result, self._status = outcome(self._spec, state)
        if result is Outcome.PENDING:
            return False
        logger.debug("poll read: status %s, %s", _show(self._status), result.value)
        if result is Outcome.FAILURE and self._raise_on_failure:
            raise RunFailedError(self._failure_message(state), run=state, status=self._status)
        return True

    def pause(self, hint: float | None) -> float:
        """Seconds to sleep after a pending read, clipped to the deadline; PollTimeoutError once it has passed."""
        seconds = self._next_wait(hint)
        logger.debug("poll read: status %s, next read in %.2fs", _show(self._status), seconds)
        return seconds

    def pause_after_error(self, exc: APIConnectionError | APIStatusError) -> float:
        """Like `pause`, for a read that failed transiently: the last good state stands."""
        hint = exc.retry_after if isinstance(exc, RateLimitError) else None
        seconds = self._next_wait(hint)
        what = f"HTTP {exc.status_code}" if isinstance(exc, APIStatusError) else type(exc).__name__
        logger.debug("poll read failed (%s), next read in %.2fs", what, seconds)
        return seconds

    def _next_wait(self, hint: float | None) -> float:
        now = self._clock()
        if now >= self._deadline:
            elapsed = now - self._start
            raise PollTimeoutError(
                self._timeout_message(elapsed), last=self._last, status=self._status, elapsed=elapsed
            )
        return min(self._interval(hint), self._deadline - now)

    def _interval(self, hint: float | None) -> float:
        """The server's hint when it is usable, else the caller's interval, else the vendor's.

        A zero hint is ignored as well: it would turn the wait into a busy loop against the server.
        """
        if hint is not None and math.isfinite(hint) and hint > 0:
            return hint
        if self._poll_interval is not None:
            return self._poll_interval
        return self._spec.interval

    def _timeout_message(self, elapsed: float) -> str:
        took = f"{elapsed:.1f}s (deadline {self._limit:g}s)"
        if not self._read_once:
            return f"No status could be read in {took}"
        return f"Run still pending with status {_show(self._status)} after {took}"

    def _failure_message(self, state: T) -> str:
        message = f"Run ended with failure status {_show(self._status)}"
        failures_pointer = _judged_by(self._spec, self._status)
        if failures_pointer is not None:
            message += f" and {_failures(state, failures_pointer):g} failure(s) at {failures_pointer}"
        return message


def _transient(exc: APIConnectionError | APIStatusError) -> bool:
    return isinstance(exc, APIConnectionError) or exc.status_code in _TRANSIENT_STATUSES


def _raw(value: object) -> object:
    """A status as the JSON had it: enum members and root models stand for their values."""
    value = unwrap_root(value)
    return value.value if isinstance(value, enum.Enum) else value


def _same(status: object, value: object) -> bool:
    """Equality that keeps JSON booleans apart from numbers, since Python has True == 1."""
    status, value = _raw(status), _raw(value)
    return isinstance(status, bool) == isinstance(value, bool) and status == value


def _judged_by(spec: PollSpec, status: object) -> str | None:
    return next((pointer for value, pointer in spec.judged if _same(status, value)), None)


def _failures(state: object, pointer: str) -> float:
    """The failure count at `pointer`; missing, null or not a number counts as zero."""
    count = _raw(get(state, pointer))
    if isinstance(count, int | float) and not isinstance(count, bool) and not math.isnan(count):
        return count
    return 0


def _show(status: object) -> str:
    raw = _raw(status)
    return "none" if raw is None else repr(raw)
