"""A vendor-faithful mock of one API, built from its IR: an ASGI app composed of stages with one job each.

    route -> faults -> security -> validation -> negotiation -> behaviour -> respond

Each stage is its own module (generator/mock/route.py, faults.py, security.py, validation.py,
negotiation.py, behaviour.py, respond.py) and either adds what it found to the request's `Call`
or ends it with an `Answer`; none knows a vendor. Stateful behaviours (run stores, result sinks,
presigned uploads, CRUD resources) are the spec's to declare with `x-mock`
(generator/mock/behaviours/). Every request is in the journal, with what was done to it.

Memory stays flat under any load: the journal and every store keep the newest `journal_size` and
`store_size` entries (2,000 each by default) and drop the oldest; lookups are by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from generator.mock import credentials
from generator.mock.behaviour import Behaviour
from generator.mock.behaviours import Kit
from generator.mock.behaviours.pace import DURATION_HEADER, OUTCOME_HEADER, READS_HEADER, Run
from generator.mock.bounded import DEFAULT_CAPACITY
from generator.mock.call import Answer, Call
from generator.mock.faults import FaultStage
from generator.mock.journal import DEFAULT_CAPACITY as JOURNAL_CAPACITY
from generator.mock.journal import Journal
from generator.mock.negotiation import PREFER_HEADER, Negotiation, Synth
from generator.mock.respond import Respond
from generator.mock.route import Router
from generator.mock.security import DEFAULT_API_KEY, Security
from generator.mock.validate import Validators
from generator.mock.validation import MAX_BODY, Validation
from generator.spec.ir import Api

__all__ = [
    "DEFAULT_API_KEY",
    "DURATION_HEADER",
    "MAX_BODY",
    "OUTCOME_HEADER",
    "PREFER_HEADER",
    "READS_HEADER",
    "MockApp",
    "MockReset",
    "Settings",
]


class MockReset(ConnectionError):
    """Raised to drop a connection mid-answer when a test asks for a reset."""


@dataclass
class Settings:
    api_key: str = DEFAULT_API_KEY
    username: str = credentials.DEFAULT_USERNAME
    """HTTP basic's username; its password is `password`, else the API key."""
    password: str | None = None
    client_id: str = credentials.DEFAULT_CLIENT_ID
    """The OAuth2 client the token endpoint knows; its secret is `client_secret`, else the API key."""
    client_secret: str | None = None
    token_ttl: float | None = None
    scenario: str | None = None
    seed: int = 0
    store_size: int = DEFAULT_CAPACITY
    """Items each store keeps (runs, sink runs, uploads, resources) before dropping the oldest."""
    journal_size: int = JOURNAL_CAPACITY
    """Requests the journal keeps before dropping the oldest."""

    @property
    def accepted(self) -> credentials.Accepted:
        return credentials.Accepted(self.api_key, self.username, self.password, self.client_id, self.client_secret)


class MockApp:
    """The ASGI app plus the state a test may inspect: the journal and the runs."""

    def __init__(self, api: Api, settings: Settings | None = None) -> None:
        self.api = api
        self.settings = settings = settings or Settings()
        self.base_path = api.base_path
        self.validators = Validators(api)
        self.security = Security(api, settings.accepted, settings.token_ttl)
        self.journal = Journal(
            secrets=lambda: [
                self.settings.api_key,
                self.settings.password or "",
                self.settings.client_secret or "",
                *self.security.issued_tokens(),
            ],
            capacity=settings.journal_size,
        )
        synth = Synth(api, settings.seed)
        kit = Kit(api, self.validators, synth, settings.scenario, settings.store_size)
        self.route = Router(api)
        self.faults = FaultStage(api, settings.scenario, self.security.revoke, settings.store_size)
        self.validation = Validation(api, self.validators)
        self.negotiation = Negotiation(api, self.validators, synth)
        self.behaviour = Behaviour(kit, self.security)
        self.respond = Respond(self.validators)

    @property
    def runs(self) -> dict[str, Run]:
        """Every run the mock stores (a snapshot), by a key made of its ids."""
        return dict(self.behaviour.runs())

    def reset(self) -> None:
        """Forget every request, run, stored item and fault count: a fresh mock for the next test."""
        self.journal.clear()
        self.faults.reset()
        self.behaviour.reset()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            return
        request = Request(scope, receive)
        body = await request.body()
        call = Call(
            method=request.method,
            path=request.url.path,
            query=request.url.query,
            headers=request.headers,
            body=body,
            origin=f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}",
            entry=self.journal.record(request.method, request.url.path, request.url.query, request.headers, body),
        )
        answer = await self._run(call)
        if answer.reset:
            call.entry.outcome = answer.note
            # Below starlette on purpose: an exception in a response would become a 500 answer.
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"64")]})
            raise MockReset(f"connection reset for {call.method} {call.path}, as asked")
        response: Response = self.respond(call, answer)
        await response(scope, receive, send)

    async def _run(self, call: Call) -> Answer:
        """The stages in order; the first answer ends the request."""
        answer = self.security.token_endpoint(call) or self.behaviour.outside(call) or self.route(call)
        if answer is None:
            answer = await self.faults(call)
        for stage in (self.security, self.validation, self.negotiation, self.behaviour):
            if answer is not None:
                break
            answer = stage(call)
        return answer if answer is not None else Answer(500, {"message": "no stage answered"}, checked=False)
