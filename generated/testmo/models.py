"""Models of the Testmo CI API, generated from its OpenAPI document."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from generator.runtime.open_enums import IntEnum, StrEnum


class Artifact(BaseModel):
    """An artifact to attach (a file hosted elsewhere, referenced by URL)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Artifact name, usually the file name."""
    note: Annotated[str | None, Field(max_length=80)] = None
    """Short note."""
    url: str
    """Where the artifact can be downloaded."""
    mime_type: str | None = None
    """MIME type of the file, e.g. image/png."""
    size: Annotated[int | None, Field(ge=0)] = None
    """File size in bytes."""


class AutomationRunStatus(IntEnum):
    """
    Run or thread outcome: 2 success, 3 failure, 4 running. Open: other values may appear.
    """

    INTEGER_2 = 2
    INTEGER_3 = 3
    INTEGER_4 = 4


class AutomationRunTest(BaseModel):
    """
    A test result of an automation run. Only repository_case_id is documented by the vendor (automation_case_id is
    seen in client code); the other properties are inferred and every unknown field is allowed.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int, Field(ge=1)]
    """Test id."""
    automation_case_id: int | None = None
    """Automation case the test belongs to."""
    repository_case_id: int | None
    """Linked repository case; null when the automation case is not linked."""
    thread_id: int | None = None
    """Thread the result was submitted in (inferred)."""
    status_id: int | None = None
    """Result status id (inferred)."""
    name: str | None = None
    """Test name (inferred)."""
    folder: str | None = None
    """Folder of the test (inferred)."""
    elapsed: int | None = None
    """Test time in microseconds (inferred)."""
    created_at: AwareDatetime | None = None
    """Creation time (UTC) (inferred)."""


class AutomationSource(BaseModel):
    """An automation source, as included by the automation_sources expand."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int | None, Field(ge=1)] = None
    """Source id."""
    name: str | None = None
    """Source name."""


class CompleteAutomationRun(BaseModel):
    """Options for completing a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    measure_elapsed: bool | None = None
    """When true, set the run time to the time from creation to completion."""


class CompleteAutomationRunThread(BaseModel):
    """Final times for completing a thread."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    elapsed_observed: Annotated[int | None, Field(ge=0)] = None
    """Overall observed time in microseconds."""
    elapsed_computed: Annotated[int | None, Field(ge=0)] = None
    """Overall computed time in microseconds."""


class CreatedId(BaseModel):
    """Id of the created object."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int, Field(ge=1)]
    """Id of the created object."""


class ErrorCollection(BaseModel):
    """
    Testmo's error body: a message and, for parameter problems, messages per parameter. The vendor shows no error
    body example; the example messages here are ours.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: str
    """Human-readable summary of the error."""
    errors: dict[str, list[str]] | None = None
    """Parameter-related errors: parameter or field name mapped to its messages."""


class ExpandedObject(BaseModel):
    """A referenced object included by an expand whose shape is not documented here (configs, milestones, users)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int | None, Field(ge=1)] = None
    """Object id."""
    name: str | None = None
    """Object name."""


class FieldModelType(IntEnum):
    """
    Field type: 1 string, 2 plain text, 3 HTML, 4 console (monospace) text, 5 URL.
    """

    INTEGER_1 = 1
    INTEGER_2 = 2
    INTEGER_3 = 3
    INTEGER_4 = 4
    INTEGER_5 = 5


