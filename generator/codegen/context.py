"""What the client templates print: the IR turned into names, annotations and Python literals.

Every decision lives here, so the templates only loop and fill in.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from generator.codegen.imports import Imports
from generator.codegen.security import SchemeAuth, SecurityModel, security_model
from generator.codegen.types import ANY, BYTES, MODELS, TypeMapper, TypeRef, union
from generator.spec.build import ERROR_CLASSES
from generator.spec.ir import (
    Api,
    Operation,
    Pagination,
    Polling,
    RateLimit,
    ServerVariable,
    deref,
)

_WIDTH = 100


@dataclass
class Arg:
    """One keyword argument of a generated method."""

    python_name: str
    type: TypeRef
    default: str | None
    """`None`, `NOT_GIVEN`, or None for an argument without a default."""
    doc: str


@dataclass
class ParamCode:
    """How one parameter is serialized: the data the `serialize` macro needs."""

    python_name: str
    location: str
    wire_name: str
    required: bool
    style: str
    explode: bool
    allow_reserved: bool = False
    json_content: bool = False


@dataclass
class Method:
    name: str
    endpoint: str
    docstring: str
    args: list[Arg]
    returns: TypeRef | None
    """The 2xx body's type; None when the operation answers without one."""
    method: str
    path: str
    errors: list[tuple[str, TypeRef]]
    authenticated: bool
    idempotent: bool
    rate_limit: RateLimit | None = None
    """The operation's own hint, when it overrides the document's."""
    security: str | None = None
    """The operation's security alternatives as a Python literal, when they differ from the client's default."""
    path_params: list[ParamCode] = field(default_factory=list)
    query_params: list[ParamCode] = field(default_factory=list)
    header_params: list[ParamCode] = field(default_factory=list)
    body_kind: str | None = None
    """`json` (fields and/or model), `content` (raw bytes) or None."""
    body_model: TypeRef | None = None
    body_fields: list[tuple[str, str]] = field(default_factory=list)
    """(wire name, python name) of body fields offered as keyword arguments."""
    required_fields: list[str] = field(default_factory=list)
    exactly_one_of: list[list[str]] = field(default_factory=list)
    content_type: str | None = None
    body_required: bool = False
    overloads: list[list[Arg]] = field(default_factory=list)
    """Typed alternatives to `args`: required body fields as keyword arguments, or the whole `body=`."""
    raw_docstring: str = ""

    @property
    def annotation(self) -> str:
        return self.returns.render() if self.returns is not None else "None"


@dataclass
class Waiter:
    """`wait_for_<status op>`: reads a status operation until its run ends."""

    name: str
    status: Method
    spec_name: str
    polling: Polling
    docstring: str


@dataclass
class LinkArgument:
    """One argument of the status call, taken from the trigger's response, its request, or a constant."""

    name: str
    source: str
    """`response` (a pointer), `request` (a trigger argument) or `constant`."""
    value: str


@dataclass
class LinkCall:
    """One way to go from a trigger's response to its status operation's arguments."""

    condition: list[str]
    """Pointers that must all be present in the response for this link to apply."""
    arguments: list[LinkArgument]


@dataclass
class TriggerWaiter:
    """`<trigger op>_and_wait`: starts a run and waits for it through the trigger's links."""

    name: str
    trigger: Method
    waiter: Waiter
    links: list[LinkCall]
    docstring: str


@dataclass
class Pager:
    """`iter_<list op>`: every item across every page."""

    name: str
    method: Method
    args: list[Arg]
    cursor_argument: str | None
    """The argument each page's cursor goes in; None when pages are whole URLs (`next-url`, `link-header`)."""
    item: TypeRef
    spec_name: str
    pagination: Pagination
    docstring: str
    page_size: str | None = None
    """Offset style: the expression of the limit the requests send, when there is one."""

    @property
    def by_url(self) -> bool:
        return self.cursor_argument is None


