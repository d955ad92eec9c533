"""REST resources kept in memory: what a mock creates can be read, changed, listed and deleted.

Pairs are found from the paths alone: a POST on `P` creates what `P/{id}` reads, changes and
deletes, and a GET on `P` lists. A deleted resource answers 404 from then on; one the mock never
saw answers with the spec's example, as Prism does.
"""

from __future__ import annotations

import copy
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.spec.ir import Api, Operation

Valid = Callable[[Any], bool]
"""Whether a body still satisfies the response schema: request values that would break it are not kept."""

_ITEM = re.compile(r"^(?P<collection>.*)/\{(?P<param>[^}/]+)\}$")


@dataclass(frozen=True)
class Kind:
    """One resource kind: its collection path template and the item path parameter."""

    collection: str
    param: str


class ResourceStore:
    def __init__(self, api: Api) -> None:
        paths = {op.path for op in api.operations}
        self._kinds: dict[str, Kind] = {}
        for path in paths:
            match = _ITEM.match(path)
            if match and match["collection"] in paths:
                self._kinds[match["collection"]] = Kind(match["collection"], match["param"])
                self._kinds[path] = Kind(match["collection"], match["param"])
        self._lock = threading.Lock()
        self._items: dict[str, dict[str, Any]] = {}
        """Concrete collection path -> id -> stored body."""
        self._deleted: set[str] = set()
        """Concrete item paths."""

    def kind(self, op: Operation) -> Kind | None:
        return self._kinds.get(op.path)

    def create(
        self,
        collection: str,
        body: Any,
        payload: Any,
        id_schema: dict[str, Any],
        valid: Valid,
        parents: dict[str, str] | None = None,
    ) -> Any:
        """Stores `body` (the answer to a create) under a fresh id, echoing the fields the request set.

        `parents` are the path's values (`testTargetId` of a target's environment), echoed too.
        """
        if not isinstance(body, dict):
            return body
        _merge(body, {k: v for k, v in (parents or {}).items() if k in body}, valid)
        fresh: Any = uuid.uuid4().hex[:12]
        if id_schema.get("type") == "integer":
            with self._lock:
                fresh = 1 + sum(len(v) for v in self._items.values()) + len(self._deleted)
        elif id_schema.get("format") == "uuid":
            fresh = str(uuid.uuid4())
        if "id" in body:
            body["id"] = fresh
        _merge(body, payload, valid)
        with self._lock:
            self._items.setdefault(collection, {})[str(fresh)] = copy.deepcopy(body)
        return body

    def read(self, collection: str, item_id: str) -> tuple[bool, Any]:
        """(deleted?, stored body or None)."""
        with self._lock:
            if f"{collection}/{item_id}" in self._deleted:
                return True, None
            return False, copy.deepcopy(self._items.get(collection, {}).get(item_id))

    def update(self, collection: str, item_id: str, base: Any, payload: Any, valid: Valid) -> Any:
        with self._lock:
            stored = self._items.get(collection, {}).get(item_id)
            body = copy.deepcopy(stored) if stored is not None else base
            _merge(body, payload, valid)
            if stored is not None:
                self._items[collection][item_id] = copy.deepcopy(body)
            return body

    def delete(self, collection: str, item_id: str) -> bool:
        """Marks the item deleted; False when it already was."""
        with self._lock:
            key = f"{collection}/{item_id}"
            if key in self._deleted:
                return False
            self._deleted.add(key)
            self._items.get(collection, {}).pop(item_id, None)
            return True

    def listing(self, collection: str) -> list[Any] | None:
        with self._lock:
            items = self._items.get(collection)
            return [copy.deepcopy(v) for v in items.values()] if items else None


def _merge(body: Any, payload: Any, valid: Valid) -> None:
    """Copies the request's top-level values the answer also has, one at a time, while it stays valid."""
    if not isinstance(body, dict) or not isinstance(payload, dict):
        return
    for key, value in payload.items():
        if isinstance(value, dict) and key not in body:  # a wrapped resource: `{"testTarget": {...}}`
            _merge(body, value, valid)
            continue
        if key in body and key != "id" and not isinstance(value, dict):
            before = body[key]
            body[key] = copy.deepcopy(value)
            if not valid(body):
                body[key] = before