class FieldModel(BaseModel):
    """A custom field to attach (text, console output, URL...)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: FieldModelType
    """Field type: 1 string, 2 plain text, 3 HTML, 4 console (monospace) text, 5 URL."""
    name: str
    """Field name."""
    value: str | None = None
    """Field value."""
    meta: dict[str, str] | None = None
    """Extra metadata as string key/value pairs."""
    is_highlight: bool | None = None
    """Show the field prominently."""


class GetAutomationRunExpandsItem(StrEnum):
    AUTOMATION_SOURCES = "automation_sources"
    CONFIGS = "configs"
    MILESTONES = "milestones"
    STATUSES = "statuses"
    USERS = "users"


class Link(BaseModel):
    """A link to attach (build page, pull request...)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Link text."""
    note: Annotated[str | None, Field(max_length=80)] = None
    """Short note."""
    url: str
    """Link target."""


class ListAutomationRunTestsOrder(StrEnum):
    ASC = "asc"
    DESC = "desc"


class ListAutomationRunTestsSort(StrEnum):
    AUTOMATION_RUN_TESTS_ID = "automation_run_tests:id"
    AUTOMATION_RUN_TESTS_NAME = "automation_run_tests:name"
    AUTOMATION_RUN_TESTS_STATUS = "automation_run_tests:status"
    AUTOMATION_RUN_TESTS_ELAPSED = "automation_run_tests:elapsed"
    AUTOMATION_RUN_TESTS_CREATED_AT = "automation_run_tests:created_at"


class ListAutomationRunTestsStatusIdItem(IntEnum):
    INTEGER_1 = 1
    INTEGER_2 = 2
    INTEGER_3 = 3
    INTEGER_4 = 4


class ListAutomationRunsExpandsItem(StrEnum):
    AUTOMATION_SOURCES = "automation_sources"
    CONFIGS = "configs"
    MILESTONES = "milestones"
    STATUSES = "statuses"
    USERS = "users"


class ListAutomationRunsOrder(StrEnum):
    ASC = "asc"
    DESC = "desc"


class ListAutomationRunsPerPage(IntEnum):
    INTEGER_15 = 15
    INTEGER_25 = 25
    INTEGER_50 = 50
    INTEGER_100 = 100


class ListAutomationRunsSort(StrEnum):
    AUTOMATION_RUNS_CREATED_AT = "automation_runs:created_at"


class ListAutomationRunsStatusItem(IntEnum):
    INTEGER_2 = 2
    INTEGER_3 = 3
    INTEGER_4 = 4


class RunArtifact(BaseModel):
    """An artifact as returned on a run or thread."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """Artifact name."""
    note: str | None = None
    """Short note."""
    url: str | None = None
    """Download URL."""
    mime_type: str | None = None
    """MIME type."""
    size: int | None = None
    """File size in bytes."""


class RunFieldType(IntEnum):
    """
    Field type: 1 string, 2 plain text, 3 HTML, 4 console text, 5 URL. Open: other values may appear.
    """

    INTEGER_1 = 1
    INTEGER_2 = 2
    INTEGER_3 = 3
    INTEGER_4 = 4
    INTEGER_5 = 5


class RunField(BaseModel):
    """A custom field as returned on a run or thread."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: RunFieldType | None = None
    """Field type: 1 string, 2 plain text, 3 HTML, 4 console text, 5 URL. Open: other values may appear."""
    name: str | None = None
    """Field name."""
    value: str | None = None
    """Field value."""
    meta: dict[str, Any] | None = None
    """Extra metadata."""
    is_highlight: bool | None = None
    """Whether the field is highlighted."""


class RunLink(BaseModel):
    """A link as returned on a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str | None = None
    """Link text."""
    note: str | None = None
    """Short note."""
    url: str | None = None
    """Link target."""


class StatusExpand(BaseModel):
    """A result status, as included by the statuses expand."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int | None, Field(ge=1)] = None
    """Status id."""
    name: str | None = None
    """Display name."""
    system_name: str | None = None
    """Stable system name."""
    color: str | None = None
    """Display colour."""
    is_final: bool | None = None
    """Whether the status is final."""
    is_untested: bool | None = None
    """Whether the status means untested."""
    is_passed: bool | None = None
    """Whether the status counts as passed."""
    is_failed: bool | None = None
    """Whether the status counts as failed."""
    aliases: list[Any] | None = None
    """Aliases accepted for this status."""


class AppendAutomationRun(BaseModel):
    """Artifacts, fields and links to add to a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    artifacts: list[Artifact] | None = None
    """Artifacts to add."""
    fields: list[FieldModel] | None = None
    """Fields to add."""
    links: list[Link] | None = None
    """Links to add."""


class AutomationRunThread(BaseModel):
    """A thread of an automation run (one parallel job or shard)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int, Field(ge=1)]
    """Thread id."""
    index: Annotated[int | None, Field(ge=0)] = None
    """Position of the thread within its run."""
    name: str | None = None
    """Thread name."""
    status: AutomationRunStatus | None = None
    elapsed: int | None = None
    """Thread time in microseconds (unit inferred)."""
    is_completed: bool | None = None
    """Whether the thread has been completed."""
    artifacts: list[RunArtifact] | None = None
    """Artifacts on the thread."""
    fields: list[RunField] | None = None
    """Fields on the thread."""
    created_at: AwareDatetime | None = None
    """Creation time (UTC)."""
    created_by: int | None = None
    """User who created the thread."""
    completed_at: AwareDatetime | None = None
    """Completion time (UTC)."""
    completed_by: int | None = None
    """User who completed the thread."""


