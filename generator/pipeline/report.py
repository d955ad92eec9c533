"""`testrelay report --to testmo`: JUnit results submitted as a Testmo automation run, through the generated client.

This module is the Testmo target, so it names Testmo's operations; it does what Testmo's own CLI
does with JUnit files: one automation run (or an existing one with `--run-id`), one thread per
invocation, results appended 250 at a time, then the thread and the run completed. The mapping
follows the CLI too: the folder is the test's class name, the key a SHA-256 of folder and name,
times in microseconds, and properties, output and failure texts become fields, cut to Testmo's
limits (750 characters for a string, 16 KiB for a text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import click

from generator.pipeline.context import ci_facts
from generator.pipeline.exitcodes import Exit
from generator.pipeline.junitread import Case, JUnitError, Report, parse
from generator.runtime import APIError, AuthenticationError, PermissionDeniedError, TokenExchangeError

BATCH = 250
"""Tests per append call, as Testmo's CLI sends them."""
STRING_LIMIT = 750
TEXT_LIMIT = 16 * 1024
FIELDS_LIMIT = 25
FOLDER_FALLBACK = "Unnamed folder"
STRING, TEXT, CONSOLE, URL = 1, 2, 4, 5
"""Testmo's field types used here: 1 string, 2 plain text, 4 console text, 5 URL."""


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def key(folder: str, name: str) -> str:
    """64 lowercase hex characters, stable across runs of the same test."""
    return hashlib.sha256(f"{folder}\n{name}".encode()).hexdigest()


def _fields(case: Case) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    if case.status in ("failure", "error"):
        text = "\n\n".join(t for t in (case.message, case.detail) if t)
        fields.append({"type": CONSOLE, "name": case.status.capitalize(), "value": cut(text, TEXT_LIMIT)})
    elif case.status == "skipped" and (case.message or case.detail):
        fields.append({"type": STRING, "name": "Skipped", "value": cut(case.message or case.detail, STRING_LIMIT)})
    for name, value, is_text in case.properties:
        if is_text:
            fields.append({"type": TEXT, "name": cut(name, STRING_LIMIT), "value": cut(value, TEXT_LIMIT)})
        else:
            kind = URL if re.match(r"https?://", value) else STRING
            fields.append({"type": kind, "name": cut(name, STRING_LIMIT), "value": cut(value, STRING_LIMIT)})
    if case.system_out:
        fields.append({"type": CONSOLE, "name": "Output", "value": cut(case.system_out, TEXT_LIMIT)})
    if case.system_err:
        fields.append({"type": CONSOLE, "name": "Error output", "value": cut(case.system_err, TEXT_LIMIT)})
    return fields[:FIELDS_LIMIT]


def test_entry(case: Case) -> dict[str, Any]:
    """One `AutomationTest` as JSON."""
    folder = cut(case.classname or FOLDER_FALLBACK, STRING_LIMIT)
    name = cut(case.name, STRING_LIMIT)
    entry: dict[str, Any] = {"key": key(folder, name), "name": name, "status": case.status, "folder": folder}
    if case.seconds is not None:
        entry["elapsed"] = round(case.seconds * 1_000_000)
    if case.file:
        entry["file"] = cut(case.file, STRING_LIMIT)
    if case.line is not None:
        entry["line"] = case.line
    if case.assertions is not None:
        entry["assertions"] = case.assertions
    fields = _fields(case)
    if fields:
        entry["fields"] = fields
    return entry


test_entry.__test__ = False  # type: ignore[attr-defined]  # a mapping function, not a pytest test


@dataclass(frozen=True)
class Defaults:
    name: str
    source: str
    tags: tuple[str, ...]


