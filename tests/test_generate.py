"""The generator end to end: inline specs are generated, imported and called through MockTransport."""

from __future__ import annotations

import ast
import asyncio
import importlib
import json
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from generated import testmo
from generator.cli import main
from generator.codegen.render import generate

GOLDEN = """\
openapi: 3.1.0
info:
  title: Golden
  version: "1"
servers:
  - url: https://{tenant}.example.com/v1
    variables:
      tenant:
        default: demo
security:
  - Key: []
paths:
  /items/{item-id}:
    get:
      operationId: getItem
      summary: Read an item
      parameters:
        - {name: item-id, in: path, required: true, schema: {type: integer}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: ids, in: query, style: form, explode: false, schema: {type: array, items: {type: integer}}}
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema:
            type: object
            properties:
              state: {type: string}
              owner: {type: string}
        - {name: X-Trace, in: header, schema: {type: string}}
        - {name: class, in: query, schema: {type: string}}
        - {name: 2fast, in: query, schema: {type: string}}
        - {name: größe, in: query, schema: {type: string}}
        - {name: page-size, in: query, schema: {type: integer}}
        - {name: page_size, in: query, schema: {type: integer}}
      responses:
        "200":
          description: The item
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
        "404":
          description: No such item
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
  /items:
    post:
      operationId: createItem
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NewItem"}
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
  /items/{id}:
    delete:
      operationId: deleteItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: Gone}
  /shapes:
    get:
      operationId: listShapes
      security: []
      responses:
        "200":
          description: Shapes
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/Shape"}
  /trigger:
    post:
      operationId: trigger
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                case_id: {type: string}
                suite_id: {type: string}
                note: {type: string}
              oneOf:
                - required: [case_id]
                - required: [suite_id]
      responses:
        "201":
          description: Queued
          content:
            application/json:
              schema:
                anyOf:
                  - {$ref: "#/components/schemas/CaseRun"}
                  - {$ref: "#/components/schemas/SuiteRun"}
components:
  securitySchemes:
    Key: {type: apiKey, in: header, name: X-Key}
  schemas:
    Base:
      type: object
      required: [id]
      properties:
        id: {type: integer}
    Item:
      allOf:
        - {$ref: "#/components/schemas/Base"}
        - type: object
          required: [status]
          properties:
            status: {$ref: "#/components/schemas/Status"}
            note: {type: [string, "null"]}
            class: {type: string}
            1st: {type: integer}
    Status:
      anyOf:
        - {type: string, enum: [open, closed, Open]}
        - {type: string}
    NewItem:
      type: object
      required: [name]
      properties:
        name: {type: string}
        size: {type: integer}
    Error:
      type: object
      properties:
        message: {type: string}
    Circle:
      type: object
      required: [kind, radius]
      properties:
        kind: {type: string, const: circle}
        radius: {type: number}
    Square:
      type: object
      required: [kind, side]
      properties:
        kind: {type: string, const: square}
        side: {type: number}
    Shape:
      oneOf:
        - {$ref: "#/components/schemas/Circle"}
        - {$ref: "#/components/schemas/Square"}
      discriminator:
        propertyName: kind
    CaseRun:
      type: object
      required: [case_run_id]
      properties:
        case_run_id: {type: string}
    SuiteRun:
      type: object
      required: [suite_run_id]
      properties:
        suite_run_id: {type: string}
"""

Handler = Callable[[httpx.Request], httpx.Response]


