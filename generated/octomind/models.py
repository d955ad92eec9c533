"""Models of the Octomind CI API, generated from its OpenAPI document."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from generator.runtime.open_enums import StrEnum


class BasicAuth(BaseModel):
    """HTTP basic-auth credentials."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """User name."""
    password: str | None = None
    """Password."""
    updated_at: Annotated[AwareDatetime | None, Field(alias="updatedAt")] = None
    """When the credentials last changed."""


class BasicAuthInput(BaseModel):
    """HTTP basic-auth credentials."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """User name."""
    password: str | None = None
    """Password."""


class Breakpoint(StrEnum):
    """
    Viewport size class to run the tests in.
    """

    MOBILE = "MOBILE"
    TABLET = "TABLET"
    DESKTOP = "DESKTOP"


class Browser(StrEnum):
    """
    Browser engine to run the tests in.
    """

    CHROMIUM = "CHROMIUM"
    FIREFOX = "FIREFOX"
    SAFARI = "SAFARI"


class EnvironmentType(StrEnum):
    """
    DEFAULT for the environment every test target has; ADDITIONAL for the others.
    """

    DEFAULT = "DEFAULT"
    ADDITIONAL = "ADDITIONAL"


class InitialTrigger(BaseModel):
    """Started automatically when the test target was set up."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["INITIAL"]
    """Trigger kind."""


