"""A vendor-faithful mock of one API, built from its IR and served by starlette.

Runs are stateful and derived from the spec alone: a trigger operation is one whose `links`
lead to an operation with `x-polling`. Triggering stores a run under a fresh id; each read of
the status operation moves it through the pending values to a terminal one. Request headers
pick a run's outcome and pace (see generator/mock/runs.py).

Besides: seeded multi-page lists (generator/mock/paging.py), JWTs for token exchanges
(generator/mock/tokens.py), and resources for the vendors whose issue asks for them
(generator/mock/automation.py, generator/mock/uploads.py), each enabled by the spec's operations.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import json
import re
import secrets
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from generator.mock import automation, credentials, faults, paging, runs, uploads
from generator.mock.errors import declared, example_body, render, status_of
from generator.mock.journal import Journal
from generator.mock.resources import Kind, ResourceStore
from generator.mock.runs import DURATION_HEADER, OUTCOME_HEADER, READS_HEADER, Run
from generator.mock.tokens import TokenIssuer
from generator.mock.validate import Validators, Violation, check_request
from generator.spec import names
from generator.spec import pointer as jp
from generator.spec.ir import Api, Link, Operation, SecurityScheme

__all__ = ["DEFAULT_API_KEY", "DURATION_HEADER", "OUTCOME_HEADER", "READS_HEADER", "MockApp", "MockReset", "Settings"]
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
class Settings:
    api_key: str = DEFAULT_API_KEY
    username: str = credentials.DEFAULT_USERNAME
    """HTTP basic's username; its password is `password`, else the API key."""
    password: str | None = None
    client_id: str = credentials.DEFAULT_CLIENT_ID
    """The OAuth2 client the token endpoint knows; its secret is `client_secret`, else the API key."""
    client_secret: str | None = None

    @property
    def accepted(self) -> credentials.Accepted:
        return credentials.Accepted(self.api_key, self.username, self.password, self.client_id, self.client_secret)

    token_ttl: float | None = None
    scenario: str | None = None
    seed: int = 0


