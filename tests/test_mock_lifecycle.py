"""Each vendor's run lifecycle over real HTTP, the time pace, and seeded multi-page lists.

Every test talks to `run_mock(...)` on 127.0.0.1 with plain httpx, the way a user's pipeline
would, so routing, auth and self-validation are all on the path.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from generator.mock.server import run_mock
from generator.spec.behaviours import operation_refs
from generator.spec.load import load_file, spec_path

KEY = "lifecycle-key"
BEARER = {"Authorization": f"Bearer {KEY}"}
FAILURE = {"X-Testrelay-Outcome": "failure"}


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as session:
        yield session


@pytest.fixture
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A vendor as written, or (`renamed:VENDOR`) a copy of its spec with every operationId renamed."""
    vendor = str(request.param)
    if not vendor.startswith("renamed:"):
        return vendor
    return str(renamed_copy(vendor.removeprefix("renamed:"), tmp_path))


def renamed_copy(vendor: str, folder: Path) -> Path:
    """The spec with every operationId, and every reference to one (links, extensions), given a new name.

    Nothing of the vendor's naming is left for the mock to recognise, so every behaviour must come
    from what the spec declares.
    """
    data = copy.deepcopy(load_file(spec_path(vendor)).data)
    new: dict[str, str] = {}
    for item in data["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                new[op["operationId"]] = op["operationId"] = f"renamedOperation{len(new)}"
    assert new

    def rewrite(node: Any) -> None:
        if isinstance(node, dict):
            if "operationId" in node and node["operationId"] in new:
                node["operationId"] = new[node["operationId"]]
            for value in node.values():
                rewrite(value)
        elif isinstance(node, list):
            for value in node:
                rewrite(value)

    rewrite(data)  # links and x-token-exchange
    for old, where in operation_refs(data.get("x-mock")):
        holder = data["x-mock"]
        for token in where[:-1]:
            holder = holder[token]
        assert holder[where[-1]] == old
        holder[where[-1]] = new[old]
    path = folder / f"{vendor}.json"
    path.write_text(json.dumps(data))
    text = path.read_text()
    assert not any(f'"{old}"' in text for old in new), "an operationId is left"
    return path


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, (response.status_code, response.text)
    return response.json() if response.content else None


def test_kapptivate_issues_jwts_runs_to_the_end_and_refuses_expired_tokens(client: httpx.Client) -> None:
    with run_mock("kapptivate", api_key=KEY) as mock:
        base = mock.base_url
        token = ok(client.post(f"{base}/api/auth/refresh-token/", json={"refresh_token": KEY}))["token"]
        claims = jwt.decode(token, options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == pytest.approx(120, abs=1)
        auth = {"Authorization": f"JWT {token}"}
        trigger = {"name": "nightly", "tests": [{"id": 1389}], "options": {}}
        started = ok(client.post(f"{base}/api/v1/continuous_integration/", json=trigger, headers={**auth, **FAILURE}))
        url = f"{base}/api/v1/continuous_integration/results/{started['result_id']}/"
        first = ok(client.get(url, headers=auth))
        assert first["result"]["status"] in ("pending", "ongoing", "scheduled")
        assert first["result"]["nb_success"] == 0
        last = ok(client.get(url, headers=auth))
        assert last["result"]["status"] == "failure"
        assert last["result"]["nb_success"] < last["result"]["nb_tests"]
        forged = jwt.encode(
            {"iat": int(time.time()), "exp": time.time() + 60}, "a-secret-that-this-mock-never-used", algorithm="HS256"
        )
        assert client.get(url, headers={"Authorization": f"JWT {forged}"}).status_code == 401
        assert client.get(url, headers={"Authorization": "JWT not.a.token"}).status_code == 401
        assert all(token not in str(entry) for entry in mock.journal.entries)
    with run_mock("kapptivate", api_key=KEY, token_ttl=0.5) as mock:
        short = ok(client.post(f"{mock.base_url}/api/auth/refresh-token/", json={"refresh_token": KEY}))["token"]
        unknown = f"{mock.base_url}/api/v1/continuous_integration/results/999999/"
        assert client.get(unknown, headers={"Authorization": f"JWT {short}"}).status_code == 404
        time.sleep(0.6)
        expired = client.get(unknown, headers={"Authorization": f"JWT {short}"})
        assert expired.status_code == 401
        assert "detail" in expired.json()


def test_kapptivate_expire_token_fault_revokes_a_jwt(client: httpx.Client) -> None:
    with run_mock("kapptivate", api_key=KEY) as mock:
        token = ok(client.post(f"{mock.base_url}/api/auth/refresh-token/", json={"refresh_token": KEY}))["token"]
        url = f"{mock.base_url}/api/v1/continuous_integration/results/999999/"
        auth = {"Authorization": f"JWT {token}"}
        assert client.get(url, headers={**auth, "X-Testrelay-Fault": "expire-token"}).status_code == 401
        assert client.get(url, headers=auth).status_code == 401


def test_octomind_target_environments_execution_and_report(client: httpx.Client) -> None:
    with run_mock("octomind", api_key=KEY) as mock:
        base, auth = f"{mock.base_url}/apiKey/v2", {"X-API-Key": KEY}
        target = ok(
            client.post(
                f"{base}/test-targets",
                json={"testTarget": {"app": "shop", "discoveryUrl": "https://shop.example"}},
                headers=auth,
            )
        )
        target_id = target["id"]
        assert ok(client.get(f"{base}/test-targets/{target_id}", headers=auth))["app"] == "shop"
        environments = f"{base}/test-targets/{target_id}/environments"
        created = ok(
            client.post(environments, json={"name": "qa", "discoveryUrl": "https://qa.example"}, headers=auth), 201
        )
        assert created["name"] == "qa"
        assert created["testTargetId"] == target_id
        listed = ok(client.get(environments, headers=auth))
        assert [e["id"] for e in listed] == [created["id"]]
        renamed = ok(client.patch(f"{environments}/{created['id']}", json={"name": "qa2"}, headers=auth))
        assert renamed["name"] == "qa2"
        ok(client.delete(f"{environments}/{created['id']}", headers=auth))
        assert client.patch(f"{environments}/{created['id']}", json={"name": "x"}, headers=auth).status_code == 404
        execution = {"testTargetId": target_id, "url": "https://shop.example", "context": {"source": "manual"}}
        started = ok(client.post(f"{base}/execute", json=execution, headers={**auth, **FAILURE}))
        report = started["testReport"]
        assert report["testTargetId"] == target_id
        url = f"{base}/test-targets/{target_id}/test-reports/{report['id']}"
        pending = ok(client.get(url, headers=auth))
        assert pending["status"] == "WAITING"
        assert pending["testResults"] == []
        final = ok(client.get(url, headers=auth))
        assert final["status"] == "FAILED"
        assert any(r["status"] == "FAILED" for r in final["testResults"])


@pytest.mark.parametrize("spec", ["qualigate", "renamed:qualigate"], indirect=True)
def test_qualigate_results_show_pending_runs_until_they_end(client: httpx.Client, spec: str) -> None:
    with run_mock(spec, api_key=KEY) as mock:
        base = mock.base_url
        suite = "770e8400-e29b-41d4-a716-446655440000"
        started = ok(client.post(f"{base}/api/v1/trigger", json={"test_suite_id": suite}, headers=BEARER), 201)
        suite_run = started["suite_run_id"]
        assert suite_run != "880e8400-e29b-41d4-a716-446655440000"
        results = f"{base}/api/v1/results"
        early = ok(client.get(results, params={"suite_run_id": suite_run}, headers=BEARER))
        assert early["status"] in ("pending", "running")
        assert len(early["results"]) == started["test_count"] == 5
        assert {r["status"] for r in early["results"]} <= {"pending", "running"}
        assert all(r["duration_ms"] is None and "error_message" not in r for r in early["results"])
        assert (early["total_tests"], early["passed_tests"], early["failed_tests"]) == (5, 0, 0)
        pending = ok(client.get(f"{base}/api/v1/trigger", params={"suite_run_id": suite_run}, headers=BEARER))
        assert pending["status"] in ("pending", "running")
        assert pending.get("failed_tests", 0) == 0
        done = ok(client.get(f"{base}/api/v1/trigger", params={"suite_run_id": suite_run}, headers=BEARER))
        assert done["status"] == "completed"
        assert done["failed_tests"] == 0
        aggregated = ok(client.get(results, params={"suite_run_id": suite_run}, headers=BEARER))
        assert aggregated["suite_run_id"] == suite_run
        assert aggregated["status"] == "passed"
        assert aggregated["failed_tests"] == 0
        assert aggregated["passed_tests"] == aggregated["total_tests"] == len(aggregated["results"]) == 5
        assert len({r["test_run_id"] for r in aggregated["results"]}) == 5
        case = {"test_case_id": "550e8400-e29b-41d4-a716-446655440000"}
        test_run = ok(client.post(f"{base}/api/v1/trigger", json=case, headers={**BEARER, **FAILURE}), 201)
        run_id = test_run["test_run_id"]
        for _ in range(2):
            last = ok(client.get(f"{base}/api/v1/trigger", params={"test_run_id": run_id}, headers=BEARER))
        assert last["status"] == "failed"
        assert "failed_tests" not in last
        by_runs = ok(client.get(results, params={"test_run_ids": run_id}, headers=BEARER))
        assert by_runs["failed_tests"] == 1
        assert by_runs["status"] == "failed"
        assert [r["test_run_id"] for r in by_runs["results"]] == [run_id]
        project = {"project_id": "990e8400-e29b-41d4-a716-446655440000"}
        several = ok(client.post(f"{base}/api/v1/trigger", json=project, headers=BEARER), 201)["test_run_ids"]
        assert len(set(several)) == len(several) > 1
        waiting = ok(client.get(results, params={"test_run_ids": several}, headers=BEARER))
        assert waiting["status"] == "pending"
        for test_run_id in several:
            for _ in range(2):
                ok(client.get(f"{base}/api/v1/trigger", params={"test_run_id": test_run_id}, headers=BEARER))
        everything = ok(client.get(results, params={"test_run_ids": several}, headers=BEARER))
        assert (everything["total_tests"], everything["passed_tests"]) == (len(several), len(several))
        never = "123e4567-e89b-42d3-a456-426614174000"
        assert client.get(results, params={"suite_run_id": never}, headers=BEARER).status_code == 404
        assert client.get(results, params={"test_run_ids": [run_id, never]}, headers=BEARER).status_code == 404


@pytest.mark.parametrize("outcome", ["success", "failure", "passed", "failed", "error", "timeout", "canceled"])
def test_qualigate_test_case_runs_end_in_a_test_run_status(client: httpx.Client, outcome: str) -> None:
    expected = {"success": "passed", "failure": "failed"}.get(outcome, outcome)
    with run_mock("qualigate", api_key=KEY) as mock:
        case = {"test_case_id": "550e8400-e29b-41d4-a716-446655440000"}
        headers = {**BEARER, "X-Testrelay-Outcome": outcome, "X-Testrelay-Reads": "1"}
        run = ok(client.post(f"{mock.base_url}/api/v1/trigger", json=case, headers=headers), 201)
        status = ok(
            client.get(f"{mock.base_url}/api/v1/trigger", params={"test_run_id": run["test_run_id"]}, headers=BEARER)
        )
        assert status["status"] == expected
        assert status["id"] == run["test_run_id"]
        suite = {"test_suite_id": "770e8400-e29b-41d4-a716-446655440000"}
        if outcome in ("success", "failure"):
            suite_run = ok(client.post(f"{mock.base_url}/api/v1/trigger", json=suite, headers=headers), 201)
            params = {"suite_run_id": suite_run["suite_run_id"]}
            ended = ok(client.get(f"{mock.base_url}/api/v1/trigger", params=params, headers=BEARER))
            assert ended["status"] == "completed"
            assert (ended["failed_tests"] > 0) == (outcome == "failure")


def test_prefer_never_gets_past_a_credential_check(client: httpx.Client) -> None:
    with run_mock("kapptivate", api_key=KEY) as mock:
        exchange = f"{mock.base_url}/api/auth/refresh-token/"
        for prefer in ("code=200", "dynamic=true", "example=token"):
            refused = client.post(exchange, json={"refresh_token": "wrong"}, headers={"Prefer": prefer})
            assert refused.status_code == 401, (prefer, refused.text)
        assert client.post(exchange, json={"refresh_token": KEY}, headers={"Prefer": "code=200"}).status_code == 200
        url = f"{mock.base_url}/api/v1/continuous_integration/results/1/"
        assert client.get(url, headers={"Prefer": "code=200"}).status_code == 401
    with run_mock("qualigate", api_key=KEY) as mock:
        url = f"{mock.base_url}/api/v1/ci-config"
        params = {"project_id": "990e8400-e29b-41d4-a716-446655440000"}
        wrong = {"Authorization": "Bearer wrong", "Prefer": "code=200"}
        assert client.get(url, params=params, headers=wrong).status_code == 401


def test_the_journal_records_every_request_faults_included_with_what_was_done(client: httpx.Client) -> None:
    with run_mock("qualigate", api_key=KEY) as mock:
        url = f"{mock.base_url}/api/v1/trigger"
        suite = {"test_suite_id": "770e8400-e29b-41d4-a716-446655440000"}
        for _ in range(3):
            with pytest.raises(httpx.TransportError):
                client.post(url, json=suite, headers={**BEARER, "X-Testrelay-Fault": "reset"})
        ok(client.post(url, json=suite, headers=BEARER), 201)
        assert client.post(url, json=suite, headers={**BEARER, "X-Testrelay-Fault": "503"}).status_code == 503
        assert client.post(url, json=suite, headers={"Authorization": "Bearer wrong"}).status_code == 401
        posts = [e for e in mock.journal.entries if e.method == "POST"]
        assert [e.outcome for e in posts] == [
            "fault: reset",
            "fault: reset",
            "fault: reset",
            "run started: 201",
            "fault: 503: 503",
            "refused: 401",
        ]


def test_stores_and_journal_keep_the_newest_entries_only(client: httpx.Client) -> None:
    from generator.mock.app import Settings
    from generator.mock.server import build_app

    app = build_app("qualigate", Settings(api_key=KEY, store_size=3, journal_size=4))
    transport = httpx.ASGITransport(app=app)

    async def go() -> list[int]:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as session:
            ids = []
            for _ in range(5):
                answer = await session.post("/api/v1/trigger", json={"test_case_id": SUITE_CASE}, headers=BEARER)
                ids.append(answer.json()["test_run_id"])
            return [
                (await session.get("/api/v1/trigger", params={"test_run_id": i}, headers=BEARER)).status_code
                for i in ids
            ]

    import asyncio

    assert asyncio.run(go()) == [404, 404, 200, 200, 200]
    assert len(app.runs) == 3
    assert len(app.journal.entries) == 4
    assert app.journal.received == 10


SUITE_CASE = "550e8400-e29b-41d4-a716-446655440000"


@pytest.mark.parametrize("spec", ["doksi", "renamed:doksi"], indirect=True)
def test_doksi_upload_target_and_matrix_run(client: httpx.Client, spec: str) -> None:
    with run_mock(spec, api_key=KEY) as mock:
        base = mock.base_url
        upload = ok(client.post(f"{base}/uploads", json={"name": "shop"}, headers=BEARER), 201)
        assert upload["upload_url"].startswith(f"http://{mock.host}:{mock.port}/_testrelay/uploads/")
        early = client.post(f"{base}/targets", json={"upload_id": upload["upload_id"]}, headers=BEARER)
        assert early.status_code == 404
        assert "error" in early.json()
        refused = client.put(upload["upload_url"], content=b"PK", headers={"Content-Type": "text/plain"})
        assert refused.status_code == 400
        assert "<Error>" in refused.text
        assert client.put(upload["upload_url"], content=b"PK\x03\x04", headers={"Content-Type": "application/zip"})
        assert client.post(f"{base}/targets", json={"upload_id": "upl_never"}, headers=BEARER).status_code == 404
        named = {"upload_id": upload["upload_id"], "name": "Shop", "version": "2.0"}
        target = ok(client.post(f"{base}/targets", json=named, headers=BEARER), 201)
        assert (target["name"], target["version"]) == ("Shop", "2.0")
        matrix = [
            {"platform": "web", "web_url": "https://shop.example", "test_ids": ["abc123"]},
            {"platform": "android", "target_id": target["target_id"], "test_ids": ["abc123"]},
        ]
        run = ok(client.post(f"{base}/runs", json={"matrix": matrix}, headers={**BEARER, **FAILURE}), 201)
        first = ok(client.get(f"{base}/runs/{run['run_id']}", headers=BEARER))
        assert first["status"] in ("queued", "running")
        assert first["tests_passed"] == first["tests_failed"] == 0
        assert len(run["results"]) == 2
        last = ok(client.get(f"{base}/runs/{run['run_id']}", headers=BEARER))
        assert last["status"] == "failed"
        assert (last["tests_total"], last["tests_failed"], last["tests_passed"]) == (2, 1, 1)
        assert {r["result_id"] for r in last["results"]} == {r["result_id"] for r in run["results"]}
        unknown = [{"platform": "android", "target_id": "bin_never_issued", "test_ids": ["abc123"]}]
        rejected = client.post(f"{base}/runs", json={"matrix": unknown}, headers=BEARER)
        assert rejected.status_code == 400
        assert "bin_never_issued" in rejected.json()["error"]


@pytest.mark.parametrize("spec", ["testmo", "renamed:testmo"], indirect=True)
def test_testmo_runs_threads_tests_and_completion(client: httpx.Client, spec: str) -> None:
    with run_mock(spec, api_key=KEY) as mock:
        base = mock.base_url
        created = ok(
            client.post(
                f"{base}/projects/7/automation/runs",
                json={"name": "nightly", "source": "ci", "tags": ["smoke"]},
                headers=BEARER,
            ),
            201,
        )
        run_url = f"{base}/automation/runs/{created['id']}"
        thread = ok(client.post(f"{run_url}/threads", json={}, headers=BEARER), 201)
        thread_url = f"{base}/automation/runs/threads/{thread['id']}"
        tests = [
            {"key": "a1", "name": "test_login", "status": "passed", "folder": "auth"},
            {"key": "b2", "name": "test_pay", "status": "failed", "folder": "checkout"},
            {"key": "c3", "name": "test_logout", "status": "passed", "folder": "auth"},
        ]
        ok(client.post(f"{thread_url}/append", json={"tests": tests}, headers=BEARER), 204)
        running = ok(client.get(run_url, headers=BEARER))["result"]
        assert running["is_completed"] is False
        assert running["total_count"] == 3
        ok(client.post(f"{thread_url}/complete", json={}, headers=BEARER), 204)
        late = client.post(f"{thread_url}/append", json={"tests": tests[:1]}, headers=BEARER)
        assert late.status_code == 403
        assert late.json()["message"] == "The thread is already completed."
        ok(client.post(f"{run_url}/complete", json={}, headers=BEARER), 204)
        assert client.post(f"{run_url}/append", json={"links": []}, headers=BEARER).status_code == 403
        ok(client.post(f"{run_url}/complete", json={}, headers=BEARER), 204)
        done = ok(client.get(run_url, headers=BEARER))["result"]
        assert done["is_completed"] is True
        assert (done["failure_count"], done["success_count"], done["total_count"]) == (1, 2, 3)
        assert (done["name"], done["tags"], done["thread_count"]) == ("nightly", ["smoke"], 1)
        listed = ok(client.get(f"{base}/automation/runs/{created['id']}/tests", headers=BEARER))
        assert sorted(t["name"] for t in listed["result"]) == ["test_login", "test_logout", "test_pay"]
        assert client.get(f"{base}/automation/runs/999999", headers=BEARER).status_code == 404
        assert (
            client.post(f"{base}/automation/runs/threads/999999/complete", json={}, headers=BEARER).status_code == 404
        )
        for i in range(15):
            ok(
                client.post(
                    f"{base}/projects/7/automation/runs", json={"name": f"r{i}", "source": "ci"}, headers=BEARER
                ),
                201,
            )
        ids, pages, page = [], 0, 1
        while page is not None:
            answer = ok(
                client.get(f"{base}/projects/7/automation/runs", params={"page": page, "per_page": 15}, headers=BEARER)
            )
            ids += [r["id"] for r in answer["result"]]
            pages, page = pages + 1, answer["next_page"]
        assert pages == 2
        assert len(ids) == len(set(ids)) == 16
        assert ids == sorted(ids, reverse=True)


@pytest.mark.parametrize("spec", ["testmo", "renamed:testmo"], indirect=True)
def test_testmo_run_created_with_a_pace_ends_by_it(client: httpx.Client, spec: str) -> None:
    with run_mock(spec, api_key=KEY) as mock:
        paced = {**BEARER, **FAILURE, "X-Testrelay-Reads": "2"}
        created = ok(
            client.post(
                f"{mock.base_url}/projects/1/automation/runs", json={"name": "n", "source": "s"}, headers=paced
            ),
            201,
        )
        url = f"{mock.base_url}/automation/runs/{created['id']}"
        assert ok(client.get(url, headers=BEARER))["result"]["is_completed"] is False
        final = ok(client.get(url, headers=BEARER))["result"]
        assert final["is_completed"] is True
        assert final["failure_count"] >= 1


def test_duration_pace_ends_a_run_at_the_first_read_after_it(client: httpx.Client) -> None:
    with run_mock("doksi", api_key=KEY) as mock:
        matrix = [{"platform": "web", "web_url": "https://shop.example", "test_ids": ["abc123"]}]
        headers = {**BEARER, "X-Testrelay-Duration": "0.3", "X-Testrelay-Reads": "1"}
        run = ok(client.post(f"{mock.base_url}/runs", json={"matrix": matrix}, headers=headers), 201)
        url = f"{mock.base_url}/runs/{run['run_id']}"
        for _ in range(3):
            assert ok(client.get(url, headers=BEARER))["status"] in ("queued", "running")
        time.sleep(0.35)
        assert ok(client.get(url, headers=BEARER))["status"] == "passed"


def test_seeded_items_page_by_number(client: httpx.Client) -> None:
    with run_mock("testmo", api_key=KEY) as mock:
        seeded = {**BEARER, "X-Testrelay-Items": "40"}
        url = f"{mock.base_url}/projects/1/automation/runs"
        ids, pages, page = [], 0, 1
        while page is not None:
            answer = ok(client.get(url, params={"page": page, "per_page": 15}, headers=seeded))
            assert answer["page"] == page
            ids += [r["id"] for r in answer["result"]]
            pages, page = pages + 1, answer["next_page"]
        assert pages == 3
        assert len(set(ids)) == 40
        again = ok(client.get(url, params={"page": 3, "per_page": 15}, headers=seeded))
        assert [r["id"] for r in again["result"]] == ids[30:]


def test_seeded_items_page_by_keyset(client: httpx.Client) -> None:
    with run_mock("octomind", api_key=KEY) as mock:
        headers = {"X-API-Key": KEY, "X-Testrelay-Items": "7"}
        url = f"{mock.base_url}/apiKey/v2/test-targets/3435918b-3d29-4ebd-8c68-9a540532f45a/test-reports"
        first = ok(client.get(url, headers=headers))
        size = len(first["data"])
        ids: list[str] = []
        pages, params = 0, dict[str, str]()
        while True:
            answer = ok(client.get(url, params=params, headers=headers))
            ids += [r["id"] for r in answer["data"]]
            assert {r["testTargetId"] for r in answer["data"]} == {url.split("/")[-2]}
            pages += 1
            if not answer["hasNextPage"]:
                break
            params = {f"key[{name}]": value for name, value in answer["key"].items()}
        assert len(ids) == len(set(ids)) == 7
        assert pages == -(-7 // size)


def test_prefer_code_is_stateless_even_for_ids_the_mock_never_issued(client: httpx.Client) -> None:
    with run_mock("testmo", api_key=KEY) as mock:
        prefer = {**BEARER, "Prefer": "code=204"}
        url = f"{mock.base_url}/automation/runs/threads/424242/append"
        assert client.post(url, json={"tests": []}, headers=prefer).status_code == 204
        created = ok(
            client.post(
                f"{mock.base_url}/projects/1/automation/runs",
                json={"name": "n", "source": "s"},
                headers={**BEARER, "Prefer": "code=201"},
            ),
            201,
        )
        assert client.get(f"{mock.base_url}/automation/runs/{created['id']}", headers=BEARER).status_code == 404
        assert mock.app.runs == {}
    with run_mock("doksi", api_key=KEY) as mock:
        unknown = [{"platform": "android", "target_id": "bin_never_issued", "test_ids": ["abc123"]}]
        answer = client.post(
            f"{mock.base_url}/runs", json={"matrix": unknown}, headers={**BEARER, "Prefer": "code=201"}
        )
        assert answer.status_code == 201
        assert mock.app.runs == {}