def build(tmp_path: Path, text: str, name: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(textwrap.dedent(text), encoding="utf-8")
    out = tmp_path / "out"
    outcome = generate([(spec, spec.name)], out, check_only=False)
    assert outcome.problems == []
    return out


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = build(tmp_path_factory.mktemp("golden"), GOLDEN, "golden_api")
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("golden_api")
    finally:
        sys.path.remove(str(out))


def client(golden: ModuleType, handler: Handler, **kwargs: Any) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return golden.GoldenApiClient(api_key="k-123", http_client=http, **kwargs)


def test_parameters_are_serialized_per_style(golden: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, json={"id": 7, "status": "open", "note": None, "class": "c", "1st": 1, "extra": True}
        )

    item = client(golden, handler).get_item(
        item_id=7,
        tags=["a b", "c"],
        ids=[1, 2],
        filter={"state": "open", "owner": "me&you"},
        x_trace="t-1",
        class_="k",
        n2fast="yes",
        grosse="g",
        page_size=10,
        page_size_2=20,
    )
    request = seen[0]
    assert request.method == "GET"
    assert request.url.host == "demo.example.com"
    assert request.url.raw_path == (
        b"/v1/items/7?tags=a%20b&tags=c&ids=1,2&filter[state]=open&filter[owner]=me%26you"
        b"&class=k&2fast=yes&gr%C3%B6%C3%9Fe=g&page-size=10&page_size=20"
    )
    assert request.headers["X-Trace"] == "t-1"
    assert request.headers["X-Key"] == "k-123"
    assert item.id == 7
    assert item.status == golden.Status.OPEN
    assert item.note is None
    assert item.class_ == "c"
    assert item.model_extra == {"extra": True}


def test_open_enum_accepts_unknown_values_and_keeps_case_variants(golden: ModuleType) -> None:
    assert [(m.name, m.value) for m in golden.Status] == [
        ("OPEN", "open"),
        ("CLOSED", "closed"),
        ("OPEN_TITLE", "Open"),
    ]
    item = golden.Item.model_validate({"id": 1, "status": "archived"})
    assert item.status == "archived"
    assert isinstance(item.status, golden.Status)


def test_error_status_raises_typed_error_with_parsed_body(golden: ModuleType) -> None:
    from generator.runtime import NotFoundError

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"message": "no item 9"}, headers={"x-request-id": "req-9"})

    with pytest.raises(NotFoundError) as info:
        client(golden, handler).get_item(item_id=9)
    assert info.value.status_code == 404
    assert info.value.request_id == "req-9"
    assert isinstance(info.value.body, golden.Error)
    assert str(info.value) == "404 Not Found: no item 9"
    assert "k-123" not in repr(info.value.__dict__)


def test_body_from_fields_or_model(golden: ModuleType) -> None:
    bodies: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        assert request.headers["Content-Type"] == "application/json"
        return httpx.Response(201, json={"id": 1, "status": "open"})

    api = client(golden, handler)
    api.create_item(name="box", size=3)
    api.create_item(body=golden.NewItem(name="bag"))
    api.create_item(body=golden.NewItem(name="bag"), size=5)
    assert bodies == [{"name": "box", "size": 3}, {"name": "bag"}, {"name": "bag", "size": 5}]
    with pytest.raises(TypeError, match="missing required body field"):
        api.create_item(size=3)