@dataclass
class ClientContext:
    api: Api
    prefix: str
    module_doc: str
    env_key: str
    env_url: str
    default_url: str
    server_vars: list[tuple[str, str, str]]
    """(python name, placeholder, default) of the server URL's variables."""
    server_variables: tuple[ServerVariable, ...]
    """The same variables as the spec declares them, for the `runtime.ServerVariable`s `server_url` checks."""
    auth: list[SchemeAuth]
    """The schemes the client can serve; `security` says how it holds and chooses them."""
    security: SecurityModel
    methods: list[Method]
    imports: Imports
    notes: list[str]
    rate_limit: RateLimit | None = None
    waiters: list[Waiter] = field(default_factory=list)
    trigger_waiters: list[TriggerWaiter] = field(default_factory=list)
    pagers: list[Pager] = field(default_factory=list)
    class_docs: dict[bool, str] = field(default_factory=dict)
    all_models: list[str] = field(default_factory=list)
    runtime_exports: list[str] = field(default_factory=list)
    """The error classes and RawResponse, re-exported so users import everything from the package."""
    exports: list[str] = field(default_factory=list)

    @property
    def model_imports(self) -> list[str]:
        """Model classes the client module refers to."""
        return sorted(name for module, name in self._used_types() if module == MODELS)

    def _used_types(self) -> set[tuple[str, str]]:
        used: set[tuple[str, str]] = set()
        for m in self.methods:
            used.update(_method_types(m))
        for p in self.pagers:
            used.update(p.item.imports())
        return used


def docstring(*parts: str, indent: int, tail: list[str] | None = None) -> str:
    """Text safe inside a triple-quoted string, wrapped and indented for its place.

    `parts` are prose, re-wrapped; `tail` lines (an `Args:` section) are kept as they are.
    """
    pad = " " * indent
    paragraphs: list[str] = []
    for part in parts:
        for para in re.split(r"\n\s*\n", part.strip()):
            text = " ".join(para.split())
            if text:
                paragraphs.append(textwrap.fill(text, _WIDTH - indent, break_long_words=False, break_on_hyphens=False))
    if tail:
        paragraphs.append("\n".join(tail))
    if not paragraphs:
        return '""" """'
    body = "\n\n".join(paragraphs).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body += " "
    lines = body.split("\n")
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    return '"""' + lines[0] + "\n" + "\n".join((pad + line) if line else "" for line in lines[1:]) + "\n" + pad + '"""'


def build_context(api: Api, model_names: frozenset[str], schemas: dict[str, Any]) -> ClientContext:
    types = TypeMapper(schemas, model_names)
    methods = [_method(op, types) for op in api.operations]
    by_id = {op.operation_id: (op, m) for op, m in zip(api.operations, methods, strict=True)}
    waiters = {op.operation_id: _waiter(op, m) for op, m in by_id.values() if op.polling is not None}
    trigger_waiters = [tw for op, m in by_id.values() if (tw := _trigger_waiter(op, m, waiters, by_id)) is not None]
    pagers = [p for op, m in by_id.values() if (p := _pager(op, m, types)) is not None]
    security = security_model(api)
    for op, m in zip(api.operations, methods, strict=True):
        own = security.endpoint_security(op)
        m.security = repr(own) if own is not None else None
    server = api.servers[0] if api.servers else None
    ctx = ClientContext(
        api=api,
        prefix=api.class_prefix,
        module_doc=docstring(f"Clients of the {api_title(api)}.", api.description, indent=0),
        env_key=f"{api.env_prefix}_API_KEY",
        env_url=f"{api.env_prefix}_BASE_URL",
        default_url=server.url if server else "",
        server_vars=[(v.python_name, "{" + v.name + "}", v.default) for v in (server.variables if server else ())],
        server_variables=server.variables if server else (),
        auth=security.schemes,
        security=security,
        methods=methods,
        imports=Imports(),
        notes=list(api.notes),
        rate_limit=api.rate_limit,
        class_docs={
            False: docstring(f"Synchronous client of the {api_title(api)}.", indent=4),
            True: docstring(f"Asynchronous client of the {api_title(api)}.", indent=4),
        },
        all_models=sorted(model_names),
        runtime_exports=sorted([*ERROR_CLASSES, "RawResponse"]),
        exports=sorted(
            [f"Async{api.class_prefix}Client", f"{api.class_prefix}Client", *model_names, *ERROR_CLASSES, "RawResponse"]
        ),
        waiters=list(waiters.values()),
        trigger_waiters=trigger_waiters,
        pagers=pagers,
    )
    ctx.imports = _client_imports(ctx)
    return ctx


