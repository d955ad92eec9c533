"""Comparing two versions of a schema in one direction: what a client sends, or what it reads.

The same change means opposite things in the two directions (a new enum value is harmless in a
request and surprising in a response), so the comparison reports neutral kinds of change
(`enum-value-added`) and the HTTP rules turn each kind into a rule of the right direction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.diff.side import Side
from generator.spec import pointer as jp

Direction = Literal["request", "response"]
Emit = Callable[[str, str, str, str, str], None]
"""(kind, path, old pointer, new pointer, detail)."""

_MAX_DEPTH = 24
# Bounds whose lower value is the tighter one, and those whose higher value is.
_UPPER = ("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")
_LOWER = ("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")
_CATCH_ALL_KEYS = frozenset({"type", "description", "title"})


@dataclass
class View:
    """What a schema allows, flattened through `$ref`, `allOf`, `nullable` and the open-enum idiom."""

    pointer: str
    types: frozenset[str] = frozenset()
    """JSON types without null; empty when the schema does not say."""
    nullable: bool = False
    format: str | None = None
    enum: tuple[Any, ...] | None = None
    open_enum: bool = False
    properties: dict[str, tuple[Any, str]] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: tuple[Any, str] | None = None
    branches: dict[str, tuple[Any, str]] = field(default_factory=dict)
    bounds: dict[str, Any] = field(default_factory=dict)
    refs: tuple[str, ...] = ()
    source: tuple[Any, str] = (None, "")
    """The schema and pointer this view was made from, before any `$ref` was followed."""

    def labels(self) -> dict[str, tuple[Any, str]]:
        """The alternatives a value may be: a union's branches, or the one class it names."""
        if self.branches:
            return self.branches
        if self.refs:
            return {self.refs[-1].rsplit("/", 1)[-1]: self.source}
        return {}


def view(side: Side, schema: Any, pointer: str, depth: int = 0) -> View:
    source = (schema, pointer)
    refs: list[str] = []
    for _ in range(_MAX_DEPTH):
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str)):
            break
        refs.append(schema["$ref"])
        schema, pointer = side.follow(schema, pointer)
    result = View(pointer, refs=tuple(refs), source=source)
    if not isinstance(schema, dict) or depth > _MAX_DEPTH:
        return result
    types = schema.get("type")
    type_set = (
        {types}
        if isinstance(types, str)
        else {t for t in types if isinstance(t, str)}
        if isinstance(types, list)
        else set()
    )
    result.nullable = "null" in type_set or schema.get("nullable") is True
    result.types = frozenset(type_set - {"null"})
    result.format = schema.get("format") if isinstance(schema.get("format"), str) else None
    if isinstance(schema.get("enum"), list):
        values = [v for v in schema["enum"] if v is not None]
        result.nullable = result.nullable or len(values) < len(schema["enum"])
        result.enum = tuple(values)
    elif "const" in schema:
        result.enum = (schema["const"],)
    result.bounds = {k: schema[k] for k in (*_UPPER, *_LOWER, "pattern") if k in schema}
    props = schema.get("properties")
    if isinstance(props, dict):
        result.properties = {str(k): (v, jp.join(pointer, "properties", k)) for k, v in props.items()}
    result.required = frozenset(r for r in schema.get("required") or [] if isinstance(r, str))
    if isinstance(schema.get("items"), dict):
        result.items = (schema["items"], jp.join(pointer, "items"))
    for i, part in enumerate(schema.get("allOf") or []):
        sub = view(side, part, jp.join(pointer, "allOf", i), depth + 1)
        result.properties = {**sub.properties, **result.properties}
        result.required |= sub.required
        result.types = result.types or sub.types
        result.refs += sub.refs
        if result.enum is None and sub.enum is not None:
            result.enum, result.open_enum = sub.enum, sub.open_enum
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list) and branches:
            _union(side, result, branches, jp.join(pointer, key), depth)
    return result


