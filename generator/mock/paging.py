"""Paging for operations with `x-pagination`, over seeded collections or the mock's stored items.

`X-Testrelay-Items: N` asks for a deterministic collection of N items, built from the first
success example's items: item i copies example item i mod k, with unique ids (integer ids count
from 1, UUID-shaped ids are UUID5s of the operation and index, other strings get a `-i` suffix),
and, for a keyset cursor object, unique cursor fields (date-times one second apart, newest first),
so that every cursor names exactly one item. The same N always yields the same items.

Page size: the request's page-size parameter that `x-mock: pages` names, else that parameter's
schema default, else the number of items in the first success example; the same declaration says
where the answer states its page number, the previous and last ones, the size and the total.
Page numbers start at 1.
"""

from __future__ import annotations

import copy
import math
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, overload
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from generator.spec import pointer as jp
from generator.spec.behaviours import Pages
from generator.spec.ir import Api, JsonSchema, Operation, Pagination, deref

ITEMS_HEADER = "x-testrelay-items"
MAX_ITEMS = 10_000
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def requested_items(headers: Mapping[str, str]) -> int | None:
    """N from `X-Testrelay-Items`, or None when absent or not a count."""
    text = headers.get(ITEMS_HEADER)
    if text is None:
        return None
    try:
        return max(0, min(int(text), MAX_ITEMS))
    except ValueError:
        return None


def template_of(op: Operation) -> Any:
    """The first success example: the page envelope every answer is built on."""
    success = op.success
    if success is None or not success.examples:
        return None
    return copy.deepcopy(success.examples[0].value)


class Lazy(Sequence[Any]):
    """Items made only when a page asks for them, so that a page costs what it returns, not the whole list."""

    def __init__(self, length: int, make: Callable[[int], Any]) -> None:
        self._length = length
        self._make = make

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(self._length))]
        if not -self._length <= index < self._length:
            raise IndexError(index)
        return self._make(index % self._length)


def seeded(
    op: Operation,
    pagination: Pagination,
    count: int,
    parents: Mapping[str, Any] | None = None,
    id_pointer: str | None = None,
) -> Lazy:
    """N items; `parents` (the path's values) replace the same-named item fields; ids at `id_pointer` unique."""
    template = template_of(op)
    examples = jp.get(template, pagination.items_pointer)
    if not isinstance(examples, list) or not examples:
        return Lazy(0, lambda i: None)
    cursor = (
        jp.get(template, pagination.next_pointer) if pagination.style == "keyset" and pagination.next_pointer else None
    )
    cursor_fields = tuple(cursor) if isinstance(cursor, dict) else ()

    def make(i: int) -> Any:
        item = copy.deepcopy(examples[i % len(examples)])
        if isinstance(item, dict):
            if id_pointer is not None and jp.get(item, id_pointer) is not None:
                jp.put(item, id_pointer, _unique(jp.get(item, id_pointer), op.operation_id, i))
            elif id_pointer is None:
                _uniquify(item, op.operation_id, i, 0)  # undeclared: the fields named like ids
            item.update({k: v for k, v in (parents or {}).items() if k in item})
            for name in cursor_fields:
                base = examples[0].get(name) if isinstance(examples[0], dict) else None
                item[name] = _step(base, i)
        return item

    return Lazy(count, make)


def declared_pages(api: Api, op: Operation) -> Pages | None:
    """What `x-mock: pages` says of this list, if anything."""
    return next((p for p in api.behaviours.pages if p.operation == op.operation_id), None)


def page_size(op: Operation, schemas: dict[str, JsonSchema], params: Mapping[str, Any], pages: Pages | None) -> int:
    """The request's size parameter, else its schema default, else the first example's item count."""
    param = next((p for p in op.parameters if pages is not None and p.name == pages.size_parameter), None)
    if param is not None:
        given = params.get(param.name)
        if isinstance(given, int) and given > 0:
            return given
        schema = deref(schemas, param.schema)
        default = schema.get("default") if isinstance(schema, dict) else None
        if isinstance(default, int) and default > 0:
            return default
    pagination = op.pagination
    examples = jp.get(template_of(op), pagination.items_pointer) if pagination is not None else None
    return max(1, len(examples) if isinstance(examples, list) else 1)


