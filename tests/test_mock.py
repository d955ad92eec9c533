"""The mock servers: routing, real auth, validation in each vendor's error format, Prefer, runs, journal.

Protocol checks run in process through httpx.ASGITransport; the run lifecycles run the generated
clients against mocks listening on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from generated import testmo
from generated.doksi import DoksiClient, MatrixEntry, Platform
from generated.kapptivate import CiTest, KapptivateClient
from generated.octomind import ManualExecutionContext, OctomindClient
from generated.qualigate import QualigateClient, SuiteRunStatus
from generator.mock.app import DEFAULT_API_KEY, MockApp, Settings
from generator.mock.server import MockServer, build_app, run_mock
from generator.runtime import NotFoundError, RunFailedError

KEY = DEFAULT_API_KEY
AUTH = {
    "octomind": {"X-API-Key": KEY},
    "qualigate": {"Authorization": f"Bearer {KEY}"},
    "doksi": {"Authorization": f"Bearer {KEY}"},
    "testmo": {"Authorization": f"Bearer {KEY}"},
}


def call(app: MockApp, method: str, url: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def apps() -> dict[str, MockApp]:
    return {vendor: build_app(vendor) for vendor in ("kapptivate", "octomind", "qualigate", "doksi", "testmo")}


def test_unknown_paths_are_404_and_undeclared_methods_405_with_allow(apps: dict[str, MockApp]) -> None:
    app = apps["octomind"]
    assert call(app, "GET", "/api/nowhere", headers=AUTH["octomind"]).status_code == 404
    assert call(app, "GET", "/elsewhere", headers=AUTH["octomind"]).status_code == 404
    response = call(
        app, "PUT", "/api/apiKey/v2/test-targets/3435918b-3d29-4ebd-8c68-9a540532f45a", headers=AUTH["octomind"]
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, GET, PATCH"


@pytest.mark.parametrize(
    ("vendor", "url", "headers", "body"),
    [
        (
            "qualigate",
            "/api/v1/results?suite_run_id=880e8400-e29b-41d4-a716-446655440000",
            {},
            {"error": "Unauthorized", "message": "Missing or invalid API key"},
        ),
        (
            "qualigate",
            "/api/v1/results?suite_run_id=880e8400-e29b-41d4-a716-446655440000",
            {"X-API-Key": "qg_wrong"},
            {"error": "Unauthorized", "message": "Missing or invalid API key"},
        ),
        ("octomind", "/api/apiKey/v2/test-targets", {"X-API-Key": "wrong"}, None),
        ("testmo", "/api/v1/automation/runs/1", {"Authorization": "Bearer nope"}, "message"),
        ("doksi", "/external/integration/cicd/runs/r1", {"Authorization": f"Basic {KEY}"}, "error"),
    ],
    ids=["qualigate-missing", "qualigate-wrong", "octomind", "testmo", "doksi-wrong-scheme"],
)
def test_wrong_or_missing_credentials_get_the_vendors_401(
    apps: dict[str, MockApp], vendor: str, url: str, headers: dict[str, str], body: Any
) -> None:
    response = call(apps[vendor], "GET", url, headers=headers)
    assert response.status_code == 401
    if body is None:
        assert response.content == b""
    elif isinstance(body, str):
        assert body in response.json()
    else:
        assert response.json() == body


def test_either_credential_works_for_qualigate(apps: dict[str, MockApp]) -> None:
    url = "/api/v1/ci-config?project_id=990e8400-e29b-41d4-a716-446655440000"
    for headers in ({"Authorization": f"Bearer {KEY}"}, {"X-API-Key": KEY}):
        assert call(apps["qualigate"], "GET", url, headers=headers).status_code == 200


def test_validation_reports_every_violation_in_the_vendor_format(apps: dict[str, MockApp]) -> None:
    octomind = call(apps["octomind"], "POST", "/api/apiKey/v2/execute", headers=AUTH["octomind"], json={"url": 5})
    assert octomind.status_code == 400
    assert octomind.json() == [
        {"code": "custom", "path": [], "message": "'testTargetId' is a required property"},
        {"code": "custom", "path": [], "message": "'context' is a required property"},
        {"code": "custom", "path": ["url"], "message": "5 is not of type 'string'"},
    ]
    body = {"name": 7, "source": "ci", "tags": "x"}
    testmo_answer = call(
        apps["testmo"], "POST", "/api/v1/projects/zero/automation/runs", headers=AUTH["testmo"], json=body
    )
    assert testmo_answer.status_code == 422
    assert testmo_answer.json()["errors"] == {
        "project_id": ["'zero' is not of type 'integer'"],
        "name": ["7 is not of type 'string'"],
        "tags": ["'x' is not of type 'array'"],
    }
    qualigate = call(
        apps["qualigate"],
        "POST",
        "/api/v1/trigger",
        headers=AUTH["qualigate"],
        json={
            "test_suite_id": "770e8400-e29b-41d4-a716-446655440000",
            "project_id": "990e8400-e29b-41d4-a716-446655440000",
        },
    )
    assert qualigate.status_code == 400
    assert qualigate.json() == {
        "error": "Bad Request",
        "message": "exactly one of test_case_id, test_suite_id, project_id is required (got test_suite_id, project_id)",
    }
    doksi = call(
        apps["doksi"],
        "POST",
        "/external/integration/cicd/runs",
        headers=AUTH["doksi"],
        json={"matrix": [{"platform": "web", "web_url": "https://a.example", "target_id": "bin_1", "test_ids": ["t"]}]},
    )
    assert doksi.status_code == 400
    assert doksi.json() == {
        "error": "matrix.0: exactly one of web_url, binary_url, target_id is required (got web_url, target_id)"
    }


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        (b"{not json", "application/json", "malformed JSON"),
        (b"name=x", "application/x-www-form-urlencoded", "content type must be application/json"),
        ('{"name": "Läufe 日本", "source": "ci", "ключ": "значение"}'.encode(), "application/json", None),
        (b"{" + b'"a": "' + b"x" * (1024 * 1024) + b'"}', "application/json", "body over"),
    ],
    ids=["malformed", "wrong-type", "non-ascii", "oversized"],
)
def test_bad_bodies_get_a_clean_declared_4xx(
    apps: dict[str, MockApp], content: bytes, content_type: str, expected: str | None
) -> None:
    headers = {**AUTH["testmo"], "Content-Type": content_type}
    response = call(apps["testmo"], "POST", "/api/v1/projects/1/automation/runs", headers=headers, content=content)
    if expected is None:
        assert response.status_code == 201
        return
    assert response.status_code in (400, 413, 422)
    assert expected in json.dumps(response.json())


def test_prefer_picks_a_declared_status_or_a_named_example(apps: dict[str, MockApp]) -> None:
    app = apps["qualigate"]
    url = "/api/v1/ci-config?project_id=990e8400-e29b-41d4-a716-446655440000"
    forbidden = call(app, "GET", url, headers={**AUTH["qualigate"], "Prefer": "code=403"})
    assert forbidden.status_code == 403
    assert forbidden.json() == {"error": "Forbidden", "message": "You don't have access to this resource"}
    suite = call(
        app,
        "GET",
        "/api/v1/results?suite_run_id=880e8400-e29b-41d4-a716-446655440000",
        headers={**AUTH["qualigate"], "Prefer": "code=200, example=suiteRun"},
    )
    assert suite.json()["suite_name"] == "Critical User Flows"
    never_issued = "/api/v1/results?suite_run_id=880e8400-e29b-41d4-a716-446655440000"
    assert call(app, "GET", never_issued, headers=AUTH["qualigate"]).status_code == 404
    undeclared = call(app, "GET", url, headers={**AUTH["qualigate"], "Prefer": "code=418"})
    assert undeclared.status_code == 400


def test_the_journal_records_requests_with_credentials_redacted(apps: dict[str, MockApp]) -> None:
    app = apps["doksi"]
    app.journal.clear()
    call(
        app,
        "POST",
        "/external/integration/cicd/uploads",
        headers={**AUTH["doksi"], "X-Note": f"key={KEY}"},
        json={"name": KEY},
    )
    entry = app.journal.entries[-1]
    assert (entry.method, entry.path) == ("POST", "/external/integration/cicd/uploads")
    assert entry.headers["authorization"] == "Bearer <redacted>"
    assert entry.headers["x-note"] == "key=<redacted>"
    assert json.loads(entry.body) == {"name": "<redacted>"}


# -- run lifecycles over real HTTP, through the generated clients ------------------------------------


@pytest.fixture
def mock() -> Iterator[Callable[..., MockServer]]:
    from contextlib import ExitStack

    with ExitStack() as stack:
        yield lambda vendor, **options: stack.enter_context(run_mock(vendor, **options))


def fast(client: Any) -> Any:
    client._sleep = lambda seconds: None
    return client


def test_octomind_run_reaches_passed_and_failed(mock: Callable[..., MockServer]) -> None:
    server = mock("octomind")
    client = fast(OctomindClient(api_key=server.api_key, base_url=server.base_url))
    args = {
        "test_target_id": "3435918b-3d29-4ebd-8c68-9a540532f45a",
        "url": "https://example.com",
        "context": ManualExecutionContext(source="manual"),
    }
    seen: list[str] = []
    report = client.execute_tests_and_wait(**args, on_update=lambda r: seen.append(str(r.status)))
    assert (str(report.status), seen) == ("PASSED", ["WAITING", "PASSED"])
    assert str(report.test_target_id) == args["test_target_id"]
    with pytest.raises(RunFailedError):
        client.execute_tests_and_wait(**args, raise_on_failure=True, extra_headers={"X-Testrelay-Outcome": "failure"})


def test_qualigate_suite_completes_and_unknown_runs_are_404(mock: Callable[..., MockServer]) -> None:
    server = mock("qualigate", scenario="failure")
    client = fast(QualigateClient(api_key=server.api_key, base_url=server.base_url))
    final = client.trigger_tests_and_wait(test_suite_id="770e8400-e29b-41d4-a716-446655440000")
    assert isinstance(final, SuiteRunStatus)
    assert (str(final.status), final.failed_tests) == ("completed", 1)
    with pytest.raises(NotFoundError) as info:
        client.get_run_status(suite_run_id="00000000-0000-4000-8000-000000000000")
    assert info.value.body is not None


def test_doksi_and_testmo_runs_end(mock: Callable[..., MockServer]) -> None:
    doksi = mock("doksi")
    client = fast(DoksiClient(api_key=doksi.api_key, base_url=doksi.base_url))
    run = client.create_run_and_wait(
        matrix=[MatrixEntry(platform=Platform.WEB, web_url="https://s.example", test_ids=["abc123"])]
    )
    assert str(run.status) == "passed"
    server = mock("testmo")
    tm = fast(testmo.TestmoClient(api_key=server.api_key, base_url=server.base_url))
    done = tm.create_automation_run_and_wait(
        project_id=1, name="nightly", source="ci", extra_headers={"X-Testrelay-Reads": "2"}
    )
    assert done.result.is_completed is True


def test_kapptivate_tokens_expire_and_are_refreshed(mock: Callable[..., MockServer]) -> None:
    server = mock("kapptivate", token_ttl=0.6)
    client = fast(KapptivateClient(api_key=server.api_key, base_url=server.base_url))
    client._sleep = __import__("time").sleep
    result = client.trigger_ci_run_and_wait(name="n", tests=[CiTest(id=1)], poll_interval=0.25, timeout=20)
    assert str(result.result.status) == "success"
    exchanges = [e for e in server.journal.entries if e.path == "/api/auth/refresh-token/"]
    assert len(exchanges) >= 1
    wrong = KapptivateClient(api_key="not-the-key", base_url=server.base_url)
    with pytest.raises(Exception, match="token exchange refused: 401"):
        wrong.get_ci_result(result_id=1)


def test_the_pytest_fixture_gives_a_running_mock(testrelay_mock: Callable[..., MockServer]) -> None:
    server = testrelay_mock("qualigate")
    assert server.base_url.startswith("http://127.0.0.1:")
    answer = httpx.get(
        f"{server.base_url}/api/v1/ci-config",
        params={"project_id": "990e8400-e29b-41d4-a716-446655440000"},
        headers={"X-API-Key": server.api_key},
    )
    assert answer.status_code == 200
    assert MockApp is type(server.app) and isinstance(server.app.settings, Settings)


# -- faults ------------------------------------------------------------------------------------------

CONFIG = "/api/v1/ci-config"
PROJECT = {"project_id": "990e8400-e29b-41d4-a716-446655440000"}


def test_faults_answer_as_asked(apps: dict[str, MockApp]) -> None:
    app = apps["qualigate"]
    headers = AUTH["qualigate"]
    limited = call(
        app,
        "GET",
        "/api/v1/results",
        params={"suite_run_id": PROJECT["project_id"]},
        headers={**headers, "X-Testrelay-Fault": "429=3"},
    )
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "3"
    assert limited.json()["retry_after"] == 3
    for code in (500, 502, 503):
        assert (
            call(app, "GET", CONFIG, params=PROJECT, headers={**headers, "X-Testrelay-Fault": str(code)}).status_code
            == code
        )
    empty = call(app, "GET", CONFIG, params=PROJECT, headers={**headers, "X-Testrelay-Fault": "empty"})
    assert (empty.status_code, empty.content) == (200, b"")
    unknown = call(app, "GET", CONFIG, params=PROJECT, headers={**headers, "X-Testrelay-Fault": "explode"})
    assert unknown.status_code == 400
    assert unknown.json()["message"] == "X-Testrelay-Fault: unknown fault 'explode'"


def test_fail_n_times_then_succeed_through_the_clients_retries(mock: Callable[..., MockServer]) -> None:
    server = mock("qualigate")
    client = fast(QualigateClient(api_key=server.api_key, base_url=server.base_url))
    server.journal.clear()
    config = client.get_ci_config(**PROJECT, extra_headers={"X-Testrelay-Fault": "fail=2;503"})
    assert config.project_name == "E-commerce Site"
    assert len(server.journal.entries) == 3


def test_a_reset_is_a_connection_error_and_a_post_is_not_resent(mock: Callable[..., MockServer]) -> None:
    from generator.runtime import APIConnectionError

    server = mock("qualigate")
    client = fast(QualigateClient(api_key=server.api_key, base_url=server.base_url))
    server.journal.clear()
    with pytest.raises(APIConnectionError):
        client.trigger_tests(
            test_suite_id="770e8400-e29b-41d4-a716-446655440000", extra_headers={"X-Testrelay-Fault": "reset"}
        )
    assert len(server.journal.entries) == 0 or [e.method for e in server.journal.entries] == ["POST"]
    config = client.get_ci_config(**PROJECT, extra_headers={"X-Testrelay-Fault": "fail=1;reset"})
    assert config.project_name == "E-commerce Site"


def test_a_delay_and_a_token_that_expires_mid_run(mock: Callable[..., MockServer]) -> None:
    import time

    server = mock("kapptivate")
    client = fast(KapptivateClient(api_key=server.api_key, base_url=server.base_url))
    start = time.monotonic()
    triggered = client.trigger_ci_run(name="n", tests=[CiTest(id=1)], extra_headers={"X-Testrelay-Fault": "delay=0.3"})
    assert time.monotonic() - start >= 0.3
    result = client.get_ci_result(result_id=triggered.result_id, extra_headers={"X-Testrelay-Fault": "expire-token"})
    assert result.name
    exchanges = [e for e in server.journal.entries if e.path == "/api/auth/refresh-token/"]
    assert len(exchanges) == 2


# -- resources and synthesized answers ---------------------------------------------------------------


def test_octomind_test_targets_are_created_read_updated_listed_and_deleted() -> None:
    app = build_app("octomind")
    base = "/api/apiKey/v2/test-targets"
    created = call(
        app,
        "POST",
        base,
        headers=AUTH["octomind"],
        json={"testTarget": {"app": "shop", "discoveryUrl": "https://shop.example"}},
    )
    assert created.status_code == 200
    target = created.json()["id"]
    assert call(app, "GET", f"{base}/{target}", headers=AUTH["octomind"]).json()["id"] == target
    updated = call(app, "PATCH", f"{base}/{target}", headers=AUTH["octomind"], json={"app": "shop-2"})
    assert updated.json()["app"] == "shop-2"
    assert call(app, "GET", f"{base}/{target}", headers=AUTH["octomind"]).json()["app"] == "shop-2"
    assert [t["id"] for t in call(app, "GET", base, headers=AUTH["octomind"]).json()] == [target]
    assert call(app, "DELETE", f"{base}/{target}", headers=AUTH["octomind"]).status_code == 204
    assert call(app, "GET", f"{base}/{target}", headers=AUTH["octomind"]).status_code == 404
    assert call(app, "PATCH", f"{base}/{target}", headers=AUTH["octomind"], json={"app": "x"}).status_code == 404


def test_prefer_dynamic_gives_seeded_schema_valid_data(apps: dict[str, MockApp]) -> None:
    first, second = (build_app("doksi") for _ in range(2))
    url = "/external/integration/cicd/runs/run1"
    headers = {**AUTH["doksi"], "Prefer": "dynamic=true"}
    answers = [call(app, "GET", url, headers=headers).json() for app in (first, second, first)]
    assert answers[0] == answers[1]
    assert answers[0] != answers[2]
    assert {"run_id", "status", "results"} <= set(answers[0])
