"""Security stage: the credential is checked, not merely present, for every scheme the operation takes.

API keys in a header, HTTP bearer and basic, OAuth2 and OpenID Connect bearer tokens are compared
with the mock's key; a scheme with `x-token-exchange` takes only tokens this mock issued and that
have not expired or been revoked. The exchange operation itself carries its credential in the body
(at the extension's `keyPointer`), and it is checked here too: nothing after this stage, `Prefer`
included, ever answers a request whose credential is wrong. A bad credential gets the vendor's 401.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping

from generator.mock.call import Answer, Call
from generator.mock.errors import declared, error_answer, example_body
from generator.mock.tokens import TokenIssuer
from generator.mock.validate import Violation
from generator.spec import pointer as jp
from generator.spec.ir import Api, Operation, SecurityScheme

DEFAULT_API_KEY = "testrelay-test-key"
"""The credential a mock accepts unless told another."""


class Security:
    def __init__(self, api: Api, api_key: str, token_ttl: float | None) -> None:
        self.api = api
        self.api_key = api_key
        self._token_ttl = token_ttl
        self._schemes = {s.key: s for s in api.security_schemes}
        self.exchanges = {s.token_exchange.operation_id: s for s in api.security_schemes if s.token_exchange}
        """Exchange operation id -> the scheme whose tokens it issues."""
        self._lock = threading.Lock()
        self._issuers: dict[str, TokenIssuer] = {}

    def __call__(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        scheme = self.exchanges.get(op.operation_id)
        if scheme is not None and not self._exchange_key_ok(scheme, call.body):
            response = declared(op, "401", "400")
            violation = Violation("body", (), "invalid API key")
            return error_answer(self.api, response, 401, [violation], "refused: invalid key")
        if not op.security:
            return None
        for alternative in op.security:
            if all(self._satisfied(self._schemes.get(key), call.headers) for key in alternative):
                return None
        return self._unauthorized(op)

    def _exchange_key_ok(self, scheme: SecurityScheme, body: bytes) -> bool:
        """The key the exchange carries; a body that is not JSON is left to the validation stage."""
        exchange = scheme.token_exchange
        assert exchange is not None
        try:
            payload = json.loads(body) if body else None
        except ValueError:
            return True  # validation answers a malformed body with the declared 400 before anything is issued
        return bool(jp.get(payload, exchange.key_pointer) == self.api_key)

    def _unauthorized(self, op: Operation) -> Answer:
        response = declared(op, "401")
        body = example_body(response)  # the vendor's own words for a bad credential
        if body is not None:
            return Answer(401, body, note="refused")
        violation = Violation("header", ("Authorization",), "missing or invalid credentials")
        return error_answer(self.api, response, 401, [violation], "refused")

    def _satisfied(self, scheme: SecurityScheme | None, headers: Mapping[str, str]) -> bool:
        if scheme is None:
            return True
        if scheme.token_exchange is not None:
            value = headers.get((scheme.param_name or "authorization").lower(), "")
            prefix = scheme.token_exchange.header_prefix + " "
            token = value[len(prefix) :] if value.startswith(prefix) else ""
            return self.issuer(scheme).valid(token)
        if scheme.kind == "apiKey" and scheme.location == "header":
            return headers.get((scheme.param_name or "").lower()) == self.api_key
        if scheme.kind == "http" and scheme.scheme:
            return headers.get("authorization") == f"{scheme.scheme.capitalize()} {self.api_key}"
        if scheme.kind in ("oauth2", "openIdConnect"):
            return headers.get("authorization") == f"Bearer {self.api_key}"
        return True

    def issuer(self, scheme: SecurityScheme) -> TokenIssuer:
        with self._lock:
            issuer = self._issuers.get(scheme.key)
            if issuer is None:
                exchange = scheme.token_exchange
                default = exchange.ttl_seconds if exchange is not None else 120.0
                ttl = self._token_ttl if self._token_ttl is not None else default
                issuer = self._issuers[scheme.key] = TokenIssuer(ttl)
            return issuer

    def revoke(self, token: str) -> None:
        with self._lock:
            issuers = list(self._issuers.values())
        for issuer in issuers:
            issuer.revoke(token)

    def issued_tokens(self) -> list[str]:
        with self._lock:
            issuers = list(self._issuers.values())
        return [token for issuer in issuers for token in issuer.issued()]
