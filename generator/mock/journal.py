"""Every request a mock received and what it did with it, for tests to assert on, credentials redacted.

The journal is bounded: past `capacity` entries (2,000 by default, `Settings.journal_size`) the
oldest are dropped, so a mock under any load keeps flat memory. `received` still counts them all.
An entry is written when the request arrives, before any stage runs, so a request answered by a
fault (`reset`, `503`) is there too; `outcome` then says what was done: `answered 200`,
`fault: reset`, `refused 401`, `invalid 400`, ...
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

_SECRET_HEADERS = frozenset({"authorization", "x-api-key", "cookie", "proxy-authorization"})
REDACTED = "<redacted>"
DEFAULT_CAPACITY = 2_000


@dataclass(slots=True)
class Entry:
    method: str
    path: str
    query: str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""
    outcome: str = "received"
    """What the mock did with the request; `received` until its answer is ready."""


class Journal:
    """Thread-safe, in arrival order, the newest `capacity` entries. Values never keep a known secret."""

    def __init__(self, secrets: Callable[[], Iterable[str]], capacity: int = DEFAULT_CAPACITY) -> None:
        self._secrets = secrets
        self._lock = threading.Lock()
        self._entries: deque[Entry] = deque(maxlen=max(1, capacity))
        self.received = 0
        """Requests received since the last `clear`, including those no longer kept."""

    @property
    def capacity(self) -> int:
        return self._entries.maxlen or 0

    def record(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes) -> Entry:
        known = [s for s in self._secrets() if s]
        kept = {name.lower(): self._redact(name, value, known) for name, value in headers.items()}
        text = body.decode("utf-8", errors="replace")
        for secret in known:
            text = text.replace(secret, REDACTED)
            query = query.replace(quote(secret, safe=""), REDACTED).replace(secret, REDACTED)  # a key in the query
        entry = Entry(method, path, query, kept, text)
        with self._lock:
            self._entries.append(entry)
            self.received += 1
        return entry

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

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.received = 0