def defaults(env: Mapping[str, str], now: datetime | None = None) -> Defaults:
    """A run name, source and tags from the CI job, when there is one."""
    facts = ci_facts(env)
    label = " / ".join(p for p in (facts.get("pipeline") or facts.get("repository"), facts.get("job")) if p)
    number = facts.get("build_number")
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    name = f"{label} #{number}" if label and number else label or f"JUnit results {when}"
    source = re.sub(r"[^a-z0-9]+", "-", (facts.get("job") or facts.get("pipeline") or "junit").lower()).strip("-")
    tags = tuple(t for t in (facts.get("branch"),) if t)
    return Defaults(cut(name, STRING_LIMIT), cut(source or "junit", STRING_LIMIT), tags)


def read_reports(documents: list[tuple[str, bytes]]) -> Report:
    merged = Report()
    for where, content in documents:
        merged.cases += parse(content, where).cases
    return merged


def _run_url(client: Any, run_id: int) -> str:
    """The run's page: the API's base URL without `/api/v1`."""
    base = str(client.base_url).rstrip("/")
    return f"{base.removesuffix('/api/v1')}/automation/runs/view/{run_id}"


def submit(
    client: Any,
    report: Report,
    *,
    project_id: int,
    name: str,
    source: str,
    tags: tuple[str, ...],
    run_id: int | None = None,
    echo: Callable[[str], None] = print,
) -> tuple[int, str]:
    """Create (or reuse) the run, send one thread of results, complete what this call opened; (run id, URL)."""
    from generated.testmo import AutomationTest

    created = run_id is None
    if run_id is None:
        extra: dict[str, Any] = {"tags": list(tags)} if tags else {}
        opened = client.create_automation_run(project_id=project_id, name=name, source=source, **extra)
        run_id = int(opened.id)
    thread = client.create_automation_run_thread(automation_run_id=run_id)
    entries = [test_entry(case) for case in report.cases]
    for start in range(0, len(entries), BATCH):
        batch = entries[start : start + BATCH]
        client.append_automation_run_thread(
            automation_run_thread_id=thread.id,
            tests=[AutomationTest.model_validate(e) for e in batch],
            elapsed_computed=sum(e.get("elapsed", 0) for e in batch),
        )
    client.complete_automation_run_thread(automation_run_thread_id=thread.id)
    if created:
        client.complete_automation_run(automation_run_id=run_id, measure_elapsed=True)
    return run_id, _run_url(client, run_id)


def forward(
    documents: list[tuple[str, bytes]],
    *,
    project_id: int,
    name: str | None,
    source: str | None,
    tags: tuple[str, ...],
    env: Mapping[str, str],
    run_id: int | None = None,
    instance: str | None = None,
    fail_on_failure: bool = False,
) -> Exit:
    """The whole report command: read, submit, print the run's URL; the exit code that says how it went."""
    try:
        report = read_reports(documents)
    except JUnitError as exc:
        click.echo(f"report: {exc}", err=True)
        return Exit.USAGE
    picked = defaults(env)
    try:
        from generated.testmo import TestmoClient

        client = TestmoClient(instance=instance) if instance else TestmoClient()
    except ValueError as exc:
        click.echo(f"report: {exc}", err=True)
        return Exit.USAGE
    with client:
        try:
            run, url = submit(
                client,
                report,
                project_id=project_id,
                name=cut(name, STRING_LIMIT) if name else picked.name,
                source=cut(source, STRING_LIMIT) if source else picked.source,
                tags=tags or picked.tags,
                run_id=run_id,
            )
        except APIError as exc:
            refused = isinstance(exc, AuthenticationError | PermissionDeniedError | TokenExchangeError)
            click.echo(f"report: {'credential refused' if refused else 'submission failed'}: {exc}", err=True)
            return Exit.CREDENTIAL if refused else Exit.API
    failed = report.failed
    click.echo(
        f"report: {len(report.cases)} test(s), {failed} failed, submitted to Testmo run {run}"
        + ("" if run_id is None else " (left open)"),
        err=True,
    )
    click.echo(url)
    return Exit.FAILED if fail_on_failure and failed else Exit.PASSED
