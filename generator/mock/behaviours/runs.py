"""Run store: a trigger stores runs, its status operation moves them to an end, its results list what ended.

Bound by `x-mock: runs`. The trigger's negotiated answer names the runs it started at the
declaration's `starts` pointers (the first whose pointers all hold a value); each gets a fresh id
of its parameter's type unless `echo` repeats a request value there, and the example's own id is
replaced wherever it stands in the answer's strings (a `result_uri` naming it). A `*` pointer
(`/test_run_ids/*`) starts one run per element. Runs are kept by their ids in a bounded store
(`Settings.store_size`, oldest dropped), so a status or results read costs the same with one
stored run or thousands.

What an answer shows is drawn from the spec's own examples, so it keeps the vendor's wording: the
status example of the run's kind (`statusExamples`) matching its state is taken; while the run is
pending its declared result list (`statusItemsPointer`) holds only its own pending items and its
declared counters (`statusCounts`) count no success or failure, since results exist only once a
run ends; then they agree with the outcome (each change kept only if the answer stays valid). A
kind whose examples end in a `judged` value (a suite's `completed`) ends in it; any other ends in a
success or failure value.

Results list one item per result of each named run (`countPointer` says how many a run holds),
each shaped like an example item in the same state; a run not yet ended lists its items pending,
with what only an ended run has (durations, error messages) left null or out where the schema
allows. An id the mock never issued gets the declared 404.
"""

from __future__ import annotations

import copy
import json
import secrets
import uuid
from typing import Any

from generator.mock.behaviours import Handler, Kit, Valid, each, replace_id, request_value, success
from generator.mock.behaviours.pace import Run, pace
from generator.mock.bounded import Bounded
from generator.mock.call import Answer, Call
from generator.mock.errors import not_found
from generator.spec import pointer as jp
from generator.spec.behaviours import EACH, Results, RunStore, Start
from generator.spec.ir import Api, Example, Operation, Polling

Key = tuple[tuple[str, str], ...]


def failed(polling: Polling, outcome: str) -> bool:
    return outcome == "failure" or (outcome != "success" and outcome in {_text(v) for v in polling.failure})


def _text(value: Any) -> str:
    """A state value as the outcome header names it: strings as they are, others as JSON (`true`, `null`, `3`)."""
    return value if isinstance(value, str) else json.dumps(value)


def _among(value: Any, values: tuple[Any, ...]) -> bool:
    """Membership as JSON sees it: `true` is not `1`."""
    return any(isinstance(value, bool) == isinstance(v, bool) and value == v for v in values)


def run_stores(api: Api) -> list[RunStore]:
    """The spec's run stores: those `x-mock` declares, and for any other trigger, those its links declare.

    A link from an operation to one with `x-polling`, passing `$response.body#/...` values as the
    status operation's parameters, says just what a `starts` entry says; each such link is one.
    Operations `x-mock` binds to any behaviour are left to it.
    """
    declared = list(api.behaviours.runs)
    bound = api.behaviours.operations  # an operation `x-mock` binds is the declaration's alone
    polled = {op.operation_id for op in api.operations if op.polling is not None} - bound
    for op in api.operations:
        if op.operation_id in bound:
            continue
        by_status: dict[str, list[Start]] = {}
        for link in op.links:
            ids = tuple(
                (name, value.removeprefix("$response.body#"))
                for name, value in link.parameters
                if value.startswith("$response.body#/")
            )
            if link.operation_id in polled and ids:
                by_status.setdefault(link.operation_id, []).append(Start(ids=ids))
        declared += [RunStore(op.operation_id, status, tuple(starts)) for status, starts in by_status.items()]
    return declared


def ends_judged(api: Api, trigger: str, answer: Any) -> bool | None:
    """Whether the run a trigger's answer starts ends in a judged value (a suite's `completed`), as this
    store would run it; None when no run store declares the trigger or no start applies. The contract
    codegen asks, so that a suite drives the judged outcomes and a single test run the plain ones.
    """
    for decl in run_stores(api):
        if decl.trigger != trigger or not isinstance(answer, dict):
            continue
        status = api.operation(decl.status)
        polling = status.polling
        if polling is None:
            return None
        for start in decl.starts:
            if all(any(True for _ in each(answer, pointer)) for _, pointer in start.ids):
                return _judged_examples(status, polling, start)
    return None


