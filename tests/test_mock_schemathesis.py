"""Schemathesis over every operation of every vendor mock: all checks, auth included, fixed seed.

It must find nothing: no 5xx that was not asked for, no undeclared status, no answer that breaks
the spec, no request the spec forbids accepted, no lifecycle inconsistency. No check is excluded.
For Kapptivate, Schemathesis warns that the token exchange answered only 401: it never guesses the
real key, and a mock that checks credentials must refuse every other one. A warning, not a failure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from generator.mock.server import run_mock
from tests.conftest import REPO

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
KEY = "testrelay-test-key"


def credentials(vendor: str, base_url: str) -> str:
    if vendor == "octomind":
        return f"X-API-Key: {KEY}"
    if vendor == "kapptivate":
        token = httpx.post(f"{base_url}/api/auth/refresh-token/", json={"refresh_token": KEY}).json()["token"]
        return f"Authorization: JWT {token}"
    return f"Authorization: Bearer {KEY}"


@pytest.mark.parametrize("vendor", ["kapptivate", "octomind", "qualigate", "doksi", "testmo"])
def test_schemathesis_finds_nothing(vendor: str) -> None:
    with run_mock(vendor, api_key=KEY, token_ttl=3600) as mock:
        done = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                str(REPO / "specs" / f"{vendor}.yaml"),
                "--url",
                mock.base_url,
                "-H",
                credentials(vendor, mock.base_url),
                "--checks",
                "all",
                "--seed",
                "1",
                "--max-examples",
                "10",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    report = done.stdout[-4000:]
    assert done.returncode == 0, report
    assert "FAILURES" not in done.stdout, report
    assert " passed" in report, report
