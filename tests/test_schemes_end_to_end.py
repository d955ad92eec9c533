"""One inline spec per security scheme and per paging style: generated, imported, run against its mock.

Each spec is generated into a temporary package, imported, and its client talks HTTP to a mock built
from the same spec on 127.0.0.1. A right credential gets the example back; a wrong or missing part
of it raises the auth error; every paging style walks all of a seeded list across several pages; a
run whose status is a boolean, null until it ends, is triggered and waited for.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.codegen.render import generate
from generator.mock.server import MockServer, run_mock
from generator.runtime import AuthenticationError, MissingCredentialsError, RunFailedError, TokenExchangeError

RUN = "{id: r1, name: nightly}"

SCHEMES: dict[str, tuple[str, str]] = {
    # name: (securitySchemes entry, security requirement list)
    "header_key": ("Key: {type: apiKey, in: header, name: X-Api-Token}", "[{Key: []}]"),
    "query_key": ("Key: {type: apiKey, in: query, name: apiKey}", "[{Key: []}]"),
    "cookie_key": ("Key: {type: apiKey, in: cookie, name: session}", "[{Key: []}]"),
    "basic": ("Basic: {type: http, scheme: basic}", "[{Basic: []}]"),
    "bearer": ("Bearer: {type: http, scheme: bearer}", "[{Bearer: []}]"),
    "token_scheme": ("Token: {type: http, scheme: token}", "[{Token: []}]"),
    "oauth": (
        "OAuth:\n  type: oauth2\n  flows:\n    clientCredentials:\n      tokenUrl: /oauth/token\n"
        "      scopes: {runs:read: Read runs}",
        "[{OAuth: [runs:read]}]",
    ),
    "combined": (
        "ClientId: {type: apiKey, in: header, name: X-Client-Id}\nSecret: {type: apiKey, in: query, name: secret}",
        "[{ClientId: [], Secret: []}]",
    ),
    "alternatives": (
        "Basic: {type: http, scheme: basic}\nBearer: {type: http, scheme: bearer}",
        "[{Basic: []}, {Bearer: []}]",
    ),
}


def scheme_spec(schemes: str, security: str) -> str:
    return f"""\
openapi: 3.1.0
info: {{title: Schemes, version: "1"}}
servers: [{{url: "https://api.example.test/v1"}}]
security: {security}
paths:
  /runs/{{id}}:
    get:
      operationId: getRun
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string}}, example: r1}}
      responses:
        "200":
          description: The run
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Run"}}
              examples:
                run: {{value: {RUN}}}
        "401":
          description: Refused
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Error"}}
              examples:
                refused: {{value: {{message: Invalid credentials}}}}
components:
  securitySchemes:
{textwrap.indent(schemes, "    ")}
  schemas:
    Run:
      type: object
      required: [id]
      properties: {{id: {{type: string}}, name: {{type: string}}}}
    Error:
      type: object
      properties: {{message: {{type: string}}}}
"""


PAGING: dict[str, tuple[str, str, str]] = {
    # name: (query parameters, 200 schema, x-pagination)
    "offset": (
        "- {name: offset, in: query, schema: {type: integer, minimum: 0}}\n"
        "- {name: limit, in: query, schema: {type: integer, minimum: 1, default: 3}}",
        "type: object\nproperties:\n  items: {type: array, items: {$ref: '#/components/schemas/Run'}}\n"
        "  total: {type: integer}",
        "{style: offset, offsetParameter: offset, limitParameter: limit, itemsPointer: /items}",
    ),
    "cursor": (
        "- {name: cursor, in: query, schema: {type: string}}",
        "type: object\nproperties:\n  items: {type: array, items: {$ref: '#/components/schemas/Run'}}\n"
        "  next: {type: string}",
        "{style: cursor, cursorParameter: cursor, cursorPointer: /next, itemsPointer: /items}",
    ),
    "next_url": (
        "[]",
        "type: object\nproperties:\n  items: {type: array, items: {$ref: '#/components/schemas/Run'}}\n"
        "  links: {type: object, properties: {next: {type: string, format: uri}}}",
        "{style: next-url, nextUrlPointer: /links/next, itemsPointer: /items}",
    ),
    "link_header": (
        "[]",
        "type: array\nitems: {$ref: '#/components/schemas/Run'}",
        '{style: link-header, itemsPointer: ""}',
    ),
}

PAGE_EXAMPLES = {
    "offset": "{items: [{id: r1}, {id: r2}, {id: r3}], total: 3}",
    "cursor": "{items: [{id: r1}, {id: r2}, {id: r3}]}",
    "next_url": "{items: [{id: r1}, {id: r2}, {id: r3}], links: {}}",
    "link_header": "[{id: r1}, {id: r2}, {id: r3}]",
}


def paging_spec(style: str) -> str:
    params, schema, extension = PAGING[style]
    return f"""\
