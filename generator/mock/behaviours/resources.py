"""CRUD resources: what a create stores can be read, changed, listed and deleted, by its id.

Bound by `x-mock: resources`: the operations of one kind of object and the path parameter that
names an item. An item is stored under its path's other values (a target's environments apart
from another target's) and a fresh id, echoing the request's values where the answer has them and
stays valid. A deleted item answers 404 from then on; one the mock never saw answers with the
spec's example, as Prism does. The store is bounded (`Settings.store_size`, oldest dropped).
"""

from __future__ import annotations

import copy
import itertools
import uuid
from typing import Any

from generator.mock.behaviours import Handler, Kit, Valid
from generator.mock.bounded import Bounded
from generator.mock.call import Answer, Call
from generator.mock.errors import not_found
from generator.spec import pointer as jp
from generator.spec.behaviours import Resource

Parents = tuple[tuple[str, str], ...]


class ResourceBehaviour:
    def __init__(self, kit: Kit, decl: Resource) -> None:
        self.kit = kit
        self.decl = decl
        api = kit.api
        self._id_schema = next(
            (p.schema for op in api.operations for p in op.parameters if p.name == decl.parameter), {}
        )
        self._ids = itertools.count(1)
        self._items: Bounded[tuple[Parents, str], Any] = Bounded(kit.capacity, self._evicted)
        self._order: dict[Parents, dict[str, None]] = {}
        """Each collection's ids in creation order, for lists."""
        self._deleted: Bounded[tuple[Parents, str], None] = Bounded(kit.capacity)

    def handlers(self) -> dict[str, Handler]:
        d = self.decl
        steps = {d.create: self.create, d.read: self.read, d.update: self.update, d.delete: self.delete}
        steps[d.list] = self.list_items
        return {op_id: handler for op_id, handler in steps.items() if op_id is not None}

    def reset(self) -> None:
        with self.kit.lock:
            self._items.clear()
            self._order.clear()
            self._deleted.clear()

    def _evicted(self, key: tuple[Parents, str], value: Any) -> None:
        del value
        self._order.get(key[0], {}).pop(key[1], None)

    def _parents(self, call: Call) -> Parents:
        return tuple(sorted((k, v) for k, v in call.path_values.items() if k != self.decl.parameter))

    def _fresh(self) -> Any:
        if self._id_schema.get("type") == "integer":
            return next(self._ids)
        if self._id_schema.get("format") == "uuid":
            return str(uuid.uuid4())
        return uuid.uuid4().hex[:12]

    def create(self, call: Call) -> Answer | None:
        negotiated, op = call.negotiated, call.op
        assert op is not None
        if negotiated is None or not isinstance(negotiated.body, dict):
            return None
        body = negotiated.body
        valid = self.kit.valid(op)
        _merge(body, {k: v for k, v in call.path_values.items() if k in body}, valid)
        fresh = self._fresh()
        jp.put(body, self.decl.id_pointer, fresh)
        _merge(body, call.payload, valid, protect=jp.split(self.decl.id_pointer)[0])
        parents = self._parents(call)
        with self.kit.lock:
            self._items[(parents, str(fresh))] = copy.deepcopy(body)
            self._order.setdefault(parents, {})[str(fresh)] = None
        return Answer(negotiated.status, body, note="created")

    def _lookup(self, call: Call) -> tuple[tuple[Parents, str], bool, Any]:
        key = (self._parents(call), str(call.path_values.get(self.decl.parameter, "")))
        with self.kit.lock:
            return key, key in self._deleted, copy.deepcopy(self._items.get(key))

    def read(self, call: Call) -> Answer | None:
        assert call.op is not None
        _, deleted, stored = self._lookup(call)
        if deleted:
            return not_found(call.op, "deleted")
        if stored is None or call.negotiated is None:
            return None
        return Answer(call.negotiated.status, stored, note="read")

    def update(self, call: Call) -> Answer | None:
        op, negotiated = call.op, call.negotiated
        assert op is not None
        key, deleted, stored = self._lookup(call)
        if deleted:
            return not_found(op, "deleted")
        if negotiated is None:
            return None
        body = stored if stored is not None else negotiated.body
        _merge(body, call.payload, self.kit.valid(op), protect=jp.split(self.decl.id_pointer)[0])
        if stored is not None:
            with self.kit.lock:
                if key in self._items:
                    self._items[key] = copy.deepcopy(body)
        return Answer(negotiated.status, body, note="updated")

    def delete(self, call: Call) -> Answer | None:
        assert call.op is not None
        key, deleted, _ = self._lookup(call)
        if deleted:
            return not_found(call.op, "deleted")
        with self.kit.lock:
            self._deleted[key] = None
            self._items.pop(key, None)
            self._order.get(key[0], {}).pop(key[1], None)
        return None

    def list_items(self, call: Call) -> Answer | None:
        negotiated = call.negotiated
        if negotiated is None or not isinstance(negotiated.body, list):
            return None
        parents = self._parents(call)
        with self.kit.lock:
            ids = list(self._order.get(parents, {}))
            stored = [copy.deepcopy(self._items[(parents, i)]) for i in ids if (parents, i) in self._items]
        if not stored:
            return None
        return Answer(negotiated.status, stored, note="listed")


def _merge(body: Any, payload: Any, valid: Valid, protect: str | None = None) -> None:
    """Copies the request's top-level values the answer also has, one at a time, while it stays valid."""
    if not isinstance(body, dict) or not isinstance(payload, dict):
        return
    for key, value in payload.items():
        if isinstance(value, dict) and key not in body:  # a wrapped resource: `{"testTarget": {...}}`
            _merge(body, value, valid, protect)
            continue
        if key in body and key != protect and not isinstance(value, dict):
            before = body[key]
            body[key] = copy.deepcopy(value)
            if not valid(body):
                body[key] = before
