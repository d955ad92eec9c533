"""The request core shared by every generated client, sync and async.

A generated method describes its operation once, as a module-level `Endpoint`, and passes the
call's serialized parameters to `_call`, which sends the request, retries what is safe to retry,
parses the 2xx body into the operation's model and turns any other status into a typed error.
"""

from __future__ import annotations

import asyncio
import email.utils
import math
import random
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, Literal, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from generator.runtime._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ClientConfigError,
    TokenExchangeError,
    response_error,
    status_error,
    with_retry_after,
)
from generator.runtime._log import logger
from generator.runtime._pagination import Page
from generator.runtime._params import build_query
from generator.runtime._pointers import get
from generator.runtime._redact import shown_url
from generator.runtime._response import RawResponse
from generator.runtime._security import Requirement, Security

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_INITIAL_BACKOFF = 0.5
_MAX_BACKOFF = 8.0


class NotGiven:
    """Marks a keyword argument the caller left out, as distinct from an explicit `None`."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


@dataclass(frozen=True)
class RateLimitHint:
    """Where a response says how long to wait (`x-rate-limit`); `Retry-After` unless the spec says more."""

    header: str | None = "Retry-After"
    pointer: str | None = None
    """JSON pointer into the 429 body holding seconds (Qualigate: `/retry_after`)."""
    default_wait: float | None = None
    """Seconds to wait on a 429 that carries no hint (Testmo: 60)."""


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """What the spec says about one operation, independent of any call."""

    method: str
    path: str
    success: Any
    """The 2xx body's type, or None when the operation answers without one."""
    errors: Mapping[str, Any] = field(default_factory=dict)
    """Error body types by status (`404`, `4XX`, `default`)."""
    authenticated: bool = True
    idempotent: bool = False
    """Safe to re-send after the server may have acted on it (`x-idempotent`, or the method)."""
    rate_limit: RateLimitHint = field(default_factory=lambda: RateLimitHint())
    security: tuple[Requirement, ...] | None = None
    """The operation's security alternatives, when the client's auth is a `Security` that chooses per operation."""

    def error_type(self, status: int) -> Any:
        code = str(status)
        for key in (code, code[0] + "XX", "default"):
            if key in self.errors:
                return self.errors[key]
        return None


@dataclass
class Call:
    """One call's serialized parts, ready to become a request."""

    path: Mapping[str, str] = field(default_factory=dict)
    query: Sequence[tuple[str, str]] = ()
    headers: Mapping[str, str] = field(default_factory=dict)
    json: Any = NOT_GIVEN
    content: bytes | None = None
    content_type: str | None = None
    url: str | None = None
    """A whole URL to request instead of the endpoint's path and `query` (a next-page link)."""


@cache
def shared_tls() -> ssl.SSLContext:
    """One verifying TLS context for every client: building one reads the whole CA bundle (~0.1 s)."""
    return httpx.create_ssl_context()


@cache
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def to_json(value: Any) -> Any:
    """JSON-ready data from models and plain values; unset model fields are left out."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items() if v is not NOT_GIVEN}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return to_jsonable_python(value, by_alias=True)


def exactly_one(payload: Mapping[str, Any], group: Sequence[str]) -> None:
    """The spec's `oneOf` of `required` lists: fail before sending when it cannot hold."""
    given = [name for name in group if name in payload]
    if len(given) != 1:
        found = ", ".join(given) if given else "none"
        raise ValueError(f"give exactly one of {', '.join(group)} (got {found})")


def require(payload: Mapping[str, Any], names: Sequence[str]) -> None:
    missing = [name for name in names if name not in payload]
    if missing:
        raise TypeError(f"missing required body field(s): {', '.join(missing)}")


