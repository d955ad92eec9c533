"""Faults a test can ask a mock for, per request or for every request.

Per request, with the header `X-Testrelay-Fault` (several faults separated by `;`):

| fault | effect |
| --- | --- |
| `delay=SECONDS` | wait before answering |
| `reset` | close the connection without an answer |
| `empty` | answer 200 with an empty body |
| `429` or `429=SECONDS` | a 429 with the vendor's wait hint (header and body field), 1 s by default |
| `500`, `502`, `503` | that status, with the vendor's error body when the spec has one |
| `fail=N` | with a status fault: only the first N requests with this header and path fail |
| `expire-token` | the token this request carries expires now, once (a token that dies mid-run) |

For every request: `testrelay mock VENDOR --scenario "fault:503;fail=1"`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

FAULT_HEADER = "x-testrelay-fault"
STATUSES = frozenset({429, 500, 502, 503})
SYNTAX = "delay=SECONDS, reset, empty, 429[=SECONDS], 500, 502, 503, fail=N, expire-token (joined with ;)"
"""What `parse` reads, for messages that say what is allowed."""


@dataclass(frozen=True)
class Fault:
    delay: float = 0.0
    reset: bool = False
    empty: bool = False
    status: int | None = None
    wait_hint: float = 1.0
    fail_times: int | None = None
    expire_token: bool = False


def parse(text: str) -> Fault:
    """A fault from its header text; raises ValueError naming the part it cannot read."""
    delay, reset, empty, status, hint, times, expire = 0.0, False, False, None, 1.0, None, False
    for part in (p.strip() for p in text.split(";")):
        key, _, value = part.partition("=")
        try:
            if key == "delay":
                delay = max(0.0, min(float(value), 30.0))
            elif key == "reset":
                reset = True
            elif key == "empty":
                empty = True
            elif key == "fail":
                times = max(0, int(value))
            elif key == "expire-token":
                expire = True
            elif key.isdigit() and int(key) in STATUSES:
                status = int(key)
                if value:
                    hint = max(0.0, float(value))
            elif part:
                raise ValueError
        except ValueError:
            raise ValueError(f"unknown fault {part!r}") from None
    return Fault(delay, reset, empty, status, hint, times, expire)


class Counter:
    """How many times each (fault text, method, path) has failed, for `fail=N`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str, str], int] = {}

    def should_fail(self, fault: Fault, key: tuple[str, str, str]) -> bool:
        if fault.fail_times is None:
            return True
        with self._lock:
            count = self._seen.get(key, 0)
            self._seen[key] = count + 1
        return count < fault.fail_times
