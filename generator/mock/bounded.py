"""A mapping that keeps the newest `capacity` entries: what keeps a mock's memory flat under any load.

Every store of a mock (runs, sinks, uploads, resources, checked answers, fault counts) is one,
so lookups by id stay O(1) and inserting past the cap drops the oldest entry (`on_evict` hears of
it, for indexes kept beside the store). OrderedDict rather than dict: popping its oldest entry is
O(1), where a plain dict's first key gets slower to find as entries are removed from its front.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, MutableMapping
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

DEFAULT_CAPACITY = 2_000


class Bounded(MutableMapping[K, V], Generic[K, V]):
    """Not thread-safe by itself: the stores that hold one guard it with their own lock."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, on_evict: Callable[[K, V], None] | None = None) -> None:
        self.capacity = max(1, capacity)
        self._data: OrderedDict[K, V] = OrderedDict()
        self._on_evict = on_evict

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __setitem__(self, key: K, value: V) -> None:
        if key in self._data:
            self._data[key] = value
            return
        self._data[key] = value
        while len(self._data) > self.capacity:
            old_key, old_value = self._data.popitem(last=False)
            if self._on_evict is not None:
                self._on_evict(old_key, old_value)

    def __delitem__(self, key: K) -> None:
        del self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        self._data.clear()
