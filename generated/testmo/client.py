"""Clients of the Testmo CI API.

Automation runs in Testmo: a CI pipeline creates a run, adds threads (one per parallel job), appends
test results, artifacts, fields and links, then completes the threads and the run. Runs and their
results can be listed and read back. JSON bodies; dates are ISO 8601 in UTC; times are in
microseconds.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, overload

import httpx

from generator.runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    AsyncAPIClient,
    Call,
    Endpoint,
    HeaderAuth,
    MissingCredentialsError,
    NotGiven,
    PageSpec,
    PollSpec,
    RateLimitHint,
    RawResponse,
    ServerVariable,
    SyncAPIClient,
    async_iterate,
    async_wait,
    iterate,
    link_value,
    path_param,
    query_pairs,
    require,
    server_url,
    to_json,
    wait,
)

from .models import (
    AppendAutomationRun,
    AppendAutomationRunThread,
    Artifact,
    AutomationRun,
    AutomationRunPage,
    AutomationRunResponse,
    AutomationRunTest,
    AutomationRunTestPage,
    AutomationTest,
    CompleteAutomationRun,
    CompleteAutomationRunThread,
    CreateAutomationRun,
    CreateAutomationRunThread,
    CreatedId,
    ErrorCollection,
    FieldModel,
    GetAutomationRunExpandsItem,
    Link,
    ListAutomationRunsExpandsItem,
    ListAutomationRunsOrder,
    ListAutomationRunsPerPage,
    ListAutomationRunsSort,
    ListAutomationRunsStatusItem,
    ListAutomationRunTestsOrder,
    ListAutomationRunTestsSort,
    ListAutomationRunTestsStatusIdItem,
)

__all__ = ["AsyncTestmoClient", "TestmoClient"]

_RATE_LIMIT = RateLimitHint(default_wait=60.0)

_LIST_AUTOMATION_RUNS: Endpoint[AutomationRunPage] = Endpoint(
    "GET",
    "/projects/{project_id}/automation/runs",
    AutomationRunPage,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_CREATE_AUTOMATION_RUN: Endpoint[CreatedId] = Endpoint(
    "POST",
    "/projects/{project_id}/automation/runs",
    CreatedId,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_GET_AUTOMATION_RUN: Endpoint[AutomationRunResponse] = Endpoint(
    "GET",
    "/automation/runs/{automation_run_id}",
    AutomationRunResponse,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_APPEND_AUTOMATION_RUN: Endpoint[None] = Endpoint(
    "POST",
    "/automation/runs/{automation_run_id}/append",
    None,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_COMPLETE_AUTOMATION_RUN: Endpoint[None] = Endpoint(
    "POST",
    "/automation/runs/{automation_run_id}/complete",
    None,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_CREATE_AUTOMATION_RUN_THREAD: Endpoint[CreatedId] = Endpoint(
    "POST",
    "/automation/runs/{automation_run_id}/threads",
    CreatedId,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_APPEND_AUTOMATION_RUN_THREAD: Endpoint[None] = Endpoint(
    "POST",
    "/automation/runs/threads/{automation_run_thread_id}/append",
    None,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_COMPLETE_AUTOMATION_RUN_THREAD: Endpoint[None] = Endpoint(
    "POST",
    "/automation/runs/threads/{automation_run_thread_id}/complete",
    None,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_LIST_AUTOMATION_RUN_TESTS: Endpoint[AutomationRunTestPage] = Endpoint(
    "GET",
    "/automation/runs/{run_id}/tests",
    AutomationRunTestPage,
    errors={
        "400": ErrorCollection,
        "401": ErrorCollection,
        "403": ErrorCollection,
        "404": ErrorCollection,
        "422": ErrorCollection,
        "429": ErrorCollection,
    },
    rate_limit=_RATE_LIMIT,
)
_GET_AUTOMATION_RUN_POLLING = PollSpec(
    status_pointer="/result/is_completed",
    pending=(False,),
    success=(),
    failure=(),
    interval=10.0,
    deadline=3600.0,
    judged=((True, "/result/failure_count"),),
)
_LIST_AUTOMATION_RUNS_PAGES = PageSpec(
    style="page",
    items_pointer="/result",
    next_pointer="/next_page",
)
_LIST_AUTOMATION_RUN_TESTS_PAGES = PageSpec(
    style="page",
    items_pointer="/result",
    next_pointer="/next_page",
)


def _base_url(base_url: str | httpx.URL | None, instance: str | None) -> str:
    """The explicit URL or server variables, else `TESTMO_BASE_URL`, else the spec's server."""
    return server_url(
        "https://{instance}.testmo.net/api/v1",
        (ServerVariable("instance", "instance", default=None),),
        {"instance": instance},
        base_url=base_url,
        env="TESTMO_BASE_URL",
    )


def _auth(api_key: str | None, url: str) -> httpx.Auth:
    api_key = api_key if api_key is not None else os.environ.get("TESTMO_API_KEY")
    if not api_key:
        raise MissingCredentialsError("pass api_key or set TESTMO_API_KEY")
    return HeaderAuth("Authorization", api_key, "Bearer")


