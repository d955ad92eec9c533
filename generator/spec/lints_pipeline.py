"""Rules for the extensions `testrelay run` reads: every pointer they hold resolves where it points.

`x-test-results` points into its operation's 2xx response, `x-ci-context` into the request body,
and `x-build-upload` into the responses and bodies of the operations it names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec import pointer as jp
from generator.spec.document import OperationRef, schema_has_pointer, success_json_schema
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem


def run(spec: LoadedSpec, ops: list[OperationRef], request_schema: Any) -> Iterator[Problem]:
    """`request_schema(spec, op)` is the operation's JSON request body schema, or None."""
    by_id = {op.operation_id: op for op in ops if op.operation_id is not None}
    for op in ops:
        if isinstance(op.node.get("x-test-results"), dict):
            yield from _results(spec, op, op.node["x-test-results"])
        if isinstance(op.node.get("x-ci-context"), dict):
            yield from _context(spec, op, op.node["x-ci-context"], request_schema(spec, op))
        if isinstance(op.node.get("x-build-upload"), dict):
            yield from _upload(spec, op, op.node["x-build-upload"], by_id, request_schema)


def _list(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []


def _in_response(spec: LoadedSpec, op: OperationRef, at: str, pointer: Any, what: str) -> Iterator[Problem]:
    found = success_json_schema(spec, op)
    if found is None:
        yield spec.problem(at, f"{what} needs a 2xx JSON response of {op.operation_id} to point into")
    elif isinstance(pointer, str) and not schema_has_pointer(spec, found[2], pointer):
        yield spec.problem(at, f"{pointer} does not resolve in the {found[0]} response schema of {op.operation_id}")


def _results(spec: LoadedSpec, op: OperationRef, declared: dict[str, Any]) -> Iterator[Problem]:
    at = jp.join(op.pointer, "x-test-results")
    items = declared.get("items")
    if isinstance(items, dict) and isinstance(items.get("pointer"), str):
        base = items["pointer"]
        yield from _in_response(spec, op, jp.join(at, "items", "pointer"), base, "x-test-results")
        for key in ("name", "status", "duration", "message", "id", "group"):
            for i, pointer in enumerate(_list(items.get(key))):
                where = jp.join(at, "items", key, i) if isinstance(items.get(key), list) else jp.join(at, "items", key)
                if isinstance(pointer, str):
                    yield from _in_response(spec, op, where, f"{base}/0{pointer}", "x-test-results")
        for label, pointer in (items.get("links") or {}).items():
            if isinstance(pointer, str):
                yield from _in_response(
                    spec, op, jp.join(at, "items", "links", label), f"{base}/0{pointer}", "x-test-results"
                )
    counts = declared.get("counts")
    if isinstance(counts, dict):
        for key in ("total", "passed", "skipped", "duration", "name"):
            for pointer in _list(counts.get(key)):
                yield from _in_response(spec, op, jp.join(at, "counts", key), pointer, "x-test-results")
    for pointer in _list(declared.get("group")):
        yield from _in_response(spec, op, jp.join(at, "group"), pointer, "x-test-results")


def _context(spec: LoadedSpec, op: OperationRef, declared: dict[str, Any], body: Any) -> Iterator[Problem]:
    at = jp.join(op.pointer, "x-ci-context")
    pointer = declared.get("pointer")
    if body is None:
        yield spec.problem(at, f"{op.operation_id} has no JSON request body to put a CI context into")
        return
    if not isinstance(pointer, str):
        return
    if not schema_has_pointer(spec, body, pointer):
        yield spec.problem(jp.join(at, "pointer"), f"{pointer} does not resolve in the request body schema")
        return
    for i, variant in enumerate(declared.get("variants") or []):
        if not isinstance(variant, dict):
            continue
        for key in ("fields", "constants"):
            for name in variant.get(key) or {}:
                if not schema_has_pointer(spec, body, f"{pointer}/{jp.escape(str(name))}"):
                    yield spec.problem(
                        jp.join(at, "variants", i, key, name),
                        f"{pointer}/{name} does not resolve in the request body schema",
                    )


def _upload(
    spec: LoadedSpec,
    op: OperationRef,
    declared: dict[str, Any],
    by_id: dict[str, OperationRef],
    request_schema: Any,
) -> Iterator[Problem]:
    at = jp.join(op.pointer, "x-build-upload")
    upload, register, into = declared.get("upload") or {}, declared.get("register") or {}, declared.get("into") or {}
    upload_op = by_id.get(str(upload.get("operationId")))
    register_op = by_id.get(str(register.get("operationId")))
    for part, target in (("upload", upload_op), ("register", register_op)):
        if target is None:
            name = (declared.get(part) or {}).get("operationId")
            yield spec.problem(jp.join(at, part, "operationId"), f"no operation has operationId {name!r}")
    if upload_op is not None:
        yield from _in_response(
            spec, upload_op, jp.join(at, "upload", "urlPointer"), upload.get("urlPointer"), "x-build-upload"
        )
        for field, pointer in (register.get("body") or {}).items():
            yield from _in_response(spec, upload_op, jp.join(at, "register", "body", field), pointer, "x-build-upload")
    if register_op is not None:
        yield from _in_response(
            spec, register_op, jp.join(at, "idPointer"), declared.get("idPointer"), "x-build-upload"
        )
        body = request_schema(spec, register_op)
        for field in register.get("body") or {}:
            if body is None or not schema_has_pointer(spec, body, "/" + jp.escape(str(field))):
                yield spec.problem(
                    jp.join(at, "register", "body", field),
                    f"{field!r} is not a body field of {register_op.operation_id}",
                )
    body = request_schema(spec, op)
    pointer, field = into.get("pointer"), into.get("field")
    if isinstance(pointer, str) and isinstance(field, str):
        escaped = jp.escape(field)
        if body is None or not (
            schema_has_pointer(spec, body, f"{pointer}/0/{escaped}")
            or schema_has_pointer(spec, body, f"{pointer}/{escaped}")
        ):
            yield spec.problem(jp.join(at, "into"), f"{pointer} holds no {field!r} in the request body schema")