def _method_types(m: Method) -> set[tuple[str, str]]:
    used: set[tuple[str, str]] = set()
    for ref in [a.type for a in m.args] + [t for _, t in m.errors] + ([m.returns] if m.returns else []):
        used.update(ref.imports())
    return used


def _client_imports(ctx: ClientContext) -> Imports:
    """Every import `client.py` needs, decided from the data the template prints."""
    imports = Imports()
    if ctx.auth and not ctx.security.selecting:
        imports.module("os")  # `_auth` reads the credentials' environment variables (`credential` does, otherwise)
    imports.module("httpx")
    imports.add("collections.abc", "Mapping")
    used = ctx._used_types()
    imports.add_all(used)
    runtime = {
        "AsyncAPIClient",
        "Call",
        "DEFAULT_MAX_RETRIES",
        "DEFAULT_TIMEOUT",
        "Endpoint",
        "RawResponse",
        "SyncAPIClient",
        "server_url",
    }
    if ctx.server_variables:
        runtime.add("ServerVariable")
    if any(m.overloads for m in ctx.methods):
        imports.add("typing", "overload")
    for m in ctx.methods:
        if m.path_params:
            runtime.add("path_param")
        for p in m.query_params:
            runtime.add("json_query_pairs" if p.json_content else "query_pairs")
        if m.header_params:
            runtime.add("header_value")
        if m.body_fields:
            runtime |= {"NOT_GIVEN", "NotGiven", "to_json"}
            imports.add("typing", "Any")
        elif m.body_kind == "json" and not m.body_required:
            runtime.add("NOT_GIVEN")
        if m.required_fields:
            runtime.add("require")
        if m.exactly_one_of:
            runtime.add("exactly_one")
        if not m.authenticated and ctx.auth:
            runtime.add("NoAuth")
    if not ctx.auth:
        runtime.add("NoAuth")  # the constructor's: no scheme the client can fill
    runtime |= {scheme.runtime_class for scheme in ctx.auth}
    if any(scheme.runtime_class == "ClientCredentialsAuth" for scheme in ctx.auth):
        runtime.add("token_url")
    if ctx.security.selecting:
        runtime |= {"Security", "credential"}
    if ctx.auth and not ctx.security.selecting:
        runtime.add("MissingCredentialsError")  # the constructor's, when no credential is given
    if ctx.security.choices:
        imports.add("typing", "Literal")
    if ctx.rate_limit is not None or any(m.rate_limit for m in ctx.methods):
        runtime.add("RateLimitHint")
    if ctx.waiters:
        runtime |= {"PollSpec", "async_wait", "wait"}
        imports.add("collections.abc", "Callable")
    if ctx.trigger_waiters:
        runtime.add("link_value")
        if any(len(tw.links) > 1 for tw in ctx.trigger_waiters):
            runtime.add("has_value")
    if ctx.pagers:
        runtime |= {"PageSpec", "async_iterate", "iterate"}
        if any(p.by_url for p in ctx.pagers):
            runtime |= {"Call", "Page"}
        imports.add("collections.abc", "AsyncIterator", "Iterator")
        imports.add("typing", "Any")
    imports.add("generator.runtime", *runtime)
    return imports


def api_title(api: Api) -> str:
    """`Octomind CI API` stays as it is; `Petstore` becomes `Petstore API`."""
    return api.title if api.title.split()[-1:] == ["API"] else f"{api.title} API"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?:" else text + "."


