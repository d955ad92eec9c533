"""Security requirements: several schemes applied together, and the choice among alternatives.

OpenAPI's `security` is a list of alternatives; each alternative (a Security Requirement Object)
names schemes that must all be satisfied at once, OAuth2 ones with the scopes they need. A client
holds one auth per scheme it has credentials for; `Security` picks, per operation, the first
alternative it can satisfy completely (or the one holding the scheme the caller preferred) and
applies all its schemes with `AllOf`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncGenerator, Generator, Mapping, Sequence

import httpx

from generator.runtime._auth import ClientCredentialsAuth, NoAuth
from generator.runtime._errors import MissingCredentialsError

Requirement = tuple[tuple[str, tuple[str, ...]], ...]
"""One Security Requirement Object: (scheme key, scopes) pairs, all to be satisfied together."""


def credential(given: str | None, env: str) -> str | None:
    """An explicit argument, else the environment variable; empty counts as not given."""
    value = given if given is not None else os.environ.get(env)
    return value or None


class AllOf(httpx.Auth):
    """Every part applied to the same request: the schemes of one Security Requirement Object.

    Parts that fetch tokens may send their own requests first; a part that wants the request
    replayed (a 401 on a cached token) gets it replayed once, with every other part applied anew.
    """

    def __init__(self, parts: Sequence[httpx.Auth]) -> None:
        self._parts = tuple(parts)
        self.requires_request_body = any(p.requires_request_body for p in self._parts)
        self.requires_response_body = any(p.requires_response_body for p in self._parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._parts)!r})"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        flows: list[Generator[httpx.Request, httpx.Response, None] | None] = [None] * len(self._parts)
        try:
            for i, part in enumerate(self._parts):
                flows[i] = yield from _drive(part.sync_auth_flow(request), request, None)
            while True:
                response = yield request
                replaying = False
                for i, flow in enumerate(flows):
                    flows[i] = None if flow is None else (yield from _drive(flow, request, response))
                    replaying = replaying or flows[i] is not None
                if not replaying:
                    return
                for i, part in enumerate(self._parts):  # a replay: the other parts apply themselves again
                    if flows[i] is None:
                        flows[i] = yield from _drive(part.sync_auth_flow(request), request, None)
        finally:
            for flow in flows:
                if flow is not None:
                    flow.close()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        # The steps of `sync_auth_flow`, written out: async generators cannot delegate with `yield from`.
        flows: list[AsyncGenerator[httpx.Request, httpx.Response] | None] = [None] * len(self._parts)
        jobs: list[tuple[int, AsyncGenerator[httpx.Request, httpx.Response], httpx.Response | None]] = [
            (i, part.async_auth_flow(request), None) for i, part in enumerate(self._parts)
        ]
        responding = False
        try:
            while True:
                for i, flow, value in jobs:
                    flows[i] = None
                    try:
                        out = await flow.asend(value)  # type: ignore[arg-type]  # None starts a fresh flow
                        while out is not request:
                            out = await flow.asend((yield out))
                        flows[i] = flow
                    except StopAsyncIteration:
                        pass
                if responding:
                    if all(flow is None for flow in flows):
                        return
                    jobs = [
                        (i, self._parts[i].async_auth_flow(request), None) for i, f in enumerate(flows) if f is None
                    ]
                    responding = False
                    continue
                response = yield request
                jobs = [(i, f, response) for i, f in enumerate(flows) if f is not None]
                responding = True
        finally:
            for left in flows:
                if left is not None:
                    await left.aclose()


def _drive(
    flow: Generator[httpx.Request, httpx.Response, None], request: httpx.Request, response: httpx.Response | None
) -> Generator[httpx.Request, httpx.Response, Generator[httpx.Request, httpx.Response, None] | None]:
    """Run one part until it hands back `request` (it is ready: the flow) or ends (None).

    Requests it makes of its own (token fetches) are passed through to the client.
    """
    try:
        out = next(flow) if response is None else flow.send(response)
        while out is not request:
            out = flow.send((yield out))
    except StopIteration:
        return None
    return flow


class Security(httpx.Auth):
    """A client's credentials per scheme, and the choice of alternative for each operation.

    `schemes` maps every scheme key to its auth, or to None when its credentials were not given;
    `hints` say how a caller gives each (`"api_key= or GHOST_API_KEY"`) for the error raised when
    no alternative can be served. `prefer` (a scheme key, from `auth_scheme=`) picks, among the
    alternatives that can be served, one that holds it. As an `httpx.Auth` it serves `default`, the
    spec's global requirements; `select` serves an operation's own.
    """

    def __init__(
        self,
        schemes: Mapping[str, httpx.Auth | None],
        *,
        default: Sequence[Requirement] = (),
        prefer: str | None = None,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        if prefer is not None and prefer not in schemes:
            raise ValueError(f"auth_scheme must be one of {', '.join(sorted(schemes))}, not {prefer!r}")
        self._schemes = dict(schemes)
        self._default = tuple(default)
        self._prefer = prefer
        self._hints = dict(hints or {})
        self._chosen: dict[tuple[Requirement, ...], httpx.Auth] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        given = sorted(key for key, auth in self._schemes.items() if auth is not None)
        return f"{type(self).__name__}(schemes={given!r})"

    def given(self, key: str) -> bool:
        return self._schemes.get(key) is not None

    def select(self, alternatives: Sequence[Requirement]) -> httpx.Auth:
        """The auth for an operation whose `security` is `alternatives`; MissingCredentialsError if none fits."""
        key = tuple(alternatives)
        with self._lock:
            chosen = self._chosen.get(key)
        if chosen is None:
            chosen = self._build(self._choose(key))
            with self._lock:
                self._chosen[key] = chosen
        return chosen

    def check(self, alternatives: Sequence[Requirement] | None = None) -> None:
        """Raise MissingCredentialsError now, rather than at the first call, when `alternatives` cannot be served."""
        self.select(self._default if alternatives is None else alternatives)

    def _choose(self, alternatives: tuple[Requirement, ...]) -> Requirement:
        if not alternatives:
            return ()
        # An empty requirement (anonymous access) is the last resort when credentials were given.
        servable = sorted((req for req in alternatives if all(self.given(k) for k, _ in req)), key=lambda r: not r)
        preferred = [req for req in servable if any(k == self._prefer for k, _ in req)]
        if preferred:
            return preferred[0]
        if self._prefer is not None and any(k == self._prefer for req in alternatives for k, _ in req):
            raise MissingCredentialsError(f"auth_scheme={self._prefer!r} needs {self._needs(self._prefer)}")
        if servable:
            return servable[0]
        ways = [" and ".join(self._needs(k) for k, _ in req if not self.given(k)) for req in alternatives]
        raise MissingCredentialsError("credentials missing: give " + ", or ".join(ways))

    def _needs(self, key: str) -> str:
        return self._hints.get(key, f"the credentials of {key!r}")

    def _build(self, requirement: Requirement) -> httpx.Auth:
        parts: list[httpx.Auth] = []
        for key, scopes in requirement:
            auth = self._schemes[key]
            assert auth is not None
            parts.append(auth.scoped(scopes) if isinstance(auth, ClientCredentialsAuth) and scopes else auth)
        if not parts:
            return NoAuth()
        return parts[0] if len(parts) == 1 else AllOf(parts)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        return self.select(self._default).sync_auth_flow(request)

    def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        return self.select(self._default).async_auth_flow(request)
