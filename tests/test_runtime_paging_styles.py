"""The offset, cursor, next-url and link-header paging styles, sync and async, over httpx.MockTransport.

Each fake server holds a numbered list and serves it the way APIs of that style do; a walk must
return every item exactly once, in order, with no request after the last page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generator.runtime import (
    ApiKeyAuth,
    AsyncAPIClient,
    Call,
    Endpoint,
    NoAuth,
    Page,
    PageSpec,
    SyncAPIClient,
    async_iterate,
    iterate,
)
from generator.runtime._pagination import next_link

BASE = "https://ci.example.test/api"
LIST: Endpoint[Any] = Endpoint("GET", "/tests", success=Any)
Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(params=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def walk(
    flavor: str,
    handler: Handler,
    spec: PageSpec,
    parameter: str | None = None,
    *,
    query: list[tuple[str, str]] | None = None,
    page_size: int | None = None,
    auth: httpx.Auth | None = None,
) -> list[Any]:
    """What a generated `iter_*` does: the first page from the endpoint, then by parameter or by URL."""

    def call_for(cursor: Any) -> Call:
        if cursor is not None and parameter is None:
            return Call(url=cursor)
        extra = [] if cursor is None else [(parameter or "", str(cursor))]
        return Call(query=[*(query or []), *extra])

    if flavor == "sync":
        client = SyncAPIClient(
            base_url=BASE,
            auth=auth or NoAuth(),
            timeout=5,
            max_retries=0,
            http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        )

        def page(cursor: Any) -> Page:
            return Page(*client._send(LIST, call_for(cursor)))

        with client:
            return list(iterate(page, spec, page_size=page_size))

    async def run() -> list[Any]:
        aclient = AsyncAPIClient(
            base_url=BASE,
            auth=auth or NoAuth(),
            timeout=5,
            max_retries=0,
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        )

        async def apage(cursor: Any) -> Page:
            return Page(*(await aclient._send(LIST, call_for(cursor))))

        async with aclient:
            return [item async for item in async_iterate(apage, spec, page_size=page_size)]

    return asyncio.run(run())


class Server:
    """A list of `count` tests; `requests` records each query string or URL asked for."""

    def __init__(self, count: int) -> None:
        self.items = [{"id": i} for i in range(1, count + 1)]
        self.requests: list[str] = []

    def record(self, request: httpx.Request) -> None:
        self.requests.append(request.url.query.decode())


# -- offset ---------------------------------------------------------------------------------------

OFFSET = PageSpec(style="offset", items_pointer="/data")
OFFSET_TOTAL = PageSpec(style="offset", items_pointer="/data", total_pointer="/meta/total")


def offset_server(count: int, default_limit: int = 10, cap: int = 50) -> tuple[Server, Handler]:
    server = Server(count)

    def handler(request: httpx.Request) -> httpx.Response:
        server.record(request)
        offset = int(request.url.params.get("offset", "0"))
        limit = min(int(request.url.params.get("count", str(default_limit))), cap)
        page = server.items[offset : offset + limit]
        return httpx.Response(200, json={"data": page, "meta": {"total": count}})

    return server, handler


@pytest.mark.parametrize("count", [0, 1, 9, 10, 25, 30])
def test_offset_with_a_known_limit_ends_on_a_short_or_empty_page(flavor: str, count: int) -> None:
    server, handler = offset_server(count)
    items = walk(flavor, handler, OFFSET, "offset", query=[("count", "10")], page_size=10)
    assert [i["id"] for i in items] == list(range(1, count + 1))
    pages = count // 10 + 1  # full pages, then the short (or empty) one
    assert server.requests == ["count=10"] + [f"count=10&offset={10 * n}" for n in range(1, pages)]


def test_offset_learns_the_servers_page_size_when_no_limit_is_sent(flavor: str) -> None:
    server, handler = offset_server(23, default_limit=10)
    items = walk(flavor, handler, OFFSET, "offset")
    assert [i["id"] for i in items] == list(range(1, 24))
    assert server.requests == ["", "offset=10", "offset=20"]


def test_offset_stops_at_the_total_without_an_empty_page(flavor: str) -> None:
    server, handler = offset_server(20)
    items = walk(flavor, handler, OFFSET_TOTAL, "offset", query=[("count", "10")], page_size=10)
    assert len(items) == 20
    assert server.requests == ["count=10", "count=10&offset=10"]


def test_offset_with_a_limit_above_the_servers_cap_stops_at_the_first_capped_page(flavor: str) -> None:
    # The documented rule: a page shorter than the limit sent is the last. A total keeps such a walk whole.
    _, handler = offset_server(120, cap=50)
    assert len(walk(flavor, handler, OFFSET, "offset", query=[("count", "80")], page_size=80)) == 50
    assert len(walk(flavor, handler, OFFSET_TOTAL, "offset", query=[("count", "80")], page_size=80)) == 120


# -- cursor ---------------------------------------------------------------------------------------

CURSOR = PageSpec(style="cursor", items_pointer="/results", next_pointer="/cursor")


@pytest.mark.parametrize("last", ["absent", "null", "empty", "unchanged"])
def test_cursor_ends_when_the_next_cursor_is_absent_null_empty_or_unchanged(flavor: str, last: str) -> None:
    server = Server(7)

    def handler(request: httpx.Request) -> httpx.Response:
        server.record(request)
        sent = request.url.params.get("cursor")
        start = 0 if sent is None else int(sent.removeprefix("c")) + 1
        page = server.items[start : start + 3]
        body: dict[str, Any] = {"results": page}
        if start + 3 < len(server.items):
            body["cursor"] = f"c{start + 2}"
        elif last == "null":
            body["cursor"] = None
        elif last == "empty":
            body["cursor"] = ""
        elif last == "unchanged":
            body["cursor"] = sent
        return httpx.Response(200, json=body)

    items = walk(flavor, handler, CURSOR, "cursor")
    assert [i["id"] for i in items] == list(range(1, 8))
    assert server.requests == ["", "cursor=c2", "cursor=c5"]


def test_cursor_with_a_has_more_flag_stops_on_false(flavor: str) -> None:
    spec = PageSpec(style="cursor", items_pointer="/data", next_pointer="/next", has_more_pointer="/more")
    pages = {None: ([1, 2], "x", True), "x": ([3], "y", False)}
    asked: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("after")
        asked.append(cursor)
        items, following, more = pages[cursor]
        return httpx.Response(200, json={"data": items, "next": following, "more": more})

    assert walk(flavor, handler, spec, "after") == [1, 2, 3]
    assert asked == [None, "x"]


def test_a_cursor_pointing_back_is_a_loop_error(flavor: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        following = {None: "a", "a": "b", "b": "a"}[request.url.params.get("cursor")]
        return httpx.Response(200, json={"results": [1], "cursor": following})

    with pytest.raises(RuntimeError, match=r"^Pagination loop: after 3 page\(s\) the server pointed back to a cursor"):
        walk(flavor, handler, CURSOR, "cursor")


# -- next-url --------------------------------------------------------------------------------------

NEXT_URL = PageSpec(style="next-url", items_pointer="/items", next_pointer="/links/next")


@pytest.mark.parametrize("form", ["absolute", "relative-path", "relative-query"])
def test_next_url_follows_the_body_link_until_it_is_null(flavor: str, form: str) -> None:
    server = Server(5)

    def handler(request: httpx.Request) -> httpx.Response:
        server.record(request)
        page = int(request.url.params.get("page", "1"))
        following = None
        if page * 2 < len(server.items):
            following = {
                "absolute": f"{BASE}/tests?page={page + 1}",
                "relative-path": f"/api/tests?page={page + 1}",
                "relative-query": f"?page={page + 1}",
            }[form]
        return httpx.Response(
            200, json={"items": server.items[(page - 1) * 2 : page * 2], "links": {"next": following}}
        )

    items = walk(flavor, handler, NEXT_URL)
    assert [i["id"] for i in items] == [1, 2, 3, 4, 5]
    assert server.requests == ["", "page=2", "page=3"]


def test_next_url_on_another_origin_is_refused_before_any_credential_goes_there(flavor: str) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(200, json={"items": [1], "links": {"next": "https://elsewhere.test/api/tests?page=2"}})

    with pytest.raises(RuntimeError, match=r"^Pagination: the next page is on https://elsewhere.test, not"):
        walk(flavor, handler, NEXT_URL, auth=ApiKeyAuth("key", "k-secret", "query"))
    assert hosts == ["ci.example.test"]


def test_a_query_key_is_sent_once_on_every_next_page(flavor: str) -> None:
    seen: list[list[str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.params.get_list("key"))
        page = int(request.url.params.get("page", "1"))
        # A server that builds its next link from the URL it was asked, key included.
        following = str(request.url.copy_set_param("page", page + 1)) if page < 3 else None
        return httpx.Response(200, json={"items": [page], "links": {"next": following}})

    assert walk(flavor, handler, NEXT_URL, auth=ApiKeyAuth("key", "k-secret", "query")) == [1, 2, 3]
    assert seen == [["k-secret"]] * 3


# -- link-header -------------------------------------------------------------------------------------

LINK = PageSpec(style="link-header", items_pointer="")


def test_link_header_follows_rel_next_until_there_is_none(flavor: str) -> None:
    server = Server(7)

    def handler(request: httpx.Request) -> httpx.Response:
        server.record(request)
        page = int(request.url.params.get("page", "1"))
        links = [f'<{BASE}/tests?page=1>; rel="first"']
        if page * 3 < len(server.items):
            links.insert(0, f'<{BASE}/tests?page={page + 1}>; rel="next"')
        headers = [("Link", ", ".join(links))]
        return httpx.Response(200, json=server.items[(page - 1) * 3 : page * 3], headers=headers)

    items = walk(flavor, handler, LINK)
    assert [i["id"] for i in items] == list(range(1, 8))
    assert server.requests == ["", "page=2", "page=3"]


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ('<https://a.test/x?page=2>; rel="next"', "https://a.test/x?page=2"),
        ('<https://a.test/x?page=1>; rel="prev", <https://a.test/x?page=3>; rel="next"', "https://a.test/x?page=3"),
        ("</x?page=2>; rel=next", "/x?page=2"),
        ('<https://a.test/x?p=2>; rel="next last"', "https://a.test/x?p=2"),
        ('<https://a.test/y>; title="a, b; rel=next"; rel="prev", <https://a.test/z>; REL="Next"', "https://a.test/z"),
        ('<https://a.test/x?page=9>; rel="last"', None),
        ("", None),
        ("garbage", None),
    ],
)
def test_next_link_reads_rfc_8288(header: str, target: str | None) -> None:
    assert next_link(header) == target


def test_two_link_headers_are_read_as_one(flavor: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json=[3])
        headers = [("Link", '</api/tests?page=9>; rel="last"'), ("Link", '</api/tests?page=2>; rel="next"')]
        return httpx.Response(200, json=[1, 2], headers=headers)

    assert walk(flavor, handler, LINK) == [1, 2, 3]


def test_styles_are_checked() -> None:
    with pytest.raises(ValueError, match="the cursor style needs next_pointer"):
        PageSpec(style="cursor", items_pointer="/x")
    with pytest.raises(ValueError, match="total_pointer applies to the offset style only"):
        PageSpec(style="cursor", items_pointer="/x", next_pointer="/n", total_pointer="/t")
    with pytest.raises(ValueError, match="must be one of page, keyset, offset, cursor, next-url, link-header"):
        PageSpec(style="links", items_pointer="/x")  # type: ignore[arg-type]


def test_the_link_header_style_needs_the_response() -> None:
    with pytest.raises(ValueError, match="fetch_page must return a Page"):
        list(iterate(lambda cursor: [1], LINK))
