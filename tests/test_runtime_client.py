"""The runtime under the generated clients: retries, wait hints, auth, polling and paging, logs.

Every test drives a generated vendor client through httpx.MockTransport; sleeps and clocks are
replaced, so nothing really waits.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from generated import testmo
from generated.kapptivate import AsyncKapptivateClient, CiTest, KapptivateClient
from generated.octomind import AsyncOctomindClient, OctomindClient
from generated.qualigate import AsyncQualigateClient, QualigateClient, SuiteRunStatus
from generator.runtime import (
    APITimeoutError,
    AsyncAPIClient,
    AuthenticationError,
    InternalServerError,
    PollTimeoutError,
    RateLimitError,
    RunFailedError,
    TokenExchangeAuth,
    TokenExchangeError,
    backoff,
    parse_retry_after,
)

Handler = Callable[[httpx.Request], httpx.Response]
SUITE = "880e8400-e29b-41d4-a716-446655440000"


class Recorder:
    """Stands in for time.sleep and the monotonic clock: sleeping advances the clock."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def wire(client: Any, recorder: Recorder, *, asynchronous: bool = False) -> Any:
    client._sleep = recorder.asleep if asynchronous else recorder.sleep
    client._clock = recorder.clock
    client._random = lambda: 0.0
    return client


