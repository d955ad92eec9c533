"""Models of the Kapptivate CI API, generated from its OpenAPI document."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from generator.runtime.open_enums import IntEnum, StrEnum


class BucketedVariable(BaseModel):
    """A variable value together with the bucket (scope) it belongs to."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: str
    """The variable's value."""
    bucket: Any | None = None
    """The bucket the value belongs to (for example `global`); its type is not documented."""


class CiRunRequestRunOrigin(IntEnum):
    """
    How the run was assembled: 1 from test ids, 2 from a saved tests campaign. Optional; seen in the vendor CLI's
    campaign files.
    """

    INTEGER_1 = 1
    INTEGER_2 = 2


class Error(BaseModel):
    """
    Error body (inferred: the vendor documents none; this is the shape its backend appears to use). Validation
    errors on a 400 may instead map field names to lists of messages.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    detail: str | None = None
    """Human-readable error message."""


class InputVariableValue(RootModel[str | BucketedVariable]):
    root: str | BucketedVariable
    """A variable's value, either plain or as a value/bucket pair."""


class RefreshTokenRequest(BaseModel):
    """Body of the token exchange."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    refresh_token: str
    """The API key (refresh token) created in the Kapptivate UI."""


class ResultStatus(StrEnum):
    """
    Status of a run. The vendor documents `success` and `failure` and says more exist; the other values are the
    statuses its UI shows. Unknown values must be accepted.
    """

    SUCCESS = "success"
    FAILURE = "failure"
    FAILED = "failed"
    WARNING = "warning"
    PENDING = "pending"
    ONGOING = "ongoing"
    CANCELED = "canceled"
    BLOCKED = "blocked"
    SCHEDULED = "scheduled"
    TIMED_OUT = "timed out"


class RunOptions(BaseModel):
    """Advanced run options; send `{}` for none. Keys other than these may exist."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    ignore_failed: Any | None = None
    """
    Action codes whose failures are ignored (the vendor CLI fills in every action code); the exact type is not
    documented.
    """
    parallel_test_execution: int | None = None
    """Set to -1 to run the tests in parallel (restricted to superadmins and ethernet-only tests)."""


class RunTiming(BaseModel):
    """When the run started and ended (timestamps may carry nanoseconds)."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    start: AwareDatetime | None = None
    """Start of the run."""
    end: AwareDatetime | None = None
    """End of the run; absent while it is still going."""
    duration: float | None = None
    """Duration of the run in seconds."""


class TokenResponse(BaseModel):
    """Result of the token exchange; may carry more fields than documented."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    token: str
    """The JWT, valid for 2 minutes by default."""


class CiRunResponse(BaseModel):
    """
    Answer to a run trigger. May embed detailed per-step results (screenshot URLs, step timings) in an
    undocumented shape.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: ResultStatus
    result_uri: str
    """Path (relative to the host) of the run's result."""
    result_id: int
    """Id of the run's result, for `getCiResult`."""


class CiTest(BaseModel):
    """One test to run and where to run it."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int
    """Test id, from the test's edit URL in the UI (`.../testing/test/edit/{id}`)."""
    input_variables: dict[str, InputVariableValue] | None = None
    """Values for the test's input variables, keyed by their exact names."""
    direct_owners: dict[str, str] | None = None
    """
    The devices the test runs on: owner label to resource identifier (a SIM's national MSISDN, a web agent's
    hostname, a smartphone's UUID).
    """
    options: RunOptions | None = None


class RunResult(BaseModel):
    """Status, timing and counts of a run."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: ResultStatus
    timing: RunTiming | None = None
    nb_tests: Annotated[int | None, Field(ge=0)] = None
    """Number of tests in the run."""
    nb_success: Annotated[int | None, Field(ge=0)] = None
    """Number of tests that succeeded."""


class CiResult(BaseModel):
    """A CI run's result."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Name of the test run."""
    result: RunResult


class CiRunRequest(BaseModel):
    """Body of a CI run trigger."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """Name of the test run (may be empty)."""
    variable_group_id: int | None = None
    """
    Id of the variable group to use, copied from the variable group's URL in the UI. Optional; null when variables
    carry their own buckets.
    """
    tests: list[CiTest]
    """The tests to run, one entry per test."""
    options: RunOptions | None = None
    run_origin: CiRunRequestRunOrigin | None = None
    """
    How the run was assembled: 1 from test ids, 2 from a saved tests campaign. Optional; seen in the vendor CLI's
    campaign files.
    """
