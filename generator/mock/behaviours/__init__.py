"""The generic stateful behaviours a spec binds its operations to with `x-mock`.

Each behaviour is built from its declaration in the IR (generator/spec/behaviours.py) and offers a
handler per operation it was bound to; the behaviour stage (generator/mock/behaviour.py) calls the
handler of the request's operation. No behaviour knows an operation id, a vendor or a field name of
its own: every one comes from the declaration.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.mock.call import Answer, Call
from generator.mock.negotiation import Synth, success_status
from generator.mock.validate import Validators
from generator.spec import pointer as jp
from generator.spec.behaviours import EACH
from generator.spec.ir import Api, Operation

Handler = Callable[[Call], "Answer | None"]
"""A behaviour's answer to one operation; None leaves the request to the negotiated answer."""
Valid = Callable[[Any], bool]


@dataclass
class Kit:
    """What every behaviour shares: the spec, the checks, synthesized data, the scenario and the store cap."""

    api: Api
    validators: Validators
    synth: Synth
    scenario: str | None
    capacity: int
    lock: threading.Lock = field(default_factory=threading.Lock)

    def valid(self, op: Operation) -> Valid:
        """Whether a body fits the operation's success answer."""
        success = op.success
        schema = success.schema if success is not None else None
        return lambda body: schema is None or not self.validators.errors(schema, body)

    @property
    def run_scenario(self) -> str | None:
        """The scenario's say on how runs end (a fault scenario says nothing about that)."""
        return self.scenario if not (self.scenario or "").startswith("fault:") else None


def success(op: Operation, body: Any, note: str = "") -> Answer:
    return Answer(success_status(op), body, note=note)


def each(document: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    """(concrete pointer, value) for a pointer whose `*` tokens stand for every element of an array."""
    tokens = jp.split(pointer)

    def walk(node: Any, done: list[str], rest: list[str]) -> Iterator[tuple[str, Any]]:
        if not rest:
            yield jp.from_path(done), node
            return
        head, tail = rest[0], rest[1:]
        if head == EACH:
            if isinstance(node, list):
                for i, item in enumerate(node):
                    yield from walk(item, [*done, str(i)], tail)
            return
        if isinstance(node, dict) and head in node:
            yield from walk(node[head], [*done, head], tail)
        elif isinstance(node, list) and head.isdigit() and int(head) < len(node):
            yield from walk(node[int(head)], [*done, head], tail)

    yield from walk(document, [], tokens)


def replace_id(node: Any, old: str, new: str) -> None:
    """Replaces `old` where it stands as a whole path segment or value inside the answer's strings."""
    if not old:
        return
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    _replace(node, pattern, new)


def _replace(node: Any, pattern: re.Pattern[str], new: str) -> None:
    items: Any = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if isinstance(value, str):
            node[key] = pattern.sub(new, value)
        else:
            _replace(value, pattern, new)


def request_value(call: Call, expression: str) -> Any:
    """The value a `$request.` runtime expression names in this request, or None."""
    if expression.startswith("$request.body#"):
        return jp.get(call.payload, expression.removeprefix("$request.body#"))
    where, _, name = expression.removeprefix("$request.").partition(".")
    if where == "path":
        return call.path_values.get(name)
    if where == "query":
        return call.params.get(name)
    if where == "header":
        return call.headers.get(name.lower())
    return None