class MockApp:
    """The ASGI app plus the state a test may inspect: the journal and the runs."""

    def __init__(self, api: Api, settings: Settings | None = None) -> None:
        self.api = api
        self.settings = settings or Settings()
        self.validators = Validators(api)
        self.journal = Journal(
            secrets=lambda: [
                self.settings.api_key,
                self.settings.password or "",
                self.settings.client_secret or "",
                *self._issuer_tokens(),
            ]
        )
        self.base_path = api.base_path
        self._routes = _compile(api)
        self._lock = threading.Lock()
        self._issuers: dict[str, TokenIssuer] = {}
        """Per token-exchange scheme key."""
        self.runs: dict[str, Run] = {}
        self._last_run: Run | None = None
        self._counter = 1000
        self._schemes = {s.key: s for s in api.security_schemes}
        self._exchanges = {s.token_exchange.operation_id: s for s in api.security_schemes if s.token_exchange}
        self._token_paths = credentials.token_paths(api)
        """Where the mock serves OAuth2 client-credentials tokens, by path."""
        self._polled = {op.operation_id: op for op in api.operations if op.polling is not None}
        self._results_ops = _results_operations(api)
        self._fault_counter = faults.Counter()
        self.resources = ResourceStore(api)
        self.automation = automation.AutomationStore(api) if automation.applies(api) else None
        self.uploads = uploads.UploadStore(api) if uploads.applies(api) else None
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

    def reset(self) -> None:
        """Forget every request, run, stored resource and fault count: a fresh mock for the next test."""
        self.journal.clear()
        with self._lock:
            self.runs.clear()
            self._last_run = None
        self._fault_counter = faults.Counter()
        self.resources = ResourceStore(self.api)
        self.automation = automation.AutomationStore(self.api) if self.automation is not None else None
        self.uploads = uploads.UploadStore(self.api) if self.uploads is not None else None

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
        if self.uploads is not None and path.startswith(uploads.UPLOAD_PATH):
            return self._upload_put(request)
        if request.method == "POST" and path in self._token_paths:
            return self._oauth_token(self._token_paths[path], request.headers, body)
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
        denied = self._authenticate(route.op, request.headers, request.url.query)
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
        op = route.op
        if op.operation_id in self._exchanges:
            return self._exchange(op, payload)
        if "dynamic" in prefer:  # Prism's meaning: synthesized data, whatever state there is
            return self._answer(op, prefer, params, payload, request.headers)
        if self.uploads is not None and op.operation_id in uploads.OPERATIONS:
            refused = self._uploads(op, params, payload, request)
            if refused is not None:
                return refused
        if self.automation is not None and op.operation_id in automation.OPERATIONS:
            answer = self._automation(op, params, payload, request.headers)
            if answer is not None:
                return answer
        if op.pagination is not None and (count := paging.requested_items(request.headers)) is not None:
            parents = {p.name: params[p.name] for p in op.parameters if p.location == "path" and p.name in params}
            items = paging.seeded(op, op.pagination, count, parents)
            body, link = paging.answer(op, op.pagination, self.api.schemas, items, params, str(request.url))
            response = self._respond_success(op, body)
            if link is not None and response.status_code < 300:
                response.headers["Link"] = f'<{link}>; rel="next"'
            return response
        if op.operation_id in self._polled:
            return self._status_read(op, params)
        if op.operation_id in self._results_ops:
            answer = self._results(op, params)
            if answer is not None:
                return answer
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
            for issuer in self._issuers.values():
                issuer.revoke(token)
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
                jp.put(
                    body,
                    limit.retry_after_pointer,
                    int(fault.wait_hint) if fault.wait_hint.is_integer() else fault.wait_hint,
                )
        if body is None:
            return Response(status_code=fault.status, headers=headers)
        return Response(json.dumps(body), status_code=fault.status, headers=headers, media_type="application/json")

    # -- auth --------------------------------------------------------------------------------------

    def _authenticate(self, op: Operation, headers: Mapping[str, str], query: str) -> Response | None:
        """None when one alternative has every scheme satisfied; else the vendor's 401."""
        if not op.security:
            return None
        presented = credentials.Presented(headers, parse_qsl(query, keep_blank_values=True))
        for alternative in op.security:
            if all(self._satisfied(self._schemes.get(key), presented) for key in alternative):
                return None
        response = declared(op, "401")
        body = example_body(response)  # the vendor's own words for a bad credential
        if body is not None:
            return _json(401, body)
        return self._error_answer(
            response, 401, [Violation("header", ("Authorization",), "missing or invalid credentials")]
        )

    def _satisfied(self, scheme: SecurityScheme | None, presented: credentials.Presented) -> bool:
        if scheme is None:
            return True
        if scheme.token_exchange is not None:
            value = presented.headers.get((scheme.param_name or "authorization").lower(), "")
            prefix = scheme.token_exchange.header_prefix + " "
            token = value[len(prefix) :] if value.startswith(prefix) else ""
            return self._issuer(scheme).valid(token)
        return credentials.satisfied(
            scheme, self.settings.accepted, presented, lambda token: self._issuer(scheme).valid(token)
        )

    def _oauth_token(self, scheme: SecurityScheme, headers: Mapping[str, str], body: bytes) -> Response:
        status, answer = credentials.token_answer(self.settings.accepted, headers, body, self._issuer(scheme))
        return _json(status, answer)

    def _exchange(self, op: Operation, payload: Any) -> Response:
        scheme = self._exchanges[op.operation_id]
        exchange = scheme.token_exchange
        assert exchange is not None
        if jp.get(payload, exchange.key_pointer) != self.settings.api_key:
            return self._error_answer(declared(op, "401", "400"), 401, [Violation("body", (), "invalid API key")])
        token = self._issuer(scheme).issue()
        success = op.success
        body = example_body(success) or {}
        jp.put(body, exchange.token_pointer, token)
        return self._respond(op, int(success.status) if success else 200, body)

    def _issuer(self, scheme: SecurityScheme) -> TokenIssuer:
        with self._lock:
            issuer = self._issuers.get(scheme.key)
            if issuer is None:
                exchange = scheme.token_exchange
                default = exchange.ttl_seconds if exchange is not None else credentials.DEFAULT_OAUTH_TTL
                ttl = self.settings.token_ttl if self.settings.token_ttl is not None else default
                issuer = self._issuers[scheme.key] = TokenIssuer(ttl)
            return issuer

    def _issuer_tokens(self) -> list[str]:
        with self._lock:
            issuers = list(self._issuers.values())
        return [token for issuer in issuers for token in issuer.issued()]

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
            body = self._example(response, example)
            if body is None and response.schema is not None:
                body = self._synthesized(response.schema)
            return self._respond(op, int(code), body)
        body = self._example(response, example)
        if body is None and response.schema is not None:
            body = render(self.api, response, int(code), [Violation("body", (), "error requested with Prefer")])
            if self.validators.errors(response.schema, body):  # a schema the vendor formats do not fit
                body = self._synthesized(response.schema)
        return _json(int(code), body) if body is not None else Response(status_code=int(code))

    def _example(self, response: Any, name: str | None) -> Any:
        for example in response.examples:
            if name is None or example.name == name:
                return copy.deepcopy(example.value)
        return None

    def _answer(
        self, op: Operation, prefer: dict[str, str], params: dict[str, Any], payload: Any, headers: Mapping[str, str]
    ) -> Response:
        status, body = self._answer_body(op, prefer, params, payload, headers)
        return self._respond(op, status, body)

    def _answer_body(
        self, op: Operation, prefer: dict[str, str], params: dict[str, Any], payload: Any, headers: Mapping[str, str]
    ) -> tuple[int, Any]:
        """The default answer's status and body, having started any run the operation triggers."""
        success = op.success
        if success is None:
            return 204, None
        status = int(success.status) if success.status.isdigit() else 200
        if success.schema is None:
            return status, None
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
        return status, body

    def _respond_success(self, op: Operation, body: Any) -> Response:
        success = op.success
        status = int(success.status) if success is not None and success.status.isdigit() else 200
        return self._respond(op, status, body)

    def _valid(self, op: Operation) -> runs.Valid:
        """Whether a body fits the operation's success answer."""
        success = op.success
        schema = success.schema if success is not None else None
        return lambda body: schema is None or not self.validators.errors(schema, body)

    def _not_found(self, op: Operation) -> Response:
        body = example_body(declared(op, "404"))
        return _json(404, body) if body is not None else Response(status_code=404)

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
        valid = self._valid(op)
        is_item = op.path != kind.collection
        collection = relative.rsplit("/", 1)[0] if is_item else relative
        item_id = path_values.get(kind.param, "")
        if not is_item:
            if op.method == "post":
                id_schema = next(
                    (q.schema for o in self.api.operations for q in o.parameters if q.name == kind.param), {}
                )
                created = self.resources.create(collection, example, payload, id_schema, valid, path_values)
                return self._respond(op, status, created)
            stored = self.resources.listing(collection)
            if stored is not None and isinstance(example, list):
                return self._respond(op, status, stored)
            return self._respond(op, status, example)
        deleted, stored = self.resources.read(collection, item_id)
        if deleted:
            return self._not_found(op)
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
            if jp.get(body, pointer) is None:
                listed = jp.get(body, pointer + "s")
                if isinstance(listed, list) and len(link.parameters) == 1:
                    self._start_runs(status_op, target_param, body, listed, headers)
                return
            echoed = requested.get(names.snake_case(pointer.rsplit("/", 1)[-1]))
            if echoed is not None:
                jp.put(body, pointer, echoed)
                continue
            fresh = self._fresh_id(status_op, target_param)
            original = jp.get(body, pointer)
            jp.put(body, pointer, fresh)
            _replace_id(body, str(original), str(fresh))  # e.g. Kapptivate's result_uri names the id too
            ids[target_param] = str(fresh)
        self._store_run(ids, headers)

    def _start_runs(
        self, status_op: Operation, param: str, body: Any, listed: list[Any], headers: Mapping[str, str]
    ) -> None:
        """One run per id of a list the trigger answered (`test_run_ids` for a link on `test_run_id`)."""
        for i, original in enumerate(listed):
            fresh = self._fresh_id(status_op, param)
            listed[i] = fresh
            _replace_id(body, str(original), str(fresh))
            self._store_run({param: str(fresh)}, headers)

    def _store_run(self, ids: dict[str, str], headers: Mapping[str, str]) -> None:
        scenario = self.settings.scenario if not (self.settings.scenario or "").startswith("fault:") else None
        run = runs.pace(headers, scenario)
        run.ids = ids
        with self._lock:
            self.runs[secrets.token_hex(8)] = run
        self._last_run = run

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

    def _note_items(self, body: dict[str, Any]) -> None:
        """Keeps the trigger answer's final lists on its run, for status answers to list the same items."""
        run = self._last_run
        if run is not None:
            run.items = {k: copy.deepcopy(v) for k, v in body.items() if isinstance(v, list) and v}

    def _find_run(self, params: Mapping[str, Any]) -> Run | None:
        given = {name: str(value) for name, value in params.items()}
        with self._lock:
            return next(
                (r for r in self.runs.values() if r.ids and all(given.get(k) == v for k, v in r.ids.items())), None
            )

    def _status_read(self, op: Operation, params: dict[str, Any]) -> Response:
        polling = op.polling
        success = op.success
        assert polling is not None and success is not None
        run = self._find_run(params)
        if run is None:
            return self._not_found(op)
        with self._lock:
            ended = run.advance()
        body = runs.status_body(success.examples, polling, run, ended, self._valid(op))
        return self._respond_success(op, body)

    def _results(self, op: Operation, params: dict[str, Any]) -> Response | None:
        """Aggregated results of the runs the query names: 404 until they end, then per their outcomes."""
        polling = self._results_ops[op.operation_id].polling
        assert polling is not None
        with self._lock:
            named = [r for r in self.runs.values() if r.ids and all(_names(params, k, v) for k, v in r.ids.items())]
        if not named:
            return None
        if not all(r.over() for r in named):
            return self._not_found(op) if declared(op, "404") is not None else None
        success = op.success
        assert success is not None
        body = runs.results_view(success.examples, polling, named, params, self._valid(op))
        return self._respond_success(op, body)

    # -- vendor resources --------------------------------------------------------------------------

    def _upload_put(self, request: Request) -> Response:
        """A PUT on a presigned upload URL; S3-like answers, outside the spec."""
        assert self.uploads is not None
        if request.method != "PUT":
            return Response(status_code=405, headers={"Allow": "PUT"})
        status, text = self.uploads.receive(
            request.url.path, request.query_params.get("signature", ""), request.headers.get("content-type", "")
        )
        return Response(text, status_code=status, media_type="application/xml" if text else None)

    def _uploads(self, op: Operation, params: dict[str, Any], payload: Any, request: Request) -> Response | None:
        store = self.uploads
        assert store is not None
        if op.operation_id == "createRun":
            unknown = uploads.unknown_targets(payload, store)
            if not unknown:
                status, body = self._answer_body(op, {}, params, payload, request.headers)
                if isinstance(body, dict) and isinstance(body.get("results"), list):
                    body["results"] = uploads.matrix_results(body["results"], payload)
                    self._note_items(body)
                return self._respond(op, status, body)
            where = uploads.TARGET_ID
            violations = [Violation("body", ("matrix", i, where), f"no such target: {t}") for i, t in unknown]
            return self._error_answer(declared(op, "400"), 400, violations)
        status, body = self._answer_body(op, {}, params, payload, request.headers)
        if not isinstance(body, dict) or not isinstance(payload, dict):
            return None
        if op.operation_id == "createUpload":
            origin = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
            body[uploads.UPLOAD_ID], body[uploads.UPLOAD_URL] = store.create_upload(origin)
            return self._respond(op, status, body)
        state = store.upload_state(str(payload.get(uploads.UPLOAD_ID, "")))
        if state == "unknown":
            return self._not_found(op)
        if state == "pending":  # 404 as the storage would answer: no object under that key yet
            response = declared(op, "404", "400")
            violation = Violation("body", (uploads.UPLOAD_ID,), "nothing was uploaded there yet")
            return self._error_answer(response, status_of(response, "404"), [violation])
        body = _closest(op, payload) or body
        for key, value in payload.items():
            if key in body and key != uploads.TARGET_ID:
                body[key] = copy.deepcopy(value)
        body[uploads.TARGET_ID] = store.create_target(dict(payload))
        return self._respond(op, status, body)

    def _automation(
        self, op: Operation, params: dict[str, Any], payload: Any, headers: Mapping[str, str]
    ) -> Response | None:
        """Testmo-style runs, threads and appended tests (generator/mock/automation.py)."""
        store = self.automation
        assert store is not None
        name = op.operation_id
        body_in = payload if isinstance(payload, dict) else {}
        if op.pagination is not None and paging.requested_items(headers) is not None:
            return None  # seeded items were asked for, whatever is stored
        try:
            if name == "createAutomationRun":
                status, body = self._answer_body(op, {}, params, payload, headers)
                if isinstance(body, dict) and isinstance(body.get("id"), int):
                    store.create_run(body["id"], int(params["project_id"]), body_in)
                return self._respond(op, status, body)
            if name == "getAutomationRun":
                return self._automation_run(op, params)
            if name == "listAutomationRuns":
                return self._automation_list(op, params, store.runs_of(int(params["project_id"])), "result")
            if name == "listAutomationRunTests":
                run_id = int(params["run_id"])
                if not store.knows(run_id):
                    return self._not_found(op)
                return self._automation_list(op, params, [run_id], "tests")
            if name == "createAutomationRunThread":
                thread_id = store.create_thread(int(params["automation_run_id"]))
                if thread_id is None:
                    return self._not_found(op)
                status, body = self._answer_body(op, {}, params, payload, headers)
                if isinstance(body, dict):
                    body["id"] = thread_id
                return self._respond(op, status, body)
            if name == "appendAutomationRunThread":
                done = store.append_thread(int(params["automation_run_thread_id"]), body_in)
            elif name == "completeAutomationRunThread":
                done = store.complete_thread(int(params["automation_run_thread_id"]))
            elif name == "appendAutomationRun":
                done = store.append_run(int(params["automation_run_id"]), body_in)
            else:
                failures = store.complete_run(int(params["automation_run_id"]))
                done = failures is not None
                run = self._find_run({"automation_run_id": params["automation_run_id"]})
                if run is not None and failures is not None:
                    with self._lock:
                        run.end("failure" if failures else "success")
        except automation.Refused as refused:
            response = declared(op, "403")
            body = example_body(response)
            if isinstance(body, dict) and "message" in body:
                body["message"] = str(refused)
                return _json(status_of(response, "403"), body)
            return self._error_answer(response, status_of(response, "403"), [Violation("path", (), str(refused))])
        if not done:
            return self._not_found(op)
        return self._respond_success(op, None)

    def _automation_run(self, op: Operation, params: dict[str, Any]) -> Response | None:
        store = self.automation
        assert store is not None and op.polling is not None
        run_id = int(params["automation_run_id"])
        run = self._find_run({"automation_run_id": run_id})
        if run is None or not store.knows(run_id):
            return None
        with self._lock:
            ended = run.paced and run.advance()
        body = self._example(op.success, None)
        result = body.get("result") if isinstance(body, dict) else None
        if not isinstance(result, dict):
            return None
        body["result"] = store.run_row(result, run_id, ended, runs.failed(op.polling, run.outcome))
        return self._respond_success(op, body)

    def _automation_list(self, op: Operation, params: dict[str, Any], ids: list[int], what: str) -> Response | None:
        """A stored list, paged; None to answer from examples (nothing stored)."""
        store = self.automation
        pagination = op.pagination
        assert store is not None
        if pagination is None or not ids:
            return None
        examples = jp.get(paging.template_of(op), pagination.items_pointer)
        template = examples[0] if isinstance(examples, list) and examples and isinstance(examples[0], dict) else {}
        if what == "tests":
            items = store.tests_of(ids[0], template) or []
        else:
            items = [row for run_id in ids if (row := store.run_row(template, run_id)) is not None]
        return self._respond_success(op, paging.page(op, pagination, self.api.schemas, items, params))


def _closest(op: Operation, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The success example sharing the most fields with the request (the one that echoes them), if any."""
    success = op.success
    candidates = [e.value for e in (success.examples if success is not None else ()) if isinstance(e.value, dict)]
    if not candidates:
        return None
    return copy.deepcopy(max(candidates, key=lambda value: len(value.keys() & payload.keys())))


def _names(params: Mapping[str, Any], key: str, value: str) -> bool:
    """Whether the query names this id, as itself (`suite_run_id`) or in a list (`test_run_ids`)."""
    if str(params.get(key)) == value:
        return True
    listed = params.get(key + "s")
    return isinstance(listed, list) and value in {str(v) for v in listed}


def _results_operations(api: Api) -> dict[str, Operation]:
    """GET operations that read a run's results by the ids its status operation takes in the query."""
    found: dict[str, Operation] = {}
    for polled in (op for op in api.operations if op.polling is not None):
        keys = {p.name for p in polled.parameters if p.location == "query"}
        keys |= {k + "s" for k in keys}
        for op in api.operations:
            if op.method != "get" or op.polling is not None or op.pagination is not None or op.links:
                continue
            if keys & {p.name for p in op.parameters if p.location == "query"}:
                found[op.operation_id] = polled
    return found


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