class Facade:
    """Calls a sync client as it is, and an async one through asyncio.run, so one test serves both."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.is_async = isinstance(client, AsyncAPIClient)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.client, name)
        if not self.is_async or not callable(attr):
            return attr

        def run(*args: Any, **kwargs: Any) -> Any:
            result = attr(*args, **kwargs)
            if inspect.isasyncgen(result):
                return asyncio.run(_collect(result))
            return asyncio.run(result)

        return run


async def _collect(items: Any) -> list[Any]:
    return [item async for item in items]


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def make(sync_cls: Any, async_cls: Any, flavor: str, handler: Handler, recorder: Recorder, **kwargs: Any) -> Facade:
    if flavor == "sync":
        http: Any = httpx.Client(transport=httpx.MockTransport(handler))
        return Facade(wire(sync_cls(http_client=http, **kwargs), recorder))
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return Facade(wire(async_cls(http_client=http, **kwargs), recorder, asynchronous=True))


def qualigate(handler: Handler, recorder: Recorder, flavor: str = "sync", **kwargs: Any) -> Any:
    return make(QualigateClient, AsyncQualigateClient, flavor, handler, recorder, api_key="qg_key", **kwargs)


# -- backoff and hints -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "jitter", "seconds"),
    [
        (0, 0.0, 0.5),
        (1, 0.0, 1.0),
        (2, 0.0, 2.0),
        (3, 0.0, 4.0),
        (4, 0.0, 8.0),
        (9, 0.0, 8.0),
        (0, 0.5, 0.4375),
        (4, 0.99, 6.02),
    ],
)
def test_backoff_doubles_to_a_cap_with_jitter(attempt: int, jitter: float, seconds: float) -> None:
    assert backoff(attempt, jitter) == pytest.approx(seconds)


NOW = 1_445_412_480.0  # Wed, 21 Oct 2015 07:28:00 GMT


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("3", 3.0),
        ("1.5", 1.5),
        ("0", 0.0),
        ("-5", 0.0),
        ("nan", None),
        ("inf", None),
        ("1e999", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("999999", 999999.0),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
        ("Wed, 99 Oct 2015 07:28:30 GMT", None),
    ],
)
def test_retry_after_seconds_and_dates(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


# -- retries through a generated client --------------------------------------------------------------


def status_body(status: str = "passed") -> dict[str, Any]:
    return {"id": SUITE, "status": status, "total_tests": 1, "passed_tests": 1, "failed_tests": 0}


def scripted(*answers: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    seen: list[httpx.Request] = []
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, seen


def triggered() -> httpx.Response:
    return httpx.Response(
        201, json={"success": True, "suite_run_id": SUITE, "test_count": 1, "status": "pending", "message": "ok"}
    )


def test_get_is_retried_on_503_with_backoff(flavor: str) -> None:
    recorder = Recorder()
    handler, seen = scripted(httpx.Response(503), httpx.Response(502), httpx.Response(200, json=status_body()))
    assert qualigate(handler, recorder, flavor).get_run_status(suite_run_id=SUITE).status == "passed"
    assert len(seen) == 3
    assert recorder.slept == [0.5, 1.0]


def test_retries_stop_at_max_retries_per_client_and_per_call(flavor: str) -> None:
    recorder = Recorder()
    handler, seen = scripted(*[httpx.Response(500, json={"error": "x", "message": "boom"})] * 3)
    with pytest.raises(InternalServerError, match="500 Internal Server Error: boom"):
        qualigate(handler, recorder, flavor).get_run_status(suite_run_id=SUITE)
    assert len(seen) == 3
    handler, seen = scripted(*[httpx.Response(500)] * 6)
    with pytest.raises(InternalServerError):
        qualigate(handler, recorder, flavor, max_retries=5).get_run_status(suite_run_id=SUITE, max_retries=0)
    assert len(seen) == 1
    handler, seen = scripted(*[httpx.Response(500)] * 6)
    with pytest.raises(InternalServerError):
        qualigate(handler, recorder, flavor, max_retries=4).get_run_status(suite_run_id=SUITE)
    assert len(seen) == 5


@pytest.mark.parametrize(
    ("answers", "slept"),
    [
        ([(503, "3")], [3.0]),
        ([(503, None)], [0.5]),
        ([(503, "soon")], [0.5]),
        ([(503, "-5")], [0.0]),
        ([(503, "nan")], [0.5]),
        ([(503, "Wed, 21 Oct 2015 07:28:30 GMT")], [0.0]),
        ([(503, None), (503, None)], [0.5, 1.0]),
        ([(429, "2"), (503, None)], [2.0, 1.0]),
    ],
    ids=["seconds", "none", "garbage", "negative", "nan", "past-date", "backoff", "hint-then-backoff"],
)
def test_backoff_table_of_attempt_and_hint(
    flavor: str, answers: list[tuple[int, str | None]], slept: list[float]
) -> None:
    recorder = Recorder()
    replies = [httpx.Response(code, headers={"Retry-After": hint} if hint else {}) for code, hint in answers]
    handler, seen = scripted(*replies, httpx.Response(200, json=status_body()))
    qualigate(handler, recorder, flavor, max_retries=3).get_run_status(suite_run_id=SUITE)
    assert recorder.slept == slept
    assert len(seen) == len(answers) + 1


@pytest.mark.parametrize("code", [429, 503])
def test_a_huge_hint_is_never_slept(flavor: str, code: int) -> None:
    recorder = Recorder()
    handler, seen = scripted(httpx.Response(code, headers={"Retry-After": "999999"}))
    with pytest.raises(RateLimitError if code == 429 else InternalServerError) as info:
        qualigate(handler, recorder, flavor).get_run_status(suite_run_id=SUITE)
    assert recorder.slept == []
    assert len(seen) == 1
    if code == 429:
        assert isinstance(info.value, RateLimitError)
        assert info.value.retry_after == 999999.0


def test_post_is_not_resent_after_a_500_or_a_read_timeout(flavor: str) -> None:
    recorder = Recorder()
    handler, seen = scripted(httpx.Response(500))
    with pytest.raises(InternalServerError):
        qualigate(handler, recorder, flavor).trigger_tests(test_suite_id=SUITE)
    assert len(seen) == 1
    handler, seen = scripted(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError):
        qualigate(handler, recorder, flavor).trigger_tests(test_suite_id=SUITE)
    assert len(seen) == 1


def test_post_is_resent_after_a_429_or_a_failed_connect(flavor: str) -> None:
    recorder = Recorder()
    limited = httpx.Response(429, json={"error": "Too Many Requests", "message": "slow down", "retry_after": 7})
    handler, seen = scripted(limited, triggered())
    assert str(qualigate(handler, recorder, flavor).trigger_tests(test_suite_id=SUITE).suite_run_id) == SUITE
    assert len(seen) == 2
    assert recorder.slept == [7.0]
    handler, seen = scripted(httpx.ConnectError("refused"), triggered())
    qualigate(handler, recorder, flavor).trigger_tests(test_suite_id=SUITE)
    assert len(seen) == 2


def test_a_wait_above_the_cap_raises_instead_of_sleeping(flavor: str) -> None:
    recorder = Recorder()
    handler, seen = scripted(
        httpx.Response(429, json={"error": "Too Many Requests", "message": "later", "retry_after": 600})
    )
    with pytest.raises(RateLimitError) as info:
        qualigate(handler, recorder, flavor).get_run_status(suite_run_id=SUITE)
    assert info.value.retry_after == 600.0
    assert recorder.slept == []
    assert len(seen) == 1


def test_testmo_waits_60_s_on_a_429_without_header_and_honours_retry_after() -> None:
    recorder = Recorder()
    run = {
        "result": {
            "id": 1,
            "project_id": 1,
            "name": "r",
            "status": 2,
            "is_completed": True,
            "created_at": "2023-02-15T10:00:00.000Z",
        }
    }
    handler, _ = scripted(
        httpx.Response(429), httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(200, json=run)
    )
    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = wire(testmo.TestmoClient(api_key="t", http_client=http, instance="acme"), recorder)
    assert client.get_automation_run(automation_run_id=1).result.id == 1
    assert recorder.slept == [60.0, 2.0]


def test_a_retry_rebuilds_the_request_with_fresh_auth(flavor: str) -> None:
    recorder = Recorder()
    handler, seen = scripted(httpx.Response(503), httpx.Response(200, json=status_body()))
    qualigate(handler, recorder, flavor, auth_scheme="api_key_auth").get_run_status(suite_run_id=SUITE)
    assert [r.headers.get("X-API-Key") for r in seen] == ["qg_key", "qg_key"]
    assert seen[0] is not seen[1]


# -- token exchange ----------------------------------------------------------------------------------


class Kapptivate:
    """A Kapptivate-like server: JWTs that expire on the recorder's clock."""

    def __init__(self, recorder: Recorder, *, ttl: float = 120.0, pending_until: float | None = None) -> None:
        self.recorder = recorder
        self.ttl = ttl
        self.pending_until = pending_until
        self.exchanges = 0
        self.rejected = 0
        self.tokens: dict[str, float] = {}
        self.lock = threading.Lock()
        self.exchange_delay = 0.0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/auth/refresh-token/":
            time.sleep(self.exchange_delay)
            if json.loads(request.content) != {"refresh_token": "refresh-secret"}:
                return httpx.Response(401, json={"detail": "Invalid refresh token."})
            with self.lock:
                self.exchanges += 1
                token = f"jwt-{self.exchanges}"
                self.tokens[token] = self.recorder.now + self.ttl
            return httpx.Response(200, json={"token": token})
        token = request.headers.get("Authorization", "").removeprefix("JWT ")
        if self.tokens.get(token, 0.0) <= self.recorder.now:
            with self.lock:
                self.rejected += 1
            return httpx.Response(401, json={"detail": "Signature has expired."})
        if request.url.path == "/api/v1/continuous_integration/":
            return httpx.Response(200, json={"status": "success", "result_uri": "/r/5/", "result_id": 5})
        done = self.pending_until is None or self.recorder.now >= self.pending_until
        result = {"status": "success" if done else "ongoing", "nb_tests": 1, "nb_success": 1 if done else 0}
        return httpx.Response(200, json={"name": "run", "result": result})


