"""Walking pages (page numbers and keyset cursors) lazily, the loop guard, and JSON pointers on models."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import pytest
from pydantic import BaseModel, ConfigDict, Field, RootModel

from generator.runtime._enums import OpenStrEnum
from generator.runtime._pagination import PageSpec, async_iterate, iterate
from generator.runtime._pointers import get, resolve


class Item(BaseModel):
    id: int


class NumberedPage(BaseModel):
    """Stands for Testmo's list response: the next page number, null on the last page."""

    result: list[Item]
    next_page: int | None = None


class Key(BaseModel):
    """A structured keyset cursor; a plain model, so not hashable."""

    created_at: str
    id: str


class KeysetPage(BaseModel):
    """Stands for Octomind's list response, with camelCase wire names."""

    model_config = ConfigDict(populate_by_name=True)

    data: list[Item]
    key: Key | None = None
    has_next_page: bool = Field(alias="hasNextPage")


NUMBERED = PageSpec(style="page", items_pointer="/result", next_pointer="/next_page")
KEYSET = PageSpec(style="keyset", items_pointer="/data", next_pointer="/key", has_more_pointer="/hasNextPage")
K1 = Key(created_at="2024-05-01T00:00:00Z", id="a")
K2 = Key(created_at="2024-05-02T00:00:00Z", id="b")
K3 = Key(created_at="2024-05-03T00:00:00Z", id="c")


def items(*ids: int) -> list[Item]:
    return [Item(id=i) for i in ids]


class Server:
    """Answers `fetch_page(cursor)` from a fixed list of (expected cursor, page) and records each request."""

    def __init__(self, pages: list[tuple[object | None, object]]) -> None:
        self.pages = pages
        self.requested: list[object | None] = []

    def __call__(self, cursor: object | None) -> object:
        expected, page = self.pages[len(self.requested)]
        assert cursor == expected
        self.requested.append(cursor)
        return page

    async def async_call(self, cursor: object | None) -> object:
        return self(cursor)


def numbered_server() -> Server:
    return Server(
        [
            (None, NumberedPage(result=items(1, 2), next_page=2)),
            (2, NumberedPage(result=items(3, 4), next_page=3)),
            (3, NumberedPage(result=items(5), next_page=None)),
        ]
    )


def keyset_server() -> Server:
    return Server(
        [
            (None, KeysetPage(data=items(1, 2), key=K1, hasNextPage=True)),
            (K1, KeysetPage(data=items(3), key=K2, hasNextPage=True)),
            (K2, KeysetPage(data=items(4, 5), key=K3, hasNextPage=False)),
        ]
    )


async def collect(spec: PageSpec, server: Server) -> list[object]:
    return [item async for item in async_iterate(server.async_call, spec)]


# page numbers


def test_page_style_walks_every_page_in_order() -> None:
    server = numbered_server()
    assert list(iterate(server, NUMBERED)) == items(1, 2, 3, 4, 5)
    assert server.requested == [None, 2, 3]


def test_page_style_stops_when_the_next_page_is_absent() -> None:
    server = Server([(None, {"result": [{"id": 1}], "next_page": 2}), (2, {"result": [{"id": 2}]})])
    assert list(iterate(server, NUMBERED)) == [{"id": 1}, {"id": 2}]
    assert server.requested == [None, 2]


def test_an_empty_first_page_yields_nothing() -> None:
    server = Server([(None, NumberedPage(result=[], next_page=None))])
    assert list(iterate(server, NUMBERED)) == []
    assert server.requested == [None]


def test_missing_or_null_items_count_as_an_empty_page() -> None:
    server = Server([(None, {"next_page": 2}), (2, {"result": None, "next_page": 3}), (3, {"result": [7]})])
    assert list(iterate(server, NUMBERED)) == [7]
    assert server.requested == [None, 2, 3]


def test_items_that_are_not_a_list_are_refused() -> None:
    server = Server([(None, {"result": {"id": 1}})])
    with pytest.raises(TypeError, match=r"^/result is a dict, not a list of items$"):
        list(iterate(server, NUMBERED))


def test_pages_are_fetched_lazily() -> None:
    server = numbered_server()
    walk = iterate(server, NUMBERED)
    assert server.requested == []
    assert next(walk) == Item(id=1)
    assert server.requested == [None]
    assert next(walk) == Item(id=2)
    assert server.requested == [None]
    assert next(walk) == Item(id=3)
    assert server.requested == [None, 2]
    assert next(walk) == Item(id=4)
    assert server.requested == [None, 2]
    assert next(walk) == Item(id=5)
    assert server.requested == [None, 2, 3]
    assert next(walk, None) is None
    assert server.requested == [None, 2, 3]


