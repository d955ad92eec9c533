"""Python types for the schemas of parameters, bodies and responses, as a typed model.

A `TypeRef` is a type expression that renders itself (with or without a qualifier for the model
module) and knows which imports it needs, so annotations, runtime type arguments and import
lists all come from one value and nothing is parsed back from text.

Objects and enums are the generated model classes. Arrays, maps and unions are spelled out
(`list[TestReport]`, `A | B`) rather than wrapped in root models, so a call returns what a
person would expect to get back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.codegen.openenum import closed_form
from generator.spec.ir import SCHEMA_REF, deref

_MAX_DEPTH = 24
MODELS = ".models"
"""The module of a TypeRef that names a generated model class."""


@dataclass(frozen=True)
class TypeRef:
    """One type expression: a name (builtin, stdlib, typing or model), a generic, or a union.

    `module` is where `name` is imported from: "" for builtins, "typing", "datetime", "uuid", or
    `MODELS`. A union has `name == "|"` and its members in `args`; a generic has its parameters there.
    """

    name: str
    module: str = ""
    args: tuple[TypeRef, ...] = ()

    @property
    def is_union(self) -> bool:
        return self.name == "|"

    @property
    def is_any(self) -> bool:
        return self.name == "Any" and self.module == "typing"

    @property
    def is_none(self) -> bool:
        return self.name == "None" and not self.module

    @property
    def members(self) -> tuple[TypeRef, ...]:
        return self.args if self.is_union else (self,)

    def render(self, models: str = "") -> str:
        """The annotation as Python source; model classes get `models` (e.g. `models.`) in front."""
        if self.is_union:
            return " | ".join(arg.render(models) for arg in self.args)
        base = models + self.name if self.module == MODELS else self.name
        if self.args:
            return f"{base}[{', '.join(arg.render(models) for arg in self.args)}]"
        return base

    def __str__(self) -> str:
        return self.render()

    def imports(self) -> Iterator[tuple[str, str]]:
        """(module, name) of every import the expression needs; model classes under `MODELS`."""
        if not self.is_union and self.module:
            yield self.module, self.name
        for arg in self.args:
            yield from arg.imports()

    def model_names(self) -> set[str]:
        return {name for module, name in self.imports() if module == MODELS}

    def optional(self) -> TypeRef:
        """This type or None (Any already admits None)."""
        return union([self, NONE])


ANY = TypeRef("Any", "typing")
NONE = TypeRef("None")
STR = TypeRef("str")
INT = TypeRef("int")
FLOAT = TypeRef("float")
BOOL = TypeRef("bool")
BYTES = TypeRef("bytes")


def model(name: str) -> TypeRef:
    return TypeRef(name, MODELS)


def list_of(item: TypeRef) -> TypeRef:
    return TypeRef("list", "", (item,))


def dict_of(value: TypeRef) -> TypeRef:
    return TypeRef("dict", "", (STR, value))


def union(members: Iterable[TypeRef], *, nullable: bool = False) -> TypeRef:
    """A flat union without repeats, None last; Any absorbs every other member."""
    flat: list[TypeRef] = []
    for member in members:
        for part in member.members:
            if part not in flat:
                flat.append(part)
    if nullable and NONE not in flat:
        flat.append(NONE)
    if ANY in flat:
        return ANY
    if NONE in flat:
        flat = [m for m in flat if m != NONE] + [NONE]
    if not flat:
        return ANY
    return flat[0] if len(flat) == 1 else TypeRef("|", "", tuple(flat))


class TypeMapper:
    """Schemas to TypeRefs: `output` for what a call returns, `input` for what a caller may pass."""

    def __init__(self, schemas: dict[str, Any], model_names: frozenset[str]) -> None:
        self.schemas = schemas
        self.model_names = model_names

    def output(self, schema: Any) -> TypeRef:
        """The type a parsed value has."""
        return self._type(schema, False, 0, frozenset())

    def input(self, schema: Any) -> TypeRef:
        """What a caller may pass: plain strings where the model uses UUIDs, enums or dates too."""
        return self._type(schema, True, 0, frozenset())

    def schema_at(self, schema: Any, pointer: str) -> Any:
        """The schema describing what a JSON pointer into an instance of `schema` addresses."""
        node = schema
        for token in pointer.split("/")[1:]:
            node = self._deref(node)
            if not isinstance(node, dict):
                return None
            props = dict(node.get("properties") or {})
            for part in node.get("allOf") or []:
                props.update((self._deref(part) or {}).get("properties") or {})
            if token in props:
                node = props[token]
            elif token.isdigit() and "items" in node:
                node = node["items"]
            else:
                return None
        return self._deref(node)

    def _deref(self, node: Any) -> Any:
        return deref(self.schemas, node, _MAX_DEPTH)

    def is_class(self, name: str) -> bool:
        target = self.schemas.get(name)
        return name in self.model_names and isinstance(target, dict) and _class_like(target)

    def _type(self, schema: Any, loose: bool, depth: int, seen: frozenset[str]) -> TypeRef:
        if depth > _MAX_DEPTH or not isinstance(schema, dict) or not schema:
            return ANY
        closed = closed_form(schema)
        if closed is not None:
            schema = closed
        nullable = schema.get("nullable") is True
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            return union([self._named(ref.removeprefix(SCHEMA_REF), loose, depth, seen)], nullable=nullable)
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                return union((self._type(b, loose, depth + 1, seen) for b in schema[key]), nullable=nullable)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return union([self._type(all_of[0], loose, depth + 1, seen)], nullable=nullable)
        kinds = schema.get("type")
        if isinstance(kinds, list):
            members = (self._type({**schema, "type": t}, loose, depth + 1, seen) for t in kinds)
            return union(members, nullable=nullable)
        return union([self._primitive(schema, kinds, loose, depth, seen)], nullable=nullable)

    def _named(self, name: str, loose: bool, depth: int, seen: frozenset[str]) -> TypeRef:
        target = self.schemas.get(name)
        if target is None:
            return ANY
        if self.is_class(name):
            enum = closed_form(target) or target
            if loose and "enum" in enum:
                return union([model(name), INT if enum.get("type") == "integer" else STR])
            return model(name)
        if name in seen:
            return model(name) if name in self.model_names else ANY
        return self._type(target, loose, depth + 1, seen | {name})

    def _primitive(self, schema: dict[str, Any], kind: Any, loose: bool, depth: int, seen: frozenset[str]) -> TypeRef:
        fmt = schema.get("format")
        if kind == "string" or (kind is None and "enum" in schema and all(isinstance(v, str) for v in schema["enum"])):
            stdlib = {"date-time": ("datetime", "datetime"), "date": ("date", "datetime"), "uuid": ("UUID", "uuid")}
            if fmt in stdlib:
                name, module = stdlib[fmt]
                typed = TypeRef(name, module)
                return union([typed, STR]) if loose else typed
            return BYTES if fmt == "binary" else STR
        scalars = {"integer": INT, "number": FLOAT, "boolean": BOOL, "null": NONE}
        if kind in scalars:
            return scalars[kind]
        if kind == "array" or "items" in schema:
            return list_of(self._type(schema.get("items"), loose, depth + 1, seen))
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            value = self._type(extra, loose, depth + 1, seen) if isinstance(extra, dict) and extra else ANY
            return dict_of(value)
        return ANY


def _class_like(schema: dict[str, Any]) -> bool:
    """Schemas the model generator makes a class of; maps, arrays and unions become root models."""
    if "enum" in schema or closed_form(schema) is not None or "properties" in schema or "allOf" in schema:
        return True
    return schema.get("type") == "object" and not isinstance(schema.get("additionalProperties"), dict)
