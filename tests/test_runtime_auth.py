"""Every standard way a credential travels, combined requirements and the choice among alternatives.

The runtime's auth classes drive a `SyncAPIClient` or `AsyncAPIClient` over httpx.MockTransport; the
fake servers check credentials the way the real ones would (basic decoded, tokens expiring on a
fake clock), so each test fails if a credential is sent wrong, late or twice.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, unquote_plus

import httpx
import pytest

from generator.runtime import (
    AllOf,
    ApiKeyAuth,
    AsyncAPIClient,
    AuthenticationError,
    BasicAuth,
    Call,
    ClientCredentialsAuth,
    Endpoint,
    MissingCredentialsError,
    NoAuth,
    Requirement,
    Security,
    SyncAPIClient,
    TokenExchangeError,
    credential,
    redact_url,
    scheme_auth,
)

Handler = Callable[[httpx.Request], httpx.Response]
SECRET = "SECRET-CANARY-91c2"
BASE = "https://api.example.test/v1"
GET: Endpoint[Any] = Endpoint("GET", "/runs", success=dict)


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def call(flavor: str, handler: Handler, auth: httpx.Auth, endpoint: Endpoint[Any] = GET, **call: Any) -> Any:
    """One call through the runtime's client core, sync or async, with no retries."""
    if flavor == "sync":
        with SyncAPIClient(
            base_url=BASE,
            auth=auth,
            timeout=5,
            max_retries=0,
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        ) as client:
            return client._call(endpoint, Call(**call))

    async def run() -> Any:
        async with AsyncAPIClient(
            base_url=BASE,
            auth=auth,
            timeout=5,
            max_retries=0,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        ) as client:
            return await client._call(endpoint, Call(**call))

    return asyncio.run(run())


def snapshot(request: httpx.Request) -> httpx.Request:
    """The request as it was on the wire: auth may restore the object afterwards (a query key is taken out)."""
    return httpx.Request(request.method, request.url, headers=request.headers, content=request.content)


