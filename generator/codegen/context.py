"""What the client templates print: the IR turned into names, annotations and Python literals.

Every decision lives here, so the templates only loop and fill in.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from generator.codegen.types import TypeMapper
from generator.spec import names
from generator.spec.ir import Api, Operation, Parameter, RateLimit, SecurityScheme

_WIDTH = 100


@dataclass
class Arg:
    """One keyword argument of a generated method."""

    python_name: str
    annotation: str
    default: str | None
    doc: str


@dataclass
class ParamCode:
    python_name: str
    expression: str
    """Python that serializes the argument, referring to it by `python_name`."""
    location: str
    wire_name: str
    required: bool


@dataclass
class Method:
    name: str
    endpoint: str
    docstring: str
    args: list[Arg]
    returns: str
    method: str
    path: str
    success: str
    errors: list[tuple[str, str]]
    authenticated: bool
    idempotent: bool
    rate_limit: str | None = None
    """Python building the operation's own RateLimitHint, when it overrides the document's."""
    path_params: list[ParamCode] = field(default_factory=list)
    query_params: list[ParamCode] = field(default_factory=list)
    header_params: list[ParamCode] = field(default_factory=list)
    body_kind: str | None = None
    """`json` (fields and/or model), `content` (raw bytes) or None."""
    body_model: str | None = None
    body_fields: list[tuple[str, str]] = field(default_factory=list)
    """(wire name, python name) of body fields offered as keyword arguments."""
    required_fields: list[str] = field(default_factory=list)
    exactly_one_of: list[list[str]] = field(default_factory=list)
    content_type: str | None = None
    body_required: bool = False


@dataclass
class Waiter:
    """`wait_for_<status op>`: reads a status operation until its run ends."""

    name: str
    status: Method
    spec_name: str
    spec: str
    """Python building the PollSpec."""
    docstring: str


@dataclass
class LinkCall:
    """One way to go from a trigger's response to its status operation's arguments."""

    condition: list[str]
    """Pointers that must all be present in the response for this link to apply."""
    arguments: list[tuple[str, str]]
    """(status op argument, Python expression) pairs."""


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
    cursor_argument: str
    item: str
    spec_name: str
    spec: str
    docstring: str


@dataclass
class AuthChoice:
    key: str
    python_name: str
    expression: str
    """Python building the `httpx.Auth` from `api_key` and `url`."""


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
    auth: list[AuthChoice]
    methods: list[Method]
    model_imports: list[str]
    typing_imports: list[str]
    datetime_imports: list[str]
    uuid_import: bool
    runtime_imports: list[str]
    notes: list[str]
    rate_limit: str | None = None
    waiters: list[Waiter] = field(default_factory=list)
    trigger_waiters: list[TriggerWaiter] = field(default_factory=list)
    pagers: list[Pager] = field(default_factory=list)
    abc_imports: list[str] = field(default_factory=list)
    class_docs: dict[bool, str] = field(default_factory=dict)
    all_models: list[str] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)


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
    auth = _auth_choices(api)
    server = api.servers[0] if api.servers else None
    runtime = {"AsyncAPIClient", "Call", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "Endpoint", "SyncAPIClient"}
    for m in methods:
        if m.path_params:
            runtime.add("path_param")
        if any(p.expression.startswith("query_pairs") for p in m.query_params):
            runtime.add("query_pairs")
        if any(p.expression.startswith("json_query_pairs") for p in m.query_params):
            runtime.add("json_query_pairs")
        if m.header_params:
            runtime.add("header_value")
        if m.body_fields:
            runtime |= {"NOT_GIVEN", "NotGiven", "to_json"}
        if m.required_fields:
            runtime.add("require")
        if m.exactly_one_of:
            runtime.add("exactly_one")
        if not m.authenticated and auth:
            runtime.add("NoAuth")
    if not auth:
        runtime.add("NoAuth")  # the constructor's: no scheme the client can fill
    for choice in auth:
        runtime.add(choice.expression.split("(", 1)[0])
    if auth:
        runtime.add("MissingCredentialError")
    if not (server.url if server else "").startswith("http"):
        runtime.add("ClientConfigError")  # the spec's server is relative: a base URL must be given
    if api.rate_limit is not None or any(m.rate_limit for m in methods):
        runtime.add("RateLimitHint")
    if waiters:
        runtime |= {"PollSpec", "async_wait", "wait"}
    if trigger_waiters:
        runtime.add("link_value")
        if any(len(tw.links) > 1 for tw in trigger_waiters):
            runtime.add("has_value")
    if pagers:
        runtime |= {"PageSpec", "async_iterate", "iterate"}
    typing_names = {"Any"} if "Any" in types.imports or any(m.body_fields for m in methods) or pagers else set()
    if len(auth) > 1:
        typing_names.add("Literal")
    return ClientContext(
        api=api,
        prefix=api.class_prefix,
        module_doc=docstring(f"Clients of the {api_title(api)}.", api.description, indent=0),
        env_key=f"{api.env_prefix}_API_KEY",
        env_url=f"{api.env_prefix}_BASE_URL",
        default_url=server.url if server else "",
        server_vars=[(v.python_name, "{" + v.name + "}", v.default) for v in (server.variables if server else ())],
        auth=auth,
        methods=methods,
        model_imports=sorted(types.used),
        typing_imports=sorted(typing_names),
        datetime_imports=sorted(n for n in ("date", "datetime") if n in types.imports),
        uuid_import="UUID" in types.imports,
        runtime_imports=sorted(runtime, key=lambda n: (not n.isupper(), n.lower())),
        notes=list(api.notes),
        rate_limit=_rate_limit(api.rate_limit),
        abc_imports=sorted(
            {"Mapping"} | ({"Callable"} if waiters else set()) | ({"AsyncIterator", "Iterator"} if pagers else set())
        ),
        class_docs={
            False: docstring(f"Synchronous client of the {api_title(api)}.", indent=4),
            True: docstring(f"Asynchronous client of the {api_title(api)}.", indent=4),
        },
        all_models=sorted(model_names),
        exports=sorted([f"Async{api.class_prefix}Client", f"{api.class_prefix}Client", *model_names]),
        waiters=list(waiters.values()),
        trigger_waiters=trigger_waiters,
        pagers=pagers,
    )


def api_title(api: Api) -> str:
    """`Octomind CI API` stays as it is; `Petstore` becomes `Petstore API`."""
    return api.title if api.title.split()[-1:] == ["API"] else f"{api.title} API"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?:" else text + "."


def _auth_choices(api: Api) -> list[AuthChoice]:
    """Ways to authenticate, in the order of the spec's security alternatives."""
    by_key = {s.key: s for s in api.security_schemes}
    keys: list[str] = []
    for op in api.operations:
        for alternative in op.security:
            for key in alternative:
                if key in by_key and key not in keys:
                    keys.append(key)
    choices = []
    for key in keys:
        expression = _auth_expression(by_key[key], api)
        if expression is not None:
            choices.append(AuthChoice(key, names.snake_case(key) or "auth", expression))
    return choices


