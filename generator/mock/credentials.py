"""The mock's check of every standard credential, and its own OAuth2 token endpoint.

A scheme is satisfied only by the exact credential the mock was started with: the API key in the
header, query parameter or cookie the spec names; `<Scheme> <key>` for an `http` scheme; both
halves of HTTP basic, decoded; for OAuth2 client credentials, a bearer token this mock issued and
that has not expired. A requirement object is satisfied when all its schemes are, so a request
missing any part of a combined requirement is refused.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, unquote_plus, urlsplit

from generator.mock.tokens import TokenIssuer
from generator.spec.ir import Api, SecurityScheme

DEFAULT_USERNAME = "testrelay"
DEFAULT_CLIENT_ID = "testrelay-client"
DEFAULT_OAUTH_TTL = 3600.0


@dataclass(frozen=True)
class Accepted:
    """The credentials a mock accepts: one key for every one-secret scheme, a basic pair, an OAuth2 client."""

    api_key: str
    username: str = DEFAULT_USERNAME
    password: str | None = None
    """None: the API key."""
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str | None = None
    """None: the API key."""

    @property
    def basic_password(self) -> str:
        return self.password if self.password is not None else self.api_key

    @property
    def oauth_secret(self) -> str:
        return self.client_secret if self.client_secret is not None else self.api_key


@dataclass(frozen=True)
class Presented:
    """What a request carries that a scheme may read: headers (lower-case names), query pairs, cookies."""

    headers: Mapping[str, str]
    query: list[tuple[str, str]]

    @property
    def cookies(self) -> dict[str, str]:
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("cookie", ""))
        except CookieError:
            return {}
        return {name: morsel.value for name, morsel in cookie.items()}


def satisfied(
    scheme: SecurityScheme, accepted: Accepted, presented: Presented, oauth_valid: Callable[[str], bool]
) -> bool:
    """Whether the request carries this scheme's credential, exactly (token exchanges are checked by the app)."""
    authorization = presented.headers.get("authorization", "")
    if scheme.kind == "apiKey" and scheme.param_name:
        if scheme.location == "header":
            return presented.headers.get(scheme.param_name.lower()) == accepted.api_key
        if scheme.location == "query":
            values = [value for name, value in presented.query if name == scheme.param_name]
            return values == [accepted.api_key]
        if scheme.location == "cookie":
            return presented.cookies.get(scheme.param_name) == accepted.api_key
        return False
    if scheme.kind == "http" and scheme.scheme == "basic":
        return basic_pair(authorization) == (accepted.username, accepted.basic_password)
    if scheme.kind == "http" and scheme.scheme:
        word, _, token = authorization.partition(" ")
        return word.lower() == scheme.scheme.lower() and token == accepted.api_key
    if scheme.kind == "oauth2" and scheme.flow("clientCredentials") is not None:
        word, _, token = authorization.partition(" ")
        return word.lower() == "bearer" and oauth_valid(token)
    if scheme.kind in ("oauth2", "openIdConnect"):
        word, _, token = authorization.partition(" ")
        return word.lower() == "bearer" and token == accepted.api_key
    return True  # mutualTLS and the like: nothing a mock over plain HTTP could check


def basic_pair(authorization: str) -> tuple[str, str] | None:
    """(username, password) of an `Authorization: Basic ...` header, or None when it is not one."""
    word, _, encoded = authorization.partition(" ")
    if word.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, colon, password = decoded.partition(":")
    return (user, password) if colon else None


def token_paths(api: Api) -> dict[str, SecurityScheme]:
    """The paths the mock serves OAuth2 client-credentials tokens at: each scheme's `tokenUrl` path."""
    paths: dict[str, SecurityScheme] = {}
    for scheme in api.security_schemes:
        flow = scheme.flow("clientCredentials") if scheme.kind == "oauth2" else None
        if flow is not None and flow.token_url:
            path = urlsplit(flow.token_url).path
            if not flow.token_url.startswith(("http://", "https://", "/")):
                path = api.base_path + "/" + path
            paths.setdefault(path or "/", scheme)
    return paths


def token_answer(
    accepted: Accepted, headers: Mapping[str, str], body: bytes, issuer: TokenIssuer
) -> tuple[int, dict[str, object]]:
    """RFC 6749 §4.4 and §5: a bearer token for the mock's client, or the standard error."""
    form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
    pair = basic_pair(headers.get("authorization", ""))
    if pair is not None:
        client = (unquote_plus(pair[0]), unquote_plus(pair[1]))
    else:
        client = (form.get("client_id", ""), form.get("client_secret", ""))
    if form.get("grant_type") != "client_credentials":
        return 400, {"error": "unsupported_grant_type", "error_description": "only client_credentials is served"}
    if client != (accepted.client_id, accepted.oauth_secret):
        return 401, {"error": "invalid_client", "error_description": "unknown client or wrong secret"}
    answer: dict[str, object] = {
        "access_token": issuer.issue(),
        "token_type": "Bearer",
        "expires_in": int(issuer.ttl) if float(issuer.ttl).is_integer() else issuer.ttl,
    }
    if form.get("scope"):
        answer["scope"] = form["scope"]
    return 200, answer
