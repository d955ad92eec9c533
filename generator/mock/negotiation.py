"""Negotiation stage: which declared status and which example answer a request, before any behaviour runs.

`answering_example` is the one rule for "the example that answers this request", used by the mock
and by the generated contract suites (generator/codegen/contract.py), so both expect the same
answer. In order: the example `Prefer: example=NAME` names; with an exactly-one-of body and one
example per member, the example in the given member's place (a suite trigger gets the suite
example); the example named like the request example the request is; else the first.

Prism's `Prefer` header is read here: `code=404` answers that declared status from its example,
`example=NAME` picks a named example, `dynamic=true` answers seeded, schema-valid synthesized data.
`code` and `dynamic` answers are stateless: no behaviour runs, nothing is stored.
"""

from __future__ import annotations

import copy
import json
import threading
from functools import cached_property
from typing import Any

from generator.mock.call import Answer, Call, Negotiated
from generator.mock.errors import invalid, render
from generator.mock.validate import Validators, Violation
from generator.spec.ir import Api, Example, Operation, Response

PREFER_HEADER = "prefer"


def parse_prefer(header: str) -> dict[str, str]:
    found = {}
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key and value:
            found[key.strip().lower()] = value.strip().strip('"')
    return found


def answering_example(
    op: Operation,
    response: Response | None,
    payload: Any,
    *,
    name: str | None = None,
    request_example: str | None = None,
) -> Example | None:
    """The example of `response` that answers a request with this body (see the module's docstring)."""
    if response is None or not response.examples:
        return None
    examples = response.examples
    if name is not None:
        return next((e for e in examples if e.name == name), None)
    if op.body is not None and isinstance(payload, dict):
        for group in op.body.exactly_one_of:
            given = [i for i, field in enumerate(group) if field in payload]
            if len(given) == 1 and len(examples) == len(group):
                return examples[given[0]]
    if request_example is not None:
        same = next((e for e in examples if e.name == request_example), None)
        if same is not None:
            return same
    return examples[0]


def success_status(op: Operation) -> int:
    success = op.success
    return int(success.status) if success is not None and success.status.isdigit() else 200


class Synth:
    """Seeded, schema-valid data: the n-th synthesized answer of a mock is the same in every run."""

    def __init__(self, api: Api, seed: int) -> None:
        self.api = api
        self.seed = seed
        self._lock = threading.Lock()
        self._count = 0

    @cached_property
    def _synthesizer(self) -> Any:
        from generator.mock.synth import Synthesizer  # loaded on first use: it is slow to import

        return Synthesizer(self.api.schemas, seed=self.seed)

    def value(self, schema: Any) -> Any:
        with self._lock:
            self._count += 1
            seed = self.seed * 1_000_003 + self._count
        return self._synthesizer.value(schema, seed=seed)


class Negotiation:
    def __init__(self, api: Api, validators: Validators, synth: Synth) -> None:
        self.api = api
        self.validators = validators
        self.synth = synth
        self._request_names: dict[str, dict[str, str]] = {}

    def __call__(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        call.prefer = prefer = parse_prefer(call.headers.get(PREFER_HEADER, ""))
        if "code" in prefer:
            return self._preferred_code(op, prefer["code"], prefer.get("example"))
        success = op.success
        status = success_status(op) if success is not None else 204
        if success is None or success.schema is None:
            call.negotiated = Negotiated(status, success, None, None)
            return None
        if prefer.get("dynamic") == "true":
            return Answer(status, self.synth.value(success.schema), note="dynamic")
        example = answering_example(
            op, success, call.payload, name=prefer.get("example"), request_example=self._request_example(op, call)
        )
        body = copy.deepcopy(example.value) if example is not None else self.synth.value(success.schema)
        call.negotiated = Negotiated(status, success, example, body)
        return None

    def _request_example(self, op: Operation, call: Call) -> str | None:
        """The name of the request example this request's body is, when a response example shares it."""
        names = self._request_names.get(op.operation_id)
        if names is None:
            answered = {e.name for r in op.responses for e in r.examples}
            names = {_canonical(e.value): e.name for e in op.request_examples if e.name in answered}
            self._request_names[op.operation_id] = names
        return names.get(_canonical(call.payload)) if names and call.payload is not None else None

    def _preferred_code(self, op: Operation, code: str, name: str | None) -> Answer:
        response = next((r for r in op.responses if r.status == code), None)
        if response is None:
            return invalid(self.api, op, [Violation("header", ("Prefer",), f"{code} is not a declared status")])
        example = answering_example(op, response, None, name=name)
        body = copy.deepcopy(example.value) if example is not None else None
        if body is None and response.schema is not None:
            if response.is_success:
                body = self.synth.value(response.schema)
            else:
                body = render(self.api, response, int(code), [Violation("body", (), "error requested with Prefer")])
                if self.validators.errors(response.schema, body):  # a schema the vendor formats do not fit
                    body = self.synth.value(response.schema)
        return Answer(int(code), body, checked=response.is_success, note="prefer")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))
