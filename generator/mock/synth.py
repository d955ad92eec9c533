"""Schema-valid example data for the mock server, synthesized from OpenAPI 3.0/3.1 Schema Objects.

This plays the part of Prism's `Prefer: dynamic=true`: values come from the schema alone, deterministically
from a seed, so a mock response is reproducible in a failing test. Choices between `oneOf`/`anyOf` branches
are checked with the validator the contract tests use, so a value matches exactly one `oneOf` branch
whenever the schema allows it.

Internally a schema is first *flattened*: `$ref`s and `allOf` are merged into one dict of constraints and
the `oneOf`/`anyOf` groups are set aside; a branch is then chosen per group and the merge repeated. The
merged dicts carry a few private `x-synth-*` keys (what `not` and the other `oneOf` branches rule out);
they are only ever generated from, never validated against.
"""

from __future__ import annotations

import base64
import copy
import itertools
import json
import math
import random
import re
import string
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from referencing import Registry
from referencing.jsonschema import DRAFT202012

from generator.spec.ir import SCHEMA_REF

Schema = dict[str, Any]

# Beyond this value depth the smallest valid value is built, so recursive schemas end.
MAX_DEPTH = 6
# Up to this value depth optional properties are included, so mock data shows the whole shape.
FULL_DEPTH = 2
# Past this depth (a schema whose required parts recurse forever) generation gives up with null.
HARD_DEPTH = 40
# Nested generations at one depth without descending: more means a `$ref` cycle through branches.
_MAX_FRAMES = 24
# Branch combinations tried when several `oneOf`/`anyOf` groups apply to one value.
_MAX_COMBOS = 32
# Draws per branch combination before the next one is tried.
_TRIES = 3
_URN = "urn:testrelay:mock:schemas"

_WORDS = ("smoke", "login", "checkout", "nightly", "staging", "release", "search", "profile", "signup", "payments")
_LOWER_BOUNDS = frozenset({"minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"})
_UPPER_BOUNDS = frozenset({"maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"})
_SUBSCHEMA_KEYS = frozenset({"items", "additionalProperties", "unevaluatedProperties", "propertyNames", "contains"})
_LIST_KEYS = frozenset({"x-synth-break", "x-synth-not-types", "x-synth-not-values", "x-synth-patterns"})
_OBJECT_KEYS = frozenset({"properties", "required", "additionalProperties", "minProperties", "patternProperties"})
_ARRAY_KEYS = frozenset({"items", "prefixItems", "minItems", "maxItems", "uniqueItems"})
_STRING_KEYS = frozenset({"minLength", "maxLength", "pattern"})
_NUMBER_KEYS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})
_VALUE_KEYS = frozenset({"enum", "const", "default", "example", "examples"})
_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


class _Cycle(Exception):
    """A `$ref` loop that never reaches a value; the caller tries another branch."""


@dataclass(frozen=True)
class _Group:
    """One `oneOf`/`anyOf` found while flattening, with the discriminator next to it."""

    kind: str
    branches: tuple[Schema | bool, ...]
    discriminator: Schema | None


@dataclass
class _Context:
    """State of one `value()` call: its random source, its direction and the frames per depth."""

    rng: random.Random
    for_response: bool
    frames: dict[int, int]


