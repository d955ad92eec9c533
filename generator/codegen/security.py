"""How a generated client authenticates: its credential arguments, one auth per scheme, and the requirements.

Every scheme the runtime can serve becomes a runtime expression over constructor arguments:
`api_key` for a one-secret scheme (an API key anywhere, a bearer or other `http` token, a token
exchange, a ready OAuth2 or OpenID Connect token), `username`/`password` for basic, and
`client_id`/`client_secret` for OAuth2 client credentials. Schemes that one requirement combines
(Plaid's client id, secret and version) cannot share `api_key`: each gets an argument named after
the scheme. Each argument falls back to `<VENDOR>_<ARGUMENT>`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.spec import names
from generator.spec.build import RESERVED_ARGUMENTS
from generator.spec.ir import Api, Operation, SecurityRequirement, SecurityScheme

Requirement = tuple[tuple[str, tuple[str, ...]], ...]
_CONSTRUCTOR = frozenset({"base_url", "timeout", "max_retries", "http_client", "auth_scheme", "url", "self"})


@dataclass(frozen=True)
class Credential:
    """One constructor argument holding a secret, with its environment variable."""

    python_name: str
    env: str
    doc: str
    kind: str = "api_key"
    """Which of a mock's credentials it takes: api_key, username, password, client_id or client_secret."""


@dataclass(frozen=True)
class SchemeAuth:
    """One scheme the client can serve: the credentials it takes and the runtime auth built from them."""

    key: str
    python_name: str
    """Its name for `auth_scheme=`."""
    credentials: tuple[str, ...]
    runtime_class: str
    """`HeaderAuth`, `ApiKeyAuth`, `BasicAuth`, `ClientCredentialsAuth` or `TokenExchangeAuth`."""
    arguments: tuple[str, ...]
    """The constructor call's arguments, as Python source, credentials by name and `url` for the base URL."""
    hint: str
    """How a caller gives its credentials, for the runtime's error message."""


@dataclass
class SecurityModel:
    credentials: list[Credential] = field(default_factory=list)
    schemes: list[SchemeAuth] = field(default_factory=list)
    """Servable schemes, in the order the spec's requirements name them."""
    default_requirements: tuple[Requirement, ...] = ()
    """The requirements most operations have (the document's `security`), served by the client's auth."""
    selecting: bool = False
    """True when the client needs the runtime's `Security`: combined requirements, several credential kinds,
    or operations whose requirements differ. Otherwise one auth serves every authenticated call."""
    choices: list[str] = field(default_factory=list)
    """`auth_scheme=` values, when there is a choice to make."""

    def scheme(self, key: str) -> SchemeAuth | None:
        return next((s for s in self.schemes if s.key == key), None)

    def requirements_of(self, op: Operation) -> tuple[Requirement, ...]:
        """The operation's requirements over servable schemes; an unservable alternative is dropped."""
        served = {s.key for s in self.schemes}
        found = []
        for req in op.requirements:
            if all(key in served for key, _ in req.schemes):
                found.append(tuple((key, scopes) for key, scopes in req.schemes))
        return tuple(found)

    def endpoint_security(self, op: Operation) -> tuple[Requirement, ...] | None:
        """What an Endpoint says about its security: None when the client's default serves it."""
        if not self.selecting or not op.requirements:
            return None
        own = self.requirements_of(op)
        return None if own == self.default_requirements else own


def security_model(api: Api) -> SecurityModel:
    by_key = {s.key: s for s in api.security_schemes}
    used: list[str] = []
    requirements: list[SecurityRequirement] = [r for op in api.operations for r in op.requirements]
    for req in requirements:
        for key in req.keys:
            if key in by_key and key not in used:
                used.append(key)
    single = [k for k in used if _one_secret(by_key[k])]
    combined = {
        key
        for req in requirements
        for key in req.keys
        if key in single and sum(1 for other in req.keys if other in single) > 1
    }
    model = SecurityModel()
    taken: list[str] = []
    credentials: dict[str, Credential] = {}

    def credential(name: str, doc: str) -> str:
        """The argument for `name`: a kind (`api_key`, `username`...) shared by schemes, or `scheme:<key>`."""
        if name not in credentials:
            scheme_key = name.removeprefix("scheme:")
            python = names.python_name(
                scheme_key, fallback="credential", taken=taken, avoid=RESERVED_ARGUMENTS | _CONSTRUCTOR
            )
            taken.append(python)
            kind = "api_key" if name.startswith("scheme:") else name
            credentials[name] = Credential(python, f"{api.env_prefix}_{python.upper()}", doc, kind)
        return credentials[name].python_name

    for key in used:
        scheme = by_key[key]
        auth = _scheme_auth(scheme, api, key in combined, credential)
        if auth is not None:
            model.schemes.append(auth)
    model.credentials = list(credentials.values())
    ops = [op for op in api.operations if op.requirements]
    model.default_requirements = _most_common([model.requirements_of(op) for op in ops])
    distinct = {model.requirements_of(op) for op in ops}
    model.selecting = (
        bool(combined)
        or len(model.credentials) > 1
        or len(distinct) > 1
        or any(len(req) > 1 for reqs in distinct for req in reqs)
    )
    if len(model.schemes) > 1:
        model.choices = [s.python_name for s in model.schemes]
    return model


