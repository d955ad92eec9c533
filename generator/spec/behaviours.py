"""The `x-mock` extension read into the IR: which operations play which part of a generic mock behaviour.

A spec binds its operations, by operationId, to four behaviours the mock knows (run stores, result
sinks, presigned uploads and CRUD resources) and says with JSON pointers where each value sits in
its requests and answers. The mock reads only these dataclasses; `check` has already validated the
raw extension against generator/extensions/x-mock.schema.json and resolved its references.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EACH = "*"
"""The pointer token that stands for every element of an array (`/test_run_ids/*`)."""


@dataclass(frozen=True)
class Start:
    """One way a trigger's answer names the runs it started."""

    ids: tuple[tuple[str, str], ...]
    """(status parameter, pointer into the trigger's answer); a `*` token gives one run per element."""
    count_pointer: str | None = None
    """Where the answer says how many results the run will hold (default one)."""
    status_examples: tuple[str, ...] = ()
    """The status operation's examples that show this kind of run (default: all of them)."""
    results_example: str | None = None
    """The results operation's example that shows this kind of run."""


@dataclass(frozen=True)
class FanOut:
    """Items of the trigger's answer made from the request: one per entry (times per element of `each`)."""

    items_pointer: str
    """The answer's list of items, listed again by the status answer once the run ends."""
    entries_pointer: str | None = None
    """The request's list of entries; one item per entry."""
    each_pointer: str | None = None
    """Inside an entry, a list: one item per element, written at `copy_to`."""
    copy_to: str | None = None
    fresh_pointer: str | None = None
    """Inside an item, the id the mock makes fresh."""


@dataclass(frozen=True)
class Results:
    operation: str
    parameters: tuple[tuple[str, str], ...]
    """(results parameter, status parameter): a list-valued results parameter names several runs."""
    items_pointer: str
    item_id_pointer: str | None = None
    item_status_pointer: str | None = None
    status_pointer: str | None = None
    """In the answer: the aggregate state (pending while any run is, else success or failure)."""
    counts: tuple[tuple[str, str], ...] = ()
    """(pointer into the answer, what it counts: total, success or failure)."""


@dataclass(frozen=True)
class RunStore:
    trigger: str
    status: str
    starts: tuple[Start, ...]
    echo: tuple[tuple[str, str], ...] = ()
    """(pointer into the trigger's answer, runtime expression into its request)."""
    fan_out: FanOut | None = None
    results: Results | None = None
    status_counts: tuple[tuple[str, str], ...] = ()
    """(pointer into the status answer, total, success or failure), written only where the answer has it."""
    status_items_pointer: str | None = None
    status_item_status_pointer: str | None = None


@dataclass(frozen=True)
class Step:
    """One operation of a result sink: the path parameter naming its object, and where a new id goes."""

    operation: str
    parameter: str | None = None
    id_pointer: str | None = None
    items_pointer: str | None = None
    row_pointer: str | None = None


@dataclass(frozen=True)
class SinkItems:
    list: Step
    status_pointer: str
    """In an appended item: its status name."""
    success: tuple[Any, ...]
    failure: tuple[Any, ...]
    row_status_pointer: str | None = None
    """In a listed item: the status value written for each outcome in `status_values`."""
    status_values: tuple[tuple[str, Any], ...] = ()
    id_pointer: str | None = None
    thread_pointer: str | None = None


@dataclass(frozen=True)
class SinkRow:
    """How a stored run is shown: its state's values and the counters kept from its items."""

    status_pointer: str | None = None
    status_values: tuple[tuple[str, Any], ...] = ()
    """`running`, `success`, `failure` -> value."""
    completed_pointer: str | None = None
    created_at_pointer: str | None = None
    completed_at_pointer: str | None = None
    counts: tuple[tuple[str, str], ...] = ()
    """(pointer, what it counts: total, success, failure, neutral, threads, activeThreads, completedThreads)."""


@dataclass(frozen=True)
class Sink:
    create: Step
    read: Step
    row: SinkRow
    items: SinkItems
    list: Step | None = None
    append: Step | None = None
    complete: Step | None = None
    thread_create: Step | None = None
    thread_append: Step | None = None
    thread_complete: Step | None = None


@dataclass(frozen=True)
class Upload:
    create: str
    id_pointer: str
    url_pointer: str
    content_type: str
    consumer: str
    upload_pointer: str
    """In the consumer's request: the upload it takes."""
    made_pointer: str
    """In the consumer's answer: the id of what it made."""
    references: tuple[tuple[str, str], ...] = ()
    """(operation, pointer into its request, `*` for each element) that must name something made."""


@dataclass(frozen=True)
class Resource:
    parameter: str
    """The item's path parameter."""
    id_pointer: str
    create: str | None = None
    read: str | None = None
    update: str | None = None
    delete: str | None = None
    list: str | None = None


