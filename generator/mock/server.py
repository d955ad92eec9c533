"""Running a mock on 127.0.0.1 and a free port, in a thread or in the foreground."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from generator.mock.app import DEFAULT_API_KEY, MockApp, MockReset, Settings
from generator.mock.journal import Journal
from generator.spec.build import build_api
from generator.spec.load import load_file

SPECS = Path(__file__).resolve().parent.parent.parent / "specs"


class _QuietResets(logging.Filter):
    """A reset a test asked for is not a server error worth a traceback in the logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], MockReset))


logging.getLogger("uvicorn.error").addFilter(_QuietResets())


def spec_path(vendor_or_spec: str) -> Path:
    """A vendor name of this repository (`qualigate`) or the path of any spec file."""
    path = Path(vendor_or_spec)
    if path.suffix in (".yaml", ".yml", ".json"):
        return path
    return SPECS / f"{vendor_or_spec}.yaml"


def build_app(vendor_or_spec: str, settings: Settings | None = None) -> MockApp:
    path = spec_path(vendor_or_spec)
    return MockApp(build_api(load_file(path), path.stem), settings)


@dataclass
class MockServer:
    """A running mock: where it listens, the key it accepts and what it received."""

    app: MockApp
    host: str
    port: int

    @property
    def base_url(self) -> str:
        """The API's base URL on this server, with the spec's server path (`/api` for Octomind)."""
        return f"http://{self.host}:{self.port}{self.app.base_path}"

    @property
    def api_key(self) -> str:
        return self.app.settings.api_key

    @property
    def journal(self) -> Journal:
        return self.app.journal


@contextmanager
def run_mock(
    vendor_or_spec: str,
    *,
    api_key: str = DEFAULT_API_KEY,
    token_ttl: float | None = None,
    scenario: str | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
) -> Iterator[MockServer]:
    """A mock serving in a background thread for the duration of the `with` block."""
    app = build_app(vendor_or_spec, Settings(api_key=api_key, token_ttl=token_ttl, scenario=scenario))
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"testrelay-mock-{vendor_or_spec}", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"the mock for {vendor_or_spec} did not start")
        thread.join(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield MockServer(app, host, int(bound))
    finally:
        server.should_exit = True
        thread.join(5)
