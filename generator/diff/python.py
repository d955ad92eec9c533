"""Python-surface rules: what changed for code that imports the generated client.

They compare two `Surface`s (see `generator.diff.surface`). Each finding is located at the spec
element the surface element comes from, on both sides, and carries the HTTP-contract findings
that caused it (`generator.diff.causes`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from generator.diff.causes import Causes
from generator.diff.findings import Finding, Level, Location, Rule, rule
from generator.diff.side import Side
from generator.diff.surface import Argument, Method, Model, Surface
from generator.spec import document
from generator.spec import pointer as jp
from generator.spec.ir import Api, Operation

ERR, WARN, INFO = Level.ERR, Level.WARN, Level.INFO


def _r(rule_id: str, level: Level, meaning: str) -> Rule:
    return rule(rule_id, level, "python", meaning)


METHOD_REMOVED = _r("python-method-removed", ERR, "A client method is gone: calls to it raise AttributeError.")
METHOD_ADDED = _r("python-method-added", INFO, "A new client method.")
METHOD_RENAMED = _r("python-method-renamed", ERR, "A client method has a new name (its operationId changed).")
WAITER_REMOVED = _r("python-waiter-removed", ERR, "A `wait_for_*` helper is gone.")
WAITER_ADDED = _r("python-waiter-added", INFO, "A new `wait_for_*` helper.")
TRIGGER_REMOVED = _r("python-and-wait-removed", ERR, "A `*_and_wait` helper is gone.")
TRIGGER_ADDED = _r("python-and-wait-added", INFO, "A new `*_and_wait` helper.")
PAGER_REMOVED = _r("python-pager-removed", ERR, "An `iter_*` helper is gone.")
PAGER_ADDED = _r("python-pager-added", INFO, "A new `iter_*` helper.")
ARG_REMOVED = _r("python-argument-removed", ERR, "A keyword argument is gone: calls passing it raise TypeError.")
ARG_RENAMED = _r("python-argument-renamed", ERR, "A keyword argument has a new name.")
ARG_ADDED_REQUIRED = _r(
    "python-argument-added-required", ERR, "A new required keyword argument: calls without it fail."
)
ARG_ADDED = _r("python-argument-added", INFO, "A new optional keyword argument.")
ARG_REQUIRED = _r("python-argument-became-required", ERR, "An optional keyword argument became required.")
ARG_OPTIONAL = _r("python-argument-became-optional", INFO, "A required keyword argument became optional.")
ARG_RETYPED = _r(
    "python-argument-retyped", ERR, "A keyword argument's type changed: some values that type-checked no longer do."
)
ARG_WIDENED = _r("python-argument-widened", INFO, "A keyword argument accepts more types.")
RETURN_CHANGED = _r("python-return-type-changed", ERR, "A method returns another type.")
RETURN_WIDENED = _r("python-return-type-widened", WARN, "A method may return more types (a union grew, or None).")
RETURN_NARROWED = _r("python-return-type-narrowed", INFO, "A method returns fewer types.")
MODEL_REMOVED = _r("python-model-removed", ERR, "A model or enum class is gone: importing it fails.")
MODEL_ADDED = _r("python-model-added", INFO, "A new model or enum class.")
MODEL_RENAMED = _r("python-model-renamed", ERR, "A model class has a new name (same fields).")
FIELD_REMOVED = _r("python-field-removed", ERR, "A model field is gone: reading or setting it fails.")
FIELD_ADDED_REQUIRED = _r(
    "python-field-added-required", ERR, "A model callers build (a request model) has a new required field."
)
FIELD_ADDED = _r(
    "python-field-added", INFO, "A model has a new optional field (or a required one in a response model)."
)
FIELD_REQUIRED = _r("python-field-became-required", ERR, "A field of a model callers build became required.")
FIELD_OPTIONAL = _r("python-field-became-optional", WARN, "A field became optional: it may now be None.")
FIELD_RETYPED = _r("python-field-retyped", ERR, "A model field's type changed.")
MEMBER_REMOVED = _r("python-enum-member-removed", ERR, "An enum member is gone: code naming it fails.")
MEMBER_ADDED = _r("python-enum-member-added", INFO, "An enum has a new member.")
CTOR_REMOVED = _r(
    "python-constructor-argument-removed", ERR, "A client constructor argument (server variable) is gone."
)
CTOR_ADDED = _r("python-constructor-argument-added", INFO, "A new client constructor argument (server variable).")
AUTH_REMOVED = _r("python-auth-scheme-removed", ERR, "A value of the client's `auth_scheme=` is gone.")
AUTH_ADDED = _r("python-auth-scheme-added", INFO, "A new value of the client's `auth_scheme=`.")

_KIND_RULES = {
    "method": (METHOD_REMOVED, METHOD_ADDED),
    "waiter": (WAITER_REMOVED, WAITER_ADDED),
    "trigger_waiter": (TRIGGER_REMOVED, TRIGGER_ADDED),
    "pager": (PAGER_REMOVED, PAGER_ADDED),
}


def _union(annotation: str) -> set[str]:
    """Top-level members of `A | B[C | D] | None`."""
    parts, depth, current = [], 0, ""
    for ch in annotation:
        depth += ch == "["
        depth -= ch == "]"
        if ch == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return {p for p in parts if p}


def _template(path: str) -> str:
    return re.sub(r"\{[^}/]*\}", "{}", path)


@dataclass
class SurfaceDiffer:
    """Compares two surfaces; without sides (two packages on disk) findings are located at the package."""

    old: Side | None
    new: Side | None
    a: Surface
    b: Surface
    causes: Causes

    def __post_init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, r: Rule, operation: str, subject: str, message: str, old: Location, new: Location) -> Finding:
        finding = Finding(r, operation, subject, message, old, new)
        self.findings.append(finding)
        return finding

    def run(self) -> list[Finding]:
        self.constructor()
        self.methods()
        self.models()
        return self.findings

    # -- where things are ---------------------------------------------------------------------------

    def _op(self, api: Api | None, operation_id: str) -> Operation | None:
        return next((op for op in api.operations if op.operation_id == operation_id), None) if api else None

    def _here(self, side: Side | None, pointer: str, surface: Surface) -> Location:
        return side.at(pointer) if side is not None else Location(surface.package, 1, "")

    def op_locations(self, old_id: str, new_id: str) -> tuple[Location, Location]:
        if self.old is None or self.new is None:
            return self._here(None, "", self.a), self._here(None, "", self.b)
        a, b = self._op(self.old.api, old_id), self._op(self.new.api, new_id)
        pa = self.old.operation_pointer(a) if a else ""
        pb = self.new.operation_pointer(b) if b else ""
        # An operation that exists on one side only is located, on the other, by its path item or /paths.
        if a is None and b is not None:
            pa = jp.parent(pb) if jp.parent(pb) in self.old.spec.lines else "/paths"
        if b is None and a is not None:
            pb = jp.parent(pa) if jp.parent(pa) in self.new.spec.lines else "/paths"
        return self.old.at(pa), self.new.at(pb)

    def _method_key(self, side: Side | None, m: Method) -> tuple[str, ...] | None:
        """What a method is across versions: its operation's method and path, else the endpoints it calls."""
        if side is None:
            return m.calls or None
        op = self._op(side.api, m.operation_id)
        return (op.method, _template(op.path)) if op else None

    def model_locations(self, old_name: str, new_name: str) -> tuple[Location, Location]:
        if self.old is None or self.new is None:
            return self._here(None, "", self.a), self._here(None, "", self.b)
        pa = self.old.class_pointers.get(old_name) or _enum_pointer(self.old, self.a.models.get(old_name))
        pb = self.new.class_pointers.get(new_name) or _enum_pointer(self.new, self.b.models.get(new_name))
        return self.old.at(pa or "/components/schemas"), self.new.at(pb or "/components/schemas")

    # -- constructor --------------------------------------------------------------------------------

    def constructor(self) -> None:
        old = {a.name for a in self.a.constructor}
        new = {a.name for a in self.b.constructor}
        variables = "/servers/0/variables"
        where = self._here(self.old, variables, self.a), self._here(self.new, variables, self.b)
        for name in sorted(old - new):
            f = self.add(CTOR_REMOVED, "", f"constructor {name}", f"{self.a.clients[0]}({name}=...) is gone", *where)
            f.causes = self.causes.for_rules("", ("server-variable-removed",))
        for name in sorted(new - old):
            f = self.add(CTOR_ADDED, "", f"constructor {name}", f"{self.b.clients[0]}({name}=...) added", *where)
            f.causes = self.causes.for_rules("", ("server-variable-added",))
        schemes = "/components/securitySchemes"
        where = self._here(self.old, schemes, self.a), self._here(self.new, schemes, self.b)
        for name in sorted(set(self.a.auth_schemes) - set(self.b.auth_schemes)):
            if self.b.auth_schemes or len(self.a.auth_schemes) > 1:
                f = self.add(AUTH_REMOVED, "", f"auth_scheme {name}", f"auth_scheme={name!r} is gone", *where)
                f.causes = self.causes.under(schemes, "")
        for name in sorted(set(self.b.auth_schemes) - set(self.a.auth_schemes)):
            f = self.add(AUTH_ADDED, "", f"auth_scheme {name}", f"auth_scheme={name!r} added", *where)
            f.causes = self.causes.under("", schemes)

    # -- methods ------------------------------------------------------------------------------------

    def methods(self) -> None:
        old, new = self.a.methods, self.b.methods
        removed = [m for name, m in old.items() if name not in new]
        added = [m for name, m in new.items() if name not in old]
        renamed: dict[str, Method] = {}
        for m in removed:
            key = self._method_key(self.old, m)
            match = next(
                (n for n in added if n.kind == m.kind and key is not None and self._method_key(self.new, n) == key),
                None,
            )
            if match is not None and match.name not in {r.name for r in renamed.values()}:
                renamed[m.name] = match
        client = self.a.clients[0]
        for m in removed:
            if m.name in renamed:
                n = renamed[m.name]
                f = self.add(
                    METHOD_RENAMED,
                    n.operation_id,
                    f"method {m.name}",
                    f"{client}.{m.name}() is now {n.name}()",
                    *self.op_locations(m.operation_id, n.operation_id),
                )
                f.causes = self.causes.for_operation(n.operation_id, ("operation-id-changed",))
                self.method(m, n)
                continue
            f = self.add(
                _KIND_RULES[m.kind][0],
                m.operation_id,
                f"method {m.name}",
                f"{client}.{m.name}() is gone",
                *self.op_locations(m.operation_id, m.operation_id),
            )
            f.causes = self.causes.for_operation(m.operation_id, _REMOVAL_CAUSES[m.kind])
        for n in added:
            if n in renamed.values():
                continue
            f = self.add(
                _KIND_RULES[n.kind][1],
                n.operation_id,
                f"method {n.name}",
                f"{self.b.clients[0]}.{n.name}() added",
                *self.op_locations(n.operation_id, n.operation_id),
            )
            f.causes = self.causes.for_operation(n.operation_id, _ADDITION_CAUSES[n.kind])
        for name, m in old.items():
            if name in new:
                self.method(m, new[name])

    def method(self, m: Method, n: Method) -> None:
        op = n.operation_id
        where = self.op_locations(m.operation_id, n.operation_id)
        old_args = {a.name: a for a in m.arguments}
        new_args = {a.name: a for a in n.arguments}
        gone = [a for name, a in old_args.items() if name not in new_args]
        fresh = [a for name, a in new_args.items() if name not in old_args]
        wire_a = self.wire_names(self.old, m.operation_id)
        wire_b = self.wire_names(self.new, op)
        pairs: list[tuple[Argument, Argument]] = []
        for a in gone:
            match = next((b for b in fresh if wire_a.get(a.name, a.name) == wire_b.get(b.name, b.name)), None)
            if match is None and len(gone) == 1 and len(fresh) == 1 and fresh[0].annotation == a.annotation:
                match = fresh[0]
            if match is not None and match not in [p[1] for p in pairs]:
                pairs.append((a, match))
        paired_old = {p[0].name for p in pairs}
        paired_new = {p[1].name for p in pairs}
        label = f"{m.name}()" if m.name == n.name else f"{n.name}()"
        for a, b in pairs:
            f = self.add(
                ARG_RENAMED, op, f"{n.name} argument {a.name}", f"{label}: argument {a.name}= is now {b.name}=", *where
            )
            f.causes = self.causes.for_argument(op, wire_a.get(a.name, a.name), wire_b.get(b.name, b.name))
            self.argument(n, a, b, where, wire_b)
        for a in gone:
            if a.name not in paired_old:
                f = self.add(
                    ARG_REMOVED, op, f"{n.name} argument {a.name}", f"{label}: argument {a.name}= is gone", *where
                )
                f.causes = self.causes.for_argument(op, wire_a.get(a.name, a.name))
        for b in fresh:
            if b.name not in paired_new:
                r = ARG_ADDED_REQUIRED if b.required else ARG_ADDED
                kind = "required" if b.required else "optional"
                f = self.add(
                    r,
                    op,
                    f"{n.name} argument {b.name}",
                    f"{label}: new {kind} argument {b.name}: {b.annotation}",
                    *where,
                )
                f.causes = self.causes.for_argument(op, wire_b.get(b.name, b.name))
        for name, a in old_args.items():
            if name in new_args:
                self.argument(n, a, new_args[name], where, wire_b)
        if m.returns != n.returns:
            before, after = _union(m.returns), _union(n.returns)
            r = RETURN_WIDENED if before < after else RETURN_NARROWED if after < before else RETURN_CHANGED
            f = self.add(r, op, f"{n.name} returns", f"{label} returns {n.returns} instead of {m.returns}", *where)
            f.causes = self.causes.for_operation(op, ("response-",))

    def argument(
        self, n: Method, a: Argument, b: Argument, where: tuple[Location, Location], wire: dict[str, str]
    ) -> None:
        op = n.operation_id
        subject = f"{n.name} argument {b.name}"
        causes = self.causes.for_argument(op, wire.get(b.name, b.name))
        if b.required and not a.required:
            self.add(
                ARG_REQUIRED, op, subject, f"{n.name}(): argument {b.name}= is now required", *where
            ).causes = causes
        elif a.required and not b.required:
            self.add(
                ARG_OPTIONAL, op, subject, f"{n.name}(): argument {b.name}= is now optional", *where
            ).causes = causes
        before = _union(a.annotation) - {"None", "NotGiven"}
        after = _union(b.annotation) - {"None", "NotGiven"}
        if before != after:
            r = ARG_WIDENED if before < after else ARG_RETYPED
            self.add(
                r, op, subject, f"{n.name}(): argument {b.name}: {a.annotation} -> {b.annotation}", *where
            ).causes = causes

    def wire_names(self, side: Side | None, operation_id: str) -> dict[str, str]:
        """Python argument name -> the parameter or body field name it is sent as."""
        op = self._op(side.api if side else None, operation_id)
        if op is None:
            return {}
        names = {p.python_name: p.name for p in op.parameters}
        if op.body is not None:
            names.update({f.python_name: f.name for f in op.body.fields})
        return names

    # -- models -------------------------------------------------------------------------------------

    def models(self) -> None:
        old, new = self.a.models, self.b.models
        removed = [m for name, m in old.items() if name not in new]
        added = [m for name, m in new.items() if name not in old]
        renamed: dict[str, Model] = {}
        for m in removed:
            match = next(
                (
                    n
                    for n in added
                    if (n.kind, n.fields, n.members) == (m.kind, m.fields, m.members) and n not in renamed.values()
                ),
                None,
            )
            if match is not None and (m.fields or m.members):
                renamed[m.name] = match
        for m in removed:
            if m.name in renamed:
                n = renamed[m.name]
                where = self.model_locations(m.name, n.name)
                f = self.add(MODEL_RENAMED, "", f"model {m.name}", f"model {m.name} is now {n.name}", *where)
                f.causes = self.causes.at(where)
                continue
            where = self.model_locations(m.name, m.name)
            f = self.add(MODEL_REMOVED, "", f"model {m.name}", f"model {m.name} is gone", *where)
            f.causes = self.causes.at(where)
        for n in added:
            if n not in renamed.values():
                where = self.model_locations(n.name, n.name)
                f = self.add(MODEL_ADDED, "", f"model {n.name}", f"model {n.name} added", *where)
                f.causes = self.causes.at(where)
        for name, m in old.items():
            if name in new:
                self.model(m, new[name])

    def model(self, m: Model, n: Model) -> None:
        where = self.model_locations(m.name, n.name)
        built = n.name in self.b.input_models
        old_fields = {f.name: f for f in m.fields}
        new_fields = {f.name: f for f in n.fields}
        for name, fa in old_fields.items():
            subject = f"{n.name}.{name}"
            spot = self.field_locations(m.name, n.name, fa.name)
            causes = self.causes.at(spot)
            if name not in new_fields:
                removed = self.causes.under(spot[0].pointer, "")
                self.add(FIELD_REMOVED, "", subject, f"{subject} is gone", *spot).causes = removed
                continue
            fb = new_fields[name]
            if fb.required and not fa.required and built:
                self.add(FIELD_REQUIRED, "", subject, f"{subject} is now required", *spot).causes = causes
            before, after = _union(fa.annotation), _union(fb.annotation)
            if (after == before | {"None"} and "None" not in before) or (fa.required and not fb.required and not built):
                self.add(
                    FIELD_OPTIONAL, "", subject, f"{subject}: {fa.annotation} -> {fb.annotation}", *spot
                ).causes = causes
            elif before - {"None"} != after - {"None"}:
                self.add(
                    FIELD_RETYPED, "", subject, f"{subject}: {fa.annotation} -> {fb.annotation}", *spot
                ).causes = causes
        for name, fb in new_fields.items():
            if name not in old_fields:
                subject = f"{n.name}.{name}"
                spot = self.field_locations(m.name, n.name, fb.name)
                r = FIELD_ADDED_REQUIRED if fb.required and built else FIELD_ADDED
                added = self.causes.under("", spot[1].pointer)
                self.add(r, "", subject, f"{subject}: {fb.annotation} added", *spot).causes = added
        old_members = dict(m.members)
        new_members = dict(n.members)
        for name in old_members:
            if name not in new_members:
                subject = f"{n.name}.{name}"
                f = self.add(
                    MEMBER_REMOVED, "", subject, f"enum member {subject} ({old_members[name]}) is gone", *where
                )
                f.causes = self.causes.at(where)
        for name in new_members:
            if name not in old_members:
                subject = f"{n.name}.{name}"
                f = self.add(MEMBER_ADDED, "", subject, f"enum member {subject} ({new_members[name]}) added", *where)
                f.causes = self.causes.at(where)

    def field_locations(self, old_model: str, new_model: str, field_name: str) -> tuple[Location, Location]:
        """The property a field comes from (fields are snake_case of the property; matched through the schema)."""
        a, b = self.model_locations(old_model, new_model)
        if self.old is None or self.new is None:
            return a, b
        return self._property(self.old, a, field_name), self._property(self.new, b, field_name)

    def _property(self, side: Side, at: Location, field_name: str) -> Location:
        from generator.spec import names

        props = side.raw(jp.join(at.pointer, "properties"))
        if isinstance(props, dict):
            for key in props:
                if names.snake_case(str(key)) == field_name.rstrip("_") or key == field_name:
                    return side.at(jp.join(at.pointer, "properties", key))
        return at


