"""`check` rules for `x-mock`: every operation it names exists, and every pointer and parameter resolves.

Pointers are checked in the schema they point into: a trigger's answer, a consumer's request, an
item of a results list. A `*` token stands for an array's elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec import document
from generator.spec import pointer as jp
from generator.spec.behaviours import EACH, fits_schema, operation_refs
from generator.spec.document import OperationRef, deref, schema_has_pointer, success_json_schema
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem

_AT = "/x-mock"


def run(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    raw = spec.data.get("x-mock")
    if not isinstance(raw, dict) or not fits_schema(raw):
        return  # the extension's schema says what is wrong with it
    by_id = {op.operation_id: op for op in ops if op.operation_id}
    missing = False
    for op_id, where in operation_refs(raw):
        if op_id not in by_id:
            missing = True
            yield spec.problem(jp.join(_AT, *where), f"no operation has operationId {op_id!r}")
    if missing:
        return
    rules = _Rules(spec, by_id)
    for i, store in enumerate(raw.get("runs") or ()):
        yield from rules.run_store(jp.join(_AT, "runs", i), store)
    for i, sink in enumerate(raw.get("sinks") or ()):
        yield from rules.sink(jp.join(_AT, "sinks", i), sink)
    for i, upload in enumerate(raw.get("uploads") or ()):
        yield from rules.upload(jp.join(_AT, "uploads", i), upload)
    for i, resource in enumerate(raw.get("resources") or ()):
        yield from rules.resource(jp.join(_AT, "resources", i), resource)
    for i, pages in enumerate(raw.get("pages") or ()):
        yield from rules.pages(jp.join(_AT, "pages", i), pages)


def _under(*pointers: str | None) -> str:
    return "".join(p for p in pointers if p)


class _Rules:
    def __init__(self, spec: LoadedSpec, by_id: dict[str, OperationRef]) -> None:
        self.spec = spec
        self.by_id = by_id

    # -- building blocks ---------------------------------------------------------------------------

    def answer(self, at: str, op_id: str, pointer: Any) -> Iterator[Problem]:
        if not isinstance(pointer, str):
            return
        op = self.by_id[op_id]
        found = success_json_schema(self.spec, op)
        if found is None:
            yield self.spec.problem(at, f"{op_id} has no 2xx JSON answer for {pointer} to point into")
        elif not schema_has_pointer(self.spec, found[2], _concrete(pointer)):
            yield self.spec.problem(at, f"{pointer} does not resolve in the {found[0]} answer schema of {op_id}")

    def request(self, at: str, op_id: str, pointer: Any) -> Iterator[Problem]:
        if not isinstance(pointer, str):
            return
        op = self.by_id[op_id]
        body_ptr, body = deref(self.spec, jp.join(op.pointer, "requestBody"), op.node.get("requestBody"))
        schema = next((s for _, _, s in document.json_schemas(self.spec, body_ptr, body)), None)
        if schema is None:
            yield self.spec.problem(at, f"{op_id} has no JSON request body for {pointer} to point into")
        elif not schema_has_pointer(self.spec, schema, _concrete(pointer)):
            yield self.spec.problem(at, f"{pointer} does not resolve in the request body schema of {op_id}")

    def parameter(self, at: str, op_id: str, name: Any, location: str | None = None) -> Iterator[Problem]:
        if not isinstance(name, str):
            return
        from generator.spec.lints import parameters_of  # lints imports this module

        param = parameters_of(self.spec, self.by_id[op_id]).get(name)
        if param is None or (location is not None and param.get("in") != location):
            where = f"{location} parameter" if location else "parameter"
            yield self.spec.problem(at, f"{op_id} has no {where} {name!r}")

    def example(self, at: str, op_id: str, name: Any) -> Iterator[Problem]:
        if isinstance(name, str) and name not in self._example_names(op_id):
            yield self.spec.problem(at, f"{op_id}'s 2xx answer has no example named {name!r}")

    def _example_names(self, op_id: str) -> set[str]:
        found = success_json_schema(self.spec, self.by_id[op_id])
        if found is None:
            return set()
        media = jp.resolve(self.spec.data, jp.parent(found[1]))
        examples = media.get("examples") if isinstance(media, dict) else None
        return set(examples) if isinstance(examples, dict) else set()

    def items_of(self, op_id: str) -> str:
        """Where a list operation's items are: its x-pagination `itemsPointer`, else the answer itself."""
        paging = self.by_id[op_id].node.get("x-pagination")
        items = paging.get("itemsPointer") if isinstance(paging, dict) else None
        return (items if isinstance(items, str) else "") + "/" + EACH

    # -- behaviours --------------------------------------------------------------------------------

    def run_store(self, at: str, store: dict[str, Any]) -> Iterator[Problem]:
        trigger, status = store["trigger"], store["status"]
        if not isinstance(self.by_id[status].node.get("x-polling"), dict):
            yield self.spec.problem(jp.join(at, "status"), f"{status} has no x-polling to read a run's state by")
        for j, start in enumerate(store.get("starts") or ()):
            s_at = jp.join(at, "starts", j)
            for param, pointer in (start.get("ids") or {}).items():
                yield from self.parameter(jp.join(s_at, "ids", param), status, param)
                yield from self.answer(jp.join(s_at, "ids", param), trigger, pointer)
            yield from self.answer(jp.join(s_at, "countPointer"), trigger, start.get("countPointer"))
            for k, name in enumerate(start.get("statusExamples") or ()):
                yield from self.example(jp.join(s_at, "statusExamples", k), status, name)
            results = store.get("results")
            if "resultsExample" in start and isinstance(results, dict):
                yield from self.example(jp.join(s_at, "resultsExample"), results["operation"], start["resultsExample"])
        from generator.spec.lints import expression_problems  # lints imports this module

        schemas = [found[2]] if (found := success_json_schema(self.spec, self.by_id[trigger])) else []
        for pointer, expression in (store.get("echo") or {}).items():
            yield from self.answer(jp.join(at, "echo", pointer), trigger, pointer)
            yield from expression_problems(
                self.spec, self.by_id[trigger], jp.join(at, "echo", pointer), expression, schemas
            )
        for pointer in store.get("statusCounts") or {}:
            yield from self.answer(jp.join(at, "statusCounts", pointer), status, pointer)
        items = store.get("statusItemsPointer")
        yield from self.answer(jp.join(at, "statusItemsPointer"), status, items)
        if isinstance(items, str) and isinstance(store.get("statusItemStatusPointer"), str):
            where = _under(items, "/" + EACH, store["statusItemStatusPointer"])
            yield from self.answer(jp.join(at, "statusItemStatusPointer"), status, where)
        fan = store.get("fanOut")
        if isinstance(fan, dict):
            f_at = jp.join(at, "fanOut")
            items = fan["itemsPointer"]
            yield from self.answer(jp.join(f_at, "itemsPointer"), trigger, items)
            yield from self.request(jp.join(f_at, "entriesPointer"), trigger, fan.get("entriesPointer"))
            if isinstance(fan.get("eachPointer"), str):
                each = _under(fan.get("entriesPointer"), "/" + EACH, fan["eachPointer"])
                yield from self.request(jp.join(f_at, "eachPointer"), trigger, each)
            for key in ("copyTo", "freshPointer"):
                if isinstance(fan.get(key), str):
                    yield from self.answer(jp.join(f_at, key), trigger, _under(items, "/" + EACH, fan[key]))
        results = store.get("results")
        if isinstance(results, dict):
            r_at, op_id = jp.join(at, "results"), results["operation"]
            for name, status_param in (results.get("parameters") or {}).items():
                yield from self.parameter(jp.join(r_at, "parameters", name), op_id, name)
                yield from self.parameter(jp.join(r_at, "parameters", name), status, status_param)
            items = results["itemsPointer"]
            yield from self.answer(jp.join(r_at, "itemsPointer"), op_id, items)
            yield from self.answer(jp.join(r_at, "statusPointer"), op_id, results.get("statusPointer"))
            for pointer in results.get("counts") or {}:
                yield from self.answer(jp.join(r_at, "counts", pointer), op_id, pointer)
            for key in ("itemIdPointer", "itemStatusPointer"):
                if isinstance(results.get(key), str):
                    yield from self.answer(jp.join(r_at, key), op_id, _under(items, "/" + EACH, results[key]))

    def step(self, at: str, step: Any) -> Iterator[Problem]:
        if not isinstance(step, dict):
            return
        op_id = step["operation"]
        yield from self.parameter(jp.join(at, "parameter"), op_id, step.get("parameter"), "path")
        yield from self.answer(jp.join(at, "idPointer"), op_id, step.get("idPointer"))
        yield from self.answer(jp.join(at, "rowPointer"), op_id, step.get("rowPointer"))
        yield from self.request(jp.join(at, "itemsPointer"), op_id, step.get("itemsPointer"))

    def sink(self, at: str, sink: dict[str, Any]) -> Iterator[Problem]:
        threads = sink.get("threads") or {}
        for key in ("create", "read", "list", "append", "complete"):
            yield from self.step(jp.join(at, key), sink.get(key))
        for key, step in threads.items():
            yield from self.step(jp.join(at, "threads", key), step)
        items = sink["items"]
        yield from self.step(jp.join(at, "items", "list"), items["list"])
        appended = threads.get("append")
        if isinstance(appended, dict) and isinstance(appended.get("itemsPointer"), str):
            where = _under(appended["itemsPointer"], "/" + EACH, items["statusPointer"])
            yield from self.request(jp.join(at, "items", "statusPointer"), appended["operation"], where)
        list_op = items["list"]["operation"]
        for key in ("rowStatusPointer", "idPointer", "threadPointer"):
            if isinstance(items.get(key), str):
                yield from self.answer(jp.join(at, "items", key), list_op, self.items_of(list_op) + items[key])
        row = sink.get("row") or {}
        read = sink["read"]
        base = read.get("rowPointer") or ""
        for key in ("statusPointer", "completedPointer", "createdAtPointer", "completedAtPointer"):
            if isinstance(row.get(key), str):
                yield from self.answer(jp.join(at, "row", key), read["operation"], base + row[key])
        for pointer in row.get("counts") or {}:
            yield from self.answer(jp.join(at, "row", "counts", pointer), read["operation"], base + pointer)

    def upload(self, at: str, upload: dict[str, Any]) -> Iterator[Problem]:
        yield from self.answer(jp.join(at, "idPointer"), upload["create"], upload["idPointer"])
        yield from self.answer(jp.join(at, "urlPointer"), upload["create"], upload["urlPointer"])
        yield from self.request(jp.join(at, "uploadPointer"), upload["consumer"], upload["uploadPointer"])
        yield from self.answer(jp.join(at, "madePointer"), upload["consumer"], upload["madePointer"])
        for i, ref in enumerate(upload.get("references") or ()):
            yield from self.request(jp.join(at, "references", i, "pointer"), ref["operation"], ref["pointer"])

    def pages(self, at: str, pages: dict[str, Any]) -> Iterator[Problem]:
        op_id = pages["operation"]
        if not isinstance(self.by_id[op_id].node.get("x-pagination"), dict):
            yield self.spec.problem(jp.join(at, "operation"), f"{op_id} has no x-pagination")
        yield from self.parameter(jp.join(at, "sizeParameter"), op_id, pages.get("sizeParameter"), "query")
        for key in ("pagePointer", "prevPagePointer", "lastPagePointer", "sizePointer", "totalPointer"):
            yield from self.answer(jp.join(at, key), op_id, pages.get(key))
        if isinstance(pages.get("itemIdPointer"), str):
            where = self.items_of(op_id) + pages["itemIdPointer"]
            yield from self.answer(jp.join(at, "itemIdPointer"), op_id, where)

    def resource(self, at: str, resource: dict[str, Any]) -> Iterator[Problem]:
        if isinstance(resource.get("create"), str):
            yield from self.answer(jp.join(at, "idPointer"), resource["create"], resource["idPointer"])
        for key in ("read", "update", "delete"):
            if isinstance(resource.get(key), str):
                yield from self.parameter(jp.join(at, key), resource[key], resource["parameter"], "path")


def _concrete(pointer: str) -> str:
    """The pointer with each `*` as the first element, which is how schemas are searched."""
    return jp.from_path("0" if token == EACH else token for token in jp.split(pointer))
