"""Result sink: a pipeline creates a run, opens threads, appends items (test results) and completes it.

Bound by `x-mock: sinks`. A run's row (what the read operation shows at `rowPointer`) starts from
the read operation's first example, with the create request's values where they fit the schema;
its counters, state and times are kept up to date from what was appended, as the declaration's
`row` says. Completing ends the run (success, or failure when an item failed) and its threads;
completing twice changes nothing. Appending to, or opening a thread in, a completed run or thread
is refused with the declared 403: the request is valid, the action no longer allowed.

A run created with a pace or outcome header (or under a scenario) also ends by that pace when
read, for waiters driven by the contract suites. Runs are kept by id in a bounded store
(`Settings.store_size`, oldest dropped); each owner's list is kept newest first beside it, so a
page of a list costs what it shows. Counters are kept as items arrive, so a read costs the same
whatever a run holds.
"""

from __future__ import annotations

import copy
import itertools
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from generator.mock import paging
from generator.mock.behaviours import Handler, Kit, success
from generator.mock.behaviours.pace import Run, pace
from generator.mock.bounded import Bounded
from generator.mock.call import Answer, Call
from generator.mock.errors import not_found, refused
from generator.spec import pointer as jp
from generator.spec.behaviours import Sink, Step
from generator.spec.ir import Operation


@dataclass(slots=True)
class _Thread:
    id: Any
    run_id: str
    completed: bool = False