def _method(op: Operation, types: TypeMapper) -> Method:
    success = op.success
    returns = types.output(success.schema) if success is not None and success.schema is not None else None
    errors = [(r.status, types.output(r.schema)) for r in op.responses if not r.is_success and r.schema is not None]
    args: list[Arg] = []
    method = Method(
        name=op.python_name,
        endpoint="_" + op.python_name.upper(),
        docstring="",
        args=args,
        returns=returns,
        method=op.method.upper(),
        path=op.path,
        errors=errors,
        authenticated=bool(op.security),
        idempotent=op.idempotent,
        rate_limit=op.rate_limit,
    )
    for param in op.parameters:
        kind = types.input(param.schema)
        doc = param.description or f"The `{param.name}` {param.location} parameter."
        if param.required:
            args.append(Arg(param.python_name, kind, None, doc))
        else:
            args.append(Arg(param.python_name, kind.optional(), "None", doc))
        code = ParamCode(
            param.python_name,
            param.location,
            param.name,
            param.required,
            param.style,
            param.explode,
            allow_reserved=param.allow_reserved,
            json_content=param.json_content,
        )
        {"path": method.path_params, "query": method.query_params, "header": method.header_params}.get(
            param.location, []
        ).append(code)
    body = op.body
    if body is not None:
        method.body_required = body.required
        method.exactly_one_of = [list(g) for g in body.exactly_one_of]
        if body.media_type.endswith("json") or body.media_type.split(";")[0].strip().endswith("+json"):
            method.body_kind = "json"
            body_type = types.input(body.schema)
            method.body_model = body_type
            if body.fields:
                doc = "The whole request body; fields given as keyword arguments override its values."
                args.append(Arg("body", union([body_type, _NOT_GIVEN]), "NOT_GIVEN", doc))
            elif body.required:
                args.append(Arg("body", body_type, None, body.description or "The request body."))
            else:
                args.append(Arg("body", body_type.optional(), "None", body.description or "The request body."))
            for f in body.fields:
                doc = f.description or f"The `{f.name}` field of the request body."
                args.append(Arg(f.python_name, union([types.input(f.schema), _NOT_GIVEN]), "NOT_GIVEN", doc))
                method.body_fields.append((f.name, f.python_name))
                if f.required:
                    method.required_fields.append(f.name)
        else:
            method.body_kind = "content"
            method.content_type = body.media_type
            doc = body.description or f"The request body, sent as {body.media_type}."
            if body.required:
                args.append(Arg("body", BYTES, None, doc))
            else:
                args.append(Arg("body", BYTES.optional(), "None", doc))
    required_first = [a for a in args if a.default is None] + [a for a in args if a.default is not None]
    method.args = required_first
    method.overloads = _overloads(method)
    method.docstring = _method_doc(op, method)
    method.raw_docstring = docstring(
        f"Like `{method.name}`, returning a RawResponse: the parsed body with the status, headers and request id.",
        indent=8,
    )
    return method


_NOT_GIVEN = TypeRef("NotGiven", "generator.runtime")


def _required_first(args: list[Arg]) -> list[Arg]:
    return [a for a in args if a.default is None] + [a for a in args if a.default is not None]


def _overloads(method: Method) -> list[list[Arg]]:
    """Where the body has required fields: one signature requiring them, one requiring `body=` instead.

    A type checker then reports a call that gives neither; the implementation still checks at run time.
    """
    if not method.required_fields or method.body_model is None:
        return []
    required = {python for wire, python in method.body_fields if wire in method.required_fields}
    by_fields = [
        Arg(a.python_name, union(m for m in a.type.members if m != _NOT_GIVEN), None, a.doc)
        if a.python_name in required
        else a
        for a in method.args
        if a.python_name != "body"
    ]
    by_body = [Arg("body", method.body_model, None, a.doc) if a.python_name == "body" else a for a in method.args]
    return [_required_first(by_fields), _required_first(by_body)]


_CALL_OPTIONS = [
    "extra_headers: Headers to send with this request, beside the client's.",
    "timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's by default.",
    "max_retries: Retries allowed for this request; the client's by default.",
]
_WAIT_OPTIONS = [
    "deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's recommended deadline by "
    "default.",
    "poll_interval: Seconds between reads when the server gives no hint.",
    "on_update: Called with every state read.",
    "raise_on_failure: Raise RunFailedError when the run ends in a failure state.",
]


def _args_section(args: list[Arg], extra: list[str]) -> list[str]:
    """An `Args:` section: every argument, wrapped under its name."""
    lines: list[str] = ["Args:"]
    for text in [f"{a.python_name}: {' '.join(a.doc.split())}" for a in args] + extra:
        lines += [
            "    " + line
            for line in textwrap.wrap(
                text, _WIDTH - 12, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
            )
        ]
    return lines


def _method_doc(op: Operation, method: Method) -> str:
    parts = [_sentence(op.summary) or f"{op.method.upper()} {op.path}."]
    if op.description and op.description.strip() != op.summary.strip():
        parts.append(op.description)
    if op.deprecated:
        parts.append("Deprecated by the API.")
    return docstring(*parts, indent=8, tail=_args_section(method.args, _CALL_OPTIONS))