def _list_automation_runs(
    *,
    project_id: int,
    page: int | None = None,
    per_page: ListAutomationRunsPerPage | int | None = None,
    sort: ListAutomationRunsSort | str | None = None,
    order: ListAutomationRunsOrder | str | None = None,
    config_id: list[int] | None = None,
    created_by: list[int] | None = None,
    milestone_id: list[int] | None = None,
    source_id: list[int] | None = None,
    tags: list[str] | None = None,
    created_after: datetime | str | None = None,
    created_before: datetime | str | None = None,
    status: list[ListAutomationRunsStatusItem | int] | None = None,
    expands: list[ListAutomationRunsExpandsItem | str] | None = None,
) -> Call:
    return Call(
        path={
            "project_id": path_param("project_id", project_id, style="simple", explode=False),
        },
        query=[
            *query_pairs("page", page, style="form", explode=True),
            *query_pairs("per_page", per_page, style="form", explode=True),
            *query_pairs("sort", sort, style="form", explode=True),
            *query_pairs("order", order, style="form", explode=True),
            *query_pairs("config_id", config_id, style="form", explode=False),
            *query_pairs("created_by", created_by, style="form", explode=False),
            *query_pairs("milestone_id", milestone_id, style="form", explode=False),
            *query_pairs("source_id", source_id, style="form", explode=False),
            *query_pairs("tags", tags, style="form", explode=False),
            *query_pairs("created_after", created_after, style="form", explode=True),
            *query_pairs("created_before", created_before, style="form", explode=True),
            *query_pairs("status", status, style="form", explode=False),
            *query_pairs("expands", expands, style="form", explode=False),
        ],
    )