def page(api: Api, op: Operation, items: Sequence[Any], params: Mapping[str, Any]) -> Any:
    """The answer for one page of `items`, in the shape of the operation's first success example.

    Only the page's own items are read from `items`, so a page costs what it shows.
    """
    pagination = op.pagination
    assert pagination is not None
    pages = declared_pages(api, op)
    body = template_of(op)
    if not isinstance(body, dict):
        body = {}
    if pagination.style not in ("page", "keyset") or pagination.parameter is None or pagination.next_pointer is None:
        return answer(api, op, items, params, "")[0]
    size = page_size(op, api.schemas, params, pages)
    if pagination.style == "keyset":
        id_pointer = pages.item_id_pointer if pages is not None else None
        return _keyset(body, pagination, items, params.get(pagination.parameter), size, id_pointer)
    number = params.get(pagination.parameter)
    number = number if isinstance(number, int) and number > 0 else 1
    last = max(1, math.ceil(len(items) / size))
    jp.put(body, pagination.items_pointer, items[(number - 1) * size : number * size])
    jp.put(body, pagination.next_pointer, number + 1 if number < last else None)
    if pagination.has_more_pointer:
        jp.put(body, pagination.has_more_pointer, number < last)
    if pages is not None:
        envelope = {
            pages.page_pointer: number,
            pages.prev_page_pointer: number - 1 if number > 1 else None,
            pages.last_page_pointer: last,
            pages.size_pointer: size,
            pages.total_pointer: len(items),
        }
        for pointer, value in envelope.items():
            if pointer is not None:
                jp.put(body, pointer, value)
    return body


OFFSET_PARAMETER = "testrelay_offset"
"""The query parameter of the next-page URLs the mock writes (next-url and link-header styles)."""


def answer(
    api: Api, op: Operation, items: Sequence[Any], params: Mapping[str, Any], url: str
) -> tuple[Any, str | None]:
    """One page of `items` in any style, and the next page's URL for a `Link: rel="next"` header.

    Offsets count items; cursors are opaque (`c<offset>`); next-page URLs are the request's URL with
    the mock's own `testrelay_offset` parameter. The last page has no cursor and no next URL.
    """
    pagination = op.pagination
    assert pagination is not None
    if pagination.style in ("page", "keyset"):
        return page(api, op, items, params), None
    size = _size(op, pagination, api.schemas, params, declared_pages(api, op))
    start = 0
    if pagination.style == "offset" and pagination.parameter is not None:
        given = params.get(pagination.parameter)
        start = given if isinstance(given, int) and given > 0 else 0
    elif pagination.style == "cursor" and pagination.parameter is not None:
        given = params.get(pagination.parameter)
        if isinstance(given, str) and re.fullmatch(r"c[0-9]+", given):
            start = int(given[1:])
    else:
        given = dict(parse_qsl(urlsplit(url).query)).get(OFFSET_PARAMETER, "0")
        start = int(given) if given.isdigit() else 0
    chunk, following = items[start : start + size], start + size
    more = following < len(items)
    template = template_of(op)
    if pagination.items_pointer == "":
        body: Any = chunk
    else:
        body = template if isinstance(template, dict) else {}
        jp.put(body, pagination.items_pointer, chunk)
    if pagination.total_pointer:
        jp.put(body, pagination.total_pointer, len(items))
    if pagination.has_more_pointer:
        jp.put(body, pagination.has_more_pointer, more)
    next_url = _with_offset(url, following) if more and url else None
    if pagination.style == "cursor" and pagination.next_pointer:
        _put_or_drop(body, pagination.next_pointer, f"c{following}" if more else None)
    if pagination.style == "next-url" and pagination.next_pointer:
        _put_or_drop(body, pagination.next_pointer, next_url)
    return body, (next_url if pagination.style == "link-header" else None)


