"""Every request a mock received, for tests to assert on, with credentials redacted."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

_SECRET_HEADERS = frozenset({"authorization", "x-api-key", "cookie", "proxy-authorization"})
REDACTED = "<redacted>"


@dataclass(frozen=True)
class Entry:
    method: str
    path: str
    query: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


class Journal:
    """Thread-safe, in arrival order. Header values and bodies never keep a known secret."""

    def __init__(self, secrets: Callable[[], Iterable[str]]) -> None:
        self._secrets = secrets
        self._lock = threading.Lock()
        self._entries: list[Entry] = []

    def record(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> None:
        known = [s for s in self._secrets() if s]
        kept = {name.lower(): self._redact(name, value, known) for name, value in headers.items()}
        text = body.decode("utf-8", errors="replace")
        for secret in known:
            text = text.replace(secret, REDACTED)
            query = query.replace(quote(secret, safe=""), REDACTED).replace(secret, REDACTED)  # a key in the query
        with self._lock:
            self._entries.append(Entry(method, path, query, kept, text))

    @staticmethod
    def _redact(name: str, value: str, known: list[str]) -> str:
        if name.lower() in _SECRET_HEADERS:
            scheme, _, rest = value.partition(" ")
            return f"{scheme} {REDACTED}" if rest else REDACTED
        for secret in known:
            value = value.replace(secret, REDACTED)
        return value

    @property
    def entries(self) -> list[Entry]:
        with self._lock:
            return list(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
