"""Clients of the Golden API.

A feature matrix for the generator: every parameter style, body kind, union, enum, nullable and auth
kind the runtime has, hostile names, polling and paging. Its generated tree is committed beside it
and compared end to end by tests/test_golden.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Literal, overload
from uuid import UUID

import httpx

from generator.runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    AsyncAPIClient,
    BasicAuth,
    Call,
    Endpoint,
    HeaderAuth,
    NoAuth,
    NotGiven,
    PageSpec,
    PollSpec,
    RateLimitHint,
    RawResponse,
    Security,
    ServerVariable,
    SyncAPIClient,
    TokenExchangeAuth,
    async_iterate,
    async_wait,
    credential,
    exactly_one,
    header_value,
    iterate,
    json_query_pairs,
    link_value,
    path_param,
    query_pairs,
    require,
    server_url,
    to_json,
    wait,
)

from .models import (
    CaseRun,
    Circle,
    Error,
    Event,
    ExchangeTokenRequest,
    ExchangeTokenResponse,
    GetItemFilter,
    Item,
    ListEventsResponse,
    ListShapesResponse,
    NewItem,
    Priority,
    RateLimitErrorModel,
    Run,
    Square,
    StartRunRequest,
    Status,
    SuiteRun,
    UpdateNotesRequest,
    UploadResponse,
)

__all__ = ["AsyncGoldenApiClient", "GoldenApiClient"]

_RATE_LIMIT = RateLimitHint(header="X-Retry-In", pointer="/retry_after", default_wait=30.0)

_EXCHANGE_TOKEN: Endpoint[ExchangeTokenResponse] = Endpoint(
    "POST",
    "/token",
    ExchangeTokenResponse,
    authenticated=False,
    idempotent=True,
    rate_limit=_RATE_LIMIT,
)
_GET_ITEM: Endpoint[Item] = Endpoint(
    "GET",
    "/items/{item-id}/{label}/{matrix}",
    Item,
    errors={
        "404": Error,
        "429": RateLimitErrorModel,
    },
    rate_limit=_RATE_LIMIT,
)
_REPLACE_ITEMS: Endpoint[None] = Endpoint(
    "PUT",
    "/items",
    None,
    rate_limit=RateLimitHint(default_wait=5.0),
)
_CREATE_ITEM: Endpoint[Item] = Endpoint(
    "POST",
    "/items",
    Item,
    rate_limit=_RATE_LIMIT,
)
_DELETE_ITEM: Endpoint[None] = Endpoint(
    "DELETE",
    "/items/{id}",
    None,
    rate_limit=_RATE_LIMIT,
)
_UPLOAD: Endpoint[UploadResponse] = Endpoint(
    "POST",
    "/uploads",
    UploadResponse,
    rate_limit=_RATE_LIMIT,
)
_UPDATE_NOTES: Endpoint[None] = Endpoint(
    "PATCH",
    "/notes",
    None,
    rate_limit=_RATE_LIMIT,
)
_LIST_SHAPES: Endpoint[ListShapesResponse] = Endpoint(
    "GET",
    "/shapes",
    ListShapesResponse,
    authenticated=False,
    rate_limit=_RATE_LIMIT,
)
_LIST_EVENTS: Endpoint[ListEventsResponse] = Endpoint(
    "GET",
    "/events",
    ListEventsResponse,
    rate_limit=_RATE_LIMIT,
)
_START_RUN: Endpoint[CaseRun | SuiteRun] = Endpoint(
    "POST",
    "/runs",
    CaseRun | SuiteRun,
    rate_limit=_RATE_LIMIT,
)
_GET_RUN: Endpoint[Run] = Endpoint(
    "GET",
    "/runs/{run_id}",
    Run,
    rate_limit=_RATE_LIMIT,
)
_GET_RUN_POLLING = PollSpec(
    status_pointer="/state",
    pending=("queued", "running"),
    success=("passed",),
    failure=("failed",),
    interval=2.0,
    deadline=120.0,
    judged=(("done", "/failures"),),
)
_LIST_SHAPES_PAGES = PageSpec(
    style="page",
    items_pointer="/shapes",
    next_pointer="/next_page",
)
_LIST_EVENTS_PAGES = PageSpec(
    style="keyset",
    items_pointer="/data",
    next_pointer="/cursor",
    has_more_pointer="/has_more",
)


def _base_url(base_url: str | httpx.URL | None, tenant: str | None, version: str | None) -> str:
    """The explicit URL or server variables, else `GOLDEN_API_BASE_URL`, else the spec's server."""
    return server_url(
        "https://{tenant}.golden.example/api/{version}",
        (
            ServerVariable("tenant", "tenant", default="demo"),
            ServerVariable("version", "version", default="v1", enum=("v1", "v2")),
        ),
        {"tenant": tenant, "version": version},
        base_url=base_url,
        env="GOLDEN_API_BASE_URL",
    )