openapi: 3.1.0
info: {{title: Pages, version: "1"}}
servers: [{{url: "https://api.example.test/v1"}}]
security: [{{Key: []}}]
paths:
  /runs:
    get:
      operationId: listRuns
      parameters:
{textwrap.indent(params, "        ")}
      responses:
        "200":
          description: A page
          content:
            application/json:
              schema:
{textwrap.indent(schema, "                ")}
              examples:
                page: {{value: {PAGE_EXAMPLES[style]}}}
      x-pagination: {extension}
  /runs/start:
    post:
      operationId: startRun
      responses:
        "202":
          description: Started
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Run"}}
              examples:
                started: {{value: {{id: r1, passing: null}}}}
          links:
            GetRun: {{operationId: getRun, parameters: {{id: $response.body#/id}}}}
  /runs/{{id}}:
    get:
      operationId: getRun
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string}}, example: r1}}
      responses:
        "200":
          description: The run; `passing` is null until it ends
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/Run"}}
              examples:
                running: {{value: {{id: r1, passing: null}}}}
                passed: {{value: {{id: r1, passing: true}}}}
      x-polling:
        statusPointer: /passing
        pending: [null]
        success: [true]
        failure: [false]
        intervalSeconds: 5
        timeoutSeconds: 60
components:
  securitySchemes:
    Key: {{type: apiKey, in: query, name: apiKey}}
  schemas:
    Run:
      type: object
      required: [id]
      properties: {{id: {{type: string}}, passing: {{type: [boolean, "null"]}}}}
"""


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Any, Path]]]:
    """Every inline spec generated in one run and imported: name -> (package, spec path)."""
    root = tmp_path_factory.mktemp("schemes")
    specs: dict[str, Path] = {}
    for name, (schemes, security) in SCHEMES.items():
        specs[f"scheme_{name}"] = root / f"scheme_{name}.yaml"
        specs[f"scheme_{name}"].write_text(scheme_spec(schemes, security), encoding="utf-8")
    for style in PAGING:
        specs[f"paging_{style}"] = root / f"paging_{style}.yaml"
        specs[f"paging_{style}"].write_text(paging_spec(style), encoding="utf-8")
    out = root / "out"
    outcome = generate([(path, path.name) for path in specs.values()], out, check_only=False)
    assert outcome.problems == [], outcome.problems
    sys.path.insert(0, str(out))
    try:
        yield {name: (importlib.import_module(name), path) for name, path in specs.items()}
    finally:
        sys.path.remove(str(out))
        for name in specs:
            sys.modules.pop(name, None)
            for module in [m for m in sys.modules if m.startswith(name + ".")]:
                sys.modules.pop(module)


def client_class(package: Any, flavor: str = "sync") -> Any:
    """`<Package>Client` or `Async<Package>Client`: the class names come from the spec's file name."""
    names = [n for n in package.__all__ if n.endswith("Client") and n.startswith("Async") == (flavor == "async")]
    assert len(names) == 1, names
    return getattr(package, names[0])


def client_of(package: Any, mock: MockServer, flavor: str = "sync", **credentials: Any) -> Any:
    return client_class(package, flavor)(base_url=mock.base_url, **credentials)


def right(name: str, mock: MockServer) -> dict[str, str]:
    """The credentials the mock accepts, as the scheme's client takes them."""
    if name in ("basic", "alternatives"):
        return {"username": mock.credential("username"), "password": mock.credential("password")}
    if name == "oauth":
        return {"client_id": mock.credential("client_id"), "client_secret": mock.credential("client_secret")}
    if name == "combined":
        return {"client_id": mock.api_key, "secret": mock.api_key}
    return {"api_key": mock.api_key}


def get_run(package: Any, mock: MockServer, flavor: str, **credentials: Any) -> Any:
    if flavor == "sync":
        with client_of(package, mock, **credentials) as client:
            return client.get_run(id="r1")

    async def run() -> Any:
        async with client_of(package, mock, "async", **credentials) as client:
            return await client.get_run(id="r1")

    return asyncio.run(run())


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize("name", list(SCHEMES))
def test_each_scheme_is_sent_and_checked_for_real(
    packages: dict[str, tuple[Any, Path]], name: str, flavor: str
) -> None:
    package, spec = packages[f"scheme_{name}"]
    with run_mock(str(spec)) as mock:
        credentials = right(name, mock)
        assert get_run(package, mock, flavor, **credentials).name == "nightly"
        for part in credentials:
            wrong = {**credentials, part: "not-the-test-value"}
            error = TokenExchangeError if name == "oauth" else AuthenticationError
            with pytest.raises(error):
                get_run(package, mock, flavor, **wrong)
        seen = [e for e in mock.journal.entries if e.path == "/v1/runs/r1"]
        assert all(mock.api_key not in e.query + str(e.headers) for e in seen)