@dataclass(slots=True)
class _SinkRun:
    id: Any
    owner: str | None
    row: dict[str, Any]
    """The create request's values the row shows, over the read example's row (shared, not copied per run)."""
    created_at: str
    pace: Run
    threads: list[_Thread] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"success": 0, "failure": 0, "neutral": 0})
    lists: dict[str, list[Any]] = field(default_factory=dict)
    completed_at: str | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class SinkBehaviour:
    def __init__(self, kit: Kit, decl: Sink) -> None:
        self.kit = kit
        self.decl = decl
        api = kit.api
        self.read_op = api.operation(decl.read.operation)
        self.list_item_op = api.operation(decl.items.list.operation)
        self._ids = itertools.count(1)
        self._item_ids = itertools.count(1)
        self._owners: dict[str, deque[str]] = {}
        self.runs: Bounded[str, _SinkRun] = Bounded(kit.capacity, self._evicted)
        self._threads: Bounded[str, _Thread] = Bounded(kit.capacity)
        self._row_valid = kit.valid(self.read_op)
        template = jp.get(self._answer_template(), decl.read.row_pointer or "")
        self._template_row: dict[str, Any] = template if isinstance(template, dict) else {}

    def handlers(self) -> dict[str, Handler]:
        d = self.decl
        steps = {
            d.create: self.create,
            d.read: self.read,
            d.list: self.list_runs,
            d.append: self.append,
            d.complete: self.complete,
            d.thread_create: self.thread_create,
            d.thread_append: self.thread_append,
            d.thread_complete: self.thread_complete,
            d.items.list: self.list_items,
        }
        return {step.operation: handler for step, handler in steps.items() if step is not None}

    def reset(self) -> None:
        with self.kit.lock:
            self.runs.clear()
            self._threads.clear()
            self._owners.clear()

    def _evicted(self, run_id: str, run: _SinkRun) -> None:
        """The oldest run leaves the store: it is the oldest of its owner's too (called under the lock)."""
        owned = self._owners.get(str(run.owner))
        if owned and owned[0] == run_id:
            owned.popleft()
        for thread in run.threads:
            self._threads.pop(str(thread.id), None)

    # -- helpers -----------------------------------------------------------------------------------

    def _param(self, call: Call, step: Step | None) -> str:
        assert step is not None and step.parameter is not None  # `check` says so
        return str(call.params.get(step.parameter))

    def _fresh(self, op: Operation, step: Step, counter: itertools.count[int]) -> Any:
        """A fresh id of the type the answer's example has at `idPointer` (an integer counts up)."""
        example = op.success.examples[0].value if op.success and op.success.examples else None
        old = jp.get(example, step.id_pointer) if step.id_pointer else None
        number = next(counter)
        return number if isinstance(old, int) or old is None else f"{old}-{number}"

    def _refuse(self, call: Call, what: str) -> Answer:
        assert call.op is not None
        return refused(self.kit.api, call.op, "403", f"The {what} is already completed.", "refused: completed")

    # -- runs --------------------------------------------------------------------------------------

    def create(self, call: Call) -> Answer | None:
        negotiated = call.negotiated
        assert call.op is not None
        if negotiated is None or not isinstance(negotiated.body, dict):
            return None
        body = negotiated.body
        run_id = self._fresh(call.op, self.decl.create, self._ids)
        if self.decl.create.id_pointer:
            jp.put(body, self.decl.create.id_pointer, run_id)
        owner = str(call.path_values.get(self.decl.create.parameter or "")) if self.decl.create.parameter else None
        run = _SinkRun(run_id, owner, {}, _now(), pace(call.headers, self.kit.run_scenario))
        payload = call.payload if isinstance(call.payload, dict) else {}
        run.lists = {k: list(v) for k, v in payload.items() if isinstance(v, list)}
        run.row = self._fixed_row(payload, run)
        key = str(run_id)
        with self.kit.lock:
            self.runs[key] = run
            self._owners.setdefault(str(owner), deque()).append(key)
        return Answer(negotiated.status, body, note="run created")

    def _fixed_row(self, payload: dict[str, Any], run: _SinkRun) -> dict[str, Any]:
        """The read example's row with the create request's values, each kept only if the answer stays valid."""
        answer = self._answer_template()
        row = jp.get(answer, self.decl.read.row_pointer or "")
        if not isinstance(row, dict):
            return {}
        before = copy.deepcopy(row)
        row.update(copy.deepcopy(payload))
        if self._row_valid(answer):
            return {k: v for k, v in row.items() if k in payload}  # one check when every value fits
        row.clear()
        row.update(before)
        kept = {}
        for key, value in payload.items():
            had, old = key in row, row.get(key)
            row[key] = copy.deepcopy(value)
            if self._row_valid(answer):
                kept[key] = row[key]
            elif had:
                row[key] = old
            else:
                del row[key]
        return kept

    def _answer_template(self) -> Any:
        success_answer = self.read_op.success
        example = success_answer.examples[0].value if success_answer and success_answer.examples else {}
        return copy.deepcopy(example)

    def _row(self, run: _SinkRun, ended: bool = False) -> dict[str, Any]:
        row = copy.deepcopy(self._template_row)
        row.update(copy.deepcopy(run.row))
        decl = self.decl.row
        failures = run.counts["failure"]
        if ended and not failures and run.pace.outcome != "success":
            failures = 1
        completed = run.completed or ended
        active = sum(1 for t in run.threads if not t.completed)
        totals = {
            "total": len(run.items),
            "success": run.counts["success"],
            "failure": failures,
            "neutral": run.counts["neutral"],
            "threads": len(run.threads),
            "activeThreads": 0 if completed else active,
            "completedThreads": len(run.threads) if completed else len(run.threads) - active,
        }
        for pointer, what in decl.counts:
            jp.put(row, pointer, totals[what])
        values = dict(decl.status_values)
        state = ("failure" if failures else "success") if completed else "running"
        if decl.status_pointer is not None and state in values:
            jp.put(row, decl.status_pointer, values[state])
        if decl.completed_pointer is not None:
            jp.put(row, decl.completed_pointer, completed)
        if decl.created_at_pointer is not None:
            jp.put(row, decl.created_at_pointer, run.created_at)
        if decl.completed_at_pointer is not None:
            jp.put(row, decl.completed_at_pointer, run.completed_at or (_now() if completed else None))
        for key, items in run.lists.items():
            if items:
                row[key] = copy.deepcopy(items)
        id_param = self.decl.create.id_pointer
        if id_param:
            jp.put(row, id_param, run.id)
        return row

    def read(self, call: Call) -> Answer:
        with self.kit.lock:
            run = self.runs.get(self._param(call, self.decl.read))
            if run is None:
                return not_found(self.read_op, "no such run")
            ended = run.pace.paced and run.pace.advance()
            row = self._row(run, ended)
        if not self.decl.read.row_pointer:
            return success(self.read_op, row, "run read")
        body = self._answer_template()
        jp.put(body, self.decl.read.row_pointer, row)
        return success(self.read_op, body, "run read")

    def list_runs(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None and self.decl.list is not None
        pagination = op.pagination
        with self.kit.lock:
            owned = self._owners.get(self._param(call, self.decl.list))
            count = len(owned) if owned else 0
        if pagination is None or not owned:
            return None

        def row(i: int) -> Any:
            """The i-th newest run: read from the deque's right end, O(1) for the first pages."""
            with self.kit.lock:
                index = len(owned) - 1 - i
                run = self.runs.get(owned[index]) if 0 <= index < len(owned) else None
                return self._row(run) if run is not None else None

        items = paging.Lazy(count, row)
        return success(op, paging.page(self.kit.api, op, items, call.params), "runs listed")

    def append(self, call: Call) -> Answer:
        assert call.op is not None
        with self.kit.lock:
            run = self.runs.get(self._param(call, self.decl.append))
            if run is None:
                return not_found(call.op, "no such run")
            if run.completed:
                return self._refuse(call, "run")
            payload = call.payload if isinstance(call.payload, dict) else {}
            for key, value in payload.items():
                if isinstance(value, list):
                    run.lists.setdefault(key, []).extend(value)
        return success(call.op, None, "appended")

    def complete(self, call: Call) -> Answer:
        assert call.op is not None
        with self.kit.lock:
            run = self.runs.get(self._param(call, self.decl.complete))
            if run is None:
                return not_found(call.op, "no such run")
            if not run.completed:
                run.completed_at = _now()
                for thread in run.threads:
                    thread.completed = True
                run.pace.end("failure" if run.counts["failure"] else "success")
        return success(call.op, None, "completed")

    # -- threads and items -------------------------------------------------------------------------

    def thread_create(self, call: Call) -> Answer | None:
        op, step = call.op, self.decl.thread_create
        assert op is not None and step is not None
        negotiated = call.negotiated
        with self.kit.lock:
            run = self.runs.get(self._param(call, step))
            if run is None:
                return not_found(op, "no such run")
            if run.completed:
                return self._refuse(call, "run")
            thread = _Thread(self._fresh(op, step, self._ids), str(run.id))
            run.threads.append(thread)
            self._threads[str(thread.id)] = thread
        body = negotiated.body if negotiated is not None else None
        if isinstance(body, dict) and step.id_pointer:
            jp.put(body, step.id_pointer, thread.id)
        return Answer(negotiated.status if negotiated else 201, body, note="thread created")

    def _thread(self, call: Call, step: Step | None) -> tuple[_Thread, _SinkRun] | None:
        thread = self._threads.get(self._param(call, step))
        run = self.runs.get(thread.run_id) if thread is not None else None
        return (thread, run) if thread is not None and run is not None else None

    def thread_append(self, call: Call) -> Answer:
        op, step = call.op, self.decl.thread_append
        assert op is not None and step is not None
        with self.kit.lock:
            found = self._thread(call, step)
            if found is None:
                return not_found(op, "no such thread")
            thread, run = found
            if thread.completed or run.completed:
                return self._refuse(call, "thread")
            payload = call.payload if isinstance(call.payload, dict) else {}
            for key, value in payload.items():
                if isinstance(value, list) and ("/" + key) != step.items_pointer:
                    run.lists.setdefault(key, []).extend(value)
            appended = jp.get(call.payload, step.items_pointer) if step.items_pointer else None
            for item in appended if isinstance(appended, list) else []:
                if isinstance(item, dict):
                    self._add_item(run, thread, item)
        return success(op, None, "appended")

    def _add_item(self, run: _SinkRun, thread: _Thread, item: dict[str, Any]) -> None:
        items = self.decl.items
        status = jp.get(item, items.status_pointer)
        kind = "success" if status in items.success else "failure" if status in items.failure else "neutral"
        run.counts[kind] += 1
        if len(run.items) >= self.kit.capacity:
            return  # counted, not kept: a run's items are bounded like everything else
        row = self._item_template()
        row.update({k: copy.deepcopy(v) for k, v in item.items() if k in row})
        values = dict(items.status_values)
        if items.row_status_pointer is not None and kind in values:
            jp.put(row, items.row_status_pointer, values[kind])
        if items.id_pointer is not None:
            jp.put(row, items.id_pointer, next(self._item_ids))
        if items.thread_pointer is not None:
            jp.put(row, items.thread_pointer, thread.id)
        run.items.append(row)

    def _item_template(self) -> dict[str, Any]:
        pagination = self.list_item_op.pagination
        template = paging.template_of(self.list_item_op)
        listed = jp.get(template, pagination.items_pointer) if pagination is not None else template
        first = listed[0] if isinstance(listed, list) and listed and isinstance(listed[0], dict) else {}
        return copy.deepcopy(first)

    def thread_complete(self, call: Call) -> Answer:
        op = call.op
        assert op is not None
        with self.kit.lock:
            found = self._thread(call, self.decl.thread_complete)
            if found is None:
                return not_found(op, "no such thread")
            found[0].completed = True
        return success(op, None, "completed")

    def list_items(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        with self.kit.lock:
            run = self.runs.get(self._param(call, self.decl.items.list))
            rows = run.items if run is not None else None
            count = len(rows) if rows is not None else 0
        if rows is None:
            return not_found(op, "no such run")
        if op.pagination is None:
            return success(op, copy.deepcopy(rows[:count]), "items listed")
        items = paging.Lazy(count, lambda i: copy.deepcopy(rows[i]))  # appended only: the first `count` stay
        return success(op, paging.page(self.kit.api, op, items, call.params), "items listed")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
