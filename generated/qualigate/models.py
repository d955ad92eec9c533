"""Models of the Qualigate CI API, generated from its OpenAPI document."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from generator.runtime.open_enums import StrEnum


class CiConfig(BaseModel):
    """CI/CD integration settings of a project."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    provider: str | None = None
    """CI provider, e.g. github-actions."""
    trigger_on: list[str] | None = None
    """CI events that trigger tests, e.g. push and pull_request."""
    branches: list[str] | None = None
    """Branches whose events trigger tests."""
    test_suite_id: UUID | None = None
    """Test suite run by the integration."""


class CiContext(BaseModel):
    """Optional CI/CD metadata shown in the Qualigate dashboard for traceability. Every field is a string."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: str | None = None
    """CI provider or caller name, e.g. github-actions or jenkins."""
    pr_number: str | None = None
    """Pull request number, as a string."""
    pr_url: str | None = None
    """Pull request URL."""
    sha: str | None = None
    """Git commit SHA."""
    branch: str | None = None
    """Git branch name."""
    repository: str | None = None
    """Repository name, e.g. org/repo."""


class Error(BaseModel):
    """The vendor's error body, used for every error status."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: str
    """Error type, e.g. Unauthorized."""
    message: str
    """Human-readable explanation."""


class ProjectCiConfig(BaseModel):
    """A project and its CI/CD configuration."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    project_id: UUID
    """Project id."""
    project_name: str
    """Project name."""
    ci_config: CiConfig


class RateLimitErrorModel(Error):
    """Error body of a 429 response, with the number of seconds to wait."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    retry_after: Annotated[int, Field(ge=0)]
    """Seconds to wait before retrying."""


class RunStatus(StrEnum):
    """
    State of a test run or suite run. pending and running are not terminal; passed, failed, error, timeout and
    canceled are terminal. completed is used by suite runs (and aggregated results) once every test has finished;
    whether it passed is read from `failed_tests`. Open: values not listed here may appear.
    """

    PENDING = "pending"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    TIMEOUT = "timeout"
    CANCELED = "canceled"
    COMPLETED = "completed"


class SuiteRunStatus(BaseModel):
    """
    Aggregated status of a suite run. Timing fields are null or absent until they apply (inferred; the vendor
    shows only a finished run).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Suite run id."""
    status: RunStatus
    started_at: AwareDatetime | None = None
    """When the suite run started."""
    completed_at: AwareDatetime | None = None
    """When the suite run finished."""
    duration_ms: Annotated[int | None, Field(ge=0)] = None
    """Suite run duration in milliseconds."""
    total_tests: Annotated[int | None, Field(ge=0)] = None
    """Number of test runs in the suite run."""
    passed_tests: Annotated[int | None, Field(ge=0)] = None
    """Number of test runs that passed."""
    failed_tests: Annotated[int | None, Field(ge=0)] = None
    """Number of test runs that did not pass; above zero means the suite failed."""


class SuiteTriggerResponse(BaseModel):
    """Response when a test suite was triggered."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    success: bool
    """Whether the runs were queued."""
    suite_run_id: UUID
    """Id of the suite run that groups the queued test runs."""
    test_count: Annotated[int, Field(ge=0)]
    """Number of test runs queued."""
    status: RunStatus
    message: str
    """Human-readable confirmation."""


class TestCaseTriggerResponse(BaseModel):
    """Response when a single test case was triggered."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    success: bool
    """Whether the runs were queued."""
    test_run_id: UUID
    """Id of the queued test run."""
    status: RunStatus
    message: str
    """Human-readable confirmation."""


class TestRunResult(BaseModel):
    """Result of one test run within aggregated results."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    test_run_id: UUID
    """Test run id."""
    test_case_name: str
    """Name of the test case that ran."""
    status: RunStatus
    duration_ms: Annotated[int | None, Field(ge=0)] = None
    """Run duration in milliseconds (null while unfinished; inferred)."""
    error_message: str | None = None
    """Why the run failed; present only on failed runs."""
    dashboard_url: str
    """Link to the run in the Qualigate dashboard."""


class TestRunStatus(BaseModel):
    """
    Status of a single test run. Timing fields, the error message and the video URL are null or absent until they
    apply (inferred; the vendor shows only a finished run).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Test run id."""
    status: RunStatus
    started_at: AwareDatetime | None = None
    """When the run started."""
    completed_at: AwareDatetime | None = None
    """When the run finished."""
    duration_ms: Annotated[int | None, Field(ge=0)] = None
    """Run duration in milliseconds."""
    steps_completed: Annotated[int | None, Field(ge=0)] = None
    """Number of test steps completed so far."""
    steps_total: Annotated[int | None, Field(ge=0)] = None
    """Total number of test steps."""
    error_message: str | None = None
    """Why the run did not pass; null when it passed."""
    video_url: str | None = None
    """URL of the run's screen recording."""


class TriggerRequestViewportPreset(StrEnum):
    """
    Viewport size preset.
    """

    DESKTOP = "desktop"
    TABLET = "tablet"
    MOBILE = "mobile"


class TriggerRequest(BaseModel):
    """What to run and how. Exactly one of `test_case_id`, `test_suite_id` and `project_id` must be present."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    test_case_id: UUID | None = None
    """Run this single test case."""
    test_suite_id: UUID | None = None
    """Run every test case in this suite."""
    project_id: UUID | None = None
    """Run every test case in this project."""
    browser_type: Annotated[str, Field(alias="browserType")] = "chromium"
    """Browser engine to use. The vendor documents only the default value."""
    viewport_preset: Annotated[TriggerRequestViewportPreset, Field(alias="viewportPreset")] = (
        TriggerRequestViewportPreset.DESKTOP
    )
    """Viewport size preset."""
    viewport_width: Annotated[int | None, Field(alias="viewportWidth", ge=1)] = None
    """Custom viewport width in pixels (the vendor says "number"; whole pixels assumed)."""
    viewport_height: Annotated[int | None, Field(alias="viewportHeight", ge=1)] = None
    """Custom viewport height in pixels (the vendor says "number"; whole pixels assumed)."""
    context: CiContext | None = None


class AggregatedResults(BaseModel):
    """Totals and per-run results for a set of test runs or a suite run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    suite_run_id: UUID | None = None
    """Suite run id; present only when queried by `suite_run_id`."""
    suite_name: str | None = None
    """Suite name; present only when queried by `suite_run_id`."""
    total_tests: Annotated[int, Field(ge=0)]
    """Number of test runs covered."""
    passed_tests: Annotated[int, Field(ge=0)]
    """Number of test runs that passed."""
    failed_tests: Annotated[int, Field(ge=0)]
    """Number of test runs that did not pass."""
    status: RunStatus
    results: list[TestRunResult]
    """One entry per test run."""


class ProjectTriggerResponse(BaseModel):
    """Response when a project was triggered. There is no aggregate run id for a project."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    success: bool
    """Whether the runs were queued."""
    test_run_ids: list[UUID]
    """Ids of the queued test runs, one per test case."""
    test_count: Annotated[int, Field(ge=0)]
    """Number of test runs queued."""
    status: RunStatus
    message: str
    """Human-readable confirmation."""


class RunStatusResponse(RootModel[TestRunStatus | SuiteRunStatus]):
    root: TestRunStatus | SuiteRunStatus
    """Status of a single test run or of a suite run, depending on the query parameter sent."""


class TriggerResponse(RootModel[TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse]):
    root: TestCaseTriggerResponse | SuiteTriggerResponse | ProjectTriggerResponse
    """Response to a trigger; its shape depends on which identifier was sent."""
