"""What each flow is doing right now, shared between the flow threads and the display.

Flows only say what they do (`step`) and what they last read (`status`); a display decides how to
show it, live or line by line, so the flows stay free of any output code.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.mock.journal import Journal


@dataclass(frozen=True)
class Snapshot:
    """One vendor's progress at one moment, safe to read from any thread."""

    vendor: str
    step: str = "waiting to start"
    status: str = ""
    calls: int = 0
    seconds: float = 0.0
    done: bool = False


Listener = Callable[[Snapshot], None]


class Tracker:
    """One flow's progress. Every change is passed to the listener, from the flow's own thread."""

    def __init__(
        self, vendor: str, listener: Listener | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.vendor = vendor
        self._lock = threading.Lock()
        self._state = Snapshot(vendor)
        self._listener = listener
        self._clock = clock
        self._started: float | None = None
        self._journal: Journal | None = None

    def start(self, journal: Journal) -> None:
        """The mock is up: the clock and the call count start now, so start-up is not counted."""
        with self._lock:
            self._journal = journal
            self._started = self._clock()

    def step(self, step: str) -> None:
        """A new step begins; the last status read belonged to the one before."""
        self._change(step=step)

    def status(self, status: object) -> None:
        self._change(status=shown(status))

    def finish(self, status: str) -> None:
        self._change(status=status, done=True)

    def snapshot(self) -> Snapshot:
        """The state now, with the live call count and elapsed time."""
        with self._lock:
            state = self._state
            if not state.done:
                state = self._measured(state)
        return state

    def _change(self, *, step: str | None = None, status: str = "", done: bool = False) -> None:
        with self._lock:
            before = self._state
            if before.done:
                return
            changed = replace(
                self._measured(before), step=before.step if step is None else step, status=status, done=done
            )
            self._state = changed
        if self._listener is not None and (changed.step, changed.status, done) != (before.step, before.status, False):
            self._listener(changed)

    def _measured(self, state: Snapshot) -> Snapshot:
        if self._started is None or self._journal is None:
            return state
        return replace(state, calls=len(self._journal.entries), seconds=self._clock() - self._started)


def shown(value: object) -> str:
    """A status as a person reads it: enum members by their value, JSON booleans in lower case."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
