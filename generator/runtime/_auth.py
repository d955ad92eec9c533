"""Credentials as `httpx.Auth`, so they are applied again on every attempt of a request.

One class per way OpenAPI lets a credential travel: an API key in a header, a query parameter or a
cookie; `Authorization: <Scheme> <token>` (bearer and any other http scheme); HTTP basic; and
tokens fetched with the key (a vendor's token exchange, or OAuth2 client credentials), which share
one single-flight cache. `generator.runtime._security` combines and chooses among them.
"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Sequence
from typing import Any, Literal
from urllib.parse import quote, quote_plus, unquote_plus

import httpx

from generator.runtime._errors import TokenExchangeError, vendor_message
from generator.runtime._log import logger
from generator.runtime._pointers import get, tokens
from generator.runtime._redact import register_secret_query

_WAIT_FOR_PEER = 60.0
"""Longest a caller waits for another caller's token fetch before trying one itself."""


class HeaderAuth(httpx.Auth):
    """A credential in one header, optionally after a scheme word (`Bearer`, `JWT`, `Token`)."""

    def __init__(self, header: str, secret: str, prefix: str | None = None) -> None:
        self._header = header
        self._value = f"{prefix} {secret}" if prefix else secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._value
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(header={self._header!r}, secret=<redacted>)"


def scheme_auth(scheme: str, token: str) -> HeaderAuth:
    """`Authorization: <Scheme> <token>` for an `http` scheme: bearer, or any other the spec names.

    Scheme names are case-insensitive (RFC 9110); they are sent capitalized, as servers commonly expect.
    """
    return HeaderAuth("Authorization", token, scheme[:1].upper() + scheme[1:].lower())


class BasicAuth(httpx.BasicAuth):
    """HTTP basic: `Authorization: Basic base64(username:password)`, with httpx's own encoding.

    Several vendors put the API key in one half (mabl: username `key`); both halves stay out of reprs.
    """

    def __repr__(self) -> str:
        return f"{type(self).__name__}(username=<redacted>, password=<redacted>)"


class ApiKeyAuth(httpx.Auth):
    """An `apiKey` scheme: the key in a header, a query parameter or a cookie, under the spec's name.

    A query key is added to the URL only while the request is on the wire: the request object the
    client keeps afterwards (for errors, `response.request`, next-page URLs) no longer carries it,
    and httpx's request log line has it redacted.
    """

    def __init__(self, name: str, key: str, location: Literal["header", "query", "cookie"] = "header") -> None:
        if location not in ("header", "query", "cookie"):
            raise ValueError(f"an API key goes in a header, a query parameter or a cookie, not {location!r}")
        self._name = name
        self._key = key
        self._location = location
        if location == "query":
            register_secret_query(name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self._name!r}, location={self._location!r}, key=<redacted>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._location == "header":
            request.headers[self._name] = self._key
            yield request
        elif self._location == "cookie":
            request.headers["Cookie"] = _with_cookie(request.headers.get("Cookie"), self._name, self._key)
            yield request
        else:
            original = request.url
            request.url = original.copy_with(query=_with_param(original.query, self._name, self._key))
            try:
                yield request
            finally:
                request.url = original


def _with_param(query: bytes, name: str, value: str) -> bytes:
    """The raw query with `name=value` last and no other `name`: the other parameters keep their exact encoding."""
    kept = [part for part in query.split(b"&") if part and unquote_plus(part.split(b"=", 1)[0].decode()) != name]
    kept.append(f"{quote(name, safe='')}={quote(value, safe='')}".encode("ascii"))
    return b"&".join(kept)


def _with_cookie(header: str | None, name: str, value: str) -> str:
    """A Cookie header with `name=value` replacing any cookie of that name (RFC 6265 pairs, `; `-separated)."""
    pairs = [p.strip() for p in (header or "").split(";") if p.strip() and p.strip().split("=", 1)[0] != name]
    return "; ".join([*pairs, f"{name}={value}"])


class NoAuth(httpx.Auth):
    """For operations the spec marks `security: []`."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield request


class TokenCache:
    """A token and when to renew it, on the monotonic clock, shared by every thread and event loop.

    The lock guards only this state, never a network call. One caller claims a refresh; the
    others wait on its event and then read the token it stored.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at = 0.0
        self._refreshing: threading.Event | None = None

    def claim(self) -> tuple[str | None, threading.Event | None, bool]:
        """(valid token, None, False); or (None, event to wait on, False); or (None, event, True): refresh it."""
        with self._lock:
            if self._token is not None and self._clock() < self._renew_at:
                return self._token, None, False
            if self._refreshing is not None:
                return None, self._refreshing, False
            self._refreshing = threading.Event()
            return None, self._refreshing, True

    def finish(self, token: str | None, renew_at: float) -> None:
        """End a claimed refresh, storing its token if it got one, and wake the waiters."""
        with self._lock:
            if token is not None:
                self._token, self._renew_at = token, renew_at
            event, self._refreshing = self._refreshing, None
        if event is not None:
            event.set()

    def invalidate(self, token: str) -> None:
        """Drop `token` unless another caller has already replaced it (compare and swap)."""
        with self._lock:
            if self._token == token:
                self._token = None

    def now(self) -> float:
        return self._clock()


