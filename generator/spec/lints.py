"""testrelay's own rules for the specs it builds from, beyond what OpenAPI requires.

Operation ids usable as Python names, examples that match their schemas, an example on
every 2xx JSON response, links that name real operations and parameters, and extension
pointers that resolve in the schemas they point into.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec import behaviour_lints, document, lints_pipeline, names
from generator.spec import pointer as jp
from generator.spec.document import OperationRef, deref, schema_has_pointer, success_json_schema
from generator.spec.instances import InstanceChecker
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem


def run(spec: LoadedSpec, *, schemas_valid: bool = True) -> list[Problem]:
    """Our rules; `schemas_valid=False` says schema problems were reported already."""
    ops = list(document.operations(spec))
    return [
        *_operation_ids(spec, ops),
        *_Examples(spec, ops, report_crashes=schemas_valid).problems(),
        *_success_examples(spec, ops),
        *_links(spec, ops),
        *_polling(spec, ops),
        *_pagination(spec, ops),
        *_token_exchange(spec, ops),
        *_rate_limit(spec, ops),
        *behaviour_lints.run(spec, ops),
        *lints_pipeline.run(spec, ops, _request_json_schema),
    ]


def _operation_ids(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for op in ops:
        op_id = op.operation_id
        at = jp.join(op.pointer, "operationId")
        if op_id is None:
            yield spec.problem(op.pointer, "operation has no operationId")
            continue
        if op_id in first:
            yield spec.problem(at, f"operationId {op_id!r} is already used at {first[op_id]}")
            continue
        first[op_id] = op.pointer
        if not names.IDENTIFIER.match(op_id):
            yield spec.problem(at, f"operationId {op_id!r} is not usable as an identifier")
        elif names.is_reserved(names.snake_case(op_id)):
            yield spec.problem(at, f"operationId {op_id!r} becomes the Python keyword {names.snake_case(op_id)!r}")


class _Examples:
    """Every `example` and `examples` value against the schema beside it."""

    def __init__(self, spec: LoadedSpec, ops: list[OperationRef], *, report_crashes: bool) -> None:
        self.spec = spec
        self.ops = ops
        self.checker = InstanceChecker(spec, report_crashes=report_crashes)
        self.done: set[str] = set()

    def problems(self) -> Iterator[Problem]:
        for op in self.ops:
            yield from self._parameters(op.node.get("parameters"), op.pointer)
            path_item_ptr = jp.parent(op.pointer)
            yield from self._parameters(jp.resolve(self.spec.data, path_item_ptr).get("parameters"), path_item_ptr)
            body_ptr, body = deref(self.spec, jp.join(op.pointer, "requestBody"), op.node.get("requestBody"))
            yield from self._content(body_ptr, body)
            for status, response in (op.node.get("responses") or {}).items():
                resp_ptr, resp = deref(self.spec, jp.join(op.pointer, "responses", status), response)
                yield from self._content(resp_ptr, resp)
                for name, header in ((resp or {}).get("headers") or {}).items():
                    h_ptr, h = deref(self.spec, jp.join(resp_ptr, "headers", name), header)
                    yield from self._holder(h_ptr, h)
        schemas = (self.spec.data.get("components") or {}).get("schemas") or {}
        for name, schema in schemas.items():
            ptr = jp.join("", "components", "schemas", name)
            if isinstance(schema, dict) and isinstance(schema.get("examples"), list):
                for i, value in enumerate(schema["examples"]):
                    yield from self.checker.problems(ptr, value, jp.join(ptr, "examples", i), "example")

    def _parameters(self, params: Any, pointer: str) -> Iterator[Problem]:
        for i, param in enumerate(params or []):
            p_ptr, p = deref(self.spec, jp.join(pointer, "parameters", i), param)
            yield from self._holder(p_ptr, p)
            yield from self._content(p_ptr, p)

    def _content(self, pointer: str, holder: Any) -> Iterator[Problem]:
        """JSON media types only: other media types' examples are serialized text, not instances."""
        content = holder.get("content") if isinstance(holder, dict) else None
        for media, media_obj in (content or {}).items():
            if document.is_json(media):
                yield from self._holder(jp.join(pointer, "content", media), media_obj)

    def _holder(self, pointer: str, holder: Any) -> Iterator[Problem]:
        """A media type, parameter or header: its `example` and `examples` against its `schema`."""
        if not isinstance(holder, dict) or "schema" not in holder or pointer in self.done:
            return
        self.done.add(pointer)
        schema_ptr = jp.join(pointer, "schema")
        if "example" in holder:
            yield from self.checker.problems(schema_ptr, holder["example"], jp.join(pointer, "example"), "example")
        for name, example in (holder.get("examples") or {}).items():
            ex_ptr, ex = deref(self.spec, jp.join(pointer, "examples", name), example)
            if isinstance(ex, dict) and "value" in ex:
                yield from self.checker.problems(schema_ptr, ex["value"], jp.join(ex_ptr, "value"), "example")


