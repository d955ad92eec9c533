"""Whether every object of an OpenAPI document has the JSON type its place in the document asks for.

Every later pass (the checks, the IR builder, the mock) walks the document expecting a mapping where
OpenAPI has an object, a list where it has an array and text where it has a string; this pass is what
lets them. It is driven by a table of the OpenAPI 3.0/3.1 object graph below, each field with its
kind, and reports one located problem per value of the wrong kind instead of letting a walker fail on
it. It is hand-written because the library validators answer other questions: openapi-spec-validator
needs the whole (slow) validator and stops on some shapes with errors that carry no location, and the
OpenAPI JSON Schemas report a wrong type deep in a `oneOf` as a guess between its branches.

Values OpenAPI wants as strings but that the toolkit reads with `str()` (a `version: 1.0`, a numeric
`description`) are accepted as any scalar: the validator reports them in `check`, and `generate`
works from them as text. Only where a wrong scalar would reach generated code (Schema Object
constraints) are scalar kinds strict.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from generator.spec import pointer as jp
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem

# -- kinds -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scalar:
    """A value that is not a mapping or a list (`accepts` narrows it further)."""

    name: str
    accepts: Callable[[Any], bool]


@dataclass(frozen=True)
class Map:
    """A mapping whose every value is of one kind (keys are always strings once loaded)."""

    of: Kind


@dataclass(frozen=True)
class List:
    of: Kind


@dataclass(frozen=True)
class Obj:
    """A named OpenAPI object; `fields` is filled in below, once every kind exists."""

    name: str


@dataclass(frozen=True)
class RefOr:
    """A Reference Object or the kind itself."""

    of: Kind


@dataclass(frozen=True)
class OneOf:
    """Whichever of several kinds the value's JSON type matches (a schema or a list of schemas)."""

    name: str
    kinds: tuple[Kind, ...]


class _Any:
    """Example data, defaults, enum values: anything at all."""


class _Schema:
    """A Schema Object, or a boolean schema."""


Kind: TypeAlias = Scalar | Map | List | Obj | RefOr | OneOf | _Schema | _Any

ANY = _Any()
SCHEMA = _Schema()


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_count(value: Any) -> bool:
    return _is_number(value) and value >= 0 and float(value).is_integer()


TEXT = Scalar("text", _is_scalar)
STRING = Scalar("a string", lambda v: isinstance(v, str))
NUMBER = Scalar("a number", _is_number)
COUNT = Scalar("a non-negative integer", _is_count)
FLAG = Scalar("true or false", _is_scalar)  # read with bool(): any scalar works, containers do not
NUMBER_OR_BOOL = Scalar("a number or a boolean", lambda v: isinstance(v, bool) or _is_number(v))

_FIELDS: dict[str, dict[str, Kind]] = {}


def _define(name: str, fields: dict[str, Kind]) -> Obj:
    _FIELDS[name] = fields
    return Obj(name)


# -- the OpenAPI object graph (3.0 and 3.1 together) -------------------------------------------------

