"""Clients of the Octomind CI API.

Octomind generates and runs end-to-end browser tests for a web application (a "test target"). This
is the v2 API-key surface that CI pipelines use: start a run of a test target's tests against a URL,
poll the resulting test report until it finishes, page through past reports, and manage test targets
and their environments. Every call authenticates with an organization API key in the `X-API-Key`
header.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, overload
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
    PageSpec,
    PollSpec,
    RawResponse,
    SyncAPIClient,
    async_iterate,
    async_wait,
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
    AzureDevOpsExecutionContext,
    BasicAuthInput,
    Breakpoint,
    Browser,
    CreateTestTargetRequest,
    DiscoveryExecutionContext,
    EnvironmentCreateRequest,
    EnvironmentResponse,
    EnvironmentUpdateRequest,
    GithubExecutionContext,
    ManualExecutionContext,
    NewTestTarget,
    ProposalExecutionContext,
    ReportFilter,
    ReportPageKey,
    ScheduledExecutionContext,
    TestAccountInput,
    TestExecutionResponse,
    TestRailIntegration,
    TestReport,
    TestReportPage,
    TestTargetExecutionRequest,
    TestTargetResponse,
    TestTargetUpdateRequest,
    ZodIssue,
)

__all__ = ["AsyncOctomindClient", "OctomindClient"]

_EXECUTE_TESTS: Endpoint[TestExecutionResponse] = Endpoint(
    "POST",
    "/apiKey/v2/execute",
    TestExecutionResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_GET_TEST_REPORT: Endpoint[TestReport] = Endpoint(
    "GET",
    "/apiKey/v2/test-targets/{testTargetId}/test-reports/{testReportId}",
    TestReport,
    errors={
        "400": list[ZodIssue],
    },
)
_LIST_TEST_REPORTS: Endpoint[TestReportPage] = Endpoint(
    "GET",
    "/apiKey/v2/test-targets/{testTargetId}/test-reports",
    TestReportPage,
    errors={
        "400": list[ZodIssue],
    },
)
_LIST_ENVIRONMENTS: Endpoint[list[EnvironmentResponse]] = Endpoint(
    "GET",
    "/apiKey/v2/test-targets/{testTargetId}/environments",
    list[EnvironmentResponse],
    errors={
        "400": list[ZodIssue],
    },
)
_CREATE_ENVIRONMENT: Endpoint[EnvironmentResponse] = Endpoint(
    "POST",
    "/apiKey/v2/test-targets/{testTargetId}/environments",
    EnvironmentResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_DELETE_ENVIRONMENT: Endpoint[None] = Endpoint(
    "DELETE",
    "/apiKey/v2/test-targets/{testTargetId}/environments/{environmentId}",
    None,
    errors={
        "400": list[ZodIssue],
    },
)
_UPDATE_ENVIRONMENT: Endpoint[EnvironmentResponse] = Endpoint(
    "PATCH",
    "/apiKey/v2/test-targets/{testTargetId}/environments/{environmentId}",
    EnvironmentResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_LIST_TEST_TARGETS: Endpoint[list[TestTargetResponse]] = Endpoint(
    "GET",
    "/apiKey/v2/test-targets",
    list[TestTargetResponse],
)
_CREATE_TEST_TARGET: Endpoint[TestTargetResponse] = Endpoint(
    "POST",
    "/apiKey/v2/test-targets",
    TestTargetResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_GET_TEST_TARGET: Endpoint[TestTargetResponse] = Endpoint(
    "GET",
    "/apiKey/v2/test-targets/{testTargetId}",
    TestTargetResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_DELETE_TEST_TARGET: Endpoint[None] = Endpoint(
    "DELETE",
    "/apiKey/v2/test-targets/{testTargetId}",
    None,
    errors={
        "400": list[ZodIssue],
    },
)
_UPDATE_TEST_TARGET: Endpoint[TestTargetResponse] = Endpoint(
    "PATCH",
    "/apiKey/v2/test-targets/{testTargetId}",
    TestTargetResponse,
    errors={
        "400": list[ZodIssue],
    },
)
_GET_TEST_REPORT_POLLING = PollSpec(
    status_pointer="/status",
    pending=("WAITING",),
    success=("PASSED",),
    failure=("FAILED",),
    interval=5.0,
    deadline=7200.0,
)
_LIST_TEST_REPORTS_PAGES = PageSpec(
    style="keyset",
    items_pointer="/data",
    next_pointer="/key",
    has_more_pointer="/hasNextPage",
)


def _base_url(base_url: str | httpx.URL | None) -> str:
    """The explicit URL, else `OCTOMIND_BASE_URL`, else the spec's server."""
    return server_url(
        "https://app.octomind.dev/api",
        (),
        {},
        base_url=base_url,
        env="OCTOMIND_BASE_URL",
    )


