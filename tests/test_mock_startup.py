"""How `testrelay mock` starts: the spec built in another process, jsonschema loaded before any answer.

Behaviour only: how long start-up takes is measured by bench/mock.py, never asserted here.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.mock.app import DEFAULT_API_KEY
from generator.mock.server import build_app
from generator.spec.build import build_api
from generator.spec.load import build_api_in_child, load_file, spec_path
from generator.spec.problems import SpecError

VENDORS = ("kapptivate", "octomind", "qualigate", "doksi", "testmo")
OCTOMIND_AUTH = {"X-API-Key": DEFAULT_API_KEY}
EXECUTE = "/api/apiKey/v2/execute"
TARGET = "3435918b-3d29-4ebd-8c68-9a540532f45a"


def _in_process(vendor: str, method: str, url: str, body: Any) -> httpx.Response:
    """The answer of an app built in this process, the way the tests of the mock build it."""
    import asyncio

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=build_app(vendor))
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.request(method, url, json=body, headers=OCTOMIND_AUTH)

    return asyncio.run(go())


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_api_built_in_a_child_process_is_the_one_built_here(vendor: str) -> None:
    path = spec_path(vendor)
    assert build_api_in_child(path)() == build_api(load_file(path), path.stem)


def test_a_child_reports_the_problems_of_a_broken_spec_as_building_here_would(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    with pytest.raises(SpecError) as here:
        load_file(broken)
    with pytest.raises(SpecError) as there:
        build_api_in_child(broken)()
    assert there.value.problems == here.value.problems


def _python(code: str) -> Any:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_jsonschema_loads_when_the_validators_warm_and_uri_checks_stay_real() -> None:
    seen = _python(
        "import json, sys\n"
        "from generator.mock.server import build_app\n"
        "app = build_app('octomind')\n"
        "before = 'jsonschema' in sys.modules\n"
        "app.validators.warm()\n"
        "warm = ['jsonschema' in sys.modules, 'rfc3986_validator' in sys.modules]\n"
        "uri = {'type': 'string', 'format': 'uri'}\n"
        "ref = {'type': 'string', 'format': 'uri-reference'}\n"
        "verdicts = [bool(app.validators.errors(uri, v)) for v in ('https://a.example/x', 'no uri', 'a b')]\n"
        "verdicts += [bool(app.validators.errors(ref, v)) for v in ('/x?y=1', 'a b')]\n"
        "import rfc3986_validator\n"
        "real = type(rfc3986_validator).__name__ == 'module' and hasattr(rfc3986_validator, 'URI_RE_COMP')\n"
        "print(json.dumps([before, warm, verdicts, real]))\n"
    )
    before, warm, verdicts, real = seen
    assert before is False
    assert warm == [True, False]  # the uri checks' large regular expression is compiled on their first use
    assert verdicts == [False, True, True, False, True]
    assert real


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def octomind_cli() -> Iterator[str]:
    """`testrelay mock octomind` in a process of its own; its base URL, polled by the test itself."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", "octomind", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        output = proc.stdout.read().decode() if proc.stdout else ""
        assert re.search(r"mock of .+ on http://127\.0\.0\.1:\d+/api", output), output


def _first_answer(base: str, method: str, url: str, body: Any) -> httpx.Response:
    """The answer to the very first request, sent as soon as the port takes connections."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.request(method, base + url, json=body, headers=OCTOMIND_AUTH, timeout=30)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def test_the_first_answer_of_the_command_is_fully_validated(octomind_cli: str) -> None:
    # A `format: uri` field and a type error: the first request needs jsonschema and the uri checks.
    body = {"testTargetId": TARGET, "url": "not a uri", "context": {"source": "manual"}, "variablesToOverwrite": 5}
    first = _first_answer(octomind_cli, "POST", EXECUTE, body)
    expected = _in_process("octomind", "POST", EXECUTE, body)
    assert first.status_code == expected.status_code == 400
    assert first.json() == expected.json()
    messages = [violation["message"] for violation in first.json()]
    assert "'not a uri' is not a 'uri'" in messages
