"""The generated surface, on the golden record's package: raw responses, exports, names, timeouts."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import generator.runtime as runtime
from tests.golden import golden_api

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler) -> golden_api.GoldenApiClient:
    return golden_api.GoldenApiClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def item(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, json={"id": 1, "status": "open"}, headers={"x-request-id": "req-42", "x-extra": "yes"})


def test_with_raw_response_gives_status_headers_and_request_id() -> None:
    raw = client(item).with_raw_response.create_item(name="box")
    assert isinstance(raw, runtime.RawResponse)
    assert (raw.status_code, raw.request_id, raw.headers["x-extra"]) == (201, "req-42", "yes")
    assert isinstance(raw.parsed, golden_api.Item)
    assert raw.parse() is raw.parsed
    assert "k" not in repr(raw)


def test_async_with_raw_response() -> None:
    async def run() -> runtime.RawResponse[golden_api.Item]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(item))
        async with golden_api.AsyncGoldenApiClient(api_key="k", http_client=http) as api:
            return await api.with_raw_response.create_item(body=golden_api.NewItem(name="bag"))

    raw = asyncio.run(run())
    assert raw.status_code == 201 and raw.parsed.id == 1


def test_package_exports_the_errors_and_renames_a_schema_that_collides() -> None:
    for name in ("APIError", "NotFoundError", "RateLimitError", "PollTimeoutError", "RawResponse"):
        assert getattr(golden_api, name) is getattr(runtime, name)
        assert name in golden_api.__all__
    assert issubclass(golden_api.RateLimitErrorModel, golden_api.Error)

    def limited(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"message": "slow down", "retry_after": 500})

    with pytest.raises(golden_api.RateLimitError) as raised:
        client(limited).get_item(item_id=1, label=["a"], matrix="m", x_flags=["f"])
    assert isinstance(raised.value.body, golden_api.RateLimitErrorModel)
    assert raised.value.retry_after == 500


def test_required_fields_or_the_whole_body() -> None:
    sent: list[Any] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return item(request)

    api = client(record)
    api.create_item(name="box")
    api.create_item(body=golden_api.NewItem(name="bag"), size=2)
    assert sent == [{"name": "box"}, {"name": "bag", "size": 2}]
    with pytest.raises(TypeError, match="missing required body field"):
        api.create_item(size=3)  # type: ignore[call-overload]  # what mypy reports, checked at run time too


def test_timeout_is_per_request_and_deadline_is_the_wait() -> None:
    timeouts: list[Any] = []
    reads = iter(["running", "passed"])

    def answer(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"]["read"])
        if request.method == "POST":
            return httpx.Response(201, json={"suite_run_id": "s1"})
        return httpx.Response(200, json={"state": next(reads)})

    api = client(answer)
    api._sleep = lambda seconds: None
    final = api.start_run_and_wait(project="p", suite_id="s", deadline=60, timeout=3.0, poll_interval=0.01)
    assert final.state == "passed"
    assert timeouts == [3.0, 3.0, 3.0]


def test_helper_names_come_from_the_extensions_with_the_old_names_as_default() -> None:
    names = set(dir(golden_api.GoldenApiClient))
    assert {"wait_for_run", "iter_shapes", "iter_list_events", "start_run_and_wait"} <= names
    assert not {"wait_for_get_run", "iter_list_shapes"} & names


@pytest.mark.parametrize("cls", [golden_api.GoldenApiClient, golden_api.AsyncGoldenApiClient])
def test_every_argument_of_every_method_is_documented(cls: type[Any]) -> None:
    for name, member in inspect.getmembers(cls, inspect.isfunction):
        if name.startswith("_") or member.__qualname__.split(".")[0] != cls.__name__:
            continue
        doc = inspect.getdoc(member) or ""
        for parameter in list(inspect.signature(member).parameters)[1:]:
            assert f"\n    {parameter}: " in doc, f"{name}: {parameter} is not documented"
