"""Clients of the Doksi CI API.

Doksi's CI/CD integration API. A pipeline starts a run from a matrix of entries (each one pairs a
destination, such as a web URL or an Android build, with a set of tests and authentication
settings), then polls the run until it passes or fails. Android builds produced in CI can be
uploaded once and registered as reusable targets. The spec version is ours; the vendor does not
version this API.
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

from .client import AsyncDoksiClient, DoksiClient
from .models import (
    AuthenticationArtifact,
    AuthenticationArtifactGenerated,
    AuthenticationArtifactNone,
    AuthenticationArtifactSpecific,
    CreateRunRequest,
    CreateTargetRequest,
    CreateUploadRequest,
    Destination,
    DestinationPlatform,
    Error,
    MatrixEntry,
    Platform,
    QuotaError,
    Run,
    RunCreated,
    RunCreatedResult,
    RunResult,
    RunStatus,
    Target,
    Upload,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDoksiClient",
    "AuthenticationArtifact",
    "AuthenticationArtifactGenerated",
    "AuthenticationArtifactNone",
    "AuthenticationArtifactSpecific",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "CreateRunRequest",
    "CreateTargetRequest",
    "CreateUploadRequest",
    "Destination",
    "DestinationPlatform",
    "DoksiClient",
    "Error",
    "InternalServerError",
    "MatrixEntry",
    "NotFoundError",
    "PermissionDeniedError",
    "Platform",
    "PollTimeoutError",
    "QuotaError",
    "RateLimitError",
    "RawResponse",
    "Run",
    "RunCreated",
    "RunCreatedResult",
    "RunFailedError",
    "RunResult",
    "RunStatus",
    "Target",
    "TokenExchangeError",
    "UnprocessableEntityError",
    "Upload",
]
