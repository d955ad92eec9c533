"""`testrelay demo`: every vendor's CI flow, through the generated clients, against the mocks.

The flows (`flows.py`) know nothing of output; `runner.py` runs them at once and judges how they
ended; `display.py` shows them live on a terminal or line by line in a log, then as a table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext

from rich.console import Console

from generator.demo.display import LinePrinter, LiveBoard, print_report
from generator.demo.runner import VENDORS, DemoReport, DemoRun, FlowResult

__all__ = ["VENDORS", "DemoReport", "FlowResult", "parse_scenarios", "run_demo"]

DEADLINE = 120.0
"""Seconds after which a flow still running is reported as unfinished; the mocks end runs in about one."""


def run_demo(
    vendors: Sequence[str] = VENDORS,
    *,
    scenarios: Mapping[str, str] | None = None,
    poll_interval: float = 0.3,
    console: Console | None = None,
    live: bool | None = None,
) -> DemoReport:
    """Run the flows of `vendors` at once, show their progress, print the table and return the report.

    `scenarios` picks a mock scenario per vendor (`{"octomind": "failure"}`) to see a flow that does
    not end as expected. `live` defaults to whether the console is a terminal.
    """
    console = console or Console()
    live = console.is_terminal if live is None else live
    printer = None if live else LinePrinter(console)
    demo = DemoRun(vendors, scenarios=scenarios, poll_interval=poll_interval, listener=printer)
    board: AbstractContextManager[object] = LiveBoard(console, demo.trackers) if live else nullcontext()
    with board:
        demo.start()
        demo.wait(DEADLINE)
    report = demo.report()
    print_report(console, report)
    return report


def parse_scenarios(items: Sequence[str]) -> dict[str, str]:
    """`VENDOR=SCENARIO` pairs, as the command line takes them; ValueError names a malformed one."""
    chosen: dict[str, str] = {}
    for item in items:
        vendor, sep, scenario = item.partition("=")
        if not sep or vendor not in VENDORS or not scenario:
            raise ValueError(f"--scenario takes VENDOR=SCENARIO with VENDOR one of {', '.join(VENDORS)}, not {item!r}")
        chosen[vendor] = scenario
    return chosen