class Synthesizer:
    """Builds values that validate against Schema Objects whose `$ref`s point into one schema table."""

    def __init__(self, schemas: dict[str, dict[str, Any]], *, seed: int = 0) -> None:
        """`schemas` maps a name to a schema; `$ref`s in any schema are `#/components/schemas/<name>`."""
        self.schemas = schemas
        self._rng = random.Random(seed)
        self._document: Schema = {"components": {"schemas": schemas}}
        resource = DRAFT202012.create_resource(self._document)
        self._registry: Registry[Any] = Registry().with_resource(_URN, resource)

    def value(self, schema: dict[str, Any] | bool, *, seed: int | None = None, for_response: bool = True) -> Any:
        """A value valid against `schema`; `seed` (if given) makes this one value reproducible on its own.

        `for_response` decides which of `readOnly` (left out of requests) and `writeOnly` (left out of
        responses) properties are dropped.
        """
        rng = random.Random(seed) if seed is not None else self._rng
        try:
            return self._generate(schema, _Context(rng, for_response, {}), 0)
        except _Cycle:
            return None

    def is_valid(self, value: Any, schema: dict[str, Any] | bool) -> bool:
        """Whether `value` validates (formats included) the way the contract tests will check it."""
        # Imported here: a quarter of a second, which generating a contract suite rarely needs.
        from openapi_schema_validator import OAS31Validator, oas31_format_checker

        validator = OAS31Validator(_absolute(schema), registry=self._registry, format_checker=oas31_format_checker)
        return bool(validator.is_valid(value))

    # -- structure --------------------------------------------------------------------------------

    def _resolve(self, ref: str) -> Schema | bool | None:
        if ref.startswith(SCHEMA_REF):
            found = self.schemas.get(_unescape(ref[len(SCHEMA_REF) :]))
            return found if isinstance(found, dict | bool) else None
        if not ref.startswith("#"):
            return None
        node: Any = self._document
        for token in ref[1:].split("/")[1:]:
            key = _unescape(token)
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                return None
        return node if isinstance(node, dict | bool) else None

    def _flatten(self, schema: Schema | bool, seen: frozenset[str] = frozenset()) -> tuple[Schema, list[_Group]]:
        """`schema` with `$ref` and `allOf` merged in, and its `oneOf`/`anyOf` groups apart."""
        if not isinstance(schema, dict):
            return {}, []
        own: Schema = {}
        parts: list[tuple[Schema, list[_Group]]] = []
        groups: list[_Group] = []
        for key, val in schema.items():
            if key == "$ref" and isinstance(val, str):
                target = self._resolve(val) if val not in seen else None
                if target is not None:
                    parts.append(self._flatten(target, seen | {val}))
            elif key == "allOf" and isinstance(val, list):
                parts.extend(self._flatten(member, seen) for member in val)
            elif key in ("oneOf", "anyOf") and isinstance(val, list) and val:
                disc = schema.get("discriminator")
                groups.append(_Group(key, tuple(val), disc if isinstance(disc, dict) else None))
            elif key == "not":
                self._apply_not(own, val, seen)
            else:
                own[key] = val
        _normalize(own)
        merged = own
        for part, part_groups in parts:
            merged = _merge(merged, part)
            groups.extend(part_groups)
        return merged, groups

    def _apply_not(self, own: Schema, sub: Any, seen: frozenset[str]) -> None:
        """Turns the simple forms of `not` into things to avoid; any value avoiding them fails `sub`."""
        if not isinstance(sub, dict):
            return
        base, groups = self._flatten(sub, seen)
        breaks: list[list[str]] = []
        if base.get("required"):
            breaks.append(list(base["required"]))
        for group in groups:
            for branch in group.branches:
                required = self._flatten(branch, seen)[0].get("required")
                if required:
                    breaks.append(list(required))
        if breaks:
            own.setdefault("x-synth-break", []).extend(breaks)
        types = base.get("type")
        if isinstance(types, str | list):
            own.setdefault("x-synth-not-types", []).extend([types] if isinstance(types, str) else types)
        if "const" in base:
            own.setdefault("x-synth-not-values", []).append(base["const"])
        if isinstance(base.get("enum"), list):
            own.setdefault("x-synth-not-values", []).extend(base["enum"])

    def _flag(self, schema: Any, key: str) -> bool:
        return isinstance(schema, dict) and self._flatten(schema)[0].get(key) is True

    # -- generation -------------------------------------------------------------------------------

    def _generate(self, schema: Schema | bool, ctx: _Context, depth: int) -> Any:
        if depth > HARD_DEPTH:
            return None
        frames = ctx.frames.get(depth, 0)
        if frames > _MAX_FRAMES:
            raise _Cycle
        ctx.frames[depth] = frames + 1
        try:
            base, groups = self._flatten(schema)
            if groups:
                return self._choose(schema, base, groups, ctx, depth)
            return self._flat(base, ctx, depth)
        finally:
            ctx.frames[depth] = frames

    def _choose(self, schema: Schema | bool, base: Schema, groups: list[_Group], ctx: _Context, depth: int) -> Any:
        """Tries branch combinations until the value validates against the whole schema."""
        orders = [self._branch_order(group, ctx, depth) for group in groups]
        fallback: list[Any] = []
        for combo in itertools.islice(itertools.product(*orders), _MAX_COMBOS):
            members: list[Schema | bool] = [base]
            for group, index in zip(groups, combo, strict=True):
                members.append(group.branches[index])
                members.extend(self._branch_extras(group, index))
            for _ in range(_TRIES):  # a fresh draw often fixes a value that happened to fit two branches
                try:
                    candidate = self._generate({"allOf": members}, ctx, depth)
                except _Cycle:
                    break
                if self.is_valid(candidate, schema):
                    return candidate
                fallback.append(candidate)
        if not fallback:
            raise _Cycle
        return fallback[0]

    def _branch_order(self, group: _Group, ctx: _Context, depth: int) -> list[int]:
        """Deep down the least recursive branches first; otherwise a seeded start and null last."""
        indices = list(range(len(group.branches)))
        if depth > MAX_DEPTH:
            return sorted(indices, key=lambda i: (self._weight(group.branches[i]), i))
        if group.kind == "oneOf":
            start = ctx.rng.randrange(len(indices))
            indices = indices[start:] + indices[:start]
        return sorted(indices, key=lambda i: self._weight(group.branches[i]) == 0)

    def _weight(self, branch: Schema | bool) -> int:
        """0 for a null-only branch, 1 for one without `$ref`s, 2 for one that may recurse."""
        base = self._flatten(branch)[0]
        if base.get("type") in ("null", ["null"]) or ("const" in base and base["const"] is None):
            return 0
        return 2 if _has_ref(branch) else 1

    def _branch_extras(self, group: _Group, index: int) -> list[Schema]:
        """What to add to a chosen branch: the other `oneOf` branches ruled out, the discriminator set."""
        extras: list[Schema] = []
        if group.kind == "oneOf":
            breaks = []
            for other, branch in enumerate(group.branches):
                required = self._flatten(branch)[0].get("required") if other != index else None
                if required:
                    breaks.append(list(required))
            if breaks:
                extras.append({"x-synth-break": breaks})
        disc = group.discriminator
        prop = disc.get("propertyName") if disc else None
        if disc and isinstance(prop, str):
            key = _mapping_key(disc, group.branches[index])
            if key is not None:
                extras.append({"type": "object", "properties": {prop: {"const": key}}, "required": [prop]})
        return extras

    def _flat(self, base: Schema, ctx: _Context, depth: int) -> Any:
        """A value for a schema without `$ref`, `allOf`, `oneOf` and `anyOf`."""
        rng = ctx.rng
        deep = depth > MAX_DEPTH
        if "const" in base:
            return copy.deepcopy(base["const"])
        types = _types(base)
        enum = base.get("enum")
        if isinstance(enum, list) and enum:
            excluded = base.get("x-synth-not-values", [])
            options = [v for v in enum if v not in excluded and _fits(v, types)] or enum
            pool = [v for v in options if v is not None] or options
            return copy.deepcopy(pool[0] if deep else rng.choice(pool))
        if deep and "null" in types:
            return None
        kind = next((t for t in types if t != "null"), "null" if types else "")
        if kind == "object":
            return self._object(base, ctx, depth)
        if kind == "array":
            return self._array(base, ctx, depth)
        if kind == "integer":
            return _integer(base, rng)
        if kind == "number":
            return _number(base, rng)
        if kind == "boolean":
            excluded = base.get("x-synth-not-values", [])
            return next((b for b in rng.sample([True, False], 2) if b not in excluded), True)
        if kind == "null":
            return None
        return _string(base, rng)

    def _array(self, base: Schema, ctx: _Context, depth: int) -> list[Any]:
        prefix: list[Any] = base["prefixItems"] if isinstance(base.get("prefixItems"), list) else []
        items = base.get("items", True)
        if isinstance(items, list):  # 3.0 / draft 4 tuple form
            prefix, items = items, base.get("additionalItems", True)
        low = _int(base.get("minItems"), 0)
        high = base.get("maxItems")
        count = low if depth > MAX_DEPTH else max(low, ctx.rng.randint(1, 2))
        if isinstance(high, int):
            count = min(count, high)
        if items is False:
            count = min(count, len(prefix))
        unique = base.get("uniqueItems") is True
        out: list[Any] = []
        seen: set[str] = set()
        for _ in range(count * 4 + 4):
            if len(out) >= count:
                break
            sub = prefix[len(out)] if len(out) < len(prefix) else items
            item = self._generate(sub, ctx, depth + 1)
            key = json.dumps(item, sort_keys=True, default=str)
            if unique and key in seen:
                continue
            seen.add(key)
            out.append(item)
        return out

    def _object(self, base: Schema, ctx: _Context, depth: int) -> dict[str, Any]:
        props: Schema = base["properties"] if isinstance(base.get("properties"), dict) else {}
        required = [r for r in base.get("required", []) if isinstance(r, str)]
        hidden = "writeOnly" if ctx.for_response else "readOnly"
        visible = [n for n in props if props[n] is not False and not self._flag(props[n], hidden)]
        chosen = [n for n in dict.fromkeys(required) if n not in props or n in visible]
        optional = [n for n in visible if n not in chosen]
        most = base.get("maxProperties") if isinstance(base.get("maxProperties"), int) else None
        least = _int(base.get("minProperties"), 0)
        banned: set[str] = set()
        if depth <= FULL_DEPTH:
            chosen += optional[: None if most is None else max(most - len(chosen), 0)]
        for names in base.get("x-synth-break", []):
            if names and all(n in chosen for n in names):
                drop = next((n for n in names if n not in required), None)
                if drop is not None:
                    chosen.remove(drop)
                    banned.add(drop)
        dependent: Schema = base["dependentRequired"] if isinstance(base.get("dependentRequired"), dict) else {}
        for name in list(chosen):
            chosen += [d for d in dependent.get(name, []) if d not in chosen]
        for name in optional:
            if len(chosen) >= least:
                break
            if name not in chosen and name not in banned:
                chosen.append(name)
        ordered = [n for n in props if n in chosen] + [n for n in chosen if n not in props]
        result = {name: self._generate(self._property_schema(base, name), ctx, depth + 1) for name in ordered}
        additional = base.get("additionalProperties")
        wanted = least - len(result)
        if isinstance(additional, dict) and depth <= FULL_DEPTH:
            wanted = max(wanted, 1)
        if most is not None:
            wanted = min(wanted, most - len(result))
        if wanted > 0 and (additional is not False or base.get("patternProperties")):
            for _ in range(wanted * 2):
                key = self._extra_key(base, result, ctx.rng)
                if key is not None and len(result) < len(ordered) + wanted:
                    result[key] = self._generate(self._property_schema(base, key), ctx, depth + 1)
        return result

    def _property_schema(self, base: Schema, name: str) -> Schema | bool:
        """The schema a property's value must meet: its own, a matching pattern's, or the additional one."""
        props = base.get("properties")
        if isinstance(props, dict) and name in props:
            sub: Schema | bool = props[name]
            return sub
        patterns = base.get("patternProperties")
        if isinstance(patterns, dict):
            for pattern, pattern_schema in patterns.items():
                if _search(pattern, name):
                    found: Schema | bool = pattern_schema
                    return found
        additional = base.get("additionalProperties")
        return additional if isinstance(additional, dict) else True

    def _extra_key(self, base: Schema, taken: dict[str, Any], rng: random.Random) -> str | None:
        """A fresh property name: from a `patternProperties` pattern if any, else a plain word."""
        patterns = base.get("patternProperties")
        candidates: list[str] = []
        if isinstance(patterns, dict):
            for pattern in patterns:
                example = pattern_example(pattern, rng)
                if example is not None:
                    candidates.append(example)
        if base.get("additionalProperties") is not False:
            candidates += [rng.choice(_WORDS), *_WORDS, *(f"key{i}" for i in range(10))]
        props = base.get("properties") or {}
        return next((c for c in candidates if c not in taken and c not in props), None)


