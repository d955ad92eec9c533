"""Credentials as `httpx.Auth`, so they are applied again on every attempt of a request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Any

import httpx

from generator.runtime._errors import AuthenticationError, status_error


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


class TokenExchangeAuth(httpx.Auth):
    """Trades the API key for a short-lived token and sends it as `Authorization: <prefix> <token>`.

    The exchange is an extra request yielded from the auth flow, so one implementation serves sync
    and async clients alike. The token is cached on the monotonic clock and refreshed
    `min(buffer, ttl / 2)` before it expires; a 401 drops the token it was sent with and the
    request is replayed once with a fresh one.
    """

    requires_response_body = True

    def __init__(
        self,
        api_key: str,
        *,
        exchange_url: str,
        key_field: str,
        token_field: str,
        header_prefix: str,
        ttl_seconds: float,
        refresh_buffer_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._api_key = api_key
        self._exchange_url = exchange_url
        self._key_field = key_field
        self._token_field = token_field
        self._prefix = header_prefix
        self._ttl = ttl_seconds
        self._early = min(refresh_buffer_seconds, ttl_seconds / 2)
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(exchange_url={self._exchange_url!r}, api_key=<redacted>)"

    def _current(self) -> str | None:
        with self._lock:
            if self._token is not None and self._clock() < self._expires_at - self._early:
                return self._token
            return None

    def _store(self, token: str, issued_at: float) -> None:
        with self._lock:
            self._token = token
            self._expires_at = issued_at + self._ttl

    def _invalidate(self, token: str) -> None:
        with self._lock:
            if self._token == token:
                self._token = None

    def _exchange(self) -> Generator[httpx.Request, httpx.Response, str]:
        issued_at = self._clock()
        response = yield httpx.Request("POST", self._exchange_url, json={self._key_field: self._api_key})
        if response.status_code >= 400:
            raw = _json_or_none(response)
            raise status_error(response, raw, raw)
        token = _json_or_none(response)
        token = token.get(self._token_field) if isinstance(token, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthenticationError(
                f"{response.status_code}: the token exchange answered without a {self._token_field!r}",
                response=response,
                body=None,
            )
        self._store(token, issued_at)
        return token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._current()
        if token is None:
            token = yield from self._exchange()
        request.headers["Authorization"] = f"{self._prefix} {token}"
        response = yield request
        if response.status_code == 401:
            self._invalidate(token)
            fresh = yield from self._exchange()
            request.headers["Authorization"] = f"{self._prefix} {fresh}"
            yield request


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