def kapptivate(server: Kapptivate, recorder: Recorder, flavor: str = "sync", key: str = "refresh-secret") -> Any:
    client = make(KapptivateClient, AsyncKapptivateClient, flavor, server, recorder, api_key=key, domain="acme")
    client._auth.cache._clock = recorder.clock
    return client


def test_one_exchange_for_8_threads_and_8_tasks_sharing_one_cache() -> None:
    recorder = Recorder()
    server = Kapptivate(recorder)
    server.exchange_delay = 0.05
    auth = TokenExchangeAuth(
        "refresh-secret",
        exchange_url="https://acme.kapptivate.com/api/auth/refresh-token/",
        key_pointer="/refresh_token",
        token_pointer="/token",
        header_prefix="JWT",
        ttl_seconds=120,
        clock=recorder.clock,
    )
    url = "https://acme.kapptivate.com/api/v1/continuous_integration/results/5/"
    statuses: list[int] = []
    sync_client = httpx.Client(transport=httpx.MockTransport(server), auth=auth)
    barrier = threading.Barrier(9)

    def in_thread() -> None:
        barrier.wait()
        statuses.append(sync_client.get(url).status_code)

    async def in_tasks() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(server), auth=auth) as client:
            barrier.wait()
            responses = await asyncio.gather(*(client.get(url) for _ in range(8)))
        statuses.extend(r.status_code for r in responses)

    threads = [threading.Thread(target=in_thread) for _ in range(8)]
    threads.append(threading.Thread(target=lambda: asyncio.run(in_tasks())))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 16
    assert server.exchanges == 1
    assert auth.exchanges == 1