# -- merging ----------------------------------------------------------------------------------------


def _normalize(own: Schema) -> None:
    """3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` in their 3.1 numeric form, so merges compare."""
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        flag = own.get(exclusive)
        if isinstance(flag, bool):
            del own[exclusive]
            if flag and _is_number(own.get(bound)):
                own[exclusive] = own.pop(bound)


def _merge(first: Schema, second: Schema) -> Schema:
    """The constraints of both flat schemas in one, as `allOf` means; the first's annotations win."""
    out = dict(first)
    for key, val in second.items():
        if key not in out:
            out[key] = val
            continue
        cur = out[key]
        if key == "properties" and isinstance(cur, dict) and isinstance(val, dict):
            out[key] = {**cur, **{k: {"allOf": [cur[k], v]} if k in cur else v for k, v in val.items()}}
        elif key == "required" and isinstance(cur, list) and isinstance(val, list):
            out[key] = list(dict.fromkeys([*cur, *val]))
        elif key in _LIST_KEYS:
            out[key] = [*cur, *val]
        elif key == "type":
            out[key] = _intersect_types(cur, val)
        elif key == "enum" and isinstance(cur, list) and isinstance(val, list):
            out[key] = [v for v in cur if v in val] or cur
        elif key in _LOWER_BOUNDS and _is_number(cur) and _is_number(val):
            out[key] = max(cur, val)
        elif key in _UPPER_BOUNDS and _is_number(cur) and _is_number(val):
            out[key] = min(cur, val)
        elif key == "multipleOf" and _is_number(cur) and _is_number(val):
            out[key] = _common_multiple(cur, val)
        elif key in _SUBSCHEMA_KEYS:
            out[key] = _merge_subschemas(cur, val)
        elif key == "prefixItems" and isinstance(cur, list) and isinstance(val, list):
            pairs = [{"allOf": [a, b]} for a, b in zip(cur, val, strict=False)]
            out[key] = pairs + (cur[len(val) :] or val[len(cur) :])
        elif key in ("uniqueItems", "readOnly", "writeOnly"):
            out[key] = cur is True or val is True
        elif key == "pattern" and cur != val:
            out["x-synth-patterns"] = [*out.get("x-synth-patterns", []), val]
        elif key in ("patternProperties", "dependentRequired") and isinstance(cur, dict) and isinstance(val, dict):
            out[key] = {**val, **cur}
    return out


