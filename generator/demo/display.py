"""Showing the demo: a live board on a terminal, one line per change elsewhere (CI logs), then a table."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from types import TracebackType

from rich.console import Console, RenderableType
from rich.live import Live
from rich.table import Table
from rich.text import Text

from generator.demo.progress import Snapshot, Tracker
from generator.demo.runner import DemoReport


class LiveBoard:
    """Every flow's step, last status, calls and time, redrawn in place while the flows run."""

    def __init__(self, console: Console, trackers: Sequence[Tracker]) -> None:
        self._trackers = trackers
        self._live = Live(console=console, get_renderable=self._render, refresh_per_second=12, transient=True)

    def __enter__(self) -> LiveBoard:
        self._live.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._live.__exit__(kind, exc, tb)

    def _render(self) -> RenderableType:
        table = Table(title="testrelay demo: each vendor's CI flow against its mock", title_justify="left")
        for column in ("vendor", "step", "last status", "calls", "time"):
            table.add_column(column, justify="right" if column in ("calls", "time") else "left")
        for state in (tracker.snapshot() for tracker in self._trackers):
            step = Text("done", style="green") if state.done else Text(state.step)
            table.add_row(state.vendor, step, state.status, str(state.calls), f"{state.seconds:.1f}s")
        return table


class LinePrinter:
    """One plain line per step or status change, for logs that cannot redraw."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._lock = threading.Lock()

    def __call__(self, state: Snapshot) -> None:
        if state.done:
            line = f"{state.vendor}: finished: {state.status}"
        elif state.status:
            line = f"{state.vendor}: {state.step}: {state.status}"
        else:
            line = f"{state.vendor}: {state.step}"
        with self._lock:
            self._console.print(line, markup=False, highlight=False, soft_wrap=True)


def print_report(console: Console, report: DemoReport) -> None:
    """The final table, then one line per flow that did not reach its expected end."""
    table = Table(title="testrelay demo", title_justify="left")
    table.add_column("vendor")
    table.add_column("calls", justify="right")
    table.add_column("final status")
    table.add_column("time", justify="right")
    table.add_column("checked")
    for row in report.results:
        status = Text(row.status, style="green" if row.ok else "bold red")
        checked = row.detail if row.ok else Text("did not end as expected (below)", style="red")
        table.add_row(row.vendor, str(row.calls), status, f"{row.seconds:.1f}s", checked)
    console.print(table)
    failed = [row for row in report.results if not row.ok]
    for row in failed:
        console.print(Text(f"FAILED {row.vendor}: {row.problem}", style="red"), soft_wrap=True)
    if failed:
        summary = f"{len(failed)} of {len(report.results)} flow(s) did not reach their expected end"
        console.print(summary, style="red", highlight=False)
    else:
        console.print(f"all {len(report.results)} flow(s) reached their expected end", style="green", highlight=False)
