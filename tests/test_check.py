"""`testrelay check`: each broken spec gives its exact located message; the real specs are clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.spec.check import check_file
from tests.conftest import MINIMAL, REPO

WriteSpec = Callable[..., Path]


def problems_of(path: Path) -> list[str]:
    result = check_file(path, path.name)
    return [str(p) for p in result.problems]


def test_minimal_spec_is_clean(write_spec: WriteSpec) -> None:
    assert problems_of(write_spec(MINIMAL)) == []


# (case, text to replace in MINIMAL, replacement, the exact problems)
BROKEN: list[tuple[str, str, str, list[str]]] = [
    (
        "dangling-ref",
        '$ref: "#/components/schemas/RunRequest"',
        '$ref: "#/components/schemas/Nope"',
        [
            "spec.yaml:17: /paths/~1runs/post/requestBody/content/application~1json/schema/$ref: "
            "$ref '#/components/schemas/Nope' does not resolve"
        ],
    ),
    (
        "example-against-schema",
        "value: {suite: smoke}",
        "value: {suite: 7}",
        [
            "spec.yaml:20: /paths/~1runs/post/requestBody/content/application~1json/examples/one/value/suite: "
            "example does not match its schema: 7 is not of type 'string'"
        ],
    ),
    (
        "example-missing-required",
        "value: {id: r1, status: passed}",
        "value: {id: r1}",
        [
            "spec.yaml:55: /paths/~1runs~1{run_id}/get/responses/200/content/application~1json/examples/passed/value: "
            "example does not match its schema: 'status' is a required property"
        ],
    ),
    (
        "success-without-example",
        "              examples:\n                passed:\n                  value: {id: r1, status: passed}\n",
        "",
        [
            "spec.yaml:50: /paths/~1runs~1{run_id}/get/responses/200/content/application~1json: "
            "200 JSON response has no example"
        ],
    ),
    (
        "duplicate-operation-id",
        "operationId: getRun\n      summary: Read a run",
        "operationId: createRun\n      summary: Read a run",
        [
            "spec.yaml:33: /paths/~1runs/post/responses/201/links/GetRun/operationId: no operation has operationId 'getRun'",
            "spec.yaml:38: /paths/~1runs~1{run_id}/get/operationId: operationId 'createRun' is already used at /paths/~1runs/post",
        ],
    ),
    (
        "operation-id-not-identifier",
        "operationId: createRun",
        "operationId: create-run",
        ["spec.yaml:10: /paths/~1runs/post/operationId: operationId 'create-run' is not usable as an identifier"],
    ),
    (
        "operation-id-keyword",
        "operationId: createRun",
        "operationId: import",
        ["spec.yaml:10: /paths/~1runs/post/operationId: operationId 'import' becomes the Python keyword 'import'"],
    ),
    (
        "link-to-missing-operation",
        "operationId: getRun\n              parameters:",
        "operationId: fetchRun\n              parameters:",
        [
            "spec.yaml:33: /paths/~1runs/post/responses/201/links/GetRun/operationId: no operation has operationId 'fetchRun'"
        ],
    ),
    (
        "link-parameter-and-pointer",
        "run_id: $response.body#/id",
        "runId: $response.body#/run",
        [
            "spec.yaml:34: /paths/~1runs/post/responses/201/links/GetRun/parameters: link gives no value for path parameter 'run_id'",
            "spec.yaml:35: /paths/~1runs/post/responses/201/links/GetRun/parameters/runId: "
            "'$response.body#/run': /run is not in the response schema",
            "spec.yaml:35: /paths/~1runs/post/responses/201/links/GetRun/parameters/runId: getRun has no parameter 'runId'",
        ],
    ),
    (
        "polling-pointer",
        "statusPointer: /status",
        "statusPointer: /state",
        [
            "spec.yaml:57: /paths/~1runs~1{run_id}/get/x-polling/statusPointer: /state does not resolve in the 200 response schema"
        ],
    ),
    (
        "polling-schema",
        "intervalSeconds: 5",
        "intervalSeconds: soon",
        ["spec.yaml:61: /paths/~1runs~1{run_id}/get/x-polling/intervalSeconds: 'soon' is not of type 'number'"],
    ),
    (
        "polling-contradiction",
        "failure: [failed]",
        "failure: [failed, queued]",
        ["spec.yaml:60: /paths/~1runs~1{run_id}/get/x-polling/failure: 'queued' is both pending and failure"],
    ),
    (
        "openapi-structure",
        "          description: Started\n",
        "",
        ["spec.yaml:22: /paths/~1runs/post/responses/201: 'description' is a required property"],
    ),
    (
        "schema-keyword-type",
        "        suite:\n          type: string",
        "        suite:\n          type: string\n          minLength: many",
        ["spec.yaml:76: /components/schemas/RunRequest/properties/suite/minLength: 'many' is not of type 'integer'"],
    ),
    (
        "undeclared-path-parameter",
        "  /runs/{run_id}:",
        "  /runs/{run_id}/{step}:",
        ["spec.yaml:37: /paths/~1runs~1{run_id}~1{step}/get: path parameter 'step' is not declared"],
    ),
    (
        "duplicate-key",
        "  title: Runs\n",
        "  title: Runs\n  title: Again\n",
        ["spec.yaml:4: /info/title: duplicate key"],
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_spec_gives_located_message(write_spec: WriteSpec, old: str, new: str, expected: list[str]) -> None:
    assert old in MINIMAL
    assert problems_of(write_spec(MINIMAL.replace(old, new, 1))) == expected


def test_extension_on_wrong_object(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("  title: Runs\n", "  title: Runs\n  x-polling: {}\n", 1)
    assert problems_of(write_spec(text)) == [
        "spec.yaml:4: /info/x-polling: x-polling belongs on a operation object, not here"
    ]


def test_token_exchange_pointers(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace(
        "      name: X-Key\n",
        "      name: X-Key\n      x-token-exchange:\n        operationId: createRun\n"
        "        keyPointer: /key\n        tokenPointer: /token\n        headerPrefix: JWT\n"
        "        ttlSeconds: 120\n",
        1,
    )
    assert problems_of(write_spec(text)) == [
        "spec.yaml:71: /components/securitySchemes/Key/x-token-exchange/keyPointer: "
        "/key does not resolve in the request body schema",
        "spec.yaml:72: /components/securitySchemes/Key/x-token-exchange/tokenPointer: "
        "/token does not resolve in the 201 response schema",
    ]


def test_rate_limit_needs_a_429(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("paths:\n", "x-rate-limit:\n  retryAfterPointer: /retry_after\npaths:\n", 1)
    assert problems_of(write_spec(text)) == [
        "spec.yaml:7: /x-rate-limit: no operation it covers declares a 429 response"
    ]


def test_pagination_parameter_must_exist(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace(
        "      x-polling:\n",
        "      x-pagination:\n        style: page\n        pageParameter: page\n"
        "        nextPagePointer: /id\n        itemsPointer: /status\n      x-polling:\n",
        1,
    )
    assert problems_of(write_spec(text)) == [
        "spec.yaml:58: /paths/~1runs~1{run_id}/get/x-pagination/pageParameter: getRun has no query parameter 'page'"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "spec.yaml:1: /: the file is empty"),
        ("- a\n- b\n", "spec.yaml:1: /: not an OpenAPI document: the top level is a list"),
        ("just words\n", "spec.yaml:1: /: not an OpenAPI document: the top level is a string"),
        ("title: x\n", "spec.yaml:1: /: not an OpenAPI document: no 'openapi' field"),
        ('swagger: "2.0"\n', "spec.yaml:1: /swagger: Swagger 2.0 is not supported; convert to OpenAPI 3"),
        ("openapi: 2.5.0\n", "spec.yaml:1: /openapi: unsupported OpenAPI version '2.5.0'; use 3.0.x or 3.1.x"),
        ("a: 1\nb: [1, 2\n", "spec.yaml:3: /: not valid YAML: did not find expected ',' or ']'"),
        ("a: 1\n\tb: 2\n", "spec.yaml:2: /: not valid YAML: found a tab character that violates indentation"),
    ],
    ids=["empty", "list", "scalar", "not-openapi", "swagger", "version", "unclosed", "tab"],
)
def test_not_a_usable_document(write_spec: WriteSpec, content: str, expected: str) -> None:
    assert problems_of(write_spec(content)) == [expected]


def test_binary_and_missing_files(tmp_path: Path) -> None:
    binary = tmp_path / "spec.yaml"
    binary.write_bytes(bytes(range(256)))
    assert len(problems_of(binary)) == 1
    assert str(check_file(tmp_path / "absent.yaml", "absent.yaml").problems[0]) == (
        "absent.yaml:1: /: cannot read file: No such file or directory"
    )


@pytest.mark.parametrize("vendor", ["kapptivate", "octomind", "qualigate", "doksi", "testmo"])
def test_vendor_spec_is_clean(vendor: str) -> None:
    result = check_file(REPO / "specs" / f"{vendor}.yaml", f"specs/{vendor}.yaml")
    assert [str(p) for p in result.problems] == []
