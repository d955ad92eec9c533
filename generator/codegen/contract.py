"""What the contract-suite template prints: the spec's examples and extensions turned into test cases.

Each case is Python source for one row of a table in `test_contract.py`. The values come from the
spec (named examples, parameter examples); where the spec gives none, from seeded synthesis, so the
same spec always gives the same suite.
"""

from __future__ import annotations

import copy
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.codegen.context import ClientContext, Method, Pager, TriggerWaiter, api_title, docstring
from generator.codegen.imports import Imports
from generator.codegen.types import ANY, MODELS, TypeRef
from generator.mock.behaviours.runs import ends_judged
from generator.mock.negotiation import answering_example
from generator.mock.security import DEFAULT_API_KEY
from generator.spec import pointer as jp
from generator.spec.ir import Api, Operation, Parameter, Response, deref
from generator.spec.load import vendor_spec

# The runtime's `error_class` as names: generation does not import the runtime (httpx and all) for a table.
_ERROR_BY_STATUS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def error_class_name(status: int) -> str:
    """The name of the runtime error class a status raises."""
    return _ERROR_BY_STATUS.get(status) or ("InternalServerError" if status >= 500 else "APIStatusError")


_PAGE_SIZE_NAMES = ("per_page", "perpage", "page_size", "pagesize", "limit", "size")
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


@dataclass
class Case:
    """One operation called one way: the data of an `ExampleCase(...)` row (values are JSON data)."""

    method: Method
    example: str
    args: dict[str, Any]
    """Parameter arguments: Python name -> value."""
    path: str
    """Decoded, with the server's base path."""
    query: list[tuple[str, str]] | None
    """The decoded query pairs the request must carry; None when the encoding is not predicted."""
    auth: tuple[str, str] | None
    has_body: bool = False
    body: Any = None
    body_type: str | None = None
    content: bytes | None = None
    """A raw (non-JSON) body the operation requires."""
    prefer: str = ""
    has_result: bool = False
    """The call answers with a body: `result` (a documented example) or, when `unexampled`, any value."""
    unexampled: bool = False
    result: Any = None
    result_type: str | None = None


@dataclass
class ErrorRow:
    """An `ErrorCase(...)` row: a declared error status forced on the case at `index`."""

    index: int
    status: int
    error: str
    """The runtime error class it raises."""
    body_type: str | None = None
    has_body: bool = False
    body: Any = None


@dataclass
class RunRow:
    """A `RunCase(...)` row: a trigger driven to one terminal outcome."""

    trigger: str
    index: int
    outcome: str
    status_pointer: str
    final: Any
    failed: bool
    failures_pointer: str | None = None


@dataclass
class PageRow:
    """A `PageCase(...)` row: a list read through its iterator over several pages."""

    iterator: str
    arguments: dict[str, Any]
    path: str
    items: int
    page_size: int


@dataclass
class ContractContext:
    api: Api
    client: ClientContext
    module_doc: str
    spec_path: str
    """The spec, relative to the generated package, so the suite finds it wherever the tree is cloned."""
    spec_vendor: str | None
    """The vendor name when the spec is one shipped with testrelay: the suite then finds it as package data,
    the same from a wheel as from a checkout."""
    examples: list[Case] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    runs: list[RunRow] = field(default_factory=list)
    pages: list[PageRow] = field(default_factory=list)
    auth_index: int | None = None
    """The example case that stands for every authenticated call."""
    credentials: dict[str, str] = field(default_factory=dict)
    """The clients' credential arguments, each with the kind of mock credential it takes."""
    wrong_credentials: list[tuple[str, str]] = field(default_factory=list)
    """(argument, error class): each credential of the case's requirement, given wrong, raises that error."""
    credential_envs: list[str] = field(default_factory=list)
    auth_error: str = "AuthenticationError"
    unauthorized_type: str | None = None
    retry_index: int | None = None
    """The case answered 429 (and 503) once, then normally: a read when there is one."""
    trigger_index: int | None = None
    """The case that starts a run, answered 503."""
    trigger_idempotent: bool = False
    token_exchange_path: str | None = None
    has_unexampled: bool = False
    imports: Imports = field(default_factory=Imports)
    """What the suite's rows refer to beyond the fixed imports of the template."""