def _merge_subschemas(first: Any, second: Any) -> Any:
    if first is False or second is False:
        return False
    if first is True or second is True:
        return second if first is True else first
    return {"allOf": [first, second]}


def _intersect_types(first: Any, second: Any) -> Any:
    one = [first] if isinstance(first, str) else list(first)
    two = [second] if isinstance(second, str) else list(second)
    both = [t for t in one if t in two or (t == "integer" and "number" in two)]
    both += [t for t in two if t == "integer" and "number" in one and t not in both]
    return both or one


def _common_multiple(first: float, second: float) -> float:
    a, b = Fraction(str(first)), Fraction(str(second))
    lcm = Fraction(math.lcm(a.numerator, b.numerator), math.gcd(a.denominator, b.denominator))
    return int(lcm) if lcm.denominator == 1 else float(lcm)


def _mapping_key(disc: Schema, branch: Schema | bool) -> str | None:
    """The discriminator value for a `$ref` branch: its mapping key, else the schema's name."""
    ref = branch.get("$ref") if isinstance(branch, dict) else None
    if not isinstance(ref, str):
        return None
    name = _unescape(ref[len(SCHEMA_REF) :]) if ref.startswith(SCHEMA_REF) else None
    mapping = disc.get("mapping")
    if isinstance(mapping, dict):
        for key, target in mapping.items():
            if target == ref or (name is not None and target == name):
                return str(key)
    return name


