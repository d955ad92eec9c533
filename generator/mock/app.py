"""A vendor-faithful mock of one API, built from its IR and served by starlette.

Runs are stateful and derived from the spec alone: a trigger operation is one whose `links`
lead to an operation with `x-polling`. Triggering stores a run under a fresh id; each read of
the status operation moves it through the pending values to a terminal one. A request header
picks a run's outcome and pace (see `OUTCOME_HEADER`, `READS_HEADER`).
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
import re
import secrets
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from generator.mock import faults
from generator.mock.errors import declared, example_body, render, status_of
from generator.mock.journal import Journal
from generator.mock.resources import Kind, ResourceStore
from generator.mock.validate import Validators, Violation, check_request
from generator.spec import names
from generator.spec import pointer as jp
from generator.spec.ir import Api, Link, Operation, SecurityScheme

OUTCOME_HEADER = "x-testrelay-outcome"
"""At trigger time: `success` (default), `failure`, or a terminal status value of the spec."""
READS_HEADER = "x-testrelay-reads"
"""At trigger time: how many status reads a run takes to end (default 2)."""
PREFER_HEADER = "prefer"
"""Prism's: `code=404`, `example=name`, `dynamic=true`."""
DEFAULT_API_KEY = "testrelay-test-key"
MAX_BODY = 1024 * 1024
_FAULT_HEADER = faults.FAULT_HEADER.encode()
_METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")


class MockReset(ConnectionError):
    """Raised to drop a connection mid-answer when a test asks for a reset."""


@dataclass
class Route_:
    op: Operation
    pattern: re.Pattern[str]
    groups: dict[str, str]


@dataclass
class Run:
    outcome: str
    reads_needed: int
    reads: int = 0
    ids: dict[str, str] = field(default_factory=dict)
    """The status operation's arguments that name this run."""


@dataclass
class Settings:
    api_key: str = DEFAULT_API_KEY
    token_ttl: float | None = None
    scenario: str | None = None
    seed: int = 0