def _auth(api_key: str | None, url: str) -> httpx.Auth:
    api_key = api_key if api_key is not None else os.environ.get("OCTOMIND_API_KEY")
    if not api_key:
        raise MissingCredentialsError("pass api_key or set OCTOMIND_API_KEY")
    return HeaderAuth("X-API-Key", api_key)


def _execute_tests(
    *,
    body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
    test_target_id: UUID | str | NotGiven = NOT_GIVEN,
    url: str | NotGiven = NOT_GIVEN,
    context: GithubExecutionContext
    | AzureDevOpsExecutionContext
    | DiscoveryExecutionContext
    | ManualExecutionContext
    | ScheduledExecutionContext
    | ProposalExecutionContext
    | NotGiven = NOT_GIVEN,
    environment_name: str | NotGiven = NOT_GIVEN,
    variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
    tags: list[str] | NotGiven = NOT_GIVEN,
    breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
    browser: Browser | str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if test_target_id is not NOT_GIVEN:
        payload["testTargetId"] = test_target_id
    if url is not NOT_GIVEN:
        payload["url"] = url
    if context is not NOT_GIVEN:
        payload["context"] = context
    if environment_name is not NOT_GIVEN:
        payload["environmentName"] = environment_name
    if variables_to_overwrite is not NOT_GIVEN:
        payload["variablesToOverwrite"] = variables_to_overwrite
    if tags is not NOT_GIVEN:
        payload["tags"] = tags
    if breakpoint is not NOT_GIVEN:
        payload["breakpoint"] = breakpoint
    if browser is not NOT_GIVEN:
        payload["browser"] = browser
    require(payload, ["testTargetId", "url", "context"])
    return Call(
        json=payload,
    )


def _get_test_report(
    *,
    test_target_id: UUID | str,
    test_report_id: UUID | str,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
            "testReportId": path_param("testReportId", test_report_id, style="simple", explode=False),
        },
    )


def _list_test_reports(
    *,
    test_target_id: UUID | str,
    key: ReportPageKey | None = None,
    filter: list[ReportFilter] | None = None,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
        query=[
            *query_pairs("key", key, style="deepObject", explode=True),
            *json_query_pairs("filter", filter),
        ],
    )


def _list_environments(
    *,
    test_target_id: UUID | str,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
    )


def _create_environment(
    *,
    test_target_id: UUID | str,
    body: EnvironmentCreateRequest | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
    discovery_url: str | NotGiven = NOT_GIVEN,
    test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
    basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
    private_location_name: str | NotGiven = NOT_GIVEN,
    additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    if discovery_url is not NOT_GIVEN:
        payload["discoveryUrl"] = discovery_url
    if test_account is not NOT_GIVEN:
        payload["testAccount"] = test_account
    if basic_auth is not NOT_GIVEN:
        payload["basicAuth"] = basic_auth
    if private_location_name is not NOT_GIVEN:
        payload["privateLocationName"] = private_location_name
    if additional_header_fields is not NOT_GIVEN:
        payload["additionalHeaderFields"] = additional_header_fields
    require(payload, ["name", "discoveryUrl"])
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
        json=payload,
    )


def _delete_environment(
    *,
    test_target_id: UUID | str,
    environment_id: UUID | str,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
            "environmentId": path_param("environmentId", environment_id, style="simple", explode=False),
        },
    )


def _update_environment(
    *,
    test_target_id: UUID | str,
    environment_id: UUID | str,
    body: EnvironmentUpdateRequest | NotGiven = NOT_GIVEN,
    name: str | NotGiven | None = NOT_GIVEN,
    discovery_url: str | NotGiven | None = NOT_GIVEN,
    test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
    basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
    private_location_name: str | NotGiven | None = NOT_GIVEN,
    additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    if discovery_url is not NOT_GIVEN:
        payload["discoveryUrl"] = discovery_url
    if test_account is not NOT_GIVEN:
        payload["testAccount"] = test_account
    if basic_auth is not NOT_GIVEN:
        payload["basicAuth"] = basic_auth
    if private_location_name is not NOT_GIVEN:
        payload["privateLocationName"] = private_location_name
    if additional_header_fields is not NOT_GIVEN:
        payload["additionalHeaderFields"] = additional_header_fields
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
            "environmentId": path_param("environmentId", environment_id, style="simple", explode=False),
        },
        json=payload,
    )


