"""One request on its way through the mock's stages, and the answer a stage gives to end it.

Each stage reads what the stages before it found (the operation, the parsed parameters, the
negotiated answer) from the `Call`, and either adds to it or returns an `Answer`, which ends the
pipeline: only the respond stage turns an answer into bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.mock.faults import Fault
from generator.mock.journal import Entry
from generator.spec.ir import Example, Operation, Response


@dataclass
class Answer:
    status: int
    body: Any = None
    """A JSON value, or None for an answer without a body."""
    headers: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    """A body outside the spec (the presigned upload's XML), sent as is and not checked."""
    media_type: str | None = None
    checked: bool = True
    """Whether the respond stage checks the body against the operation's declared answer."""
    note: str = ""
    """What was done, for the journal (`fault: 503`, `refused`); the respond stage adds the status."""
    reset: bool = False
    """Drop the connection mid-answer instead (the `reset` fault)."""


@dataclass
class Negotiated:
    """The answer the spec gives this request by default: its status, declared response and example."""

    status: int
    response: Response | None
    example: Example | None
    body: Any = None


@dataclass
class Call:
    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes
    origin: str
    """`http://host:port` as the client reached the mock, for URLs the mock hands out."""
    entry: Entry
    op: Operation | None = None
    relative: str = ""
    """The path below the server's base path."""
    path_values: dict[str, str] = field(default_factory=dict)
    fault: Fault | None = None
    params: dict[str, Any] = field(default_factory=dict)
    payload: Any = None
    prefer: dict[str, str] = field(default_factory=dict)
    negotiated: Negotiated | None = None