def _success_examples(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    for op in ops:
        for status, response in (op.node.get("responses") or {}).items():
            if not str(status).startswith("2"):
                continue
            resp_ptr, resp = deref(spec, jp.join(op.pointer, "responses", status), response)
            for media, media_obj in ((resp or {}).get("content") or {}).items():
                if not document.is_json(media) or not isinstance(media_obj, dict):
                    continue
                if "example" not in media_obj and not media_obj.get("examples"):
                    at = jp.join(resp_ptr, "content", media)
                    yield spec.problem(at, f"{status} JSON response has no example")


def parameters_of(spec: LoadedSpec, op: OperationRef) -> dict[str, dict[str, Any]]:
    """The operation's parameters by name, path-level ones included."""
    found: dict[str, dict[str, Any]] = {}
    path_item = jp.resolve(spec.data, jp.parent(op.pointer))
    for params in (path_item.get("parameters"), op.node.get("parameters")):
        for param in params or []:
            _, p = deref(spec, "", param)
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                found[p["name"]] = p
    return found


def _request_json_schema(spec: LoadedSpec, op: OperationRef) -> Any:
    body_ptr, body = deref(spec, jp.join(op.pointer, "requestBody"), op.node.get("requestBody"))
    for _, _, schema in document.json_schemas(spec, body_ptr, body):
        return schema
    return None


def _links(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    by_id = {op.operation_id: op for op in ops if op.operation_id}
    by_pointer = {op.pointer: op for op in ops}
    for op in ops:
        for status, response in (op.node.get("responses") or {}).items():
            resp_ptr, resp = deref(spec, jp.join(op.pointer, "responses", status), response)
            if not isinstance(resp, dict):
                continue
            schemas = [s for _, _, s in document.json_schemas(spec, resp_ptr, resp)]
            for name, link in (resp.get("links") or {}).items():
                link_ptr, link_obj = deref(spec, jp.join(resp_ptr, "links", name), link)
                if isinstance(link_obj, dict):
                    yield from _link(spec, op, link_ptr, link_obj, schemas, by_id, by_pointer)


def _link(
    spec: LoadedSpec,
    source: OperationRef,
    pointer: str,
    link: dict[str, Any],
    schemas: list[Any],
    by_id: dict[str, OperationRef],
    by_pointer: dict[str, OperationRef],
) -> Iterator[Problem]:
    target: OperationRef | None = None
    if "operationId" in link:
        target = by_id.get(link["operationId"])
        if target is None:
            yield spec.problem(jp.join(pointer, "operationId"), f"no operation has operationId {link['operationId']!r}")
    elif isinstance(link.get("operationRef"), str):
        ref = link["operationRef"]
        target = by_pointer.get(ref[1:]) if ref.startswith("#") else None
        if target is None:
            yield spec.problem(jp.join(pointer, "operationRef"), f"operationRef {ref!r} names no operation")
    if target is None:
        return
    target_params = parameters_of(spec, target)
    given = link.get("parameters") or {}
    for key, expression in given.items():
        at = jp.join(pointer, "parameters", key)
        name = key.split(".", 1)[1] if key.split(".", 1)[0] in ("path", "query", "header", "cookie") else key
        if name not in target_params:
            yield spec.problem(at, f"{target.operation_id} has no parameter {name!r}")
        if isinstance(expression, str):
            yield from _expression(spec, source, at, expression, schemas)
    for name, param in target_params.items():
        if param.get("in") == "path" and name not in given and f"path.{name}" not in given:
            yield spec.problem(jp.join(pointer, "parameters"), f"link gives no value for path parameter {name!r}")


def _expression(
    spec: LoadedSpec, source: OperationRef, at: str, expression: str, schemas: list[Any]
) -> Iterator[Problem]:
    if not expression.startswith("$"):
        return
    if expression.startswith("$response.body#"):
        body_pointer = expression[len("$response.body#") :]
        if not any(schema_has_pointer(spec, s, body_pointer) for s in schemas):
            yield spec.problem(at, f"{expression!r}: {body_pointer} is not in the response schema")
    elif expression.startswith("$request.body#"):
        body_pointer = expression[len("$request.body#") :]
        request = _request_json_schema(spec, source)
        if request is None or not schema_has_pointer(spec, request, body_pointer):
            yield spec.problem(at, f"{expression!r}: {body_pointer} is not in the request body schema")
    elif expression.startswith(("$request.path.", "$request.query.", "$request.header.")):
        name = expression.split(".", 2)[2]
        if name not in parameters_of(spec, source):
            yield spec.problem(at, f"{expression!r}: {source.operation_id} has no parameter {name!r}")
    elif expression not in ("$url", "$method", "$statusCode") and not expression.startswith(
        ("$response.header.", "$request.")
    ):
        yield spec.problem(at, f"{expression!r} is not a runtime expression")


def expression_problems(
    spec: LoadedSpec, source: OperationRef, at: str, expression: str, schemas: list[Any]
) -> Iterator[Problem]:
    """Problems of one runtime expression (`$request.body#/...`, `$response.body#/...`) used by `source`."""
    return _expression(spec, source, at, expression, schemas)


def _pointer_problem(spec: LoadedSpec, op: OperationRef, at: str, value: Any, what: str) -> Iterator[Problem]:
    found = success_json_schema(spec, op)
    if found is None:
        yield spec.problem(at, f"{what} needs a 2xx JSON response to point into")
    elif isinstance(value, str) and not schema_has_pointer(spec, found[2], value):
        yield spec.problem(at, f"{value} does not resolve in the {found[0]} response schema")


def _polling(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    for op in ops:
        polling = op.node.get("x-polling")
        if not isinstance(polling, dict):
            continue
        at = jp.join(op.pointer, "x-polling")
        yield from _pointer_problem(spec, op, jp.join(at, "statusPointer"), polling.get("statusPointer"), "x-polling")
        for i, rule in enumerate(polling.get("judged") or []):
            if isinstance(rule, dict):
                where = jp.join(at, "judged", i, "failuresPointer")
                yield from _pointer_problem(spec, op, where, rule.get("failuresPointer"), "x-polling")
        seen: dict[tuple[bool, Any], str] = {}
        for outcome in ("pending", "success", "failure"):
            values = polling.get(outcome)
            for value in values if isinstance(values, list) else ():
                if isinstance(value, dict | list):
                    continue  # the extension's schema says what is wrong with it
                key = (isinstance(value, bool), value)  # JSON keeps true and 1 apart; Python's dict would not
                if key in seen and seen[key] != outcome:
                    yield spec.problem(jp.join(at, outcome), f"{value!r} is both {seen[key]} and {outcome}")
                seen.setdefault(key, outcome)


def _pagination(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    for op in ops:
        paging = op.node.get("x-pagination")
        if not isinstance(paging, dict):
            continue
        at = jp.join(op.pointer, "x-pagination")
        for key in (
            "nextPagePointer",
            "cursorPointer",
            "hasMorePointer",
            "itemsPointer",
            "nextUrlPointer",
            "totalPointer",
        ):
            if key in paging:
                yield from _pointer_problem(spec, op, jp.join(at, key), paging[key], "x-pagination")
        params = parameters_of(spec, op)
        for key in ("pageParameter", "cursorParameter", "offsetParameter", "limitParameter"):
            name = paging.get(key)
            if isinstance(name, str) and params.get(name, {}).get("in") != "query":
                yield spec.problem(jp.join(at, key), f"{op.operation_id} has no query parameter {name!r}")


def _token_exchange(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    by_id = {op.operation_id: op for op in ops if op.operation_id}
    schemes = (spec.data.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in schemes.items():
        exchange = scheme.get("x-token-exchange") if isinstance(scheme, dict) else None
        if not isinstance(exchange, dict):
            continue
        at = jp.join("", "components", "securitySchemes", name, "x-token-exchange")
        op_id = exchange.get("operationId")
        if not isinstance(op_id, str):
            continue  # the extension's schema says what is wrong with it
        op = by_id.get(op_id)
        if op is None:
            yield spec.problem(
                jp.join(at, "operationId"), f"no operation has operationId {exchange.get('operationId')!r}"
            )
            continue
        request = _request_json_schema(spec, op)
        key_ptr = exchange.get("keyPointer")
        if request is None:
            yield spec.problem(jp.join(at, "keyPointer"), f"{op.operation_id} has no JSON request body")
        elif isinstance(key_ptr, str) and not schema_has_pointer(spec, request, key_ptr):
            yield spec.problem(jp.join(at, "keyPointer"), f"{key_ptr} does not resolve in the request body schema")
        yield from _pointer_problem(
            spec, op, jp.join(at, "tokenPointer"), exchange.get("tokenPointer"), "x-token-exchange"
        )


def _rate_limit(spec: LoadedSpec, ops: list[OperationRef]) -> Iterator[Problem]:
    scopes: list[tuple[str, dict[str, Any], list[OperationRef]]] = []
    if isinstance(spec.data.get("x-rate-limit"), dict):
        scopes.append(("/x-rate-limit", spec.data["x-rate-limit"], ops))
    for op in ops:
        if isinstance(op.node.get("x-rate-limit"), dict):
            scopes.append((jp.join(op.pointer, "x-rate-limit"), op.node["x-rate-limit"], [op]))
    for at, limit, scope in scopes:
        declared = [op for op in scope if "429" in {str(s) for s in (op.node.get("responses") or {})}]
        if not declared:
            yield spec.problem(at, "no operation it covers declares a 429 response")
            continue
        body_pointer = limit.get("retryAfterPointer")
        if not isinstance(body_pointer, str):
            continue
        for op in declared:
            ptr, resp = deref(
                spec,
                jp.join(op.pointer, "responses", "429"),
                op.node["responses"].get(429, op.node["responses"].get("429")),
            )
            schemas = [s for _, _, s in document.json_schemas(spec, ptr, resp)]
            if not any(schema_has_pointer(spec, s, body_pointer) for s in schemas):
                yield spec.problem(
                    jp.join(at, "retryAfterPointer"),
                    f"{body_pointer} does not resolve in the 429 response schema of {op.operation_id}",
                )
