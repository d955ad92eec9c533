"""Checking a request against its operation, collecting every violation rather than the first.

Parameters arrive as text; they are parsed per `style`/`explode` and coerced to their schema's
types before jsonschema sees them, as the vendor's own server would read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.spec.ir import SCHEMA_REF, Api, JsonSchema, Operation, Parameter

_URN = "urn:testrelay:mock"

_OAS_FORMATS = FormatChecker()
"""jsonschema's formats plus the integer and number formats OpenAPI defines."""


def _within(bits: int) -> Any:
    def check(value: object) -> bool:
        return not isinstance(value, int) or isinstance(value, bool) or -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)

    return check


_OAS_FORMATS.checks("int32")(_within(32))
_OAS_FORMATS.checks("int64")(_within(64))


@dataclass(frozen=True)
class Violation:
    location: str
    """`path`, `query`, `header`, `body` or `content-type`."""
    path: tuple[str | int, ...]
    """Where in that location: the parameter name, then a path into its value."""
    message: str


class Validators:
    """Compiled validators for one API's schemas, `$ref`s resolved against `Api.schemas`."""

    def __init__(self, api: Api) -> None:
        is_31 = api.openapi.startswith("3.1")
        if is_31:
            # OpenAPI 3.1's dialect is Draft 2020-12 plus annotation keywords, so jsonschema's own validator
            # does the job and the mock starts without importing openapi-schema-validator.
            self._cls: Any = Draft202012Validator
            self._formats: FormatChecker = _OAS_FORMATS
        else:
            from openapi_schema_validator import OAS30Validator, oas30_format_checker  # for `nullable`

            self._cls = OAS30Validator
            self._formats = oas30_format_checker
        document = {"components": {"schemas": api.schemas}}
        resource = (DRAFT202012 if is_31 else DRAFT4).create_resource(document)
        self._registry: Registry[Any] = Registry().with_resource(_URN, resource)
        self._cache: dict[int, tuple[JsonSchema, Any]] = {}

    def errors(self, schema: JsonSchema, value: Any) -> list[ValidationError]:
        # Keyed by identity: the IR's schemas live as long as the app, and hashing their text per
        # request would cost more than validating.
        entry = self._cache.get(id(schema))
        if entry is None or entry[0] is not schema:
            entry = (schema, self._cls(_absolute(schema), registry=self._registry, format_checker=self._formats))
            self._cache[id(schema)] = entry
        return list(entry[1].iter_errors(value))


