"""Keeping query-parameter credentials out of printed URLs.

A key sent as a query parameter (`?apiKey=...`) would otherwise show in httpx's request log line,
which prints the whole URL. Every `ApiKeyAuth` in the query registers its parameter's name here;
`redact_url` replaces those parameters' values, and a filter on the `httpx` logger applies it to
the URLs that logger prints. Only values are touched, so registering a name is harmless elsewhere.
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import unquote_plus

import httpx

REDACTED = "<redacted>"
_names: set[str] = set()
_lock = threading.Lock()
_installed = False


def register_secret_query(name: str) -> None:
    """Mark `name` as a query parameter that carries a credential, in this process."""
    global _installed
    with _lock:
        _names.add(name)
        if not _installed:
            logging.getLogger("httpx").addFilter(_RedactingFilter())
            _installed = True


def redact_url(url: httpx.URL | str) -> httpx.URL:
    """`url` with the value of every registered credential parameter replaced by `<redacted>`."""
    url = httpx.URL(url) if isinstance(url, str) else url
    with _lock:
        names = frozenset(_names)
    if not names or not url.query:
        return url
    parts = []
    changed = False
    for part in url.query.split(b"&"):
        name = unquote_plus(part.split(b"=", 1)[0].decode("ascii", "replace"))
        if name in names and b"=" in part:
            part = part.split(b"=", 1)[0] + b"=" + REDACTED.encode()
            changed = True
        parts.append(part)
    return url.copy_with(query=b"&".join(parts)) if changed else url


class _RedactingFilter(logging.Filter):
    """Rewrites the URL arguments of httpx's log records before any handler formats them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, httpx.URL) for a in record.args):
            record.args = tuple(redact_url(a) if isinstance(a, httpx.URL) else a for a in record.args)
        return True