def _judged_examples(status: Operation, polling: Polling, start: Start) -> bool:
    judged = {j.value for j in polling.judged}
    answer = status.success
    examples = answer.examples if answer is not None else ()
    chosen = tuple(e for e in examples if e.name in start.status_examples) or examples
    return any(_among(jp.get(e.value, polling.status_pointer), tuple(judged)) for e in chosen)


def _key(ids: dict[str, str]) -> Key:
    return tuple(sorted(ids.items()))


class RunStoreBehaviour:
    def __init__(self, kit: Kit, decl: RunStore) -> None:
        self.kit = kit
        self.decl = decl
        api = kit.api
        self.trigger_op = api.operation(decl.trigger)
        self.status_op = api.operation(decl.status)
        self.results_op = api.operation(decl.results.operation) if decl.results is not None else None
        polling = self.status_op.polling
        assert polling is not None  # `check` says so
        self.polling = polling
        self.runs: Bounded[Key, Run] = Bounded(kit.capacity)
        self._counter = 1000
        self._names = sorted({tuple(sorted(name for name, _ in s.ids)) for s in decl.starts}, key=len, reverse=True)
        """The parameter sets that name a run, most specific first."""
        self._status_valid = kit.valid(self.status_op)
        self._judged = [self._is_judged(s) for s in decl.starts]

    def handlers(self) -> dict[str, Handler]:
        found: dict[str, Handler] = {self.decl.trigger: self.trigger, self.decl.status: self.status}
        if self.decl.results is not None:
            found[self.decl.results.operation] = self.results
        return found

    def reset(self) -> None:
        with self.kit.lock:
            self.runs.clear()

    # -- trigger -----------------------------------------------------------------------------------

    def trigger(self, call: Call) -> Answer | None:
        negotiated = call.negotiated
        if negotiated is None or not isinstance(negotiated.body, dict):
            return None
        body = negotiated.body
        echoed = set()
        for pointer, expression in self.decl.echo:
            value = request_value(call, expression)
            if value is not None:
                jp.put(body, pointer, value)
                echoed.add(pointer)
        fanned = self._fan_out(call, body)
        for index, start in enumerate(self.decl.starts):
            if all(any(True for _ in each(body, pointer)) for _, pointer in start.ids):
                self._start(call, body, index, start, echoed, fanned)
                break
        return Answer(negotiated.status, body, note="run started")

    def _start(
        self, call: Call, body: dict[str, Any], index: int, start: Start, echoed: set[str], fanned: list[Any] | None
    ) -> None:
        count = jp.get(body, start.count_pointer) if start.count_pointer else None
        count = count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else 1
        listed = next(((p, ptr) for p, ptr in start.ids if EACH in jp.split(ptr)), None)
        runs: list[tuple[dict[str, str], list[tuple[str, str]]]] = []
        if listed is not None:
            param, pointer = listed
            for concrete, original in list(each(body, pointer)):
                fresh = self._fresh(param)
                jp.put(body, concrete, fresh)
                replace_id(body, str(original), str(fresh))
                runs.append(({param: str(fresh)}, [(str(original), str(fresh))]))
        else:
            ids: dict[str, str] = {}
            renames: list[tuple[str, str]] = []
            for param, pointer in start.ids:
                original = jp.get(body, pointer)
                if pointer in echoed:
                    ids[param] = str(original)
                    continue
                fresh = self._fresh(param)
                jp.put(body, pointer, fresh)
                replace_id(body, str(original), str(fresh))
                ids[param] = str(fresh)
                renames.append((self._example_value(pointer, original), str(fresh)))
            runs.append((ids, renames))
        for ids, renames in runs:
            run = pace(call.headers, self.kit.run_scenario)
            run.ids, run.start, run.count, run.renames = ids, index, count, renames
            if fanned is not None and self.decl.fan_out is not None:
                run.items = {self.decl.fan_out.items_pointer: copy.deepcopy(fanned)}
            with self.kit.lock:
                self.runs[_key(ids)] = run

    def _fan_out(self, call: Call, body: dict[str, Any]) -> list[Any] | None:
        """One item per request entry (and per element of its `each` list), shaped like the example's items."""
        fan = self.decl.fan_out
        if fan is None:
            return None
        templates = [i for i in jp.get(body, fan.items_pointer) or [] if isinstance(i, dict)]
        entries = jp.get(call.payload, fan.entries_pointer) if fan.entries_pointer else None
        if not templates or not isinstance(entries, list):
            return None
        made: list[Any] = []
        for entry in entries:
            elements = jp.get(entry, fan.each_pointer) if fan.each_pointer else None
            for element in elements if isinstance(elements, list) and elements else [None]:
                item = copy.deepcopy(templates[len(made) % len(templates)])
                if fan.fresh_pointer is not None:
                    old = jp.get(item, fan.fresh_pointer)
                    fresh = _fresh_like(old)
                    jp.put(item, fan.fresh_pointer, fresh)
                    replace_id(item, str(old), fresh)
                if element is not None and fan.copy_to is not None:
                    old = jp.get(item, fan.copy_to)
                    jp.put(item, fan.copy_to, element)
                    replace_id(item, str(old), _segment(element))
                made.append(item)
        jp.put(body, fan.items_pointer, made)
        return made

    def _example_value(self, pointer: str, fallback: Any) -> str:
        """The id the trigger's examples give at `pointer`, which the status examples repeat."""
        answer = self.trigger_op.success
        for example in answer.examples if answer is not None else ():
            value = jp.get(example.value, pointer)
            if value is not None:
                return str(value)
        return str(fallback)

    def _fresh(self, param_name: str) -> Any:
        param = next((p for p in self.status_op.parameters if p.name == param_name), None)
        schema = param.schema if param is not None else {}
        with self.kit.lock:
            self._counter += 1
            counter = self._counter
        if schema.get("type") == "integer":
            return counter
        if schema.get("format") == "uuid":
            return str(uuid.uuid4())
        return f"run{counter}{secrets.token_hex(3)}"

    # -- status ------------------------------------------------------------------------------------

    def find(self, params: dict[str, Any]) -> Run | None:
        """The run the parameters name, looked up by its ids: O(1) whatever the store holds."""
        with self.kit.lock:
            for names in self._names:
                if all(params.get(n) is not None for n in names):
                    run = self.runs.get(tuple((n, str(params[n])) for n in names))
                    if run is not None:
                        return run
        return None

    def status(self, call: Call) -> Answer:
        run = self.find(call.params)
        if run is None:
            return not_found(self.status_op, "no such run")
        with self.kit.lock:
            ended = run.advance()
        body = self._status_body(run, ended)
        return success(self.status_op, body, "run read")

    def _examples(self, op: Operation, names: tuple[str, ...]) -> tuple[Example, ...]:
        answer = op.success
        examples = answer.examples if answer is not None else ()
        chosen = tuple(e for e in examples if e.name in names)
        return chosen or examples

    def _is_judged(self, start: Start) -> bool:
        return _judged_examples(self.status_op, self.polling, start)

    def _status_body(self, run: Run, ended: bool) -> Any:
        polling = self.polling
        examples = self._examples(self.status_op, self.decl.starts[run.start].status_examples)
        judged = self._judged[run.start]
        if ended:
            chosen = _pick(examples, lambda e: _terminal_match(e, polling, run.outcome, judged))
        else:
            chosen = _pick(examples, lambda e: _among(jp.get(e.value, polling.status_pointer), polling.pending))
        body = copy.deepcopy(chosen.value) if chosen is not None else {}
        if ended:
            _finish(body, polling, run.outcome, judged)
        elif polling.pending or not polling.pending_when_absent:
            jp.put(body, polling.status_pointer, _pending_value(polling, run))
        else:  # pending is told by the state's absence
            parent = jp.get(body, jp.parent(polling.status_pointer))
            if isinstance(parent, dict):
                parent.pop(jp.split(polling.status_pointer)[-1], None)
        self._show_items(body, run, ended)
        _rename(body, run)
        return body

    def _show_items(self, body: Any, run: Run, ended: bool) -> None:
        """The declared list and counters as the run's state has them, each change kept only if valid.

        While pending: the run's own items (`fanOut`) in a pending state, or none, and no success or
        failure counted. Once ended: its items (or the example's) all successes, the last a failure
        for a failure, and the counters agreeing.
        """
        decl, polling = self.decl, self.polling
        is_failure = ended and failed(polling, run.outcome)
        own = run.items.get(decl.fan_out.items_pointer) if decl.fan_out is not None else None
        total = len(own) if own else run.count
        failures = 1 if is_failure else 0
        pointer, status_at = decl.status_items_pointer, decl.status_item_status_pointer
        if pointer is not None:
            before = copy.deepcopy(body)
            templates = [i for i in jp.get(body, pointer) or [] if isinstance(i, dict)]
            if own and templates:
                items = []
                for i, item in enumerate(own):
                    merged = copy.deepcopy(templates[i % len(templates)])
                    if isinstance(item, dict):
                        merged.update({k: copy.deepcopy(v) for k, v in item.items() if k in merged})
                    if status_at is not None:
                        jp.put(merged, status_at, _item_state(polling, run, ended, is_failure and i == len(own) - 1))
                    items.append(merged)
                jp.put(body, pointer, items)
            elif not ended:
                jp.put(body, pointer, [])
            if not self._status_valid(body):
                body.clear()
                body.update(before)
        totals = {"total": total, "success": total - failures if ended else 0, "failure": failures}
        for at, what in decl.status_counts:
            if jp.get(body, at) is not None:
                jp.put(body, at, totals[what])

    # -- results -----------------------------------------------------------------------------------

    def results(self, call: Call) -> Answer | None:
        decl, op = self.decl.results, self.results_op
        assert decl is not None and op is not None
        named: list[Run] = []
        asked = False
        for results_param, status_param in decl.parameters:
            value = call.params.get(results_param)
            if value is None:
                continue
            asked = True
            for one in value if isinstance(value, list) else [value]:
                with self.kit.lock:
                    run = self.runs.get(((status_param, str(one)),))
                if run is None:
                    return not_found(op, "no such run")
                named.append(run)
        if not asked or call.negotiated is None:
            return None
        body = self._results_body(decl, op, named, call)
        return success(op, body, "results read")

    def _results_body(self, decl: Results, op: Operation, runs: list[Run], call: Call) -> Any:
        polling = self.polling
        name = self.decl.starts[runs[0].start].results_example if runs else None
        example = next((e for e in (op.success.examples if op.success else ()) if e.name == name), None)
        body = copy.deepcopy(example.value) if example is not None else call.negotiated and call.negotiated.body
        if not isinstance(body, dict):
            return body
        for key, given in call.params.items():
            if key in body and not isinstance(given, list):
                body[key] = given
        shapes = _ItemShapes(op, decl, polling, self.kit.valid(op), body)
        items: list[Any] = []
        good = bad = waiting = 0
        for run in runs:
            with self.kit.lock:
                over = run.over()
                if len(run.sub_ids) < run.count and run.count > 1:
                    run.sub_ids = [_sub_id(next(iter(run.ids.values()), ""), i) for i in range(run.count)]
            is_failure = failed(polling, run.outcome)
            for i in range(run.count):
                own_id = run.sub_ids[i] if run.count > 1 else next(iter(run.ids.values()), "")
                value: Any
                if not over:
                    state, value = "pending", _pending_value(polling, run)
                    waiting += 1
                elif is_failure and i == run.count - 1:
                    state, value = "failure", _outcome_value(polling, run.outcome, failure=True)
                    bad += 1
                else:
                    state, value = "success", polling.success[0] if polling.success else "success"
                    good += 1
                items.append(shapes.item(state, value, own_id))
        jp.put(body, decl.items_pointer, items)
        totals = {"total": len(items), "success": good, "failure": bad}
        for pointer, what in decl.counts:
            jp.put(body, pointer, totals[what])
        if decl.status_pointer is not None:
            overall: Any
            if waiting:
                later = polling.pending[-1] if polling.pending else "pending"
                overall = later if good or bad else _pending_value(polling, next(r for r in runs if not r.over()))
            else:
                overall = (
                    polling.failure[0] if bad and polling.failure else polling.success[0] if polling.success else ""
                )
            jp.put(body, decl.status_pointer, overall)
        return body


