"""Clients of the Qualigate CI API.

Qualigate runs browser end-to-end tests. This API starts runs of a test case, a test suite or a
whole project, reports the status of a run while it executes, returns aggregated results for CI
reports, and reads a project's CI/CD configuration. All endpoints are served over HTTPS under
/api/v1 and authenticate with an account API key.
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

from .client import AsyncQualigateClient, QualigateClient
from .models import (
    AggregatedResults,
    CiConfig,
    CiContext,
    Error,
    ProjectCiConfig,
    ProjectTriggerResponse,
    RateLimitErrorModel,
    RunStatus,
    RunStatusResponse,
    SuiteRunStatus,
    SuiteTriggerResponse,
    TestCaseTriggerResponse,
    TestRunResult,
    TestRunStatus,
    TriggerRequest,
    TriggerRequestViewportPreset,
    TriggerResponse,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AggregatedResults",
    "AsyncQualigateClient",
    "AuthenticationError",
    "BadRequestError",
    "CiConfig",
    "CiContext",
    "ConflictError",
    "Error",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "PollTimeoutError",
    "ProjectCiConfig",
    "ProjectTriggerResponse",
    "QualigateClient",
    "RateLimitError",
    "RateLimitErrorModel",
    "RawResponse",
    "RunFailedError",
    "RunStatus",
    "RunStatusResponse",
    "SuiteRunStatus",
    "SuiteTriggerResponse",
    "TestCaseTriggerResponse",
    "TestRunResult",
    "TestRunStatus",
    "TokenExchangeError",
    "TriggerRequest",
    "TriggerRequestViewportPreset",
    "TriggerResponse",
    "UnprocessableEntityError",
]