# -- scalars ----------------------------------------------------------------------------------------


def _types(base: Schema) -> list[str]:
    """The allowed types in order, inferred from the keywords when `type` is missing."""
    raw = base.get("type")
    if isinstance(raw, str):
        types = [raw]
    elif isinstance(raw, list):
        types = [t for t in raw if isinstance(t, str)]
    elif _OBJECT_KEYS & base.keys():
        types = ["object"]
    elif _ARRAY_KEYS & base.keys():
        types = ["array"]
    elif _STRING_KEYS & base.keys() or base.get("format") in _FORMATS:
        types = ["string"]
    elif _NUMBER_KEYS & base.keys() or base.get("format") in ("int32", "int64", "float", "double"):
        types = ["integer"] if base.get("format") in ("int32", "int64") else ["number"]
    else:
        types = []
    excluded = base.get("x-synth-not-types", [])
    kept = [t for t in types if t not in excluded and not (t == "integer" and "number" in excluded)]
    return kept or types


def _fits(value: Any, types: list[str]) -> bool:
    if not types:
        return True
    checks = {
        "null": value is None,
        "boolean": isinstance(value, bool),
        "integer": _is_number(value) and float(value).is_integer(),
        "number": _is_number(value),
        "string": isinstance(value, str),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }
    return any(checks.get(t, False) for t in types)


