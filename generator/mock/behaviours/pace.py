"""A run's pace and outcome, asked for by the trigger's headers or the mock's scenario.

Pace: a run ends after N status reads (`X-Testrelay-Reads`, default 2) or, with
`X-Testrelay-Duration: SECONDS`, at the first read at or after SECONDS since the trigger.
Outcome: `X-Testrelay-Outcome: success|failure|<terminal status>`, else the scenario, else success.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

OUTCOME_HEADER = "x-testrelay-outcome"
"""At trigger time: `success` (default), `failure`, or a terminal status value of the spec."""
READS_HEADER = "x-testrelay-reads"
"""At trigger time: how many status reads a run takes to end (default 2)."""
DURATION_HEADER = "x-testrelay-duration"
"""At trigger time: seconds after which the next status read ends the run (instead of a read count)."""
DEFAULT_READS = 2


@dataclass(slots=True)
class Run:
    outcome: str
    reads_needed: int = DEFAULT_READS
    duration: float | None = None
    ids: dict[str, str] = field(default_factory=dict)
    """The status operation's arguments that name this run."""
    paced: bool = False
    """Whether the trigger asked for a pace or outcome by header (a run a vendor's resource also ends)."""
    items: dict[str, list[Any]] = field(default_factory=dict)
    """Pointer -> a list the trigger answered there: a final status answer lists the same items."""
    start: int = 0
    """Which of its store's `starts` made it: what kind of run it is."""
    count: int = 1
    """How many results it holds."""
    renames: list[tuple[str, str]] = field(default_factory=list)
    """(id in the spec's examples, this run's id): status answers drawn from examples name the run."""
    sub_ids: list[str] = field(default_factory=list)
    """The ids of its results, when it holds several (made on the first results read, then kept)."""
    started: float = field(default_factory=time.monotonic)
    reads: int = 0
    ended: bool = False

    def advance(self) -> bool:
        """One status read; whether the run has ended."""
        self.reads += 1
        if not self.ended:
            if self.duration is not None:
                self.ended = time.monotonic() - self.started >= self.duration
            else:
                self.ended = self.reads >= self.reads_needed
        return self.ended

    def over(self) -> bool:
        """Ended, or past its duration (the next status read would end it)."""
        return self.ended or (self.duration is not None and time.monotonic() - self.started >= self.duration)

    def end(self, outcome: str | None = None) -> None:
        self.ended = True
        if outcome is not None:
            self.outcome = outcome


def pace(headers: Mapping[str, str], scenario: str | None) -> Run:
    """A new run's outcome and pace from the trigger's headers, else the scenario, else the defaults."""
    outcome = headers.get(OUTCOME_HEADER) or scenario or "success"
    try:
        reads = max(1, int(headers.get(READS_HEADER, str(DEFAULT_READS))))
    except ValueError:
        reads = DEFAULT_READS
    duration: float | None = None
    try:
        if DURATION_HEADER in headers:
            duration = max(0.0, float(headers[DURATION_HEADER]))
    except ValueError:
        duration = None
    paced = scenario is not None or any(h in headers for h in (OUTCOME_HEADER, READS_HEADER, DURATION_HEADER))
    return Run(outcome, reads, duration, paced=paced)
