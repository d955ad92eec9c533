"""Schemathesis over every operation of every vendor mock: all checks, auth included, fixed seed.

It must find nothing: no 5xx that was not asked for, no undeclared status, no answer that breaks
the spec, no request the spec forbids accepted, no lifecycle inconsistency. No check is excluded.
For Kapptivate, Schemathesis warns that the token exchange answered only 401: it never guesses the
real key, and a mock that checks credentials must refuse every other one. A warning, not a failure.

Two allowances, each for named operations only (`ALLOWANCES`):
- Doksi's createRun refuses, with its declared 400, a matrix entry naming a target id the mock
  never issued, as the vendor does. The positive-data check expects any schema-valid body to be
  accepted, but no schema can say which ids exist, so there 400 counts as an expected answer.
- Testmo's getAutomationRun: its `expands` is a form-style array without explode, where `expands=`
  is the serialization of both an empty list (valid) and a list of one empty string (invalid).
  Schemathesis sends it for both, so no answer passes both its positive and negative checks; the
  mock reads it as the empty list, and for that operation alone the negative-data check takes 200
  as a refusal too (it shows once the run exists, since an unknown run's 404 satisfies the check).
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
ACCEPTS_400 = '["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]'
ACCEPTS_200 = '["200", "400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429", "5xx"]'
ALLOWANCES = {
    "doksi": {"createRun": f"checks.positive_data_acceptance.expected-statuses = {ACCEPTS_400}"},
    "testmo": {"getAutomationRun": f"checks.negative_data_rejection.expected-statuses = {ACCEPTS_200}"},
}
"""Per vendor, operation id -> Schemathesis setting, each explained in the module docstring."""


def config(vendor: str, folder: Path) -> list[str]:
    """`--config-file` arguments applying the vendor's `ALLOWANCES`, operation by operation."""
    allowances = ALLOWANCES.get(vendor)
    if not allowances:
        return []
    text = "".join(
        f'[[operations]]\ninclude-operation-id = "{name}"\n{setting}\n' for name, setting in allowances.items()
    )
    path = folder / "schemathesis.toml"
    path.write_text(text)
    return ["--config-file", str(path)]


def credentials(vendor: str, base_url: str) -> str:
    if vendor == "octomind":
        return f"X-API-Key: {KEY}"
    if vendor == "kapptivate":
        token = httpx.post(f"{base_url}/api/auth/refresh-token/", json={"refresh_token": KEY}).json()["token"]
        return f"Authorization: JWT {token}"
    return f"Authorization: Bearer {KEY}"


@pytest.mark.parametrize("vendor", ["kapptivate", "octomind", "qualigate", "doksi", "testmo"])
def test_schemathesis_finds_nothing(vendor: str, tmp_path: Path) -> None:
    with run_mock(vendor, api_key=KEY, token_ttl=3600) as mock:
        done = subprocess.run(
            [
                str(SCHEMATHESIS),
                *config(vendor, tmp_path),
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