def _list_test_targets() -> Call:
    return Call()


def _create_test_target(
    *,
    body: CreateTestTargetRequest | NotGiven = NOT_GIVEN,
    test_target: NewTestTarget | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if test_target is not NOT_GIVEN:
        payload["testTarget"] = test_target
    require(payload, ["testTarget"])
    return Call(
        json=payload,
    )


def _get_test_target(
    *,
    test_target_id: UUID | str,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
    )


def _delete_test_target(
    *,
    test_target_id: UUID | str,
) -> Call:
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
    )


def _update_test_target(
    *,
    test_target_id: UUID | str,
    body: TestTargetUpdateRequest | NotGiven = NOT_GIVEN,
    app: str | NotGiven | None = NOT_GIVEN,
    discovery_url: str | NotGiven | None = NOT_GIVEN,
    test_id_attribute: str | NotGiven | None = NOT_GIVEN,
    test_rail_integration: TestRailIntegration | NotGiven | None = NOT_GIVEN,
    timeout_per_step: int | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if app is not NOT_GIVEN:
        payload["app"] = app
    if discovery_url is not NOT_GIVEN:
        payload["discoveryUrl"] = discovery_url
    if test_id_attribute is not NOT_GIVEN:
        payload["testIdAttribute"] = test_id_attribute
    if test_rail_integration is not NOT_GIVEN:
        payload["testRailIntegration"] = test_rail_integration
    if timeout_per_step is not NOT_GIVEN:
        payload["timeoutPerStep"] = timeout_per_step
    return Call(
        path={
            "testTargetId": path_param("testTargetId", test_target_id, style="simple", explode=False),
        },
        json=payload,
    )


class OctomindClient(SyncAPIClient):
    """Synchronous client of the Octomind CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        url = _base_url(base_url)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> OctomindClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return OctomindClientWithRawResponse(self)

    @overload
    def execute_tests(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse: ...

    @overload
    def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse: ...

    def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse:
        """Execute the tests of a test target.

        Starts a run of a test target's test cases against the given URL, optionally limited by tags
        and run in a named environment with overwritten variables. The call returns at once with a
        test report in status WAITING; poll getTestReport with the report's `testTargetId` and `id`
        until the status is no longer WAITING.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target_id: Id of the test target whose tests run.
            url: URL of the deployment to test in this run.
            context: Where a run was started from; the `source` field selects the variant. Only
                `source` is required; Octomind marks no other field of any variant required.
            environment_name: Name of the environment to run in.
            variables_to_overwrite: Test variables to replace for this run only, by variable name.
            tags: Run only the test cases carrying these tags; empty runs all.
            breakpoint: Viewport size class to run the tests in.
            browser: Browser engine to run the tests in.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestReport:
        """Get a test report.

        Returns one test report with its test results. Meant for CI pipelines to poll until the run
        is done: the report stays WAITING while any result is still running, then becomes PASSED
        (every result passed) or FAILED (any result did not pass). The polling interval (5 s) and
        overall deadline (2 h) follow Octomind's own GitHub Action.

        Args:
            test_target_id: Id of the test target.
            test_report_id: Id of the test report (the `testReport.id` returned by executeTests).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_TEST_REPORT,
            _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        key: ReportPageKey | None = None,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestReportPage:
        """List test reports.

        Returns the history of a test target's test reports, newest first, one page at a time
        (keyset pagination). To get the next page, send the returned `key` back as the `key` query
        parameter; stop when `hasNextPage` is false. Reports can be filtered, e.g. by environment.

        Args:
            test_target_id: Id of the test target.
            key: Cursor of the page to fetch: the `key` object returned with the previous page. Omit
                it for the first page. Sent as `key[createdAt]=...`; that wire form is our
                inference, as the vendor declares no serialization style.
            filter: Conditions a report must meet, e.g. `environmentId` EQUALS a given id. The
                vendor declares this parameter as an array of objects without saying how it is
                serialized; sending it as a JSON string is our inference.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_TEST_REPORTS,
            _list_test_reports(test_target_id=test_target_id, key=key, filter=filter),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_environments(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> list[EnvironmentResponse]:
        """List environments.

        Returns every environment defined for a test target (not paged).

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_ENVIRONMENTS,
            _list_environments(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        name: str,
        discovery_url: str,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse: ...

    @overload
    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse: ...

    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse:
        """Create an environment.

        Adds an additional environment to a test target, with its own discovery URL and optionally a
        test account, HTTP basic-auth credentials, extra request headers and a private location. The
        `name` is what executeTests takes as `environmentName`. That `name` and `discoveryUrl` are
        required is our inference; the vendor marks no field required.

        Args:
            test_target_id: Id of the test target.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the environment.
            discovery_url: Base URL of the application in this environment.
            test_account: Account the tests log in with.
            basic_auth: HTTP basic-auth credentials.
            private_location_name: Name of the private location to run from.
            additional_header_fields: Extra HTTP headers sent with every request of a run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_ENVIRONMENT,
            _create_environment(
                test_target_id=test_target_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete an environment.

        Permanently deletes an environment of a test target; this cannot be undone.

        Args:
            test_target_id: Id of the test target.
            environment_id: Id of the environment.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _DELETE_ENVIRONMENT,
            _delete_environment(test_target_id=test_target_id, environment_id=environment_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        body: EnvironmentUpdateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven | None = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse:
        """Update an environment.

        Changes any subset of an environment's settings; fields left out stay as they are. The
        response body is our inference: the vendor documents the 200 status without describing a
        body, so a client should tolerate an empty one.

        Args:
            test_target_id: Id of the test target.
            environment_id: Id of the environment.
            body: The whole request body; fields given as keyword arguments override its values.
            name: New name.
            discovery_url: New base URL.
            test_account: New test account, or null to remove it.
            basic_auth: New basic-auth credentials, or null to remove them.
            private_location_name: Name of the private location to run from.
            additional_header_fields: Extra HTTP headers sent with every request of a run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _UPDATE_ENVIRONMENT,
            _update_environment(
                test_target_id=test_target_id,
                environment_id=environment_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_test_targets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> list[TestTargetResponse]:
        """List test targets.

        Returns every test target of the organization the API key belongs to (not paged).

        Args:
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _LIST_TEST_TARGETS,
            _list_test_targets(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_test_target(
        self,
        *,
        test_target: NewTestTarget,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse: ...

    @overload
    def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse: ...

    def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest | NotGiven = NOT_GIVEN,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Create a test target.

        Creates a test target for an application, identified by a name and the URL from which
        Octomind discovers it. The target starts with a default environment at that URL. The 200
        body is taken to be a single test target; some revisions of the vendor's spec declare an
        array of test targets here instead.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target: The test target to create.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_TEST_TARGET,
            _create_test_target(body=body, test_target=test_target),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Get a test target.

        Returns one test target with its tags and environments.

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_TEST_TARGET,
            _get_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete a test target.

        Deletes a test target.

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _DELETE_TEST_TARGET,
            _delete_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_test_target(
        self,
        *,
        test_target_id: UUID | str,
        body: TestTargetUpdateRequest | NotGiven = NOT_GIVEN,
        app: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_id_attribute: str | NotGiven | None = NOT_GIVEN,
        test_rail_integration: TestRailIntegration | NotGiven | None = NOT_GIVEN,
        timeout_per_step: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Update a test target.

        Changes any subset of a test target's settings: its name, discovery URL, the attribute that
        marks test ids in the page, the test-management integration and the per-step timeout.

        Args:
            test_target_id: Id of the test target.
            body: The whole request body; fields given as keyword arguments override its values.
            app: New application or project name.
            discovery_url: New discovery URL.
            test_id_attribute: HTML attribute that carries test ids, e.g. test-automation-id.
            test_rail_integration: Test-management integration settings, or null to remove them.
            timeout_per_step: Timeout of each test step, in milliseconds.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _UPDATE_TEST_TARGET,
            _update_test_target(
                test_target_id=test_target_id,
                body=body,
                app=app,
                discovery_url=discovery_url,
                test_id_attribute=test_id_attribute,
                test_rail_integration=test_rail_integration,
                timeout_per_step=timeout_per_step,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> TestReport:
        """Read get_test_report until the run ends, and return its final state. Every 5 s by default
        (or as the server asks), for at most 7200 s by default. States the spec does not list count
        as pending; a transient error on one read does not end the wait.

        Args:
            test_target_id: Id of the test target.
            test_report_id: Id of the test report (the `testReport.id` returned by executeTests).
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id)
        return wait(
            lambda: self._poll_read(_GET_TEST_REPORT, call, timeout),
            _GET_TEST_REPORT_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    def execute_tests_and_wait(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport: ...

    @overload
    def execute_tests_and_wait(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport: ...

    def execute_tests_and_wait(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport:
        """Execute the tests of a test target. Then wait for the run through wait_for_test_report.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target_id: Id of the test target whose tests run.
            url: URL of the deployment to test in this run.
            context: Where a run was started from; the `source` field selects the variant. Only
                `source` is required; Octomind marks no other field of any variant required.
            environment_name: Name of the environment to run in.
            variables_to_overwrite: Test variables to replace for this run only, by variable name.
            tags: Run only the test cases carrying these tags; empty runs all.
            breakpoint: Viewport size class to run the tests in.
            browser: Browser engine to run the tests in.
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
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return self.wait_for_test_report(
            test_target_id=link_value(started, "/testReport/testTargetId"),
            test_report_id=link_value(started, "/testReport/id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    def iter_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Iterator[TestReport]:
        """Every item of list_test_reports, page after page, fetched as the iteration reaches it.

        Args:
            test_target_id: Id of the test target.
            filter: Conditions a report must meet, e.g. `environmentId` EQUALS a given id. The
                vendor declares this parameter as an array of objects without saying how it is
                serialized; sending it as a JSON string is our inference.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        def page(cursor: Any) -> TestReportPage:
            return self._call(
                _LIST_TEST_REPORTS,
                _list_test_reports(test_target_id=test_target_id, filter=filter, key=cursor),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        yield from iterate(page, _LIST_TEST_REPORTS_PAGES)


class AsyncOctomindClient(AsyncAPIClient):
    """Asynchronous client of the Octomind CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        url = _base_url(base_url)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> AsyncOctomindClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncOctomindClientWithRawResponse(self)

    @overload
    async def execute_tests(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse: ...

    @overload
    async def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse: ...

    async def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestExecutionResponse:
        """Execute the tests of a test target.

        Starts a run of a test target's test cases against the given URL, optionally limited by tags
        and run in a named environment with overwritten variables. The call returns at once with a
        test report in status WAITING; poll getTestReport with the report's `testTargetId` and `id`
        until the status is no longer WAITING.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target_id: Id of the test target whose tests run.
            url: URL of the deployment to test in this run.
            context: Where a run was started from; the `source` field selects the variant. Only
                `source` is required; Octomind marks no other field of any variant required.
            environment_name: Name of the environment to run in.
            variables_to_overwrite: Test variables to replace for this run only, by variable name.
            tags: Run only the test cases carrying these tags; empty runs all.
            breakpoint: Viewport size class to run the tests in.
            browser: Browser engine to run the tests in.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestReport:
        """Get a test report.

        Returns one test report with its test results. Meant for CI pipelines to poll until the run
        is done: the report stays WAITING while any result is still running, then becomes PASSED
        (every result passed) or FAILED (any result did not pass). The polling interval (5 s) and
        overall deadline (2 h) follow Octomind's own GitHub Action.

        Args:
            test_target_id: Id of the test target.
            test_report_id: Id of the test report (the `testReport.id` returned by executeTests).
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_TEST_REPORT,
            _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        key: ReportPageKey | None = None,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestReportPage:
        """List test reports.

        Returns the history of a test target's test reports, newest first, one page at a time
        (keyset pagination). To get the next page, send the returned `key` back as the `key` query
        parameter; stop when `hasNextPage` is false. Reports can be filtered, e.g. by environment.

        Args:
            test_target_id: Id of the test target.
            key: Cursor of the page to fetch: the `key` object returned with the previous page. Omit
                it for the first page. Sent as `key[createdAt]=...`; that wire form is our
                inference, as the vendor declares no serialization style.
            filter: Conditions a report must meet, e.g. `environmentId` EQUALS a given id. The
                vendor declares this parameter as an array of objects without saying how it is
                serialized; sending it as a JSON string is our inference.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_TEST_REPORTS,
            _list_test_reports(test_target_id=test_target_id, key=key, filter=filter),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_environments(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> list[EnvironmentResponse]:
        """List environments.

        Returns every environment defined for a test target (not paged).

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_ENVIRONMENTS,
            _list_environments(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        name: str,
        discovery_url: str,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse: ...

    @overload
    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse: ...

    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse:
        """Create an environment.

        Adds an additional environment to a test target, with its own discovery URL and optionally a
        test account, HTTP basic-auth credentials, extra request headers and a private location. The
        `name` is what executeTests takes as `environmentName`. That `name` and `discoveryUrl` are
        required is our inference; the vendor marks no field required.

        Args:
            test_target_id: Id of the test target.
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the environment.
            discovery_url: Base URL of the application in this environment.
            test_account: Account the tests log in with.
            basic_auth: HTTP basic-auth credentials.
            private_location_name: Name of the private location to run from.
            additional_header_fields: Extra HTTP headers sent with every request of a run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_ENVIRONMENT,
            _create_environment(
                test_target_id=test_target_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete an environment.

        Permanently deletes an environment of a test target; this cannot be undone.

        Args:
            test_target_id: Id of the test target.
            environment_id: Id of the environment.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _DELETE_ENVIRONMENT,
            _delete_environment(test_target_id=test_target_id, environment_id=environment_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        body: EnvironmentUpdateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven | None = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> EnvironmentResponse:
        """Update an environment.

        Changes any subset of an environment's settings; fields left out stay as they are. The
        response body is our inference: the vendor documents the 200 status without describing a
        body, so a client should tolerate an empty one.

        Args:
            test_target_id: Id of the test target.
            environment_id: Id of the environment.
            body: The whole request body; fields given as keyword arguments override its values.
            name: New name.
            discovery_url: New base URL.
            test_account: New test account, or null to remove it.
            basic_auth: New basic-auth credentials, or null to remove them.
            private_location_name: Name of the private location to run from.
            additional_header_fields: Extra HTTP headers sent with every request of a run.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _UPDATE_ENVIRONMENT,
            _update_environment(
                test_target_id=test_target_id,
                environment_id=environment_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_test_targets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> list[TestTargetResponse]:
        """List test targets.

        Returns every test target of the organization the API key belongs to (not paged).

        Args:
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _LIST_TEST_TARGETS,
            _list_test_targets(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_test_target(
        self,
        *,
        test_target: NewTestTarget,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse: ...

    @overload
    async def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse: ...

    async def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest | NotGiven = NOT_GIVEN,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Create a test target.

        Creates a test target for an application, identified by a name and the URL from which
        Octomind discovers it. The target starts with a default environment at that URL. The 200
        body is taken to be a single test target; some revisions of the vendor's spec declare an
        array of test targets here instead.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target: The test target to create.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_TEST_TARGET,
            _create_test_target(body=body, test_target=test_target),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Get a test target.

        Returns one test target with its tags and environments.

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_TEST_TARGET,
            _get_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete a test target.

        Deletes a test target.

        Args:
            test_target_id: Id of the test target.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _DELETE_TEST_TARGET,
            _delete_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_test_target(
        self,
        *,
        test_target_id: UUID | str,
        body: TestTargetUpdateRequest | NotGiven = NOT_GIVEN,
        app: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_id_attribute: str | NotGiven | None = NOT_GIVEN,
        test_rail_integration: TestRailIntegration | NotGiven | None = NOT_GIVEN,
        timeout_per_step: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TestTargetResponse:
        """Update a test target.

        Changes any subset of a test target's settings: its name, discovery URL, the attribute that
        marks test ids in the page, the test-management integration and the per-step timeout.

        Args:
            test_target_id: Id of the test target.
            body: The whole request body; fields given as keyword arguments override its values.
            app: New application or project name.
            discovery_url: New discovery URL.
            test_id_attribute: HTML attribute that carries test ids, e.g. test-automation-id.
            test_rail_integration: Test-management integration settings, or null to remove them.
            timeout_per_step: Timeout of each test step, in milliseconds.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _UPDATE_TEST_TARGET,
            _update_test_target(
                test_target_id=test_target_id,
                body=body,
                app=app,
                discovery_url=discovery_url,
                test_id_attribute=test_id_attribute,
                test_rail_integration=test_rail_integration,
                timeout_per_step=timeout_per_step,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> TestReport:
        """Read get_test_report until the run ends, and return its final state. Every 5 s by default
        (or as the server asks), for at most 7200 s by default. States the spec does not list count
        as pending; a transient error on one read does not end the wait.

        Args:
            test_target_id: Id of the test target.
            test_report_id: Id of the test report (the `testReport.id` returned by executeTests).
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id)
        return await async_wait(
            lambda: self._poll_read(_GET_TEST_REPORT, call, timeout),
            _GET_TEST_REPORT_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    async def execute_tests_and_wait(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport: ...

    @overload
    async def execute_tests_and_wait(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport: ...

    async def execute_tests_and_wait(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[TestReport], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> TestReport:
        """Execute the tests of a test target. Then wait for the run through wait_for_test_report.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            test_target_id: Id of the test target whose tests run.
            url: URL of the deployment to test in this run.
            context: Where a run was started from; the `source` field selects the variant. Only
                `source` is required; Octomind marks no other field of any variant required.
            environment_name: Name of the environment to run in.
            variables_to_overwrite: Test variables to replace for this run only, by variable name.
            tags: Run only the test cases carrying these tags; empty runs all.
            breakpoint: Viewport size class to run the tests in.
            browser: Browser engine to run the tests in.
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
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return await self.wait_for_test_report(
            test_target_id=link_value(started, "/testReport/testTargetId"),
            test_report_id=link_value(started, "/testReport/id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )

    async def iter_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncIterator[TestReport]:
        """Every item of list_test_reports, page after page, fetched as the iteration reaches it.

        Args:
            test_target_id: Id of the test target.
            filter: Conditions a report must meet, e.g. `environmentId` EQUALS a given id. The
                vendor declares this parameter as an array of objects without saying how it is
                serialized; sending it as a JSON string is our inference.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """

        async def page(cursor: Any) -> TestReportPage:
            return await self._call(
                _LIST_TEST_REPORTS,
                _list_test_reports(test_target_id=test_target_id, filter=filter, key=cursor),
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )

        async for item in async_iterate(page, _LIST_TEST_REPORTS_PAGES):
            yield item


class OctomindClientWithRawResponse:
    """`OctomindClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: OctomindClient) -> None:
        self._client = client

    @overload
    def execute_tests(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]: ...

    @overload
    def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]: ...

    def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]:
        """Like `execute_tests`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestReport]:
        """Like `get_test_report`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _GET_TEST_REPORT,
            _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        key: ReportPageKey | None = None,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestReportPage]:
        """Like `list_test_reports`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _LIST_TEST_REPORTS,
            _list_test_reports(test_target_id=test_target_id, key=key, filter=filter),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_environments(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[list[EnvironmentResponse]]:
        """Like `list_environments`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _LIST_ENVIRONMENTS,
            _list_environments(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        name: str,
        discovery_url: str,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]: ...

    @overload
    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]: ...

    def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]:
        """Like `create_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _CREATE_ENVIRONMENT,
            _create_environment(
                test_target_id=test_target_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _DELETE_ENVIRONMENT,
            _delete_environment(test_target_id=test_target_id, environment_id=environment_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        body: EnvironmentUpdateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven | None = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]:
        """Like `update_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _UPDATE_ENVIRONMENT,
            _update_environment(
                test_target_id=test_target_id,
                environment_id=environment_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def list_test_targets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[list[TestTargetResponse]]:
        """Like `list_test_targets`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _LIST_TEST_TARGETS,
            _list_test_targets(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_test_target(
        self,
        *,
        test_target: NewTestTarget,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]: ...

    @overload
    def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]: ...

    def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest | NotGiven = NOT_GIVEN,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `create_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _CREATE_TEST_TARGET,
            _create_test_target(body=body, test_target=test_target),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `get_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _GET_TEST_TARGET,
            _get_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _DELETE_TEST_TARGET,
            _delete_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_test_target(
        self,
        *,
        test_target_id: UUID | str,
        body: TestTargetUpdateRequest | NotGiven = NOT_GIVEN,
        app: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_id_attribute: str | NotGiven | None = NOT_GIVEN,
        test_rail_integration: TestRailIntegration | NotGiven | None = NOT_GIVEN,
        timeout_per_step: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `update_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return self._client._raw(
            _UPDATE_TEST_TARGET,
            _update_test_target(
                test_target_id=test_target_id,
                body=body,
                app=app,
                discovery_url=discovery_url,
                test_id_attribute=test_id_attribute,
                test_rail_integration=test_rail_integration,
                timeout_per_step=timeout_per_step,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncOctomindClientWithRawResponse:
    """`AsyncOctomindClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncOctomindClient) -> None:
        self._client = client

    @overload
    async def execute_tests(
        self,
        *,
        test_target_id: UUID | str,
        url: str,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]: ...

    @overload
    async def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]: ...

    async def execute_tests(
        self,
        *,
        body: TestTargetExecutionRequest | NotGiven = NOT_GIVEN,
        test_target_id: UUID | str | NotGiven = NOT_GIVEN,
        url: str | NotGiven = NOT_GIVEN,
        context: GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
        | NotGiven = NOT_GIVEN,
        environment_name: str | NotGiven = NOT_GIVEN,
        variables_to_overwrite: dict[str, list[str]] | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        breakpoint: Breakpoint | str | NotGiven = NOT_GIVEN,
        browser: Browser | str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestExecutionResponse]:
        """Like `execute_tests`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _EXECUTE_TESTS,
            _execute_tests(
                body=body,
                test_target_id=test_target_id,
                url=url,
                context=context,
                environment_name=environment_name,
                variables_to_overwrite=variables_to_overwrite,
                tags=tags,
                breakpoint=breakpoint,
                browser=browser,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_test_report(
        self,
        *,
        test_target_id: UUID | str,
        test_report_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestReport]:
        """Like `get_test_report`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _GET_TEST_REPORT,
            _get_test_report(test_target_id=test_target_id, test_report_id=test_report_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_test_reports(
        self,
        *,
        test_target_id: UUID | str,
        key: ReportPageKey | None = None,
        filter: list[ReportFilter] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestReportPage]:
        """Like `list_test_reports`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _LIST_TEST_REPORTS,
            _list_test_reports(test_target_id=test_target_id, key=key, filter=filter),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_environments(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[list[EnvironmentResponse]]:
        """Like `list_environments`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _LIST_ENVIRONMENTS,
            _list_environments(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        name: str,
        discovery_url: str,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]: ...

    @overload
    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]: ...

    async def create_environment(
        self,
        *,
        test_target_id: UUID | str,
        body: EnvironmentCreateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        discovery_url: str | NotGiven = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]:
        """Like `create_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _CREATE_ENVIRONMENT,
            _create_environment(
                test_target_id=test_target_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _DELETE_ENVIRONMENT,
            _delete_environment(test_target_id=test_target_id, environment_id=environment_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_environment(
        self,
        *,
        test_target_id: UUID | str,
        environment_id: UUID | str,
        body: EnvironmentUpdateRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_account: TestAccountInput | NotGiven | None = NOT_GIVEN,
        basic_auth: BasicAuthInput | NotGiven | None = NOT_GIVEN,
        private_location_name: str | NotGiven | None = NOT_GIVEN,
        additional_header_fields: dict[str, str] | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[EnvironmentResponse]:
        """Like `update_environment`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _UPDATE_ENVIRONMENT,
            _update_environment(
                test_target_id=test_target_id,
                environment_id=environment_id,
                body=body,
                name=name,
                discovery_url=discovery_url,
                test_account=test_account,
                basic_auth=basic_auth,
                private_location_name=private_location_name,
                additional_header_fields=additional_header_fields,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def list_test_targets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[list[TestTargetResponse]]:
        """Like `list_test_targets`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _LIST_TEST_TARGETS,
            _list_test_targets(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_test_target(
        self,
        *,
        test_target: NewTestTarget,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]: ...

    @overload
    async def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]: ...

    async def create_test_target(
        self,
        *,
        body: CreateTestTargetRequest | NotGiven = NOT_GIVEN,
        test_target: NewTestTarget | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `create_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _CREATE_TEST_TARGET,
            _create_test_target(body=body, test_target=test_target),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `get_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _GET_TEST_TARGET,
            _get_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_test_target(
        self,
        *,
        test_target_id: UUID | str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """Like `delete_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _DELETE_TEST_TARGET,
            _delete_test_target(test_target_id=test_target_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_test_target(
        self,
        *,
        test_target_id: UUID | str,
        body: TestTargetUpdateRequest | NotGiven = NOT_GIVEN,
        app: str | NotGiven | None = NOT_GIVEN,
        discovery_url: str | NotGiven | None = NOT_GIVEN,
        test_id_attribute: str | NotGiven | None = NOT_GIVEN,
        test_rail_integration: TestRailIntegration | NotGiven | None = NOT_GIVEN,
        timeout_per_step: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TestTargetResponse]:
        """Like `update_test_target`, returning a RawResponse: the parsed body with the status, headers
        and request id.
        """
        return await self._client._raw(
            _UPDATE_TEST_TARGET,
            _update_test_target(
                test_target_id=test_target_id,
                body=body,
                app=app,
                discovery_url=discovery_url,
                test_id_attribute=test_id_attribute,
                test_rail_integration=test_rail_integration,
                timeout_per_step=timeout_per_step,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
