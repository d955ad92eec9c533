"""Synthesized mock data must validate against its schema, the way the contract tests will check it."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30Validator,
    OAS30WriteValidator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from generator.mock.synth import Synthesizer, pattern_example
from generator.spec.build import build_api
from generator.spec.ir import SCHEMA_REF
from generator.spec.load import load_file
from tests.conftest import REPO

URN = "urn:test:synth"
VENDORS = ["doksi", "kapptivate", "octomind", "qualigate", "testmo"]
SEEDS = range(6)


def ref(name: str) -> dict[str, Any]:
    return {"$ref": SCHEMA_REF + name}


COMPONENTS: dict[str, dict[str, Any]] = {
    "Node": {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": ref("Node")}},
    },
    "Chain": {
        "type": "object",
        "required": ["next"],
        "properties": {"next": {"oneOf": [ref("Chain"), {"type": "null"}]}},
    },
    "Nested": {"type": ["object", "null"], "required": ["inner"], "properties": {"inner": ref("Nested")}},
    "Cat": {
        "type": "object",
        "required": ["petType", "lives"],
        "properties": {"petType": {"type": "string"}, "lives": {"type": "integer", "minimum": 1, "maximum": 9}},
    },
    "Dog": {
        "type": "object",
        "required": ["petType", "bark"],
        "properties": {"petType": {"type": "string"}, "bark": {"type": "boolean"}},
    },
    "Pet": {
        "oneOf": [ref("Cat"), ref("Dog")],
        "discriminator": {"propertyName": "petType", "mapping": {"cat": SCHEMA_REF + "Cat"}},
    },
    "Error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
    "Pair": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}},
    "User": {
        "type": "object",
        "required": ["id", "password"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": True},
            "password": {"type": "string", "format": "password", "writeOnly": True},
            "name": {"type": "string"},
        },
    },
}

FORMATS = {
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z",
    "date": r"\d{4}-\d{2}-\d{2}",
    "time": r"\d{2}:\d{2}:\d{2}",
    "uuid": r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
    "uri": r"https://[a-z.]+/\S*",
    "url": r"https://[a-z.]+/\S*",
    "email": r"[^@\s]+@[a-z.]+",
    "hostname": r"[a-z0-9-]+(\.[a-z0-9-]+)+",
    "ipv4": r"(\d{1,3}\.){3}\d{1,3}",
    "ipv6": r"[0-9a-f:]+",
    "byte": r"[A-Za-z0-9+/]+=*",
    "binary": r".+",
    "password": r".+",
}

PATTERNS = [
    r"^dk_live_[0-9a-f]{40}$",
    r"^[a-z0-9]{1,64}$",
    r"^\d{3}-\d{4}$",
    r"^(run|suite|case)_[A-Z][a-z]+$",
    r"^[^\s@]+@example\.(com|org)$",
    r"v\d+\.\d+(\.\d+)?",
    r"^\w+(-\w+)*$",
    r"^[A-Z]{2}\d{2}[A-Z0-9]{4,8}$",
    r"^(?:https?://)?[a-z]+\.io/?$",
    r"^#[0-9A-Fa-f]{6}$",
]

CASES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "string-lengths": {"type": "string", "minLength": 12, "maxLength": 14},
    "string-short": {"type": "string", "maxLength": 3},
    "integer": {"type": "integer"},
    "integer-bounds": {"type": "integer", "minimum": 5000, "maximum": 30000},
    "integer-exclusive": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 3},
    "integer-multiple": {"type": "integer", "minimum": 7, "maximum": 100, "multipleOf": 5},
    "int32": {"type": "integer", "format": "int32", "maximum": -10},
    "number": {"type": "number"},
    "number-bounds": {"type": "number", "exclusiveMinimum": 0, "maximum": 0.5},
    "number-multiple": {"type": "number", "minimum": 0.2, "maximum": 3, "multipleOf": 0.1},
    "double": {"type": "number", "format": "double"},
    "boolean": {"type": "boolean"},
    "null": {"type": "null"},
    "any": {},
    **{f"format-{name}": {"type": "string", "format": name} for name in FORMATS},
    **{f"pattern-{i}": {"type": "string", "pattern": p} for i, p in enumerate(PATTERNS)},
    "enum": {"type": "string", "enum": ["queued", "running", "passed", "failed"]},
    "enum-int": {"type": "integer", "enum": [15, 25, 50, 100]},
    "enum-with-null": {"type": ["string", "null"], "enum": [None, "a", "b"]},
    "const": {"const": "authentication"},
    "open-enum": {"anyOf": [{"type": "string", "enum": ["web", "android"]}, {"type": "string"}]},
    "nested-object": {
        "type": "object",
        "required": ["run", "tags"],
        "properties": {
            "run": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "status": {"enum": ["queued", "done"]},
                    "started": {"type": "string", "format": "date-time"},
                    "meta": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
            },
            "tags": {"type": "array", "items": {"type": "string"}},
        },
    },
    "array-constraints": {
        "type": "array",
        "minItems": 3,
        "maxItems": 4,
        "uniqueItems": True,
        "items": {"type": "integer", "minimum": 1, "maximum": 5},
    },
    "array-unique-enum": {"type": "array", "minItems": 2, "uniqueItems": True, "items": {"enum": ["x", "y"]}},
    "prefix-items": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": False},
    "allOf": {
        "allOf": [
            ref("Error"),
            {
                "type": "object",
                "required": ["retry_after"],
                "properties": {"retry_after": {"type": "integer", "minimum": 0}},
            },
            {"properties": {"message": {"maxLength": 4}}},
        ]
    },
    "oneOf-required": {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "oneOf": [{"required": ["a"]}, {"required": ["b"]}],
    },
    "allOf-of-oneOfs": {
        "type": "object",
        "properties": {k: {"type": "string"} for k in "abcde"},
        "allOf": [
            {"oneOf": [{"required": ["a"]}, {"required": ["b"]}, {"required": ["c"]}]},
            {"oneOf": [{"required": ["d"]}, {"required": ["e"]}]},
        ],
    },
    "oneOf-overlapping": {"oneOf": [{"type": "integer"}, {"type": "number", "multipleOf": 0.5}]},
    "oneOf-string-or-object": {"oneOf": [{"type": "string"}, ref("Error")]},
    "not-required": {
        "type": "object",
        "properties": {"x": {"type": "string"}, "y": {"type": "string"}, "z": {"type": "string"}},
        "not": {"anyOf": [{"required": ["x"]}, {"required": ["y"]}]},
    },
    "discriminated": ref("Pet"),
    "tree": ref("Node"),
    "chain": ref("Chain"),
    "nested-nullable": ref("Nested"),
    "type-list-null": {"type": ["string", "null"], "format": "date"},
    "type-list-object-null": {"type": ["object", "null"], "required": ["n"], "properties": {"n": {"type": "integer"}}},
    "nullable-3.0": {"type": "string", "nullable": True, "maxLength": 5},
    "additional-properties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    "min-properties": {"type": "object", "minProperties": 2, "additionalProperties": {"type": "boolean"}},
    "pattern-properties": {
        "type": "object",
        "minProperties": 1,
        "patternProperties": {"^x-[a-z]+$": {"type": "integer"}},
        "additionalProperties": False,
    },
}


def validator(schema: dict[str, Any] | bool, *, openapi30: bool = False) -> Any:
    """An independent validator: the registry holds the test's components, `$ref`s made absolute."""
    resource = DRAFT202012.create_resource({"components": {"schemas": COMPONENTS}})
    registry: Registry[Any] = Registry().with_resource(URN, resource)
    if openapi30:
        return OAS30Validator(schema, format_checker=oas30_format_checker)
    return OAS31Validator(absolute(schema), registry=registry, format_checker=oas31_format_checker)


