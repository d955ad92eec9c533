"""Clients of the Qualigate CI API.

Qualigate runs browser end-to-end tests. This API starts runs of a test case, a test suite or a
whole project, reports the status of a run while it executes, returns aggregated results for CI
reports, and reads a project's CI/CD configuration. All endpoints are served over HTTPS under
/api/v1 and authenticate with an account API key.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any, Literal
from uuid import UUID

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
    PollSpec,
    RateLimitHint,
    RawResponse,
    SyncAPIClient,
    async_wait,
    exactly_one,
    has_value,
    link_value,
    query_pairs,
    server_url,
    to_json,
    wait,
)

from .models import (
    AggregatedResults,
    CiContext,
    Error,
    ProjectCiConfig,
    ProjectTriggerResponse,
    RateLimitErrorModel,
    SuiteRunStatus,
    SuiteTriggerResponse,
    TestCaseTriggerResponse,
    TestRunStatus,
    TriggerRequest,
)

__all__ = ["AsyncQualigateClient", "QualigateClient"]

_RATE_LIMIT = RateLimitHint(pointer="/retry_after")

_GET_RUN_STATUS: Endpoint[TestRunStatus | SuiteRunStatus] = Endpoint(
    "GET",
    "/api/v1/trigger",
    TestRunStatus | SuiteRunStatus,
    errors={
        "400": Error,
        "401": Error,
        "403": Error,
        "404": Error,
        "429": RateLimitErrorModel,
        "500": Error,
    },
    rate_limit=_RATE_LIMIT,
)
_TRIGGER_TESTS: Endpoint[TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse] = Endpoint(
    "POST",
    "/api/v1/trigger",
    TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse,
    errors={
        "400": Error,
        "401": Error,
        "403": Error,
        "404": Error,
        "429": RateLimitErrorModel,
        "500": Error,
    },
    rate_limit=_RATE_LIMIT,
)
_GET_RESULTS: Endpoint[AggregatedResults] = Endpoint(
    "GET",
    "/api/v1/results",
    AggregatedResults,
    errors={
        "400": Error,
        "401": Error,
        "403": Error,
        "404": Error,
        "429": RateLimitErrorModel,
        "500": Error,
    },
    rate_limit=_RATE_LIMIT,
)
_GET_CI_CONFIG: Endpoint[ProjectCiConfig] = Endpoint(
    "GET",
    "/api/v1/ci-config",
    ProjectCiConfig,
    errors={
        "400": Error,
        "401": Error,
        "403": Error,
        "404": Error,
        "500": Error,
    },
    rate_limit=_RATE_LIMIT,
)
_GET_RUN_STATUS_POLLING = PollSpec(
    status_pointer="/status",
    pending=("pending", "running"),
    success=("passed",),
    failure=("failed", "error", "timeout", "canceled"),
    interval=10.0,
    deadline=600.0,
    judged=(("completed", "/failed_tests"),),
)


def _base_url(base_url: str | httpx.URL | None) -> str:
    """The explicit URL, else `QUALIGATE_BASE_URL`, else the spec's server."""
    return server_url(
        "https://qualigate.app",
        (),
        {},
        base_url=base_url,
        env="QUALIGATE_BASE_URL",
    )


def _auth(api_key: str | None, url: str, scheme: str) -> httpx.Auth:
    api_key = api_key if api_key is not None else os.environ.get("QUALIGATE_API_KEY")
    if not api_key:
        raise MissingCredentialsError("pass api_key or set QUALIGATE_API_KEY")
    if scheme == "bearer_auth":
        return HeaderAuth("Authorization", api_key, "Bearer")
    return HeaderAuth("X-API-Key", api_key)


def _get_run_status(
    *,
    test_run_id: UUID | str | None = None,
    suite_run_id: UUID | str | None = None,
) -> Call:
    return Call(
        query=[
            *query_pairs("test_run_id", test_run_id, style="form", explode=True),
            *query_pairs("suite_run_id", suite_run_id, style="form", explode=True),
        ],
    )