def _absolute(node: Any) -> Any:
    """The schema with `#/components/schemas/..` refs pointing into the registry's document."""
    if isinstance(node, dict):
        return {
            k: (_URN + v if k == "$ref" and isinstance(v, str) and v.startswith(SCHEMA_REF) else _absolute(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_absolute(v) for v in node]
    return node


def check_request(
    validators: Validators,
    op: Operation,
    path_values: Mapping[str, str],
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
    content_type: str | None,
    body: bytes,
) -> tuple[list[Violation], dict[str, Any], Any]:
    """Every violation, the parsed parameters by name, and the parsed JSON body (None without one)."""
    violations: list[Violation] = []
    values: dict[str, Any] = {}
    for param in op.parameters:
        raw = _raw(param, path_values, query, headers)
        if raw is None:
            if param.required:
                violations.append(Violation(param.location, (param.name,), "is required"))
            continue
        try:
            value = _deserialize(param, raw)
        except ValueError as exc:
            violations.append(Violation(param.location, (param.name,), str(exc)))
            continue
        value = coerce(value, param.schema, validators)
        values[param.name] = value
        for error in validators.errors(param.schema, value):
            violations.append(_violation(param.location, (param.name,), error))
    parsed_body: Any = None
    if op.body is not None:
        media = (content_type or "").split(";", 1)[0].strip().lower()
        expected = op.body.media_type.split(";", 1)[0].strip().lower()
        if not body:
            if op.body.required:
                violations.append(Violation("body", (), "a request body is required"))
        elif media != expected and not (expected.endswith("json") and media.endswith("json")):
            violations.append(Violation("content-type", (), f"content type must be {expected}, not {media or 'none'}"))
        elif expected.endswith("json"):
            try:
                parsed_body = json.loads(body)
            except (ValueError, UnicodeDecodeError) as exc:
                violations.append(Violation("body", (), f"malformed JSON: {exc}"))
            else:
                for error in validators.errors(op.body.schema, parsed_body):
                    violations.append(_violation("body", (), error))
    return violations, values, parsed_body


def _raw(
    param: Parameter, path: Mapping[str, str], query: Sequence[tuple[str, str]], headers: Mapping[str, str]
) -> Any:
    if param.location == "path":
        return path.get(param.name)
    if param.location == "header":
        return headers.get(param.name.lower())
    if param.location == "query":
        if param.style == "deepObject":
            prefix = param.name + "["
            found = [(k, v) for k, v in query if k.startswith(prefix)]
            return found or None
        found_values = [v for k, v in query if k == param.name]
        return found_values or None
    return None


def _deserialize(param: Parameter, raw: Any) -> Any:
    if param.style == "deepObject":
        result: dict[str, Any] = {}
        for key, value in raw:
            parts = re.findall(r"\[([^\]]*)\]", key[len(param.name) :])
            node = result
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            if parts:
                node[parts[-1]] = value
        return result
    if param.json_content:
        text = raw[0] if isinstance(raw, list) else raw
        try:
            return json.loads(text)
        except ValueError:
            raise ValueError(f"{param.name} must be JSON") from None
    kind = param.schema.get("type")
    values = raw if isinstance(raw, list) else [raw]
    if kind == "array":
        if param.explode and param.location == "query" and param.style == "form":
            return list(values)
        delimiter = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(param.style, ",")
        return [item for v in values for item in v.split(delimiter) if item != ""]
    return values[0] if len(values) == 1 else values


def coerce(value: Any, schema: Any, validators: Validators | None = None, depth: int = 0) -> Any:
    """Text from a URL or header turned into the type its schema asks for, where it reads as one."""
    if depth > 8 or not isinstance(schema, dict):
        return value
    target = schema
    ref = schema.get("$ref")
    if isinstance(ref, str) and validators is not None:
        resolved = validators._registry.resolver().lookup(_URN + ref).contents
        return coerce(value, resolved, validators, depth + 1)
    for key in ("anyOf", "oneOf"):
        for branch in target.get(key) or []:
            coerced = coerce(value, branch, validators, depth + 1)
            if coerced is not value:
                return coerced
    kinds = target.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if isinstance(value, list) and "array" in kinds:
        return [coerce(v, target.get("items"), validators, depth + 1) for v in value]
    if (isinstance(value, dict) and "object" in kinds) or (isinstance(value, dict) and "properties" in target):
        props = target.get("properties") or {}
        return {k: coerce(v, props.get(k), validators, depth + 1) for k, v in value.items()}
    if not isinstance(value, str):
        return value
    if "integer" in kinds and re.fullmatch(r"[-+]?\d+", value):
        return int(value)
    if "number" in kinds and re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", value):
        return float(value)
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    if "null" in kinds and value == "null":
        return None
    return value


def _presence_group(error: ValidationError) -> list[str] | None:
    """The fields of an exactly-one-of rule (`oneOf` of `required` lists) this error is about."""
    branches = error.validator_value if error.validator == "oneOf" else None
    if (
        isinstance(branches, list)
        and branches
        and all(isinstance(b, dict) and set(b) == {"required"} for b in branches)
    ):
        return [str(name) for b in branches for name in b["required"]]
    return None


def _violation(location: str, prefix: tuple[str | int, ...], error: ValidationError) -> Violation:
    group = _presence_group(error)
    if group is not None:
        given = [name for name in group if isinstance(error.instance, dict) and name in error.instance]
        got = ", ".join(given) if given else "none"
        message = f"exactly one of {', '.join(group)} is required (got {got})"
        return Violation(location, prefix + tuple(error.absolute_path), message)
    if error.context:
        deepest = best_match(error.context)
        if deepest is not None:
            error = deepest
    message = " ".join(error.message.split())
    return Violation(location, prefix + tuple(error.absolute_path), message[:300])
