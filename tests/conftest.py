from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# The golden record (tests/golden/) is compared as text by test_golden.py; its contract suite is output, not a test.
collect_ignore_glob = ["golden/*"]

# A minimal valid spec the broken-spec cases start from; line numbers in the tests refer to it.
MINIMAL = """\
openapi: 3.1.0
info:
  title: Runs
  version: "1"
security:
  - Key: []
paths:
  /runs:
    post:
      operationId: createRun
      summary: Start a run
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/RunRequest"
            examples:
              one:
                value: {suite: smoke}
      responses:
        "201":
          description: Started
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Run"
              examples:
                queued:
                  value: {id: r1, status: queued}
          links:
            GetRun:
              operationId: getRun
              parameters:
                run_id: $response.body#/id
  /runs/{run_id}:
    get:
      operationId: getRun
      summary: Read a run
      parameters:
        - name: run_id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The run
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Run"
              examples:
                passed:
                  value: {id: r1, status: passed}
      x-polling:
        statusPointer: /status
        pending: [queued]
        success: [passed]
        failure: [failed]
        intervalSeconds: 5
        timeoutSeconds: 60
components:
  securitySchemes:
    Key:
      type: apiKey
      in: header
      name: X-Key
  schemas:
    RunRequest:
      type: object
      required: [suite]
      properties:
        suite:
          type: string
    Run:
      type: object
      required: [id, status]
      properties:
        id:
          type: string
        status:
          type: string
"""


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[[str, str], Path]:
    def write(text: str, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-count",
        type=int,
        default=None,
        help="Mutants the spec fuzz test tries (default: TESTRELAY_FUZZ_COUNT, else a CI-sized number).",
    )
