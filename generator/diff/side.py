"""One version of a spec as the rules see it: its IR, and where each IR element sits in the file.

The IR is what the rules compare; it does not keep JSON pointers, so this module finds them
again in the loaded document (which has a line for every pointer). IR schemas name their
`$ref`s by class name; `schema_pointer` maps a class back to where the schema is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diff.findings import Location
from generator.diff.resolve import SpecText
from generator.spec import document, names
from generator.spec import pointer as jp
from generator.spec.build import RESERVED_CLASS_NAMES, build_api
from generator.spec.ir import SCHEMA_REF, Api, JsonSchema, Operation, Parameter
from generator.spec.load import LoadedSpec, load_text
from generator.spec.problems import SpecError
from generator.spec.structure import structural_problems


@dataclass
class Side:
    source: SpecText
    spec: LoadedSpec
    api: Api
    class_pointers: dict[str, str] = field(default_factory=dict)
    """IR class name -> pointer of the schema it was made from."""
    surface: Any = None
    """The generated surface, once computed (`generator.diff.report.surface`)."""

    @property
    def file(self) -> str:
        return self.source.display

    def at(self, pointer: str) -> Location:
        """The location of `pointer`, or of its nearest ancestor the file has."""
        while pointer and pointer not in self.spec.lines:
            pointer = jp.parent(pointer)
        return Location(self.file, self.spec.line_of(pointer), pointer)

    def operation_pointer(self, op: Operation) -> str:
        return jp.join("", "paths", op.path, op.method)

    def parameter_pointer(self, op: Operation, param: Parameter) -> str:
        return _parameter_pointer(self.spec, self.operation_pointer(op), param)

    def body_pointer(self, op: Operation) -> str:
        ptr, _ = document.deref(
            self.spec, jp.join(self.operation_pointer(op), "requestBody"), jp.get(self.spec.data, self._rb(op))
        )
        return ptr

    def _rb(self, op: Operation) -> str:
        return jp.join(self.operation_pointer(op), "requestBody")

    def body_schema_pointer(self, op: Operation) -> str:
        assert op.body is not None
        return jp.join(self.body_pointer(op), "content", op.body.media_type, "schema")

    def response_pointer(self, op: Operation, status: str) -> str:
        at = jp.join(self.operation_pointer(op), "responses", status)
        ptr, _ = document.deref(self.spec, at, jp.get(self.spec.data, at))
        return ptr

    def response_schema_pointer(self, op: Operation, status: str, media: str) -> str:
        return jp.join(self.response_pointer(op, status), "content", media, "schema")

    def raw(self, pointer: str) -> Any:
        return jp.get(self.spec.data, pointer)

    def follow(self, ir_schema: Any, raw_pointer: str) -> tuple[Any, str]:
        """Through an IR `$ref`: the schema it names and the pointer where that schema is written.

        Where the document has a `$ref` at the same place, its target is where the schema is
        written; where it has none, the build hoisted an inline schema into a class, which is
        written right there.
        """
        if not isinstance(ir_schema, dict) or not isinstance(ir_schema.get("$ref"), str):
            return ir_schema, raw_pointer
        name = ir_schema["$ref"].removeprefix(SCHEMA_REF)
        raw = self.raw(raw_pointer)
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            target, _ = document.deref(self.spec, raw_pointer, raw)
        else:
            target = self.class_pointers.get(name, raw_pointer)
        self.class_pointers.setdefault(name, target)
        return self.api.schemas.get(name), target


def _parameter_pointer(spec: LoadedSpec, op_ptr: str, param: Parameter) -> str:
    """Where a parameter is declared for an operation (the operation's list before its path item's)."""
    wanted = (param.name, param.location)
    for owner in (op_ptr, jp.parent(op_ptr)):
        for i, raw in enumerate(jp.get(spec.data, jp.join(owner, "parameters")) or []):
            _, resolved = document.deref(spec, "", raw)
            if isinstance(resolved, dict) and (resolved.get("name"), resolved.get("in")) == wanted:
                return jp.join(owner, "parameters", i)
    return op_ptr


def load_side(source: SpecText) -> Side:
    """Loads and builds one version; raises SpecError with located problems when it is no usable spec."""
    spec = load_text(source.text, source.display)
    problems = structural_problems(spec)
    if problems:
        raise SpecError(problems)
    api = build_api(spec, source.name)
    side = Side(source, spec, api)
    side.class_pointers = _class_pointers(spec, api)
    return side


def _class_pointers(spec: LoadedSpec, api: Api) -> dict[str, str]:
    """Where each model class's schema is written.

    Components get their class names in document order, exactly as the IR build names them; inline
    schemas hoisted out of operations are found by walking each operation beside the document.
    """
    found: dict[str, str] = {}
    taken: set[str] = set()
    components = (spec.data.get("components") or {}).get("schemas") or {}
    for key in components:
        name = names.class_name(str(key), fallback="Schema", taken=taken, avoid=RESERVED_CLASS_NAMES)
        taken.add(name)
        if name in api.schemas:
            found[name] = jp.join("", "components", "schemas", key)
    for op in api.operations:
        op_ptr = jp.join("", "paths", op.path, op.method)
        holders: list[tuple[JsonSchema | None, str]] = []
        for param in op.parameters:
            holders.append((param.schema, jp.join(_parameter_pointer(spec, op_ptr, param), "schema")))
        if op.body is not None:
            at = jp.join(op_ptr, "requestBody")
            body_ptr, _ = document.deref(spec, at, jp.get(spec.data, at))
            holders.append((op.body.schema, jp.join(body_ptr, "content", op.body.media_type, "schema")))
        for response in op.responses:
            if response.schema is not None and response.media_type is not None:
                at = jp.join(op_ptr, "responses", response.status)
                resp_ptr, _ = document.deref(spec, at, jp.get(spec.data, at))
                holders.append((response.schema, jp.join(resp_ptr, "content", response.media_type, "schema")))
        for schema, pointer in holders:
            _hoisted(spec, schema, pointer, found, 0)
    return found


def _hoisted(spec: LoadedSpec, schema: Any, pointer: str, found: dict[str, str], depth: int) -> None:
    if depth > 8 or not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.removeprefix(SCHEMA_REF)
        raw = jp.get(spec.data, pointer)
        if not (isinstance(raw, dict) and "$ref" in raw):
            found.setdefault(name, pointer)
        return
    items = schema.get("items")
    if isinstance(items, dict):
        _hoisted(spec, items, jp.join(pointer, "items"), found, depth + 1)
