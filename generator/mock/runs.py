"""Runs a mock started: their pace, and what a status or results answer shows at each step.

Pace: a run ends after N status reads (`X-Testrelay-Reads`, default 2) or, with
`X-Testrelay-Duration: SECONDS`, at the first read at or after SECONDS since the trigger.

What an answer shows is drawn from the spec's own examples, so it keeps the vendor's wording:
the example whose status value matches the run's state (pending, or the outcome) is taken, then
while the run is pending its result lists are emptied and its pass/fail counters zeroed (each
change kept only if the answer stays valid), since results exist only once a run ends.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.spec import names
from generator.spec import pointer as jp
from generator.spec.ir import Example, Polling

OUTCOME_HEADER = "x-testrelay-outcome"
"""At trigger time: `success` (default), `failure`, or a terminal status value of the spec."""
READS_HEADER = "x-testrelay-reads"
"""At trigger time: how many status reads a run takes to end (default 2)."""
DURATION_HEADER = "x-testrelay-duration"
"""At trigger time: seconds after which the next status read ends the run (instead of a read count)."""
DEFAULT_READS = 2

Valid = Callable[[Any], bool]
_RESULT_WORDS = ("pass", "fail", "success", "error")
"""Counter names that report results (`nb_success`, `tests_failed`, `passed_tests`)."""


@dataclass
class Run:
    outcome: str
    reads_needed: int = DEFAULT_READS
    duration: float | None = None
    ids: dict[str, str] = field(default_factory=dict)
    """The status operation's arguments that name this run."""
    paced: bool = False
    """Whether the trigger asked for a pace or outcome by header (a run a vendor's resource also ends)."""
    items: dict[str, list[Any]] = field(default_factory=dict)
    """Lists the trigger answered (`results`): a final status answer lists the same items."""
    started: float = field(default_factory=time.monotonic)
    reads: int = 0
    ended: bool = False

    def advance(self) -> bool:
        """One status read; whether the run has ended."""
        self.reads += 1
        if not self.ended:
            if self.duration is not None:
                self.ended = time.monotonic() - self.started >= self.duration
            else:
                self.ended = self.reads >= self.reads_needed
        return self.ended

    def over(self) -> bool:
        """Ended, or past its duration (the next status read would end it)."""
        return self.ended or (self.duration is not None and time.monotonic() - self.started >= self.duration)

    def end(self, outcome: str | None = None) -> None:
        self.ended = True
        if outcome is not None:
            self.outcome = outcome


def pace(headers: Mapping[str, str], scenario: str | None) -> Run:
    """A new run's outcome and pace from the trigger's headers, else the scenario, else the defaults."""
    outcome = headers.get(OUTCOME_HEADER) or scenario or "success"
    try:
        reads = max(1, int(headers.get(READS_HEADER, str(DEFAULT_READS))))
    except ValueError:
        reads = DEFAULT_READS
    duration: float | None = None
    try:
        if DURATION_HEADER in headers:
            duration = max(0.0, float(headers[DURATION_HEADER]))
    except ValueError:
        duration = None
    paced = scenario is not None or any(h in headers for h in (OUTCOME_HEADER, READS_HEADER, DURATION_HEADER))
    return Run(outcome, reads, duration, paced=paced)


def status_body(examples: tuple[Example, ...], polling: Polling, run: Run, ended: bool, valid: Valid) -> Any:
    """A status answer for `run`: pending without results, or terminal with results for its outcome."""
    words = _words(run)
    if ended:
        chosen = _pick(examples, words, lambda e: _terminal_match(e, polling, run.outcome))
        body = copy.deepcopy(chosen.value) if chosen is not None else {}
        finish(body, polling, run.outcome)
        if isinstance(body, dict):
            _list_run_items(body, run, polling, valid)
        return body
    chosen = _pick(examples, words, lambda e: _among(jp.get(e.value, polling.status_pointer), polling.pending))
    body = copy.deepcopy(chosen.value) if chosen is not None else {}
    if polling.pending:  # each value as its own JSON type: null, a boolean, a number or a string
        jp.put(body, polling.status_pointer, polling.pending[min(max(run.reads, 1) - 1, len(polling.pending) - 1)])
    elif polling.pending_when_absent:
        parent = jp.get(body, jp.parent(polling.status_pointer))
        if isinstance(parent, dict):
            parent.pop(jp.split(polling.status_pointer)[-1], None)
    else:
        jp.put(body, polling.status_pointer, "pending")
    clear_results(body, valid)
    return body


def _among(value: Any, values: tuple[Any, ...]) -> bool:
    """Membership as JSON sees it: `true` is not `1`."""
    return any(isinstance(value, bool) == isinstance(v, bool) and value == v for v in values)


def finish(body: Any, polling: Polling, outcome: str) -> None:
    """Write a terminal state for `outcome` into a status answer."""
    for judged in polling.judged:
        if outcome in ("success", "failure"):
            jp.put(body, polling.status_pointer, judged.value)
            failures = jp.get(body, judged.failures_pointer)
            if outcome == "success":
                jp.put(body, judged.failures_pointer, 0)
            elif not isinstance(failures, int) or failures < 1:
                jp.put(body, judged.failures_pointer, 1)
            return
    values = polling.success if outcome == "success" else polling.failure if outcome == "failure" else ()
    if values:
        if not _among(jp.get(body, polling.status_pointer), values):
            jp.put(body, polling.status_pointer, values[0])
        return
    known = {json.dumps(v) if not isinstance(v, str) else v: v for v in (*polling.success, *polling.failure)}
    jp.put(body, polling.status_pointer, known.get(outcome, outcome))