class MockApp:
    """The ASGI app plus the state a test may inspect: the journal and the runs."""

    def __init__(self, api: Api, settings: Settings | None = None) -> None:
        self.api = api
        self.settings = settings or Settings()
        self.validators = Validators(api)
        self.journal = Journal(secrets=lambda: [self.settings.api_key, *self._tokens])
        self.base_path = urlsplit(api.servers[0].url if api.servers else "/").path.rstrip("/")
        self._routes = _compile(api)
        self._lock = threading.Lock()
        self._tokens: dict[str, float] = {}
        self.runs: dict[str, Run] = {}
        self._counter = 1000
        self._schemes = {s.key: s for s in api.security_schemes}
        self._exchanges = {s.token_exchange.operation_id: s for s in api.security_schemes if s.token_exchange}
        self._polled = {op.operation_id: op for op in api.operations if op.polling is not None}
        self._fault_counter = faults.Counter()
        self.resources = ResourceStore(api)
        self._synth: Any = None
        self._dynamic_count = 0
        self._valid_answers: set[tuple[str, int, str]] = set()
        """Answers already checked against the spec; most answers repeat an example."""
        self.app = Starlette(routes=[Route("/{path:path}", self._handle, methods=list(_METHODS))])

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") == "http":
            fault, problem = self._fault(scope)
            scope.setdefault("state", {})["fault"] = (fault, problem)  # read back as request.state.fault
            if fault is not None and fault.reset and self._fails(fault, scope):
                # Below starlette on purpose: its error handling would turn this into a 500 answer.
                await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
                raise MockReset(f"connection reset for {scope['method']} {scope['path']}, as asked")
        await self.app(scope, receive, send)

    def _fault(self, scope: Any) -> tuple[faults.Fault | None, str | None]:
        """The fault asked for by the request's header or the scenario, and what is wrong with the header."""
        raw = next((value for name, value in scope.get("headers") or () if name == _FAULT_HEADER), b"")
        text = raw.decode("latin-1")
        if text:
            try:
                return faults.parse(text), None
            except ValueError as exc:
                return None, str(exc)
        if self.settings.scenario and self.settings.scenario.startswith("fault:"):
            try:
                return faults.parse(self.settings.scenario.removeprefix("fault:")), None
            except ValueError:
                return None, None
        return None, None

    def _fails(self, fault: faults.Fault, scope: Any) -> bool:
        key = (repr(fault), str(scope.get("method")), str(scope.get("path")))
        return self._fault_counter.should_fail(fault, key)

    # -- dispatch ----------------------------------------------------------------------------------

    async def _handle(self, request: Request) -> Response:
        body = await request.body()
        self.journal.record(request.method, request.url.path, request.url.query, request.headers, body)
        path = request.url.path
        if not path.startswith(self.base_path + "/") and path != self.base_path:
            return _json(404, {"message": f"no such path: {path}"})
        relative = path[len(self.base_path) :] or "/"
        matches = [(r, m) for r in self._routes if (m := r.pattern.fullmatch(relative))]
        if not matches:
            return _json(404, {"message": f"no such path: {path}"})
        chosen = next(((r, m) for r, m in matches if r.op.method.upper() == request.method), None)
        if chosen is None:
            allow = ", ".join(sorted({r.op.method.upper() for r, _ in matches}))
            return Response(status_code=405, headers={"Allow": allow})
        route, match = chosen
        fault, problem = request.state.fault
        if problem is not None:
            return self._violations(route.op, [Violation("header", ("X-Testrelay-Fault",), problem)])
        if fault is not None:
            answer = await self._inject(route.op, fault, request)
            if answer is not None:
                return answer
        if len(body) > MAX_BODY:
            return self._violations(route.op, [Violation("body", (), f"body over {MAX_BODY} bytes")])
        denied = self._authenticate(route.op, request.headers)
        if denied is not None:
            return denied
        path_values = {route.groups[g]: v for g, v in match.groupdict().items()}
        query = parse_qsl(request.url.query, keep_blank_values=True)
        violations, params, payload = check_request(
            self.validators, route.op, path_values, query, request.headers, request.headers.get("content-type"), body
        )
        if violations:
            return self._violations(route.op, violations)
        prefer = _prefer(request.headers.get(PREFER_HEADER, ""))
        if "code" in prefer:
            return self._preferred_code(route.op, prefer["code"], prefer.get("example"))
        if route.op.operation_id in self._exchanges:
            return self._exchange(route.op, payload)
        if "dynamic" in prefer:  # Prism's meaning: synthesized data, whatever state there is
            return self._answer(route.op, prefer, params, payload, request.headers)
        if route.op.operation_id in self._polled:
            return self._status_read(route.op, params)
        kind = self.resources.kind(route.op)
        if kind is not None and not route.op.links:
            return self._resource(route.op, kind, relative, path_values, payload)
        return self._answer(route.op, prefer, params, payload, request.headers)

    async def _inject(self, op: Operation, fault: faults.Fault, request: Request) -> Response | None:
        """The fault's answer, or None to answer normally (after any delay or token expiry)."""
        if fault.delay:
            await asyncio.sleep(fault.delay)
        once = dataclasses.replace(fault, fail_times=fault.fail_times or 1)
        if fault.expire_token and self._fails(once, request.scope):
            token = request.headers.get("authorization", "").partition(" ")[2]
            with self._lock:
                if token in self._tokens:
                    self._tokens[token] = 0.0
        failing = fault.empty or fault.status is not None
        if not failing or not self._fails(fault, request.scope):
            return None
        if fault.empty:
            return Response(status_code=200)
        assert fault.status is not None
        response = declared(op, str(fault.status))
        body = example_body(response) if response is not None and response.status == str(fault.status) else None
        headers = {}
        if fault.status == 429:
            headers["Retry-After"] = f"{fault.wait_hint:g}"
            limit = op.rate_limit or self.api.rate_limit
            if limit is not None and limit.retry_after_pointer and isinstance(body, dict):
                _pointer_set(
                    body,
                    limit.retry_after_pointer,
                    int(fault.wait_hint) if fault.wait_hint.is_integer() else fault.wait_hint,
                )
        if body is None:
            return Response(status_code=fault.status, headers=headers)
        return Response(json.dumps(body), status_code=fault.status, headers=headers, media_type="application/json")

    # -- auth --------------------------------------------------------------------------------------

    def _authenticate(self, op: Operation, headers: Mapping[str, str]) -> Response | None:
        if not op.security:
            return None
        for alternative in op.security:
            if all(self._satisfied(self._schemes.get(key), headers) for key in alternative):
                return None
        response = declared(op, "401")
        body = example_body(response)  # the vendor's own words for a bad credential
        if body is not None:
            return _json(401, body)
        return self._error_answer(
            response, 401, [Violation("header", ("Authorization",), "missing or invalid credentials")]
        )

    def _satisfied(self, scheme: SecurityScheme | None, headers: Mapping[str, str]) -> bool:
        if scheme is None:
            return True
        if scheme.token_exchange is not None:
            value = headers.get((scheme.param_name or "authorization").lower(), "")
            prefix = scheme.token_exchange.header_prefix + " "
            token = value[len(prefix) :] if value.startswith(prefix) else ""
            with self._lock:
                expires = self._tokens.get(token)
            return expires is not None and time.monotonic() < expires
        if scheme.kind == "apiKey" and scheme.location == "header":
            return headers.get((scheme.param_name or "").lower()) == self.settings.api_key
        if scheme.kind == "http" and scheme.scheme:
            return headers.get("authorization") == f"{scheme.scheme.capitalize()} {self.settings.api_key}"
        if scheme.kind in ("oauth2", "openIdConnect"):
            return headers.get("authorization") == f"Bearer {self.settings.api_key}"
        return True

    def _exchange(self, op: Operation, payload: Any) -> Response:
        scheme = self._exchanges[op.operation_id]
        exchange = scheme.token_exchange
        assert exchange is not None
        if _pointer_get(payload, exchange.key_pointer) != self.settings.api_key:
            return self._error_answer(declared(op, "401", "400"), 401, [Violation("body", (), "invalid API key")])
        token = "mock." + secrets.token_urlsafe(24)
        ttl = self.settings.token_ttl if self.settings.token_ttl is not None else exchange.ttl_seconds
        with self._lock:
            now = time.monotonic()
            self._tokens = {t: e for t, e in self._tokens.items() if e > now}
            self._tokens[token] = now + ttl
        success = op.success
        body = example_body(success) or {}
        _pointer_set(body, exchange.token_pointer, token)
        return self._respond(op, int(success.status) if success else 200, body)

    # -- answers -----------------------------------------------------------------------------------

    def _violations(self, op: Operation, violations: list[Violation]) -> Response:
        """A 422 or 400 as the spec declares; else 404 for a bad path, else its lowest declared 4xx."""
        wanted = ["422", "400"] if _validation_is_422(op) else ["400", "422"]
        if any(v.location == "path" for v in violations):
            wanted.append("404")
        wanted += sorted(r.status for r in op.responses if r.status.startswith("4") and r.status not in ("401", "403"))
        response = declared(op, *wanted)
        declared_4xx = response is not None and response.status[:1] == "4" and response.status.isdigit()
        status = int(response.status) if declared_4xx and response is not None else status_of(response, wanted[0])
        return self._error_answer(response, status, violations)

    def _error_answer(self, response: Any, status: int, violations: list[Violation]) -> Response:
        body = render(self.api, response, status, violations)
        return _json(status, body) if body is not None else Response(status_code=status)

    def _preferred_code(self, op: Operation, code: str, example: str | None) -> Response:
        response = next((r for r in op.responses if r.status == code), None)
        if response is None:
            return self._violations(op, [Violation("header", ("Prefer",), f"{code} is not a declared status")])
        if response.is_success:
            return self._respond(op, int(code), self._example(response, example))
        body = self._example(response, example)
        if body is None and response.schema is not None:
            body = render(self.api, response, int(code), [Violation("body", (), "error requested with Prefer")])
        return _json(int(code), body) if body is not None else Response(status_code=int(code))

    def _example(self, response: Any, name: str | None) -> Any:
        for example in response.examples:
            if name is None or example.name == name:
                return copy.deepcopy(example.value)
        return None

    def _answer(
        self, op: Operation, prefer: dict[str, str], params: dict[str, Any], payload: Any, headers: Mapping[str, str]
    ) -> Response:
        success = op.success
        if success is None:
            return Response(status_code=204)
        status = int(success.status) if success.status.isdigit() else 200
        if success.schema is None:
            return Response(status_code=status)
        if prefer.get("dynamic") == "true":
            body = self._synthesized(success.schema)
        else:
            body = self._example(success, prefer.get("example") or self._example_for(op, payload))
        if body is None:
            body = self._synthesized(success.schema)
        for link in op.links:
            target = self._polled.get(link.operation_id)
            if target is not None:
                self._start_run(op, link, target, body, params, payload, headers)
        return self._respond(op, status, body)

    def _synthesized(self, schema: Any) -> Any:
        """Seeded, schema-valid data: the n-th synthesized answer is the same in every run."""
        if self._synth is None:
            from generator.mock.synth import Synthesizer  # loaded on first use: it is slow to import

            self._synth = Synthesizer(self.api.schemas, seed=self.settings.seed)
        with self._lock:
            self._dynamic_count += 1
            seed = self.settings.seed * 1_000_003 + self._dynamic_count
        return self._synth.value(schema, seed=seed)

    def _resource(
        self,
        op: Operation,
        kind: Kind,
        relative: str,
        path_values: dict[str, str],
        payload: Any,
    ) -> Response:
        """Create, read, update, delete and list, kept in memory (see generator/mock/resources.py)."""
        success = op.success
        status = int(success.status) if success is not None and success.status.isdigit() else 204
        example = self._example(success, None) if success is not None else None
        if example is None and success is not None and success.schema is not None:
            example = self._synthesized(success.schema)
        schema = success.schema if success is not None else None

        def valid(body: Any) -> bool:
            return schema is None or not self.validators.errors(schema, body)

        is_item = op.path != kind.collection
        collection = relative.rsplit("/", 1)[0] if is_item else relative
        item_id = path_values.get(kind.param, "")
        if not is_item:
            if op.method == "post":
                id_schema = next(
                    (q.schema for o in self.api.operations for q in o.parameters if q.name == kind.param), {}
                )
                created = self.resources.create(collection, example, payload, id_schema, valid)
                return self._respond(op, status, created)
            stored = self.resources.listing(collection)
            if stored is not None and isinstance(example, list):
                return self._respond(op, status, stored)
            return self._respond(op, status, example)
        deleted, stored = self.resources.read(collection, item_id)
        if deleted:
            response = declared(op, "404")
            body = example_body(response)
            return _json(404, body) if body is not None else Response(status_code=404)
        if op.method == "delete":
            self.resources.delete(collection, item_id)
            return self._respond(op, status, example if success is not None and success.schema is not None else None)
        if op.method in ("patch", "put"):
            return self._respond(op, status, self.resources.update(collection, item_id, example, payload, valid))
        return self._respond(op, status, stored if stored is not None else example)

    def _example_for(self, op: Operation, payload: Any) -> str | None:
        """With an exactly-one-of body and one example per member, the example in that member's place."""
        success = op.success
        if op.body is None or success is None or not isinstance(payload, dict):
            return None
        for group in op.body.exactly_one_of:
            given = [i for i, name in enumerate(group) if name in payload]
            if len(given) == 1 and len(success.examples) == len(group):
                return success.examples[given[0]].name
        return None

    def _respond(self, op: Operation, status: int, body: Any) -> Response:
        """The answer, after checking it against the spec; a breach is the mock's bug, answered as a 500."""
        if body is None:
            return Response(status_code=status)
        text = json.dumps(body, separators=(",", ":"))
        response = next((r for r in op.responses if r.status == str(status)), None)
        key = (op.operation_id, status, text)
        if response is not None and response.schema is not None and key not in self._valid_answers:
            errors = self.validators.errors(response.schema, body)
            if errors:
                message = f"mock answer for {op.operation_id} breaks its own spec: {errors[0].message[:200]}"
                return _json(500, {"message": message})
            if len(self._valid_answers) < 10_000:
                self._valid_answers.add(key)
        return Response(text, status_code=status, media_type="application/json")

    # -- runs --------------------------------------------------------------------------------------

    def _start_run(
        self,
        trigger: Operation,
        link: Link,
        status_op: Operation,
        body: Any,
        params: dict[str, Any],
        payload: Any,
        headers: Mapping[str, str],
    ) -> None:
        requested = {
            names.snake_case(k): v for k, v in {**params, **(payload if isinstance(payload, dict) else {})}.items()
        }
        ids: dict[str, str] = {}
        for target_param, expression in link.parameters:
            if not expression.startswith("$response.body#"):
                continue
            pointer = expression.removeprefix("$response.body#")
            if _pointer_get(body, pointer) is None:
                return
            echoed = requested.get(names.snake_case(pointer.rsplit("/", 1)[-1]))
            if echoed is not None:
                _pointer_set(body, pointer, echoed)
                continue
            fresh = self._fresh_id(status_op, target_param)
            original = _pointer_get(body, pointer)
            _pointer_set(body, pointer, fresh)
            _replace_id(body, str(original), str(fresh))  # e.g. Kapptivate's result_uri names the id too
            ids[target_param] = str(fresh)
        scenario = self.settings.scenario if not (self.settings.scenario or "").startswith("fault:") else None
        outcome = headers.get(OUTCOME_HEADER) or scenario or "success"
        try:
            reads = max(1, int(headers.get(READS_HEADER, "2")))
        except ValueError:
            reads = 2
        with self._lock:
            self.runs[secrets.token_hex(8)] = Run(outcome, reads, ids=ids)

    def _fresh_id(self, status_op: Operation, param_name: str) -> Any:
        param = next((p for p in status_op.parameters if p.name == param_name), None)
        schema = param.schema if param is not None else {}
        with self._lock:
            self._counter += 1
            counter = self._counter
        if schema.get("type") == "integer":
            return counter
        if schema.get("format") == "uuid":
            return str(uuid.uuid4())
        return f"run{counter}{secrets.token_hex(3)}"

    def _status_read(self, op: Operation, params: dict[str, Any]) -> Response:
        polling = op.polling
        assert polling is not None
        given = {name: str(value) for name, value in params.items()}
        with self._lock:
            run = next(
                (r for r in self.runs.values() if r.ids and all(given.get(k) == v for k, v in r.ids.items())), None
            )
            if run is not None:
                run.reads += 1
                reads, needed, outcome = run.reads, run.reads_needed, run.outcome
        if run is None:
            response = declared(op, "404")
            body = example_body(response)
            return _json(404, body) if body is not None else Response(status_code=404)
        success = op.success
        assert success is not None
        body = self._example(success, _example_for_run(success, run)) or {}
        if reads < needed:
            pending = polling.pending or ("pending",)
            _pointer_set(body, polling.status_pointer, pending[min(reads - 1, len(pending) - 1)])
        else:
            _finish(body, polling, outcome)
        return self._respond(op, int(success.status), body)