def _union(side: Side, result: View, branches: list[Any], pointer: str, depth: int) -> None:
    """`anyOf`/`oneOf`: null branches make the value nullable; the open-enum idiom is one enum; else branches."""
    kept = []
    for i, branch in enumerate(branches):
        if isinstance(branch, dict) and branch.get("type") == "null" and len(branch) <= 2:
            result.nullable = True
        elif isinstance(branch, dict) and set(branch) == {"required"}:
            continue  # a presence rule ("exactly one of these fields"), not a shape
        else:
            kept.append((branch, jp.join(pointer, i)))
    # The open-enum idiom of our specs (`anyOf: [{type: T, enum: [...]}, {type: T}]`): known values, then any
    # value of the same type. Recognised here as well as in codegen because the diff reads the IR, not models.
    enums = [(b, p) for b, p in kept if isinstance(b, dict) and "enum" in b]
    others = [(b, p) for b, p in kept if not (isinstance(b, dict) and "enum" in b)]
    if (
        len(kept) == 2
        and len(enums) == 1
        and isinstance(others[0][0], dict)
        and set(others[0][0]) <= _CATCH_ALL_KEYS
        and others[0][0].get("type") == enums[0][0].get("type")
    ):
        inner = view(side, enums[0][0], enums[0][1], depth + 1)
        result.types, result.enum, result.open_enum = inner.types, inner.enum, True
        return
    if len(kept) == 1:  # `oneOf: [X]`, or `anyOf: [X, null]`: the value is X
        inner = view(side, kept[0][0], kept[0][1], depth + 1)
        nullable = result.nullable
        result.__dict__.update({k: v for k, v in inner.__dict__.items() if k not in ("pointer", "source")})
        result.nullable = nullable or inner.nullable
        return
    for branch, where in kept:
        result.branches[_label(branch, result.branches)] = (branch, where)