def _create_automation_run(
    *,
    project_id: int,
    body: CreateAutomationRun | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
    source: str | NotGiven = NOT_GIVEN,
    config: str | NotGiven = NOT_GIVEN,
    config_id: int | NotGiven = NOT_GIVEN,
    milestone: str | NotGiven = NOT_GIVEN,
    milestone_id: int | NotGiven = NOT_GIVEN,
    tags: list[str] | NotGiven = NOT_GIVEN,
    artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
    fields: list[FieldModel] | NotGiven = NOT_GIVEN,
    links: list[Link] | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    if source is not NOT_GIVEN:
        payload["source"] = source
    if config is not NOT_GIVEN:
        payload["config"] = config
    if config_id is not NOT_GIVEN:
        payload["config_id"] = config_id
    if milestone is not NOT_GIVEN:
        payload["milestone"] = milestone
    if milestone_id is not NOT_GIVEN:
        payload["milestone_id"] = milestone_id
    if tags is not NOT_GIVEN:
        payload["tags"] = tags
    if artifacts is not NOT_GIVEN:
        payload["artifacts"] = artifacts
    if fields is not NOT_GIVEN:
        payload["fields"] = fields
    if links is not NOT_GIVEN:
        payload["links"] = links
    require(payload, ["name", "source"])
    return Call(
        path={
            "project_id": path_param("project_id", project_id, style="simple", explode=False),
        },
        json=payload,
    )


def _get_automation_run(
    *,
    automation_run_id: int,
    expands: list[GetAutomationRunExpandsItem | str] | None = None,
) -> Call:
    return Call(
        path={
            "automation_run_id": path_param("automation_run_id", automation_run_id, style="simple", explode=False),
        },
        query=[
            *query_pairs("expands", expands, style="form", explode=False),
        ],
    )


def _append_automation_run(
    *,
    automation_run_id: int,
    body: AppendAutomationRun | NotGiven = NOT_GIVEN,
    artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
    fields: list[FieldModel] | NotGiven = NOT_GIVEN,
    links: list[Link] | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if artifacts is not NOT_GIVEN:
        payload["artifacts"] = artifacts
    if fields is not NOT_GIVEN:
        payload["fields"] = fields
    if links is not NOT_GIVEN:
        payload["links"] = links
    return Call(
        path={
            "automation_run_id": path_param("automation_run_id", automation_run_id, style="simple", explode=False),
        },
        json=payload,
    )


def _complete_automation_run(
    *,
    automation_run_id: int,
    body: CompleteAutomationRun | NotGiven = NOT_GIVEN,
    measure_elapsed: bool | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if measure_elapsed is not NOT_GIVEN:
        payload["measure_elapsed"] = measure_elapsed
    return Call(
        path={
            "automation_run_id": path_param("automation_run_id", automation_run_id, style="simple", explode=False),
        },
        json=payload if payload or body is not NOT_GIVEN else NOT_GIVEN,
    )


def _create_automation_run_thread(
    *,
    automation_run_id: int,
    body: CreateAutomationRunThread | NotGiven = NOT_GIVEN,
    elapsed_observed: int | NotGiven = NOT_GIVEN,
    elapsed_computed: int | NotGiven = NOT_GIVEN,
    artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
    fields: list[FieldModel] | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if elapsed_observed is not NOT_GIVEN:
        payload["elapsed_observed"] = elapsed_observed
    if elapsed_computed is not NOT_GIVEN:
        payload["elapsed_computed"] = elapsed_computed
    if artifacts is not NOT_GIVEN:
        payload["artifacts"] = artifacts
    if fields is not NOT_GIVEN:
        payload["fields"] = fields
    return Call(
        path={
            "automation_run_id": path_param("automation_run_id", automation_run_id, style="simple", explode=False),
        },
        json=payload,
    )


def _append_automation_run_thread(
    *,
    automation_run_thread_id: int,
    body: AppendAutomationRunThread | NotGiven = NOT_GIVEN,
    elapsed_observed: int | NotGiven = NOT_GIVEN,
    elapsed_computed: int | NotGiven = NOT_GIVEN,
    artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
    fields: list[FieldModel] | NotGiven = NOT_GIVEN,
    tests: list[AutomationTest] | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if elapsed_observed is not NOT_GIVEN:
        payload["elapsed_observed"] = elapsed_observed
    if elapsed_computed is not NOT_GIVEN:
        payload["elapsed_computed"] = elapsed_computed
    if artifacts is not NOT_GIVEN:
        payload["artifacts"] = artifacts
    if fields is not NOT_GIVEN:
        payload["fields"] = fields
    if tests is not NOT_GIVEN:
        payload["tests"] = tests
    return Call(
        path={
            "automation_run_thread_id": path_param(
                "automation_run_thread_id", automation_run_thread_id, style="simple", explode=False
            ),
        },
        json=payload,
    )


def _complete_automation_run_thread(
    *,
    automation_run_thread_id: int,
    body: CompleteAutomationRunThread | NotGiven = NOT_GIVEN,
    elapsed_observed: int | NotGiven = NOT_GIVEN,
    elapsed_computed: int | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if elapsed_observed is not NOT_GIVEN:
        payload["elapsed_observed"] = elapsed_observed
    if elapsed_computed is not NOT_GIVEN:
        payload["elapsed_computed"] = elapsed_computed
    return Call(
        path={
            "automation_run_thread_id": path_param(
                "automation_run_thread_id", automation_run_thread_id, style="simple", explode=False
            ),
        },
        json=payload if payload or body is not NOT_GIVEN else NOT_GIVEN,
    )


def _list_automation_run_tests(
    *,
    run_id: int,
    page: int | None = None,
    per_page: int | None = None,
    sort: ListAutomationRunTestsSort | str | None = None,
    order: ListAutomationRunTestsOrder | str | None = None,
    thread_id: int | None = None,
    status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
) -> Call:
    return Call(
        path={
            "run_id": path_param("run_id", run_id, style="simple", explode=False),
        },
        query=[
            *query_pairs("page", page, style="form", explode=True),
            *query_pairs("per_page", per_page, style="form", explode=True),
            *query_pairs("sort", sort, style="form", explode=True),
            *query_pairs("order", order, style="form", explode=True),
            *query_pairs("thread_id", thread_id, style="form", explode=True),
            *query_pairs("status_id", status_id, style="form", explode=False),
        ],
    )


class TestmoClient(SyncAPIClient):
    """Synchronous client of the Testmo CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        instance: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        url = _base_url(base_url, instance)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> TestmoClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return TestmoClientWithRawResponse(self)

    def list_automation_runs(
        self,
        *,
        project_id: int,
        page: int | None = None,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunPage:
        """List automation runs of a project.

        Returns a project's automation runs, newest first by default, one page at a time. Follow
        next_page until it is null to read them all. Filters combine; list filters take
        comma-separated values. Note: one vendor example filters with state=3; the documented
        parameter is status.

        Args:
            project_id: Project id.
            page: Page number to return.
            per_page: Page size.
            sort: Sort field.
            order: Sort direction.
            config_id: Only runs with these configuration ids (comma-separated).
            created_by: Only runs created by these user ids (comma-separated).
            milestone_id: Only runs in these milestone ids (comma-separated).
            source_id: Only runs from these automation source ids (comma-separated).
            tags: Only runs with these tags (comma-separated).
            created_after: Only runs created after this time (ISO 8601, UTC).
            created_before: Only runs created before this time (ISO 8601, UTC).
            status: Only runs with these statuses: 2 success, 3 failure, 4 running
                (comma-separated).
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_AUTOMATION_RUNS,
            _list_automation_runs(
                project_id=project_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                config_id=config_id,
                created_by=created_by,
                milestone_id=milestone_id,
                source_id=source_id,
                tags=tags,
                created_after=created_after,
                created_before=created_before,
                status=status,
                expands=expands,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_automation_run(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId: ...

    @overload
    def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId: ...

    def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId:
        """Create an automation run.

        Creates an automation run in a project, ready for threads and test results. The source is
        created on first use. Returns the new run's id.

        Args:
            project_id: Project id.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Run name.
            source: Automation source name (e.g. backend, frontend, mobile-iphone); created on first
                use. Keep it short.
            config: Configuration name; ignored when config_id is given.
            config_id: Configuration id; takes precedence over config.
            milestone: Milestone name; ignored when milestone_id is given.
            milestone_id: Milestone id; takes precedence over milestone.
            tags: Run tags. Without an explicit milestone, milestones whose automation tags match
                are linked automatically.
            artifacts: Artifacts to attach to the run.
            fields: Fields to attach to the run.
            links: Links to attach to the run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse:
        """Get an automation run.

        Returns one automation run, optionally with expanded referenced objects. Testmo is a results
        sink and documents no polling; the x-polling interval (10 s) and timeout (1 h) are our
        choice. While the run is open, status reflects the results so far, so a waiter watches
        is_completed, the vendor's own "done" signal, and judges a completed run by its
        failure_count.

        Args:
            automation_run_id: Automation run id.
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_AUTOMATION_RUN,
            _get_automation_run(automation_run_id=automation_run_id, expands=expands),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def append_automation_run(
        self,
        *,
        automation_run_id: int,
        body: AppendAutomationRun | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Append artifacts, fields or links to a run.

        Adds artifacts, fields or links to an existing automation run.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            artifacts: Artifacts to add.
            fields: Fields to add.
            links: Links to add.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _APPEND_AUTOMATION_RUN,
            _append_automation_run(
                automation_run_id=automation_run_id, body=body, artifacts=artifacts, fields=fields, links=links
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def complete_automation_run(
        self,
        *,
        automation_run_id: int,
        body: CompleteAutomationRun | NotGiven = NOT_GIVEN,
        measure_elapsed: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Complete an automation run.

        Marks the run and all its threads as completed and closes it for new threads and results.
        The body is optional.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            measure_elapsed: When true, set the run time to the time from creation to completion.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _COMPLETE_AUTOMATION_RUN,
            _complete_automation_run(automation_run_id=automation_run_id, body=body, measure_elapsed=measure_elapsed),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_automation_run_thread(
        self,
        *,
        automation_run_id: int,
        body: CreateAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId:
        """Create a thread in an automation run.

        Creates a thread (e.g. one parallel job) in an open automation run, ready for test results.
        Returns the new thread's id.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Overall observed (measured) time in microseconds.
            elapsed_computed: Overall computed time (from result files) in microseconds.
            artifacts: Artifacts to attach to the thread.
            fields: Fields to attach to the thread.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_AUTOMATION_RUN_THREAD,
            _create_automation_run_thread(
                automation_run_id=automation_run_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def append_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: AppendAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        tests: list[AutomationTest] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Append test results to a thread.

        Adds test results, artifacts, fields and partial times to an open thread. Partial times are
        added to the thread's totals. The vendor document is cut off here: the 204 comes from the
        vendor's API binding, and the error statuses follow the other methods (inferred).

        Args:
            automation_run_thread_id: Automation run thread id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Partial observed time in microseconds, added to the thread's.
            elapsed_computed: Partial computed time in microseconds, added to the thread's.
            artifacts: Artifacts to add to the thread.
            fields: Fields to add to the thread.
            tests: Test results to add.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _APPEND_AUTOMATION_RUN_THREAD,
            _append_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
                tests=tests,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def complete_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: CompleteAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Complete a thread.

        Marks a thread as completed, optionally setting its overall times. The body is optional. The
        204 comes from the vendor's API binding; the error statuses follow the other methods
        (inferred).

        Args:
            automation_run_thread_id: Automation run thread id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Overall observed time in microseconds.
            elapsed_computed: Overall computed time in microseconds.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _COMPLETE_AUTOMATION_RUN_THREAD,
            _complete_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_automation_run_tests(
        self,
        *,
        run_id: int,
        page: int | None = None,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunTestPage:
        """List test results of an automation run.

        Returns the test results of an automation run, one page at a time. Follow next_page until it
        is null to read them all. Item fields beyond repository_case_id are not documented, so items
        are kept open.

        Args:
            run_id: Automation run id.
            page: Page number to return.
            per_page: Page size (100 to 1000).
            sort: Sort field.
            order: Sort direction.
            thread_id: Only results of this thread.
            status_id: Only results with these statuses: 1 neutral, 2 success, 3 failure, 4 running
                (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_AUTOMATION_RUN_TESTS,
            _list_automation_run_tests(
                run_id=run_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                thread_id=thread_id,
                status_id=status_id,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> AutomationRunResponse:
        """Read get_automation_run until the run ends, and return its final state. Every 10 s by
        default (or as the server asks), for at most 3600 s by default. States the spec does not
        list count as pending; a transient error on one read does not end the wait.

        Args:
            automation_run_id: Automation run id.
            expands: Referenced objects to include in expands (comma-separated).
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_automation_run(automation_run_id=automation_run_id, expands=expands)
        return wait(
            lambda: self._poll_read(_GET_AUTOMATION_RUN, call, timeout),
            _GET_AUTOMATION_RUN_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse: ...

    @overload
    def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse: ...

    def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse:
        """Create an automation run. Then wait for the run through wait_for_automation_run.

        Args:
            project_id: Project id.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Run name.
            source: Automation source name (e.g. backend, frontend, mobile-iphone); created on first
                use. Keep it short.
            config: Configuration name; ignored when config_id is given.
            config_id: Configuration id; takes precedence over config.
            milestone: Milestone name; ignored when milestone_id is given.
            milestone_id: Milestone id; takes precedence over milestone.
            tags: Run tags. Without an explicit milestone, milestones whose automation tags match
                are linked automatically.
            artifacts: Artifacts to attach to the run.
            fields: Fields to attach to the run.
            links: Links to attach to the run.
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
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return self.wait_for_automation_run(
            automation_run_id=link_value(started, "/id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    def iter_automation_runs(
        self,
        *,
        project_id: int,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Iterator[AutomationRun]:
        """Every item of list_automation_runs, page after page, fetched as the iteration reaches it.

        Args:
            project_id: Project id.
            per_page: Page size.
            sort: Sort field.
            order: Sort direction.
            config_id: Only runs with these configuration ids (comma-separated).
            created_by: Only runs created by these user ids (comma-separated).
            milestone_id: Only runs in these milestone ids (comma-separated).
            source_id: Only runs from these automation source ids (comma-separated).
            tags: Only runs with these tags (comma-separated).
            created_after: Only runs created after this time (ISO 8601, UTC).
            created_before: Only runs created before this time (ISO 8601, UTC).
            status: Only runs with these statuses: 2 success, 3 failure, 4 running
                (comma-separated).
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        def page(cursor: Any) -> AutomationRunPage:
            return self._call(
                _LIST_AUTOMATION_RUNS,
                _list_automation_runs(
                    project_id=project_id,
                    per_page=per_page,
                    sort=sort,
                    order=order,
                    config_id=config_id,
                    created_by=created_by,
                    milestone_id=milestone_id,
                    source_id=source_id,
                    tags=tags,
                    created_after=created_after,
                    created_before=created_before,
                    status=status,
                    expands=expands,
                    page=cursor,
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        yield from iterate(page, _LIST_AUTOMATION_RUNS_PAGES)

    def iter_automation_run_tests(
        self,
        *,
        run_id: int,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Iterator[AutomationRunTest]:
        """Every item of list_automation_run_tests, page after page, fetched as the iteration reaches
        it.

        Args:
            run_id: Automation run id.
            per_page: Page size (100 to 1000).
            sort: Sort field.
            order: Sort direction.
            thread_id: Only results of this thread.
            status_id: Only results with these statuses: 1 neutral, 2 success, 3 failure, 4 running
                (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        def page(cursor: Any) -> AutomationRunTestPage:
            return self._call(
                _LIST_AUTOMATION_RUN_TESTS,
                _list_automation_run_tests(
                    run_id=run_id,
                    per_page=per_page,
                    sort=sort,
                    order=order,
                    thread_id=thread_id,
                    status_id=status_id,
                    page=cursor,
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        yield from iterate(page, _LIST_AUTOMATION_RUN_TESTS_PAGES)


class AsyncTestmoClient(AsyncAPIClient):
    """Asynchronous client of the Testmo CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        instance: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        url = _base_url(base_url, instance)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> AsyncTestmoClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncTestmoClientWithRawResponse(self)

    async def list_automation_runs(
        self,
        *,
        project_id: int,
        page: int | None = None,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunPage:
        """List automation runs of a project.

        Returns a project's automation runs, newest first by default, one page at a time. Follow
        next_page until it is null to read them all. Filters combine; list filters take
        comma-separated values. Note: one vendor example filters with state=3; the documented
        parameter is status.

        Args:
            project_id: Project id.
            page: Page number to return.
            per_page: Page size.
            sort: Sort field.
            order: Sort direction.
            config_id: Only runs with these configuration ids (comma-separated).
            created_by: Only runs created by these user ids (comma-separated).
            milestone_id: Only runs in these milestone ids (comma-separated).
            source_id: Only runs from these automation source ids (comma-separated).
            tags: Only runs with these tags (comma-separated).
            created_after: Only runs created after this time (ISO 8601, UTC).
            created_before: Only runs created before this time (ISO 8601, UTC).
            status: Only runs with these statuses: 2 success, 3 failure, 4 running
                (comma-separated).
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_AUTOMATION_RUNS,
            _list_automation_runs(
                project_id=project_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                config_id=config_id,
                created_by=created_by,
                milestone_id=milestone_id,
                source_id=source_id,
                tags=tags,
                created_after=created_after,
                created_before=created_before,
                status=status,
                expands=expands,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_automation_run(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId: ...

    @overload
    async def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId: ...

    async def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId:
        """Create an automation run.

        Creates an automation run in a project, ready for threads and test results. The source is
        created on first use. Returns the new run's id.

        Args:
            project_id: Project id.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Run name.
            source: Automation source name (e.g. backend, frontend, mobile-iphone); created on first
                use. Keep it short.
            config: Configuration name; ignored when config_id is given.
            config_id: Configuration id; takes precedence over config.
            milestone: Milestone name; ignored when milestone_id is given.
            milestone_id: Milestone id; takes precedence over milestone.
            tags: Run tags. Without an explicit milestone, milestones whose automation tags match
                are linked automatically.
            artifacts: Artifacts to attach to the run.
            fields: Fields to attach to the run.
            links: Links to attach to the run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse:
        """Get an automation run.

        Returns one automation run, optionally with expanded referenced objects. Testmo is a results
        sink and documents no polling; the x-polling interval (10 s) and timeout (1 h) are our
        choice. While the run is open, status reflects the results so far, so a waiter watches
        is_completed, the vendor's own "done" signal, and judges a completed run by its
        failure_count.

        Args:
            automation_run_id: Automation run id.
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_AUTOMATION_RUN,
            _get_automation_run(automation_run_id=automation_run_id, expands=expands),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def append_automation_run(
        self,
        *,
        automation_run_id: int,
        body: AppendAutomationRun | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Append artifacts, fields or links to a run.

        Adds artifacts, fields or links to an existing automation run.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            artifacts: Artifacts to add.
            fields: Fields to add.
            links: Links to add.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _APPEND_AUTOMATION_RUN,
            _append_automation_run(
                automation_run_id=automation_run_id, body=body, artifacts=artifacts, fields=fields, links=links
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def complete_automation_run(
        self,
        *,
        automation_run_id: int,
        body: CompleteAutomationRun | NotGiven = NOT_GIVEN,
        measure_elapsed: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Complete an automation run.

        Marks the run and all its threads as completed and closes it for new threads and results.
        The body is optional.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            measure_elapsed: When true, set the run time to the time from creation to completion.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _COMPLETE_AUTOMATION_RUN,
            _complete_automation_run(automation_run_id=automation_run_id, body=body, measure_elapsed=measure_elapsed),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_automation_run_thread(
        self,
        *,
        automation_run_id: int,
        body: CreateAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CreatedId:
        """Create a thread in an automation run.

        Creates a thread (e.g. one parallel job) in an open automation run, ready for test results.
        Returns the new thread's id.

        Args:
            automation_run_id: Automation run id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Overall observed (measured) time in microseconds.
            elapsed_computed: Overall computed time (from result files) in microseconds.
            artifacts: Artifacts to attach to the thread.
            fields: Fields to attach to the thread.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_AUTOMATION_RUN_THREAD,
            _create_automation_run_thread(
                automation_run_id=automation_run_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def append_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: AppendAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        tests: list[AutomationTest] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Append test results to a thread.

        Adds test results, artifacts, fields and partial times to an open thread. Partial times are
        added to the thread's totals. The vendor document is cut off here: the 204 comes from the
        vendor's API binding, and the error statuses follow the other methods (inferred).

        Args:
            automation_run_thread_id: Automation run thread id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Partial observed time in microseconds, added to the thread's.
            elapsed_computed: Partial computed time in microseconds, added to the thread's.
            artifacts: Artifacts to add to the thread.
            fields: Fields to add to the thread.
            tests: Test results to add.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _APPEND_AUTOMATION_RUN_THREAD,
            _append_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
                tests=tests,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def complete_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: CompleteAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Complete a thread.

        Marks a thread as completed, optionally setting its overall times. The body is optional. The
        204 comes from the vendor's API binding; the error statuses follow the other methods
        (inferred).

        Args:
            automation_run_thread_id: Automation run thread id.
            body: The whole request body; fields given as keyword arguments override its values.
            elapsed_observed: Overall observed time in microseconds.
            elapsed_computed: Overall computed time in microseconds.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _COMPLETE_AUTOMATION_RUN_THREAD,
            _complete_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_automation_run_tests(
        self,
        *,
        run_id: int,
        page: int | None = None,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunTestPage:
        """List test results of an automation run.

        Returns the test results of an automation run, one page at a time. Follow next_page until it
        is null to read them all. Item fields beyond repository_case_id are not documented, so items
        are kept open.

        Args:
            run_id: Automation run id.
            page: Page number to return.
            per_page: Page size (100 to 1000).
            sort: Sort field.
            order: Sort direction.
            thread_id: Only results of this thread.
            status_id: Only results with these statuses: 1 neutral, 2 success, 3 failure, 4 running
                (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_AUTOMATION_RUN_TESTS,
            _list_automation_run_tests(
                run_id=run_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                thread_id=thread_id,
                status_id=status_id,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> AutomationRunResponse:
        """Read get_automation_run until the run ends, and return its final state. Every 10 s by
        default (or as the server asks), for at most 3600 s by default. States the spec does not
        list count as pending; a transient error on one read does not end the wait.

        Args:
            automation_run_id: Automation run id.
            expands: Referenced objects to include in expands (comma-separated).
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_automation_run(automation_run_id=automation_run_id, expands=expands)
        return await async_wait(
            lambda: self._poll_read(_GET_AUTOMATION_RUN, call, timeout),
            _GET_AUTOMATION_RUN_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    async def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse: ...

    @overload
    async def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse: ...

    async def create_automation_run_and_wait(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[AutomationRunResponse], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> AutomationRunResponse:
        """Create an automation run. Then wait for the run through wait_for_automation_run.

        Args:
            project_id: Project id.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Run name.
            source: Automation source name (e.g. backend, frontend, mobile-iphone); created on first
                use. Keep it short.
            config: Configuration name; ignored when config_id is given.
            config_id: Configuration id; takes precedence over config.
            milestone: Milestone name; ignored when milestone_id is given.
            milestone_id: Milestone id; takes precedence over milestone.
            tags: Run tags. Without an explicit milestone, milestones whose automation tags match
                are linked automatically.
            artifacts: Artifacts to attach to the run.
            fields: Fields to attach to the run.
            links: Links to attach to the run.
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
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return await self.wait_for_automation_run(
            automation_run_id=link_value(started, "/id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    async def iter_automation_runs(
        self,
        *,
        project_id: int,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncIterator[AutomationRun]:
        """Every item of list_automation_runs, page after page, fetched as the iteration reaches it.

        Args:
            project_id: Project id.
            per_page: Page size.
            sort: Sort field.
            order: Sort direction.
            config_id: Only runs with these configuration ids (comma-separated).
            created_by: Only runs created by these user ids (comma-separated).
            milestone_id: Only runs in these milestone ids (comma-separated).
            source_id: Only runs from these automation source ids (comma-separated).
            tags: Only runs with these tags (comma-separated).
            created_after: Only runs created after this time (ISO 8601, UTC).
            created_before: Only runs created before this time (ISO 8601, UTC).
            status: Only runs with these statuses: 2 success, 3 failure, 4 running
                (comma-separated).
            expands: Referenced objects to include in expands (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        async def page(cursor: Any) -> AutomationRunPage:
            return await self._call(
                _LIST_AUTOMATION_RUNS,
                _list_automation_runs(
                    project_id=project_id,
                    per_page=per_page,
                    sort=sort,
                    order=order,
                    config_id=config_id,
                    created_by=created_by,
                    milestone_id=milestone_id,
                    source_id=source_id,
                    tags=tags,
                    created_after=created_after,
                    created_before=created_before,
                    status=status,
                    expands=expands,
                    page=cursor,
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        async for item in async_iterate(page, _LIST_AUTOMATION_RUNS_PAGES):
            yield item

    async def iter_automation_run_tests(
        self,
        *,
        run_id: int,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncIterator[AutomationRunTest]:
        """Every item of list_automation_run_tests, page after page, fetched as the iteration reaches
        it.

        Args:
            run_id: Automation run id.
            per_page: Page size (100 to 1000).
            sort: Sort field.
            order: Sort direction.
            thread_id: Only results of this thread.
            status_id: Only results with these statuses: 1 neutral, 2 success, 3 failure, 4 running
                (comma-separated).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        async def page(cursor: Any) -> AutomationRunTestPage:
            return await self._call(
                _LIST_AUTOMATION_RUN_TESTS,
                _list_automation_run_tests(
                    run_id=run_id,
                    per_page=per_page,
                    sort=sort,
                    order=order,
                    thread_id=thread_id,
                    status_id=status_id,
                    page=cursor,
                ),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        async for item in async_iterate(page, _LIST_AUTOMATION_RUN_TESTS_PAGES):
            yield item


class TestmoClientWithRawResponse:
    """`TestmoClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: TestmoClient) -> None:
        self._client = client

    def list_automation_runs(
        self,
        *,
        project_id: int,
        page: int | None = None,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunPage]:
        """Like `list_automation_runs`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _LIST_AUTOMATION_RUNS,
            _list_automation_runs(
                project_id=project_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                config_id=config_id,
                created_by=created_by,
                milestone_id=milestone_id,
                source_id=source_id,
                tags=tags,
                created_after=created_after,
                created_before=created_before,
                status=status,
                expands=expands,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_automation_run(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]: ...

    @overload
    def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]: ...

    def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]:
        """Like `create_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunResponse]:
        """Like `get_automation_run`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _GET_AUTOMATION_RUN,
            _get_automation_run(automation_run_id=automation_run_id, expands=expands),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def append_automation_run(
        self,
        *,
        automation_run_id: int,
        body: AppendAutomationRun | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `append_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _APPEND_AUTOMATION_RUN,
            _append_automation_run(
                automation_run_id=automation_run_id, body=body, artifacts=artifacts, fields=fields, links=links
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def complete_automation_run(
        self,
        *,
        automation_run_id: int,
        body: CompleteAutomationRun | NotGiven = NOT_GIVEN,
        measure_elapsed: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `complete_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _COMPLETE_AUTOMATION_RUN,
            _complete_automation_run(automation_run_id=automation_run_id, body=body, measure_elapsed=measure_elapsed),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_automation_run_thread(
        self,
        *,
        automation_run_id: int,
        body: CreateAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]:
        """Like `create_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return self._client._raw(
            _CREATE_AUTOMATION_RUN_THREAD,
            _create_automation_run_thread(
                automation_run_id=automation_run_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def append_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: AppendAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        tests: list[AutomationTest] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `append_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return self._client._raw(
            _APPEND_AUTOMATION_RUN_THREAD,
            _append_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
                tests=tests,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def complete_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: CompleteAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `complete_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return self._client._raw(
            _COMPLETE_AUTOMATION_RUN_THREAD,
            _complete_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_automation_run_tests(
        self,
        *,
        run_id: int,
        page: int | None = None,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunTestPage]:
        """Like `list_automation_run_tests`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _LIST_AUTOMATION_RUN_TESTS,
            _list_automation_run_tests(
                run_id=run_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                thread_id=thread_id,
                status_id=status_id,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncTestmoClientWithRawResponse:
    """`AsyncTestmoClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncTestmoClient) -> None:
        self._client = client

    async def list_automation_runs(
        self,
        *,
        project_id: int,
        page: int | None = None,
        per_page: ListAutomationRunsPerPage | int | None = None,
        sort: ListAutomationRunsSort | str | None = None,
        order: ListAutomationRunsOrder | str | None = None,
        config_id: list[int] | None = None,
        created_by: list[int] | None = None,
        milestone_id: list[int] | None = None,
        source_id: list[int] | None = None,
        tags: list[str] | None = None,
        created_after: datetime | str | None = None,
        created_before: datetime | str | None = None,
        status: list[ListAutomationRunsStatusItem | int] | None = None,
        expands: list[ListAutomationRunsExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunPage]:
        """Like `list_automation_runs`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _LIST_AUTOMATION_RUNS,
            _list_automation_runs(
                project_id=project_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                config_id=config_id,
                created_by=created_by,
                milestone_id=milestone_id,
                source_id=source_id,
                tags=tags,
                created_after=created_after,
                created_before=created_before,
                status=status,
                expands=expands,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_automation_run(
        self,
        *,
        project_id: int,
        name: str,
        source: str,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]: ...

    @overload
    async def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]: ...

    async def create_automation_run(
        self,
        *,
        project_id: int,
        body: CreateAutomationRun | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        source: str | NotGiven = NOT_GIVEN,
        config: str | NotGiven = NOT_GIVEN,
        config_id: int | NotGiven = NOT_GIVEN,
        milestone: str | NotGiven = NOT_GIVEN,
        milestone_id: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]:
        """Like `create_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _CREATE_AUTOMATION_RUN,
            _create_automation_run(
                project_id=project_id,
                body=body,
                name=name,
                source=source,
                config=config,
                config_id=config_id,
                milestone=milestone,
                milestone_id=milestone_id,
                tags=tags,
                artifacts=artifacts,
                fields=fields,
                links=links,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_automation_run(
        self,
        *,
        automation_run_id: int,
        expands: list[GetAutomationRunExpandsItem | str] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunResponse]:
        """Like `get_automation_run`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _GET_AUTOMATION_RUN,
            _get_automation_run(automation_run_id=automation_run_id, expands=expands),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def append_automation_run(
        self,
        *,
        automation_run_id: int,
        body: AppendAutomationRun | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        links: list[Link] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `append_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _APPEND_AUTOMATION_RUN,
            _append_automation_run(
                automation_run_id=automation_run_id, body=body, artifacts=artifacts, fields=fields, links=links
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def complete_automation_run(
        self,
        *,
        automation_run_id: int,
        body: CompleteAutomationRun | NotGiven = NOT_GIVEN,
        measure_elapsed: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `complete_automation_run`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _COMPLETE_AUTOMATION_RUN,
            _complete_automation_run(automation_run_id=automation_run_id, body=body, measure_elapsed=measure_elapsed),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_automation_run_thread(
        self,
        *,
        automation_run_id: int,
        body: CreateAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CreatedId]:
        """Like `create_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return await self._client._raw(
            _CREATE_AUTOMATION_RUN_THREAD,
            _create_automation_run_thread(
                automation_run_id=automation_run_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def append_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: AppendAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        artifacts: list[Artifact] | NotGiven = NOT_GIVEN,
        fields: list[FieldModel] | NotGiven = NOT_GIVEN,
        tests: list[AutomationTest] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `append_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return await self._client._raw(
            _APPEND_AUTOMATION_RUN_THREAD,
            _append_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
                artifacts=artifacts,
                fields=fields,
                tests=tests,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def complete_automation_run_thread(
        self,
        *,
        automation_run_thread_id: int,
        body: CompleteAutomationRunThread | NotGiven = NOT_GIVEN,
        elapsed_observed: int | NotGiven = NOT_GIVEN,
        elapsed_computed: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `complete_automation_run_thread`, returning a RawResponse: the parsed body with the
        status, headers and request id.
        """
        return await self._client._raw(
            _COMPLETE_AUTOMATION_RUN_THREAD,
            _complete_automation_run_thread(
                automation_run_thread_id=automation_run_thread_id,
                body=body,
                elapsed_observed=elapsed_observed,
                elapsed_computed=elapsed_computed,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_automation_run_tests(
        self,
        *,
        run_id: int,
        page: int | None = None,
        per_page: int | None = None,
        sort: ListAutomationRunTestsSort | str | None = None,
        order: ListAutomationRunTestsOrder | str | None = None,
        thread_id: int | None = None,
        status_id: list[ListAutomationRunTestsStatusIdItem | int] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AutomationRunTestPage]:
        """Like `list_automation_run_tests`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _LIST_AUTOMATION_RUN_TESTS,
            _list_automation_run_tests(
                run_id=run_id,
                page=page,
                per_page=per_page,
                sort=sort,
                order=order,
                thread_id=thread_id,
                status_id=status_id,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