def build_contract(api: Api, client: ClientContext, spec_file: Path, package_dir: Path) -> ContractContext:
    from generator.mock.synth import Synthesizer  # slow to import; only generation needs it

    samples = _Samples(Synthesizer(api.schemas, seed=0))
    spec_path = Path(os.path.relpath(spec_file.resolve(), package_dir.resolve())).as_posix()
    doc = docstring(
        f"Contract tests: the generated client of the {api_title(api)} against its mock server, over real HTTP.",
        "Generated by testrelay from the spec; regenerate instead of editing. Each case runs on the sync and the "
        "async client, against a mock built from the same spec and listening on 127.0.0.1. When the spec changes, "
        "these tests say whether the client and the mock still agree with it.",
        indent=0,
    )
    ctx = ContractContext(api, client, doc, spec_path, vendor_spec(spec_file))
    base_path = api.base_path
    by_id = {op.operation_id: (op, m) for op, m in zip(api.operations, client.methods, strict=True)}
    chosen = {op.operation_id: _chosen_requirement(client, op) for op, _ in by_id.values()}
    first_case: dict[str, Case] = {}
    exchange_keys = {
        s.token_exchange.operation_id: s.token_exchange.key_pointer for s in api.security_schemes if s.token_exchange
    }
    for op, method in by_id.values():
        keys = chosen[op.operation_id]
        auth = (_auth_header(api, client, keys), _query_keys(api, keys))
        for case in _cases(op, method, samples, base_path, auth, ctx.imports, exchange_keys.get(op.operation_id)):
            ctx.examples.append(case)
            first_case.setdefault(op.operation_id, case)
    ctx.has_unexampled = any(c.unexampled for c in ctx.examples)
    for op, method in by_id.values():
        index = ctx.examples.index(first_case[op.operation_id])
        for response in op.responses:
            if not response.is_success and response.status.isdigit():
                ctx.errors.append(_error_case(index, response, method, ctx.imports))
    exchange = next((s.token_exchange for s in api.security_schemes if s.token_exchange is not None), None)
    ctx.credentials = {c.python_name: c.kind for c in client.security.credentials}
    ctx.credential_envs = [c.env for c in client.security.credentials]
    authenticated = [first_case[op.operation_id] for op, _ in by_id.values() if chosen[op.operation_id]]
    if authenticated:
        case = _prefer_reads(authenticated)
        ctx.auth_index = ctx.examples.index(case)
        requirement = chosen[_operation_id(by_id, case.method)]
        schemes = [s for key in requirement if (s := client.security.scheme(key)) is not None]
        for scheme in schemes:
            error = "TokenExchangeError" if scheme.runtime_class in _FETCHING else "AuthenticationError"
            ctx.wrong_credentials += [(name, error) for name in scheme.credentials]
        uses_exchange = any(s.runtime_class == "TokenExchangeAuth" for s in schemes)
        ctx.auth_error = "TokenExchangeError" if uses_exchange else "AuthenticationError"
        unauthorized = _error_type(case.method, "401")
        ctx.unauthorized_type = _qualified(unauthorized, ctx.imports) if unauthorized else None
        if uses_exchange and exchange is not None:
            ctx.token_exchange_path = base_path + api.operation(exchange.operation_id).path
    comparable = [c for c in first_case.values() if not c.unexampled]
    if comparable:
        ctx.retry_index = ctx.examples.index(_prefer_reads(comparable))
    for tw in client.trigger_waiters:
        trigger_case = first_case[_operation_id(by_id, tw.trigger)]
        status_op = by_id[_operation_id(by_id, tw.waiter.status)][0]
        trigger_op = by_id[_operation_id(by_id, tw.trigger)][0]
        kinds = _run_kinds(api, trigger_op, ctx.examples, tw.trigger)
        index = ctx.examples.index(trigger_case)
        ctx.runs += _run_cases(tw, kinds.get(True, index), kinds.get(False, index), status_op)
        if ctx.trigger_index is None and tw.trigger.method == "POST":
            ctx.trigger_index = ctx.examples.index(trigger_case)
            ctx.trigger_idempotent = tw.trigger.idempotent
    for pager in client.pagers:
        op = by_id[_operation_id(by_id, pager.method)][0]
        page = _page_case(op, pager, first_case[op.operation_id], api.schemas)
        if page is not None:
            ctx.pages.append(page)
    _suite_imports(ctx)
    return ctx