def test_a_repeated_page_number_stops_the_walk() -> None:
    server = Server(
        [
            (None, NumberedPage(result=items(1), next_page=2)),
            (2, NumberedPage(result=items(2), next_page=3)),
            (3, NumberedPage(result=items(3), next_page=2)),
        ]
    )
    seen: list[object] = []
    with pytest.raises(RuntimeError) as caught:
        for item in iterate(server, NUMBERED):
            seen.append(item)
    assert seen == items(1, 2, 3)
    assert server.requested == [None, 2, 3]
    assert (
        str(caught.value)
        == "Pagination loop: after 3 page(s) the server pointed back to page 2, which was already fetched"
    )


def test_a_page_pointing_at_itself_stops_the_walk() -> None:
    server = Server(
        [(None, NumberedPage(result=items(1), next_page=2)), (2, NumberedPage(result=items(2), next_page=2))]
    )
    with pytest.raises(RuntimeError, match=r"^Pagination loop: after 2 page\(s\) the server pointed back to page 2,"):
        list(iterate(server, NUMBERED))
    assert server.requested == [None, 2]


def test_page_spec_is_checked() -> None:
    with pytest.raises(ValueError, match=r"^has_more_pointer applies to the keyset and cursor styles only$"):
        PageSpec(style="page", items_pointer="/result", next_pointer="/next_page", has_more_pointer="/more")


# keyset cursors


def test_keyset_walks_every_page_with_a_cursor_object() -> None:
    server = keyset_server()
    assert list(iterate(server, KEYSET)) == items(1, 2, 3, 4, 5)
    assert server.requested == [None, K1, K2]
    assert server.requested[1] is K1
    assert server.requested[2] is K2


def test_keyset_without_a_flag_stops_when_the_cursor_is_absent() -> None:
    spec = PageSpec(style="keyset", items_pointer="/data", next_pointer="/cursor")
    server = Server(
        [
            (None, {"data": [1, 2], "cursor": "c1"}),
            ("c1", {"data": [3], "cursor": "c2"}),
            ("c2", {"data": [4], "cursor": None}),
        ]
    )
    assert list(iterate(server, spec)) == [1, 2, 3, 4]
    assert server.requested == [None, "c1", "c2"]


def test_keyset_stops_when_more_is_promised_but_no_cursor_given() -> None:
    server = Server([(None, KeysetPage(data=items(1), key=None, hasNextPage=True))])
    assert list(iterate(server, KEYSET)) == items(1)
    assert server.requested == [None]


def test_keyset_follows_the_cursor_when_the_flag_is_absent() -> None:
    server = Server([(None, {"data": [1], "key": "c1"}), ("c1", {"data": [2], "hasNextPage": False, "key": "c2"})])
    assert list(iterate(server, KEYSET)) == [1, 2]
    assert server.requested == [None, "c1"]


def test_keyset_is_lazy() -> None:
    server = keyset_server()
    walk = iterate(server, KEYSET)
    assert server.requested == []
    assert [next(walk), next(walk)] == items(1, 2)
    assert server.requested == [None]
    assert next(walk) == Item(id=3)
    assert server.requested == [None, K1]


def test_a_repeated_cursor_object_stops_the_walk() -> None:
    server = Server(
        [
            (None, KeysetPage(data=items(1), key=K1, hasNextPage=True)),
            (K1, KeysetPage(data=items(2), key=K2, hasNextPage=True)),
            (K2, KeysetPage(data=items(3), key=Key(created_at=K1.created_at, id=K1.id), hasNextPage=True)),
        ]
    )
    seen: list[object] = []
    with pytest.raises(RuntimeError) as caught:
        for item in iterate(server, KEYSET):
            seen.append(item)
    assert seen == items(1, 2, 3)
    assert server.requested == [None, K1, K2]
    assert (
        str(caught.value)
        == "Pagination loop: after 3 page(s) the server pointed back to a cursor, which was already fetched"
    )


def test_a_repeated_string_cursor_stops_the_walk() -> None:
    spec = PageSpec(style="keyset", items_pointer="/data", next_pointer="/cursor")
    server = Server([(None, {"data": [1], "cursor": "c1"}), ("c1", {"data": [2], "cursor": "c1"})])
    with pytest.raises(RuntimeError, match=r"^Pagination loop: after 2 page\(s\) the server pointed back to a cursor,"):
        list(iterate(server, spec))
    assert server.requested == [None, "c1"]


# async


def test_async_page_style_walks_every_page() -> None:
    server = numbered_server()
    assert asyncio.run(collect(NUMBERED, server)) == items(1, 2, 3, 4, 5)
    assert server.requested == [None, 2, 3]


def test_async_keyset_walks_every_page() -> None:
    server = keyset_server()
    assert asyncio.run(collect(KEYSET, server)) == items(1, 2, 3, 4, 5)
    assert server.requested == [None, K1, K2]


def test_async_empty_first_page() -> None:
    server = Server([(None, NumberedPage(result=[]))])
    assert asyncio.run(collect(NUMBERED, server)) == []
    assert server.requested == [None]