def absolute(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: URN + v if k == "$ref" and isinstance(v, str) else absolute(v) for k, v in node.items()}
    if isinstance(node, list):
        return [absolute(v) for v in node]
    return node


def errors(value: Any, schema: dict[str, Any] | bool) -> list[str]:
    return [e.message for e in validator(schema).iter_errors(value)]


@pytest.mark.parametrize("name", list(CASES))
def test_values_validate(name: str) -> None:
    synth = Synthesizer(COMPONENTS)
    for seed in SEEDS:
        for for_response in (True, False):
            value = synth.value(CASES[name], seed=seed, for_response=for_response)
            assert errors(value, CASES[name]) == [], (seed, for_response, value)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_format_shapes(fmt: str) -> None:
    """jsonschema checks some formats only with optional packages; the shapes are checked here."""
    synth = Synthesizer({})
    for seed in SEEDS:
        value = synth.value({"type": "string", "format": fmt}, seed=seed)
        assert isinstance(value, str) and re.fullmatch(FORMATS[fmt], value), value


@pytest.mark.parametrize("pattern", PATTERNS)
def test_patterns_are_generated_not_guessed(pattern: str) -> None:
    for seed in SEEDS:
        example = pattern_example(pattern, random.Random(seed))
        assert example is not None and re.search(pattern, example), example


def test_unsupported_pattern_falls_back() -> None:
    synth = Synthesizer({})
    assert pattern_example(r"^(a)\1$", random.Random(0)) is None
    assert isinstance(synth.value({"type": "string", "pattern": r"^(a)\1$"}), str)


def test_one_of_required_carries_exactly_one() -> None:
    synth = Synthesizer(COMPONENTS)
    present = []
    for seed in range(12):
        value = synth.value(CASES["oneOf-required"], seed=seed)
        assert len({"a", "b"} & value.keys()) == 1, value
        present.append(next(iter({"a", "b"} & value.keys())))
    assert set(present) == {"a", "b"}


