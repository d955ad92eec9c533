"""Python annotations for the schemas of parameters, bodies and responses.

Objects and enums are the generated model classes. Arrays, maps and unions are spelled out
(`list[TestReport]`, `A | B`) rather than wrapped in root models, so a call returns what a
person would expect to get back.
"""

from __future__ import annotations

from typing import Any

from generator.codegen.openenum import closed_form
from generator.spec.ir import SCHEMA_REF, deref

_MAX_DEPTH = 24


class TypeMapper:
    def __init__(self, schemas: dict[str, Any], model_names: frozenset[str]) -> None:
        self.schemas = schemas
        self.model_names = model_names
        self.used: set[str] = set()
        self.imports: set[str] = set()

    def output(self, schema: Any) -> str:
        """The type a parsed value has."""
        return self._annotation(schema, False, 0, frozenset())

    def input(self, schema: Any) -> str:
        """What a caller may pass: plain strings where the model uses UUIDs, enums or dates too."""
        return self._annotation(schema, True, 0, frozenset())

    def schema_at(self, schema: Any, pointer: str) -> Any:
        """The schema describing what a JSON pointer into an instance of `schema` addresses."""
        node = schema
        for token in [t for t in pointer.split("/")[1:]]:
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

    def _annotation(self, schema: Any, loose: bool, depth: int, seen: frozenset[str]) -> str:
        if depth > _MAX_DEPTH or not isinstance(schema, dict) or not schema:
            return self._any()
        closed = closed_form(schema)
        if closed is not None:
            schema = closed
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            return self._named(ref.removeprefix(SCHEMA_REF), loose, depth, seen, nullable=_nullable(schema))
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                return self._union([self._annotation(b, loose, depth + 1, seen) for b in schema[key]], schema)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return self._union([self._annotation(all_of[0], loose, depth + 1, seen)], schema)
        types = schema.get("type")
        if isinstance(types, list):
            return self._union([self._annotation({**schema, "type": t}, loose, depth + 1, seen) for t in types], schema)
        return self._union([self._primitive(schema, types, loose, depth, seen)], schema)

    def _named(self, name: str, loose: bool, depth: int, seen: frozenset[str], *, nullable: bool) -> str:
        target = self.schemas.get(name)
        if target is None:
            return self._any()
        if self.is_class(name):
            self.used.add(name)
            text = name
            if loose and "enum" in (closed_form(target) or target):
                text += " | " + _enum_base(closed_form(target) or target)
        elif name in seen:
            if name in self.model_names:
                self.used.add(name)
                text = name
            else:
                text = self._any()
        else:
            text = self._annotation(target, loose, depth + 1, seen | {name})
        return f"{text} | None" if nullable and "None" not in text.split(" | ") else text

    def _primitive(self, schema: dict[str, Any], kind: Any, loose: bool, depth: int, seen: frozenset[str]) -> str:
        fmt = schema.get("format")
        if kind == "string" or (kind is None and "enum" in schema and all(isinstance(v, str) for v in schema["enum"])):
            if fmt == "date-time":
                self.imports.add("datetime")
                return "datetime | str" if loose else "datetime"
            if fmt == "date":
                self.imports.add("date")
                return "date | str" if loose else "date"
            if fmt == "uuid":
                self.imports.add("UUID")
                return "UUID | str" if loose else "UUID"
            if fmt == "binary":
                return "bytes"
            return "str"
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array" or "items" in schema:
            return f"list[{self._annotation(schema.get('items'), loose, depth + 1, seen)}]"
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            value = (
                self._annotation(extra, loose, depth + 1, seen) if isinstance(extra, dict) and extra else self._any()
            )
            return f"dict[str, {value}]"
        return self._any()

    def _union(self, members: list[str], schema: dict[str, Any]) -> str:
        flat: list[str] = []
        for member in members:
            for part in member.split(" | ") if "[" not in member else [member]:
                if part not in flat:
                    flat.append(part)
        if _nullable(schema) and "None" not in flat:
            flat.append("None")
        if "Any" in flat:
            return "Any"  # Any already admits every other member, None included
        if "None" in flat:
            flat = [m for m in flat if m != "None"] + ["None"]
        return " | ".join(flat)

    def _any(self) -> str:
        self.imports.add("Any")
        return "Any"


def _nullable(schema: dict[str, Any]) -> bool:
    return schema.get("nullable") is True


def _class_like(schema: dict[str, Any]) -> bool:
    """Schemas the model generator makes a class of; maps, arrays and unions become root models."""
    if "enum" in schema or closed_form(schema) is not None or "properties" in schema or "allOf" in schema:
        return True
    return schema.get("type") == "object" and not isinstance(schema.get("additionalProperties"), dict)


def _enum_base(schema: dict[str, Any]) -> str:
    return "int" if schema.get("type") == "integer" else "str"
