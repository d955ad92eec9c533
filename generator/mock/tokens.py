"""Short-lived tokens a mock issues through a spec's `x-token-exchange`: real HS256 JWTs.

Each mock signs with its own random secret, so a token from another mock (or one a test made up)
fails its signature check. `exp` is checked here on the wall clock at sub-second precision, since
tests use lifetimes below a second. The revocation set serves the `expire-token` fault.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from typing import Any

_ALGORITHM = "HS256"
_REMEMBERED = 64
"""Issued tokens kept for redaction from the journal; older ones have expired long ago in practice."""


class TokenIssuer:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._secret = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._revoked: deque[str] = deque(maxlen=_REMEMBERED)
        """Bounded like the rest: a revoked token older than these has long expired in practice."""
        self._issued: deque[str] = deque(maxlen=_REMEMBERED)
        self._expiry: dict[str, float] = {}
        """Tokens whose signature already checked out, with their `exp`: a client sends the same one for minutes."""

    def issue(self) -> str:
        import jwt  # loaded on first exchange: only token-exchange specs need it

        now = time.time()
        claims = {"iat": int(now), "exp": round(now + self.ttl, 3), "jti": secrets.token_hex(8), "sub": "testrelay"}
        token = jwt.encode(claims, self._secret, algorithm=_ALGORITHM)
        with self._lock:
            self._issued.append(token)
        return token

    def valid(self, token: str) -> bool:
        """Signed by this mock, not expired and not revoked."""
        if not token:
            return False
        with self._lock:
            known = self._expiry.get(token)
            if known is not None:
                return time.time() < known and token not in self._revoked
        import jwt

        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._secret,
                algorithms=[_ALGORITHM],
                options={"verify_exp": False, "verify_iat": False, "require": ["exp", "iat"]},
            )
        except jwt.InvalidTokenError:
            return False
        exp = claims.get("exp")
        if not isinstance(exp, (int, float)):
            return False
        with self._lock:
            if len(self._expiry) >= _REMEMBERED:
                self._expiry.pop(next(iter(self._expiry)))
            self._expiry[token] = float(exp)
            return time.time() < exp and token not in self._revoked

    def revoke(self, token: str) -> None:
        with self._lock:
            if token not in self._revoked:
                self._revoked.append(token)

    def issued(self) -> list[str]:
        with self._lock:
            return list(self._issued)
