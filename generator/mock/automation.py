"""Automation runs kept in memory, for specs with Testmo-style result sinks.

The pipeline creates a run, creates threads under it, appends test results to threads (and
artifacts, fields and links to the run), then completes threads and the run. A run's counters
come from the appended tests; completion ends it, with status success (2) or failure (3) by its
failure count, and is_completed true. Completing twice changes nothing (204 again). Appending to
a completed thread or run, or opening a thread in a completed run, is refused with the declared
403 (the action is no longer allowed), not 422: the request itself is valid.

Test status names map to status ids as the vendor's defaults do: success names (`passed`,
`success`) to 2, failure names (`failed`, `failure`, `error`, ...) to 3, any other to 1 (neutral).
The answers' shapes come from the spec's examples; every value that names state is overwritten.
"""

from __future__ import annotations

import copy
import itertools
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from generator.spec.ir import Api, Operation

OPERATIONS = frozenset(
    {
        "createAutomationRun",
        "getAutomationRun",
        "listAutomationRuns",
        "appendAutomationRun",
        "completeAutomationRun",
        "createAutomationRunThread",
        "appendAutomationRunThread",
        "completeAutomationRunThread",
        "listAutomationRunTests",
    }
)
SUCCESS, FAILURE, NEUTRAL, RUNNING = 2, 3, 1, 4
_SUCCESS_NAMES = frozenset({"passed", "pass", "success", "successful", "ok"})
_FAILURE_NAMES = frozenset({"failed", "fail", "failure", "error", "errored", "broken", "crashed"})
_STATUS_SLOTS = 24


def applies(api: Api) -> bool:
    """Whether the spec has this family of operations (all of them, by operation id)."""
    return {op.operation_id for op in api.operations} >= OPERATIONS


def status_id(name: Any) -> int:
    text = str(name).strip().lower()
    if text in _SUCCESS_NAMES:
        return SUCCESS
    if text in _FAILURE_NAMES:
        return FAILURE
    return NEUTRAL


class Refused(Exception):
    """The request names a completed thread or run."""


@dataclass
class Thread:
    id: int
    run_id: int
    completed: bool = False


@dataclass
class AutomationRun:
    id: int
    project_id: int
    created: dict[str, Any]
    created_at: str
    threads: list[Thread] = field(default_factory=list)
    tests: list[dict[str, Any]] = field(default_factory=list)
    extras: dict[str, list[Any]] = field(default_factory=dict)
    completed_at: str | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def failures(self) -> int:
        return sum(1 for t in self.tests if t["status_id"] == FAILURE)


