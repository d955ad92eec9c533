"""Behaviour stage: the state a request reads or changes, as the spec's extensions declare it.

In order, for the request's operation: a token exchange (`x-token-exchange`) issues a JWT; a
list with `x-pagination` asked for seeded items (`X-Testrelay-Items: N`) answers a page of them;
then each behaviour `x-mock` binds the operation to (generator/mock/behaviours/) may answer, the
first answer winning (an upload's reference check runs before the run store the same operation
triggers). Without an answer, the negotiated example answers. Paths outside the API that a
behaviour serves (a presigned upload URL) are answered here too, before routing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from generator.mock import paging
from generator.mock.behaviours import Handler, Kit, success
from generator.mock.behaviours.pace import Run
from generator.mock.behaviours.resources import ResourceBehaviour
from generator.mock.behaviours.runs import RunStoreBehaviour, run_stores
from generator.mock.behaviours.sink import SinkBehaviour
from generator.mock.behaviours.uploads import UploadBehaviour
from generator.mock.call import Answer, Call
from generator.mock.security import Security
from generator.spec import pointer as jp


class _Behaviour(Protocol):
    def handlers(self) -> dict[str, Handler]: ...

    def reset(self) -> None: ...


class Behaviour:
    def __init__(self, kit: Kit, security: Security) -> None:
        self.kit = kit
        self.security = security
        declared = kit.api.behaviours
        self.uploads = [UploadBehaviour(kit, u, i) for i, u in enumerate(declared.uploads)]
        self.run_stores = [RunStoreBehaviour(kit, r) for r in run_stores(kit.api)]
        self.sinks = [SinkBehaviour(kit, s) for s in declared.sinks]
        self.resources = [ResourceBehaviour(kit, r) for r in declared.resources]
        every: list[_Behaviour] = [*self.uploads, *self.run_stores, *self.sinks, *self.resources]
        self._all = every
        self._handlers: dict[str, list[Handler]] = {}
        for behaviour in every:
            for op_id, handler in behaviour.handlers().items():
                self._handlers.setdefault(op_id, []).append(handler)

    def reset(self) -> None:
        for behaviour in self._all:
            behaviour.reset()

    def outside(self, call: Call) -> Answer | None:
        """A request on a path a behaviour serves outside the API (a presigned upload URL)."""
        for upload in self.uploads:
            if call.path.startswith(upload.path):
                return upload.receive(call)
        return None

    def __call__(self, call: Call) -> Answer | None:
        op = call.op
        assert op is not None
        scheme = self.security.exchanges.get(op.operation_id)
        if scheme is not None:
            return self._exchange(call, scheme)
        if op.pagination is not None and (count := paging.requested_items(call.headers)) is not None:
            parents = {
                p.name: call.params[p.name] for p in op.parameters if p.location == "path" and p.name in call.params
            }
            pages = paging.declared_pages(self.kit.api, op)
            items = paging.seeded(op, op.pagination, count, parents, pages.item_id_pointer if pages else None)
            url = f"{call.origin}{call.path}" + (f"?{call.query}" if call.query else "")
            body, link = paging.answer(self.kit.api, op, items, call.params, url)
            seeded = success(op, body, "seeded")
            if link is not None:
                seeded.headers["Link"] = f'<{link}>; rel="next"'
            return seeded
        for handler in self._handlers.get(op.operation_id, ()):
            answer = handler(call)
            if answer is not None:
                return answer
        negotiated = call.negotiated
        if negotiated is None:
            return None
        return Answer(negotiated.status, negotiated.body)

    def _exchange(self, call: Call, scheme: Any) -> Answer:
        exchange = scheme.token_exchange
        negotiated = call.negotiated
        body = negotiated.body if negotiated is not None and negotiated.body is not None else {}
        jp.put(body, exchange.token_pointer, self.security.issuer(scheme).issue())
        return Answer(negotiated.status if negotiated is not None else 200, body, note="token issued")

    def runs(self) -> Iterator[tuple[str, Run]]:
        """Every stored run, for tests that look: run stores' and result sinks'."""
        for store in self.run_stores:
            with self.kit.lock:
                items = list(store.runs.items())
            for key, run in items:
                yield "&".join(f"{k}={v}" for k, v in key), run
        for sink in self.sinks:
            with self.kit.lock:
                sink_items = list(sink.runs.items())
            for sink_key, sink_run in sink_items:
                yield sink_key, sink_run.pace
