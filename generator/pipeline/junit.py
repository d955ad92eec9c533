"""JUnit XML for a run's results, in the shape Jenkins, GitLab and GitHub read.

One `<testsuite>` per run, one `<testcase>` per result: `time` in seconds, `<failure>`, `<error>`
or `<skipped>` by the result's class with the vendor's message, and the result's links (trace,
dashboard) and id as `<properties>`. The tests validate the output against
`tests/fixtures/junit/jenkins-junit.xsd`.
"""

from __future__ import annotations

import re
import socket
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from generator.pipeline.results import Tally, TestResult, Verdict

# XML 1.0 cannot carry these characters at all, escaped or not; a vendor's message may hold them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_ELEMENT = {Verdict.FAILED: "failure", Verdict.ERROR: "error", Verdict.SKIPPED: "skipped"}


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _seconds(value: float | None) -> str:
    return f"{max(value or 0.0, 0.0):.3f}"


def to_xml(suite_name: str, results: list[TestResult], *, timestamp: datetime | None = None) -> bytes:
    """The JUnit document, UTF-8 with an XML declaration."""
    tally = Tally.of(results)
    total_time = sum(r.seconds or 0.0 for r in results)
    counts = {
        "tests": str(tally.total),
        "failures": str(tally.failed),
        "errors": str(tally.error),
        "skipped": str(tally.skipped),
        "time": _seconds(total_time),
    }
    root = ET.Element("testsuites", {"name": clean(suite_name), **counts})
    when = (timestamp or datetime.now(UTC)).replace(microsecond=0, tzinfo=None).isoformat()
    suite = ET.SubElement(
        root,
        "testsuite",
        {
            "name": clean(suite_name),
            **counts,
            "timestamp": when,
            "hostname": clean(socket.gethostname() or "localhost"),
        },
    )
    for result in results:
        case = ET.SubElement(
            suite,
            "testcase",
            {"name": clean(result.name), "classname": clean(result.classname), "time": _seconds(result.seconds)},
        )
        properties = [("id", result.id)] if result.id else []
        properties += list(result.links)
        if properties:
            props = ET.SubElement(case, "properties")
            for name, value in properties:
                ET.SubElement(props, "property", {"name": clean(name), "value": clean(value)})
        element = _ELEMENT.get(result.verdict)
        if element is not None:
            attrs = {"message": clean(result.message)} if result.message else {}
            if element != "skipped":
                attrs["type"] = clean(result.status)
            node = ET.SubElement(case, element, attrs)
            if element != "skipped" and result.message:
                node.text = clean(result.message)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"