@dataclass(frozen=True)
class Pages:
    """How a paged list states its page: the size parameter and the envelope's pointers."""

    operation: str
    size_parameter: str | None = None
    page_pointer: str | None = None
    prev_page_pointer: str | None = None
    last_page_pointer: str | None = None
    size_pointer: str | None = None
    total_pointer: str | None = None
    item_id_pointer: str | None = None
    """In an item: its id, made unique in seeded lists (and the cursor, when the cursor is an id)."""


@dataclass(frozen=True)
class Behaviours:
    runs: tuple[RunStore, ...] = ()
    sinks: tuple[Sink, ...] = ()
    uploads: tuple[Upload, ...] = ()
    resources: tuple[Resource, ...] = ()
    pages: tuple[Pages, ...] = ()
    operations: frozenset[str] = field(default_factory=frozenset)
    """Every operation a behaviour names."""


def fits_schema(raw: Any) -> bool:
    """Whether an `x-mock` value fits its JSON Schema: only then do `parse` and the lints read it."""
    from generator import extensions  # jsonschema: loaded only for specs that have the extension

    return bool(extensions.validator("x-mock").is_valid(raw))


def parse(raw: Any) -> Behaviours:
    """The IR of a checked `x-mock` value; a value that breaks its schema (which `check` reports) gives none.

    Not validated with jsonschema here: building a mock must not import it (see generator/mock/validate.py),
    so a value of the wrong shape is caught where reading it fails.
    """
    try:
        return _parse(raw)
    except (KeyError, TypeError, AttributeError, ValueError):
        return Behaviours()


def _parse(raw: Any) -> Behaviours:
    if not isinstance(raw, dict):
        return Behaviours()
    runs = tuple(_run_store(r) for r in raw.get("runs") or () if isinstance(r, dict))
    sinks = tuple(_sink(s) for s in raw.get("sinks") or () if isinstance(s, dict))
    uploads = tuple(_upload(u) for u in raw.get("uploads") or () if isinstance(u, dict))
    resources = tuple(_resource(r) for r in raw.get("resources") or () if isinstance(r, dict))
    pages = tuple(
        Pages(
            operation=p["operation"],
            size_parameter=p.get("sizeParameter"),
            page_pointer=p.get("pagePointer"),
            prev_page_pointer=p.get("prevPagePointer"),
            last_page_pointer=p.get("lastPagePointer"),
            size_pointer=p.get("sizePointer"),
            total_pointer=p.get("totalPointer"),
            item_id_pointer=p.get("itemIdPointer"),
        )
        for p in raw.get("pages") or ()
        if isinstance(p, dict)
    )
    named = {op for op, where in operation_refs(raw) if where[0] != "pages"}
    return Behaviours(runs, sinks, uploads, resources, pages, frozenset(named))


def operation_refs(raw: Any) -> list[tuple[str, tuple[str | int, ...]]]:
    """Every operationId the extension names, with where (tokens under `x-mock`): for `check` and `parse`."""
    found: list[tuple[str, tuple[str | int, ...]]] = []
    if not isinstance(raw, dict):
        return found
    for kind, keys in (("runs", ("trigger", "status")), ("uploads", ("create", "consumer"))):
        for i, entry in enumerate(raw.get(kind) or ()):
            for key in keys:
                if isinstance(entry, dict) and isinstance(entry.get(key), str):
                    found.append((entry[key], (kind, i, key)))
            if kind == "runs" and isinstance(entry, dict) and isinstance(entry.get("results"), dict):
                found.append((entry["results"].get("operation", ""), (kind, i, "results", "operation")))
            if kind == "uploads" and isinstance(entry, dict):
                for j, ref in enumerate(entry.get("references") or ()):
                    if isinstance(ref, dict):
                        found.append((ref.get("operation", ""), (kind, i, "references", j, "operation")))
    for i, entry in enumerate(raw.get("pages") or ()):
        if isinstance(entry, dict) and isinstance(entry.get("operation"), str):
            found.append((entry["operation"], ("pages", i, "operation")))
    for i, entry in enumerate(raw.get("resources") or ()):
        for key in ("create", "read", "update", "delete", "list"):
            if isinstance(entry, dict) and isinstance(entry.get(key), str):
                found.append((entry[key], ("resources", i, key)))
    for i, entry in enumerate(raw.get("sinks") or ()):
        if not isinstance(entry, dict):
            continue
        for path, step in _sink_steps(entry):
            found.append((step.get("operation", ""), ("sinks", i, *path, "operation")))
    return found


def _sink_steps(entry: dict[str, Any]) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    steps: list[tuple[tuple[str, ...], dict[str, Any]]] = []
    for key in ("create", "read", "list", "append", "complete"):
        if isinstance(entry.get(key), dict):
            steps.append(((key,), entry[key]))
    for group in ("threads", "items"):
        for key, step in (entry.get(group) or {}).items():
            if isinstance(step, dict) and "operation" in step:
                steps.append(((group, key), step))
    return steps


