"""Clients of the Kapptivate CI API.

Run Kapptivate tests from a CI/CD pipeline and read back their results.

Authentication takes two steps. The API key is a refresh token: trade it for a short-lived JWT
(valid for 2 minutes by default) with `exchangeRefreshToken`, then send `Authorization: JWT <token>`
on every other call. Trigger a run with `triggerCiRun` and read its outcome from `getCiResult` (the
trigger's `result_uri`).

The vendor documents no error bodies; the error shapes in this spec are inferred.
"""

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
    "AsyncKapptivateClient",
    "BucketedVariable",
    "CiResult",
    "CiRunRequest",
    "CiRunRequestRunOrigin",
    "CiRunResponse",
    "CiTest",
    "Error",
    "InputVariableValue",
    "KapptivateClient",
    "RefreshTokenRequest",
    "ResultStatus",
    "RunOptions",
    "RunResult",
    "RunTiming",
    "TokenResponse",
]
