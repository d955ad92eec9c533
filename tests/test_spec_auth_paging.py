"""Security schemes, combined requirements, the new paging styles and polling values: checked and in the IR."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.spec.build import build_api
from generator.spec.check import check_file
from generator.spec.ir import OAuthFlow, Pagination, SecurityRequirement
from generator.spec.load import load_file
from tests.conftest import REPO

WriteSpec = Callable[..., Path]

SPEC = """\
openapi: 3.1.0
info:
  title: Schemes
  version: "1"
security:
  - ClientId: []
    Secret: []
  - Oauth: [runs:read]
paths:
  /runs:
    get:
      operationId: listRuns
      parameters:
        - {name: offset, in: query, schema: {type: integer}}
        - {name: count, in: query, schema: {type: integer}}
      responses:
        "200":
          description: A page
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Run"}}
                  total: {type: integer}
              example: {data: [{id: r1}], total: 1}
      x-pagination:
        style: offset
        offsetParameter: offset
        limitParameter: count
        totalPointer: /total
        itemsPointer: /data
    post:
      operationId: createRun
      security:
        - Oauth: [runs:write, runs:read]
        - Basic: []
        - Token: []
      responses:
        "201":
          description: Started
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Run"}
              example: {id: r1}
  /cursor:
    get:
      operationId: cursorRuns
      security:
        - QueryKey: []
          CookieKey: []
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
      responses:
        "200":
          description: A page
          content:
            application/json:
              schema:
                type: object
                properties:
                  runs: {type: array, items: {$ref: "#/components/schemas/Run"}}
                  cursor: {type: [string, "null"]}
              example: {runs: [{id: r1}], cursor: null}
      x-pagination: {style: cursor, cursorParameter: cursor, cursorPointer: /cursor, itemsPointer: /runs}
  /next:
    get:
      operationId: nextRuns
      security: []
      responses:
        "200":
          description: A page
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {type: array, items: {$ref: "#/components/schemas/Run"}}
                  links: {type: object, properties: {next: {type: [string, "null"]}}}
              example: {items: [{id: r1}], links: {next: null}}
      x-pagination: {style: next-url, nextUrlPointer: /links/next, itemsPointer: /items}
  /linked:
    get:
      operationId: linkedRuns
      responses:
        "200":
          description: A page
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Run"}}
              example: [{id: r1}]
      x-pagination: {style: link-header, itemsPointer: ""}
  /runs/{id}:
    get:
      operationId: getRun
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: The run
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Run"}
              example: {id: r1, passing: null}
      x-polling:
        statusPointer: /passing
        pending: [null]
        pendingWhenAbsent: true
        success: [true]
        failure: [false]
        intervalSeconds: 5
        timeoutSeconds: 60