def _pairs(raw: Any) -> tuple[tuple[str, Any], ...]:
    return tuple((str(k), v) for k, v in raw.items()) if isinstance(raw, dict) else ()


def _run_store(raw: dict[str, Any]) -> RunStore:
    starts = tuple(
        Start(
            ids=tuple((str(k), str(v)) for k, v in (s.get("ids") or {}).items()),
            count_pointer=s.get("countPointer"),
            status_examples=tuple(s.get("statusExamples") or ()),
            results_example=s.get("resultsExample"),
        )
        for s in raw.get("starts") or ()
        if isinstance(s, dict)
    )
    fan = raw.get("fanOut")
    fan_out = (
        FanOut(
            items_pointer=fan["itemsPointer"],
            entries_pointer=fan.get("entriesPointer"),
            each_pointer=fan.get("eachPointer"),
            copy_to=fan.get("copyTo"),
            fresh_pointer=fan.get("freshPointer"),
        )
        if isinstance(fan, dict)
        else None
    )
    res = raw.get("results")
    results = (
        Results(
            operation=res["operation"],
            parameters=tuple((str(k), str(v)) for k, v in (res.get("parameters") or {}).items()),
            items_pointer=res["itemsPointer"],
            item_id_pointer=res.get("itemIdPointer"),
            item_status_pointer=res.get("itemStatusPointer"),
            status_pointer=res.get("statusPointer"),
            counts=tuple((str(k), str(v)) for k, v in (res.get("counts") or {}).items()),
        )
        if isinstance(res, dict)
        else None
    )
    echo = tuple((str(k), str(v)) for k, v in (raw.get("echo") or {}).items())
    return RunStore(
        raw["trigger"],
        raw["status"],
        starts,
        echo,
        fan_out,
        results,
        status_counts=tuple((str(k), str(v)) for k, v in (raw.get("statusCounts") or {}).items()),
        status_items_pointer=raw.get("statusItemsPointer"),
        status_item_status_pointer=raw.get("statusItemStatusPointer"),
    )


def _step(raw: Any) -> Step | None:
    if not isinstance(raw, dict):
        return None
    return Step(
        operation=raw["operation"],
        parameter=raw.get("parameter"),
        id_pointer=raw.get("idPointer"),
        items_pointer=raw.get("itemsPointer"),
        row_pointer=raw.get("rowPointer"),
    )


def _sink(raw: dict[str, Any]) -> Sink:
    items = raw["items"]
    row = raw.get("row") or {}
    threads = raw.get("threads") or {}
    create, read, listed = _step(raw["create"]), _step(raw["read"]), _step(items["list"])
    assert create is not None and read is not None and listed is not None  # required by the schema
    return Sink(
        create=create,
        read=read,
        row=SinkRow(
            status_pointer=row.get("statusPointer"),
            status_values=_pairs(row.get("statusValues")),
            completed_pointer=row.get("completedPointer"),
            created_at_pointer=row.get("createdAtPointer"),
            completed_at_pointer=row.get("completedAtPointer"),
            counts=tuple((str(k), str(v)) for k, v in (row.get("counts") or {}).items()),
        ),
        items=SinkItems(
            list=listed,
            status_pointer=items["statusPointer"],
            success=tuple(items.get("success") or ()),
            failure=tuple(items.get("failure") or ()),
            row_status_pointer=items.get("rowStatusPointer"),
            status_values=_pairs(items.get("statusValues")),
            id_pointer=items.get("idPointer"),
            thread_pointer=items.get("threadPointer"),
        ),
        list=_step(raw.get("list")),
        append=_step(raw.get("append")),
        complete=_step(raw.get("complete")),
        thread_create=_step(threads.get("create")),
        thread_append=_step(threads.get("append")),
        thread_complete=_step(threads.get("complete")),
    )


def _upload(raw: dict[str, Any]) -> Upload:
    return Upload(
        create=raw["create"],
        id_pointer=raw["idPointer"],
        url_pointer=raw["urlPointer"],
        content_type=raw["contentType"],
        consumer=raw["consumer"],
        upload_pointer=raw["uploadPointer"],
        made_pointer=raw["madePointer"],
        references=tuple(
            (str(r["operation"]), str(r["pointer"])) for r in raw.get("references") or () if isinstance(r, dict)
        ),
    )


def _resource(raw: dict[str, Any]) -> Resource:
    return Resource(
        parameter=raw["parameter"],
        id_pointer=raw["idPointer"],
        create=raw.get("create"),
        read=raw.get("read"),
        update=raw.get("update"),
        delete=raw.get("delete"),
        list=raw.get("list"),
    )
