"""Walking every page of a list operation, driven by its `x-pagination` extension.

A generated `iter_*` method passes a `fetch_page(cursor)` that requests one page; this module reads
the items and the way to the next page out of each response. What the cursor is depends on the
style: a page number (`page`), the server's cursor (`keyset`, `cursor`), how many items to skip
(`offset`), or the next page's whole URL (`next-url`, `link-header`); None asks for the first page.
Styles that follow URLs need the response, not only its body: `fetch_page` returns a `Page` then.

Pages are fetched lazily, so a caller who stops early costs no extra requests; a server that
sends a page or cursor it already sent is stopped with an error instead of being walked forever,
and a next-page URL on another origin than the first page's is refused, so credentials never go
to a host the caller did not choose.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from generator.runtime._pointers import get, unwrap_root

Style = Literal["page", "keyset", "offset", "cursor", "next-url", "link-header"]
_STYLES = ("page", "keyset", "offset", "cursor", "next-url", "link-header")


@dataclass(frozen=True)
class PageSpec:
    """A list operation's `x-pagination` extension, as the generator writes it into the client.

    `next_pointer` is the next page number (page), the next cursor (keyset, cursor) or the next page's
    URL (next-url); `has_more_pointer` (keyset, cursor) a boolean, false on the last page;
    `total_pointer` (offset) the number of items in all.
    """

    style: Style
    items_pointer: str
    next_pointer: str | None = None
    has_more_pointer: str | None = None
    total_pointer: str | None = None

    def __post_init__(self) -> None:
        if self.style not in _STYLES:
            raise ValueError(f"pagination style must be one of {', '.join(_STYLES)}, not {self.style!r}")
        if self.style in ("page", "keyset", "cursor", "next-url") and self.next_pointer is None:
            raise ValueError(f"the {self.style} style needs next_pointer")
        if self.has_more_pointer is not None and self.style not in ("keyset", "cursor"):
            raise ValueError("has_more_pointer applies to the keyset and cursor styles only")
        if self.total_pointer is not None and self.style != "offset":
            raise ValueError("total_pointer applies to the offset style only")


@dataclass(frozen=True)
class Page:
    """One fetched page: its parsed body, and the response it came in (for its URL and `Link` header)."""

    body: object
    response: httpx.Response


def iterate(fetch_page: Callable[[Any], object], spec: PageSpec, *, page_size: int | None = None) -> Iterator[Any]:
    """Every item of every page, in order; `fetch_page(None)` asks for the first page.

    `page_size` (offset style) is the limit the requests send, when known: a page shorter than it is
    the last. Raises RuntimeError when the server points at a page or cursor it already sent.
    """
    walk = _Walk(spec, page_size)
    cursor: object | None = None
    while True:
        items, cursor = walk.read(fetch_page(cursor))
        yield from items
        if cursor is None:
            return
        walk.claim(cursor)


async def async_iterate(
    fetch_page: Callable[[Any], Awaitable[object]], spec: PageSpec, *, page_size: int | None = None
) -> AsyncIterator[Any]:
    """The async twin of `iterate`, with the same rules."""
    walk = _Walk(spec, page_size)
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

    def __init__(self, spec: PageSpec, page_size: int | None) -> None:
        self._spec = spec
        self._page_size = page_size if page_size is not None and page_size > 0 else None
        self._pages = 0
        self._hashable: set[object] = set()
        self._unhashable: list[object] = []
        self._sent: object | None = None
        self._offset = 0
        self._largest = 0
        self._origin: tuple[str, str, int | None] | None = None

    def read(self, fetched: object) -> tuple[list[object], object | None]:
        """The page's items and the cursor of the next page, None on the last page.

        Missing or null items count as an empty page; the has-more flag, when the spec names one and the
        page has it, overrides a cursor the server left on the last page.
        """
        self._pages += 1
        response = fetched.response if isinstance(fetched, Page) else None
        page = fetched.body if isinstance(fetched, Page) else fetched
        if response is not None and self._origin is None:
            self._origin = _origin(response.request.url)
        items = unwrap_root(get(page, self._spec.items_pointer))
        if items is None:
            items = []
        if not isinstance(items, list | tuple):
            where = self._spec.items_pointer or "the body"
            raise TypeError(f"{where} is a {type(items).__name__}, not a list of items")
        items = list(items)
        if self._spec.has_more_pointer is not None:
            more = unwrap_root(get(page, self._spec.has_more_pointer))
            if more is not None and not more:
                return items, None
        style = self._spec.style
        if style == "offset":
            return items, self._next_offset(page, len(items))
        if style == "link-header":
            return items, self._next_url(_next_link(response), response)
        assert self._spec.next_pointer is not None
        cursor = get(page, self._spec.next_pointer)
        raw = unwrap_root(cursor)
        if style == "next-url":
            return items, self._next_url(raw, response)
        if raw is None:
            return items, None
        if style == "cursor" and (raw == "" or cursor == self._sent):
            return items, None  # no cursor, or the one just sent: the server has nothing further
        return items, cursor

    def claim(self, cursor: object) -> None:
        """Note that `cursor` is about to be requested; RuntimeError when it already was."""
        self._sent = cursor
        try:
            seen = cursor in self._hashable
            if not seen:
                self._hashable.add(cursor)
        except TypeError:
            seen = any(cursor == earlier for earlier in self._unhashable)
            if not seen:
                self._unhashable.append(cursor)
        if seen:
            what = {"page": f"page {cursor!r}", "offset": f"offset {cursor!r}"}.get(self._spec.style, "a cursor")
            if self._spec.style in ("next-url", "link-header"):
                what = "a page URL"
            message = f"after {self._pages} page(s) the server pointed back to {what}, which was already fetched"
            raise RuntimeError(f"Pagination loop: {message}")

    def _next_offset(self, page: object, count: int) -> int | None:
        """Offset and limit: an empty page ends the walk; so does reaching the total, when the page has one.

        Without a total, a page shorter than the limit sent is the last (a server that caps the limit
        lower is best declared with a total); without a known limit, a page shorter than the largest
        one so far is: the server's own default page size is learnt from its pages.
        """
        self._offset += count
        largest, self._largest = self._largest, max(self._largest, count)
        if count == 0:
            return None
        if self._spec.total_pointer is not None:
            total = unwrap_root(get(page, self._spec.total_pointer))
            if isinstance(total, int) and not isinstance(total, bool):
                return None if self._offset >= total else self._offset
        size = self._page_size if self._page_size is not None else largest
        if count < size:
            return None
        return self._offset

    def _next_url(self, value: object, response: httpx.Response | None) -> str | None:
        """The next page's absolute URL, resolved against this page's; None when there is none."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise TypeError(f"the next page's URL is a {type(value).__name__}, not a string")
        if response is not None:
            url = response.request.url.join(value)
        else:
            url = httpx.URL(value)
            if not url.is_absolute_url:
                raise ValueError("a relative next-page URL needs the page's response to resolve against")
        if self._origin is not None and _origin(url) != self._origin:
            raise RuntimeError(
                f"Pagination: the next page is on {url.scheme}://{url.host}, not the first page's origin; "
                "it is not followed, so no credential is sent there"
            )
        return str(url)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