def _auth_expression(scheme: SecurityScheme, api: Api) -> str | None:
    exchange = scheme.token_exchange
    if exchange is not None:
        op = api.operation(exchange.operation_id)
        return (
            f"TokenExchangeAuth(api_key, exchange_url=url + {op.path!r}, "
            f"key_pointer={exchange.key_pointer!r}, token_pointer={exchange.token_pointer!r}, "
            f"header_prefix={exchange.header_prefix!r}, ttl_seconds={exchange.ttl_seconds!r}"
            + (
                f", refresh_buffer_seconds={float(exchange.refresh_buffer_seconds)!r})"
                if exchange.refresh_buffer_seconds is not None
                else ")"
            )
        )
    if scheme.kind == "apiKey" and scheme.location == "header" and scheme.param_name:
        return f"HeaderAuth({scheme.param_name!r}, api_key)"
    if (scheme.kind == "http" and scheme.scheme == "bearer") or scheme.kind in ("oauth2", "openIdConnect"):
        return "HeaderAuth('Authorization', api_key, 'Bearer')"
    if scheme.kind == "http" and scheme.scheme:
        return f"HeaderAuth('Authorization', api_key, {scheme.scheme.capitalize()!r})"
    return None


def _method(op: Operation, types: TypeMapper) -> Method:
    success = op.success
    returns = types.output(success.schema) if success is not None and success.schema is not None else "None"
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
        success=returns,
        errors=errors,
        authenticated=bool(op.security),
        idempotent=op.idempotent,
        rate_limit=_rate_limit(op.rate_limit),
    )
    for param in op.parameters:
        annotation = types.input(param.schema)
        if param.required:
            args.append(Arg(param.python_name, annotation, None, param.description))
        else:
            args.append(Arg(param.python_name, _optional(annotation), "None", param.description))
        code = ParamCode(param.python_name, _serializer(param), param.location, param.name, param.required)
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
            args.append(
                Arg(
                    "body",
                    f"{body_type} | NotGiven"
                    if body.fields
                    else _optional(body_type)
                    if not body.required
                    else body_type,
                    "NOT_GIVEN" if body.fields else ("None" if not body.required else None),
                    "The whole request body; fields given as keyword arguments override its values."
                    if body.fields
                    else body.description or "The request body.",
                )
            )
            for f in body.fields:
                args.append(Arg(f.python_name, f"{types.input(f.schema)} | NotGiven", "NOT_GIVEN", f.description))
                method.body_fields.append((f.name, f.python_name))
                if f.required:
                    method.required_fields.append(f.name)
        else:
            method.body_kind = "content"
            method.content_type = body.media_type
            args.append(
                Arg(
                    "body",
                    "bytes" if body.required else "bytes | None",
                    None if body.required else "None",
                    body.description or f"The request body, sent as {body.media_type}.",
                )
            )
    required_first = [a for a in args if a.default is None] + [a for a in args if a.default is not None]
    method.args = required_first
    method.docstring = _method_doc(op, method)
    return method


