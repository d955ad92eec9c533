"""The IR of the extensions `testrelay run` reads: `x-test-results`, `x-ci-context`, `x-build-upload`.

`check` has validated each against its JSON Schema before a build, so the shapes are known here.
"""

from __future__ import annotations

from typing import Any

from generator.spec.ir import BuildUpload, CiContext, CiContextVariant, ResultCounts, ResultItems, TestResults

_SECONDS_PER_UNIT = {"seconds": 1.0, "milliseconds": 1e-3, "microseconds": 1e-6}


def pipeline_extensions(node: dict[str, Any]) -> dict[str, Any]:
    """The Operation fields these extensions fill, from an operation object."""
    return {
        "test_results": results_extension(node.get("x-test-results")),
        "ci_context": ci_context(node.get("x-ci-context")),
        "build_upload": build_upload(node.get("x-build-upload")),
    }


def _pointers(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    return (str(raw),) if isinstance(raw, str) else tuple(str(p) for p in raw)


def _opt(raw: Any) -> str | None:
    return str(raw) if isinstance(raw, str) else None


def results_extension(raw: Any) -> TestResults | None:
    if not isinstance(raw, dict):
        return None
    items = raw.get("items")
    counts = raw.get("counts")
    statuses = raw.get("statuses") or {}
    return TestResults(
        items=ResultItems(
            pointer=str(items["pointer"]),
            name=_pointers(items.get("name")),
            status=str(items["status"]),
            duration=_opt(items.get("duration")),
            message=_opt(items.get("message")),
            id=_opt(items.get("id")),
            group=_pointers(items.get("group")),
            links=tuple((str(k), str(v)) for k, v in (items.get("links") or {}).items()),
        )
        if isinstance(items, dict)
        else None,
        counts=ResultCounts(
            total=str(counts["total"]),
            passed=str(counts["passed"]),
            skipped=_opt(counts.get("skipped")),
            name=_pointers(counts.get("name")),
            duration=_opt(counts.get("duration")),
        )
        if isinstance(counts, dict)
        else None,
        group=_pointers(raw.get("group")),
        seconds_per_unit=_SECONDS_PER_UNIT.get(str(raw.get("durationUnit", "seconds")), 1.0),
        passed=tuple(statuses.get("passed") or ()),
        failed=tuple(statuses.get("failed") or ()),
        error=tuple(statuses.get("error") or ()),
        skipped=tuple(statuses.get("skipped") or ()),
    )


def ci_context(raw: Any) -> CiContext | None:
    if not isinstance(raw, dict):
        return None
    variants = tuple(
        CiContextVariant(
            providers=tuple(str(p) for p in v.get("providers") or ()),
            fields=tuple((str(k), str(f)) for k, f in (v.get("fields") or {}).items()),
            constants=tuple((str(k), c) for k, c in (v.get("constants") or {}).items()),
        )
        for v in raw.get("variants") or ()
        if isinstance(v, dict)
    )
    return CiContext(pointer=str(raw["pointer"]), variants=variants)


def build_upload(raw: Any) -> BuildUpload | None:
    if not isinstance(raw, dict):
        return None
    upload, register, into = raw["upload"], raw["register"], raw["into"]
    return BuildUpload(
        upload_operation_id=str(upload["operationId"]),
        url_pointer=str(upload["urlPointer"]),
        method=str(upload.get("method", "PUT")),
        content_type=str(upload.get("contentType", "application/octet-stream")),
        register_operation_id=str(register["operationId"]),
        register_body=tuple((str(k), str(v)) for k, v in register["body"].items()),
        id_pointer=str(raw["idPointer"]),
        into_pointer=str(into["pointer"]),
        into_field=str(into["field"]),
        replaces=tuple(str(r) for r in into.get("replaces") or ()),
    )
