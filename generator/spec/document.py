"""Read-only walks over a loaded OpenAPI document: operations, `$ref`s, schemas."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.spec import pointer as jp
from generator.spec.load import LoadedSpec

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON_MEDIA = ("application/json", "+json")
_SKIP_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


@dataclass(frozen=True)
class OperationRef:
    path: str
    method: str
    pointer: str
    node: dict[str, Any]

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) else None


def operations(spec: LoadedSpec) -> Iterator[OperationRef]:
    paths = spec.data.get("paths") if isinstance(spec.data, dict) else None
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield OperationRef(path, method, jp.join("", "paths", path, method), op)


def is_json(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every `$ref` string with the pointer of the object holding it, skipping example data."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            if key in _SKIP_KEYS and not (key == "examples" and _is_example_map(value)):
                continue
            if key.startswith("x-"):
                continue
            yield from refs(value, jp.join(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from refs(value, jp.join(pointer, i))


def _is_example_map(value: Any) -> bool:
    """Media-type and parameter `examples` maps hold Example Objects, which may be `$ref`s."""
    return isinstance(value, dict) and all(
        isinstance(v, dict) and ("$ref" in v or "value" in v or "externalValue" in v or "summary" in v)
        for v in value.values()
    )


def resolve_local(spec: LoadedSpec, ref: str) -> tuple[str, Any]:
    """Target pointer and value of a same-document `$ref`; raises KeyError if unresolvable."""
    if not ref.startswith("#"):
        raise KeyError(ref)
    target = ref[1:]
    try:
        return target, jp.resolve(spec.data, target)
    except ValueError:
        raise KeyError(ref) from None


def deref(spec: LoadedSpec, pointer: str, node: Any) -> tuple[str, Any]:
    """Follow `$ref` chains to the object they name; unresolvable refs leave the node as is."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        try:
            pointer, node = resolve_local(spec, node["$ref"])
        except KeyError:
            break
    return pointer, node


def schema_has_pointer(spec: LoadedSpec, schema: Any, pointer: str) -> bool:
    """Whether a JSON pointer into an instance can address something this schema describes."""
    try:
        tokens = jp.split(pointer)
    except ValueError:
        return False
    return _has(spec, schema, tokens, 0)


def _has(spec: LoadedSpec, schema: Any, tokens: list[str], depth: int) -> bool:
    if depth > 64:
        return False
    _, schema = deref(spec, "", schema)
    if not isinstance(schema, dict):
        return schema is True
    if not tokens:
        return True
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(combinator) or []:
            if _has(spec, branch, tokens, depth + 1):
                return True
    head, rest = tokens[0], tokens[1:]
    properties = schema.get("properties")
    if isinstance(properties, dict) and head in properties:
        return _has(spec, properties[head], rest, depth + 1)
    if head.isdigit() and "items" in schema:
        return _has(spec, schema["items"], rest, depth + 1)
    additional = schema.get("additionalProperties")
    return isinstance(additional, dict) and _has(spec, additional, rest, depth + 1)


def success_json_schema(spec: LoadedSpec, op: OperationRef) -> tuple[str, str, Any] | None:
    """(status, pointer, schema) of the lowest 2xx JSON response, if the operation has one."""
    responses = op.node.get("responses")
    if not isinstance(responses, dict):
        return None
    for status in sorted(str(s) for s in responses):
        if not (status.startswith("2") or status.upper() == "2XX"):
            continue
        ptr, response = deref(spec, jp.join(op.pointer, "responses", status), responses[status])
        for media, content_ptr, schema in json_schemas(spec, ptr, response):
            del media
            return status, content_ptr, schema
    return None


def json_schemas(spec: LoadedSpec, pointer: str, holder: Any) -> Iterator[tuple[str, str, Any]]:
    """(media type, pointer, schema) for each JSON media type of a response or request body."""
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict):
        return
    for media, media_obj in content.items():
        if is_json(media) and isinstance(media_obj, dict) and "schema" in media_obj:
            yield media, jp.join(pointer, "content", media, "schema"), media_obj["schema"]


def schema_objects(spec: LoadedSpec) -> Iterator[tuple[str, Any]]:
    """(pointer, schema) of every outermost Schema Object in the document, each once."""
    seen: set[str] = set()

    def holder(pointer: str, node: Any) -> Iterator[tuple[str, Any]]:
        """A parameter, header or media type: its schema, and the schemas of its content."""
        if not isinstance(node, dict) or "$ref" in node:
            return
        if "schema" in node:
            yield jp.join(pointer, "schema"), node["schema"]
        for media, media_obj in (node.get("content") or {}).items():
            yield from holder(jp.join(pointer, "content", media), media_obj)

    def response(pointer: str, node: Any) -> Iterator[tuple[str, Any]]:
        yield from holder(pointer, node)
        if isinstance(node, dict):
            for name, header in (node.get("headers") or {}).items():
                yield from holder(jp.join(pointer, "headers", name), header)

    def everything() -> Iterator[tuple[str, Any]]:
        components = spec.data.get("components") or {}
        for name, schema in (components.get("schemas") or {}).items():
            yield jp.join("", "components", "schemas", name), schema
        for kind, walk in (
            ("parameters", holder),
            ("headers", holder),
            ("requestBodies", holder),
            ("responses", response),
        ):
            for name, node in (components.get(kind) or {}).items():
                yield from walk(jp.join("", "components", kind, name), node)
        for path, item in (spec.data.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            for i, param in enumerate(item.get("parameters") or []):
                yield from holder(jp.join("", "paths", path, "parameters", i), param)
        for op in operations(spec):
            for i, param in enumerate(op.node.get("parameters") or []):
                yield from holder(jp.join(op.pointer, "parameters", i), param)
            yield from holder(jp.join(op.pointer, "requestBody"), op.node.get("requestBody"))
            for status, resp in (op.node.get("responses") or {}).items():
                yield from response(jp.join(op.pointer, "responses", str(status)), resp)

    for pointer, schema in everything():
        if pointer not in seen:
            seen.add(pointer)
            yield pointer, schema


_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_ONES = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
    "additionalItems",
)


def subschemas(pointer: str, schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """The schema and every schema nested in it, without following `$ref`."""
    if not isinstance(schema, dict):
        return
    yield pointer, schema
    for key in _SUBSCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items() if isinstance(schema.get(key), dict) else ():
            yield from subschemas(jp.join(pointer, key, name), sub)
    for key in _SUBSCHEMA_LISTS:
        for i, sub in enumerate(schema.get(key) or []) if isinstance(schema.get(key), list) else ():
            yield from subschemas(jp.join(pointer, key, i), sub)
    for key in _SUBSCHEMA_ONES:
        if isinstance(schema.get(key), dict):
            yield from subschemas(jp.join(pointer, key), schema[key])