class _ItemShapes:
    """Result items shaped like the spec's example items in the same state (computed once per read)."""

    def __init__(self, op: Operation, decl: Results, polling: Polling, valid: Valid, body: dict[str, Any]) -> None:
        self.decl = decl
        self.valid = valid
        self.body = body
        found: list[Any] = []
        for example in op.success.examples if op.success else ():
            found += [i for i in jp.get(example.value, decl.items_pointer) or [] if isinstance(i, dict)]
        self.templates = found
        self.polling = polling
        self._pending: dict[str, Any] | None = None

    def _template(self, values: tuple[Any, ...]) -> dict[str, Any]:
        pointer = self.decl.item_status_pointer
        for item in self.templates:
            if pointer is not None and _among(jp.get(item, pointer), values):
                return copy.deepcopy(item)
        return copy.deepcopy(self.templates[0]) if self.templates else {}

    def item(self, state: str, value: Any, own_id: str) -> dict[str, Any]:
        if state == "pending":
            item = self._pending_template()
        else:
            item = self._template(self.polling.success if state == "success" else self.polling.failure)
        if self.decl.item_status_pointer is not None:
            jp.put(item, self.decl.item_status_pointer, value)
        if self.decl.item_id_pointer is not None:
            old = jp.get(item, self.decl.item_id_pointer)
            jp.put(item, self.decl.item_id_pointer, own_id)
            replace_id(item, str(old), own_id)
        return item

    def _pending_template(self) -> dict[str, Any]:
        """An item with what only an ended run has made null or left out, as far as the schema allows."""
        if self._pending is None:
            item = self._template(self.polling.success)
            keep = {self.decl.item_id_pointer, self.decl.item_status_pointer}
            for key in list(item):
                if "/" + key in keep:
                    continue
                before = item[key]
                item[key] = None
                if self._fits(item):
                    continue
                del item[key]
                if not self._fits(item):
                    item[key] = before
            self._pending = item
        return copy.deepcopy(self._pending)

    def _fits(self, item: dict[str, Any]) -> bool:
        trial = copy.deepcopy(self.body)
        jp.put(trial, self.decl.items_pointer, [item])
        return self.valid(trial)