components:
  securitySchemes:
    ClientId: {type: apiKey, in: header, name: PLAID-CLIENT-ID}
    Secret: {type: apiKey, in: header, name: PLAID-SECRET}
    QueryKey: {type: apiKey, in: query, name: apiKey}
    CookieKey: {type: apiKey, in: cookie, name: session}
    Basic: {type: http, scheme: basic}
    Token: {type: http, scheme: Token}
    Bearer: {type: http, scheme: bearer, bearerFormat: JWT}
    Oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.example.test/oauth/token
          scopes: {"runs:read": Read runs, "runs:write": Start runs}
        authorizationCode:
          authorizationUrl: https://auth.example.test/authorize
          tokenUrl: https://auth.example.test/oauth/token
          refreshUrl: https://auth.example.test/oauth/refresh
          scopes: {"runs:read": Read runs}
    Oidc: {type: openIdConnect, openIdConnectUrl: https://auth.example.test/.well-known/openid-configuration}
  schemas:
    Run:
      type: object
      required: [id]
      properties:
        id: {type: string}
        passing: {type: [boolean, "null"]}
"""


def problems(path: Path) -> list[str]:
    return [str(p) for p in check_file(path, path.name).problems]


def test_every_scheme_style_and_polling_value_checks_clean(write_spec: WriteSpec) -> None:
    assert problems(write_spec(SPEC)) == []


def test_the_ir_carries_schemes_requirements_and_scopes(write_spec: WriteSpec) -> None:
    api = build_api(load_file(write_spec(SPEC)), "schemes")
    schemes = {s.key: s for s in api.security_schemes}
    assert (schemes["QueryKey"].location, schemes["QueryKey"].param_name) == ("query", "apiKey")
    assert (schemes["CookieKey"].location, schemes["CookieKey"].param_name) == ("cookie", "session")
    assert (schemes["Basic"].scheme, schemes["Token"].scheme, schemes["Bearer"].bearer_format) == (
        "basic",
        "token",
        "JWT",
    )
    assert schemes["Oauth"].flow("clientCredentials") == OAuthFlow(
        "clientCredentials",
        token_url="https://auth.example.test/oauth/token",
        scopes=(("runs:read", "Read runs"), ("runs:write", "Start runs")),
    )
    code = schemes["Oauth"].flow("authorizationCode")
    assert code is not None and code.refresh_url == "https://auth.example.test/oauth/refresh"
    assert schemes["Oidc"].open_id_connect_url == "https://auth.example.test/.well-known/openid-configuration"
    ops = {op.operation_id: op for op in api.operations}
    assert ops["listRuns"].requirements == (
        SecurityRequirement((("ClientId", ()), ("Secret", ()))),
        SecurityRequirement((("Oauth", ("runs:read",)),)),
    )
    assert ops["listRuns"].requirements[0].keys == ("ClientId", "Secret")
    assert ops["listRuns"].security == (("ClientId", "Secret"), ("Oauth",))
    assert ops["createRun"].requirements[0] == SecurityRequirement((("Oauth", ("runs:write", "runs:read")),))
    assert ops["cursorRuns"].requirements == (SecurityRequirement((("QueryKey", ()), ("CookieKey", ()))),)
    assert ops["nextRuns"].requirements == ()


def test_the_ir_carries_every_paging_style_and_polling_value(write_spec: WriteSpec) -> None:
    api = build_api(load_file(write_spec(SPEC)), "schemes")
    ops = {op.operation_id: op for op in api.operations}
    assert ops["listRuns"].pagination == Pagination(
        "offset", "offset", "/data", None, limit_parameter="count", total_pointer="/total"
    )
    assert ops["cursorRuns"].pagination == Pagination("cursor", "cursor", "/runs", "/cursor")
    assert ops["nextRuns"].pagination == Pagination("next-url", None, "/items", "/links/next")
    assert ops["linkedRuns"].pagination == Pagination("link-header", None, "", None)
    polling = ops["getRun"].polling
    assert polling is not None
    assert (polling.pending, polling.success, polling.failure) == ((None,), (True,), (False,))
    assert polling.pending_when_absent is True


BROKEN = [
    (
        "offset-parameter-missing",
        "        offsetParameter: offset\n",
        "        offsetParameter: skip\n",
        ["spec.yaml:29: /paths/~1runs/get/x-pagination/offsetParameter: listRuns has no query parameter 'skip'"],
    ),
    (
        "limit-parameter-missing",
        "        limitParameter: count\n",
        "        limitParameter: size\n",
        ["spec.yaml:30: /paths/~1runs/get/x-pagination/limitParameter: listRuns has no query parameter 'size'"],
    ),
    (
        "total-pointer-unresolved",
        "        totalPointer: /total\n",
        "        totalPointer: /meta/total\n",
        [
            "spec.yaml:31: /paths/~1runs/get/x-pagination/totalPointer: /meta/total does not resolve in the 200 response schema"
        ],
    ),
    (
        "next-url-pointer-unresolved",
        "nextUrlPointer: /links/next",
        "nextUrlPointer: /next",
        [
            "spec.yaml:81: /paths/~1next/get/x-pagination/nextUrlPointer: /next does not resolve in the 200 response schema"
        ],
    ),
    (
        "null-is-never-a-success",
        "        success: [true]\n",
        "        success: [null]\n",
        [
            "spec.yaml:109: /paths/~1runs~1{id}/get/x-polling/success: None is both pending and success",
            "spec.yaml:109: /paths/~1runs~1{id}/get/x-polling/success/0: None is not of type 'string', 'integer', 'boolean'",
        ],
    ),
    (
        "true-is-not-1",
        "        failure: [false]\n",
        "        failure: [false, 1]\n",
        [],
    ),
    (
        "true-twice",
        "        failure: [false]\n",
        "        failure: [false, true]\n",
        ["spec.yaml:110: /paths/~1runs~1{id}/get/x-polling/failure: True is both success and failure"],
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_declarations_give_located_messages(
    write_spec: WriteSpec, old: str, new: str, expected: list[str]
) -> None:
    assert old in SPEC
    assert problems(write_spec(SPEC.replace(old, new, 1))) == expected


def test_the_browserstack_spec_checks_clean_and_reads_as_basic_auth_with_offset_paging() -> None:
    path = REPO / "tests" / "platforms" / "browserstack.yaml"
    assert problems(path) == []
    api = build_api(load_file(path), "browserstack")
    assert [(s.key, s.kind, s.scheme) for s in api.security_schemes] == [("BasicAuth", "http", "basic")]
    listing = api.operation("listBuilds")
    assert listing.pagination == Pagination("offset", "offset", "", None, limit_parameter="limit")
    status = api.operation("getEspressoBuild").polling
    assert status is not None and status.pending == ("queued", "running")
    assert [link.operation_id for link in api.operation("executeEspressoBuild").links] == ["getEspressoBuild"]


def test_a_scheme_the_client_cannot_send_is_a_located_fallback(write_spec: WriteSpec) -> None:
    text = SPEC.replace(
        "    Oidc: {type: openIdConnect", "    Tls: {type: mutualTLS}\n    Oidc: {type: openIdConnect", 1
    )
    api = build_api(load_file(write_spec(text), "spec.yaml"), "schemes")
    assert api.notes == (
        "spec.yaml:133: /components/securitySchemes/Tls: fallback: mutualTLS is not sent by the client; "
        "give it an http_client= holding the client certificate",
    )