# RFC 8288 link-value: "<" URI-Reference ">" *( OWS ";" OWS link-param ), values separated by commas.
# Written out because httpx's `Response.links` keys each link by its whole `rel` string, so a link
# with `rel="next last"` is not found as "next", and it splits on commas inside quoted values.
_LINK = re.compile(r'\s*<([^>]*)>((?:\s*;\s*[^;,="]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,"]*))?)*)\s*(?:,|$)')
_PARAM = re.compile(r'\s*;\s*([^;,="\s]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;,"]*))?')


def next_link(header: str) -> str | None:
    """The target of the first `rel="next"` link in a `Link` header value, as written (maybe relative)."""
    position = 0
    while position < len(header):
        match = _LINK.match(header, position)
        if match is None or match.end() == position:
            return None
        position = match.end()
        for param in _PARAM.finditer(match.group(2)):
            if param.group(1).lower() != "rel" or param.group(2) is None:
                continue
            value = param.group(2)
            if value.startswith('"'):
                value = re.sub(r"\\(.)", r"\1", value[1:-1])
            if "next" in value.lower().split():
                return match.group(1).strip()
    return None


def _next_link(response: httpx.Response | None) -> str | None:
    if response is None:
        raise ValueError("the link-header style needs each page's response: fetch_page must return a Page")
    values = response.headers.get_list("link")
    return next_link(", ".join(values)) if values else None