def _auth(api_key: str | None, username: str | None, password: str | None, url: str, scheme: str | None) -> httpx.Auth:
    """Every scheme the credentials given can serve; each operation uses the first of its requirements they fill."""
    api_key = credential(api_key, "GOLDEN_API_API_KEY")
    username = credential(username, "GOLDEN_API_USERNAME")
    password = credential(password, "GOLDEN_API_PASSWORD")
    security = Security(
        {
            "HeaderKey": (HeaderAuth("X-Key", api_key) if api_key else None),
            "Bearer": (HeaderAuth("Authorization", api_key, "Bearer") if api_key else None),
            "Basic": (BasicAuth(username, password) if username and password else None),
            "Exchanged": (
                TokenExchangeAuth(
                    api_key,
                    exchange_url=url + "/token",
                    key_pointer="/key",
                    token_pointer="/token",
                    header_prefix="JWT",
                    ttl_seconds=60.0,
                    refresh_buffer_seconds=10.0,
                )
                if api_key
                else None
            ),
        },
        default=((("HeaderKey", ()),), (("Bearer", ()),), (("Basic", ()),), (("Exchanged", ()),)),
        prefer={"header_key": "HeaderKey", "bearer": "Bearer", "basic": "Basic", "exchanged": "Exchanged"}[scheme]
        if scheme
        else None,
        hints={
            "HeaderKey": "api_key= (or GOLDEN_API_API_KEY)",
            "Bearer": "api_key= (or GOLDEN_API_API_KEY)",
            "Basic": "username= (or GOLDEN_API_USERNAME) and password= (or GOLDEN_API_PASSWORD)",
            "Exchanged": "api_key= (or GOLDEN_API_API_KEY)",
        },
    )
    security.check()
    return security