def test_a_401_is_replayed_exactly_once_with_a_fresh_token(flavor: str) -> None:
    recorder = Recorder()
    server = Kapptivate(recorder)
    client = kapptivate(server, recorder, flavor)
    client.get_ci_result(result_id=5)
    server.tokens.clear()  # the server forgets every token it issued
    assert client.get_ci_result(result_id=5).result.status == "success"
    assert server.exchanges == 2
    assert server.rejected == 1
    server.ttl = 0.0  # every token is dead on arrival: one replay, then the error
    server.tokens.clear()
    with pytest.raises(AuthenticationError):
        client.get_ci_result(result_id=5)
    assert server.rejected == 3


def test_a_rejected_key_raises_a_typed_error_that_names_no_secret(flavor: str) -> None:
    recorder = Recorder()
    server = Kapptivate(recorder)
    client = kapptivate(server, recorder, flavor, key="wrong-secret")
    with pytest.raises(TokenExchangeError) as info:
        client.get_ci_result(result_id=5)
    assert str(info.value) == "token exchange refused: 401 Unauthorized: Invalid refresh token."
    assert info.value.status_code == 401
    assert "wrong-secret" not in repr(info.value) + repr(client) + repr(client._auth)


def test_a_five_minute_wait_refreshes_the_two_minute_token_before_it_expires(flavor: str) -> None:
    recorder = Recorder()
    server = Kapptivate(recorder, pending_until=recorder.now + 300)
    client = kapptivate(server, recorder, flavor)
    updates: list[str] = []
    final = client.trigger_ci_run_and_wait(
        name="nightly", tests=[CiTest(id=1389)], on_update=lambda r: updates.append(str(r.result.status))
    )
    assert final.result.status == "success"
    assert recorder.now - 1000.0 >= 300
    assert server.exchanges >= 3
    assert server.rejected == 0
    assert updates[0] == "ongoing" and updates[-1] == "success"


def test_a_callers_interval_applies_when_the_server_gives_no_hint(flavor: str) -> None:
    recorder = Recorder()
    server = Kapptivate(recorder, pending_until=recorder.now + 45)
    client = kapptivate(server, recorder, flavor)
    assert client.trigger_ci_run_and_wait(name="n", tests=[CiTest(id=1)], poll_interval=15).result.status == "success"
    assert recorder.slept == [15.0, 15.0, 15.0]
    assert server.exchanges == 1


# -- polling and paging through generated methods ----------------------------------------------------


