"""Running a mock on 127.0.0.1 and a free port, in a thread or in the foreground."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.mock import faults
from generator.mock.app import DEFAULT_API_KEY, MockApp, MockReset, Settings
from generator.mock.journal import Journal
from generator.mock.listen import ServeError, listening_socket, resolve_host, url_host
from generator.mock.requestlog import RequestLog
from generator.spec.load import load_file, no_spec_message, spec_path
from generator.spec.problems import Problem, SpecError

if TYPE_CHECKING:
    import uvicorn

    from generator.spec.ir import Api

__all__ = [
    "MockServer",
    "ServeError",
    "build_app",
    "listening_socket",
    "resolve_host",
    "run_mock",
    "scenario_error",
    "serve",
    "spec_path",
    "url_host",
]


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


def _server(app: Any, **options: object) -> uvicorn.Server:
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


def serve(app: MockApp, sock: socket.socket, *, log: Callable[[str], None] | None = None) -> None:
    """Serve the app on a listening socket until interrupted, its validators ready before the first answer.

    With `log`, every answered request is written to it as one line (see generator/mock/requestlog.py).
    """
    app.validators.warm()
    served: Any = app
    if log is not None:
        secret_params = [s.param_name for s in app.api.security_schemes if s.location == "query" and s.param_name]
        served = RequestLog(app, log, secret_params=secret_params, secrets=lambda: [app.settings.api_key])
    _server(served).run(sockets=[sock])


@dataclass
class MockServer:
    """A running mock: where it listens, the key it accepts and what it received."""

    app: MockApp
    host: str
    port: int

    @property
    def base_url(self) -> str:
        """The API's base URL on this server, with the spec's server path (`/api` for Octomind)."""
        return f"http://{url_host(self.host)}:{self.port}{self.app.base_path}"

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


def scenario_error(api: Api, scenario: str) -> str | None:
    """Why a `--scenario` cannot be used with this API, listing what can; None when it can.

    A fault scenario is read by the same parser as the `X-Testrelay-Fault` header, so both take the same set.
    """
    if scenario.startswith("fault:"):
        try:
            faults.parse(scenario.removeprefix("fault:"))
        except ValueError as exc:
            return f"{exc}; faults are {faults.SYNTAX}"
        return None
    outcomes = ["success", "failure"]
    for op in api.operations:
        if op.polling is not None:
            values = [*op.polling.success, *op.polling.failure, *(j.value for j in op.polling.judged)]
            outcomes += [str(v) for v in values if str(v) not in outcomes]
    if scenario in outcomes:
        return None
    choices = ", ".join(outcomes)
    return f"unknown scenario {scenario!r}: choose {choices}, or fault:FAULTS where FAULTS are {faults.SYNTAX}"
