"""One line per request a mock answers (`GET /api/runs/7 200 1.4 ms`), as an ASGI wrapper around its app.

A wrapper rather than part of the app: the app's stages stay about answering, and the log sees what
left the server, whatever stage answered. A line never holds a credential: headers and bodies are
not logged, the values of query parameters that carry keys or tokens are redacted, and any known
secret left in a path or query is replaced.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl, quote

REDACTED = "<redacted>"
_SECRET_NAME = re.compile(r"key|token|secret|passw|auth|sig|credential|session|jwt|code", re.IGNORECASE)
"""Query parameters whose value is a credential more often than not (`api_key`, `access_token`, `sig`)."""


class RequestLog:
    """ASGI middleware writing `METHOD PATH STATUS MS` for every HTTP request once it is answered."""

    def __init__(
        self,
        app: Any,
        write: Callable[[str], None],
        *,
        secret_params: Iterable[str] = (),
        secrets: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        self.app = app
        self._write = write
        self._secret_params = {name.lower() for name in secret_params}
        self._secrets = secrets

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: list[int] = []

        async def sending(message: Any) -> None:
            if message.get("type") == "http.response.start":
                status.append(int(message.get("status", 0)))
            await send(message)

        outcome = "-"
        try:
            await self.app(scope, receive, sending)
        except BaseException:
            outcome = "reset"  # the connection was dropped (a fault a test asked for, or an error)
            raise
        finally:
            shown = outcome if outcome == "reset" or not status else str(status[0])
            elapsed = (time.perf_counter() - started) * 1000
            self._write(f"{scope.get('method', '?')} {self.target(scope)} {shown} {elapsed:.1f} ms")

    def target(self, scope: Any) -> str:
        """The request's path and query, with credentials redacted."""
        path = str(scope.get("path") or "/")
        raw = scope.get("query_string") or b""
        query = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            kept = [(k, REDACTED if self._is_secret(k) else v) for k, v in pairs]
            path += "?" + "&".join(f"{quote(k, safe='')}={v if v == REDACTED else quote(v, safe='')}" for k, v in kept)
        for secret in self._secrets():
            if secret:
                path = path.replace(secret, REDACTED).replace(quote(secret, safe=""), REDACTED)
        return path

    def _is_secret(self, name: str) -> bool:
        return name.lower() in self._secret_params or bool(_SECRET_NAME.search(name))