def _rename(body: Any, run: Run) -> None:
    for old, new in run.renames:
        replace_id(body, old, new)


def _pending_value(polling: Polling, run: Run) -> Any:
    pending = polling.pending or ("pending",)
    return pending[min(max(run.reads, 1) - 1, len(pending) - 1)]


def _outcome_value(polling: Polling, outcome: str, *, failure: bool) -> Any:
    values = {_text(v): v for v in (*polling.success, *polling.failure)}
    if outcome in values:
        return values[outcome]
    return (
        (polling.failure[0] if failure else polling.success[0])
        if (polling.failure if failure else polling.success)
        else outcome
    )


def _sub_id(run_id: str, index: int) -> str:
    try:
        return str(uuid.uuid5(uuid.UUID(run_id), str(index)))
    except ValueError:
        return f"{run_id}-{index + 1}"


def _fresh_like(old: Any) -> str:
    """A fresh id shaped like the example's (`res_9f3e` gives `res_` and hex)."""
    text = str(old or "")
    prefix = text.rsplit("_", 1)[0] + "_" if "_" in text else ""
    return prefix + secrets.token_hex(3)


def _segment(value: Any) -> str:
    from urllib.parse import quote

    # Percent-encoded: an element may hold anything, and a URL that names it must stay a URI.
    return quote(str(value).encode("utf-8", "surrogatepass"), safe="")


