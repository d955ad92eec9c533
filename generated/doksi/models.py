"""Models of the Doksi CI API, generated from its OpenAPI document."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from generator.runtime.open_enums import StrEnum


class AuthenticationArtifactGenerated(BaseModel):
    """Provision a fresh account for each session, so every test starts from a clean state."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["authentication"]
    """Artifact kind."""
    strategy: Literal["generated"]
    """A new account per session."""


class AuthenticationArtifactNone(BaseModel):
    """Run unauthenticated (the default when `artifacts` is omitted)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["authentication"]
    """Artifact kind."""
    strategy: Literal["none"]
    """No authentication."""


class AuthenticationArtifactSpecific(BaseModel):
    """Use an account registered in the dashboard under Platform > Accounts."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["authentication"]
    """Artifact kind."""
    strategy: Literal["specific"]
    """A named dashboard account."""
    account_id: str
    """Dashboard account to sign in with; must belong to the caller's company."""


class CreateTargetRequest(BaseModel):
    """Body of `createTarget`."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    upload_id: str
    """Upload whose zip was PUT to its `upload_url`."""
    name: str | None = None
    """Display name of the target."""
    version: str | None = None
    """Version label of the build."""


class CreateUploadRequest(BaseModel):
    """Optional body of `createUpload`."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """Label for the upload."""


class DestinationPlatform(StrEnum):
    """
    Platform a result ran on; open, since the vendor may add platforms.
    """

    WEB = "web"
    ANDROID = "android"


class Error(BaseModel):
    """Error body used by every failing call."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: str
    """Human-readable message."""


class Platform(StrEnum):
    """
    Platform a matrix entry runs on.
    """

    WEB = "web"
    ANDROID = "android"


class QuotaError(BaseModel):
    """Error body when the subscription allowance cannot cover a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: str
    """Human-readable message."""
    requested: int
    """Sessions the run asked for (meaning inferred)."""
    remaining: int
    """Sessions left in the subscription allowance (meaning inferred)."""


class RunCreatedResult(BaseModel):
    """A scheduled test execution of a new run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    result_id: str
    """Identifier of this result."""
    test_id: str
    """Test being executed."""
    url: str
    """Dashboard page of this result."""


class RunStatus(StrEnum):
    """
    State of a run or of one of its results. `passed` and `failed` are final; the vendor says any other value
    means still in progress, so the set stays open.
    """

    QUEUED = "queued"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"


class Target(BaseModel):
    """A registered build that runs reference by `target_id`."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    target_id: str
    """Identifier to use as `target_id` in matrix entries."""
    name: str | None = None
    """Display name (inferred; not documented)."""
    version: str | None = None
    """Version label (inferred; not documented)."""
    platform: str | None = None
    """Platform of the build (inferred; not documented)."""


class Upload(BaseModel):
    """A presigned slot for one build zip."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    upload_id: str
    """Identifier to pass to `createTarget` after the PUT."""
    upload_url: str
    """
    Presigned storage URL, valid for one hour. PUT the zip to it with `Content-Type: application/zip` and no
    Authorization header.
    """
    expires_at: AwareDatetime | None = None
    """When `upload_url` stops working (inferred; not documented)."""


class AuthenticationArtifact(
    RootModel[AuthenticationArtifactNone | AuthenticationArtifactGenerated | AuthenticationArtifactSpecific]
):
    root: Annotated[
        AuthenticationArtifactNone | AuthenticationArtifactGenerated | AuthenticationArtifactSpecific,
        Field(discriminator="strategy"),
    ]
    """How the tests of a matrix entry authenticate, selected by `strategy`."""


class Destination(BaseModel):
    """
    Where a result ran. The vendor shows `platform` and `web_url`; `binary_url` and `target_id` for Android are
    our inference.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    platform: DestinationPlatform
    web_url: str | None = None
    """Web application tested."""
    binary_url: str | None = None
    """APK downloaded for the session (inferred)."""
    target_id: str | None = None
    """Registered target used (inferred)."""


class MatrixEntry(BaseModel):
    """
    One destination, one test selection and its authentication settings. Exactly one of `web_url`, `binary_url`,
    `target_id`, and exactly one of `test_ids`, `category_ids` (mutual exclusivity inferred, not stated by the
    vendor).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    platform: Platform
    web_url: str | None = None
    """URL of the web application to test (web)."""
    binary_url: str | None = None
    """Publicly reachable APK that Doksi downloads when the session starts (android)."""
    target_id: str | None = None
    """Target registered with `createTarget` (android)."""
    test_ids: Annotated[list[str] | None, Field(min_length=1)] = None
    """Tests to run."""
    category_ids: Annotated[list[str] | None, Field(min_length=1)] = None
    """Categories whose non-hidden tests all run; used instead of `test_ids`."""
    artifacts: list[AuthenticationArtifact] | None = None
    """Authentication settings for this entry; when omitted, tests run unauthenticated."""


class RunCreated(BaseModel):
    """A newly created run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    run_id: str
    """Identifier of the run; pass it to `getRun`."""
    results: list[RunCreatedResult]
    """One entry per scheduled test execution."""


class RunResult(BaseModel):
    """One test execution of a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    result_id: str
    """Identifier of this result."""
    test_id: str
    """Test executed."""
    test_name: str
    """Display name of the test."""
    status: RunStatus
    duration_seconds: float
    """Elapsed time of this execution in seconds."""
    url: str
    """Dashboard page of this result."""
    destination: Destination


class CreateRunRequest(BaseModel):
    """Body of `createRun`."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    matrix: Annotated[list[MatrixEntry], Field(min_length=1)]
    """Entries to run; each pairs a destination with a set of tests and authentication settings."""


class Run(BaseModel):
    """A run with its rolled-up status, counters and per-result details."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    run_id: str
    """Identifier of the run."""
    status: RunStatus
    tests_total: int
    """Number of test executions in the run."""
    tests_passed: int
    """Executions that passed."""
    tests_failed: int
    """Executions that failed."""
    tests_running: int
    """Executions still running."""
    duration_seconds: float
    """Elapsed time of the run in seconds (whole numbers in the vendor's examples)."""
    created_at: AwareDatetime
    """When the run was created."""
    updated_at: AwareDatetime
    """When the run last changed."""
    results: list[RunResult]
    """One entry per test execution."""