class AutomationStore:
    def __init__(self, api: Api) -> None:
        self._ops = {op.operation_id: op for op in api.operations if op.operation_id in OPERATIONS}
        self._lock = threading.Lock()
        self._runs: dict[int, AutomationRun] = {}
        self._threads: dict[int, Thread] = {}
        self._ids = itertools.count(1)
        self._test_ids = itertools.count(1)

    def create_run(self, run_id: int, project_id: int, payload: dict[str, Any]) -> None:
        with self._lock:
            self._runs[run_id] = AutomationRun(run_id, project_id, dict(payload), _now())
            for key in ("artifacts", "fields", "links"):
                self._runs[run_id].extras[key] = list(payload.get(key) or [])

    def knows(self, run_id: int) -> bool:
        with self._lock:
            return run_id in self._runs

    def create_thread(self, run_id: int) -> int | None:
        """The new thread's id; None for an unknown run. Raises Refused for a completed one."""
        with self._lock:
            run = self._runs.get(run_id)
            if run is None:
                return None
            if run.completed:
                raise Refused("The automation run is already completed.")
            thread = Thread(self._fresh(), run_id)
            run.threads.append(thread)
            self._threads[thread.id] = thread
            return thread.id

    def append_thread(self, thread_id: int, payload: dict[str, Any]) -> bool:
        with self._lock:
            thread = self._threads.get(thread_id)
            if thread is None:
                return False
            run = self._runs[thread.run_id]
            if thread.completed or run.completed:
                raise Refused("The automation run thread is already completed.")
            for test in payload.get("tests") or []:
                if isinstance(test, dict):
                    run.tests.append(
                        {
                            "id": next(self._test_ids),
                            "thread_id": thread_id,
                            "status_id": status_id(test.get("status")),
                            "status": test.get("status"),
                            "name": test.get("name"),
                            "folder": test.get("folder"),
                            "elapsed": test.get("elapsed"),
                            "created_at": _now(),
                        }
                    )
            return True

    def append_run(self, run_id: int, payload: dict[str, Any]) -> bool:
        with self._lock:
            run = self._runs.get(run_id)
            if run is None:
                return False
            if run.completed:
                raise Refused("The automation run is already completed.")
            for key in ("artifacts", "fields", "links"):
                run.extras.setdefault(key, []).extend(payload.get(key) or [])
            return True

    def complete_thread(self, thread_id: int) -> bool:
        with self._lock:
            thread = self._threads.get(thread_id)
            if thread is None:
                return False
            thread.completed = True
            return True

    def complete_run(self, run_id: int) -> int | None:
        """Completes the run and its threads; its failure count, or None for an unknown run."""
        with self._lock:
            run = self._runs.get(run_id)
            if run is None:
                return None
            if run.completed:
                return run.failures()
            run.completed_at = _now()
            for thread in run.threads:
                thread.completed = True
            return run.failures()

    def run_row(self, template: dict[str, Any], run_id: int, ended: bool = False, failed: bool = False) -> Any:
        """`template` (an example run) filled from the stored run; `ended` for a run ended by its pace."""
        with self._lock:
            run = self._runs.get(run_id)
            if run is None:
                return None
            row = copy.deepcopy(template)
            counts = {f"status{i}_count": 0 for i in range(1, _STATUS_SLOTS + 1)}
            for test in run.tests:
                counts[f"status{test['status_id']}_count"] = counts.get(f"status{test['status_id']}_count", 0) + 1
            failures = run.failures()
            if ended and failed and not failures:
                failures = 1
            completed = run.completed or ended
            active = sum(1 for t in run.threads if not t.completed)
            values: dict[str, Any] = {
                "id": run.id,
                "project_id": run.project_id,
                "name": run.created.get("name", row.get("name")),
                "config_id": run.created.get("config_id"),
                "milestone_id": run.created.get("milestone_id"),
                "status": (FAILURE if failures else SUCCESS) if completed else RUNNING,
                "is_completed": completed,
                "untested_count": 0,
                **counts,
                "success_count": counts[f"status{SUCCESS}_count"],
                "failure_count": failures,
                "completed_count": len(run.tests),
                "total_count": len(run.tests),
                "thread_count": len(run.threads),
                "thread_active_count": 0 if completed else active,
                "thread_completed_count": len(run.threads) if completed else len(run.threads) - active,
                "created_at": run.created_at,
                "completed_at": run.completed_at or (_now() if completed else None),
            }
            for key, value in values.items():
                if key in row or key.endswith("_count"):
                    row[key] = value
            if "tags" in run.created:
                row["tags"] = list(run.created["tags"])
            if "source" in run.created:
                row["source"] = run.created["source"]
            for key, items in run.extras.items():
                if items:
                    row[key] = copy.deepcopy(items)
            return row

    def runs_of(self, project_id: int) -> list[int]:
        """The project's run ids, newest first."""
        with self._lock:
            return sorted((r.id for r in self._runs.values() if r.project_id == project_id), reverse=True)

    def tests_of(self, run_id: int, template: dict[str, Any]) -> list[Any] | None:
        with self._lock:
            run = self._runs.get(run_id)
            if run is None:
                return None
            rows = []
            for test in run.tests:
                row = copy.deepcopy(template)
                row.update({k: v for k, v in test.items() if k != "status" and (k in row or v is not None)})
                row["automation_case_id"] = test["id"]
                row["repository_case_id"] = None
                rows.append(row)
            return rows

    def operation(self, operation_id: str) -> Operation:
        return self._ops[operation_id]

    def _fresh(self) -> int:
        return next(self._ids)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
