"""Progress of a wait: one line per state change, and on a terminal a live line that ticks with each read."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(self, label: str, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()
        self.clock = clock
        self.start = clock()
        self.last: str | None = None
        self.reads = 0
        self._live = False

    def update(self, status: str) -> None:
        """One status read."""
        self.reads += 1
        elapsed = self.clock() - self.start
        line = f"{self.label}: {status} after {elapsed:.1f} s"
        if self.tty:
            if self._live and status != self.last:
                self.stream.write("\n")
            self.stream.write(f"\r\x1b[K{line} ({self.reads} read{'s' if self.reads != 1 else ''})")
            self._live = True
        elif status != self.last:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.last = status

    def done(self) -> None:
        """End the live line, so what follows starts on a line of its own."""
        if self._live:
            self.stream.write("\n")
            self.stream.flush()
            self._live = False