def _suite_imports(ctx: ContractContext) -> None:
    """The imports of `test_contract.py`, from the tests and rows the template will print."""
    imports = ctx.imports
    imports.add("collections.abc", "Iterator")
    if ctx.spec_vendor is None:
        imports.add("pathlib", "Path")
    imports.module("pytest")
    imports.add("generator.mock.server", "MockServer", "run_mock")
    imports.add(".client", f"Async{ctx.client.prefix}Client as AsyncClient")
    imports.add(".client", f"{ctx.client.prefix}Client as Client")
    contract = {"Caller", "ExampleCase"}
    if ctx.examples:
        contract |= {"Wire", "check_wire"}
    if ctx.has_unexampled:
        contract.add("NO_EXAMPLE")
    if ctx.errors:
        contract |= {"ErrorCase", "parse"}
    if ctx.auth_index is not None:
        contract.add("unauthenticated")
        if ctx.unauthorized_type:
            contract.add("parse")
    if ctx.retry_index is not None or ctx.trigger_index is not None:
        contract |= {"FAULT", "requests_to"}
    if ctx.runs:
        contract |= {"OUTCOME", "READS", "RunCase", "value_at"}
        imports.add("typing", "Any")
    if ctx.token_exchange_path and ctx.runs:
        contract |= {"DURATION", "requests_to"}
    if ctx.pages:
        contract |= {"ITEMS", "PageCase", "requests_to"}
    imports.add("generator.contract", *contract)
    if ctx.errors or ctx.auth_index is not None or ctx.trigger_index is not None or ctx.runs:
        imports.module("generator.runtime as runtime")


def _operation_id(by_id: dict[str, tuple[Operation, Method]], method: Method) -> str:
    return next(op_id for op_id, (_, m) in by_id.items() if m is method)


def _prefer_reads(cases: list[Case]) -> Case:
    """A GET when there is one: the safest call to aim a fault or a bad credential at."""
    return next((c for c in cases if c.method.method == "GET"), cases[0])


class _Samples:
    """Values for arguments the spec gives no example for, the same on every run."""

    def __init__(self, synth: Any) -> None:
        self._synth = synth
        self._count = 0

    def value(self, schema: Any) -> Any:
        self._count += 1
        return self._synth.value(schema, seed=self._count, for_response=False)

    def parameter(self, param: Parameter) -> Any:
        if param.example is not None:
            return param.example
        schema = param.schema
        if param.location == "path":
            kind = schema.get("type")
            if kind == "integer":
                return max(1, int(schema.get("minimum", 1)))
            if schema.get("format") == "uuid":
                return "3435918b-3d29-4ebd-8c68-9a540532f45a"
        value = self.value(schema)
        if param.location == "path" and not (isinstance(value, str) and _SAFE_SEGMENT.fullmatch(value)):
            return value if isinstance(value, int) and not isinstance(value, bool) else "example"
        return value


_FETCHING = frozenset({"TokenExchangeAuth", "ClientCredentialsAuth"})


def _chosen_requirement(client: ClientContext, op: Operation) -> tuple[str, ...]:
    """The scheme keys a client given every credential sends for `op`: what its auth picks first."""
    security = client.security
    if not op.requirements or not client.auth:
        return ()
    if not security.selecting:
        served = {key for req in security.requirements_of(op) for key, _ in req}
        return (client.auth[0].key,) if client.auth[0].key in served else ()
    requirements = [req for req in security.requirements_of(op) if req]
    return tuple(key for key, _ in requirements[0]) if requirements else ()


