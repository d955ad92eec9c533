"""A diff report in each output format: text and Markdown for people, JSON, JUnit and GitHub annotations for CI.

JUnit is written with the standard library's ElementTree (escaping and structure done right);
the others are plain strings. Every format lists the same findings in the same order.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from generator.diff.findings import Finding, Level, Location
from generator.diff.report import Report

FORMATS = ("text", "markdown", "json", "junit", "github")


def _causes(finding: Finding) -> str:
    return "; ".join(f"{c.rule.id} at {c.new}" for c in finding.causes)


def _summary_line(report: Report) -> str:
    s = report.summary()
    return (
        f"{s['ERR']} ERR, {s['WARN']} WARN, {s['INFO']} INFO ({s['http']} HTTP, {s['python']} Python); "
        f"suggested version bump: {s['bump']}"
    )


def text(report: Report, fail_on: Level) -> str:
    lines = []
    for f in report.findings:
        where = f"{f.operation}: " if f.operation else ""
        lines.append(f"{f.level.name:<4} {f.rule.id}  {where}{f.message}")
        lines.append(f"       old {f.old}")
        lines.append(f"       new {f.new}")
        if f.causes:
            lines.append(f"       caused by {_causes(f)}")
    if not report.findings:
        lines.append("no changes found")
    lines.append(_summary_line(report))
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _md_location(loc: Location) -> str:
    return f"`{_md(loc.file)}:{loc.line}` `{_md(loc.pointer or '/')}`"


def markdown(report: Report, fail_on: Level) -> str:
    s = report.summary()
    worst = "breaking changes" if s["ERR"] else "changes that may behave differently" if s["WARN"] else "additions only"
    lines = [
        "## testrelay diff",
        "",
        f"**{_summary_line(report)}**" if report.findings else "No changes found.",
        "",
    ]
    if report.findings:
        lines.append(f"This change has {worst}.")
        lines.append("")
    for level in reversed(Level):
        found = [f for f in report.findings if f.level is level]
        if not found:
            continue
        lines += [f"### {level.name} ({len(found)})", "", "| rule | operation | change | old | new | caused by |"]
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for f in found:
            causes = ", ".join(f"`{c.rule.id}`" for c in f.causes)
            lines.append(
                f"| `{f.rule.id}` | {_md(f.operation) or '-'} | {_md(f.message)} | {_md_location(f.old)} | "
                f"{_md_location(f.new)} | {causes or '-'} |"
            )
        lines.append("")
    if report.compared:
        lines.append("<sub>compared: " + ", ".join(_md(c) for c in report.compared) + "</sub>")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(report: Report) -> dict[str, Any]:
    return {
        "changes": [
            {
                "id": f.rule.id,
                "level": f.level.name,
                "layer": f.layer,
                "operation": f.operation,
                "message": f.message,
                "old": f.old.as_json(),
                "new": f.new.as_json(),
                "fingerprint": f.fingerprint,
                "causes": [c.fingerprint for c in f.causes],
            }
            for f in report.findings
        ],
        "summary": report.summary(),
    }


def json_text(report: Report, fail_on: Level) -> str:
    return json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n"


def junit(report: Report, fail_on: Level) -> str:
    """One test case per finding; those at or above `fail_on` are failures."""
    root = ET.Element("testsuites", name="testrelay diff")
    for layer in ("http", "python"):
        found = [f for f in report.findings if f.layer == layer]
        failing = [f for f in found if f.level >= fail_on]
        suite = ET.SubElement(
            root, "testsuite", name=f"testrelay diff ({layer})", tests=str(len(found)), failures=str(len(failing))
        )
        for f in found:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"diff.{layer}.{f.operation or 'document'}",
                name=f"{f.rule.id} {f.fingerprint}",
            )
            detail = f"{f.message}\nold {f.old}\nnew {f.new}" + (f"\ncaused by {_causes(f)}" if f.causes else "")
            if f.level >= fail_on:
                failure = ET.SubElement(case, "failure", type=f.level.name, message=f"{f.rule.id}: {f.message}")
                failure.text = detail
            else:
                ET.SubElement(case, "system-out").text = f"{f.level.name} {detail}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_GITHUB = {Level.ERR: "error", Level.WARN: "warning", Level.INFO: "notice"}


def _gh_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def github(report: Report, fail_on: Level) -> str:
    """Workflow commands: one annotation per finding, on the new file's line (a `REV:` prefix is dropped)."""
    lines = []
    for f in report.findings:
        file = f.new.file.split(":", 1)[1] if ":" in f.new.file and not f.new.file.startswith("/") else f.new.file
        title = _gh_escape(f"{f.rule.id} ({f.layer})", property_value=True)
        message = f"{f.operation + ': ' if f.operation else ''}{f.message} (was {f.old})"
        if f.causes:
            message += f"; caused by {_causes(f)}"
        lines.append(
            f"::{_GITHUB[f.level]} file={_gh_escape(file, property_value=True)},line={f.new.line},title={title}::"
            f"{_gh_escape(message)}"
        )
    lines.append(_gh_escape(_summary_line(report)))
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Report, Level], str]] = {
    "text": text,
    "markdown": markdown,
    "json": json_text,
    "junit": junit,
    "github": github,
}


def render(report: Report, fmt: str, fail_on: Level) -> str:
    return RENDERERS[fmt](report, fail_on)
