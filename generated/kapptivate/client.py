"""Clients of the Kapptivate CI API.

Run Kapptivate tests from a CI/CD pipeline and read back their results.

Authentication takes two steps. The API key is a refresh token: trade it for a short-lived JWT
(valid for 2 minutes by default) with `exchangeRefreshToken`, then send `Authorization: JWT <token>`
on every other call. Trigger a run with `triggerCiRun` and read its outcome from `getCiResult` (the
trigger's `result_uri`).

The vendor documents no error bodies; the error shapes in this spec are inferred.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any, overload

import httpx

from generator.runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    AsyncAPIClient,
    Call,
    Endpoint,
    MissingCredentialsError,
    NoAuth,
    NotGiven,
    PollSpec,
    RawResponse,
    ServerVariable,
    SyncAPIClient,
    TokenExchangeAuth,
    async_wait,
    link_value,
    path_param,
    require,
    server_url,
    to_json,
    wait,
)

from .models import CiResult, CiRunRequest, CiRunResponse, CiTest, Error, RefreshTokenRequest, RunOptions, TokenResponse

__all__ = ["AsyncKapptivateClient", "KapptivateClient"]

_EXCHANGE_REFRESH_TOKEN: Endpoint[TokenResponse] = Endpoint(
    "POST",
    "/api/auth/refresh-token/",
    TokenResponse,
    errors={
        "400": Error,
        "401": Error,
    },
    authenticated=False,
    idempotent=True,
)
_TRIGGER_CI_RUN: Endpoint[CiRunResponse] = Endpoint(
    "POST",
    "/api/v1/continuous_integration/",
    CiRunResponse,
    errors={
        "400": Error,
        "401": Error,
        "403": Error,
    },
)
_GET_CI_RESULT: Endpoint[CiResult] = Endpoint(
    "GET",
    "/api/v1/continuous_integration/results/{result_id}/",
    CiResult,
    errors={
        "401": Error,
        "403": Error,
        "404": Error,
    },
)
_GET_CI_RESULT_POLLING = PollSpec(
    status_pointer="/result/status",
    pending=("pending", "ongoing", "scheduled"),
    success=("success",),
    failure=("failure", "failed", "warning", "canceled", "blocked", "timed out"),
    interval=10.0,
    deadline=1800.0,
)


def _base_url(base_url: str | httpx.URL | None, domain: str | None) -> str:
    """The explicit URL or server variables, else `KAPPTIVATE_BASE_URL`, else the spec's server."""
    return server_url(
        "https://{domain}.kapptivate.com",
        (ServerVariable("domain", "domain", default=None),),
        {"domain": domain},
        base_url=base_url,
        env="KAPPTIVATE_BASE_URL",
    )


def _auth(api_key: str | None, url: str) -> httpx.Auth:
    api_key = api_key if api_key is not None else os.environ.get("KAPPTIVATE_API_KEY")
    if not api_key:
        raise MissingCredentialsError("pass api_key or set KAPPTIVATE_API_KEY")
    return TokenExchangeAuth(
        api_key,
        exchange_url=url + "/api/auth/refresh-token/",
        key_pointer="/refresh_token",
        token_pointer="/token",
        header_prefix="JWT",
        ttl_seconds=120.0,
        refresh_buffer_seconds=30.0,
    )


