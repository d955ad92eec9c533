"""A pytest plugin (entry point `pytest11`): the `testrelay_mock` fixture for users' own test suites.

def test_my_pipeline(testrelay_mock):
    mock = testrelay_mock("qualigate")
    client = QualigateClient(api_key=mock.api_key, base_url=mock.base_url)

pytest loads this module in every session of every environment where testrelay is installed, including a
base install without the [mock] extra. So it imports nothing beyond pytest and the standard library at load
time: the mock server is imported when a test asks for the fixture, and only then can a missing extra fail it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

import pytest

from generator import extras

if TYPE_CHECKING:
    from generator.mock.server import MockServer


@pytest.fixture
def testrelay_mock() -> Iterator[Callable[..., MockServer]]:
    """Starts mocks on demand (`testrelay_mock("octomind", scenario="failure")`); all stop after the test."""
    what = "the testrelay_mock fixture"
    try:
        extras.require("mock", what)
        with extras.guarded("mock", what):
            from generator.mock.server import run_mock
    except extras.MissingExtra as error:
        pytest.fail(str(error), pytrace=False)
    with ExitStack() as stack:

        def start(vendor_or_spec: str, **options: Any) -> MockServer:
            return stack.enter_context(run_mock(vendor_or_spec, **options))

        yield start