class _Base:
    max_retry_wait: float = 120.0
    """A 429 asking for a longer wait raises RateLimitError (with `retry_after`) instead of sleeping."""
    _random: Callable[[], float] = staticmethod(random.random)
    _clock: Callable[[], float] = staticmethod(time.monotonic)

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        auth: httpx.Auth,
        timeout: float | httpx.Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.base_url = checked_base_url(base_url)
        self._auth = auth
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={shown_url(self.base_url)!r})"

    def _request(
        self,
        endpoint: Endpoint[Any],
        call: Call,
        extra_headers: Mapping[str, str] | None,
        timeout: float | httpx.Timeout | None,
    ) -> httpx.Request:
        if call.url is not None:
            url = httpx.URL(call.url)
        else:
            path = endpoint.path.format_map(call.path) if call.path else endpoint.path
            url = self.base_url.copy_with(raw_path=(self.base_url.raw_path.rstrip(b"/") + path.encode("ascii")))
        headers = {"Accept": "application/json", **self._default_headers, **call.headers, **(extra_headers or {})}
        content: bytes | None = call.content
        if call.json is not NOT_GIVEN:
            content = httpx.Request("POST", url, json=to_json(call.json)).content
            headers.setdefault("Content-Type", "application/json")
        elif call.content_type:
            headers.setdefault("Content-Type", call.content_type)
        if call.query and call.url is None:
            url = url.copy_with(query=build_query(list(call.query)).encode("ascii"))
        effective = self.timeout if timeout is None else timeout
        return httpx.Request(
            endpoint.method,
            url,
            headers=headers,
            content=content,
            extensions={"timeout": httpx.Timeout(effective).as_dict()},
        )

    def _auth_for(self, endpoint: Endpoint[Any], auth: httpx.Auth | None) -> httpx.Auth:
        """The call's own auth, else the client's: chosen for the operation when the client holds a `Security`."""
        if auth is not None:
            return auth
        if isinstance(self._auth, Security) and endpoint.security is not None:
            return self._auth.select(endpoint.security)
        return self._auth

    def _parse(self, endpoint: Endpoint[T], response: httpx.Response) -> T:
        if response.is_success:
            if endpoint.success is None:
                return None  # type: ignore[return-value]  # Endpoint[None]: the operation has no body
            if not response.content:
                raise response_error(response, "the response has no body, the spec promises one")
            try:
                parsed: T = _adapter(endpoint.success).validate_json(response.content)
            except ValidationError as exc:
                if any(e["type"] == "json_invalid" for e in exc.errors()):
                    raise response_error(response, "the body is not JSON") from None
                raise response_error(response, f"the body does not match the spec: {_short(exc)}") from None
            return parsed
        raise self._error(endpoint, response)

    @staticmethod
    def _error(endpoint: Endpoint[Any], response: httpx.Response) -> APIError:
        """The typed error for a response, its body parsed into the spec's error model."""
        try:
            raw = response.json() if response.content else None
        except ValueError:
            raw = response.text
        body = raw
        error_type = endpoint.error_type(response.status_code)
        if error_type is not None and raw is not None:
            try:
                body = _adapter(error_type).validate_python(raw)
            except ValidationError:
                body = raw
        error = status_error(response, body, raw)
        if response.status_code == 429:
            with_retry_after(error, retry_hint(response, endpoint.rate_limit))
        return error

    def _retry_wait(
        self,
        endpoint: Endpoint[Any],
        attempt: int,
        limit: int,
        response: httpx.Response | None,
        *,
        sent: bool,
    ) -> float | None:
        """Seconds to wait before attempt `attempt + 1`, or None when this outcome must not be retried.

        A POST or PATCH is re-sent only when the server certainly did not act on it: a 429, or a
        request that never left. A server asking for a wait above `max_retry_wait` gets its error
        raised (RateLimitError with `retry_after` for a 429) rather than slept through.
        """
        safe = endpoint.method in _SAFE_METHODS or endpoint.idempotent
        if response is None:
            return backoff(attempt, self._random()) if attempt < limit and (safe or not sent) else None
        if response.status_code not in _RETRY_STATUSES or (response.status_code != 429 and not safe):
            return None
        hint = retry_hint(response, endpoint.rate_limit)
        if hint is not None and hint > self.max_retry_wait:
            raise self._error(endpoint, response)
        if attempt >= limit:
            return None
        return hint if hint is not None else backoff(attempt, self._random())

    def _after_exception(
        self, endpoint: Endpoint[Any], exc: Exception, request: httpx.Request, attempt: int, limit: int
    ) -> tuple[float, str]:
        """Wait and log label before retrying a send that raised; raises what the caller should see."""
        if isinstance(exc, TokenExchangeError):
            # The request itself was never sent, and the exchange is idempotent.
            wait = self._retry_wait(endpoint, attempt, limit, None, sent=False)
            if wait is None or exc.status_code not in _RETRY_STATUSES:
                raise exc
            return wait, f"token exchange {exc.status_code}"
        assert isinstance(exc, httpx.TransportError)
        wait = self._retry_wait(endpoint, attempt, limit, None, sent=_maybe_sent(exc))
        if wait is None:
            raise _transport_error(exc, request) from exc
        return wait, type(exc).__name__

    def _after_failure(
        self, endpoint: Endpoint[Any], response: httpx.Response, attempt: int, limit: int
    ) -> tuple[float, str]:
        """Wait and log label before retrying an unsuccessful status; raises its typed error if it is final."""
        wait = self._retry_wait(endpoint, attempt, limit, response, sent=True)
        if wait is None:
            raise self._error(endpoint, response)
        return wait, str(response.status_code)

    def _log_retry(self, endpoint: Endpoint[Any], outcome: str, attempt: int, limit: int, wait: float) -> None:
        logger.info(
            "%s %s -> %s, retry %d/%d in %.2fs", endpoint.method, endpoint.path, outcome, attempt + 1, limit, wait
        )


