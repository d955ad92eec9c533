"""What every generated contract suite (`generated/<package>/test_contract.py`) shares.

A suite is mostly data the generator derives from the spec: one case per request example, declared
error, run outcome and paged list. The code that runs a case is the same for every spec, so it lives
here once: calling the sync or the async client alike, reading back what the mock received, and
comparing it with what the spec says should have been sent.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import math
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx

from generator.mock.journal import REDACTED, Entry
from generator.mock.server import MockServer
from generator.runtime import APIError, to_json
from generator.runtime._client import _adapter
from generator.runtime._pointers import resolve

OUTCOME = "X-Testrelay-Outcome"
READS = "X-Testrelay-Reads"
DURATION = "X-Testrelay-Duration"
ITEMS = "X-Testrelay-Items"
FAULT = "X-Testrelay-Fault"


def parse(annotation: Any, value: Any) -> Any:
    """`value` read as the generated client reads a body of type `annotation`."""
    return _adapter(annotation).validate_python(value)


NO_EXAMPLE: Any = ...
"""An answer the spec gives no example of: the call must parse it, with nothing to compare it to."""


@dataclass(frozen=True)
class Wire:
    """Where the spec says a call goes and how it authenticates; compared with the mock's journal."""

    method: str
    path: str
    """Decoded, with the server's base path, as the journal records it."""
    query: Sequence[tuple[str, str]] | None = ()
    """Decoded pairs in any order; None where the encoding is not one this module can predict."""
    auth: tuple[str, str] | None = None
    """(header, value as the journal keeps it: the scheme, the credential redacted)."""


@dataclass(frozen=True)
class ExampleCase:
    """One operation called with one of its request examples; the mock answers one response example.

    Examples stay JSON here and are parsed when a test runs, so an example that breaks its own
    schema fails that one test rather than the whole suite's import.
    """

    operation: str
    example: str
    wire: Wire
    arguments: dict[str, Any] = field(default_factory=dict)
    """Parameters, by the method's argument names."""
    body: Any = None
    body_type: Any = None
    content: bytes | None = None
    """A raw (non-JSON) request body, sent as the operation's media type."""
    prefer: str = ""
    """Prism's `Prefer` header naming the response the mock must give."""
    result: Any = None
    result_type: Any = None

    def call_arguments(self) -> dict[str, Any]:
        """The method's keyword arguments, the body built as the client's own type."""
        if self.content is not None:
            return {**self.arguments, "body": self.content}
        if self.body_type is None:
            return dict(self.arguments)
        return {**self.arguments, "body": parse(self.body_type, self.body)}

    def expected(self) -> Any:
        """The parsed answer the call must return (NO_EXAMPLE when the spec gives none)."""
        if self.result is NO_EXAMPLE or self.result_type is None:
            return self.result
        return parse(self.result_type, self.result)

    def __str__(self) -> str:
        return f"{self.operation}[{self.example}]"


@dataclass(frozen=True)
class ErrorCase:
    """A declared error status, forced with `Prefer: code=`, and the typed error it must raise."""

    call: ExampleCase
    status: int
    error: type[APIError]
    body_type: Any = None
    body: Any = None
    """The error response's example; None when the spec gives none."""

    def __str__(self) -> str:
        return f"{self.call.operation}[{self.status}]"


@dataclass(frozen=True)
class RunCase:
    """A run started by a trigger and waited for until the mock ends it with `outcome`."""

    trigger: str
    """The `<trigger>_and_wait` method."""
    call: ExampleCase
    """The trigger's example, whose arguments start the run."""
    outcome: str
    status_pointer: str
    final: Any
    """The status value the run must end with."""
    failed: bool
    failures_pointer: str | None = None

    def __str__(self) -> str:
        return f"{self.trigger}[{self.outcome}]"


@dataclass(frozen=True)
class PageCase:
    """A list read through its `iter_` method over more items than one page holds."""

    iterator: str
    arguments: dict[str, Any]
    path: str
    items: int
    page_size: int

    @property
    def pages(self) -> int:
        return math.ceil(self.items / self.page_size)

    def __str__(self) -> str:
        return self.iterator