def test_exactly_one_of_fails_before_sending(golden: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing may be sent")

    api = client(golden, handler)
    with pytest.raises(ValueError, match=r"exactly one of case_id, suite_id \(got case_id, suite_id\)"):
        api.trigger(case_id="c", suite_id="s")
    with pytest.raises(ValueError, match=r"\(got none\)"):
        api.trigger(note="n")


def test_anyof_response_parses_into_the_matching_model(golden: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json={"suite_run_id": "s1"})

    run = client(golden, handler).trigger(suite_id="s")
    assert isinstance(run, golden.SuiteRun)


def test_no_content_and_discriminated_lists(golden: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            return httpx.Response(204)
        assert "X-Key" not in request.headers  # security: [] on this operation
        return httpx.Response(200, json=[{"kind": "circle", "radius": 1}, {"kind": "square", "side": 2}])

    api = client(golden, handler)
    assert api.delete_item(id="a/b") is None
    shapes = api.list_shapes()
    assert [type(s).__name__ for s in shapes] == ["Circle", "Square"]


def test_async_client_matches_sync(golden: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": 3, "status": "closed"})

    async def run() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with golden.AsyncGoldenApiClient(api_key="k", http_client=http, tenant="acme") as api:
            return await api.get_item(item_id=3, tags=["x"])

    item = asyncio.run(run())
    assert item.status == golden.Status.CLOSED
    assert str(seen[0].url) == "https://acme.example.com/v1/items/3?tags=x"


def test_api_key_and_base_url_from_environment(golden: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOLDEN_API_API_KEY", "from-env")
    monkeypatch.setenv("GOLDEN_API_BASE_URL", "http://127.0.0.1:9/base")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    api = golden.GoldenApiClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    api.delete_item(id="1")
    assert str(seen[0].url) == "http://127.0.0.1:9/base/items/1"
    assert seen[0].headers["X-Key"] == "from-env"
    monkeypatch.delenv("GOLDEN_API_API_KEY")
    with pytest.raises(ValueError, match="pass api_key or set GOLDEN_API_API_KEY"):
        golden.GoldenApiClient()


HOSTILE = '''\
openapi: 3.1.0
info:
  title: 'Evil """ \\\\ {{ name }} API'
  version: "1"
  description: |
    Ends a docstring """
    import subprocess
    __import__("shutil").rmtree("/")
    {% raw %}{{ x }}{% endraw %} \\ trailing backslash \\
paths:
  /run:
    get:
      operationId: run
      summary: 'Say """hi""" \\'
      description: "line one\\n\\"\\"\\"\\nimport subprocess\\n"
      parameters:
        - name: 'q"; import subprocess; x="'
          in: query
          description: '""" import subprocess """'
          schema: {type: string}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                description: '""" import subprocess """ \\'
                properties:
                  '""" field':
                    type: string
                    description: 'import subprocess """'
'''


def test_hostile_text_compiles_without_injected_statements(tmp_path: Path) -> None:
    out = build(tmp_path, HOSTILE, "hostile")
    for path in (out / "hostile").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert "subprocess" not in imported, path.name
        calls = {
            node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "__import__" not in calls, path.name
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module("hostile")
        assert '"""hi"""' in (module.HostileClient.run.__doc__ or "")
    finally:
        sys.path.remove(str(out))


def test_output_is_deterministic(tmp_path: Path) -> None:
    first = build(tmp_path / "a", GOLDEN, "golden_api")
    second = build(tmp_path / "b", GOLDEN, "golden_api")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_failed_run_leaves_output_untouched_and_check_reports_staleness(tmp_path: Path) -> None:
    spec = tmp_path / "golden_api.yaml"
    spec.write_text(GOLDEN, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["generate", str(spec), "--out", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: [oops\n", encoding="utf-8")
    result = runner.invoke(main, ["generate", str(spec), str(broken), "--out", str(out)])
    assert result.exit_code == 1
    assert f"{broken}:3: /: not valid YAML" in result.stdout
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before

    check = runner.invoke(main, ["generate", str(spec), "--out", str(out), "--check"])
    assert check.exit_code == 0, check.output
    (out / "golden_api" / "client.py").write_text("# edited by hand\n", encoding="utf-8")
    (out / "golden_api" / "models.py").unlink()
    check = runner.invoke(main, ["generate", str(spec), "--out", str(out), "--check"])
    assert check.exit_code == 1
    assert check.stdout.splitlines() == [
        f"stale: {out / 'golden_api' / 'client.py'}",
        f"missing: {out / 'golden_api' / 'models.py'}",
    ]


def test_an_optional_body_is_sent_only_when_given() -> None:
    """Testmo's completeAutomationRun takes an optional body: no fields given, no body sent."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with testmo.TestmoClient(
        api_key="k",
        base_url="http://testmo.invalid/api/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    ) as client:
        client.complete_automation_run(automation_run_id=7)
        client.complete_automation_run(automation_run_id=7, measure_elapsed=True)
    assert [r.content for r in seen] == [b"", b'{"measure_elapsed":true}']
    assert "content-type" not in seen[0].headers