def _label(branch: Any, taken: dict[str, Any]) -> str:
    """A branch's name across versions: the class it names, else its type (numbered when repeated)."""
    label = "value"
    if isinstance(branch, dict):
        ref = branch.get("$ref")
        if isinstance(ref, str):
            label = ref.rsplit("/", 1)[-1]
        elif isinstance(branch.get("type"), str):
            label = str(branch["type"])
    n, unique = 2, label
    while unique in taken:
        unique, n = f"{label}#{n}", n + 1
    return unique


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Whether every value of the `narrow` types is a value of the `wide` ones (integers are numbers)."""
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _show(values: tuple[Any, ...] | list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


class Comparison:
    """One comparison of an old and a new schema, in one direction, reporting through `emit`."""

    def __init__(self, old: Side, new: Side, direction: Direction, emit: Emit) -> None:
        self.old, self.new = old, new
        self.direction = direction
        self.emit = emit
        self.seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()

    def compare(self, old_schema: Any, old_ptr: str, new_schema: Any, new_ptr: str, path: str, depth: int = 0) -> None:
        if depth > _MAX_DEPTH:
            return
        a = view(self.old, old_schema, old_ptr)
        b = view(self.new, new_schema, new_ptr)
        if a.refs or b.refs:
            key = (a.refs, b.refs)
            if key in self.seen:
                return  # a class already compared in this comparison (or a recursive one)
            self.seen.add(key)
        if len(a.branches) > 1 or len(b.branches) > 1:
            self._branches(a, b, path, depth)  # a union on either side: compared alternative by alternative
            return
        self._types(a, b, path)
        self._enum(a, b, path)
        self._bounds(a, b, path)
        self._properties(a, b, path, depth)
        if a.items is not None and b.items is not None:
            self.compare(a.items[0], a.items[1], b.items[0], b.items[1], path + "[]", depth + 1)

    def _types(self, a: View, b: View, path: str) -> None:
        if a.types and b.types and a.types != b.types:
            detail = f"type {'|'.join(sorted(a.types))} -> {'|'.join(sorted(b.types))}"
            if _covers(b.types, a.types):
                self.emit("type-widened", path, a.pointer, b.pointer, detail)
            elif _covers(a.types, b.types):
                self.emit("type-narrowed", path, a.pointer, b.pointer, detail)
            else:
                self.emit("type-changed", path, a.pointer, b.pointer, detail)
        elif a.types and b.types and a.format != b.format:
            self.emit(
                "format-changed", path, a.pointer, b.pointer, f"format {a.format or 'none'} -> {b.format or 'none'}"
            )
        if a.nullable and not b.nullable and (b.types or b.enum is not None):
            self.emit("became-non-nullable", path, a.pointer, b.pointer, "null is no longer allowed")
        if b.nullable and not a.nullable and (a.types or a.enum is not None):
            self.emit("became-nullable", path, a.pointer, b.pointer, "null is now allowed")

    def _enum(self, a: View, b: View, path: str) -> None:
        if a.enum is not None and b.enum is not None:
            removed = [v for v in a.enum if v not in b.enum]
            added = [v for v in b.enum if v not in a.enum]
            if removed:
                self.emit("enum-value-removed", path, a.pointer, b.pointer, f"enum value(s) removed: {_show(removed)}")
            if added:
                kind = "open-enum-value-added" if b.open_enum else "enum-value-added"
                self.emit(kind, path, a.pointer, b.pointer, f"enum value(s) added: {_show(added)}")
        elif a.enum is None and b.enum is not None and not b.open_enum:
            self.emit("enum-added", path, a.pointer, b.pointer, f"now restricted to {_show(b.enum)}")
        elif a.enum is not None and b.enum is None and not a.open_enum:
            self.emit("enum-removed", path, a.pointer, b.pointer, f"no longer restricted to {_show(a.enum)}")

    def _bounds(self, a: View, b: View, path: str) -> None:
        for key in (*_UPPER, *_LOWER, "pattern"):
            before, after = a.bounds.get(key), b.bounds.get(key)
            if before == after:
                continue
            if key == "pattern":
                tighter = after is not None
            elif before is None or after is None:
                tighter = before is None
            elif not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after)):
                continue
            else:
                tighter = after < before if key in _UPPER else after > before
            kind = "constraint-tightened" if tighter else "constraint-loosened"
            self.emit(kind, path, a.pointer, b.pointer, f"{key} {before!r} -> {after!r}")

    def _properties(self, a: View, b: View, path: str, depth: int) -> None:
        prefix = f"{path}." if path else ""
        for name, (schema, ptr) in a.properties.items():
            if name not in b.properties:
                if self.direction == "response":
                    kind = "required-property-removed" if name in a.required else "optional-property-removed"
                else:
                    kind = "property-removed"
                self.emit(kind, prefix + name, ptr, jp.join(b.pointer, "properties"), "property removed")
                continue
            new_schema, new_ptr = b.properties[name]
            if name in a.required and name not in b.required:
                self.emit("property-became-optional", prefix + name, ptr, new_ptr, "no longer required")
            elif name not in a.required and name in b.required:
                self.emit("property-became-required", prefix + name, ptr, new_ptr, "now required")
            self.compare(schema, ptr, new_schema, new_ptr, prefix + name, depth + 1)
        for name, (_, ptr) in b.properties.items():
            if name not in a.properties:
                kind = (
                    "property-added-required"
                    if name in b.required and self.direction == "request"
                    else "property-added"
                )
                detail = "property added" + (" (required)" if name in b.required else "")
                self.emit(kind, prefix + name, jp.join(a.pointer, "properties"), ptr, detail)

    def _branches(self, a: View, b: View, path: str, depth: int) -> None:
        old, new = a.labels(), b.labels()
        if not old or not new:
            if old or new:
                self.emit("type-changed", path, a.pointer, b.pointer, "a union became a plain value, or the reverse")
            return
        for label, (schema, ptr) in old.items():
            if label in new:
                self.compare(schema, ptr, new[label][0], new[label][1], path, depth + 1)
            else:
                self.emit("union-branch-removed", path, ptr, b.pointer, f"alternative {label} removed")
        for label, (_, ptr) in new.items():
            if label not in old:
                self.emit("union-branch-added", path, a.pointer, ptr, f"alternative {label} added")