def test_async_iteration_is_lazy() -> None:
    async def scenario(server: Server) -> list[list[object | None]]:
        walk = async_iterate(server.async_call, NUMBERED)
        trail = [list(server.requested)]
        for _ in range(3):
            await anext(walk)
            trail.append(list(server.requested))
        return trail

    server = numbered_server()
    assert asyncio.run(scenario(server)) == [[], [None], [None], [None, 2]]


def test_async_loop_guard() -> None:
    server = Server(
        [(None, NumberedPage(result=items(1), next_page=2)), (2, NumberedPage(result=items(2), next_page=2))]
    )
    with pytest.raises(RuntimeError, match=r"^Pagination loop: after 2 page\(s\) the server pointed back to page 2,"):
        asyncio.run(collect(NUMBERED, server))
    assert server.requested == [None, 2]


# JSON pointers


class Shade(OpenStrEnum):
    DARK = "dark"


class Swapped(BaseModel):
    """Aliases that collide with other fields' names: the alias wins."""

    model_config = ConfigDict(populate_by_name=True)

    first: int = Field(alias="second")
    second: int = Field(alias="third")


class Doc(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    next_page: int | None = Field(default=None, alias="nextPage")
    shade: Shade = Shade.DARK
    rows: list[Item] = []
    pair: tuple[int, int] = (10, 20)
    labels: dict[str, str] = {}


class Wrapped(RootModel[Doc]):
    pass


def test_resolve_matches_an_alias_then_a_name_then_extras() -> None:
    doc = Doc.model_validate({"nextPage": 4, "extraField": {"deep": [1, 2]}})
    assert resolve(doc, "/nextPage") == 4
    assert resolve(doc, "/next_page") == 4
    assert resolve(doc, "/extraField") == {"deep": [1, 2]}
    assert resolve(doc, "/extraField/deep/1") == 2
    swapped = Swapped(second=1, third=2)
    assert resolve(swapped, "/second") == 1
    assert resolve(swapped, "/third") == 2
    assert resolve(swapped, "/first") == 1


def test_resolve_returns_values_as_they_are() -> None:
    doc = Doc(rows=items(1, 2))
    assert resolve(doc, "") is doc
    assert resolve(doc, "/shade") is Shade.DARK
    assert resolve(doc, "/rows") is doc.rows
    assert resolve(doc, "/rows/1") is doc.rows[1]


def test_resolve_indexes_lists_and_tuples() -> None:
    doc = Doc(rows=items(5, 6))
    assert resolve(doc, "/rows/0/id") == 5
    assert resolve(doc, "/pair/1") == 20
    assert resolve([[1, 2], [3, 4]], "/1/0") == 3
    for pointer in ("/rows/2", "/rows/01", "/rows/-", "/rows/-1", "/rows/x", "/rows/", "/pair/2"):
        with pytest.raises(KeyError) as caught:
            resolve(doc, pointer)
        assert caught.value.args == (pointer,)


def test_resolve_unescapes_tokens() -> None:
    data: Mapping[str, object] = {"a/b": 1, "m~n": 2, "~1": 3, "": 4, " ": 5}
    assert resolve(data, "/a~1b") == 1
    assert resolve(data, "/m~0n") == 2
    assert resolve(data, "/~01") == 3
    assert resolve(data, "/") == 4
    assert resolve(data, "/ ") == 5
    doc = Doc.model_validate({"x/y": "extra", "labels": {"k~": "v"}})
    assert resolve(doc, "/x~1y") == "extra"
    assert resolve(doc, "/labels/k~0") == "v"


def test_resolve_sees_through_root_models() -> None:
    wrapped = Wrapped(Doc(nextPage=3))
    assert resolve(wrapped, "/nextPage") == 3
    assert resolve({"doc": wrapped}, "/doc/next_page") == 3
    assert resolve(wrapped, "") is wrapped


def test_resolve_raises_key_error_with_the_pointer_when_anything_is_missing() -> None:
    doc = Doc(rows=items(1))
    for pointer in ("/nope", "/rows/0/name", "/next_page/x", "/shade/0", "/labels/k", "/rows/0/id/0"):
        with pytest.raises(KeyError) as caught:
            resolve(doc, pointer)
        assert caught.value.args == (pointer,)
    with pytest.raises(KeyError) as caught:
        resolve({"s": "abc"}, "/s/0")
    assert caught.value.args == ("/s/0",)


def test_malformed_pointers_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^JSON pointer must be empty or start with '/': 'status'$"):
        resolve({}, "status")
    with pytest.raises(ValueError, match=r"^JSON pointer has a '~' not followed by 0 or 1: '/a~2'$"):
        resolve({}, "/a~2")
    with pytest.raises(ValueError, match=r"^JSON pointer has a '~' not followed by 0 or 1: '/a~'$"):
        resolve({}, "/a~")


def test_get_returns_a_default_for_missing_values() -> None:
    doc = Doc(nextPage=None)
    assert get(doc, "/nextPage", 1) is None
    assert get(doc, "/missing") is None
    assert get(doc, "/missing", 7) == 7
    assert get(doc, "/rows/3/id", "none") == "none"