def _exchange_token(
    *,
    body: ExchangeTokenRequest | NotGiven = NOT_GIVEN,
    key: str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if key is not NOT_GIVEN:
        payload["key"] = key
    require(payload, ["key"])
    return Call(
        json=payload,
    )


def _get_item(
    *,
    item_id: int,
    label: list[str],
    matrix: str,
    x_flags: list[str],
    tags: list[str] | None = None,
    ids: list[int] | None = None,
    spaced: list[str] | None = None,
    piped: list[str] | None = None,
    filter: GetItemFilter | None = None,
    where: dict[str, int] | None = None,
    raw: str | None = None,
    since: datetime | str | None = None,
    day: date | str | None = None,
    owner: UUID | str | None = None,
    status: Status | str | None = None,
    class_: str | None = None,
    n2fast: str | None = None,
    grosse: str | None = None,
    page_size: int | None = None,
    page_size_2: int | None = None,
    x_trace: str | None = None,
) -> Call:
    return Call(
        path={
            "item-id": path_param("item-id", item_id, style="simple", explode=False),
            "label": path_param("label", label, style="label", explode=True),
            "matrix": path_param("matrix", matrix, style="matrix", explode=False),
        },
        query=[
            *query_pairs("tags", tags, style="form", explode=True),
            *query_pairs("ids", ids, style="form", explode=False),
            *query_pairs("spaced", spaced, style="spaceDelimited", explode=False),
            *query_pairs("piped", piped, style="pipeDelimited", explode=False),
            *query_pairs("filter", filter, style="deepObject", explode=True),
            *json_query_pairs("where", where),
            *query_pairs("raw", raw, style="form", explode=True, allow_reserved=True),
            *query_pairs("since", since, style="form", explode=True),
            *query_pairs("day", day, style="form", explode=True),
            *query_pairs("owner", owner, style="form", explode=True),
            *query_pairs("status", status, style="form", explode=True),
            *query_pairs("class", class_, style="form", explode=True),
            *query_pairs("2fast", n2fast, style="form", explode=True),
            *query_pairs("größe", grosse, style="form", explode=True),
            *query_pairs("page-size", page_size, style="form", explode=True),
            *query_pairs("page_size", page_size_2, style="form", explode=True),
        ],
        headers={
            "X-Flags": header_value(x_flags, explode=False),
            **({"X-Trace": header_value(x_trace, explode=False)} if x_trace is not None else {}),
        },
    )


def _replace_items(
    *,
    body: list[NewItem] | None = None,
) -> Call:
    return Call(
        json=body if body is not None else NOT_GIVEN,
    )


def _create_item(
    *,
    body: NewItem | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
    size: int | NotGiven = NOT_GIVEN,
    owner: UUID | str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    if size is not NOT_GIVEN:
        payload["size"] = size
    if owner is not NOT_GIVEN:
        payload["owner"] = owner
    require(payload, ["name"])
    return Call(
        json=payload,
    )


def _delete_item(
    *,
    id: str,
) -> Call:
    return Call(
        path={
            "id": path_param("id", id, style="simple", explode=False),
        },
    )


def _upload(
    *,
    body: bytes,
) -> Call:
    return Call(
        content=body,
        content_type="application/octet-stream",
    )


def _update_notes(
    *,
    body: UpdateNotesRequest | NotGiven = NOT_GIVEN,
    text: str | NotGiven = NOT_GIVEN,
    pinned: bool | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if text is not NOT_GIVEN:
        payload["text"] = text
    if pinned is not NOT_GIVEN:
        payload["pinned"] = pinned
    return Call(
        json=payload if payload or body is not NOT_GIVEN else NOT_GIVEN,
    )


def _list_shapes(
    *,
    page: int | None = None,
) -> Call:
    return Call(
        query=[
            *query_pairs("page", page, style="form", explode=True),
        ],
    )


def _list_events(
    *,
    cursor: str | None = None,
    kind: str | None = None,
) -> Call:
    return Call(
        query=[
            *query_pairs("cursor", cursor, style="form", explode=True),
            *query_pairs("kind", kind, style="form", explode=True),
        ],
    )


def _start_run(
    *,
    body: StartRunRequest | NotGiven = NOT_GIVEN,
    project: str | NotGiven = NOT_GIVEN,
    case_id: str | NotGiven = NOT_GIVEN,
    suite_id: str | NotGiven = NOT_GIVEN,
    priority: Priority | int | NotGiven = NOT_GIVEN,
    note: str | NotGiven | None = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if project is not NOT_GIVEN:
        payload["project"] = project
    if case_id is not NOT_GIVEN:
        payload["case_id"] = case_id
    if suite_id is not NOT_GIVEN:
        payload["suite_id"] = suite_id
    if priority is not NOT_GIVEN:
        payload["priority"] = priority
    if note is not NOT_GIVEN:
        payload["note"] = note
    require(payload, ["project"])
    exactly_one(payload, ["case_id", "suite_id"])
    return Call(
        json=payload,
    )


def _get_run(
    *,
    run_id: str,
    project: str | None = None,
    view: str | None = None,
) -> Call:
    return Call(
        path={
            "run_id": path_param("run_id", run_id, style="simple", explode=False),
        },
        query=[
            *query_pairs("project", project, style="form", explode=True),
            *query_pairs("view", view, style="form", explode=True),
        ],
    )


class GoldenApiClient(SyncAPIClient):
    """Synchronous client of the Golden API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        tenant: str | None = None,
        version: str | None = None,
        auth_scheme: Literal["header_key", "bearer", "basic", "exchanged"] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        url = _base_url(base_url, tenant, version)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, username, password, url, auth_scheme),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> GoldenApiClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return GoldenApiClientWithRawResponse(self)

    @overload
    def exchange_token(
        self,
        *,
        key: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse: ...

    @overload
    def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse: ...

    def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest | NotGiven = NOT_GIVEN,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse:
        """Trade the key for a token.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            key: The `key` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _EXCHANGE_TOKEN,
            _exchange_token(body=body, key=key),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_item(
        self,
        *,
        item_id: int,
        label: list[str],
        matrix: str,
        x_flags: list[str],
        tags: list[str] | None = None,
        ids: list[int] | None = None,
        spaced: list[str] | None = None,
        piped: list[str] | None = None,
        filter: GetItemFilter | None = None,
        where: dict[str, int] | None = None,
        raw: str | None = None,
        since: datetime | str | None = None,
        day: date | str | None = None,
        owner: UUID | str | None = None,
        status: Status | str | None = None,
        class_: str | None = None,
        n2fast: str | None = None,
        grosse: str | None = None,
        page_size: int | None = None,
        page_size_2: int | None = None,
        x_trace: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item:
        """Read an item, with every parameter style.

        Args:
            item_id: The `item-id` path parameter.
            label: The `label` path parameter.
            matrix: The `matrix` path parameter.
            x_flags: The `X-Flags` header parameter.
            tags: The `tags` query parameter.
            ids: The `ids` query parameter.
            spaced: The `spaced` query parameter.
            piped: The `piped` query parameter.
            filter: The `filter` query parameter.
            where: The `where` query parameter.
            raw: The `raw` query parameter.
            since: The `since` query parameter.
            day: The `day` query parameter.
            owner: The `owner` query parameter.
            status: The `status` query parameter.
            class_: The `class` query parameter.
            n2fast: The `2fast` query parameter.
            grosse: The `größe` query parameter.
            page_size: The `page-size` query parameter.
            page_size_2: The `page_size` query parameter.
            x_trace: The `X-Trace` header parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_ITEM,
            _get_item(
                item_id=item_id,
                label=label,
                matrix=matrix,
                x_flags=x_flags,
                tags=tags,
                ids=ids,
                spaced=spaced,
                piped=piped,
                filter=filter,
                where=where,
                raw=raw,
                since=since,
                day=day,
                owner=owner,
                status=status,
                class_=class_,
                n2fast=n2fast,
                grosse=grosse,
                page_size=page_size,
                page_size_2=page_size_2,
                x_trace=x_trace,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def replace_items(
        self,
        *,
        body: list[NewItem] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Replace every item (an array body).

        Args:
            body: The request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _REPLACE_ITEMS,
            _replace_items(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_item(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item: ...

    @overload
    def create_item(
        self,
        *,
        body: NewItem,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item: ...

    def create_item(
        self,
        *,
        body: NewItem | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item:
        """Create an item \"\"\" with a hostile summary \\.

        Ends a docstring \"\"\" {{ not a template }} and a trailing backslash \\

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: The `name` field of the request body.
            size: The `size` field of the request body.
            owner: The `owner` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_ITEM,
            _create_item(body=body, name=name, size=size, owner=owner),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_item(
        self,
        *,
        id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """DELETE /items/{id}.

        Args:
            id: The `id` path parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _DELETE_ITEM,
            _delete_item(id=id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def upload(
        self,
        *,
        body: bytes,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> UploadResponse:
        """Upload raw bytes.

        Args:
            body: The request body, sent as application/octet-stream.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _UPLOAD,
            _upload(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_notes(
        self,
        *,
        body: UpdateNotesRequest | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        pinned: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """An optional body with fields.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            text: The `text` field of the request body.
            pinned: The `pinned` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _UPDATE_NOTES,
            _update_notes(body=body, text=text, pinned=pinned),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_shapes(
        self,
        *,
        page: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ListShapesResponse:
        """GET /shapes.

        Args:
            page: The `page` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_SHAPES,
            _list_shapes(page=page),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_events(
        self,
        *,
        cursor: str | None = None,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ListEventsResponse:
        """GET /events.

        Args:
            cursor: The `cursor` query parameter.
            kind: The `kind` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_EVENTS,
            _list_events(cursor=cursor, kind=kind),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def start_run(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun: ...

    @overload
    def start_run(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun: ...

    def start_run(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun:
        """Start a run of a case or a suite.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            project: The `project` field of the request body.
            case_id: The `case_id` field of the request body.
            suite_id: The `suite_id` field of the request body.
            priority: The `priority` field of the request body.
            note: The `note` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """GET /runs/{run_id}.

        Args:
            run_id: The `run_id` path parameter.
            project: The `project` query parameter.
            view: The `view` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_RUN,
            _get_run(run_id=run_id, project=project, view=view),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> Run:
        """Read get_run until the run ends, and return its final state. Every 2 s by default (or as the
        server asks), for at most 120 s by default. States the spec does not list count as pending;
        a transient error on one read does not end the wait.

        Args:
            run_id: The `run_id` path parameter.
            project: The `project` query parameter.
            view: The `view` query parameter.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run(run_id=run_id, project=project, view=view)
        return wait(
            lambda: self._poll_read(_GET_RUN, call, timeout),
            _GET_RUN_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    def start_run_and_wait(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    @overload
    def start_run_and_wait(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    def start_run_and_wait(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Start a run of a case or a suite. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            project: The `project` field of the request body.
            case_id: The `case_id` field of the request body.
            suite_id: The `suite_id` field of the request body.
            priority: The `priority` field of the request body.
            note: The `note` field of the request body.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            extra_headers: Headers to send with the trigger request only.
            timeout: HTTP timeout of the trigger and of each status read; the client's by default.
            max_retries: Retries allowed for the trigger request; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        started = self._call(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return self.wait_for_run(
            run_id=link_value(started, "/suite_run_id"),
            view="full",
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    def iter_shapes(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Iterator[Circle | Square]:
        """Every item of list_shapes, page after page, fetched as the iteration reaches it.

        Args:
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        def page(cursor: Any) -> ListShapesResponse:
            return self._call(
                _LIST_SHAPES,
                _list_shapes(page=cursor),
                auth=NoAuth(),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        yield from iterate(page, _LIST_SHAPES_PAGES)

    def iter_list_events(
        self,
        *,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Iterator[Event]:
        """Every item of list_events, page after page, fetched as the iteration reaches it.

        Args:
            kind: The `kind` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        def page(cursor: Any) -> ListEventsResponse:
            return self._call(
                _LIST_EVENTS,
                _list_events(kind=kind, cursor=cursor),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        yield from iterate(page, _LIST_EVENTS_PAGES)


class AsyncGoldenApiClient(AsyncAPIClient):
    """Asynchronous client of the Golden API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        tenant: str | None = None,
        version: str | None = None,
        auth_scheme: Literal["header_key", "bearer", "basic", "exchanged"] | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        url = _base_url(base_url, tenant, version)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, username, password, url, auth_scheme),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> AsyncGoldenApiClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncGoldenApiClientWithRawResponse(self)

    @overload
    async def exchange_token(
        self,
        *,
        key: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse: ...

    @overload
    async def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse: ...

    async def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest | NotGiven = NOT_GIVEN,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ExchangeTokenResponse:
        """Trade the key for a token.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            key: The `key` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _EXCHANGE_TOKEN,
            _exchange_token(body=body, key=key),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_item(
        self,
        *,
        item_id: int,
        label: list[str],
        matrix: str,
        x_flags: list[str],
        tags: list[str] | None = None,
        ids: list[int] | None = None,
        spaced: list[str] | None = None,
        piped: list[str] | None = None,
        filter: GetItemFilter | None = None,
        where: dict[str, int] | None = None,
        raw: str | None = None,
        since: datetime | str | None = None,
        day: date | str | None = None,
        owner: UUID | str | None = None,
        status: Status | str | None = None,
        class_: str | None = None,
        n2fast: str | None = None,
        grosse: str | None = None,
        page_size: int | None = None,
        page_size_2: int | None = None,
        x_trace: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item:
        """Read an item, with every parameter style.

        Args:
            item_id: The `item-id` path parameter.
            label: The `label` path parameter.
            matrix: The `matrix` path parameter.
            x_flags: The `X-Flags` header parameter.
            tags: The `tags` query parameter.
            ids: The `ids` query parameter.
            spaced: The `spaced` query parameter.
            piped: The `piped` query parameter.
            filter: The `filter` query parameter.
            where: The `where` query parameter.
            raw: The `raw` query parameter.
            since: The `since` query parameter.
            day: The `day` query parameter.
            owner: The `owner` query parameter.
            status: The `status` query parameter.
            class_: The `class` query parameter.
            n2fast: The `2fast` query parameter.
            grosse: The `größe` query parameter.
            page_size: The `page-size` query parameter.
            page_size_2: The `page_size` query parameter.
            x_trace: The `X-Trace` header parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_ITEM,
            _get_item(
                item_id=item_id,
                label=label,
                matrix=matrix,
                x_flags=x_flags,
                tags=tags,
                ids=ids,
                spaced=spaced,
                piped=piped,
                filter=filter,
                where=where,
                raw=raw,
                since=since,
                day=day,
                owner=owner,
                status=status,
                class_=class_,
                n2fast=n2fast,
                grosse=grosse,
                page_size=page_size,
                page_size_2=page_size_2,
                x_trace=x_trace,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def replace_items(
        self,
        *,
        body: list[NewItem] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Replace every item (an array body).

        Args:
            body: The request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _REPLACE_ITEMS,
            _replace_items(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_item(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item: ...

    @overload
    async def create_item(
        self,
        *,
        body: NewItem,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item: ...

    async def create_item(
        self,
        *,
        body: NewItem | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Item:
        """Create an item \"\"\" with a hostile summary \\.

        Ends a docstring \"\"\" {{ not a template }} and a trailing backslash \\

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: The `name` field of the request body.
            size: The `size` field of the request body.
            owner: The `owner` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_ITEM,
            _create_item(body=body, name=name, size=size, owner=owner),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_item(
        self,
        *,
        id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """DELETE /items/{id}.

        Args:
            id: The `id` path parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _DELETE_ITEM,
            _delete_item(id=id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def upload(
        self,
        *,
        body: bytes,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> UploadResponse:
        """Upload raw bytes.

        Args:
            body: The request body, sent as application/octet-stream.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _UPLOAD,
            _upload(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_notes(
        self,
        *,
        body: UpdateNotesRequest | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        pinned: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """An optional body with fields.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            text: The `text` field of the request body.
            pinned: The `pinned` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _UPDATE_NOTES,
            _update_notes(body=body, text=text, pinned=pinned),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_shapes(
        self,
        *,
        page: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ListShapesResponse:
        """GET /shapes.

        Args:
            page: The `page` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_SHAPES,
            _list_shapes(page=page),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_events(
        self,
        *,
        cursor: str | None = None,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ListEventsResponse:
        """GET /events.

        Args:
            cursor: The `cursor` query parameter.
            kind: The `kind` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_EVENTS,
            _list_events(cursor=cursor, kind=kind),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def start_run(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun: ...

    @overload
    async def start_run(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun: ...

    async def start_run(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CaseRun | SuiteRun:
        """Start a run of a case or a suite.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            project: The `project` field of the request body.
            case_id: The `case_id` field of the request body.
            suite_id: The `suite_id` field of the request body.
            priority: The `priority` field of the request body.
            note: The `note` field of the request body.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """GET /runs/{run_id}.

        Args:
            run_id: The `run_id` path parameter.
            project: The `project` query parameter.
            view: The `view` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_RUN,
            _get_run(run_id=run_id, project=project, view=view),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> Run:
        """Read get_run until the run ends, and return its final state. Every 2 s by default (or as the
        server asks), for at most 120 s by default. States the spec does not list count as pending;
        a transient error on one read does not end the wait.

        Args:
            run_id: The `run_id` path parameter.
            project: The `project` query parameter.
            view: The `view` query parameter.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run(run_id=run_id, project=project, view=view)
        return await async_wait(
            lambda: self._poll_read(_GET_RUN, call, timeout),
            _GET_RUN_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    async def start_run_and_wait(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    @overload
    async def start_run_and_wait(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    async def start_run_and_wait(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Start a run of a case or a suite. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            project: The `project` field of the request body.
            case_id: The `case_id` field of the request body.
            suite_id: The `suite_id` field of the request body.
            priority: The `priority` field of the request body.
            note: The `note` field of the request body.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            extra_headers: Headers to send with the trigger request only.
            timeout: HTTP timeout of the trigger and of each status read; the client's by default.
            max_retries: Retries allowed for the trigger request; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        started = await self._call(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return await self.wait_for_run(
            run_id=link_value(started, "/suite_run_id"),
            view="full",
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    async def iter_shapes(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncIterator[Circle | Square]:
        """Every item of list_shapes, page after page, fetched as the iteration reaches it.

        Args:
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        async def page(cursor: Any) -> ListShapesResponse:
            return await self._call(
                _LIST_SHAPES,
                _list_shapes(page=cursor),
                auth=NoAuth(),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        async for item in async_iterate(page, _LIST_SHAPES_PAGES):
            yield item

    async def iter_list_events(
        self,
        *,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncIterator[Event]:
        """Every item of list_events, page after page, fetched as the iteration reaches it.

        Args:
            kind: The `kind` query parameter.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        async def page(cursor: Any) -> ListEventsResponse:
            return await self._call(
                _LIST_EVENTS,
                _list_events(kind=kind, cursor=cursor),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        async for item in async_iterate(page, _LIST_EVENTS_PAGES):
            yield item


class GoldenApiClientWithRawResponse:
    """`GoldenApiClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: GoldenApiClient) -> None:
        self._client = client

    @overload
    def exchange_token(
        self,
        *,
        key: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]: ...

    @overload
    def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]: ...

    def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest | NotGiven = NOT_GIVEN,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]:
        """Like `exchange_token`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _EXCHANGE_TOKEN,
            _exchange_token(body=body, key=key),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_item(
        self,
        *,
        item_id: int,
        label: list[str],
        matrix: str,
        x_flags: list[str],
        tags: list[str] | None = None,
        ids: list[int] | None = None,
        spaced: list[str] | None = None,
        piped: list[str] | None = None,
        filter: GetItemFilter | None = None,
        where: dict[str, int] | None = None,
        raw: str | None = None,
        since: datetime | str | None = None,
        day: date | str | None = None,
        owner: UUID | str | None = None,
        status: Status | str | None = None,
        class_: str | None = None,
        n2fast: str | None = None,
        grosse: str | None = None,
        page_size: int | None = None,
        page_size_2: int | None = None,
        x_trace: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]:
        """Like `get_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_ITEM,
            _get_item(
                item_id=item_id,
                label=label,
                matrix=matrix,
                x_flags=x_flags,
                tags=tags,
                ids=ids,
                spaced=spaced,
                piped=piped,
                filter=filter,
                where=where,
                raw=raw,
                since=since,
                day=day,
                owner=owner,
                status=status,
                class_=class_,
                n2fast=n2fast,
                grosse=grosse,
                page_size=page_size,
                page_size_2=page_size_2,
                x_trace=x_trace,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def replace_items(
        self,
        *,
        body: list[NewItem] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `replace_items`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _REPLACE_ITEMS,
            _replace_items(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_item(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]: ...

    @overload
    def create_item(
        self,
        *,
        body: NewItem,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]: ...

    def create_item(
        self,
        *,
        body: NewItem | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]:
        """Like `create_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _CREATE_ITEM,
            _create_item(body=body, name=name, size=size, owner=owner),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_item(
        self,
        *,
        id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _DELETE_ITEM,
            _delete_item(id=id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def upload(
        self,
        *,
        body: bytes,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[UploadResponse]:
        """Like `upload`, returning a RawResponse: the parsed body with the status, headers and request
        id.
        """
        return self._client._raw(
            _UPLOAD,
            _upload(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_notes(
        self,
        *,
        body: UpdateNotesRequest | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        pinned: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `update_notes`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _UPDATE_NOTES,
            _update_notes(body=body, text=text, pinned=pinned),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_shapes(
        self,
        *,
        page: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ListShapesResponse]:
        """Like `list_shapes`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _LIST_SHAPES,
            _list_shapes(page=page),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_events(
        self,
        *,
        cursor: str | None = None,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ListEventsResponse]:
        """Like `list_events`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _LIST_EVENTS,
            _list_events(cursor=cursor, kind=kind),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def start_run(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]: ...

    @overload
    def start_run(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]: ...

    def start_run(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]:
        """Like `start_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Run]:
        """Like `get_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_RUN,
            _get_run(run_id=run_id, project=project, view=view),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncGoldenApiClientWithRawResponse:
    """`AsyncGoldenApiClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncGoldenApiClient) -> None:
        self._client = client

    @overload
    async def exchange_token(
        self,
        *,
        key: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]: ...

    @overload
    async def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]: ...

    async def exchange_token(
        self,
        *,
        body: ExchangeTokenRequest | NotGiven = NOT_GIVEN,
        key: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ExchangeTokenResponse]:
        """Like `exchange_token`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _EXCHANGE_TOKEN,
            _exchange_token(body=body, key=key),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_item(
        self,
        *,
        item_id: int,
        label: list[str],
        matrix: str,
        x_flags: list[str],
        tags: list[str] | None = None,
        ids: list[int] | None = None,
        spaced: list[str] | None = None,
        piped: list[str] | None = None,
        filter: GetItemFilter | None = None,
        where: dict[str, int] | None = None,
        raw: str | None = None,
        since: datetime | str | None = None,
        day: date | str | None = None,
        owner: UUID | str | None = None,
        status: Status | str | None = None,
        class_: str | None = None,
        n2fast: str | None = None,
        grosse: str | None = None,
        page_size: int | None = None,
        page_size_2: int | None = None,
        x_trace: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]:
        """Like `get_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_ITEM,
            _get_item(
                item_id=item_id,
                label=label,
                matrix=matrix,
                x_flags=x_flags,
                tags=tags,
                ids=ids,
                spaced=spaced,
                piped=piped,
                filter=filter,
                where=where,
                raw=raw,
                since=since,
                day=day,
                owner=owner,
                status=status,
                class_=class_,
                n2fast=n2fast,
                grosse=grosse,
                page_size=page_size,
                page_size_2=page_size_2,
                x_trace=x_trace,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def replace_items(
        self,
        *,
        body: list[NewItem] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `replace_items`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _REPLACE_ITEMS,
            _replace_items(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_item(
        self,
        *,
        name: str,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]: ...

    @overload
    async def create_item(
        self,
        *,
        body: NewItem,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]: ...

    async def create_item(
        self,
        *,
        body: NewItem | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        owner: UUID | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Item]:
        """Like `create_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _CREATE_ITEM,
            _create_item(body=body, name=name, size=size, owner=owner),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_item(
        self,
        *,
        id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_item`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _DELETE_ITEM,
            _delete_item(id=id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def upload(
        self,
        *,
        body: bytes,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[UploadResponse]:
        """Like `upload`, returning a RawResponse: the parsed body with the status, headers and request
        id.
        """
        return await self._client._raw(
            _UPLOAD,
            _upload(body=body),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_notes(
        self,
        *,
        body: UpdateNotesRequest | NotGiven = NOT_GIVEN,
        text: str | NotGiven = NOT_GIVEN,
        pinned: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `update_notes`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _UPDATE_NOTES,
            _update_notes(body=body, text=text, pinned=pinned),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_shapes(
        self,
        *,
        page: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ListShapesResponse]:
        """Like `list_shapes`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _LIST_SHAPES,
            _list_shapes(page=page),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_events(
        self,
        *,
        cursor: str | None = None,
        kind: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ListEventsResponse]:
        """Like `list_events`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _LIST_EVENTS,
            _list_events(cursor=cursor, kind=kind),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def start_run(
        self,
        *,
        project: str,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]: ...

    @overload
    async def start_run(
        self,
        *,
        body: StartRunRequest,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]: ...

    async def start_run(
        self,
        *,
        body: StartRunRequest | NotGiven = NOT_GIVEN,
        project: str | NotGiven = NOT_GIVEN,
        case_id: str | NotGiven = NOT_GIVEN,
        suite_id: str | NotGiven = NOT_GIVEN,
        priority: Priority | int | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CaseRun | SuiteRun]:
        """Like `start_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _START_RUN,
            _start_run(body=body, project=project, case_id=case_id, suite_id=suite_id, priority=priority, note=note),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_run(
        self,
        *,
        run_id: str,
        project: str | None = None,
        view: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Run]:
        """Like `get_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_RUN,
            _get_run(run_id=run_id, project=project, view=view),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
