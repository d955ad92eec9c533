"""Checking a request against its operation, collecting every violation rather than the first.

Parameters arrive as text; they are parsed per `style`/`explode` and coerced to their schema's
types before jsonschema sees them, as the vendor's own server would read them.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
import threading
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.spec.ir import SCHEMA_REF, Api, JsonSchema, Operation, Parameter

if TYPE_CHECKING:
    from jsonschema import FormatChecker, ValidationError
    from referencing import Registry

# jsonschema and referencing cost more to import than the rest of the mock together: they load on the first
# validation, or earlier through `Validators.warm`, so that code which never validates does not pay for them.

_URN = "urn:testrelay:mock"

_RFC3986 = "rfc3986_validator"


def _import_jsonschema() -> None:
    """Imports jsonschema with the `uri` format checks' validator compiled on their first use.

    rfc3986_validator compiles one very large regular expression at import, a fifth of jsonschema's import
    time, for `format: uri` checks that most requests never reach. jsonschema imports it only to register
    those checks, so it is given a stand-in whose function loads the real module on its first call: every
    check still runs the real validator, on the first request as on any other.
    """
    if "jsonschema" in sys.modules or _RFC3986 in sys.modules or importlib.util.find_spec(_RFC3986) is None:
        importlib.import_module("jsonschema")
        return
    stand_in = types.ModuleType(_RFC3986)
    stand_in.validate_rfc3986 = _validate_rfc3986  # type: ignore[attr-defined]
    sys.modules[_RFC3986] = stand_in
    try:
        importlib.import_module("jsonschema")
    finally:
        # Anyone importing the module from now on gets the real one.
        if sys.modules.get(_RFC3986) is stand_in:
            del sys.modules[_RFC3986]


@functools.cache
def _real_rfc3986() -> Callable[..., Any]:
    validate: Callable[..., Any] = importlib.import_module(_RFC3986).validate_rfc3986
    return validate


def _validate_rfc3986(url: str, rule: str = "URI") -> Any:
    return _real_rfc3986()(url, rule=rule)


def _within(bits: int) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        return not isinstance(value, int) or isinstance(value, bool) or -(2 ** (bits - 1)) <= value < 2 ** (bits - 1)

    return check


@functools.cache
def _oas_formats() -> FormatChecker:
    """jsonschema's formats plus the integer and number formats OpenAPI defines."""
    from jsonschema import FormatChecker

    formats = FormatChecker()
    formats.checks("int32")(_within(32))
    formats.checks("int64")(_within(64))
    return formats


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
        self._openapi = api.openapi
        self._schemas = api.schemas
        self._lock = threading.Lock()
        self._loaded: tuple[Any, FormatChecker, Registry[Any]] | None = None
        self._cache: dict[int, tuple[JsonSchema, Any]] = {}

    def warm(self) -> None:
        """Imports jsonschema and builds the schema registry now rather than on the first validation."""
        self._load()

    def _load(self) -> tuple[Any, FormatChecker, Registry[Any]]:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:  # a server thread and a warming thread may both get here first
            if self._loaded is None:
                self._loaded = self._build()
            return self._loaded

    def _build(self) -> tuple[Any, FormatChecker, Registry[Any]]:
        _import_jsonschema()
        from referencing import Registry
        from referencing.jsonschema import DRAFT4, DRAFT202012

        is_31 = self._openapi.startswith("3.1")
        if is_31:
            # OpenAPI 3.1's dialect is Draft 2020-12 plus annotation keywords, so jsonschema's own validator
            # does the job and the mock starts without importing openapi-schema-validator.
            from jsonschema import Draft202012Validator

            cls: Any = Draft202012Validator
            formats = _oas_formats()
        else:
            from openapi_schema_validator import OAS30Validator, oas30_format_checker  # for `nullable`

            cls = OAS30Validator
            formats = oas30_format_checker
        document = {"components": {"schemas": self._schemas}}
        resource = (DRAFT202012 if is_31 else DRAFT4).create_resource(document)
        registry: Registry[Any] = Registry().with_resource(_URN, resource)
        return cls, formats, registry

    @property
    def _registry(self) -> Registry[Any]:
        return self._load()[2]

    def errors(self, schema: JsonSchema, value: Any) -> list[ValidationError]:
        # Keyed by identity: the IR's schemas live as long as the app, and hashing their text per
        # request would cost more than validating.
        entry = self._cache.get(id(schema))
        if entry is None or entry[0] is not schema:
            cls, formats, registry = self._load()
            entry = (schema, cls(_absolute(schema), registry=registry, format_checker=formats))
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
        from jsonschema.exceptions import best_match  # loaded by now: the error came from jsonschema

        deepest = best_match(error.context)
        if deepest is not None:
            error = deepest
    message = " ".join(error.message.split())
    return Violation(location, prefix + tuple(error.absolute_path), message[:300])