EXTERNAL_DOCS = _define("External Documentation", {"url": TEXT, "description": TEXT})
SERVER_VARIABLE = _define("Server Variable", {"enum": List(TEXT), "default": TEXT, "description": TEXT})
SERVER = _define("Server", {"url": TEXT, "description": TEXT, "variables": Map(SERVER_VARIABLE)})
EXAMPLE = _define("Example", {"summary": TEXT, "description": TEXT, "value": ANY, "externalValue": TEXT})
EXAMPLES = Map(RefOr(EXAMPLE))
MEDIA_TYPE = Obj("Media Type")
CONTENT = Map(MEDIA_TYPE)
HEADER = _define(
    "Header",
    {
        "description": TEXT,
        "required": FLAG,
        "deprecated": FLAG,
        "allowEmptyValue": FLAG,
        "style": TEXT,
        "explode": FLAG,
        "allowReserved": FLAG,
        "schema": SCHEMA,
        "example": ANY,
        "examples": EXAMPLES,
        "content": CONTENT,
    },
)
ENCODING = _define(
    "Encoding",
    {
        "contentType": TEXT,
        "headers": Map(RefOr(HEADER)),
        "style": TEXT,
        "explode": FLAG,
        "allowReserved": FLAG,
    },
)
_define("Media Type", {"schema": SCHEMA, "example": ANY, "examples": EXAMPLES, "encoding": Map(ENCODING)})
PARAMETER = _define("Parameter", {"name": TEXT, "in": TEXT, **_FIELDS["Header"]})
REQUEST_BODY = _define("Request Body", {"description": TEXT, "content": CONTENT, "required": FLAG})
LINK = _define(
    "Link",
    {
        "operationRef": TEXT,
        "operationId": TEXT,
        "parameters": Map(ANY),
        "requestBody": ANY,
        "description": TEXT,
        "server": SERVER,
    },
)
RESPONSE = _define(
    "Response",
    {"description": TEXT, "headers": Map(RefOr(HEADER)), "content": CONTENT, "links": Map(RefOr(LINK))},
)
SECURITY = List(Map(List(TEXT)))
PATH_ITEM = Obj("Path Item")
CALLBACK = Map(RefOr(PATH_ITEM))
OPERATION = _define(
    "Operation",
    {
        "tags": List(TEXT),
        "summary": TEXT,
        "description": TEXT,
        "externalDocs": EXTERNAL_DOCS,
        "operationId": TEXT,
        "parameters": List(RefOr(PARAMETER)),
        "requestBody": RefOr(REQUEST_BODY),
        "responses": Map(RefOr(RESPONSE)),
        "callbacks": Map(RefOr(CALLBACK)),
        "deprecated": FLAG,
        "security": SECURITY,
        "servers": List(SERVER),
    },
)
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_define(
    "Path Item",
    {
        "$ref": TEXT,
        "summary": TEXT,
        "description": TEXT,
        "servers": List(SERVER),
        "parameters": List(RefOr(PARAMETER)),
        **dict.fromkeys(METHODS, OPERATION),
    },
)
OAUTH_FLOW = _define(
    "OAuth Flow", {"authorizationUrl": TEXT, "tokenUrl": TEXT, "refreshUrl": TEXT, "scopes": Map(TEXT)}
)
SECURITY_SCHEME = _define(
    "Security Scheme",
    {
        "type": TEXT,
        "description": TEXT,
        "name": TEXT,
        "in": TEXT,
        "scheme": TEXT,
        "bearerFormat": TEXT,
        "flows": _define(
            "OAuth Flows", dict.fromkeys(("implicit", "password", "clientCredentials", "authorizationCode"), OAUTH_FLOW)
        ),
        "openIdConnectUrl": TEXT,
    },
)
COMPONENTS = _define(
    "Components",
    {
        "schemas": Map(SCHEMA),
        "responses": Map(RefOr(RESPONSE)),
        "parameters": Map(RefOr(PARAMETER)),
        "examples": EXAMPLES,
        "requestBodies": Map(RefOr(REQUEST_BODY)),
        "headers": Map(RefOr(HEADER)),
        "securitySchemes": Map(RefOr(SECURITY_SCHEME)),
        "links": Map(RefOr(LINK)),
        "callbacks": Map(RefOr(CALLBACK)),
        "pathItems": Map(RefOr(PATH_ITEM)),
    },
)
DOCUMENT = _define(
    "OpenAPI",
    {
        "openapi": TEXT,
        "info": _define(
            "Info",
            {
                "title": TEXT,
                "summary": TEXT,
                "description": TEXT,
                "termsOfService": TEXT,
                "contact": _define("Contact", {"name": TEXT, "url": TEXT, "email": TEXT}),
                "license": _define("License", {"name": TEXT, "identifier": TEXT, "url": TEXT}),
                "version": TEXT,
            },
        ),
        "jsonSchemaDialect": TEXT,
        "servers": List(SERVER),
        "paths": Map(PATH_ITEM),
        "webhooks": Map(RefOr(PATH_ITEM)),
        "components": COMPONENTS,
        "security": SECURITY,
        "tags": List(_define("Tag", {"name": TEXT, "description": TEXT, "externalDocs": EXTERNAL_DOCS})),
        "externalDocs": EXTERNAL_DOCS,
    },
)