def _trigger_tests(
    *,
    body: TriggerRequest | NotGiven = NOT_GIVEN,
    test_case_id: UUID | str | NotGiven = NOT_GIVEN,
    test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
    project_id: UUID | str | NotGiven = NOT_GIVEN,
    browser_type: str | NotGiven = NOT_GIVEN,
    viewport_preset: str | NotGiven = NOT_GIVEN,
    viewport_width: int | NotGiven = NOT_GIVEN,
    viewport_height: int | NotGiven = NOT_GIVEN,
    context: CiContext | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if test_case_id is not NOT_GIVEN:
        payload["test_case_id"] = test_case_id
    if test_suite_id is not NOT_GIVEN:
        payload["test_suite_id"] = test_suite_id
    if project_id is not NOT_GIVEN:
        payload["project_id"] = project_id
    if browser_type is not NOT_GIVEN:
        payload["browserType"] = browser_type
    if viewport_preset is not NOT_GIVEN:
        payload["viewportPreset"] = viewport_preset
    if viewport_width is not NOT_GIVEN:
        payload["viewportWidth"] = viewport_width
    if viewport_height is not NOT_GIVEN:
        payload["viewportHeight"] = viewport_height
    if context is not NOT_GIVEN:
        payload["context"] = context
    exactly_one(payload, ["test_case_id", "test_suite_id", "project_id"])
    return Call(
        json=payload,
    )


def _get_results(
    *,
    test_run_ids: list[UUID | str] | None = None,
    suite_run_id: UUID | str | None = None,
) -> Call:
    return Call(
        query=[
            *query_pairs("test_run_ids", test_run_ids, style="form", explode=False),
            *query_pairs("suite_run_id", suite_run_id, style="form", explode=True),
        ],
    )


def _get_ci_config(
    *,
    project_id: UUID | str,
) -> Call:
    return Call(
        query=[
            *query_pairs("project_id", project_id, style="form", explode=True),
        ],
    )


class QualigateClient(SyncAPIClient):
    """Synchronous client of the Qualigate CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        auth_scheme: Literal["bearer_auth", "api_key_auth"] = "bearer_auth",
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        url = _base_url(base_url)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url, auth_scheme),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> QualigateClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return QualigateClientWithRawResponse(self)

    def get_run_status(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Get the status of a test run or suite run.

        Returns the current status of one test run (`test_run_id`) or the aggregated status of a
        suite run (`suite_run_id`). Exactly one of the two query parameters must be given; sending
        none or both is rejected with 400 (our inference; the vendor does not say which status).
        Poll this after triggerTests until the status is terminal: the vendor recommends polling
        every 10 seconds and giving up after 10 minutes. Test runs end in passed, failed, error,
        timeout or canceled. Suite runs end in `completed`, which the vendor does not list as a
        status value; its outcome is read from `failed_tests` (more than zero means the suite
        failed). Limited to 30 requests per minute per API key.

        Args:
            test_run_id: Id of a single test run. Give either this or `suite_run_id`, not both.
            suite_run_id: Id of a suite run. Give either this or `test_run_id`, not both.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_RUN_STATUS,
            _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def trigger_tests(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse:
        """Trigger test runs.

        Queues test runs for exactly one target: a single test case (`test_case_id`), every test
        case of a suite (`test_suite_id`) or every test case of a project (`project_id`). The
        response shape depends on the target: a test case yields one `test_run_id`, a suite yields a
        `suite_run_id`, and a project yields a list of `test_run_ids` (there is no aggregate id for
        a project; poll each run or read them together with getResults). Limited to 30 requests per
        minute per API key.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_case_id: Run this single test case.
            test_suite_id: Run every test case in this suite.
            project_id: Run every test case in this project.
            browser_type: Browser engine to use. The vendor documents only the default value.
            viewport_preset: Viewport size preset.
            viewport_width: Custom viewport width in pixels (the vendor says "number"; whole pixels
                assumed).
            viewport_height: Custom viewport height in pixels (the vendor says "number"; whole
                pixels assumed).
            context: Optional CI/CD metadata shown in the Qualigate dashboard for traceability.
                Every field is a string.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_results(
        self,
        *,
        test_run_ids: list[UUID | str] | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AggregatedResults:
        """Get aggregated results.

        Returns pass/fail totals and per-run results for a list of test runs (`test_run_ids`) or for
        every run of a suite run (`suite_run_id`), for CI reports and dashboard summaries. Exactly
        one of the two query parameters must be given; otherwise the request is rejected with 400
        (our inference; not documented). A run that has not ended is listed with its current status
        (pending or running) and a null duration, and counts as neither passed nor failed; an id
        that names no run is 404 (both inferred: the vendor shows only finished runs, and documents
        404 for a test run that does not exist). Limited to 30 requests per minute per API key.

        Args:
            test_run_ids: Comma-separated ids of the test runs to aggregate. Give either this or
                `suite_run_id`.
            suite_run_id: Id of the suite run whose results to return. Give either this or
                `test_run_ids`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_RESULTS,
            _get_results(test_run_ids=test_run_ids, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_ci_config(
        self,
        *,
        project_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ProjectCiConfig:
        """Get a project's CI configuration.

        Returns the CI/CD settings of a project: the CI provider, the events and branches that
        trigger tests, and the test suite that runs. The vendor documents no rate limit for this
        endpoint.

        Args:
            project_id: Id of the project whose CI configuration to return.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_CI_CONFIG,
            _get_ci_config(project_id=project_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_run(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestRunStatus | SuiteRunStatus], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Read get_run_status until the run ends, and return its final state. Every 10 s by default
        (or as the server asks), for at most 600 s by default. States the spec does not list count
        as pending; a transient error on one read does not end the wait.

        Args:
            test_run_id: Id of a single test run. Give either this or `suite_run_id`, not both.
            suite_run_id: Id of a suite run. Give either this or `test_run_id`, not both.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id)
        return wait(
            lambda: self._poll_read(_GET_RUN_STATUS, call, timeout),
            _GET_RUN_STATUS_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    def trigger_tests_and_wait(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestRunStatus | SuiteRunStatus], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Trigger test runs. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_case_id: Run this single test case.
            test_suite_id: Run every test case in this suite.
            project_id: Run every test case in this project.
            browser_type: Browser engine to use. The vendor documents only the default value.
            viewport_preset: Viewport size preset.
            viewport_width: Custom viewport width in pixels (the vendor says "number"; whole pixels
                assumed).
            viewport_height: Custom viewport height in pixels (the vendor says "number"; whole
                pixels assumed).
            context: Optional CI/CD metadata shown in the Qualigate dashboard for traceability.
                Every field is a string.
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
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        if has_value(started, "/test_run_id"):
            return self.wait_for_run(
                test_run_id=link_value(started, "/test_run_id"),
                deadline=deadline,
                poll_interval=poll_interval,
                on_update=on_update,
                raise_on_failure=raise_on_failure,
                timeout=timeout,
            )
        if has_value(started, "/suite_run_id"):
            return self.wait_for_run(
                suite_run_id=link_value(started, "/suite_run_id"),
                deadline=deadline,
                poll_interval=poll_interval,
                on_update=on_update,
                raise_on_failure=raise_on_failure,
                timeout=timeout,
            )
        raise ValueError("the response of trigger_tests names no run to wait for")


class AsyncQualigateClient(AsyncAPIClient):
    """Asynchronous client of the Qualigate CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        auth_scheme: Literal["bearer_auth", "api_key_auth"] = "bearer_auth",
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        url = _base_url(base_url)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url, auth_scheme),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> AsyncQualigateClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncQualigateClientWithRawResponse(self)

    async def get_run_status(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Get the status of a test run or suite run.

        Returns the current status of one test run (`test_run_id`) or the aggregated status of a
        suite run (`suite_run_id`). Exactly one of the two query parameters must be given; sending
        none or both is rejected with 400 (our inference; the vendor does not say which status).
        Poll this after triggerTests until the status is terminal: the vendor recommends polling
        every 10 seconds and giving up after 10 minutes. Test runs end in passed, failed, error,
        timeout or canceled. Suite runs end in `completed`, which the vendor does not list as a
        status value; its outcome is read from `failed_tests` (more than zero means the suite
        failed). Limited to 30 requests per minute per API key.

        Args:
            test_run_id: Id of a single test run. Give either this or `suite_run_id`, not both.
            suite_run_id: Id of a suite run. Give either this or `test_run_id`, not both.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_RUN_STATUS,
            _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def trigger_tests(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse:
        """Trigger test runs.

        Queues test runs for exactly one target: a single test case (`test_case_id`), every test
        case of a suite (`test_suite_id`) or every test case of a project (`project_id`). The
        response shape depends on the target: a test case yields one `test_run_id`, a suite yields a
        `suite_run_id`, and a project yields a list of `test_run_ids` (there is no aggregate id for
        a project; poll each run or read them together with getResults). Limited to 30 requests per
        minute per API key.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_case_id: Run this single test case.
            test_suite_id: Run every test case in this suite.
            project_id: Run every test case in this project.
            browser_type: Browser engine to use. The vendor documents only the default value.
            viewport_preset: Viewport size preset.
            viewport_width: Custom viewport width in pixels (the vendor says "number"; whole pixels
                assumed).
            viewport_height: Custom viewport height in pixels (the vendor says "number"; whole
                pixels assumed).
            context: Optional CI/CD metadata shown in the Qualigate dashboard for traceability.
                Every field is a string.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_results(
        self,
        *,
        test_run_ids: list[UUID | str] | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AggregatedResults:
        """Get aggregated results.

        Returns pass/fail totals and per-run results for a list of test runs (`test_run_ids`) or for
        every run of a suite run (`suite_run_id`), for CI reports and dashboard summaries. Exactly
        one of the two query parameters must be given; otherwise the request is rejected with 400
        (our inference; not documented). A run that has not ended is listed with its current status
        (pending or running) and a null duration, and counts as neither passed nor failed; an id
        that names no run is 404 (both inferred: the vendor shows only finished runs, and documents
        404 for a test run that does not exist). Limited to 30 requests per minute per API key.

        Args:
            test_run_ids: Comma-separated ids of the test runs to aggregate. Give either this or
                `suite_run_id`.
            suite_run_id: Id of the suite run whose results to return. Give either this or
                `test_run_ids`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_RESULTS,
            _get_results(test_run_ids=test_run_ids, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_ci_config(
        self,
        *,
        project_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ProjectCiConfig:
        """Get a project's CI configuration.

        Returns the CI/CD settings of a project: the CI provider, the events and branches that
        trigger tests, and the test suite that runs. The vendor documents no rate limit for this
        endpoint.

        Args:
            project_id: Id of the project whose CI configuration to return.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_CI_CONFIG,
            _get_ci_config(project_id=project_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_run(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestRunStatus | SuiteRunStatus], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Read get_run_status until the run ends, and return its final state. Every 10 s by default
        (or as the server asks), for at most 600 s by default. States the spec does not list count
        as pending; a transient error on one read does not end the wait.

        Args:
            test_run_id: Id of a single test run. Give either this or `suite_run_id`, not both.
            suite_run_id: Id of a suite run. Give either this or `test_run_id`, not both.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id)
        return await async_wait(
            lambda: self._poll_read(_GET_RUN_STATUS, call, timeout),
            _GET_RUN_STATUS_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    async def trigger_tests_and_wait(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestRunStatus | SuiteRunStatus], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestRunStatus | SuiteRunStatus:
        """Trigger test runs. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_case_id: Run this single test case.
            test_suite_id: Run every test case in this suite.
            project_id: Run every test case in this project.
            browser_type: Browser engine to use. The vendor documents only the default value.
            viewport_preset: Viewport size preset.
            viewport_width: Custom viewport width in pixels (the vendor says "number"; whole pixels
                assumed).
            viewport_height: Custom viewport height in pixels (the vendor says "number"; whole
                pixels assumed).
            context: Optional CI/CD metadata shown in the Qualigate dashboard for traceability.
                Every field is a string.
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
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        if has_value(started, "/test_run_id"):
            return await self.wait_for_run(
                test_run_id=link_value(started, "/test_run_id"),
                deadline=deadline,
                poll_interval=poll_interval,
                on_update=on_update,
                raise_on_failure=raise_on_failure,
                timeout=timeout,
            )
        if has_value(started, "/suite_run_id"):
            return await self.wait_for_run(
                suite_run_id=link_value(started, "/suite_run_id"),
                deadline=deadline,
                poll_interval=poll_interval,
                on_update=on_update,
                raise_on_failure=raise_on_failure,
                timeout=timeout,
            )
        raise ValueError("the response of trigger_tests names no run to wait for")


class QualigateClientWithRawResponse:
    """`QualigateClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: QualigateClient) -> None:
        self._client = client

    def get_run_status(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestRunStatus | SuiteRunStatus]:
        """Like `get_run_status`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_RUN_STATUS,
            _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def trigger_tests(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse]:
        """Like `trigger_tests`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_results(
        self,
        *,
        test_run_ids: list[UUID | str] | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AggregatedResults]:
        """Like `get_results`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_RESULTS,
            _get_results(test_run_ids=test_run_ids, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_ci_config(
        self,
        *,
        project_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ProjectCiConfig]:
        """Like `get_ci_config`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_CI_CONFIG,
            _get_ci_config(project_id=project_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncQualigateClientWithRawResponse:
    """`AsyncQualigateClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncQualigateClient) -> None:
        self._client = client

    async def get_run_status(
        self,
        *,
        test_run_id: UUID | str | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestRunStatus | SuiteRunStatus]:
        """Like `get_run_status`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_RUN_STATUS,
            _get_run_status(test_run_id=test_run_id, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def trigger_tests(
        self,
        *,
        body: TriggerRequest | NotGiven = NOT_GIVEN,
        test_case_id: UUID | str | NotGiven = NOT_GIVEN,
        test_suite_id: UUID | str | NotGiven = NOT_GIVEN,
        project_id: UUID | str | NotGiven = NOT_GIVEN,
        browser_type: str | NotGiven = NOT_GIVEN,
        viewport_preset: str | NotGiven = NOT_GIVEN,
        viewport_width: int | NotGiven = NOT_GIVEN,
        viewport_height: int | NotGiven = NOT_GIVEN,
        context: CiContext | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse]:
        """Like `trigger_tests`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _TRIGGER_TESTS,
            _trigger_tests(
                body=body,
                test_case_id=test_case_id,
                test_suite_id=test_suite_id,
                project_id=project_id,
                browser_type=browser_type,
                viewport_preset=viewport_preset,
                viewport_width=viewport_width,
                viewport_height=viewport_height,
                context=context,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_results(
        self,
        *,
        test_run_ids: list[UUID | str] | None = None,
        suite_run_id: UUID | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[AggregatedResults]:
        """Like `get_results`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_RESULTS,
            _get_results(test_run_ids=test_run_ids, suite_run_id=suite_run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_ci_config(
        self,
        *,
        project_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ProjectCiConfig]:
        """Like `get_ci_config`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_CI_CONFIG,
            _get_ci_config(project_id=project_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
