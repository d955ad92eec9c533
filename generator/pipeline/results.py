"""Per-test results of a finished run, read only where the spec's `x-test-results` says they are."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from typing import Any

from generator.runtime._pointers import get
from generator.spec.ir import TestResults


class Verdict(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class, whatever its name

    name: str
    classname: str
    verdict: Verdict
    status: str
    """The vendor's own status value."""
    seconds: float | None = None
    message: str = ""
    id: str = ""
    links: tuple[tuple[str, str], ...] = ()


@dataclass
class Tally:
    total: int = 0
    passed: int = 0
    failed: int = 0
    error: int = 0
    skipped: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, results: list[TestResult]) -> Tally:
        counts = {v: sum(r.verdict is v for r in results) for v in Verdict}
        return cls(
            len(results),
            counts[Verdict.PASSED],
            counts[Verdict.FAILED],
            counts[Verdict.ERROR],
            counts[Verdict.SKIPPED],
        )

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.error == 0


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _first(node: Any, pointers: tuple[str, ...]) -> str:
    for pointer in pointers:
        value = get(node, pointer)
        if value not in (None, ""):
            return _text(value)
    return ""


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def verdict(declared: TestResults, status: Any) -> Verdict:
    """The class of a test's status; a value the spec lists in no class is an error."""
    for values, found in (
        (declared.passed, Verdict.PASSED),
        (declared.failed, Verdict.FAILED),
        (declared.error, Verdict.ERROR),
        (declared.skipped, Verdict.SKIPPED),
    ):
        if any(_same(status, v) for v in values):
            return found
    return Verdict.ERROR


def extract(declared: TestResults, body: Any, vendor: str) -> list[TestResult]:
    """The results in `body` (a 2xx answer as JSON), in the vendor's order."""
    run_groups = [g for g in (_first(body, (p,)) for p in declared.group) if g]
    if declared.items is not None:
        spec = declared.items
        entries = get(body, spec.pointer)
        results = []
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            groups = [*run_groups, *(g for g in (_first(entry, (p,)) for p in spec.group) if g)]
            status = get(entry, spec.status)
            seconds = _number(get(entry, spec.duration)) if spec.duration else None
            found = verdict(declared, status)
            message = _first(entry, (spec.message,)) if spec.message else ""
            if found is Verdict.ERROR and not message:
                message = f"ended with status {_text(status) or 'none'}"
            results.append(
                TestResult(
                    name=_first(entry, spec.name) or f"test {i + 1}",
                    classname=".".join([vendor, *groups]),
                    verdict=found,
                    status=_text(status),
                    seconds=None if seconds is None else seconds * declared.seconds_per_unit,
                    message=message,
                    id=_first(entry, (spec.id,)) if spec.id else "",
                    links=tuple((label, url) for label, p in spec.links if (url := _first(entry, (p,)))),
                )
            )
        return results
    assert declared.counts is not None
    counts = declared.counts
    total = int(_number(get(body, counts.total)) or 0)
    passed = min(total, int(_number(get(body, counts.passed)) or 0))
    skipped = min(total - passed, int(_number(get(body, counts.skipped)) or 0)) if counts.skipped else 0
    name = _first(body, counts.name) or vendor
    run_seconds = _number(get(body, counts.duration)) if counts.duration else None
    each = None if run_seconds is None or total == 0 else run_seconds * declared.seconds_per_unit / total
    classname = ".".join([vendor, *run_groups])
    results = []
    for i in range(total):
        found = Verdict.PASSED if i < passed else Verdict.SKIPPED if i < passed + skipped else Verdict.FAILED
        results.append(
            TestResult(
                name=f"{name} #{i + 1}" if total > 1 else name,
                classname=classname,
                verdict=found,
                status=found.value,
                seconds=each,
                message=""
                if found is Verdict.PASSED
                else f"{total - passed - skipped} of {total} test(s) did not pass",
            )
        )
    return results