def _exchange_refresh_token(
    *,
    body: RefreshTokenRequest | NotGiven = NOT_GIVEN,
    refresh_token: str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if refresh_token is not NOT_GIVEN:
        payload["refresh_token"] = refresh_token
    require(payload, ["refresh_token"])
    return Call(
        json=payload,
    )


def _trigger_ci_run(
    *,
    body: CiRunRequest | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
    variable_group_id: int | NotGiven | None = NOT_GIVEN,
    tests: list[CiTest] | NotGiven = NOT_GIVEN,
    options: RunOptions | NotGiven = NOT_GIVEN,
    run_origin: int | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    if variable_group_id is not NOT_GIVEN:
        payload["variable_group_id"] = variable_group_id
    if tests is not NOT_GIVEN:
        payload["tests"] = tests
    if options is not NOT_GIVEN:
        payload["options"] = options
    if run_origin is not NOT_GIVEN:
        payload["run_origin"] = run_origin
    require(payload, ["name", "tests"])
    return Call(
        json=payload,
    )


def _get_ci_result(
    *,
    result_id: int,
) -> Call:
    return Call(
        path={
            "result_id": path_param("result_id", result_id, style="simple", explode=False),
        },
    )


class KapptivateClient(SyncAPIClient):
    """Synchronous client of the Kapptivate CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        domain: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        url = _base_url(base_url, domain)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> KapptivateClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return KapptivateClientWithRawResponse(self)

    @overload
    def exchange_refresh_token(
        self,
        *,
        refresh_token: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse: ...

    @overload
    def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse: ...

    def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse:
        """Exchange the API key for a JWT.

        Sends the API key (refresh token) and returns a JWT for the `Authorization: JWT <token>`
        header. The JWT is valid for 2 minutes by default; call this again with the same key
        whenever it is about to expire or a call answers 401. The response may hold more fields than
        `token`.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            refresh_token: The API key (refresh token) created in the Kapptivate UI.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _EXCHANGE_REFRESH_TOKEN,
            _exchange_refresh_token(body=body, refresh_token=refresh_token),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def trigger_ci_run(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse: ...

    @overload
    def trigger_ci_run(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse: ...

    def trigger_ci_run(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse:
        """Trigger a CI test run.

        Starts a run of one or more tests, each on the devices given in its `direct_owners`. The
        response names the run's result (`result_id`, `result_uri`); fetch it with `getCiResult`.
        The response may also embed detailed per-step results (for example screenshot URLs), whose
        shape the vendor does not document.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the test run (may be empty).
            variable_group_id: Id of the variable group to use, copied from the variable group's URL
                in the UI. Optional; null when variables carry their own buckets.
            tests: The tests to run, one entry per test.
            options: Advanced run options; send `{}` for none. Keys other than these may exist.
            run_origin: How the run was assembled: 1 from test ids, 2 from a saved tests campaign.
                Optional; seen in the vendor CLI's campaign files.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_ci_result(
        self,
        *,
        result_id: int,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiResult:
        """Get the result of a CI test run.

        Returns the run's name, status, timing and test counts. Poll it until the status is
        terminal. The vendor recommends no poll interval: the 10 s interval here is our choice. The
        30 min deadline is the default maximum poll duration of the vendor's own CLI. The JWT lives
        only 2 minutes, so long waits must refresh it.

        Args:
            result_id: Id of the run's result, as returned by `triggerCiRun` in `result_id`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_CI_RESULT,
            _get_ci_result(result_id=result_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_ci_result(
        self,
        *,
        result_id: int,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> CiResult:
        """Read get_ci_result until the run ends, and return its final state. Every 10 s by default (or
        as the server asks), for at most 1800 s by default. States the spec does not list count as
        pending; a transient error on one read does not end the wait.

        Args:
            result_id: Id of the run's result, as returned by `triggerCiRun` in `result_id`.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_ci_result(result_id=result_id)
        return wait(
            lambda: self._poll_read(_GET_CI_RESULT, call, timeout),
            _GET_CI_RESULT_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    def trigger_ci_run_and_wait(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult: ...

    @overload
    def trigger_ci_run_and_wait(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult: ...

    def trigger_ci_run_and_wait(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult:
        """Trigger a CI test run. Then wait for the run through wait_for_ci_result.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the test run (may be empty).
            variable_group_id: Id of the variable group to use, copied from the variable group's URL
                in the UI. Optional; null when variables carry their own buckets.
            tests: The tests to run, one entry per test.
            options: Advanced run options; send `{}` for none. Keys other than these may exist.
            run_origin: How the run was assembled: 1 from test ids, 2 from a saved tests campaign.
                Optional; seen in the vendor CLI's campaign files.
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
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return self.wait_for_ci_result(
            result_id=link_value(started, "/result_id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )


class AsyncKapptivateClient(AsyncAPIClient):
    """Asynchronous client of the Kapptivate CI API."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        domain: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        url = _base_url(base_url, domain)
        super().__init__(
            base_url=url,
            auth=_auth(api_key, url),
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @property
    def with_raw_response(self) -> AsyncKapptivateClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncKapptivateClientWithRawResponse(self)

    @overload
    async def exchange_refresh_token(
        self,
        *,
        refresh_token: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse: ...

    @overload
    async def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse: ...

    async def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> TokenResponse:
        """Exchange the API key for a JWT.

        Sends the API key (refresh token) and returns a JWT for the `Authorization: JWT <token>`
        header. The JWT is valid for 2 minutes by default; call this again with the same key
        whenever it is about to expire or a call answers 401. The response may hold more fields than
        `token`.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            refresh_token: The API key (refresh token) created in the Kapptivate UI.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _EXCHANGE_REFRESH_TOKEN,
            _exchange_refresh_token(body=body, refresh_token=refresh_token),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def trigger_ci_run(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse: ...

    @overload
    async def trigger_ci_run(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse: ...

    async def trigger_ci_run(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiRunResponse:
        """Trigger a CI test run.

        Starts a run of one or more tests, each on the devices given in its `direct_owners`. The
        response names the run's result (`result_id`, `result_uri`); fetch it with `getCiResult`.
        The response may also embed detailed per-step results (for example screenshot URLs), whose
        shape the vendor does not document.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the test run (may be empty).
            variable_group_id: Id of the variable group to use, copied from the variable group's URL
                in the UI. Optional; null when variables carry their own buckets.
            tests: The tests to run, one entry per test.
            options: Advanced run options; send `{}` for none. Keys other than these may exist.
            run_origin: How the run was assembled: 1 from test ids, 2 from a saved tests campaign.
                Optional; seen in the vendor CLI's campaign files.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_ci_result(
        self,
        *,
        result_id: int,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> CiResult:
        """Get the result of a CI test run.

        Returns the run's name, status, timing and test counts. Poll it until the status is
        terminal. The vendor recommends no poll interval: the 10 s interval here is our choice. The
        30 min deadline is the default maximum poll duration of the vendor's own CLI. The JWT lives
        only 2 minutes, so long waits must refresh it.

        Args:
            result_id: Id of the run's result, as returned by `triggerCiRun` in `result_id`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_CI_RESULT,
            _get_ci_result(result_id=result_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_ci_result(
        self,
        *,
        result_id: int,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> CiResult:
        """Read get_ci_result until the run ends, and return its final state. Every 10 s by default (or
        as the server asks), for at most 1800 s by default. States the spec does not list count as
        pending; a transient error on one read does not end the wait.

        Args:
            result_id: Id of the run's result, as returned by `triggerCiRun` in `result_id`.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_ci_result(result_id=result_id)
        return await async_wait(
            lambda: self._poll_read(_GET_CI_RESULT, call, timeout),
            _GET_CI_RESULT_POLLING,
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            clock=self._clock,
            sleep=self._sleep,
        )

    @overload
    async def trigger_ci_run_and_wait(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult: ...

    @overload
    async def trigger_ci_run_and_wait(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult: ...

    async def trigger_ci_run_and_wait(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[CiResult], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> CiResult:
        """Trigger a CI test run. Then wait for the run through wait_for_ci_result.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Name of the test run (may be empty).
            variable_group_id: Id of the variable group to use, copied from the variable group's URL
                in the UI. Optional; null when variables carry their own buckets.
            tests: The tests to run, one entry per test.
            options: Advanced run options; send `{}` for none. Keys other than these may exist.
            run_origin: How the run was assembled: 1 from test ids, 2 from a saved tests campaign.
                Optional; seen in the vendor CLI's campaign files.
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
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return await self.wait_for_ci_result(
            result_id=link_value(started, "/result_id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )


class KapptivateClientWithRawResponse:
    """`KapptivateClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: KapptivateClient) -> None:
        self._client = client

    @overload
    def exchange_refresh_token(
        self,
        *,
        refresh_token: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]: ...

    @overload
    def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]: ...

    def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]:
        """Like `exchange_refresh_token`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return self._client._raw(
            _EXCHANGE_REFRESH_TOKEN,
            _exchange_refresh_token(body=body, refresh_token=refresh_token),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def trigger_ci_run(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]: ...

    @overload
    def trigger_ci_run(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]: ...

    def trigger_ci_run(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]:
        """Like `trigger_ci_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_ci_result(
        self,
        *,
        result_id: int,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiResult]:
        """Like `get_ci_result`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_CI_RESULT,
            _get_ci_result(result_id=result_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncKapptivateClientWithRawResponse:
    """`AsyncKapptivateClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncKapptivateClient) -> None:
        self._client = client

    @overload
    async def exchange_refresh_token(
        self,
        *,
        refresh_token: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]: ...

    @overload
    async def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]: ...

    async def exchange_refresh_token(
        self,
        *,
        body: RefreshTokenRequest | NotGiven = NOT_GIVEN,
        refresh_token: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[TokenResponse]:
        """Like `exchange_refresh_token`, returning a RawResponse: the parsed body with the status,
        headers and request id.
        """
        return await self._client._raw(
            _EXCHANGE_REFRESH_TOKEN,
            _exchange_refresh_token(body=body, refresh_token=refresh_token),
            auth=NoAuth(),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def trigger_ci_run(
        self,
        *,
        name: str,
        tests: list[CiTest],
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]: ...

    @overload
    async def trigger_ci_run(
        self,
        *,
        body: CiRunRequest,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]: ...

    async def trigger_ci_run(
        self,
        *,
        body: CiRunRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        variable_group_id: int | NotGiven | None = NOT_GIVEN,
        tests: list[CiTest] | NotGiven = NOT_GIVEN,
        options: RunOptions | NotGiven = NOT_GIVEN,
        run_origin: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiRunResponse]:
        """Like `trigger_ci_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _TRIGGER_CI_RUN,
            _trigger_ci_run(
                body=body,
                name=name,
                variable_group_id=variable_group_id,
                tests=tests,
                options=options,
                run_origin=run_origin,
            ),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_ci_result(
        self,
        *,
        result_id: int,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[CiResult]:
        """Like `get_ci_result`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_CI_RESULT,
            _get_ci_result(result_id=result_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
