"""A pytest plugin (entry point `pytest11`): the `testrelay_mock` fixture for users' own test suites.

def test_my_pipeline(testrelay_mock):
    mock = testrelay_mock("qualigate")
    client = QualigateClient(api_key=mock.api_key, base_url=mock.base_url)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from generator.mock.server import MockServer, run_mock


@pytest.fixture
def testrelay_mock() -> Iterator[Callable[..., MockServer]]:
    """Starts mocks on demand (`testrelay_mock("octomind", scenario="failure")`); all stop after the test."""
    with ExitStack() as stack:

        def start(vendor_or_spec: str, **options: Any) -> MockServer:
            return stack.enter_context(run_mock(vendor_or_spec, **options))

        yield start