def _finish(body: Any, polling: Polling, outcome: str, judged: bool) -> None:
    """Write a terminal state for `outcome` into a status answer."""
    if judged:
        for rule in polling.judged:
            if outcome in ("success", "failure"):
                jp.put(body, polling.status_pointer, rule.value)
                failures = jp.get(body, rule.failures_pointer)
                if outcome == "success":
                    jp.put(body, rule.failures_pointer, 0)
                elif not isinstance(failures, int) or failures < 1:
                    jp.put(body, rule.failures_pointer, 1)
                return
    values = polling.success if outcome == "success" else polling.failure if outcome == "failure" else ()
    if values:
        if not _among(jp.get(body, polling.status_pointer), values):
            jp.put(body, polling.status_pointer, values[0])
        return
    known = {_text(v): v for v in (*polling.success, *polling.failure)}
    jp.put(body, polling.status_pointer, known.get(outcome, outcome))


def _item_state(polling: Polling, run: Run, ended: bool, fails: bool) -> Any:
    if not ended:
        return _pending_value(polling, run)
    if fails:
        return _outcome_value(polling, run.outcome, failure=True)
    return polling.success[0] if polling.success else "success"


def _pick(examples: tuple[Example, ...], state: Any) -> Example | None:
    """The first example matching the run's state, else the first."""
    return next((e for e in examples if state(e)), examples[0] if examples else None)


def _terminal_match(example: Example, polling: Polling, outcome: str, judged: bool) -> bool:
    status = jp.get(example.value, polling.status_pointer)
    if judged:
        for rule in polling.judged:
            if status == rule.value and outcome in ("success", "failure"):
                failures = jp.get(example.value, rule.failures_pointer)
                return isinstance(failures, int) and (failures > 0) == (outcome == "failure")
    if outcome == "success":
        return _among(status, polling.success)
    if outcome == "failure":
        return _among(status, polling.failure)
    return _text(status) == outcome