class AutomationTest(BaseModel):
    """A test result to submit."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: Annotated[str, Field(pattern="^[a-z0-9]{1,64}$")]
    """
    Identifies the test across runs of the same source: up to 64 lowercase letters and digits (for example a hex
    SHA-256 of the test's full name).
    """
    name: str
    """Test name."""
    status: str
    """
    Status alias, e.g. passed, failed, skipped, error, failure. Aliases are configurable per instance, so the set
    is open.
    """
    folder: str
    """Fully qualified folder, usually the class or type."""
    elapsed: Annotated[int | None, Field(ge=0)] = None
    """Test time in microseconds."""
    file: str | None = None
    """Source file of the test."""
    line: Annotated[int | None, Field(ge=0)] = None
    """Line of the test in its file."""
    assertions: Annotated[int | None, Field(ge=0)] = None
    """Number of assertions."""
    artifacts: list[Artifact] | None = None
    """Artifacts to attach to the result."""
    fields: list[FieldModel] | None = None
    """Fields to attach to the result (errors, output...)."""


class CreateAutomationRun(BaseModel):
    """A new automation run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Run name."""
    source: str
    """Automation source name (e.g. backend, frontend, mobile-iphone); created on first use. Keep it short."""
    config: str | None = None
    """Configuration name; ignored when config_id is given."""
    config_id: Annotated[int | None, Field(ge=1)] = None
    """Configuration id; takes precedence over config."""
    milestone: str | None = None
    """Milestone name; ignored when milestone_id is given."""
    milestone_id: Annotated[int | None, Field(ge=1)] = None
    """Milestone id; takes precedence over milestone."""
    tags: list[str] | None = None
    """Run tags. Without an explicit milestone, milestones whose automation tags match are linked automatically."""
    artifacts: list[Artifact] | None = None
    """Artifacts to attach to the run."""
    fields: list[FieldModel] | None = None
    """Fields to attach to the run."""
    links: list[Link] | None = None
    """Links to attach to the run."""


class CreateAutomationRunThread(BaseModel):
    """A new thread of an automation run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    elapsed_observed: Annotated[int | None, Field(ge=0)] = None
    """Overall observed (measured) time in microseconds."""
    elapsed_computed: Annotated[int | None, Field(ge=0)] = None
    """Overall computed time (from result files) in microseconds."""
    artifacts: list[Artifact] | None = None
    """Artifacts to attach to the thread."""
    fields: list[FieldModel] | None = None
    """Fields to attach to the thread."""


class Expands(BaseModel):
    """Referenced objects requested with the expands parameter, by expand name."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    automation_sources: list[AutomationSource] | None = None
    """Automation sources."""
    configs: list[ExpandedObject] | None = None
    """Configurations."""
    milestones: list[ExpandedObject] | None = None
    """Milestones."""
    statuses: list[StatusExpand] | None = None
    """Result statuses."""
    users: list[ExpandedObject] | None = None
    """Users."""


class AppendAutomationRunThread(BaseModel):
    """Time, artifacts, fields and test results to add to a thread."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    elapsed_observed: Annotated[int | None, Field(ge=0)] = None
    """Partial observed time in microseconds, added to the thread's."""
    elapsed_computed: Annotated[int | None, Field(ge=0)] = None
    """Partial computed time in microseconds, added to the thread's."""
    artifacts: list[Artifact] | None = None
    """Artifacts to add to the thread."""
    fields: list[FieldModel] | None = None
    """Fields to add to the thread."""
    tests: list[AutomationTest] | None = None
    """Test results to add."""


class AutomationRun(BaseModel):
    """
    An automation run. status reflects the results so far; is_completed tells whether the run is closed. List
    responses may omit the heavier arrays (tags, artifacts, fields, links, threads), so they are optional
    (inferred).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[int, Field(ge=1)]
    """Automation run id."""
    project_id: Annotated[int, Field(ge=1)]
    """Project the run belongs to."""
    source_id: int | None = None
    """Automation source (e.g. backend, frontend)."""
    name: str
    """Run name."""
    status: AutomationRunStatus
    config_id: int | None = None
    """Configuration, if any."""
    milestone_id: int | None = None
    """Milestone, if any."""
    elapsed: int | None = None
    """Run time in microseconds (unit inferred)."""
    is_completed: bool
    """True once the run has been completed; the run then accepts no new threads or results."""
    tags: list[str] | None = None
    """Run tags."""
    artifacts: list[RunArtifact] | None = None
    """Artifacts on the run."""
    fields: list[RunField] | None = None
    """Fields on the run."""
    links: list[RunLink] | None = None
    """Links on the run."""
    threads: list[AutomationRunThread] | None = None
    """Threads of the run."""
    untested_count: Annotated[int | None, Field(ge=0)] = None
    """Tests without a result yet."""
    status1_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 1."""
    status2_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 2."""
    status3_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 3."""
    status4_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 4."""
    status5_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 5."""
    status6_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 6."""
    status7_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 7."""
    status8_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 8."""
    status9_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 9."""
    status10_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 10."""
    status11_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 11."""
    status12_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 12."""
    status13_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 13."""
    status14_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 14."""
    status15_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 15."""
    status16_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 16."""
    status17_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 17."""
    status18_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 18."""
    status19_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 19."""
    status20_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 20."""
    status21_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 21."""
    status22_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 22."""
    status23_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 23."""
    status24_count: Annotated[int | None, Field(ge=0)] = None
    """Tests whose result has the instance's configurable status 24."""
    success_count: Annotated[int | None, Field(ge=0)] = None
    """Tests with a success-type status."""
    failure_count: Annotated[int | None, Field(ge=0)] = None
    """Tests with a failure-type status."""
    completed_count: Annotated[int | None, Field(ge=0)] = None
    """Tests with a final result."""
    total_count: Annotated[int | None, Field(ge=0)] = None
    """All tests in the run."""
    thread_count: Annotated[int | None, Field(ge=0)] = None
    """Threads in the run."""
    thread_active_count: Annotated[int | None, Field(ge=0)] = None
    """Threads not yet completed."""
    thread_completed_count: Annotated[int | None, Field(ge=0)] = None
    """Threads completed."""
    created_at: AwareDatetime
    """Creation time (UTC)."""
    created_by: int | None = None
    """User who created the run."""
    updated_at: AwareDatetime | None = None
    """Last update time (UTC)."""
    updated_by: int | None = None
    """User who last updated the run."""
    completed_at: AwareDatetime | None = None
    """Completion time (UTC)."""
    completed_by: int | None = None
    """User who completed the run."""


class AutomationRunPage(BaseModel):
    """One page of automation runs."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    page: Annotated[int, Field(ge=1)]
    """This page's number."""
    prev_page: Annotated[int | None, Field(ge=1)]
    """Previous page number; null on the first page."""
    next_page: Annotated[int | None, Field(ge=1)]
    """Next page number; null on the last page."""
    last_page: Annotated[int, Field(ge=1)]
    """Number of the last page."""
    per_page: Annotated[int, Field(ge=1)]
    """Page size."""
    total: Annotated[int, Field(ge=0)]
    """Total number of items over all pages."""
    result: list[AutomationRun]
    """Automation runs on this page."""
    expands: Expands | None = None


class AutomationRunResponse(BaseModel):
    """A single automation run with its requested expands."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    result: AutomationRun
    expands: Expands | None = None


class AutomationRunTestPage(BaseModel):
    """One page of test results of an automation run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    page: Annotated[int, Field(ge=1)]
    """This page's number."""
    prev_page: Annotated[int | None, Field(ge=1)]
    """Previous page number; null on the first page."""
    next_page: Annotated[int | None, Field(ge=1)]
    """Next page number; null on the last page."""
    last_page: Annotated[int, Field(ge=1)]
    """Number of the last page."""
    per_page: Annotated[int, Field(ge=1)]
    """Page size."""
    total: Annotated[int, Field(ge=0)]
    """Total number of items over all pages."""
    result: list[AutomationRunTest]
    """Test results on this page."""
    expands: Expands | None = None
