"""BrowserStack App Automate, from a spec written from its public docs: its generated client against its mock.

The client authenticates with HTTP basic (username and access key), starts an Espresso build, waits
for it through `x-polling`, and walks the recent builds with offset and limit, over real HTTP.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from generator.codegen.render import generate
from generator.mock.server import MockServer, run_mock
from generator.runtime import AuthenticationError, RunFailedError
from tests.conftest import REPO

SPEC = REPO / "tests" / "platforms" / "browserstack.yaml"
BUILD = {
    "app": "bs://9c6dcb5649a8280ca800075bfd8f151115bba6b3",
    "test_suite": "bs://89c874f21852ba57957a3fdc33f47514288c4ba1",
    "devices": ["Google Pixel 3-10.0"],
}


@pytest.fixture(scope="module")
def browserstack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    out = tmp_path_factory.mktemp("platform")
    outcome = generate([(SPEC, "tests/platforms/browserstack.yaml")], out, check_only=False)
    assert outcome.problems == [] and outcome.notes == []
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("browserstack")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == "browserstack" or m.startswith("browserstack.")]:
            sys.modules.pop(name)


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with run_mock(str(SPEC)) as server:
        yield server


def credentials(mock: MockServer) -> dict[str, str]:
    return {"username": mock.credential("username"), "password": mock.credential("password")}


def test_a_build_is_started_waited_for_and_judged(browserstack: Any, mock: MockServer) -> None:
    mock.app.reset()
    statuses: list[str] = []
    with browserstack.BrowserstackClient(base_url=mock.base_url, **credentials(mock)) as client:
        final = client.execute_espresso_build_and_wait(
            **BUILD,
            poll_interval=0.01,
            on_update=lambda build: statuses.append(str(build.status)),
            extra_headers={"X-Testrelay-Reads": "3"},
        )
        assert final.status == "passed"
        with pytest.raises(RunFailedError):
            client.execute_espresso_build_and_wait(
                **BUILD, poll_interval=0.01, raise_on_failure=True, extra_headers={"X-Testrelay-Outcome": "failure"}
            )
    assert statuses == ["queued", "running", "passed"]
    sent = [e for e in mock.journal.entries if e.path == "/app-automate/espresso/v2/build"]
    assert sent and all(e.headers["authorization"] == "Basic <redacted>" for e in sent)


def test_recent_builds_are_walked_by_offset_and_limit(browserstack: Any, mock: MockServer) -> None:
    mock.app.reset()

    async def walk() -> list[Any]:
        async with browserstack.AsyncBrowserstackClient(base_url=mock.base_url, **credentials(mock)) as client:
            return [b async for b in client.iter_list_builds(extra_headers={"X-Testrelay-Items": "25"})]

    builds = asyncio.run(walk())
    assert len({b.automation_build.hashed_id for b in builds}) == 25
    pages = [e.query for e in mock.journal.entries if e.path == "/app-automate/builds.json"]
    assert pages == ["", "offset=10", "offset=20"]  # 10 a page by default, the last one short


def test_a_wrong_access_key_is_refused(browserstack: Any, mock: MockServer) -> None:
    with (
        browserstack.BrowserstackClient(
            base_url=mock.base_url, username=mock.credential("username"), password="x"
        ) as client,
        pytest.raises(AuthenticationError) as info,
    ):
        client.get_espresso_build(build_id="741c219db523cb51d4cdf35723ce3bfc592fb74a")
    assert info.value.body.message == "Invalid username or access key"