def _example_for_run(response: Any, run: Run) -> str | None:
    """The status example whose name shares a word with the run's parameters (`suite_run_id` -> `suiteRun...`)."""
    words = {w for name in run.ids for w in names.snake_case(name).split("_")} - {"id", "ids", "run", "runs"}
    for example in response.examples:
        if words & set(names.snake_case(example.name).split("_")):
            return str(example.name)
    return None


def _finish(body: Any, polling: Any, outcome: str) -> None:
    """Write a terminal state for `outcome` into a status answer."""
    for judged in polling.judged:
        if outcome in ("success", "failure"):
            _pointer_set(body, polling.status_pointer, judged.value)
            _pointer_set(body, judged.failures_pointer, 0 if outcome == "success" else 1)
            return
    values = polling.success if outcome == "success" else polling.failure if outcome == "failure" else ()
    if values:
        _pointer_set(body, polling.status_pointer, values[0])
        return
    known = {str(v): v for v in (*polling.success, *polling.failure)}
    _pointer_set(body, polling.status_pointer, known.get(outcome, outcome))


def _replace_id(node: Any, old: str, new: str) -> None:
    """Replaces `old` where it stands as a whole path segment or value inside the answer's strings."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                node[key] = pattern.sub(new, value)
            else:
                _replace_id(value, old, new)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, str):
                node[i] = pattern.sub(new, value)
            else:
                _replace_id(value, old, new)


def _validation_is_422(op: Operation) -> bool:
    statuses = {r.status for r in op.responses}
    return "422" in statuses


def _compile(api: Api) -> list[Route_]:
    routes = []
    for op in api.operations:
        groups: dict[str, str] = {}
        pattern = ""
        for literal, name in re.findall(r"([^{]*)(?:\{([^}]*)\})?", op.path):
            pattern += re.escape(literal)
            if name:
                group = f"p{len(groups)}"
                groups[group] = name
                pattern += f"(?P<{group}>[^/]+)"
        routes.append(Route_(op, re.compile(pattern), groups))
    # Literal segments win over parameters: /runs/threads/{id} before /runs/{id}/...
    routes.sort(key=lambda r: -len(re.sub(r"\{[^}]*\}", "", r.op.path)))
    return routes


def _prefer(header: str) -> dict[str, str]:
    found = {}
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key and value:
            found[key.strip().lower()] = value.strip().strip('"')
    return found


def _json(status: int, body: Any) -> Response:
    return Response(json.dumps(body, separators=(",", ":")), status_code=status, media_type="application/json")


def _pointer_get(node: Any, pointer: str) -> Any:
    try:
        return jp.resolve(node, pointer)
    except KeyError:
        return None


def _pointer_set(node: Any, pointer: str, value: Any) -> None:
    tokens = jp.split(pointer)
    for token in tokens[:-1]:
        if isinstance(node, dict):
            node = node.setdefault(token, {})
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return
    if isinstance(node, dict) and tokens:
        node[tokens[-1]] = value
