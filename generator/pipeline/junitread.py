"""Reading JUnit XML as the common test runners write it (pytest, Maven Surefire, Playwright, ...).

The format has no single schema, so this reads what the runners agree on: `testsuites` or a lone
`testsuite` at the root (suites may nest), `testcase` with `name`, `classname`, `time` and the
optional `file`, `line` and `assertions`, one of `failure`, `error` or `skipped`, `properties`,
and `system-out`/`system-err` on the case or its suite. Python's expat parser does not fetch
external entities and bounds entity expansion, so a hostile file cannot reach out or blow up.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field


class JUnitError(Exception):
    """A file that is not JUnit XML: one line saying where."""


@dataclass(frozen=True)
class Case:
    name: str
    classname: str
    """The case's `classname`, else its suite's name."""
    status: str
    """passed, failure, error or skipped."""
    seconds: float | None = None
    file: str | None = None
    line: int | None = None
    assertions: int | None = None
    message: str = ""
    detail: str = ""
    """The failure's, error's or skip's text."""
    properties: tuple[tuple[str, str, bool], ...] = ()
    """(name, value, whether the value came as element text rather than a `value` attribute)."""
    system_out: str = ""
    system_err: str = ""


@dataclass
class Report:
    cases: list[Case] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(c.status in ("failure", "error") for c in self.cases)


def _float(text: str | None) -> float | None:
    try:
        value = float((text or "").replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _int(text: str | None) -> int | None:
    try:
        value = int(float(text)) if text else None
    except ValueError:
        return None
    return value if value is None or value >= 0 else None


def _text(node: ET.Element | None) -> str:
    return "".join(node.itertext()).strip() if node is not None else ""


def parse(content: bytes, where: str) -> Report:
    try:
        root = ET.fromstring(content)
    except ET.ParseError as exc:
        line, column = exc.position
        raise JUnitError(f"{where}:{line}: not well-formed XML (column {column})") from None
    if root.tag not in ("testsuites", "testsuite"):
        raise JUnitError(f"{where}: the root element is <{root.tag}>, not <testsuites> or <testsuite>")
    report = Report()
    _suite(root, "", "", "", report)
    return report


def _suite(node: ET.Element, suite_name: str, out: str, err: str, report: Report) -> None:
    name = node.get("name", suite_name) if node.tag == "testsuite" else suite_name
    out = _text(node.find("system-out")) or out if node.tag == "testsuite" else out
    err = _text(node.find("system-err")) or err if node.tag == "testsuite" else err
    for child in node:
        if child.tag in ("testsuite", "testsuites"):
            _suite(child, name, out, err, report)
        elif child.tag == "testcase":
            report.cases.append(_case(child, name, out, err))


def _case(node: ET.Element, suite_name: str, suite_out: str, suite_err: str) -> Case:
    status, message, detail = "passed", "", ""
    for tag in ("error", "failure", "skipped"):
        found = node.find(tag)
        if found is not None:
            status = tag
            message = found.get("message", "") or ""
            detail = _text(found)
            break
    properties: list[tuple[str, str, bool]] = []
    for group in node.findall("properties"):
        for prop in group.findall("property"):
            if prop.get("name"):
                value = prop.get("value")
                properties.append((prop.get("name", ""), value if value is not None else _text(prop), value is None))
    return Case(
        name=node.get("name", "") or "Unnamed test",
        classname=node.get("classname") or suite_name or "",
        status=status,
        seconds=_float(node.get("time")),
        file=node.get("file") or None,
        line=_int(node.get("line")),
        assertions=_int(node.get("assertions")),
        message=message,
        detail=detail,
        properties=tuple(properties),
        system_out=_text(node.find("system-out")),
        system_err=_text(node.find("system-err")),
    )
