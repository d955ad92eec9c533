"""Running a mock on 127.0.0.1 and a free port, in a thread or in the foreground."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.mock.app import DEFAULT_API_KEY, MockApp, MockReset, Settings
from generator.mock.journal import Journal
from generator.spec.load import load_file, no_spec_message, spec_path
from generator.spec.problems import Problem, SpecError

if TYPE_CHECKING:
    import uvicorn

__all__ = ["MockServer", "build_app", "listening_socket", "run_mock", "serve", "spec_path"]


class _QuietResets(logging.Filter):
    """A reset a test asked for is not a server error worth a traceback in the logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], MockReset))


logging.getLogger("uvicorn.error").addFilter(_QuietResets())


def build_app(vendor_or_spec: str, settings: Settings | None = None) -> MockApp:
    from generator.spec.build import build_api  # here: `testrelay mock` builds the API in another process

    path = spec_path(vendor_or_spec)
    if not path.is_file() and path.suffix not in (".yaml", ".yml", ".json"):
        raise SpecError([Problem(vendor_or_spec, 1, "", no_spec_message(vendor_or_spec))])
    return MockApp(build_api(load_file(path), path.stem), settings)


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound and already listening, so that clients connect (and wait) while the app is built."""
    # IPPROTO_TCP explicitly: asyncio turns Nagle's algorithm off only for sockets that say they are TCP,
    # and without that every kept-alive answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)  # uvicorn's backlog
    except OSError:
        sock.close()
        raise
    return sock


def _server(app: MockApp, **options: object) -> uvicorn.Server:
    """A uvicorn server for the app, with nothing loaded that a mock does not use."""
    import uvicorn  # here rather than at the top: building an app alone does not need it

    # No websockets and a fixed ASGI interface: uvicorn then neither probes for websocket libraries nor
    # inspects the app at start-up.
    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        access_log=False,
        ws="none",
        interface="asgi3",
        **options,  # type: ignore[arg-type]
    )
    return uvicorn.Server(config)


def serve(app: MockApp, sock: socket.socket) -> None:
    """Serve the app on a listening socket until interrupted, its validators ready before the first answer."""
    app.validators.warm()
    _server(app).run(sockets=[sock])


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

    def credential(self, kind: str) -> str:
        """What the mock accepts as `kind`: api_key, username, password, client_id or client_secret."""
        accepted = self.app.settings.accepted
        values = {
            "api_key": accepted.api_key,
            "username": accepted.username,
            "password": accepted.basic_password,
            "client_id": accepted.client_id,
            "client_secret": accepted.oauth_secret,
        }
        return values[kind]

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
    app.validators.warm()
    server = _server(app, host=host, port=port)
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
