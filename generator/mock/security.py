"""Security stage: the credential is checked, not merely present, for every scheme the operation takes.

Each scheme is checked by generator/mock/credentials.py (API keys in a header, query or cookie,
HTTP bearer and basic, OAuth2 client-credentials tokens this mock issued, OpenID Connect bearer);
a requirement is met when all its schemes are. A scheme with `x-token-exchange` takes only tokens
this mock issued and that have not expired or been revoked. The OAuth2 token endpoint a scheme's
`tokenUrl` names is served here too, before routing (`token_endpoint`). The exchange operation
itself carries its credential in the body (at the extension's `keyPointer`), and it is checked here
too: nothing after this stage, `Prefer` included, ever answers a request whose credential is wrong.
A bad credential gets the vendor's 401.
"""

from __future__ import annotations

import json
import threading
from urllib.parse import parse_qsl

from generator.mock import credentials
from generator.mock.call import Answer, Call
from generator.mock.errors import declared, error_answer, example_body
from generator.mock.tokens import TokenIssuer
from generator.mock.validate import Violation
from generator.spec import pointer as jp
from generator.spec.ir import Api, Operation, SecurityScheme

DEFAULT_API_KEY = "testrelay-test-key"
"""The credential a mock accepts unless told another."""


class Security:
    def __init__(self, api: Api, accepted: credentials.Accepted, token_ttl: float | None) -> None:
        self.api = api
        self.accepted = accepted
        self.api_key = accepted.api_key
        self._token_ttl = token_ttl
        self._token_paths = credentials.token_paths(api)
        """Where the mock serves OAuth2 client-credentials tokens, by path."""
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
        presented = credentials.Presented(call.headers, parse_qsl(call.query, keep_blank_values=True))
        for alternative in op.security:
            if all(self._satisfied(self._schemes.get(key), presented) for key in alternative):
                return None
        return self._unauthorized(op)

    def token_endpoint(self, call: Call) -> Answer | None:
        """A POST on an OAuth2 `tokenUrl` of the spec: RFC 6749's answer, outside the API's own operations."""
        scheme = self._token_paths.get(call.path) if call.method == "POST" else None
        if scheme is None:
            return None
        status, answer = credentials.token_answer(self.accepted, call.headers, call.body, self.issuer(scheme))
        return Answer(status, answer, checked=False, note="oauth token")

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

    def _satisfied(self, scheme: SecurityScheme | None, presented: credentials.Presented) -> bool:
        if scheme is None:
            return True
        if scheme.token_exchange is not None:
            value = presented.headers.get((scheme.param_name or "authorization").lower(), "")
            prefix = scheme.token_exchange.header_prefix + " "
            token = value[len(prefix) :] if value.startswith(prefix) else ""
            return self.issuer(scheme).valid(token)
        issuer = self.issuer(scheme)
        return credentials.satisfied(scheme, self.accepted, presented, issuer.valid)

    def issuer(self, scheme: SecurityScheme) -> TokenIssuer:
        with self._lock:
            issuer = self._issuers.get(scheme.key)
            if issuer is None:
                exchange = scheme.token_exchange
                default = exchange.ttl_seconds if exchange is not None else credentials.DEFAULT_OAUTH_TTL
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
