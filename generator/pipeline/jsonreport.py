"""`--json FILE`: the run's final state and its results, for machines."""

from __future__ import annotations

import json
from typing import Any

from generator.pipeline.results import Tally, TestResult


def result_json(result: TestResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "classname": result.classname,
        "verdict": result.verdict.value,
        "status": result.status,
        "seconds": result.seconds,
        "message": result.message,
        "id": result.id,
        "links": dict(result.links),
    }


def document(
    *,
    vendor: str,
    spec: str,
    run_id: str | None,
    params: dict[str, Any] | None,
    verdict: str,
    exit_code: int,
    status: Any = None,
    state: Any = None,
    results: list[TestResult] | None = None,
    elapsed: float | None = None,
    message: str = "",
) -> bytes:
    tally = Tally.of(results or [])
    data = {
        "vendor": vendor,
        "spec": spec,
        "run_id": run_id,
        "run": params,
        "verdict": verdict,
        "exit_code": exit_code,
        "status": status,
        "message": message,
        "elapsed_seconds": None if elapsed is None else round(elapsed, 3),
        "tests": {
            "total": tally.total,
            "passed": tally.passed,
            "failed": tally.failed,
            "error": tally.error,
            "skipped": tally.skipped,
        },
        "results": [result_json(r) for r in results or []],
        "state": state,
    }
    return (json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n").encode()
