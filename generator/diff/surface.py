"""The generated Python surface of a spec, described small: the one adapter over the codegen model.

The surface rules compare two `Surface`s and never look at the codegen model themselves, so a
change to that model changes this module alone. Models come from the generated `models.py`
read with `ast` (its classes, annotated fields and enum members), not from its text.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from generator.spec.ir import Api

if TYPE_CHECKING:
    from generator.codegen.context import Arg

CallableKind = Literal["method", "waiter", "trigger_waiter", "pager"]
_ENUM_BASES = frozenset({"OpenStrEnum", "OpenIntEnum", "StrEnum", "IntEnum", "Enum"})


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    required: bool

    def __post_init__(self) -> None:
        object.__setattr__(self, "annotation", canonical(self.annotation))


def canonical(annotation: str) -> str:
    """One spelling per type: `None` last in a top-level union (`A | None | B` is `A | B | None`)."""
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
    if "None" not in parts or (parts[-1] == "None" and parts.count("None") == 1):
        return annotation
    return " | ".join([p for p in parts if p != "None"] + ["None"])


@dataclass(frozen=True)
class Method:
    """A method of the sync and async clients (helpers included)."""

    name: str
    kind: CallableKind
    operation_id: str
    """The operation it calls (for a `..._and_wait`, the trigger; for `wait_for_...`, the status read)."""
    arguments: tuple[Argument, ...]
    returns: str
    calls: tuple[str, ...] = ()
    """Every operation it calls: a `..._and_wait` calls its trigger and the status read."""


@dataclass(frozen=True)
class Model:
    name: str
    kind: Literal["model", "enum", "root"]
    fields: tuple[Argument, ...] = ()
    members: tuple[tuple[str, str], ...] = ()
    """Enum members as (name, value literal)."""


@dataclass(frozen=True)
class Surface:
    package: str
    clients: tuple[str, ...]
    constructor: tuple[Argument, ...]
    """Spec-derived constructor arguments: server variables."""
    auth_schemes: tuple[str, ...]
    """Values of `auth_scheme=` (one per way to authenticate)."""
    methods: dict[str, Method] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    input_models: frozenset[str] = frozenset()
    """Models a caller builds (reachable from an argument's annotation)."""


def surface_of(api: Api) -> Surface:
    """The surface `testrelay generate` would emit for `api`; raises what model generation raises."""
    # Imported here: datamodel-code-generator takes a while to import, and `diff` without the
    # Python layer does not need it.
    from generator.codegen.context import build_context
    from generator.codegen.models import generate_models, prepared_schemas

    models_source, model_names = generate_models(api)
    ctx = build_context(api, model_names, prepared_schemas(api))
    methods: dict[str, Method] = {}
    for m in ctx.methods:
        op_id = next((op.operation_id for op in api.operations if op.python_name == m.name), m.name)
        returns = canonical(str(m.returns)) if m.returns is not None else "None"
        # Where a method has overloads, the first (fields as keyword arguments) is what a type checker holds
        # a keyword-argument call to; the implementation's looser signature is not the surface.
        signature = m.overloads[0] if m.overloads else m.args
        methods[m.name] = Method(m.name, "method", op_id, _arguments(signature), returns, (op_id,))
    by_name = {m.name: m for m in methods.values()}
    for w in ctx.waiters:
        status = by_name[w.status.name]
        methods[w.name] = Method(
            w.name, "waiter", status.operation_id, status.arguments, status.returns, (status.operation_id,)
        )
    for tw in ctx.trigger_waiters:
        trigger = by_name[tw.trigger.name]
        status = by_name[tw.waiter.status.name]
        methods[tw.name] = Method(
            tw.name,
            "trigger_waiter",
            trigger.operation_id,
            trigger.arguments,
            status.returns,
            (trigger.operation_id, status.operation_id),
        )
    for p in ctx.pagers:
        listed = by_name[p.method.name]
        methods[p.name] = Method(
            p.name, "pager", listed.operation_id, _arguments(p.args), f"Iterator[{p.item}]", (listed.operation_id,)
        )
    models = _models(models_source)
    return Surface(
        package=api.name,
        clients=(f"{ctx.prefix}Client", f"Async{ctx.prefix}Client"),
        constructor=tuple(Argument(name, "str", False) for name, _, _ in ctx.server_vars),
        auth_schemes=tuple(a.python_name for a in ctx.auth) if len(ctx.auth) > 1 else (),
        methods=methods,
        models=models,
        # Every signature counts (an overload's `body=` too): a model any of them takes is one callers build.
        input_models=_reachable(
            {w for m in ctx.methods for sig in (m.args, *m.overloads) for a in sig for w in _words(str(a.type))}, models
        ),
    )


def _arguments(args: list[Arg]) -> tuple[Argument, ...]:
    return tuple(Argument(a.python_name, str(a.type), a.default is None) for a in args)


def _models(source: str) -> dict[str, Model]:
    found: dict[str, Model] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
        if bases & _ENUM_BASES:
            members = tuple(
                (target.id, ast.unparse(stmt.value))
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                for target in stmt.targets
                if isinstance(target, ast.Name) and not target.id.startswith("_")
            )
            found[node.name] = Model(node.name, "enum", members=members)
            continue
        fields = []
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.target.id == "model_config":
                    continue
                fields.append(Argument(stmt.target.id, _annotation(stmt.annotation), stmt.value is None))
        kind: Literal["model", "root"] = "root" if any(b.startswith("RootModel") for b in bases) else "model"
        found[node.name] = Model(node.name, kind, fields=tuple(fields))
    return found


def _annotation(node: ast.expr) -> str:
    """`Annotated[T, Field(...)]` is T: the metadata is validation detail, not the type."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Annotated":
        inner = node.slice
        if isinstance(inner, ast.Tuple) and inner.elts:
            return ast.unparse(inner.elts[0])
    return ast.unparse(node)


def _words(annotation: str) -> set[str]:
    return {w for w in annotation.replace("[", " ").replace("]", " ").replace("|", " ").replace(",", " ").split()}


def _reachable(roots: set[str], models: dict[str, Model]) -> frozenset[str]:
    seen: set[str] = set()
    todo = [r for r in roots if r in models]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for f in models[name].fields:
            todo += [w for w in _words(f.annotation) if w in models and w not in seen]
    return frozenset(seen)


# -- a generated package on disk -----------------------------------------------------------------------

_CONSTRUCTOR_STANDARD = frozenset(
    {"self", "api_key", "base_url", "timeout", "max_retries", "http_client", "auth_scheme"}
)
_CALL_STANDARD = frozenset(
    {"self", "extra_headers", "timeout", "max_retries", "deadline", "poll_interval", "on_update", "raise_on_failure"}
)
_NOT_OPERATIONS = frozenset({"close", "aclose", "with_options", "with_raw_response"})


def surface_of_package(package: Path) -> Surface | None:
    """The surface of a package `testrelay generate` wrote, read from its code; None when it has none.

    `generate` uses this on both sides of a rewrite (the package on disk and the fresh one), so the
    two are read alike whatever the codegen model looks like.
    """
    try:
        client = ast.parse((package / "client.py").read_text(encoding="utf-8"))
        models = _models((package / "models.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    endpoints = {
        node.target.id: _endpoint(node.value)
        for node in client.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(node.value, ast.Call)
    }
    sync = next(
        (
            n
            for n in client.body
            if isinstance(n, ast.ClassDef) and n.name.endswith("Client") and not n.name.startswith(("Async", "_"))
        ),
        None,
    )
    if sync is None:
        return None
    methods: dict[str, Method] = {}
    constructor: tuple[Argument, ...] = ()
    auth: tuple[str, ...] = ()
    overloaded: set[str] = set()
    taken: set[str] = set()
    """Names in any signature's annotations (overloads and implementations too): where input models show."""
    for node in sync.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        taken |= {
            w
            for a in node.args.kwonlyargs
            if a.annotation and a.arg not in _CALL_STANDARD
            for w in _words(ast.unparse(a.annotation))
        }
        if node.name in overloaded:
            continue  # a later overload, or the implementation: the first overload is the surface
        if any(ast.unparse(d) in ("overload", "typing.overload") for d in node.decorator_list):
            overloaded.add(node.name)
        if node.name == "__init__":
            constructor = tuple(
                Argument(a.arg, "str", False) for a in node.args.kwonlyargs if a.arg not in _CONSTRUCTOR_STANDARD
            )
            auth = _literal_values(next((a.annotation for a in node.args.kwonlyargs if a.arg == "auth_scheme"), None))
            continue
        if node.name.startswith("_") or node.name in _NOT_OPERATIONS:
            continue
        kind: CallableKind = (
            "waiter"
            if node.name.startswith("wait_for_")
            else "trigger_waiter"
            if node.name.endswith("_and_wait")
            else "pager"
            if node.name.startswith("iter_")
            else "method"
        )
        defaults = [None] * (len(node.args.kwonlyargs) - len(node.args.kw_defaults)) + list(node.args.kw_defaults)
        arguments = tuple(
            Argument(a.arg, ast.unparse(a.annotation) if a.annotation else "Any", default is None)
            for a, default in zip(node.args.kwonlyargs, defaults, strict=True)
            if a.arg not in _CALL_STANDARD
        )
        used = sorted({endpoints[n.id] for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in endpoints})
        returns = canonical(ast.unparse(node.returns)) if node.returns else "None"
        methods[node.name] = Method(node.name, kind, node.name, arguments, returns, tuple(used))
    return Surface(
        package=package.name,
        clients=(sync.name, f"Async{sync.name}"),
        constructor=constructor,
        auth_schemes=auth,
        methods=methods,
        models=models,
        input_models=_reachable(taken, models),
    )


def _endpoint(call: ast.Call) -> str:
    """`Endpoint("GET", "/runs/{run_id}", ...)` -> `GET /runs/{}`: an operation whatever its method is named."""
    words = [a.value for a in call.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return " ".join(words[:1] + [re.sub(r"\{[^}/]*\}", "{}", w) for w in words[1:]])


def _literal_values(annotation: ast.expr | None) -> tuple[str, ...]:
    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) == "Literal":
        inner = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        return tuple(str(e.value) for e in inner if isinstance(e, ast.Constant))
    return ()