def _size(
    op: Operation,
    pagination: Pagination,
    schemas: dict[str, JsonSchema],
    params: Mapping[str, Any],
    pages: Pages | None,
) -> int:
    """The declared limit parameter's value or default, else the usual page size rules."""
    for param in op.parameters:
        if param.location == "query" and param.name == pagination.limit_parameter:
            given = params.get(param.name)
            if isinstance(given, int) and given > 0:
                return given
            schema = deref(schemas, param.schema)
            default = schema.get("default") if isinstance(schema, dict) else None
            if isinstance(default, int) and default > 0:
                return default
    return page_size(op, schemas, params, pages)


def _with_offset(url: str, offset: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != OFFSET_PARAMETER]
    return urlunsplit(parts._replace(query=urlencode([*query, (OFFSET_PARAMETER, str(offset))])))


def _put_or_drop(body: Any, pointer: str, value: Any) -> None:
    """Set the value, or leave the field out when there is none (absent is what every style reads as the end)."""
    if value is not None:
        jp.put(body, pointer, value)
        return
    parent = jp.get(body, jp.parent(pointer))
    if isinstance(parent, dict):
        parent.pop(jp.split(pointer)[-1], None)


def _keyset(
    body: dict[str, Any], pagination: Pagination, items: Sequence[Any], cursor: Any, size: int, id_pointer: str | None
) -> Any:
    assert pagination.next_pointer is not None
    example_cursor = jp.get(body, pagination.next_pointer)
    start = 0
    if cursor not in (None, {}, ""):
        start = len(items)
        for i, item in enumerate(items):
            if _same(_cursor_of(item, example_cursor, id_pointer), cursor):
                start = i + 1
                break
    chunk = items[start : start + size]
    jp.put(body, pagination.items_pointer, chunk)
    has_more = start + size < len(items)
    if chunk:
        jp.put(body, pagination.next_pointer, _cursor_of(chunk[-1], example_cursor, id_pointer))
    if pagination.has_more_pointer:
        jp.put(body, pagination.has_more_pointer, has_more)
    return body


def _cursor_of(item: Any, example_cursor: Any, id_pointer: str | None) -> Any:
    """The cursor naming `item`: each field of an object cursor from the item's same-named field, else its id."""
    if isinstance(example_cursor, dict) and isinstance(item, dict):
        return {name: item.get(name) for name in example_cursor}
    if id_pointer is not None:
        return jp.get(item, id_pointer)
    return item.get("id") if isinstance(item, dict) else item  # undeclared: the field named so


def _same(ours: Any, theirs: Any) -> bool:
    """Cursor equality as a server reads it: `...50.686Z` and `...50.686000Z` name the same instant."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(_same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, str) and isinstance(theirs, str) and ours != theirs:
        try:
            return datetime.fromisoformat(ours.replace("Z", "+00:00")) == datetime.fromisoformat(
                theirs.replace("Z", "+00:00")
            )
        except ValueError:
            return False
    return bool(ours == theirs) or str(ours) == str(theirs)


def _is_id(name: str) -> bool:
    """`id`, `hashed_id`, `buildId`: the fields that name an item."""
    return name == "id" or name.endswith("_id") or (name.endswith("Id") and name[:1].islower())


def _uniquify(item: dict[str, Any], namespace: str, index: int, depth: int) -> None:
    """Unique ids for the index-th item: its own `id`, or those of the object it wraps (`{"build": {...}}`)."""
    if "id" in item:
        item["id"] = _unique(item["id"], namespace, index)
        return
    for name, value in item.items():
        if depth == 0 and isinstance(value, dict):
            _uniquify(value, f"{namespace}/{name}", index, depth + 1)
        elif depth > 0 and _is_id(name):
            item[name] = _unique(value, namespace, index)


def _unique(value: Any, namespace: str, index: int) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return index + 1
    if isinstance(value, str) and _UUID.match(value):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"testrelay:{namespace}:{index}"))
    return f"{value}-{index + 1}"


def _step(base: Any, index: int) -> Any:
    """The index-th value counting back from `base`: one second per item for date-times."""
    if isinstance(base, bool):
        return base
    if isinstance(base, int):
        return base - index
    if isinstance(base, str):
        try:
            moment = datetime.fromisoformat(base.replace("Z", "+00:00"))
        except ValueError:
            return f"{base}-{index + 1}"
        stepped = moment - timedelta(seconds=index)
        text = stepped.isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z") if base.endswith("Z") else text
    return base