def _most_common(values: list[tuple[Requirement, ...]]) -> tuple[Requirement, ...]:
    counts: dict[tuple[Requirement, ...], int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else ()


def _one_secret(scheme: SecurityScheme) -> bool:
    """A scheme served from one secret (`api_key`)."""
    if scheme.kind == "apiKey":
        return True
    if scheme.kind == "http":
        return scheme.scheme not in (None, "basic")
    if scheme.kind == "oauth2":
        return scheme.flow("clientCredentials") is None
    return scheme.kind == "openIdConnect"


def _scheme_auth(
    scheme: SecurityScheme, api: Api, own_argument: bool, credential: Callable[[str, str], str]
) -> SchemeAuth | None:
    name = names.snake_case(scheme.key) or "auth"
    key = scheme.key
    arguments: tuple[str, ...]
    exchange = scheme.token_exchange
    if exchange is not None:
        secret = credential(f"scheme:{key}" if own_argument else "api_key", f"the key traded for a token ({key})")
        path = api.operation(exchange.operation_id).path
        args = [
            secret,
            f"exchange_url=url + {path!r}",
            f"key_pointer={exchange.key_pointer!r}",
            f"token_pointer={exchange.token_pointer!r}",
            f"header_prefix={exchange.header_prefix!r}",
            f"ttl_seconds={exchange.ttl_seconds!r}",
        ]
        if exchange.refresh_buffer_seconds is not None:
            args.append(f"refresh_buffer_seconds={float(exchange.refresh_buffer_seconds)!r}")
        return SchemeAuth(key, name, (secret,), "TokenExchangeAuth", tuple(args), _hint(api, [secret]))
    if scheme.kind == "apiKey" and scheme.param_name and scheme.location in ("header", "query", "cookie"):
        secret = credential(f"scheme:{key}" if own_argument else "api_key", f"the API key ({key})")
        if scheme.location == "header":
            return SchemeAuth(
                key, name, (secret,), "HeaderAuth", (repr(scheme.param_name), secret), _hint(api, [secret])
            )
        arguments = (repr(scheme.param_name), secret, repr(scheme.location))
        return SchemeAuth(key, name, (secret,), "ApiKeyAuth", arguments, _hint(api, [secret]))
    if scheme.kind == "http" and scheme.scheme == "basic":
        user, password = credential("username", "the basic username"), credential("password", "the basic password")
        return SchemeAuth(key, name, (user, password), "BasicAuth", (user, password), _hint(api, [user, password]))
    if scheme.kind == "http" and scheme.scheme:
        secret = credential(f"scheme:{key}" if own_argument else "api_key", f"the {scheme.scheme} token ({key})")
        word = scheme.scheme[:1].upper() + scheme.scheme[1:]
        return SchemeAuth(
            key, name, (secret,), "HeaderAuth", ("'Authorization'", secret, repr(word)), _hint(api, [secret])
        )
    flow = scheme.flow("clientCredentials") if scheme.kind == "oauth2" else None
    if flow is not None and flow.token_url:
        cid, secret = (
            credential("client_id", "the OAuth2 client id"),
            credential("client_secret", "the OAuth2 client secret"),
        )
        arguments = (cid, secret, f"token_url=token_url(url, {flow.token_url!r}, {_server_origin(api)!r})")
        return SchemeAuth(key, name, (cid, secret), "ClientCredentialsAuth", arguments, _hint(api, [cid, secret]))
    if scheme.kind in ("oauth2", "openIdConnect"):
        secret = credential(f"scheme:{key}" if own_argument else "api_key", f"a ready access token ({key})")
        return SchemeAuth(
            key, name, (secret,), "HeaderAuth", ("'Authorization'", secret, "'Bearer'"), _hint(api, [secret])
        )
    return None


def _hint(api: Api, credentials: list[str]) -> str:
    return " and ".join(f"{c}= (or {api.env_prefix}_{c.upper()})" for c in credentials)


def _server_origin(api: Api) -> str:
    """The spec's server origin: a token URL there moves with `base_url` (to a mock, a staging host)."""
    url = api.servers[0].url if api.servers else ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