def suite_server(statuses: list[dict[str, Any]]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return triggered()
        assert request.url.params["suite_run_id"] == SUITE
        return httpx.Response(200, json=statuses.pop(0) if len(statuses) > 1 else statuses[0])

    return handler


def test_qualigate_completed_suite_is_judged_by_failed_tests(flavor: str) -> None:
    recorder = Recorder()
    states = [status_body("pending"), status_body("running"), {**status_body("completed"), "failed_tests": 1}]
    client = qualigate(suite_server(states), recorder, flavor)
    final = client.trigger_tests_and_wait(test_suite_id=SUITE)
    assert isinstance(final, SuiteRunStatus)
    assert final.failed_tests == 1
    assert recorder.slept == [10.0, 10.0]
    states = [status_body("running"), {**status_body("completed"), "failed_tests": 2}]
    with pytest.raises(RunFailedError, match="completed"):
        qualigate(suite_server(states), recorder, flavor).trigger_tests_and_wait(
            test_suite_id=SUITE, raise_on_failure=True
        )


def test_a_wait_raises_at_its_deadline_without_sleeping_past_it(flavor: str) -> None:
    recorder = Recorder()
    client = qualigate(suite_server([status_body("running")]), recorder, flavor)
    with pytest.raises(PollTimeoutError) as info:
        client.wait_for_run(suite_run_id=SUITE, deadline=25)
    assert recorder.slept == [10.0, 10.0, 5.0]
    assert info.value.elapsed == 25.0
    assert info.value.status == "running"


def test_an_unknown_status_counts_as_pending(flavor: str) -> None:
    recorder = Recorder()
    states = [status_body("queued-somewhere-new"), status_body("passed")]
    client = qualigate(suite_server(states), recorder, flavor)
    assert client.wait_for_run(suite_run_id=SUITE, poll_interval=3).status == "passed"
    assert recorder.slept == [3.0]


def run_row(run_id: int) -> dict[str, Any]:
    return {
        "id": run_id,
        "project_id": 5,
        "name": f"run {run_id}",
        "status": 2,
        "is_completed": True,
        "created_at": "2023-02-15T10:00:00.000Z",
    }


def test_testmo_pages_by_number_until_next_page_is_null(flavor: str) -> None:
    pages = {1: ([1, 2], 2), 2: ([3, 4], 3), 3: ([5], None)}
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.query.decode())
        page = int(request.url.params.get("page", "1"))
        ids, following = pages[page]
        envelope = {
            "page": page,
            "prev_page": page - 1 or None,
            "next_page": following,
            "last_page": 3,
            "per_page": 25,
            "total": 5,
        }
        return httpx.Response(200, json={**envelope, "result": [run_row(i) for i in ids], "expands": {}})

    client = testmo.TestmoClient(
        api_key="t", instance="acme", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    runs = client.iter_automation_runs(project_id=5, per_page=25)
    assert asked == []
    assert [run.id for run in runs] == [1, 2, 3, 4, 5]
    assert asked == ["per_page=25", "page=2&per_page=25", "page=3&per_page=25"]


def test_octomind_pages_by_keyset_until_has_next_page_is_false(flavor: str) -> None:
    target = "3435918b-3d29-4ebd-8c68-9a540532f45a"

    def report(i: int) -> dict[str, Any]:
        return {
            "id": f"826c15af-644b-4b28-89b4-f50ff34e46b{i}",
            "testTargetId": target,
            "createdAt": f"2024-09-0{i}T13:01:51.686Z",
            "updatedAt": f"2024-09-0{i}T13:01:51.686Z",
            "executionUrl": "https://example.com/",
            "status": "PASSED",
            "context": {"source": "manual"},
        }

    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.query.decode())
        cursor = request.url.params.get("key[createdAt]")
        if cursor is None:
            return httpx.Response(
                200,
                json={
                    "data": [report(1), report(2)],
                    "key": {"createdAt": "2024-09-02T13:01:51.686Z"},
                    "hasNextPage": True,
                },
            )
        return httpx.Response(200, json={"data": [report(3)], "hasNextPage": False})

    client = make(OctomindClient, AsyncOctomindClient, flavor, handler, Recorder(), api_key="o")
    reports = list(client.iter_test_reports(test_target_id=target))
    assert [r.created_at.day for r in reports] == [1, 2, 3]
    assert asked == ["", "key[createdAt]=2024-09-02T13%3A01%3A51.686000Z"]


# -- logs ------------------------------------------------------------------------------------------


@pytest.fixture
def records() -> Iterator[list[logging.LogRecord]]:
    captured: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            captured.append(record)

    handler = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield captured
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


def test_no_secret_in_any_log_record_repr_or_exception(records: list[logging.LogRecord], flavor: str) -> None:
    secret = "SECRET-CANARY-7f3a"
    recorder = Recorder()
    handler, _ = scripted(
        httpx.Response(429, json={"error": "Too Many Requests", "message": "slow", "retry_after": 1}),
        triggered(),
        httpx.Response(401, json={"error": "Unauthorized", "message": "Missing or invalid API key"}),
    )
    client = make(QualigateClient, AsyncQualigateClient, flavor, handler, recorder, api_key=secret)
    client.trigger_tests(test_suite_id=SUITE, context={"source": secret}, extra_headers={"X-Canary": secret})
    with pytest.raises(AuthenticationError) as info:
        client.get_run_status(suite_run_id=SUITE, extra_headers={"X-Canary": secret})
    server = Kapptivate(recorder)
    kapp = kapptivate(server, recorder, flavor)
    kapp.get_ci_result(result_id=5)
    texts = [r.getMessage() + repr(r.args) for r in records]
    assert any("retry 1/2" in t for t in texts)
    exposed = [
        *texts,
        repr(client),
        repr(client._auth),
        str(info.value),
        repr(info.value),
        repr(info.value.body),
        repr(kapp._auth),
    ]
    assert [t for t in exposed if secret in t or "refresh-secret" in t or "jwt-1" in t] == []