def _integer(base: Schema, rng: random.Random) -> int:
    low: int | None = None
    high: int | None = None
    if _is_number(base.get("minimum")):
        low = math.ceil(base["minimum"])
    if _is_number(base.get("exclusiveMinimum")):
        low = max(low if low is not None else -(2**63), math.floor(base["exclusiveMinimum"]) + 1)
    if _is_number(base.get("maximum")):
        high = math.floor(base["maximum"])
    if _is_number(base.get("exclusiveMaximum")):
        high = min(high if high is not None else 2**63, math.ceil(base["exclusiveMaximum"]) - 1)
    if low is None:
        low = 1 if high is None or high >= 1 else high - 100
    if high is None:
        high = low + 100
    step = 1
    if _is_number(base.get("multipleOf")) and base["multipleOf"] > 0:
        step = Fraction(str(base["multipleOf"])).numerator  # integers that are multiples of p/q are multiples of p
    first = -(-low // step) * step
    count = max((min(high, low + 100) - first) // step, 0)
    return int(first + step * rng.randint(0, count))


def _number(base: Schema, rng: random.Random) -> float:
    minimum, maximum = _num(base.get("minimum")), _num(base.get("maximum"))
    above, below = _num(base.get("exclusiveMinimum")), _num(base.get("exclusiveMaximum"))
    low_open = above is not None and (minimum is None or above >= minimum)
    high_open = below is not None and (maximum is None or below <= maximum)
    low_bound = above if low_open else minimum
    high_bound = below if high_open else maximum
    if low_bound is None:
        low_bound = 1.0 if high_bound is None or high_bound >= 101 else high_bound - 100
    low: float = low_bound
    high: float = high_bound if high_bound is not None else low + 100

    def inside(v: float) -> bool:
        return (v > low if low_open else v >= low) and (v < high if high_open else v <= high)

    step = _num(base.get("multipleOf"))
    if step is not None and step > 0:
        first = math.ceil(low / step)
        last = max(math.floor(min(high, low + 100 * step) / step), first)
        picks = rng.sample(range(first, last + 1), min(8, last - first + 1))
        fits = [v for k in [*picks, *range(first, last + 2)] if inside(v := float(Decimal(str(step)) * k))]
        fits = [v for v in fits if (v / step).is_integer()]
        # A fraction tells a `number` apart from an `integer` branch next to it.
        return next((v for v in fits if not v.is_integer()), fits[0] if fits else float(first * step))
    v = round(rng.uniform(low, min(high, low + 100)), 2)
    if v.is_integer() and inside(v + 0.25):
        v += 0.25
    return float(v if inside(v) else (low + high) / 2)


def _string(base: Schema, rng: random.Random) -> str:
    low = _int(base.get("minLength"), 0)
    high = base.get("maxLength") if isinstance(base.get("maxLength"), int) else None
    patterns = [p for p in [base.get("pattern"), *base.get("x-synth-patterns", [])] if isinstance(p, str)]
    excluded = base.get("x-synth-not-values", [])
    fmt = base.get("format")
    make = _FORMATS.get(fmt) if isinstance(fmt, str) else None

    def ok(s: str) -> bool:
        short_enough = high is None or len(s) <= high
        return low <= len(s) and short_enough and s not in excluded and all(_search(p, s) for p in patterns)

    if not patterns:
        if make is not None:
            return make(rng)
        words = [_fit(w, low, high) for w in (rng.choice(_WORDS), *_WORDS)]
        return next((w for w in words if ok(w)), words[0])
    generated = [s for s in (pattern_example(patterns[0], rng) for _ in range(8)) if s is not None]
    candidates = [*generated, *([make(rng)] if make else []), *_WORDS, "string", "a", "0", "abc123", "A1", "a-b"]
    return next((s for s in candidates if ok(s)), generated[0] if generated else _fit("string", low, high))


def _fit(word: str, low: int, high: int | None) -> str:
    """`word` stretched (by repeating it) or cut to the length bounds."""
    text = word * (low // len(word) + 1) if len(word) < low else word
    text = text[: max(low, len(word))]
    return text if high is None else text[:high]


def _moment(rng: random.Random) -> datetime:
    return _EPOCH + timedelta(seconds=rng.randrange(2 * 365 * 86400))


_FORMATS: dict[str, Callable[[random.Random], str]] = {
    "date-time": lambda rng: _moment(rng).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "date": lambda rng: _moment(rng).strftime("%Y-%m-%d"),
    # No offset: jsonschema's format checker (shared by the OAS ones) reads "time" as plain %H:%M:%S.
    "time": lambda rng: _moment(rng).strftime("%H:%M:%S"),
    "duration": lambda rng: f"PT{rng.randint(1, 59)}M",
    "uuid": lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "uri": lambda rng: f"https://example.com/{rng.choice(_WORDS)}",
    "url": lambda rng: f"https://example.com/{rng.choice(_WORDS)}",
    "iri": lambda rng: f"https://example.com/{rng.choice(_WORDS)}",
    "uri-reference": lambda rng: f"/{rng.choice(_WORDS)}",
    "iri-reference": lambda rng: f"/{rng.choice(_WORDS)}",
    "uri-template": lambda rng: f"https://example.com/{rng.choice(_WORDS)}/{{id}}",
    "email": lambda rng: f"{rng.choice(_WORDS)}@example.com",
    "idn-email": lambda rng: f"{rng.choice(_WORDS)}@example.com",
    "hostname": lambda rng: f"{rng.choice(_WORDS)}.example.com",
    "idn-hostname": lambda rng: f"{rng.choice(_WORDS)}.example.com",
    "ipv4": lambda rng: f"192.0.2.{rng.randint(1, 254)}",
    "ipv6": lambda rng: f"2001:db8::{rng.randint(1, 0xFFFF):x}",
    "byte": lambda rng: base64.b64encode(rng.choice(_WORDS).encode()).decode(),
    "binary": lambda rng: rng.choice(_WORDS),
    "password": lambda rng: f"{rng.choice(_WORDS)}-{rng.randint(1000, 9999)}",
    "json-pointer": lambda rng: f"/{rng.choice(_WORDS)}",
    "relative-json-pointer": lambda rng: "0",
    "regex": lambda rng: "^[a-z]+$",
}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _num(value: Any) -> float | None:
    return value if _is_number(value) else None


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _search(pattern: str, text: str) -> bool:
    """JSON Schema's `pattern` test (unanchored); a pattern Python cannot compile does not block a value."""
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return True


def _has_ref(node: Any) -> bool:
    if isinstance(node, dict):
        return "$ref" in node or any(_has_ref(v) for k, v in node.items() if k not in _VALUE_KEYS)
    return isinstance(node, list) and any(_has_ref(v) for v in node)


def _unescape(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


def _absolute(schema: Any) -> Any:
    """A copy whose local `$ref`s name the registry's document, so any subschema validates on its own."""
    if isinstance(schema, dict):
        return {
            k: (
                _URN + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else v
                if k in _VALUE_KEYS
                else _absolute(v)
            )
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_absolute(v) for v in schema]
    return schema


# -- patterns ---------------------------------------------------------------------------------------

_ALPHABET = string.ascii_lowercase + string.digits + string.ascii_uppercase + string.punctuation + " "


class _Unsupported(Exception):
    """A regex construct the example generator does not handle (back-references, unicode classes)."""


class _Node:
    """A parsed piece of a pattern that can write an example of itself."""

    def emit(self, rng: random.Random, out: list[str]) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class _Text(_Node):
    text: str

    def emit(self, rng: random.Random, out: list[str]) -> None:
        out.append(self.text)


@dataclass(frozen=True)
class _Chars(_Node):
    chars: str

    def emit(self, rng: random.Random, out: list[str]) -> None:
        out.append(rng.choice(self.chars))


@dataclass(frozen=True)
class _Seq(_Node):
    items: tuple[_Node, ...]

    def emit(self, rng: random.Random, out: list[str]) -> None:
        for item in self.items:
            item.emit(rng, out)


@dataclass(frozen=True)
class _Alt(_Node):
    options: tuple[_Node, ...]

    def emit(self, rng: random.Random, out: list[str]) -> None:
        rng.choice(self.options).emit(rng, out)


@dataclass(frozen=True)
class _Repeat(_Node):
    item: _Node
    low: int
    high: int | None

    def emit(self, rng: random.Random, out: list[str]) -> None:
        top = self.low + 3 if self.high is None else min(self.high, max(self.low, 8))
        for _ in range(rng.randint(self.low, top)):
            self.item.emit(rng, out)


_EMPTY = _Seq(())
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "0": "\0"}
# Outside a class: short, realistic picks. Inside one: the full set, so negation and ranges stay right.
_SHORTHANDS = {"d": string.digits, "w": string.ascii_lowercase + string.digits, "s": " "}
_SHORTHANDS |= {"D": string.ascii_lowercase, "W": "-", "S": string.ascii_lowercase}
_CLASS_SETS = {"d": string.digits, "w": string.ascii_letters + string.digits + "_", "s": " \t\n"}
_CLASS_SETS |= {k.upper(): "".join(c for c in _ALPHABET if c not in v) for k, v in list(_CLASS_SETS.items())}


def pattern_example(pattern: str, rng: random.Random) -> str | None:
    """A string meant to match `pattern`, or None when the pattern is beyond the supported subset."""
    node = _parse(pattern)
    if node is None:
        return None
    out: list[str] = []
    node.emit(rng, out)
    return "".join(out)


@lru_cache(maxsize=512)
def _parse(pattern: str) -> _Node | None:
    try:
        return _Parser(pattern).parse()
    except (_Unsupported, RecursionError):
        return None


class _Parser:
    """Recursive descent over the usual subset: classes, escapes, groups, alternation, quantifiers."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0

    def parse(self) -> _Node:
        node = self._alternation()
        if self.pos != len(self.src):
            raise _Unsupported
        return node

    def _peek(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def _take(self) -> str:
        if self.pos >= len(self.src):
            raise _Unsupported
        ch = self.src[self.pos]
        self.pos += 1
        return ch

    def _alternation(self) -> _Node:
        options = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            options.append(self._sequence())
        return options[0] if len(options) == 1 else _Alt(tuple(options))

    def _sequence(self) -> _Node:
        items: list[_Node] = []
        while self._peek() not in ("", "|", ")"):
            items.append(self._quantified(self._atom()))
        return items[0] if len(items) == 1 else _Seq(tuple(items))

    def _atom(self) -> _Node:
        ch = self._take()
        if ch == "(":
            return self._group()
        if ch == "[":
            return self._class()
        if ch == "\\":
            return self._escape()
        if ch == ".":
            return _Chars(string.ascii_lowercase)
        if ch in "^$":
            return _EMPTY
        if ch in "*+?":
            raise _Unsupported
        return _Text(ch)

    def _group(self) -> _Node:
        rest = self.src[self.pos :]
        skip = False
        if rest.startswith("?"):
            if rest.startswith("?:"):
                self.pos += 2
            elif rest.startswith(("?=", "?!")):
                self.pos, skip = self.pos + 2, True
            elif rest.startswith(("?<=", "?<!")):
                self.pos, skip = self.pos + 3, True
            elif rest.startswith(("?P<", "?<")) and ">" in rest:
                self.pos += rest.index(">") + 1
            else:
                raise _Unsupported
        inner = self._alternation()
        if self._take() != ")":
            raise _Unsupported
        return _EMPTY if skip else inner  # a lookaround adds no text; the final check catches a miss

    def _quantified(self, atom: _Node) -> _Node:
        ch = self._peek()
        if ch in ("*", "+", "?"):
            self.pos += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        elif ch == "{":
            match = re.match(r"\{(\d*)(,?)(\d*)\}", self.src[self.pos :])
            if match is None or not (match[1] or match[3]):
                return atom
            self.pos += match.end()
            low = int(match[1] or 0)
            high = low if not match[2] else int(match[3]) if match[3] else None
        else:
            return atom
        if self._peek() in ("?", "+"):  # lazy or possessive: the same strings match
            self.pos += 1
        return _Repeat(atom, low, high)

    def _escape(self) -> _Node:
        ch = self._take()
        if ch in _SHORTHANDS:
            return _Chars(_SHORTHANDS[ch])
        if ch in "bBAZz":
            return _EMPTY
        return _Text(self._escaped_char(ch))

    def _escaped_char(self, ch: str) -> str:
        if ch in _ESCAPES:
            return _ESCAPES[ch]
        if ch in ("x", "u"):
            digits = self.src[self.pos : self.pos + (2 if ch == "x" else 4)]
            if not re.fullmatch(r"[0-9a-fA-F]+", digits) or len(digits) != (2 if ch == "x" else 4):
                raise _Unsupported
            self.pos += len(digits)
            return chr(int(digits, 16))
        if ch.isalnum():  # back-references, \p{...}, \k<...> and the like
            raise _Unsupported
        return ch

    def _class(self) -> _Node:
        negate = self._peek() == "^"
        if negate:
            self.pos += 1
        chars: list[str] = []
        first = True
        while True:
            ch = self._take()
            if ch == "]" and not first:
                break
            first = False
            members = self._class_member(ch)
            if len(members) == 1 and self._peek() == "-" and self.src[self.pos + 1 : self.pos + 2] not in ("", "]"):
                self.pos += 1
                end = self._class_member(self._take())
                if len(end) != 1:
                    raise _Unsupported
                members = _char_range(members, end)
            chars.extend(members)
        pool = [c for c in _ALPHABET if c not in chars] if negate else chars
        if not pool:
            raise _Unsupported
        return _Chars("".join(dict.fromkeys(pool)))

    def _class_member(self, ch: str) -> str:
        if ch != "\\":
            return ch
        escaped = self._take()
        if escaped in _CLASS_SETS:
            return _CLASS_SETS[escaped]
        if escaped == "b":
            return "\b"
        return self._escaped_char(escaped)


def _char_range(start: str, end: str) -> str:
    low, high = ord(start), ord(end)
    if high < low:
        raise _Unsupported
    printable = [chr(c) for c in range(low, high + 1) if chr(c) in _ALPHABET]
    return "".join(printable) or "".join(chr(c) for c in range(low, min(high, low + 15) + 1))