class _CachedTokenAuth(httpx.Auth):
    """A token fetched by an extra request and cached until shortly before it expires.

    The fetch is yielded from the auth flow, so it goes through the same client and transport as the
    call it authorizes. The token is renewed `min(buffer, ttl / 2)` before it expires. A 401 drops the
    token it was sent with and the request is replayed once with a fresh one.
    """

    cache: TokenCache
    _buffer: float
    _what = "token request"
    _token_where = ""
    exchanges = 0
    """How many tokens this auth has fetched; tests and logs read it."""

    def _token_request(self) -> httpx.Request:
        raise NotImplementedError

    def _read_token(self, body: Any) -> tuple[str | None, float]:
        """The token in a 2xx body (None when it has none) and its lifetime in seconds."""
        raise NotImplementedError

    def _authorize(self, request: httpx.Request, token: str) -> None:
        raise NotImplementedError

    def _token_from(self, response: httpx.Response) -> tuple[str, float]:
        try:
            value: Any = response.json()
        except ValueError:
            value = None
        if response.status_code >= 400:
            detail = vendor_message(value)
            raise TokenExchangeError(
                f"{self._what} refused: {response.status_code} {response.reason_phrase}"
                + (f": {detail}" if detail else ""),
                status_code=response.status_code,
                body=value,
            )
        token, ttl = self._read_token(value)
        if not token:
            raise TokenExchangeError(
                f"{self._what} answered {response.status_code} without a token{self._token_where}",
                status_code=response.status_code,
            )
        self.exchanges += 1
        logger.debug("%s %s: new token for %.0fs", self._what, response.status_code, ttl)
        return token, ttl

    def _renew_at(self, issued_at: float, ttl: float) -> float:
        return issued_at + ttl - min(self._buffer, ttl / 2)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for attempt in (1, 2):
            token = None
            while token is None:
                token, event, mine = self.cache.claim()
                if token is not None or event is None:
                    break
                if not mine:
                    event.wait(_WAIT_FOR_PEER)
                    continue
                issued_at, fresh, renew_at = self.cache.now(), None, 0.0
                try:
                    fetched = yield self._token_request()
                    fetched.read()
                    fresh, ttl = self._token_from(fetched)
                    renew_at = self._renew_at(issued_at, ttl)
                finally:
                    self.cache.finish(fresh, renew_at)
                token = fresh
            assert token is not None
            self._authorize(request, token)
            response = yield request
            if response.status_code != 401 or attempt == 2:
                return
            self.cache.invalidate(token)
            logger.debug("401 with a cached token: fetching another and replaying once")

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        for attempt in (1, 2):
            token = None
            while token is None:
                token, event, mine = self.cache.claim()
                if token is not None or event is None:
                    break
                if not mine:
                    await _wait_event(event)
                    continue
                issued_at, fresh, renew_at = self.cache.now(), None, 0.0
                try:
                    fetched = yield self._token_request()
                    await fetched.aread()
                    fresh, ttl = self._token_from(fetched)
                    renew_at = self._renew_at(issued_at, ttl)
                finally:
                    self.cache.finish(fresh, renew_at)
                token = fresh
            assert token is not None
            self._authorize(request, token)
            response = yield request
            if response.status_code != 401 or attempt == 2:
                return
            self.cache.invalidate(token)
            logger.debug("401 with a cached token: fetching another and replaying once")