def test_a_query_key_and_a_basic_pair_travel_as_the_spec_says(packages: dict[str, tuple[Any, Path]]) -> None:
    query, query_spec = packages["scheme_query_key"]
    with run_mock(str(query_spec)) as mock:
        get_run(query, mock, "sync", api_key=mock.api_key)
        assert (
            mock.journal.entries[-1].query == "apiKey=%3Credacted%3E"
            or "apiKey=<redacted>" in mock.journal.entries[-1].query
        )
        response = httpx.get(f"{mock.base_url}/runs/r1", headers={"X-Api-Token": mock.api_key})
        assert response.status_code == 401 and response.json() == {"message": "Invalid credentials"}
    _basic, basic_spec = packages["scheme_basic"]
    with run_mock(str(basic_spec)) as mock:
        raw = base64.b64encode(mock.api_key.encode()).decode()  # the key alone is not a basic pair
        assert httpx.get(f"{mock.base_url}/runs/r1", headers={"Authorization": f"Basic {raw}"}).status_code == 401
        pair = base64.b64encode(f"{mock.credential('username')}:{mock.credential('password')}".encode()).decode()
        assert httpx.get(f"{mock.base_url}/runs/r1", headers={"Authorization": f"Basic {pair}"}).status_code == 200


def test_a_combined_requirement_refuses_a_request_missing_a_part(packages: dict[str, tuple[Any, Path]]) -> None:
    package, spec = packages["scheme_combined"]
    with run_mock(str(spec)) as mock:
        only_header = httpx.get(f"{mock.base_url}/runs/r1", headers={"X-Client-Id": mock.api_key})
        only_query = httpx.get(f"{mock.base_url}/runs/r1", params={"secret": mock.api_key})
        assert (only_header.status_code, only_query.status_code) == (401, 401)
        with pytest.raises(MissingCredentialsError, match=r"secret= \(or SCHEME_COMBINED_SECRET\)"):
            client_of(package, mock, client_id=mock.api_key)


def test_alternatives_are_picked_by_the_credentials_given(packages: dict[str, tuple[Any, Path]]) -> None:
    package, spec = packages["scheme_alternatives"]
    with run_mock(str(spec)) as mock:
        assert get_run(package, mock, "sync", api_key=mock.api_key).name == "nightly"
        assert mock.journal.entries[-1].headers["authorization"] == "Bearer <redacted>"
        both = {**right("alternatives", mock), "api_key": mock.api_key}
        get_run(package, mock, "sync", **both, auth_scheme="bearer")
        assert mock.journal.entries[-1].headers["authorization"] == "Bearer <redacted>"
        get_run(package, mock, "sync", **both)
        assert mock.journal.entries[-1].headers["authorization"].startswith("Basic ")


def test_oauth_tokens_come_from_the_mocks_token_endpoint_and_are_reused(
    packages: dict[str, tuple[Any, Path]],
) -> None:
    package, spec = packages["scheme_oauth"]
    with run_mock(str(spec)) as mock, client_of(package, mock, **right("oauth", mock)) as client:
        for _ in range(3):
            client.get_run(id="r1")
        tokens = [e for e in mock.journal.entries if e.path == "/oauth/token"]
        assert len(tokens) == 1
        assert "grant_type=client_credentials" in tokens[0].body and "runs%3Aread" in tokens[0].body
        forged = httpx.get(f"{mock.base_url}/runs/r1", headers={"Authorization": "Bearer made-up"})
        assert forged.status_code == 401


@pytest.mark.parametrize("flavor", ["sync", "async"])
@pytest.mark.parametrize("style", list(PAGING))
def test_each_paging_style_walks_a_seeded_list(packages: dict[str, tuple[Any, Path]], style: str, flavor: str) -> None:
    package, spec = packages[f"paging_{style}"]
    with run_mock(str(spec)) as mock:
        headers = {"X-Testrelay-Items": "10"}
        if flavor == "sync":
            with client_class(package)(api_key=mock.api_key, base_url=mock.base_url) as client:
                runs = list(client.iter_list_runs(extra_headers=headers))
        else:

            async def walk() -> list[Any]:
                async with client_class(package, "async")(api_key=mock.api_key, base_url=mock.base_url) as client:
                    return [run async for run in client.iter_list_runs(extra_headers=headers)]

            runs = asyncio.run(walk())
        pages = [e for e in mock.journal.entries if e.path == "/v1/runs"]
    assert len(runs) == 10
    assert len({run.id for run in runs}) == 10
    assert len(pages) == 4  # 3 a page: 3 + 3 + 3 + 1
    assert all("apiKey=%3Credacted%3E" in e.query or "apiKey=<redacted>" in e.query for e in pages)


@pytest.mark.parametrize(("outcome", "passing"), [("success", True), ("failure", False)])
def test_a_boolean_status_null_while_running_is_triggered_and_waited_for(
    packages: dict[str, tuple[Any, Path]], outcome: str, passing: bool
) -> None:
    package, spec = packages["paging_offset"]
    with run_mock(str(spec)) as mock, client_class(package)(api_key=mock.api_key, base_url=mock.base_url) as client:
        updates: list[Any] = []
        final = client.start_run_and_wait(
            poll_interval=0.01,
            on_update=lambda run: updates.append(run.passing),
            extra_headers={"X-Testrelay-Outcome": outcome, "X-Testrelay-Reads": "3"},
        )
        assert final.passing is passing
        assert updates == [None, None, passing]
        if not passing:
            with pytest.raises(RunFailedError):
                client.start_run_and_wait(
                    poll_interval=0.01, raise_on_failure=True, extra_headers={"X-Testrelay-Outcome": outcome}
                )
