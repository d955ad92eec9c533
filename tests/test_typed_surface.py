"""The generated surface under a type checker: what a user's `mypy --strict` reports on calls into it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

USER_CODE = """\
from generated.octomind import (
    AsyncOctomindClient,
    ManualExecutionContext,
    OctomindClient,
    RateLimitError,
    RawResponse,
    TestReport,
    TestTargetExecutionRequest,
)

MANUAL = ManualExecutionContext(source="manual")


def calls(octomind: OctomindClient) -> None:
    octomind.execute_tests(url="https://staging.example.com", context=MANUAL)  # error: no test_target_id
    octomind.execute_tests(test_target_id="t", url="https://staging.example.com", context=MANUAL)
    body = TestTargetExecutionRequest.model_validate({"testTargetId": "t", "url": "https://a.example"})
    octomind.execute_tests(body=body)
    octomind.execute_tests(body=body, url="https://b.example")
    octomind.execute_tests_and_wait(test_target_id="t", context=MANUAL, deadline=60)  # error: no url
    raw: RawResponse[TestReport] = octomind.with_raw_response.get_test_report(test_target_id="t", test_report_id="r")
    print(raw.status_code, raw.request_id, raw.parse().status)
    try:
        octomind.execute_tests(test_target_id="t", url="https://a.example", context=MANUAL, timeout=5.0)
    except RateLimitError as exc:
        print(exc.retry_after)


async def async_calls(octomind: AsyncOctomindClient) -> None:
    await octomind.execute_tests(test_target_id="t", context=MANUAL)  # error: no url
"""


def test_mypy_strict_reports_a_missing_required_argument(tmp_path: Path) -> None:
    user = tmp_path / "user_code.py"
    user.write_text(USER_CODE, encoding="utf-8")
    # The project's own configuration (strict), so the cache the mypy gate leaves is reused.
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"), "--strict", str(user)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    expected = [n for n, line in enumerate(USER_CODE.splitlines(), 1) if "# error:" in line]
    assert done.returncode == 1, done.stdout + done.stderr
    assert sorted({int(line.split(":")[1]) for line in errors}) == expected, textwrap.indent(done.stdout, "  ")
    assert all('No overload variant of "execute_tests' in line for line in errors), done.stdout
