"""Credentials as `httpx.Auth`, so they are applied again on every attempt of a request."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any

import httpx

from generator.runtime._errors import TokenExchangeError, vendor_message
from generator.runtime._log import logger
from generator.runtime._pointers import get, tokens

_WAIT_FOR_PEER = 60.0
"""Longest a caller waits for another caller's token exchange before trying one itself."""


class HeaderAuth(httpx.Auth):
    """A credential in one header, optionally after a scheme word (`Bearer`, `JWT`)."""

    def __init__(self, header: str, secret: str, prefix: str | None = None) -> None:
        self._header = header
        self._value = f"{prefix} {secret}" if prefix else secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._value
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(header={self._header!r}, secret=<redacted>)"


class NoAuth(httpx.Auth):
    """For operations the spec marks `security: []`."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield request


class TokenCache:
    """A token and its expiry on the monotonic clock, shared by every thread and event loop.

    The lock guards only this state, never a network call. One caller claims a refresh; the
    others wait on its event and then read the token it stored.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        self._refreshing: threading.Event | None = None

    def claim(self, early: float) -> tuple[str | None, threading.Event | None, bool]:
        """(valid token, None, False); or (None, event to wait on, False); or (None, event, True): refresh it."""
        with self._lock:
            if self._token is not None and self._clock() < self._expires_at - early:
                return self._token, None, False
            if self._refreshing is not None:
                return None, self._refreshing, False
            self._refreshing = threading.Event()
            return None, self._refreshing, True

    def finish(self, token: str | None, expires_at: float) -> None:
        """End a claimed refresh, storing its token if it got one, and wake the waiters."""
        with self._lock:
            if token is not None:
                self._token, self._expires_at = token, expires_at
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


class TokenExchangeAuth(httpx.Auth):
    """Trades the API key for a short-lived token and sends `Authorization: <prefix> <token>`.

    The exchange is an extra request yielded from the auth flow, so it goes through the same
    client and transport as the call it authorizes. The token is refreshed `min(buffer, ttl / 2)`
    before it expires. A 401 drops the token it was sent with and the request is replayed once
    with a fresh one.
    """

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
        self._prefix = header_prefix
        self._ttl = ttl_seconds
        self._early = min(refresh_buffer_seconds, ttl_seconds / 2)
        self.cache = TokenCache(clock)
        self.exchanges = 0
        """How many exchanges this auth has made; tests and logs read it."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(exchange_url={self._exchange_url!r}, api_key=<redacted>)"

    def _exchange_request(self) -> httpx.Request:
        body: dict[str, Any] = {}
        node = body
        for token in self._key_path[:-1]:
            node = node.setdefault(token, {})
        node[self._key_path[-1]] = self._api_key
        return httpx.Request("POST", self._exchange_url, json=body)

    def _token_from(self, response: httpx.Response) -> str:
        try:
            value: Any = response.json()
        except ValueError:
            value = None
        if response.status_code >= 400:
            detail = (
                vendor_message(value).replace(self._api_key, "<redacted>") if self._api_key else vendor_message(value)
            )
            raise TokenExchangeError(
                f"token exchange refused: {response.status_code} {response.reason_phrase}"
                + (f": {detail}" if detail else ""),
                status_code=response.status_code,
                body=value,
            )
        value = get(value, self._token_pointer)
        if not isinstance(value, str) or not value:
            raise TokenExchangeError(
                f"token exchange answered {response.status_code} without a token at {self._token_pointer}",
                status_code=response.status_code,
            )
        self.exchanges += 1
        logger.debug("token exchange %s: new token for %.0fs", response.status_code, self._ttl)
        return value

    def _authorize(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"{self._prefix} {token}"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for attempt in (1, 2):
            token = None
            while token is None:
                token, event, mine = self.cache.claim(self._early)
                if token is not None or event is None:
                    break
                if not mine:
                    event.wait(_WAIT_FOR_PEER)
                    continue
                issued_at, fresh = self.cache.now(), None
                try:
                    exchange = yield self._exchange_request()
                    exchange.read()
                    fresh = self._token_from(exchange)
                finally:
                    self.cache.finish(fresh, issued_at + self._ttl)
                token = fresh
            assert token is not None
            self._authorize(request, token)
            response = yield request
            if response.status_code != 401 or attempt == 2:
                return
            self.cache.invalidate(token)
            logger.debug("401 with a cached token: exchanging again and replaying once")

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        for attempt in (1, 2):
            token = None
            while token is None:
                token, event, mine = self.cache.claim(self._early)
                if token is not None or event is None:
                    break
                if not mine:
                    await _wait_event(event)
                    continue
                issued_at, fresh = self.cache.now(), None
                try:
                    exchange = yield self._exchange_request()
                    await exchange.aread()
                    fresh = self._token_from(exchange)
                finally:
                    self.cache.finish(fresh, issued_at + self._ttl)
                token = fresh
            assert token is not None
            self._authorize(request, token)
            response = yield request
            if response.status_code != 401 or attempt == 2:
                return
            self.cache.invalidate(token)
            logger.debug("401 with a cached token: exchanging again and replaying once")


async def _wait_event(event: threading.Event) -> None:
    """Waits for another caller's exchange without blocking the event loop."""
    deadline = asyncio.get_running_loop().time() + _WAIT_FOR_PEER
    while not event.is_set() and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.005)
