"""Walking every page of a list operation, driven by its `x-pagination` extension.

A generated `iter_*` method passes a `fetch_page(cursor)` that requests one page; this module reads
the items and the way to the next page out of each response. Pages are fetched lazily, so a caller
who stops early costs no extra requests, and a server that sends a page or cursor it already sent
is stopped with an error instead of being walked forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from generator.runtime._pointers import get, unwrap_root


@dataclass(frozen=True)
class PageSpec:
    """A list operation's `x-pagination` extension, as the generator writes it into the client.

    `next_pointer` is the next page number for the page style (null or absent on the last page) and the
    next cursor for the keyset style; `has_more_pointer` (keyset only) is a boolean, false on the last page.
    """

    style: Literal["page", "keyset"]
    items_pointer: str
    next_pointer: str
    has_more_pointer: str | None = None

    def __post_init__(self) -> None:
        if self.style not in ("page", "keyset"):
            raise ValueError(f"pagination style must be 'page' or 'keyset', not {self.style!r}")
        if self.style == "page" and self.has_more_pointer is not None:
            raise ValueError("has_more_pointer applies to the keyset style only")


def iterate(fetch_page: Callable[[object | None], object], spec: PageSpec) -> Iterator[Any]:
    """Every item of every page, in order; `fetch_page(None)` asks for the first page.

    Raises RuntimeError when the server points at a page or cursor it already sent.
    """
    walk = _Walk(spec)
    cursor: object | None = None
    while True:
        items, cursor = walk.read(fetch_page(cursor))
        yield from items
        if cursor is None:
            return
        walk.claim(cursor)


async def async_iterate(fetch_page: Callable[[object | None], Awaitable[object]], spec: PageSpec) -> AsyncIterator[Any]:
    """The async twin of `iterate`, with the same rules."""
    walk = _Walk(spec)
    cursor: object | None = None
    while True:
        items, cursor = walk.read(await fetch_page(cursor))
        for item in items:
            yield item
        if cursor is None:
            return
        walk.claim(cursor)


class _Walk:
    """The reading of pages and the loop guard, shared by the sync and async iterators."""

    def __init__(self, spec: PageSpec) -> None:
        self._spec = spec
        self._pages = 0
        self._hashable: set[object] = set()
        self._unhashable: list[object] = []

    def read(self, page: object) -> tuple[list[object], object | None]:
        """The page's items and the cursor of the next page, None on the last page.

        Missing or null items count as an empty page; the has-more flag, when the spec names one and the
        page has it, overrides a cursor the server left on the last page.
        """
        self._pages += 1
        items = unwrap_root(get(page, self._spec.items_pointer))
        if items is None:
            items = []
        if not isinstance(items, list | tuple):
            raise TypeError(f"{self._spec.items_pointer} is a {type(items).__name__}, not a list of items")
        if self._spec.has_more_pointer is not None:
            more = unwrap_root(get(page, self._spec.has_more_pointer))
            if more is not None and not more:
                return list(items), None
        cursor = get(page, self._spec.next_pointer)
        return list(items), (None if unwrap_root(cursor) is None else cursor)

    def claim(self, cursor: object) -> None:
        """Note that `cursor` is about to be requested; RuntimeError when it already was."""
        try:
            seen = cursor in self._hashable
            if not seen:
                self._hashable.add(cursor)
        except TypeError:
            seen = any(cursor == earlier for earlier in self._unhashable)
            if not seen:
                self._unhashable.append(cursor)
        if seen:
            what = f"page {cursor!r}" if self._spec.style == "page" else "a cursor"
            message = f"after {self._pages} page(s) the server pointed back to {what}, which was already fetched"
            raise RuntimeError(f"Pagination loop: {message}")