def failed(polling: Polling, outcome: str) -> bool:
    texts = {v if isinstance(v, str) else json.dumps(v) for v in polling.failure}
    return outcome == "failure" or (outcome != "success" and outcome in texts)


def clear_results(node: Any, valid: Valid, root: Any = None) -> None:
    """Empties result lists and zeroes pass/fail counters in place, keeping each change only if valid."""
    root = node if root is None else root
    if isinstance(node, list):
        for item in node:
            clear_results(item, valid, root)
        return
    if not isinstance(node, dict):
        return
    for key, value in list(node.items()):
        lowered = key.lower()
        if isinstance(value, list) and value and "result" in lowered:
            node[key] = []
        elif isinstance(value, int) and not isinstance(value, bool) and value and _counts_results(lowered):
            node[key] = 0
        else:
            clear_results(value, valid, root)
            continue
        if not valid(root):
            node[key] = value


def results_view(
    examples: tuple[Example, ...], polling: Polling, runs: list[Run], query: Mapping[str, Any], valid: Valid
) -> Any:
    """An aggregated-results answer for ended runs: one result per run, counters that agree with outcomes."""
    words = set().union(*(_words(r) for r in runs))
    chosen = _pick(examples, words, lambda e: True)
    body = copy.deepcopy(chosen.value) if chosen is not None else {}
    if not isinstance(body, dict):
        return body
    for key, value in query.items():
        if key in body and not isinstance(value, list):
            body[key] = value
    passed = polling.success[0] if polling.success else "success"
    failed_value = polling.failure[0] if polling.failure else "failure"
    outcomes = [not failed(polling, r.outcome) for r in runs]
    lists = [k for k, v in body.items() if isinstance(v, list) and "result" in k.lower()]
    for key in lists:
        template = body[key][0] if body[key] and isinstance(body[key][0], dict) else {}
        items = []
        for run, ok in zip(runs, outcomes, strict=True):
            item = copy.deepcopy(template)
            for id_key, id_value in run.ids.items():
                if id_key in item:
                    item[id_key] = id_value
            if "status" in item:
                item["status"] = passed if ok else failed_value
            if ok:
                for name in [k for k in item if "error" in k.lower()]:
                    del item[name]
                    if not valid({**body, key: [item]}):
                        item[name] = None
            items.append(item)
        body[key] = items
    total, good = len(runs), sum(outcomes)
    for key, value in list(body.items()):
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        lowered = key.lower()
        if "fail" in lowered:
            body[key] = total - good
        elif "pass" in lowered or "success" in lowered:
            body[key] = good
        elif "total" in lowered:
            body[key] = total
    if "status" in body:
        body["status"] = passed if all(outcomes) else failed_value
    return body


def _list_run_items(body: dict[str, Any], run: Run, polling: Polling, valid: Valid) -> None:
    """The trigger's items in the answer's same-named list, their statuses and counters agreeing with the outcome.

    Each item is the example's item with the fields the trigger answered for it; statuses are all
    successes for a success, with the last a failure for a failure. Dropped if that breaks the schema.
    """
    before = copy.deepcopy(body)
    good = polling.success[0] if polling.success else None
    bad = polling.failure[0] if polling.failure else None
    for key, given in run.items.items():
        examples = body.get(key)
        if not isinstance(examples, list) or not examples or not all(isinstance(e, dict) for e in examples):
            continue
        items = []
        for i, item in enumerate(given):
            merged = copy.deepcopy(examples[i % len(examples)])
            if isinstance(item, dict):
                merged.update({k: v for k, v in item.items() if k in merged})
            items.append(merged)
        is_failure = failed(polling, run.outcome)
        for i, item in enumerate(items):
            if "status" in item and good is not None and bad is not None:
                item["status"] = bad if is_failure and i == len(items) - 1 else good
        body[key] = items
        failures = sum(1 for i in items if i.get("status") == bad)
        for name, value in list(body.items()):
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            lowered = name.lower()
            if "fail" in lowered:
                body[name] = failures
            elif "pass" in lowered or "success" in lowered:
                body[name] = len(items) - failures
            elif "total" in lowered:
                body[name] = len(items)
    if not valid(body):
        body.clear()
        body.update(before)


def _counts_results(key: str) -> bool:
    return any(word in key for word in _RESULT_WORDS)


def _words(run: Run) -> set[str]:
    return {w for name in run.ids for w in names.snake_case(name).split("_")} - {"id", "ids", "run", "runs"}


def _pick(examples: tuple[Example, ...], words: set[str], state: Callable[[Example], bool]) -> Example | None:
    """The example naming the run's kind (`suite` in `suiteRunPassed`) and matching its state, best first."""

    def score(example: Example) -> tuple[bool, bool]:
        named = bool(words & set(names.snake_case(example.name).split("_")))
        return named, state(example)

    return max(examples, key=score, default=None)


def _terminal_match(example: Example, polling: Polling, outcome: str) -> bool:
    status = jp.get(example.value, polling.status_pointer)
    for judged in polling.judged:
        if status == judged.value and outcome in ("success", "failure"):
            failures = jp.get(example.value, judged.failures_pointer)
            return isinstance(failures, int) and (failures > 0) == (outcome == "failure")
    if outcome == "success":
        return _among(status, polling.success)
    if outcome == "failure":
        return _among(status, polling.failure)
    return (status if isinstance(status, str) else json.dumps(status)) == outcome
