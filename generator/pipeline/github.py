"""GitHub Actions: a Markdown job summary and `::error` annotations for a run's failed tests.

GitHub caps a step's summary at 1 MiB and shows at most 10 error annotations per step, so the
table stops before the cap (saying how many rows it left out) and annotations stop at 10, followed
by one notice saying how many more failed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from generator.pipeline.results import Tally, TestResult, Verdict

SUMMARY_LIMIT = 1024 * 1024
"""GitHub's cap on one step's summary, in bytes."""
SUMMARY_BUDGET = SUMMARY_LIMIT - 64 * 1024
"""What this writes at most: a summary file is shared by every step of a job, so leave room."""
MAX_ANNOTATIONS = 10
_ORDER = {Verdict.ERROR: 0, Verdict.FAILED: 1, Verdict.SKIPPED: 2, Verdict.PASSED: 3}
_ICON = {Verdict.PASSED: "✅", Verdict.FAILED: "❌", Verdict.ERROR: "💥", Verdict.SKIPPED: "⏭️"}


def _cell(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def summary(title: str, verdict: str, results: list[TestResult], *, budget: int = SUMMARY_BUDGET) -> str:
    """The Markdown: a headline, the counts, and a table of results, failures first, within `budget` bytes."""
    tally = Tally.of(results)
    head = [
        f"### {title}: {verdict}",
        "",
        f"{tally.total} test(s): {tally.passed} passed, {tally.failed} failed, {tally.error} errored, "
        f"{tally.skipped} skipped",
        "",
    ]
    if not results:
        return "\n".join(head) + "\n"
    rows = ["| | test | class | time | message | links |", "| --- | --- | --- | --- | --- | --- |"]
    text = "\n".join(head + rows) + "\n"
    size = len(text.encode())
    ordered = sorted(results, key=lambda r: _ORDER[r.verdict])
    shown = 0
    for result in ordered:
        links = " ".join(f"[{_cell(label, 40)}]({url.replace(')', '%29')})" for label, url in result.links)
        time = "" if result.seconds is None else f"{result.seconds:.1f} s"
        row = (
            f"| {_ICON[result.verdict]} | {_cell(result.name)} | {_cell(result.classname)} | {time} | "
            f"{_cell(result.message)} | {links} |\n"
        )
        if size + len(row.encode()) + 200 > budget:
            break
        text += row
        size += len(row.encode())
        shown += 1
    if shown < len(ordered):
        text += f"\n{len(ordered) - shown} more result(s) not shown: the summary is kept under GitHub's 1 MiB cap.\n"
    return text


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(results: list[TestResult], *, limit: int = MAX_ANNOTATIONS) -> list[str]:
    """Workflow commands: one `::error` per failed or errored test up to `limit`, then a notice of the rest."""
    bad = [r for r in results if r.verdict in (Verdict.FAILED, Verdict.ERROR)]
    lines = []
    for result in bad[:limit]:
        title = _escape_property(f"{result.classname} {result.name}"[:200])
        message = result.message or f"ended with status {result.status}"
        lines.append(f"::error title={title}::{_escape_data(message[:4000])}")
    if len(bad) > limit:
        lines.append(f"::notice::{len(bad) - limit} more failed test(s) not annotated; see the job summary")
    return lines


def report(
    title: str,
    verdict: str,
    results: list[TestResult],
    env: Mapping[str, str] = os.environ,
    echo: Callable[[str], None] = print,
) -> None:
    """On GitHub Actions: append the summary to `$GITHUB_STEP_SUMMARY` and print the annotations."""
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(summary(title, verdict, results) + "\n")
    if env.get("GITHUB_ACTIONS") == "true" or path:
        for line in annotation_lines(results):
            echo(line)


def report_problem(
    title: str, verdict: str, message: str, env: Mapping[str, str] = os.environ, echo: Callable[[str], None] = print
) -> None:
    """On GitHub Actions, a run that ended without results (still pending, refused key, API down): one line each."""
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"### {title}: {verdict}\n\n{_cell(message, 2000)}\n\n")
    if env.get("GITHUB_ACTIONS") == "true" or path:
        echo(f"::error title={_escape_property(title)}::{_escape_data(f'{verdict}: {message}'[:4000])}")