class NewTestTarget(BaseModel):
    """The test target to create."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    app: str
    """Name of the application or project."""
    discovery_url: Annotated[str, Field(alias="discoveryUrl")]
    """URL from which Octomind discovers the application."""


class PrivateLocationRef(BaseModel):
    """A private location (a worker inside the customer's network)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID | None = None
    """Id of the private location."""
    name: str | None = None
    """Name of the private location."""
    status: str | None = None
    """Connection state of the worker."""
    type: str | None = None
    """Kind of private location."""


class ReportFilterOperator(StrEnum):
    """
    How to compare; only EQUALS is supported.
    """

    EQUALS = "EQUALS"


class ReportFilter(BaseModel):
    """One condition on a report property. Which fields are required is our inference; the vendor marks none."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: str
    """Property to compare, e.g. environmentId."""
    operator: ReportFilterOperator
    """How to compare; only EQUALS is supported."""
    value: UUID
    """Value to compare with."""


class ReportFilterList(RootModel[list[ReportFilter]]):
    """Conditions a report must meet; all must hold."""

    root: list[ReportFilter]
    """Conditions a report must meet; all must hold."""


class ReportPageKey(BaseModel):
    """Keyset cursor; send it back as the `key` query parameter to get the next page."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created_at: Annotated[AwareDatetime, Field(alias="createdAt")]
    """Creation time of the last report on the page."""


class ReportedBreakpoint(StrEnum):
    """
    Viewport size class the tests ran in.
    """

    MOBILE = "MOBILE"
    TABLET = "TABLET"
    DESKTOP = "DESKTOP"


class ReportedBrowser(StrEnum):
    """
    Browser engine the tests ran in.
    """

    CHROMIUM = "CHROMIUM"
    FIREFOX = "FIREFOX"
    SAFARI = "SAFARI"


class TestAccount(BaseModel):
    """Login credentials used by the tests."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """User name."""
    password: str | None = None
    """Password."""
    otp_initializer_key: Annotated[str | None, Field(alias="otpInitializerKey")] = None
    """Seed for one-time passwords, when the login uses two-factor authentication."""
    updated_at: Annotated[AwareDatetime | None, Field(alias="updatedAt")] = None
    """When the credentials last changed."""


class TestAccountInput(BaseModel):
    """Login credentials for the tests."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: str | None = None
    """User name."""
    password: str | None = None
    """Password."""
    otp_initializer_key: Annotated[str | None, Field(alias="otpInitializerKey")] = None
    """Seed for one-time passwords, when the login uses two-factor authentication."""


class TestRailIntegration(BaseModel):
    """Connection to a test-management instance that receives results."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    domain: str | None = None
    """Base URL of the instance."""
    username: str | None = None
    """User name on the instance."""
    project_id: Annotated[str | None, Field(alias="projectId")] = None
    """Project id on the instance."""
    api_key: Annotated[str | None, Field(alias="apiKey")] = None
    """API key for the instance."""


class TestReportStatus(StrEnum):
    """
    WAITING while any result is still running; then PASSED if every result passed, or FAILED if any did not.
    """

    WAITING = "WAITING"
    PASSED = "PASSED"
    FAILED = "FAILED"


class TestResultStatus(StrEnum):
    """
    WAITING while the test runs; PASSED or FAILED when it ran; ERROR when an internal error stopped it.
    """

    WAITING = "WAITING"
    PASSED = "PASSED"
    FAILED = "FAILED"
    ERROR = "ERROR"


class TestTargetUpdateRequest(BaseModel):
    """Changes to a test target; every field is optional."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    app: str | None = None
    """New application or project name."""
    discovery_url: Annotated[str | None, Field(alias="discoveryUrl")] = None
    """New discovery URL."""
    test_id_attribute: Annotated[str | None, Field(alias="testIdAttribute")] = None
    """HTML attribute that carries test ids, e.g. test-automation-id."""
    test_rail_integration: Annotated[TestRailIntegration | None, Field(alias="testRailIntegration")] = None
    """Test-management integration settings, or null to remove them."""
    timeout_per_step: Annotated[int | None, Field(alias="timeoutPerStep", ge=5000, le=30000)] = None
    """Timeout of each test step, in milliseconds."""


class UserTrigger(BaseModel):
    """Started by a user. That `type` is required is our inference (it tells the trigger kinds apart)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["USER"]
    """Trigger kind."""
    user_id: Annotated[str | None, Field(alias="userId")] = None
    """Id of the user (a UUID in reports; free text is accepted in requests)."""


class VariablesToOverwrite(RootModel[dict[str, list[str]]]):
    """Test variables to replace for this run only, by variable name."""

    root: dict[str, list[str]]


class ZodIssue(BaseModel):
    """
    One validation problem. That `code`, `path` and `message` are always present is our inference; the vendor
    marks no field required.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    code: str
    """Kind of problem, e.g. invalid_type."""
    expected: str | None = None
    """Type that was expected."""
    received: str | None = None
    """Type that was received."""
    path: list[str | int]
    """Location of the offending value (property names and array indexes)."""
    message: str
    """Human-readable explanation."""


class ZodResponse(RootModel[list[ZodIssue]]):
    """Body of a 400 response; one entry per validation problem."""

    root: list[ZodIssue]
    """Body of a 400 response; one entry per validation problem."""


class AzureDevOpsExecutionContext(BaseModel):
    """A run started from an Azure DevOps pipeline."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["azureDevOps"]
    """Variant tag."""
    access_token: Annotated[str | None, Field(alias="accessToken")] = None
    """Access token Octomind uses to report back to the pull request."""
    organization: str | None = None
    """Azure DevOps organization."""
    project: str | None = None
    """Azure DevOps project."""
    repository_id: Annotated[str | None, Field(alias="repositoryId")] = None
    """Repository id."""
    sha: str | None = None
    """Commit SHA that was built."""
    ref: str | None = None
    """Git ref that was built."""
    pull_request_id: Annotated[int | None, Field(alias="pullRequestId")] = None
    """Pull request the run belongs to."""
    triggered_by: Annotated[UserTrigger | None, Field(alias="triggeredBy")] = None
    """The user who started the run, if known."""
    thread_id: Annotated[str | None, Field(alias="threadId")] = None
    """Pull-request comment thread to report into."""


class CreateTestTargetRequest(BaseModel):
    """Body for creating a test target."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    test_target: Annotated[NewTestTarget, Field(alias="testTarget")]


class DiscoveryTrigger(RootModel[InitialTrigger | UserTrigger]):
    root: Annotated[InitialTrigger | UserTrigger, Field(discriminator="type")]
    """Who started a discovery or proposal run."""


class EnvironmentCreateRequest(BaseModel):
    """A new environment."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Name of the environment."""
    discovery_url: Annotated[str, Field(alias="discoveryUrl")]
    """Base URL of the application in this environment."""
    test_account: Annotated[TestAccountInput | None, Field(alias="testAccount")] = None
    """Account the tests log in with."""
    basic_auth: Annotated[BasicAuthInput | None, Field(alias="basicAuth")] = None
    """HTTP basic-auth credentials."""
    private_location_name: Annotated[str | None, Field(alias="privateLocationName")] = None
    """Name of the private location to run from."""
    additional_header_fields: Annotated[dict[str, Any] | None, Field(alias="additionalHeaderFields")] = None
    """Extra HTTP headers sent with every request of a run."""


class EnvironmentResponse(BaseModel):
    """
    An environment of a test target. `name` is a free string (e.g. "default", "staging"); the vendor's spec
    restricts it to DEFAULT|ADDITIONAL, which looks like a copy of `type` made by mistake, since executeTests
    selects environments by names such as "default".
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Id of the environment."""
    name: str
    """Name of the environment, as passed to executeTests' `environmentName`."""
    test_target_id: Annotated[UUID, Field(alias="testTargetId")]
    """Id of the test target it belongs to."""
    updated_at: Annotated[AwareDatetime | None, Field(alias="updatedAt")] = None
    """When the environment last changed."""
    type: EnvironmentType
    discovery_url: Annotated[str | None, Field(alias="discoveryUrl")] = None
    """Base URL of the application in this environment."""
    additional_header_fields: Annotated[dict[str, Any] | None, Field(alias="additionalHeaderFields")] = None
    """Extra HTTP headers sent with every request of a run."""
    test_account: Annotated[TestAccount | None, Field(alias="testAccount")] = None
    """Account the tests log in with, if any."""
    basic_auth: Annotated[BasicAuth | None, Field(alias="basicAuth")] = None
    """HTTP basic-auth credentials, if any."""
    private_location: Annotated[PrivateLocationRef | None, Field(alias="privateLocation")] = None
    """
    Private location the tests run from. Null when there is none is our inference; the vendor does not mark it
    nullable.
    """


class EnvironmentSummary(BaseModel):
    """An environment as listed inside a test target."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID | None = None
    """Id of the environment."""
    type: EnvironmentType | None = None
    discovery_url: Annotated[str | None, Field(alias="discoveryUrl")] = None
    """Base URL of the application in this environment."""
    email: str | None = None
    """Mailbox address of the environment, for testing e-mail flows."""


class EnvironmentUpdateRequest(BaseModel):
    """Changes to an environment; every field is optional and may be null."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """New name."""
    discovery_url: Annotated[str | None, Field(alias="discoveryUrl")] = None
    """New base URL."""
    test_account: Annotated[TestAccountInput | None, Field(alias="testAccount")] = None
    """New test account, or null to remove it."""
    basic_auth: Annotated[BasicAuthInput | None, Field(alias="basicAuth")] = None
    """New basic-auth credentials, or null to remove them."""
    private_location_name: Annotated[str | None, Field(alias="privateLocationName")] = None
    """Name of the private location to run from."""
    additional_header_fields: Annotated[dict[str, Any] | None, Field(alias="additionalHeaderFields")] = None
    """Extra HTTP headers sent with every request of a run."""


class GithubExecutionContext(BaseModel):
    """A run started from a GitHub workflow."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["github"]
    """Variant tag."""
    issue_number: Annotated[int | None, Field(alias="issueNumber")] = None
    """Pull request (issue) number the run belongs to."""
    ref: str | None = None
    """Git ref that was built, e.g. refs/heads/main."""
    sha: str | None = None
    """Commit SHA that was built."""
    repo: str | None = None
    """Repository name."""
    owner: str | None = None
    """Repository owner."""
    triggered_by: Annotated[UserTrigger | None, Field(alias="triggeredBy")] = None
    """The user who started the run, if known."""
    node_id: Annotated[str | None, Field(alias="nodeId")] = None
    """GitHub node id of the triggering object."""


class ManualExecutionContext(BaseModel):
    """A run started by hand (app, CLI or direct API call)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["manual"]
    """Variant tag."""
    description: str | None = None
    """Free-text description of the run."""
    triggered_by: Annotated[UserTrigger | None, Field(alias="triggeredBy")] = None


class ProposalExecutionContext(BaseModel):
    """A run started to validate proposed test cases."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["proposal"]
    """Variant tag."""
    description: str | None = None
    """Free-text description of the run."""
    triggered_by: Annotated[DiscoveryTrigger | None, Field(alias="triggeredBy")] = None


class ScheduledExecutionContext(BaseModel):
    """A run started by a schedule."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["scheduled"]
    """Variant tag."""
    triggered_by: Annotated[UserTrigger | None, Field(alias="triggeredBy")] = None
    """The user who set up the schedule, if recorded."""


class TestResult(BaseModel):
    """
    The outcome of one test case in a report. v2 identifies the test case by `testCaseId`, v3 by
    `testCaseVersionId`; both are optional here. Only `id` and `status` are marked required (our choice; the
    vendor marks none).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Id of the test result."""
    test_target_id: Annotated[UUID | None, Field(alias="testTargetId")] = None
    """Id of the test target."""
    test_report_id: Annotated[UUID | None, Field(alias="testReportId")] = None
    """Id of the report this result belongs to. Seen in the vendor's examples but not declared in its schema."""
    test_case_id: Annotated[UUID | None, Field(alias="testCaseId")] = None
    """Id of the test case that ran (v2)."""
    test_case_version_id: Annotated[UUID | None, Field(alias="testCaseVersionId")] = None
    """Id of the test case version that ran (v3)."""
    name: str | None = None
    """Name of the test case. Seen in the vendor's examples but not declared in its schema."""
    created_at: Annotated[AwareDatetime | None, Field(alias="createdAt")] = None
    """When the result was created."""
    updated_at: Annotated[AwareDatetime | None, Field(alias="updatedAt")] = None
    """When the result last changed."""
    status: TestResultStatus
    error_message: Annotated[str | None, Field(alias="errorMessage")] = None
    """What went wrong; set only when the status is FAILED or ERROR."""
    trace_url: Annotated[str | None, Field(alias="traceUrl")] = None
    """Download link of the browser trace of the run; set only once the result is PASSED or FAILED."""
    breakpoint: ReportedBreakpoint | None = None
    browser: ReportedBrowser | None = None


class TestTargetResponse(BaseModel):
    """A test target (an application under test)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Id of the test target."""
    app: str
    """Name of the application or project."""
    tags: list[str | None] | None = None
    """Tags defined for the test target's test cases."""
    environments: list[EnvironmentSummary] | None = None
    """The test target's environments, in short form."""


class DiscoveryExecutionContext(BaseModel):
    """A run started by a test discovery."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Literal["discovery"]
    """Variant tag."""
    description: str | None = None
    """Free-text description of the run."""
    triggered_by: Annotated[DiscoveryTrigger | None, Field(alias="triggeredBy")] = None


class ExecutionContext(
    RootModel[
        GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext
    ]
):
    root: Annotated[
        GithubExecutionContext
        | AzureDevOpsExecutionContext
        | DiscoveryExecutionContext
        | ManualExecutionContext
        | ScheduledExecutionContext
        | ProposalExecutionContext,
        Field(discriminator="source"),
    ]
    """
    Where a run was started from; the `source` field selects the variant. Only `source` is required; Octomind
    marks no other field of any variant required.
    """


class TestReport(BaseModel):
    """
    The outcome of one run of a test target's tests. Required fields follow the vendor's v3 spec, which marks
    them; v2 marks none.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: UUID
    """Id of the test report."""
    test_target_id: Annotated[UUID, Field(alias="testTargetId")]
    """Id of the test target that was run."""
    created_at: Annotated[AwareDatetime, Field(alias="createdAt")]
    """When the report was created."""
    updated_at: Annotated[AwareDatetime, Field(alias="updatedAt")]
    """When the report last changed."""
    execution_url: Annotated[str, Field(alias="executionUrl")]
    """URL the tests ran against."""
    status: TestReportStatus
    context: ExecutionContext
    breakpoint: ReportedBreakpoint | None = None
    browser: ReportedBrowser | None = None
    test_results: Annotated[list[TestResult] | None, Field(alias="testResults")] = None
    """One result per test case run."""


class TestReportPage(BaseModel):
    """One page of a test target's report history."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[TestReport]
    """Reports on this page, newest first."""
    key: ReportPageKey | None = None
    has_next_page: Annotated[bool, Field(alias="hasNextPage")]
    """Whether another page follows."""


class TestTargetExecutionRequest(BaseModel):
    """What to run, where, and why."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    test_target_id: Annotated[UUID, Field(alias="testTargetId")]
    """Id of the test target whose tests run."""
    url: str
    """URL of the deployment to test in this run."""
    context: ExecutionContext
    environment_name: Annotated[str, Field(alias="environmentName")] = "default"
    """Name of the environment to run in."""
    variables_to_overwrite: Annotated[VariablesToOverwrite | None, Field(alias="variablesToOverwrite")] = None
    tags: list[str] = []
    """Run only the test cases carrying these tags; empty runs all."""
    breakpoint: Breakpoint | None = Breakpoint.DESKTOP
    browser: Browser | None = Browser.CHROMIUM


class TestExecutionResponse(BaseModel):
    """The run that was started."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    test_report_url: Annotated[str, Field(alias="testReportUrl")]
    """Link to the report in the Octomind app."""
    test_report: Annotated[TestReport, Field(alias="testReport")]
