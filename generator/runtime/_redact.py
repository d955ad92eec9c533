"""Keeping credentials out of printed URLs, log lines and error messages.

A key sent as a query parameter (`?apiKey=...`) would otherwise show in httpx's request log line,
which prints the whole URL. Every `ApiKeyAuth` in the query registers its parameter's name here;
`redact_url` replaces those parameters' values, and a filter on the `httpx` logger applies it to
the URLs that logger prints. Only values are touched, so registering a name is harmless elsewhere.
Error messages go further (`shown_url`, `redact_text`): a URL in a message keeps no query value and no
password, and text from a response keeps nothing that looks like a key, a token or a password.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import parse_qsl, unquote_plus, urlsplit, urlunsplit

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


_SECRET_FIELD = re.compile(
    r"""(["']?[\w-]*(?:token|secret|passw|api[_-]?key|apikey|credential|authorization)[\w-]*["']?\s*[:=]\s*)"""
    r"""("[^"]*"|'[^']*'|[^\s,;&}]+)""",
    re.IGNORECASE,
)
_JWT = re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]*")
_BEARER = re.compile(r"\b(Bearer|Basic|JWT|Token)\s+[\w.~+/=-]{8,}", re.IGNORECASE)


def redact_text(text: str) -> str:
    """Text with the values of key-, token- and password-like fields, JWTs and bearer credentials redacted."""
    text = _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _JWT.sub(REDACTED, text)
    return _SECRET_FIELD.sub(lambda m: m.group(1) + REDACTED, text)


def shown_url(url: str | httpx.URL) -> str:
    """A URL as messages may show it: no password, and every query value redacted (it may be a key)."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return redact_text(text.split("?", 1)[0])
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:{REDACTED}@{host}" if ":" in user else f"{REDACTED}@{host}"
    query = "&".join(f"{k}={REDACTED}" for k, _ in parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
