"""Faults stage: what a test asked to go wrong with a request, per request or for every request.

Per request, with the header `X-Testrelay-Fault` (several faults separated by `;`):

| fault | effect |
| --- | --- |
| `delay=SECONDS` | wait before answering |
| `reset` | close the connection without an answer |
| `empty` | answer 200 with an empty body |
| `429` or `429=SECONDS` | a 429 with the vendor's wait hint (header and body field), 1 s by default |
| `500`, `502`, `503` | that status, with the vendor's error body when the spec has one |
| `fail=N` | with a status fault: only the first N requests with this header and path fail |
| `expire-token` | the token this request carries expires now, once (a token that dies mid-run) |

For every request: `testrelay mock VENDOR --scenario "fault:503;fail=1"`. The stage runs right after
routing, so a fault answers in the operation's own words (its declared 5xx or 429 body) and the
journal records it like any other answer.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.mock.bounded import Bounded
from generator.spec import pointer as jp

if TYPE_CHECKING:
    from generator.mock.call import Answer, Call
    from generator.spec.ir import Api

FAULT_HEADER = "x-testrelay-fault"
STATUSES = frozenset({429, 500, 502, 503})
SYNTAX = "delay=SECONDS, reset, empty, 429[=SECONDS], 500, 502, 503, fail=N, expire-token (joined with ;)"
"""What `parse` reads, for messages that say what is allowed."""


@dataclass(frozen=True)
class Fault:
    delay: float = 0.0
    reset: bool = False
    empty: bool = False
    status: int | None = None
    wait_hint: float = 1.0
    fail_times: int | None = None
    expire_token: bool = False


def parse(text: str) -> Fault:
    """A fault from its header text; raises ValueError naming the part it cannot read."""
    delay, reset, empty, status, hint, times, expire = 0.0, False, False, None, 1.0, None, False
    for part in (p.strip() for p in text.split(";")):
        key, _, value = part.partition("=")
        try:
            if key == "delay":
                delay = max(0.0, min(float(value), 30.0))
            elif key == "reset":
                reset = True
            elif key == "empty":
                empty = True
            elif key == "fail":
                times = max(0, int(value))
            elif key == "expire-token":
                expire = True
            elif key.isdigit() and int(key) in STATUSES:
                status = int(key)
                if value:
                    hint = max(0.0, float(value))
            elif part:
                raise ValueError
        except ValueError:
            raise ValueError(f"unknown fault {part!r}") from None
    return Fault(delay, reset, empty, status, hint, times, expire)


class Counter:
    """How many times each (fault text, method, path) has failed, for `fail=N`; the newest keys only."""

    def __init__(self, capacity: int = 2_000) -> None:
        self._lock = threading.Lock()
        self._seen: Bounded[tuple[str, str, str], int] = Bounded(capacity)

    def should_fail(self, fault: Fault, key: tuple[str, str, str]) -> bool:
        if fault.fail_times is None:
            return True
        with self._lock:
            count = self._seen.get(key, 0)
            self._seen[key] = count + 1
        return count < fault.fail_times


class FaultStage:
    """Reads the fault a request (or the scenario) asks for and answers with it, or lets the request go on."""

    def __init__(self, api: Api, scenario: str | None, revoke: Callable[[str], None], capacity: int) -> None:
        self.api = api
        self._scenario = scenario.removeprefix("fault:") if scenario and scenario.startswith("fault:") else None
        self._revoke = revoke
        self._capacity = capacity
        self.counter = Counter(capacity)

    def reset(self) -> None:
        self.counter = Counter(self._capacity)

    async def __call__(self, call: Call) -> Answer | None:
        from generator.mock.errors import invalid
        from generator.mock.validate import Violation

        text = call.headers.get(FAULT_HEADER, "") or self._scenario or ""
        if not text:
            return None
        op = call.op
        assert op is not None
        try:
            fault = parse(text)
        except ValueError as exc:
            if FAULT_HEADER not in call.headers:
                return None  # a scenario `testrelay mock` already refused; never reached
            return invalid(self.api, op, [Violation("header", ("X-Testrelay-Fault",), str(exc))], "invalid fault")
        call.fault = fault
        key = (repr(fault), call.method, call.path)
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.reset and self.counter.should_fail(fault, key):
            from generator.mock.call import Answer

            return Answer(200, reset=True, checked=False, note="fault: reset")
        once = dataclasses.replace(fault, fail_times=fault.fail_times or 1)
        if fault.expire_token and self.counter.should_fail(once, ("expire", *key[1:])):
            self._revoke(call.headers.get("authorization", "").partition(" ")[2])
        if not (fault.empty or fault.status is not None) or not self.counter.should_fail(fault, key):
            return None
        return self._answer(call, fault)

    def _answer(self, call: Call, fault: Fault) -> Answer:
        from generator.mock.call import Answer
        from generator.mock.errors import declared, example_body

        op = call.op
        assert op is not None
        if fault.empty:
            return Answer(200, checked=False, note="fault: empty")
        assert fault.status is not None
        response = declared(op, str(fault.status))
        body = example_body(response) if response is not None and response.status == str(fault.status) else None
        headers = {}
        if fault.status == 429:
            headers["Retry-After"] = f"{fault.wait_hint:g}"
            limit = op.rate_limit or self.api.rate_limit
            if limit is not None and limit.retry_after_pointer and isinstance(body, dict):
                hint = int(fault.wait_hint) if fault.wait_hint.is_integer() else fault.wait_hint
                jp.put(body, limit.retry_after_pointer, hint)
        return Answer(fault.status, body, headers=headers, checked=False, note=f"fault: {fault.status}")
