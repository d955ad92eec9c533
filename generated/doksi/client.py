"""Clients of the Doksi CI API.

Doksi's CI/CD integration API. A pipeline starts a run from a matrix of entries (each one pairs a
destination, such as a web URL or an Android build, with a set of tests and authentication
settings), then polls the run until it passes or fails. Android builds produced in CI can be
uploaded once and registered as reusable targets. The spec version is ours; the vendor does not
version this API.
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
    HeaderAuth,
    MissingCredentialsError,
    NotGiven,
    PollSpec,
    RawResponse,
    SyncAPIClient,
    async_wait,
    link_value,
    path_param,
    require,
    server_url,
    to_json,
    wait,
)

from .models import (
    CreateRunRequest,
    CreateTargetRequest,
    CreateUploadRequest,
    Error,
    MatrixEntry,
    QuotaError,
    Run,
    RunCreated,
    Target,
    Upload,
)

__all__ = ["AsyncDoksiClient", "DoksiClient"]

_CREATE_RUN: Endpoint[RunCreated] = Endpoint(
    "POST",
    "/runs",
    RunCreated,
    errors={
        "400": Error,
        "401": Error,
        "402": QuotaError,
        "500": Error,
    },
)
_GET_RUN: Endpoint[Run] = Endpoint(
    "GET",
    "/runs/{run_id}",
    Run,
    errors={
        "401": Error,
        "404": Error,
        "500": Error,
    },
)
_CREATE_UPLOAD: Endpoint[Upload] = Endpoint(
    "POST",
    "/uploads",
    Upload,
    errors={
        "400": Error,
        "401": Error,
        "500": Error,
    },
)
_CREATE_TARGET: Endpoint[Target] = Endpoint(
    "POST",
    "/targets",
    Target,
    errors={
        "400": Error,
        "401": Error,
        "404": Error,
        "500": Error,
    },
)
_GET_RUN_POLLING = PollSpec(
    status_pointer="/status",
    pending=("queued", "running"),
    success=("passed",),
    failure=("failed",),
    interval=10.0,
    deadline=3600.0,
)


def _base_url(base_url: str | httpx.URL | None) -> str:
    """The explicit URL, else `DOKSI_BASE_URL`, else the spec's server."""
    return server_url(
        "https://api.doksi.ai/external/integration/cicd",
        (),
        {},
        base_url=base_url,
        env="DOKSI_BASE_URL",
    )


def _auth(api_key: str | None, url: str) -> httpx.Auth:
    api_key = api_key if api_key is not None else os.environ.get("DOKSI_API_KEY")
    if not api_key:
        raise MissingCredentialsError("pass api_key or set DOKSI_API_KEY")
    return HeaderAuth("Authorization", api_key, "Bearer")