class SyncAPIClient(_Base):
    """Base of the generated synchronous clients."""

    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        auth: httpx.Auth,
        timeout: float | httpx.Timeout,
        max_retries: int,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url, auth=auth, timeout=timeout, max_retries=max_retries, default_headers=default_headers
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.Client(timeout=timeout, verify=shared_tls())

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self: _S) -> _S:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _raw(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[T]:
        """Like `_call`, keeping the response: for the generated `with_raw_response` methods."""
        parsed, response = self._send(endpoint, call, auth, extra_headers, timeout, max_retries)
        return RawResponse(parsed, response)

    def _page(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page:
        """One page for a paging walk that needs the response too (its URL, its `Link` header)."""
        return Page(*self._send(endpoint, call, auth, extra_headers, timeout, max_retries))

    def _call(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> T:
        return self._send(endpoint, call, auth, extra_headers, timeout, max_retries)[0]

    def _send(
        self,
        endpoint: Endpoint[T],
        call: Call,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> tuple[T, httpx.Response]:
        """The parsed 2xx body and its response, after the retries the outcome allows."""
        limit = self.max_retries if max_retries is None else max_retries
        attempt = 0
        while True:
            request = self._request(endpoint, call, extra_headers, timeout)
            try:
                response = self._client.send(request, auth=self._auth_for(endpoint, auth))
            except (TokenExchangeError, httpx.TransportError) as exc:
                wait, outcome = self._after_exception(endpoint, exc, request, attempt, limit)
            else:
                if response.is_success:
                    logger.debug("%s %s -> %d", endpoint.method, endpoint.path, response.status_code)
                    return self._parse(endpoint, response), response
                wait, outcome = self._after_failure(endpoint, response, attempt, limit)
                response.close()
            self._log_retry(endpoint, outcome, attempt, limit, wait)
            self._sleep(wait)
            attempt += 1

    def _poll_read(
        self, endpoint: Endpoint[T], call: Call, timeout: float | httpx.Timeout | None = None
    ) -> tuple[T, float | None]:
        """One status read for a wait: the state and the server's hint for the next read."""
        state, response = self._send(endpoint, call, timeout=timeout)
        return state, parse_retry_after(response.headers.get("retry-after"))


class AsyncAPIClient(_Base):
    """Base of the generated asynchronous clients."""

    _sleep: Callable[[float], Awaitable[None]] = staticmethod(asyncio.sleep)

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        auth: httpx.Auth,
        timeout: float | httpx.Timeout,
        max_retries: int,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url, auth=auth, timeout=timeout, max_retries=max_retries, default_headers=default_headers
        )
        self._owns_client = http_client is None
        self._client = http_client or httpx.AsyncClient(timeout=timeout, verify=shared_tls())

    async def close(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: _A) -> _A:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _raw(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[T]:
        """Like `_call`, keeping the response: for the generated `with_raw_response` methods."""
        parsed, response = await self._send(endpoint, call, auth, extra_headers, timeout, max_retries)
        return RawResponse(parsed, response)

    async def _page(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page:
        """One page for a paging walk that needs the response too (its URL, its `Link` header)."""
        return Page(*(await self._send(endpoint, call, auth, extra_headers, timeout, max_retries)))

    async def _call(
        self,
        endpoint: Endpoint[T],
        call: Call,
        *,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> T:
        return (await self._send(endpoint, call, auth, extra_headers, timeout, max_retries))[0]

    async def _send(
        self,
        endpoint: Endpoint[T],
        call: Call,
        auth: httpx.Auth | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> tuple[T, httpx.Response]:
        """The parsed 2xx body and its response, after the retries the outcome allows."""
        limit = self.max_retries if max_retries is None else max_retries
        attempt = 0
        while True:
            request = self._request(endpoint, call, extra_headers, timeout)
            try:
                response = await self._client.send(request, auth=self._auth_for(endpoint, auth))
                await response.aread()
            except (TokenExchangeError, httpx.TransportError) as exc:
                wait, outcome = self._after_exception(endpoint, exc, request, attempt, limit)
            else:
                if response.is_success:
                    logger.debug("%s %s -> %d", endpoint.method, endpoint.path, response.status_code)
                    return self._parse(endpoint, response), response
                wait, outcome = self._after_failure(endpoint, response, attempt, limit)
                await response.aclose()
            self._log_retry(endpoint, outcome, attempt, limit, wait)
            await self._sleep(wait)
            attempt += 1

    async def _poll_read(
        self, endpoint: Endpoint[T], call: Call, timeout: float | httpx.Timeout | None = None
    ) -> tuple[T, float | None]:
        """One status read for a wait: the state and the server's hint for the next read."""
        state, response = await self._send(endpoint, call, timeout=timeout)
        return state, parse_retry_after(response.headers.get("retry-after"))


_S = TypeVar("_S", bound=SyncAPIClient)
_A = TypeVar("_A", bound=AsyncAPIClient)


def backoff(attempt: int, jitter: float) -> float:
    """0.5 s doubling per attempt up to 8 s, less up to a quarter at random (`jitter` in [0, 1))."""
    return min(_INITIAL_BACKOFF * 2.0 ** max(attempt, 0), _MAX_BACKOFF) * (1 - 0.25 * jitter)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """`Retry-After` in seconds or as an HTTP date; a date in the past is 0; nonsense is no hint."""
    if value is None or not value.strip():
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def retry_hint(response: httpx.Response, where: RateLimitHint) -> float | None:
    """How long the response asks the client to wait: header, then body field, then the vendor default on a 429."""
    if where.header is not None:
        hint = parse_retry_after(response.headers.get(where.header))
        if hint is not None:
            return hint
    if where.pointer is not None:
        try:
            value: Any = response.json()
        except ValueError:
            value = None
        value = get(value, where.pointer)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return max(float(value), 0.0)
    if response.status_code == 429:
        return where.default_wait
    return None


def _maybe_sent(exc: httpx.TransportError) -> bool:
    """Whether the server may have received the request: only failures to connect say it did not."""
    return not isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)


_REFUSED = ("connection refused", "errno 111", "errno 61", "winerror 10061")
_UNRESOLVED = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "no address associated",
    "getaddrinfo failed",
    "errno -2",
    "errno -3",
    "errno -5",
    "errno 8",
    "errno 11001",
)


def _transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """The error for a request that got no answer, saying what failed and where (never the URL's query)."""
    url = request.url
    where = f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        message = f'unsupported URL "{shown_url(url)}": give an http:// or https:// URL'
        return APIConnectionError(message, request=request)
    if isinstance(exc, httpx.TimeoutException):
        what = {
            httpx.ConnectTimeout: "connecting",
            httpx.ReadTimeout: "waiting for the answer",
            httpx.WriteTimeout: "sending the request",
            httpx.PoolTimeout: "waiting for a free connection",
        }.get(type(exc), "waiting")
        return APITimeoutError(f"timed out {what}: {where}", request=request)
    causes = _causes(exc)
    text = " ".join(str(c) for c in causes).lower()
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or any(m in text for m in _REFUSED):
        return APIConnectionError(f"connection refused: {where}", request=request)
    if any(isinstance(c, socket.gaierror) for c in causes) or any(m in text for m in _UNRESOLVED):
        return APIConnectionError(f"name not resolved: {url.host}", request=request)
    if isinstance(exc, httpx.ConnectError):
        reason = " ".join(str(exc).split()) or type(exc).__name__
        return APIConnectionError(f"cannot connect to {where}: {reason[:200]}", request=request)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        message = f"connection to {where} lost before an answer ({type(exc).__name__})"
        return APIConnectionError(message, request=request)
    return APIConnectionError(f"no answer from {where}: {type(exc).__name__}", request=request)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from, innermost last."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 16:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def checked_base_url(base_url: str | httpx.URL) -> httpx.URL:
    """The base URL a client sends to; raises ClientConfigError unless it is an absolute http(s) URL."""
    text = str(base_url).strip()
    try:
        url = httpx.URL(text.rstrip("/"))
    except (httpx.InvalidURL, TypeError, ValueError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ClientConfigError(f'unsupported URL "{shown_url(text)}": give an absolute http:// or https:// URL')
    return url


def _short(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])