def _auth_header(api: Api, client: ClientContext, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """How the journal shows the credential sent: the first header of the requirement, its value redacted."""
    by_key = {s.key: s for s in api.security_schemes}
    for key in keys:
        scheme = by_key[key]
        if scheme.token_exchange is not None:
            return ("Authorization", f"{scheme.token_exchange.header_prefix} <redacted>")
        if scheme.kind == "apiKey" and scheme.param_name and scheme.location == "header":
            return (scheme.param_name, "<redacted>")
        if scheme.kind == "apiKey" and scheme.location == "cookie":
            return ("Cookie", "<redacted>")
        if scheme.kind == "http" and scheme.scheme:
            return ("Authorization", f"{scheme.scheme[:1].upper()}{scheme.scheme[1:]} <redacted>")
        if scheme.kind in ("oauth2", "openIdConnect"):
            return ("Authorization", "Bearer <redacted>")
    return None


def _query_keys(api: Api, keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """Query parameters the requirement adds, as the journal shows them."""
    by_key = {s.key: s for s in api.security_schemes}
    return [
        (s.param_name, "<redacted>")
        for key in keys
        if (s := by_key[key]).kind == "apiKey" and s.location == "query" and s.param_name
    ]


def _cases(
    op: Operation,
    method: Method,
    samples: _Samples,
    base_path: str,
    auth: tuple[tuple[str, str] | None, list[tuple[str, str]]],
    used: Imports,
    key_pointer: str | None = None,
) -> list[Case]:
    params = [
        p for p in op.parameters if p.location in ("path", "query", "header") and (p.required or p.example is not None)
    ]
    values = {p.name: samples.parameter(p) for p in params}
    bodies: list[tuple[str, Any]] = []
    body = op.body
    if method.body_kind == "json" and body is not None:
        bodies = [(e.name, e.value) for e in op.request_examples]
        if not bodies and body.required:
            bodies = [("synthesized", samples.value(body.schema))]
    if key_pointer is not None:  # a token exchange: the mock checks the key it carries, Prefer or not
        bodies = [(name, _with_key(value, key_pointer)) for name, value in bodies]
    if not bodies:
        bodies = [("default", None)]
    content = b"testrelay" if method.body_kind == "content" and body is not None and body.required else None
    header, query_keys = auth
    query = _query(params, values)
    if query is not None:
        query = [*query, *query_keys]
    path = _path(base_path, op.path, values)
    arguments = {p.python_name: values[p.name] for p in params}
    cases = []
    for name, payload in bodies:
        case = Case(method, name, arguments, path, query, header if op.security else None)
        if payload is not None:
            case.has_body, case.body, case.body_type = True, payload, _qualified(method.body_model, used)
        elif content is not None:
            case.content = content
        _expect(case, op, payload, used)
        cases.append(case)
    return cases


def _with_key(body: Any, pointer: str) -> Any:
    body = copy.deepcopy(body)
    jp.put(body, pointer, DEFAULT_API_KEY)
    return body


def _expect(case: Case, op: Operation, payload: Any, used: Imports) -> None:
    """The response the mock is asked for (Prism's `Prefer`) and what the call must then return.

    The example is the one the mock itself answers this request with: one rule for both.
    """
    success = op.success
    if success is None or not success.status.isdigit():
        return
    case.prefer = f"code={success.status}"
    if success.schema is None:
        return
    case.result_type = _qualified(case.method.returns, used)
    case.has_result = True
    example = answering_example(op, success, payload, request_example=case.example)
    if example is None:
        case.unexampled = True
        return
    case.prefer += f", example={example.name}"
    case.result = example.value


def _qualified(kind: TypeRef | None, used: Imports) -> str:
    """A type with its model names read from the `models` module, where no test name can shadow them."""
    kind = kind if kind is not None else ANY
    used.add_all((module, name) for module, name in kind.imports() if module != MODELS)
    if kind.model_names():
        used.add(".", "models")
    return kind.render("models.")


def _path(base_path: str, template: str, values: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return _text(value) if value is not None else match.group(0)

    return base_path + re.sub(r"\{([^}]+)\}", fill, template)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _query(params: list[Parameter], values: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The decoded pairs the spec's style and explode give; None when the encoding is one we do not predict."""
    pairs: list[tuple[str, str]] = []
    for p in params:
        if p.location != "query":
            continue
        value = values[p.name]
        if p.json_content:
            return None
        if isinstance(value, list):
            joiner = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}.get(p.style)
            if joiner is None:
                return None
            if p.explode and p.style == "form":
                pairs += [(p.name, _text(v)) for v in value]
            else:
                pairs.append((p.name, joiner.join(_text(v) for v in value)))
        elif isinstance(value, dict):
            if p.style == "deepObject":
                pairs += [(f"{p.name}[{k}]", _text(v)) for k, v in value.items()]
            elif p.style == "form" and p.explode:
                pairs += [(k, _text(v)) for k, v in value.items()]
            elif p.style == "form":
                pairs.append((p.name, ",".join(f"{k},{_text(v)}" for k, v in value.items())))
            else:
                return None
        elif value is not None:
            pairs.append((p.name, _text(value)))
    return pairs


def _error_type(method: Method, status: str) -> TypeRef | None:
    return next((annotation for code, annotation in method.errors if code == status), None)


def _error_case(index: int, response: Response, method: Method, used: Imports) -> ErrorRow:
    status = int(response.status)
    row = ErrorRow(index, status, error_class_name(status))
    annotation = _error_type(method, response.status)
    if annotation is not None:
        row.body_type = _qualified(annotation, used)
        if response.examples:
            row.has_body, row.body = True, response.examples[0].value
    return row


def _run_kinds(api: Api, trigger: Operation, cases: list[Case], method: Method) -> dict[bool, int]:
    """The first trigger case whose run ends judged (True) and the first ending plain (False), as the mock runs it."""
    found: dict[bool, int] = {}
    examples = {e.name: e.value for e in trigger.request_examples}
    for index, case in enumerate(cases):
        if case.method is not method:
            continue
        payload = examples.get(case.example)
        answer = answering_example(trigger, trigger.success, payload, request_example=case.example)
        judged = ends_judged(api, trigger.operation_id, answer.value if answer is not None else None)
        if judged is not None:
            found.setdefault(judged, index)
    return found


def _run_cases(tw: TriggerWaiter, judged_index: int, plain_index: int, status_op: Operation) -> list[RunRow]:
    polling = status_op.polling
    assert polling is not None
    rows: list[tuple[int, str, Any, bool, str | None]] = []
    if polling.judged:
        judged = polling.judged[0]
        rows += [(judged_index, "success", judged.value, False, judged.failures_pointer)]
        rows += [(judged_index, "failure", judged.value, True, judged.failures_pointer)]
    rows += [(plain_index, _text(v), v, False, None) for v in polling.success]
    rows += [(plain_index, _text(v), v, True, None) for v in polling.failure]
    return [
        RunRow(tw.name, index, outcome, polling.status_pointer, final, failed, failures)
        for index, outcome, final, failed, failures in rows
    ]


def _page_case(op: Operation, pager: Pager, case: Case, schemas: dict[str, Any]) -> PageRow | None:
    paging = op.pagination
    success = op.success
    if paging is None or success is None:
        return None
    size_param = next((p for p in op.parameters if p.name.lower() in _PAGE_SIZE_NAMES and p.location == "query"), None)
    allowed = {a.python_name for a in pager.args}
    arguments = {name: value for name, value in case.args.items() if name in allowed}
    if size_param is not None:
        size = _smallest_size(size_param, schemas)
        arguments[size_param.python_name] = size
    else:
        items = _items(success, paging.items_pointer)
        size = max(1, items)
    total = 2 * size + 1
    return PageRow(pager.name, arguments, case.path, total, size) if math.ceil(total / size) > 1 else None


def _smallest_size(param: Parameter, schemas: dict[str, Any]) -> int:
    """The smallest page size the parameter allows, so a few items make several pages."""
    schema = deref(schemas, param.schema) or {}
    enum = [v for v in schema.get("enum") or [] if isinstance(v, int)]
    for option in schema.get("anyOf") or schema.get("oneOf") or []:
        option = deref(schemas, option)
        enum += [v for v in (option.get("enum") or []) if isinstance(v, int)] if isinstance(option, dict) else []
    if enum:
        return min(enum)
    return max(2, int(schema.get("minimum", 2)))


def _items(response: Response, pointer: str) -> int:
    for example in response.examples:
        items = jp.get(example.value, pointer)
        if isinstance(items, list):
            return len(items)
    return 1