class TokenExchangeAuth(_CachedTokenAuth):
    """Trades the API key for a short-lived token (`x-token-exchange`) and sends `Authorization: <prefix> <token>`."""

    _what = "token exchange"

    def __init__(
        self,
        api_key: str,
        *,
        exchange_url: str,
        key_pointer: str,
        token_pointer: str,
        header_prefix: str,
        ttl_seconds: float,
        refresh_buffer_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._api_key = api_key
        self._exchange_url = exchange_url
        self._key_path = tokens(key_pointer)
        self._token_pointer = token_pointer
        self._token_where = f" at {token_pointer}"
        self._prefix = header_prefix
        self._ttl = ttl_seconds
        self._buffer = refresh_buffer_seconds
        self.cache = TokenCache(clock)
        self.exchanges = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(exchange_url={self._exchange_url!r}, api_key=<redacted>)"

    def _token_request(self) -> httpx.Request:
        body: dict[str, Any] = {}
        node = body
        for token in self._key_path[:-1]:
            node = node.setdefault(token, {})
        node[self._key_path[-1]] = self._api_key
        return httpx.Request("POST", self._exchange_url, json=body)

    def _read_token(self, body: Any) -> tuple[str | None, float]:
        value = get(body, self._token_pointer)
        return (value if isinstance(value, str) else None), self._ttl

    def _authorize(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"{self._prefix} {token}"


class ClientCredentialsAuth(_CachedTokenAuth):
    """OAuth2 client credentials (RFC 6749 §4.4): a bearer token from `token_url`, fetched and renewed as needed.

    The client authenticates with HTTP basic (`client_auth="basic"`, which every server must accept)
    or with `client_id` and `client_secret` in the form (`"body"`). Tokens are cached per set of
    scopes: `scoped(scopes)` gives an auth for the scopes one operation needs, sharing the caches.
    A token without `expires_in` is kept `default_ttl_seconds`, and replaced sooner if a 401 says so.
    """

    _what = "client credentials token request"

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        token_url: str,
        scopes: Sequence[str] = (),
        client_auth: Literal["basic", "body"] = "basic",
        default_ttl_seconds: float = 3600.0,
        refresh_buffer_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if client_auth not in ("basic", "body"):
            raise ValueError(f"client_auth must be 'basic' or 'body', not {client_auth!r}")
        self._client_id = client_id
        self._client_secret = client_secret
        self._token_url = token_url
        self._scopes = tuple(sorted(set(scopes)))
        self._client_auth = client_auth
        self._default_ttl = default_ttl_seconds
        self._buffer = refresh_buffer_seconds
        self._clock = clock
        self._caches: dict[tuple[str, ...], TokenCache] = {}
        self._caches_lock = threading.Lock()
        self.cache = self._cache_for(self._scopes)
        self.exchanges = 0

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(token_url={self._token_url!r}, scopes={list(self._scopes)!r}, "
            "client_id=<redacted>, client_secret=<redacted>)"
        )

    def _cache_for(self, scopes: tuple[str, ...]) -> TokenCache:
        with self._caches_lock:
            cache = self._caches.get(scopes)
            if cache is None:
                cache = self._caches[scopes] = TokenCache(self._clock)
            return cache

    def scoped(self, scopes: Sequence[str]) -> ClientCredentialsAuth:
        """This client's credentials asking for `scopes`; one token per distinct set, shared by every view."""
        wanted = tuple(sorted(set(scopes)))
        if wanted == self._scopes:
            return self
        view = object.__new__(ClientCredentialsAuth)
        view.__dict__.update(self.__dict__)
        view._scopes = wanted
        view.cache = self._cache_for(wanted)
        view.exchanges = 0
        return view

    def _token_request(self) -> httpx.Request:
        form = {"grant_type": "client_credentials"}
        if self._scopes:
            form["scope"] = " ".join(self._scopes)
        headers = {"Accept": "application/json"}
        if self._client_auth == "body":
            form |= {"client_id": self._client_id, "client_secret": self._client_secret}
        elif self._client_auth == "basic":
            # RFC 6749 §2.3.1: each half is form-encoded before the basic encoding.
            pair = f"{quote_plus(self._client_id)}:{quote_plus(self._client_secret)}"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        return httpx.Request("POST", self._token_url, data=form, headers=headers)

    def _read_token(self, body: Any) -> tuple[str | None, float]:
        token = body.get("access_token") if isinstance(body, dict) else None
        expires = body.get("expires_in") if isinstance(body, dict) else None
        if isinstance(expires, str) and expires.isdigit():
            expires = int(expires)
        ttl = (
            float(expires)
            if isinstance(expires, int | float) and not isinstance(expires, bool) and expires > 0
            else None
        )
        return (token if isinstance(token, str) else None), (ttl if ttl is not None else self._default_ttl)

    def _authorize(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"


def token_url(base_url: str, declared: str, server_origin: str = "") -> str:
    """Where to fetch OAuth2 tokens: the spec's `tokenUrl`, relative to the base URL when it is relative.

    A token URL on the spec's own server moves with `base_url`, so a client pointed at a mock or a
    staging host fetches its tokens there too; one on another host (an identity provider) stays.
    """
    url = httpx.URL(declared)
    base = httpx.URL(base_url)
    if not url.is_absolute_url:
        return str(base.join(declared))
    origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
    if server_origin and origin == server_origin:
        return str(url.copy_with(scheme=base.scheme, netloc=base.netloc))
    return declared


async def _wait_event(event: threading.Event) -> None:
    """Waits for another caller's token fetch without blocking the event loop."""
    deadline = asyncio.get_running_loop().time() + _WAIT_FOR_PEER
    while not event.is_set() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.005)