def _optional(annotation: str) -> str:
    return annotation if annotation == "Any" or annotation.endswith("| None") else f"{annotation} | None"


def _serializer(param: Parameter) -> str:
    name = param.python_name
    if param.location == "path":
        return f"path_param({param.name!r}, {name}, style={param.style!r}, explode={param.explode!r})"
    if param.location == "query":
        if param.json_content:
            return f"json_query_pairs({param.name!r}, {name})"
        extra = ", allow_reserved=True" if param.allow_reserved else ""
        return f"query_pairs({param.name!r}, {name}, style={param.style!r}, explode={param.explode!r}{extra})"
    return f"header_value({name}, explode={param.explode!r})"


def _method_doc(op: Operation, method: Method) -> str:
    parts = [_sentence(op.summary) or f"{op.method.upper()} {op.path}."]
    if op.description and op.description.strip() != op.summary.strip():
        parts.append(op.description)
    if op.deprecated:
        parts.append("Deprecated by the API.")
    tail: list[str] = []
    for arg in method.args:
        if arg.doc:
            tail += textwrap.wrap(
                f"{arg.python_name}: {' '.join(arg.doc.split())}",
                _WIDTH - 12,
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
    return docstring(*parts, indent=8, tail=["Args:", *("    " + line for line in tail)] if tail else None)


def _rate_limit(limit: RateLimit | None) -> str | None:
    if limit is None:
        return None
    args = []
    if limit.retry_after_header is not None and limit.retry_after_header.lower() != "retry-after":
        args.append(f"header={limit.retry_after_header!r}")
    if limit.retry_after_pointer is not None:
        args.append(f"pointer={limit.retry_after_pointer!r}")
    if limit.default_wait_seconds is not None:
        args.append(f"default_wait={float(limit.default_wait_seconds)!r}")
    return f"RateLimitHint({', '.join(args)})"


def _values(values: tuple[str | int | bool, ...]) -> str:
    return "(" + "".join(f"{v!r}, " for v in values).rstrip(" ") + ")" if values else "()"


def _waiter(op: Operation, method: Method) -> Waiter:
    polling = op.polling
    assert polling is not None
    judged = ", ".join(f"({j.value!r}, {j.failures_pointer!r})" for j in polling.judged)
    spec = (
        f"PollSpec(status_pointer={polling.status_pointer!r}, pending={_values(polling.pending)}, "
        f"success={_values(polling.success)}, failure={_values(polling.failure)}, "
        f"interval={polling.interval_seconds!r}, timeout={polling.timeout_seconds!r}"
        + (f", judged=({judged},))" if polling.judged else ")")
    )
    text = (
        f"Read {method.name} until the run ends, and return its final state. Every {polling.interval_seconds:g} s "
        f"by default (or as the server asks), for at most {polling.timeout_seconds:g} s by default. States the "
        "spec does not list count as pending; a transient error on one read does not end the wait."
    )
    return Waiter(f"wait_for_{method.name}", method, f"{method.endpoint}_POLLING", spec, _wait_doc(text))


def _wait_doc(text: str, *extra: str) -> str:
    """The docstring of a waiting method; `extra` adds lines to its Args section."""
    tail = [
        "Args:",
        "    timeout: Overall deadline in seconds; the vendor's recommended one by default.",
        "    poll_interval: Seconds between reads when the server gives no hint.",
        "    on_update: Called with every state read.",
        "    raise_on_failure: Raise RunFailedError when the run ends in a failure state.",
        *extra,
        "",
        "Raises:",
        "    PollTimeoutError: The run was still pending at the deadline.",
    ]
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
        arguments: list[tuple[str, str]] = []
        for param, expression in link.parameters:
            if param not in names:
                break
            if expression.startswith("$response.body#"):
                pointer = expression.removeprefix("$response.body#")
                condition.append(pointer)
                arguments.append((names[param], f"link_value(started, {pointer!r})"))
            elif expression.startswith("$request.") and expression.split(".", 2)[-1] in trigger_args:
                arguments.append((names[param], trigger_args[expression.split(".", 2)[-1]]))
            elif not expression.startswith("$"):
                arguments.append((names[param], repr(expression)))
            else:
                break
        else:
            target = waiter
            calls.append(LinkCall(condition, arguments))
    if target is None or not calls:
        return None
    text = f"{_sentence(op.summary) or method.name} Then wait for the run through {target.name}."
    doc = _wait_doc(text, "    extra_headers: Sent with the trigger request only.")
    return TriggerWaiter(f"{method.name}_and_wait", method, target, calls, doc)


def _pager(op: Operation, method: Method, types: TypeMapper) -> Pager | None:
    paging = op.pagination
    success = op.success
    if paging is None or success is None or success.schema is None:
        return None
    cursor = next((p for p in op.parameters if p.name == paging.parameter and p.location == "query"), None)
    if cursor is None:
        return None
    items_schema = types.schema_at(success.schema, paging.items_pointer)
    item = types.output(items_schema.get("items")) if isinstance(items_schema, dict) else "Any"
    args = [a for a in method.args if a.python_name != cursor.python_name]
    spec = (
        f"PageSpec(style={paging.style!r}, items_pointer={paging.items_pointer!r}, "
        f"next_pointer={paging.next_pointer!r}"
        + (f", has_more_pointer={paging.has_more_pointer!r})" if paging.has_more_pointer else ")")
    )
    doc = docstring(f"Every item of {method.name}, page after page, fetched as the iteration reaches it.", indent=8)
    return Pager(f"iter_{method.name}", method, args, cursor.python_name, item, f"{method.endpoint}_PAGES", spec, doc)