def _create_run(
    *,
    body: CreateRunRequest | NotGiven = NOT_GIVEN,
    matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if matrix is not NOT_GIVEN:
        payload["matrix"] = matrix
    require(payload, ["matrix"])
    return Call(
        json=payload,
    )


def _get_run(
    *,
    run_id: str,
) -> Call:
    return Call(
        path={
            "run_id": path_param("run_id", run_id, style="simple", explode=False),
        },
    )


def _create_upload(
    *,
    body: CreateUploadRequest | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if name is not NOT_GIVEN:
        payload["name"] = name
    return Call(
        json=payload if payload or body is not NOT_GIVEN else NOT_GIVEN,
    )


def _create_target(
    *,
    body: CreateTargetRequest | NotGiven = NOT_GIVEN,
    upload_id: str | NotGiven = NOT_GIVEN,
    name: str | NotGiven = NOT_GIVEN,
    version: str | NotGiven = NOT_GIVEN,
) -> Call:
    payload: dict[str, Any] = to_json(body) if body is not NOT_GIVEN else {}
    if upload_id is not NOT_GIVEN:
        payload["upload_id"] = upload_id
    if name is not NOT_GIVEN:
        payload["name"] = name
    if version is not NOT_GIVEN:
        payload["version"] = version
    require(payload, ["upload_id"])
    return Call(
        json=payload,
    )


class DoksiClient(SyncAPIClient):
    """Synchronous client of the Doksi CI API."""

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
    def with_raw_response(self) -> DoksiClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return DoksiClientWithRawResponse(self)

    @overload
    def create_run(
        self,
        *,
        matrix: list[MatrixEntry],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated: ...

    @overload
    def create_run(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated: ...

    def create_run(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated:
        """Create a run.

        Starts a run from a matrix. Each entry names a platform, exactly one destination (`web_url`,
        `binary_url` or `target_id`), exactly one test selection (`test_ids`, or `category_ids` to
        run every non-hidden test of those categories) and optional authentication artifacts. The
        same test may appear in several entries to fan out across platforms or authentication
        strategies. The call returns at once with a `run_id` and one result per scheduled test; poll
        `getRun` until the run finishes. That the destinations and the test selections are mutually
        exclusive is our inference from the examples; the vendor implies it but does not state it.
        Status codes inferred; the vendor's reference does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            matrix: Entries to run; each pairs a destination with a set of tests and authentication
                settings.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_run(
        self,
        *,
        run_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Retrieve a run.

        Returns the current state of a run and the details of each of its results. The top-level
        `status` rolls up every result and is meant for build gating: poll until it is `passed` or
        `failed`; any other value means the run is still in progress. The vendor recommends no poll
        interval or deadline; the 10 s interval and 1 h timeout in `x-polling` are our choice.
        Status codes inferred; the vendor's reference does not show them.

        Args:
            run_id: Identifier of the run, as returned by `createRun`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _GET_RUN,
            _get_run(run_id=run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_upload(
        self,
        *,
        body: CreateUploadRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Upload:
        """Create a presigned upload URL.

        First step of registering an Android build. Returns an `upload_id` and a presigned
        `upload_url`. Next, send the build with `PUT <upload_url>`, header `Content-Type:
        application/zip` and the zip bytes as the body; that request goes straight to storage, not
        to this API, and carries no Authorization header. The URL is valid for one hour. The zip
        holds either a single `.apk` or split APKs (`base.apk` plus `split_config.*.apk`); the
        manifest is read from `base.apk` when present. Then call `createTarget` with the
        `upload_id`. Status codes inferred; the vendor's reference does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Label for the upload.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_UPLOAD,
            _create_upload(body=body, name=name),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_target(
        self,
        *,
        upload_id: str,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target: ...

    @overload
    def create_target(
        self,
        *,
        body: CreateTargetRequest,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target: ...

    def create_target(
        self,
        *,
        body: CreateTargetRequest | NotGiven = NOT_GIVEN,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target:
        """Register an upload as a target.

        Parses the uploaded build's manifest and registers it as a target. The returned `target_id`
        can be referenced by any number of runs (matrix entries with `platform: android`). Only
        `target_id` is documented in the response; the other fields are our inference. The 404 for
        an unknown upload id is also our inference. Status codes inferred; the vendor's reference
        does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            upload_id: Upload whose zip was PUT to its `upload_url`.
            name: Display name of the target.
            version: Version label of the build.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return self._call(
            _CREATE_TARGET,
            _create_target(body=body, upload_id=upload_id, name=name, version=version),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def wait_for_run(
        self,
        *,
        run_id: str,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> Run:
        """Read get_run until the run ends, and return its final state. Every 10 s by default (or as
        the server asks), for at most 3600 s by default. States the spec does not list count as
        pending; a transient error on one read does not end the wait.

        Args:
            run_id: Identifier of the run, as returned by `createRun`.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run(run_id=run_id)
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
    def create_run_and_wait(
        self,
        *,
        matrix: list[MatrixEntry],
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    @overload
    def create_run_and_wait(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    def create_run_and_wait(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Create a run. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            matrix: Entries to run; each pairs a destination with a set of tests and authentication
                settings.
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
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return self.wait_for_run(
            run_id=link_value(started, "/run_id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )


class AsyncDoksiClient(AsyncAPIClient):
    """Asynchronous client of the Doksi CI API."""

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
    def with_raw_response(self) -> AsyncDoksiClientWithRawResponse:
        """The same operations, each returning a RawResponse: the parsed body with status, headers and request id."""
        return AsyncDoksiClientWithRawResponse(self)

    @overload
    async def create_run(
        self,
        *,
        matrix: list[MatrixEntry],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated: ...

    @overload
    async def create_run(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated: ...

    async def create_run(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RunCreated:
        """Create a run.

        Starts a run from a matrix. Each entry names a platform, exactly one destination (`web_url`,
        `binary_url` or `target_id`), exactly one test selection (`test_ids`, or `category_ids` to
        run every non-hidden test of those categories) and optional authentication artifacts. The
        same test may appear in several entries to fan out across platforms or authentication
        strategies. The call returns at once with a `run_id` and one result per scheduled test; poll
        `getRun` until the run finishes. That the destinations and the test selections are mutually
        exclusive is our inference from the examples; the vendor implies it but does not state it.
        Status codes inferred; the vendor's reference does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            matrix: Entries to run; each pairs a destination with a set of tests and authentication
                settings.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_run(
        self,
        *,
        run_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Retrieve a run.

        Returns the current state of a run and the details of each of its results. The top-level
        `status` rolls up every result and is meant for build gating: poll until it is `passed` or
        `failed`; any other value means the run is still in progress. The vendor recommends no poll
        interval or deadline; the 10 s interval and 1 h timeout in `x-polling` are our choice.
        Status codes inferred; the vendor's reference does not show them.

        Args:
            run_id: Identifier of the run, as returned by `createRun`.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _GET_RUN,
            _get_run(run_id=run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_upload(
        self,
        *,
        body: CreateUploadRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Upload:
        """Create a presigned upload URL.

        First step of registering an Android build. Returns an `upload_id` and a presigned
        `upload_url`. Next, send the build with `PUT <upload_url>`, header `Content-Type:
        application/zip` and the zip bytes as the body; that request goes straight to storage, not
        to this API, and carries no Authorization header. The URL is valid for one hour. The zip
        holds either a single `.apk` or split APKs (`base.apk` plus `split_config.*.apk`); the
        manifest is read from `base.apk` when present. Then call `createTarget` with the
        `upload_id`. Status codes inferred; the vendor's reference does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            name: Label for the upload.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_UPLOAD,
            _create_upload(body=body, name=name),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_target(
        self,
        *,
        upload_id: str,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target: ...

    @overload
    async def create_target(
        self,
        *,
        body: CreateTargetRequest,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target: ...

    async def create_target(
        self,
        *,
        body: CreateTargetRequest | NotGiven = NOT_GIVEN,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Target:
        """Register an upload as a target.

        Parses the uploaded build's manifest and registers it as a target. The returned `target_id`
        can be referenced by any number of runs (matrix entries with `platform: android`). Only
        `target_id` is documented in the response; the other fields are our inference. The 404 for
        an unknown upload id is also our inference. Status codes inferred; the vendor's reference
        does not show them.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            upload_id: Upload whose zip was PUT to its `upload_url`.
            name: Display name of the target.
            version: Version label of the build.
            extra_headers: Headers to send with this request, beside the client's.
            timeout: HTTP timeout of this request, in seconds or as an httpx.Timeout; the client's
                by default.
            max_retries: Retries allowed for this request; the client's by default.
        """
        return await self._call(
            _CREATE_TARGET,
            _create_target(body=body, upload_id=upload_id, name=name, version=version),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def wait_for_run(
        self,
        *,
        run_id: str,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
    ) -> Run:
        """Read get_run until the run ends, and return its final state. Every 10 s by default (or as
        the server asks), for at most 3600 s by default. States the spec does not list count as
        pending; a transient error on one read does not end the wait.

        Args:
            run_id: Identifier of the run, as returned by `createRun`.
            deadline: Seconds to wait for the run to end, on the monotonic clock; the vendor's
                recommended deadline by default.
            poll_interval: Seconds between reads when the server gives no hint.
            on_update: Called with every state read.
            raise_on_failure: Raise RunFailedError when the run ends in a failure state.
            timeout: HTTP timeout of each status read; the client's by default.

        Raises:
            PollTimeoutError: The run was still pending at the deadline.
        """
        call = _get_run(run_id=run_id)
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
    async def create_run_and_wait(
        self,
        *,
        matrix: list[MatrixEntry],
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    @overload
    async def create_run_and_wait(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run: ...

    async def create_run_and_wait(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        deadline: float | None = None,
        poll_interval: float | None = None,
        on_update: Callable[[Run], None] | None = None,
        raise_on_failure: bool = False,
        timeout: float | httpx.Timeout | None = None,
        extra_headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> Run:
        """Create a run. Then wait for the run through wait_for_run.

        Args:
            body: The whole request body; fields given as keyword arguments override its values.
            matrix: Entries to run; each pairs a destination with a set of tests and authentication
                settings.
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
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return await self.wait_for_run(
            run_id=link_value(started, "/run_id"),
            deadline=deadline,
            poll_interval=poll_interval,
            on_update=on_update,
            raise_on_failure=raise_on_failure,
            timeout=timeout,
        )


class DoksiClientWithRawResponse:
    """`DoksiClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: DoksiClient) -> None:
        self._client = client

    @overload
    def create_run(
        self,
        *,
        matrix: list[MatrixEntry],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]: ...

    @overload
    def create_run(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]: ...

    def create_run(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]:
        """Like `create_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_run(
        self,
        *,
        run_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Run]:
        """Like `get_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _GET_RUN,
            _get_run(run_id=run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_upload(
        self,
        *,
        body: CreateUploadRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Upload]:
        """Like `create_upload`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _CREATE_UPLOAD,
            _create_upload(body=body, name=name),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def create_target(
        self,
        *,
        upload_id: str,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]: ...

    @overload
    def create_target(
        self,
        *,
        body: CreateTargetRequest,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]: ...

    def create_target(
        self,
        *,
        body: CreateTargetRequest | NotGiven = NOT_GIVEN,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]:
        """Like `create_target`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return self._client._raw(
            _CREATE_TARGET,
            _create_target(body=body, upload_id=upload_id, name=name, version=version),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncDoksiClientWithRawResponse:
    """`AsyncDoksiClient.with_raw_response`: each operation returns the parsed body with its HTTP response."""

    def __init__(self, client: AsyncDoksiClient) -> None:
        self._client = client

    @overload
    async def create_run(
        self,
        *,
        matrix: list[MatrixEntry],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]: ...

    @overload
    async def create_run(
        self,
        *,
        body: CreateRunRequest,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]: ...

    async def create_run(
        self,
        *,
        body: CreateRunRequest | NotGiven = NOT_GIVEN,
        matrix: list[MatrixEntry] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[RunCreated]:
        """Like `create_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _CREATE_RUN,
            _create_run(body=body, matrix=matrix),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_run(
        self,
        *,
        run_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Run]:
        """Like `get_run`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _GET_RUN,
            _get_run(run_id=run_id),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_upload(
        self,
        *,
        body: CreateUploadRequest | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Upload]:
        """Like `create_upload`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _CREATE_UPLOAD,
            _create_upload(body=body, name=name),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    async def create_target(
        self,
        *,
        upload_id: str,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]: ...

    @overload
    async def create_target(
        self,
        *,
        body: CreateTargetRequest,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]: ...

    async def create_target(
        self,
        *,
        body: CreateTargetRequest | NotGiven = NOT_GIVEN,
        upload_id: str | NotGiven = NOT_GIVEN,
        name: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Target]:
        """Like `create_target`, returning a RawResponse: the parsed body with the status, headers and
        request id.
        """
        return await self._client._raw(
            _CREATE_TARGET,
            _create_target(body=body, upload_id=upload_id, name=name, version=version),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