@dataclass
class Caller:
    """Calls a method by name on a fresh sync or async client, so one case proves both."""

    sync_client: Callable[..., Any]
    async_client: Callable[..., Any]
    mock: MockServer
    is_async: bool
    options: dict[str, Any] = field(default_factory=dict)
    keyed: bool = True
    """Whether the clients take credentials (a spec without security schemes gives clients without any)."""
    credentials: Mapping[str, str] = field(default_factory=lambda: {"api_key": "api_key"})
    """The clients' credential arguments and the kind of mock credential each takes (`username`, ...)."""
    recording: bool = False
    """Record the client's retry and polling pauses in `sleeps` instead of sleeping them."""
    sleeps: list[float] = field(default_factory=list)

    def with_options(self, **options: Any) -> Caller:
        return dataclasses.replace(self, options={**self.options, **options}, sleeps=[])

    def recording_sleeps(self) -> Caller:
        return dataclasses.replace(self, recording=True, sleeps=[])

    def __call__(self, method: str, /, **arguments: Any) -> Any:
        if self.is_async:
            return asyncio.run(self._async_call(method, arguments, collect=False))
        with self._client(self.sync_client) as client:
            return getattr(client, method)(**arguments)

    def collect(self, iterator: str, /, **arguments: Any) -> list[Any]:
        """Every item an `iter_` method yields."""
        if self.is_async:
            items: list[Any] = asyncio.run(self._async_call(iterator, arguments, collect=True))
            return items
        with self._client(self.sync_client) as client:
            return list(getattr(client, iterator)(**arguments))

    def _client(self, factory: Callable[..., Any]) -> Any:
        options = {"base_url": self.mock.base_url, **self.options}
        if self.keyed:
            for argument, kind in self.credentials.items():
                options.setdefault(argument, self.mock.credential(kind))
        client = factory(**options)
        if self.recording:
            sleeps = self.sleeps
            if self.is_async:

                async def record_async(seconds: float) -> None:
                    sleeps.append(seconds)

                client._sleep = record_async
            else:
                client._sleep = sleeps.append
        return client

    async def _async_call(self, method: str, arguments: dict[str, Any], *, collect: bool) -> Any:
        async with self._client(self.async_client) as client:
            if collect:
                return [item async for item in getattr(client, method)(**arguments)]
            awaitable: Awaitable[Any] = getattr(client, method)(**arguments)
            return await awaitable


def requests_to(mock: MockServer, method: str, path: str) -> list[Entry]:
    """What the mock received for one operation, in order."""
    return [e for e in mock.journal.entries if e.method == method and e.path == path]


def check_wire(mock: MockServer, case: ExampleCase) -> None:
    """The last request for the case's operation is what the spec says: path, query, auth and body."""
    wire = case.wire
    sent = requests_to(mock, wire.method, wire.path)
    assert sent, f"the mock received no {wire.method} {wire.path}; it received {_seen(mock)}"
    entry = sent[-1]
    if wire.query is not None:
        assert sorted(parse_qsl(entry.query, keep_blank_values=True)) == sorted(wire.query), entry.query
    if wire.auth is not None:
        header, value = wire.auth
        assert entry.headers.get(header.lower()) == value, f"{header}: {entry.headers.get(header.lower())!r}"
    if case.content is not None:
        assert entry.body == case.content.decode(), f"raw body expected, got {entry.body[:200]!r}"
        return
    if case.body_type is None:
        assert entry.body == "", f"no body expected, got {entry.body[:200]!r}"
        return
    assert entry.headers.get("content-type", "").startswith("application/json"), entry.headers.get("content-type")
    sent_body = json.loads(entry.body)
    expected_body = _redacted(case.body, mock.api_key)  # as the journal keeps it: the mock's key never shows
    if isinstance(case.body, Mapping):
        assert isinstance(sent_body, dict) and sorted(sent_body) == sorted(case.body), sent_body
    # Compared as the body's type, so an example's `.5Z` equals the client's `.500000Z`.
    assert parse(case.body_type, sent_body) == parse(case.body_type, expected_body)


def _redacted(value: Any, secret: str) -> Any:
    if isinstance(value, str):
        return value.replace(secret, REDACTED) if secret else value
    if isinstance(value, dict):
        return {k: _redacted(v, secret) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v, secret) for v in value]
    return value


def value_at(result: Any, pointer: str) -> Any:
    """The JSON value at `pointer` in a parsed answer, as the spec's extensions name it."""
    return to_json(resolve(result, pointer))


def unauthenticated(mock: MockServer, case: ExampleCase) -> httpx.Response:
    """The case's request sent with no credential at all, which the clients cannot be made to do."""
    origin = f"http://{mock.host}:{mock.port}"
    with httpx.Client(base_url=origin) as client:
        wire = case.wire
        return client.request(wire.method, wire.path, params=list(wire.query or ()), json=case.body)


def _seen(mock: MockServer) -> list[str]:
    return [f"{e.method} {e.path}" for e in mock.journal.entries][-5:]