def test_not_required_leaves_out_the_forbidden() -> None:
    value = Synthesizer(COMPONENTS).value(CASES["not-required"])
    assert value.keys() == {"z"}


def test_discriminator_is_set_from_mapping_or_name() -> None:
    synth = Synthesizer(COMPONENTS)
    seen = set()
    for seed in range(12):
        value = synth.value(ref("Pet"), seed=seed)
        expected = "cat" if "lives" in value else "Dog"
        assert value["petType"] == expected, value
        seen.add(expected)
    assert seen == {"cat", "Dog"}


def test_recursion_ends_and_deep_values_are_small() -> None:
    synth = Synthesizer(COMPONENTS)
    tree = synth.value(ref("Node"), seed=1)
    assert tree["children"], tree

    def depth(node: dict[str, Any]) -> int:
        return 1 + max((depth(c) for c in node.get("children", [])), default=0)

    assert depth(tree) <= 4
    chain = synth.value(ref("Chain"), seed=1)
    assert chain["next"] is not None  # null only once the depth limit is reached


def test_non_null_is_preferred() -> None:
    synth = Synthesizer(COMPONENTS)
    for seed in SEEDS:
        assert synth.value(CASES["type-list-null"], seed=seed) is not None
        assert synth.value(CASES["nullable-3.0"], seed=seed) is not None
        assert synth.value(CASES["enum-with-null"], seed=seed) is not None
        assert synth.value({"oneOf": [{"type": "null"}, ref("Error")]}, seed=seed) is not None


def test_read_only_and_write_only() -> None:
    """Required but hidden in one direction; only the 3.0 read/write validators know that rule."""
    synth = Synthesizer(COMPONENTS)
    user = COMPONENTS["User"]
    response = synth.value(ref("User"), for_response=True)
    assert response.keys() == {"id", "name"}
    assert OAS30ReadValidator(user, format_checker=oas30_format_checker).is_valid(response)
    request = synth.value(ref("User"), for_response=False)
    assert request.keys() == {"password", "name"}
    assert OAS30WriteValidator(user, format_checker=oas30_format_checker).is_valid(request)


def test_openapi_30_exclusive_bounds() -> None:
    schema = {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 1, "exclusiveMaximum": True}
    synth = Synthesizer({})
    for seed in SEEDS:
        value = synth.value(schema, seed=seed)
        assert 0 < value < 1
        assert validator(schema, openapi30=True).is_valid(value)


def test_optional_properties_only_near_the_top() -> None:
    inner: dict[str, Any] = {"type": "object", "properties": {"x": {"type": "integer"}}}
    schema: dict[str, Any] = inner
    for _ in range(5):
        schema = {"type": "object", "properties": {"x": {"type": "integer"}, "child": schema}}
    value = Synthesizer({}).value(schema)
    assert value["child"]["child"]["child"] == {}


def test_deterministic_for_a_seed() -> None:
    schema = CASES["nested-object"]
    assert Synthesizer(COMPONENTS, seed=7).value(schema) == Synthesizer(COMPONENTS, seed=7).value(schema)
    synth = Synthesizer(COMPONENTS)
    first = synth.value(schema, seed=3)
    synth.value(schema)
    assert synth.value(schema, seed=3) == first
    assert len({repr(synth.value(schema, seed=s)) for s in range(5)}) > 1
    assert len({synth.value(CASES["enum"], seed=s) for s in range(10)}) > 1


def test_sequence_follows_the_instance_seed() -> None:
    one, two = Synthesizer(COMPONENTS, seed=5), Synthesizer(COMPONENTS, seed=5)
    assert [one.value(ref("Pet")) for _ in range(4)] == [two.value(ref("Pet")) for _ in range(4)]


def test_is_valid_matches_the_independent_validator() -> None:
    synth = Synthesizer(COMPONENTS)
    assert synth.is_valid({"petType": "cat", "lives": 3}, ref("Pet"))
    assert not synth.is_valid({"petType": "cat"}, ref("Pet"))


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_vendor_schema(vendor: str) -> None:
    api = build_api(load_file(REPO / "specs" / f"{vendor}.yaml"), vendor)
    assert api.schemas
    synth = Synthesizer(api.schemas)
    resource = DRAFT202012.create_resource({"components": {"schemas": api.schemas}})
    registry: Registry[Any] = Registry().with_resource(URN, resource)
    failures = []
    for name in api.schemas:
        check = OAS31Validator(
            {"$ref": URN + SCHEMA_REF + name}, registry=registry, format_checker=oas31_format_checker
        )
        for seed in range(3):
            for for_response in (True, False):
                value = synth.value(ref(name), seed=seed, for_response=for_response)
                failures += [(name, seed, e.message) for e in check.iter_errors(value)]
    assert failures == []