def recording(status: int = 200) -> tuple[Handler, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        return httpx.Response(status, json={"ok": True, "message": "nope"})

    return handler, seen


# -- apiKey in a header, the query or a cookie --------------------------------------------------------


def test_an_api_key_goes_in_the_header_the_spec_names(flavor: str) -> None:
    handler, seen = recording()
    call(flavor, handler, ApiKeyAuth("X-Api-Token", SECRET, "header"))
    assert seen[0].headers["X-Api-Token"] == SECRET
    assert "authorization" not in seen[0].headers


def test_a_query_key_is_on_the_wire_and_nowhere_after(flavor: str) -> None:
    originals: list[httpx.Request] = []
    handler, seen = recording()

    def keep(request: httpx.Request) -> httpx.Response:
        originals.append(request)
        return handler(request)

    auth = ApiKeyAuth("apiKey", SECRET, "query")
    call(flavor, keep, auth, query=[("count", "10"), ("apiKey", "from-the-caller"), ("q", "a b,c")])
    wire = seen[0].url
    assert parse_qs(wire.query.decode()) == {"count": ["10"], "apiKey": [SECRET], "q": ["a b,c"]}
    assert wire.query.decode() == f"count=10&q=a%20b,c&apiKey={SECRET}"  # the others keep their encoding
    assert SECRET not in str(originals[0].url)  # the request object is given back without the key
    assert SECRET not in repr(auth)


def test_a_query_key_is_redacted_from_logs_and_errors(flavor: str, caplog: pytest.LogCaptureFixture) -> None:
    handler, _ = recording(status=401)
    auth = ApiKeyAuth("api_key", SECRET, "query")
    with caplog.at_level(logging.DEBUG), pytest.raises(AuthenticationError) as info:
        call(flavor, handler, auth, query=[("page", "2")])
    logged = [r.getMessage() for r in caplog.records]
    assert any("HTTP Request: GET" in line and "api_key=%3Credacted%3E" in line for line in logged), logged
    request = info.value.request
    assert request is not None
    exposed = [*logged, str(info.value), repr(info.value), repr(request), str(request.url)]
    exposed.append(str(info.value.response.request.url))
    assert [text for text in exposed if SECRET in text] == []
    assert str(request.url) == f"{BASE}/runs?page=2"


def test_redact_url_replaces_only_registered_parameters() -> None:
    ApiKeyAuth("token_q", SECRET, "query")
    url = redact_url(f"https://h.test/x?a=1&token_q={SECRET}&b=2")
    assert str(url) == "https://h.test/x?a=1&token_q=%3Credacted%3E&b=2"
    assert str(redact_url("https://h.test/x?a=1")) == "https://h.test/x?a=1"


def test_a_cookie_key_joins_the_cookies_already_there(flavor: str) -> None:
    handler, seen = recording()
    call(flavor, handler, ApiKeyAuth("session", SECRET, "cookie"), headers={"Cookie": "theme=dark; session=old"})
    assert seen[0].headers["Cookie"] == f"theme=dark; session={SECRET}"


def test_an_api_key_location_is_checked() -> None:
    with pytest.raises(ValueError, match="header, a query parameter or a cookie"):
        ApiKeyAuth("k", "v", "body")  # type: ignore[arg-type]


# -- http schemes ------------------------------------------------------------------------------------


def test_basic_sends_base64_of_username_colon_password(flavor: str) -> None:
    handler, seen = recording()
    auth = BasicAuth("key", "s3cr:et ü")
    call(flavor, handler, auth)
    scheme, _, encoded = seen[0].headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    assert base64.b64decode(encoded).decode() == "key:s3cr:et ü"
    assert "s3cr" not in repr(auth) and "key" not in repr(auth).replace("BasicAuth", "")


@pytest.mark.parametrize(("scheme", "word"), [("bearer", "Bearer"), ("Token", "Token"), ("DIGEST", "Digest")])
def test_any_http_scheme_is_sent_as_its_word_and_the_token(flavor: str, scheme: str, word: str) -> None:
    handler, seen = recording()
    call(flavor, handler, scheme_auth(scheme, SECRET))
    assert seen[0].headers["Authorization"] == f"{word} {SECRET}"


# -- OAuth2 client credentials -------------------------------------------------------------------------


class TokenServer:
    """An OAuth2 server: client credentials in basic or in the form, tokens per scope expiring on a clock."""

    def __init__(self, clock: Clock, *, expires_in: int | None = 60, client_auth: str = "basic") -> None:
        self.clock = clock
        self.expires_in = expires_in
        self.client_auth = client_auth
        self.issued: dict[str, tuple[float, str]] = {}
        self.fetches: list[str] = []
        self.lock = threading.Lock()
        self.delay = 0.0
        self.api_calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return self.token(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        expiry, scope = self.issued.get(token, (0.0, ""))
        if expiry <= self.clock.now:
            return httpx.Response(401, json={"error": "invalid_token"})
        with self.lock:
            self.api_calls += 1
        return httpx.Response(200, json={"scope": scope})

    def token(self, request: httpx.Request) -> httpx.Response:
        time.sleep(self.delay)
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if self.client_auth == "basic":
            encoded = base64.b64decode(request.headers["Authorization"].split()[1]).decode()
            user, password = (unquote_plus(half) for half in encoded.split(":"))  # RFC 6749 2.3.1
        else:
            assert "authorization" not in request.headers
            user, password = form.get("client_id", ""), form.get("client_secret", "")
        if form.get("grant_type") != "client_credentials" or (user, password) != ("cid", "c+s: ecret"):
            return httpx.Response(401, json={"error": "invalid_client", "error_description": "Bad client."})
        with self.lock:
            token = f"tok-{len(self.fetches) + 1}"
            self.fetches.append(form.get("scope", ""))
            ttl = self.expires_in if self.expires_in is not None else 10_000
            self.issued[token] = (self.clock.now + ttl, form.get("scope", ""))
        body: dict[str, Any] = {"access_token": token, "token_type": "bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)


def client_credentials(clock: Clock, **kwargs: Any) -> ClientCredentialsAuth:
    return ClientCredentialsAuth(
        "cid", "c+s: ecret", token_url="https://api.example.test/oauth/token", clock=clock, **kwargs
    )


def test_client_credentials_fetch_once_then_renew_before_expiry(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock, expires_in=60)
    auth = client_credentials(clock, scopes=["runs:write", "runs:read"])
    for _ in range(3):
        assert call(flavor, server, auth) == {"scope": "runs:read runs:write"}
    assert server.fetches == ["runs:read runs:write"]
    clock.now += 31  # past 60 - min(30, 60 / 2): renewed before the server would refuse it
    call(flavor, server, auth)
    assert len(server.fetches) == 2
    assert auth.exchanges == 2


def test_client_credentials_in_the_form_and_without_expires_in(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock, expires_in=None, client_auth="body")
    auth = client_credentials(clock, client_auth="body", default_ttl_seconds=100)
    call(flavor, server, auth)
    clock.now += 60
    call(flavor, server, auth)
    assert server.fetches == [""]
    clock.now += 30  # 90 s: within the default lifetime's last 30 s
    call(flavor, server, auth)
    assert len(server.fetches) == 2


def test_a_401_drops_the_token_and_replays_once(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock)
    auth = client_credentials(clock)
    call(flavor, server, auth)
    server.issued.clear()  # the server forgets its tokens
    call(flavor, server, auth)
    assert len(server.fetches) == 2
    server.expires_in = 0  # every new token is dead on arrival: one replay, then the error
    server.issued.clear()
    with pytest.raises(AuthenticationError):
        call(flavor, server, auth)
    assert len(server.fetches) == 3


def test_a_refused_client_raises_a_typed_error_naming_no_secret(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock)
    auth = ClientCredentialsAuth("cid", SECRET, token_url="https://api.example.test/oauth/token", clock=clock)
    with pytest.raises(TokenExchangeError) as info:
        call(flavor, server, auth)
    assert str(info.value) == "client credentials token request refused: 401 Unauthorized: invalid_client"
    assert SECRET not in repr(info.value) + repr(auth) + str(info.value.body)


def test_each_set_of_scopes_has_its_own_token_and_views_share_them(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock)
    auth = client_credentials(clock)
    reader, writer = auth.scoped(["read"]), auth.scoped(["write", "read"])
    assert call(flavor, server, reader) == {"scope": "read"}
    assert call(flavor, server, writer) == {"scope": "read write"}
    assert call(flavor, server, auth.scoped(["read"])) == {"scope": "read"}
    assert server.fetches == ["read", "read write"]
    assert "c+s" not in repr(writer)


def test_one_token_fetch_for_8_threads_and_8_tasks() -> None:
    clock = Clock()
    server = TokenServer(clock)
    server.delay = 0.05
    auth = client_credentials(clock)
    statuses: list[int] = []
    barrier = threading.Barrier(9)
    sync_client = httpx.Client(transport=httpx.MockTransport(server), auth=auth)

    def in_thread() -> None:
        barrier.wait()
        statuses.append(sync_client.get(f"{BASE}/runs").status_code)

    async def in_tasks() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(server), auth=auth) as client:
            barrier.wait()
            responses = await asyncio.gather(*(client.get(f"{BASE}/runs") for _ in range(8)))
        statuses.extend(r.status_code for r in responses)

    threads = [threading.Thread(target=in_thread) for _ in range(8)]
    threads.append(threading.Thread(target=lambda: asyncio.run(in_tasks())))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 16
    assert server.fetches == [""]


# -- combined requirements ---------------------------------------------------------------------------


def test_all_schemes_of_a_requirement_are_sent_together(flavor: str) -> None:
    handler, seen = recording()
    auth = AllOf([ApiKeyAuth("PLAID-CLIENT-ID", "cid"), ApiKeyAuth("PLAID-SECRET", SECRET), BasicAuth("u", "p")])
    call(flavor, handler, auth)
    headers = seen[0].headers
    assert (headers["PLAID-CLIENT-ID"], headers["PLAID-SECRET"]) == ("cid", SECRET)
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"u:p").decode()


def test_a_token_and_a_query_key_together_survive_a_replay(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/oauth/token":
            seen.append(snapshot(request))
            if request.url.params.get("project") != "p-1":
                return httpx.Response(403, json={"message": "no project"})
        return server(request)

    auth = AllOf([client_credentials(clock), ApiKeyAuth("project", "p-1", "query"), ApiKeyAuth("X-Locale", "fr")])
    call(flavor, handler, auth)
    server.issued.clear()  # the cached token is refused once: the request is replayed with all its parts
    call(flavor, handler, auth)
    assert [r.headers["Authorization"] for r in seen] == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]
    assert [r.url.params.get_list("project") for r in seen] == [["p-1"]] * 3
    assert [r.headers["X-Locale"] for r in seen] == ["fr"] * 3
    assert len(server.fetches) == 2


# -- alternatives -----------------------------------------------------------------------------------

BEARER_OR_KEY: tuple[Requirement, ...] = ((("bearer", ()),), (("key", ()),))
PAIR_OR_TOKEN: tuple[Requirement, ...] = ((("clientId", ()), ("secret", ())), (("oauth", ("read",)),))


def test_the_first_alternative_whose_credentials_were_given_is_used(flavor: str) -> None:
    handler, seen = recording()
    security = Security({"bearer": None, "key": ApiKeyAuth("X-API-Key", SECRET)}, default=BEARER_OR_KEY)
    call(flavor, handler, security)
    assert seen[0].headers["X-API-Key"] == SECRET and "authorization" not in seen[0].headers


def test_auth_scheme_picks_an_alternative_among_the_given_ones(flavor: str) -> None:
    handler, seen = recording()
    schemes: dict[str, httpx.Auth | None] = {"bearer": scheme_auth("bearer", SECRET), "key": ApiKeyAuth("K", SECRET)}
    call(flavor, handler, Security(schemes, default=BEARER_OR_KEY))
    call(flavor, handler, Security(schemes, default=BEARER_OR_KEY, prefer="key"))
    assert [("authorization" in r.headers, "k" in r.headers) for r in seen] == [(True, False), (False, True)]


def test_a_combined_requirement_needs_every_part(flavor: str) -> None:
    handler, seen = recording()
    hints = {"clientId": "client_id= or PLAID_CLIENT_ID", "secret": "secret= or PLAID_SECRET", "oauth": "a token"}
    partial = Security(
        {"clientId": ApiKeyAuth("C", "c"), "secret": None, "oauth": None}, default=PAIR_OR_TOKEN, hints=hints
    )
    with pytest.raises(MissingCredentialsError) as info:
        call(flavor, handler, partial)
    assert str(info.value) == "credentials missing: give secret= or PLAID_SECRET, or a token"
    assert seen == []
    whole = Security(
        {"clientId": ApiKeyAuth("C", "c"), "secret": ApiKeyAuth("S", SECRET), "oauth": None}, default=PAIR_OR_TOKEN
    )
    call(flavor, handler, whole)
    assert (seen[0].headers["C"], seen[0].headers["S"]) == ("c", SECRET)


def test_an_operation_gets_its_own_requirement_and_scopes(flavor: str) -> None:
    clock = Clock()
    server = TokenServer(clock)
    security = Security({"oauth": client_credentials(clock)}, default=((("oauth", ("read",)),),))
    write: Endpoint[Any] = Endpoint("POST", "/runs", success=dict, security=((("oauth", ("write", "read")),),))
    public: Endpoint[Any] = Endpoint("GET", "/status", success=dict, security=((),))
    assert call(flavor, server, security) == {"scope": "read"}
    assert call(flavor, server, security, write) == {"scope": "read write"}
    handler, seen = recording()
    call(flavor, handler, security, public)
    assert "authorization" not in seen[0].headers
    assert server.fetches == ["read", "read write"]


def test_a_preferred_scheme_without_credentials_is_an_error() -> None:
    security = Security({"bearer": None, "key": ApiKeyAuth("K", "v")}, prefer="bearer", hints={"bearer": "api_key="})
    with pytest.raises(MissingCredentialsError, match=r"^auth_scheme='bearer' needs api_key=$"):
        security.check(BEARER_OR_KEY)
    with pytest.raises(ValueError, match="auth_scheme must be one of bearer, key"):
        Security({"bearer": None, "key": None}, prefer="nope")


def test_anonymous_access_is_the_last_resort() -> None:
    key = ApiKeyAuth("K", "v")
    assert Security({"key": key}).select(((), (("key", ()),))) is key
    assert isinstance(Security({"key": None}).select(((), (("key", ()),))), NoAuth)
    assert isinstance(Security({"key": None}).select(()), NoAuth)
    assert SECRET not in repr(Security({"key": ApiKeyAuth("K", SECRET)}))


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.setenv("ACME_USERNAME", "from-env")
    monkeypatch.setenv("ACME_EMPTY", "")
    yield monkeypatch


def test_an_explicit_credential_beats_the_environment(env: pytest.MonkeyPatch) -> None:
    assert credential("given", "ACME_USERNAME") == "given"
    assert credential(None, "ACME_USERNAME") == "from-env"
    assert credential(None, "ACME_EMPTY") is None
    assert credential(None, "ACME_UNSET") is None