def _waiter(op: Operation, method: Method) -> Waiter:
    polling = op.polling
    assert polling is not None
    text = (
        f"Read {method.name} until the run ends, and return its final state. Every {polling.interval_seconds:g} s "
        f"by default (or as the server asks), for at most {polling.timeout_seconds:g} s by default. States the "
        "spec does not list count as pending; a transient error on one read does not end the wait."
    )
    extra = [*_WAIT_OPTIONS, "timeout: HTTP timeout of each status read; the client's by default."]
    doc = _wait_doc(text, _args_section(method.args, extra))
    name = polling.waiter_name or f"wait_for_{method.name}"
    return Waiter(name, method, f"{method.endpoint}_POLLING", polling, doc)


def _wait_doc(text: str, args: list[str]) -> str:
    """The docstring of a waiting method: its text, every argument, what it raises."""
    tail = [*args, "", "Raises:", "    PollTimeoutError: The run was still pending at the deadline."]
    return docstring(text, indent=8, tail=tail)


def _trigger_waiter(
    op: Operation, method: Method, waiters: dict[str, Waiter], by_id: dict[str, tuple[Operation, Method]]
) -> TriggerWaiter | None:
    trigger_args = {p.name: p.python_name for p in op.parameters}
    calls: list[LinkCall] = []
    target: Waiter | None = None
    for link in op.links:
        waiter = waiters.get(link.operation_id)
        if waiter is None or (target is not None and waiter is not target):
            continue
        status_op = by_id[link.operation_id][0]
        names = {p.name: p.python_name for p in status_op.parameters}
        condition: list[str] = []
        arguments: list[LinkArgument] = []
        for param, expression in link.parameters:
            if param not in names:
                break
            if expression.startswith("$response.body#"):
                pointer = expression.removeprefix("$response.body#")
                condition.append(pointer)
                arguments.append(LinkArgument(names[param], "response", pointer))
            elif expression.startswith("$request.") and expression.split(".", 2)[-1] in trigger_args:
                arguments.append(LinkArgument(names[param], "request", trigger_args[expression.split(".", 2)[-1]]))
            elif not expression.startswith("$"):
                arguments.append(LinkArgument(names[param], "constant", expression))
            else:
                break
        else:
            target = waiter
            calls.append(LinkCall(condition, arguments))
    if target is None or not calls:
        return None
    text = f"{_sentence(op.summary) or method.name} Then wait for the run through {target.name}."
    extra = [
        *_WAIT_OPTIONS,
        "extra_headers: Headers to send with the trigger request only.",
        "timeout: HTTP timeout of the trigger and of each status read; the client's by default.",
        "max_retries: Retries allowed for the trigger request; the client's by default.",
    ]
    doc = _wait_doc(text, _args_section(method.args, extra))
    return TriggerWaiter(f"{method.name}_and_wait", method, target, calls, doc)


def _pager(op: Operation, method: Method, types: TypeMapper) -> Pager | None:
    paging = op.pagination
    success = op.success
    if paging is None or success is None or success.schema is None:
        return None
    cursor = next((p for p in op.parameters if p.name == paging.parameter and p.location == "query"), None)
    if cursor is None and paging.style not in ("next-url", "link-header"):
        return None
    items_schema = types.schema_at(success.schema, paging.items_pointer)
    item = types.output(items_schema.get("items")) if isinstance(items_schema, dict) else ANY
    args = [a for a in method.args if cursor is None or a.python_name != cursor.python_name]
    doc = docstring(
        f"Every item of {method.name}, page after page, fetched as the iteration reaches it.",
        indent=8,
        tail=_args_section(args, _CALL_OPTIONS),
    )
    name = paging.iterator_name or f"iter_{method.name}"
    cursor_name = cursor.python_name if cursor is not None else None
    pager = Pager(name, method, args, cursor_name, item, f"{method.endpoint}_PAGES", paging, doc)
    limit = next((p for p in op.parameters if p.name == paging.limit_parameter and p.location == "query"), None)
    if limit is not None:
        schema = deref(types.schemas, limit.schema)
        default = schema.get("default") if isinstance(schema, dict) else None
        default = default if isinstance(default, int) and not isinstance(default, bool) and default > 0 else None
        pager.page_size = (
            f"{limit.python_name} if {limit.python_name} is not None else {default!r}"
            if default is not None and not limit.required
            else limit.python_name
        )
    return pager
