"""Clients of the Kapptivate CI API.

Run Kapptivate tests from a CI/CD pipeline and read back their results.

Authentication takes two steps. The API key is a refresh token: trade it for a short-lived JWT
(valid for 2 minutes by default) with `exchangeRefreshToken`, then send `Authorization: JWT <token>`
on every other call. Trigger a run with `triggerCiRun` and read its outcome from `getCiResult` (the
trigger's `result_uri`).

The vendor documents no error bodies; the error shapes in this spec are inferred.
"""

from generator.runtime import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PollTimeoutError,
    RateLimitError,
    RawResponse,
    RunFailedError,
    TokenExchangeError,
    UnprocessableEntityError,
)

from .client import AsyncKapptivateClient, KapptivateClient
from .models import (
    BucketedVariable,
    CiResult,
    CiRunRequest,
    CiRunRequestRunOrigin,
    CiRunResponse,
    CiTest,
    Error,
    InputVariableValue,
    RefreshTokenRequest,
    ResultStatus,
    RunOptions,
    RunResult,
    RunTiming,
    TokenResponse,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncKapptivateClient",
    "AuthenticationError",
    "BadRequestError",
    "BucketedVariable",
    "CiResult",
    "CiRunRequest",
    "CiRunRequestRunOrigin",
    "CiRunResponse",
    "CiTest",
    "ConflictError",
    "Error",
    "InputVariableValue",
    "InternalServerError",
    "KapptivateClient",
    "NotFoundError",
    "PermissionDeniedError",
    "PollTimeoutError",
    "RateLimitError",
    "RawResponse",
    "RefreshTokenRequest",
    "ResultStatus",
    "RunFailedError",
    "RunOptions",
    "RunResult",
    "RunTiming",
    "TokenExchangeError",
    "TokenResponse",
    "UnprocessableEntityError",
]