# Schema Object keywords (JSON Schema draft 4 as OpenAPI 3.0 has it, and 2020-12 for 3.1). These reach the
# model generator and the mock's validators, so their scalars are strict.
_SCHEMAS = Map(SCHEMA)
_SCHEMA_LIST = List(SCHEMA)
_SCHEMA_FIELDS: dict[str, Kind] = {
    **dict.fromkeys(("properties", "patternProperties", "$defs", "definitions", "dependentSchemas"), _SCHEMAS),
    **dict.fromkeys(("allOf", "anyOf", "oneOf", "prefixItems"), _SCHEMA_LIST),
    **dict.fromkeys(
        (
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
        ),
        SCHEMA,
    ),
    "items": OneOf("a schema or a list of schemas", (SCHEMA, _SCHEMA_LIST)),
    "type": OneOf("a type name or a list of them", (STRING, List(STRING))),
    "required": List(STRING),
    "enum": List(ANY),
    "dependentRequired": Map(List(STRING)),
    **dict.fromkeys(
        ("$ref", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$schema", "format", "pattern", "contentMediaType"),
        STRING,
    ),
    **dict.fromkeys(("title", "description", "$comment"), TEXT),
    **dict.fromkeys(
        ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"),
        COUNT,
    ),
    **dict.fromkeys(("minContains", "maxContains"), COUNT),
    **dict.fromkeys(("minimum", "maximum", "multipleOf"), NUMBER),
    **dict.fromkeys(("exclusiveMinimum", "exclusiveMaximum"), NUMBER_OR_BOOL),
    # Read as flags by the model generator; the metaschemas (3.1) and the validator (3.0) say when they are not
    # booleans, and a scalar of another type breaks nothing that is generated.
    **dict.fromkeys(("nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems"), FLAG),
    "discriminator": _define("Discriminator", {"propertyName": STRING, "mapping": Map(STRING)}),
    "externalDocs": EXTERNAL_DOCS,
    "xml": _define("XML", {"name": TEXT, "namespace": TEXT, "prefix": TEXT, "attribute": FLAG, "wrapped": FLAG}),
}
_SKIPPED = frozenset({"example", "examples", "default", "const"})
"""Schema keywords holding instance data, which may be anything."""

# -- the walk ----------------------------------------------------------------------------------------

_MAX_DEPTH = 200
"""Deeper than any real document; a deeper one is reported rather than walked into recursion limits."""


def problems(spec: LoadedSpec, *, inside_schemas: bool = True) -> list[Problem]:
    """One located problem per value whose JSON type is not the one its place in the document asks for.

    `inside_schemas=False` checks only that each Schema Object is a mapping or a boolean, for `check`,
    which validates their keywords against their dialect's metaschema.
    """
    return [spec.problem(pointer, message) for pointer, message in walk(spec.data, inside_schemas=inside_schemas)]


def walk(data: Any, *, inside_schemas: bool = True) -> Iterator[tuple[str, str]]:
    """(pointer, message) for every misplaced type under the document root."""
    if not isinstance(data, dict):
        yield "", "expected a mapping at the top level"
        return
    yield from _check(data, DOCUMENT, "", 0, inside_schemas)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _expected(kind: Kind) -> str:
    if isinstance(kind, Scalar):
        return kind.name
    if isinstance(kind, Map):
        return "a mapping"
    if isinstance(kind, List):
        return "a list"
    if isinstance(kind, Obj):
        return f"a mapping (a {kind.name} Object)"
    if isinstance(kind, RefOr):
        return _expected(kind.of)
    if isinstance(kind, OneOf):
        return kind.name
    if isinstance(kind, _Schema):
        return "a schema (a mapping or a boolean)"
    return "anything"


def _matches(value: Any, kind: Kind) -> bool:
    """Whether the value's own JSON type fits the kind (its contents are checked by the walk)."""
    if isinstance(kind, Scalar):
        return kind.accepts(value)
    if isinstance(kind, Map | Obj):
        return isinstance(value, dict)
    if isinstance(kind, List):
        return isinstance(value, list)
    if isinstance(kind, RefOr):
        return isinstance(value, dict) or _matches(value, kind.of)
    if isinstance(kind, OneOf):
        return any(_matches(value, k) for k in kind.kinds)
    if isinstance(kind, _Schema):
        return isinstance(value, dict | bool)
    return True


def _check(value: Any, kind: Kind, pointer: str, depth: int, deep: bool) -> Iterator[tuple[str, str]]:
    if depth > _MAX_DEPTH:
        yield pointer, f"nested more than {_MAX_DEPTH} levels deep"
        return
    if not _matches(value, kind):
        yield pointer, f"expected {_expected(kind)}, not {_type_name(value)}"
        return
    if isinstance(kind, RefOr):
        if isinstance(value, dict) and "$ref" in value:
            ref = value["$ref"]
            if not isinstance(ref, str):
                yield jp.join(pointer, "$ref"), f"expected a string, not {_type_name(ref)}"
            return
        yield from _check(value, kind.of, pointer, depth, deep)
    elif isinstance(kind, OneOf):
        chosen = next(k for k in kind.kinds if _matches(value, k))
        yield from _check(value, chosen, pointer, depth, deep)
    elif isinstance(kind, Map):
        for key, item in value.items():
            yield from _check(item, kind.of, jp.join(pointer, key), depth + 1, deep)
    elif isinstance(kind, List):
        for i, item in enumerate(value):
            yield from _check(item, kind.of, jp.join(pointer, i), depth + 1, deep)
    elif isinstance(kind, Obj):
        fields = _FIELDS[kind.name]
        for key, item in value.items():
            field_kind = fields.get(key)
            # An empty key (`paths:` with nothing under it) is read as null, which every walker takes as absent.
            if field_kind is not None and item is not None:
                yield from _check(item, field_kind, jp.join(pointer, key), depth + 1, deep)
    elif isinstance(kind, _Schema) and isinstance(value, dict) and deep:
        for key, item in value.items():
            field_kind = _SCHEMA_FIELDS.get(key)
            if field_kind is not None and item is not None and key not in _SKIPPED:
                yield from _check(item, field_kind, jp.join(pointer, key), depth + 1, deep)