def _enum_pointer(side: Side, model: Model | None) -> str | None:
    """Where an enum the model generator named itself (an inline `enum:`) is written: the schema with its values."""
    if model is None or model.kind != "enum":
        return None
    values = set()
    for _, literal in model.members:
        try:
            values.add(repr(ast.literal_eval(literal)))
        except (ValueError, SyntaxError):
            return None
    for pointer, schema in document.schema_objects(side.spec):
        for sub_pointer, sub in document.subschemas(pointer, schema):
            enum = sub.get("enum")
            if isinstance(enum, list) and {repr(v) for v in enum if v is not None} == values:
                return sub_pointer
    return None


_REMOVAL_CAUSES = {
    "method": ("operation-removed", "path-removed"),
    "waiter": ("polling-removed", "operation-removed", "path-removed"),
    "trigger_waiter": ("link-removed", "polling-removed", "operation-removed", "path-removed"),
    "pager": ("pagination-removed", "operation-removed", "path-removed", "request-parameter-"),
}
_ADDITION_CAUSES = {
    "method": ("operation-added", "path-added"),
    "waiter": ("polling-added", "operation-added", "path-added"),
    "trigger_waiter": ("link-added", "polling-added", "operation-added", "path-added"),
    "pager": ("pagination-added", "operation-added", "path-added"),
}


def surface_findings(old: Side, new: Side, a: Surface, b: Surface, http: list[Finding]) -> list[Finding]:
    return SurfaceDiffer(old, new, a, b, Causes(http)).run()


def package_findings(a: Surface, b: Surface) -> list[Finding]:
    """Surface changes between two generated packages, located at the package (no spec at hand)."""
    return SurfaceDiffer(None, None, a, b, Causes([])).run()
