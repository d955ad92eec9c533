"""Models of the Golden API, generated from its OpenAPI document."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel

from generator.runtime.open_enums import IntEnum, StrEnum


class Base(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: int


class CaseRun(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    case_run_id: str


class Circle(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    kind: Literal["circle"]
    radius: float


class Error(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: str | None = None


class EventType(StrEnum):
    CREATED = "created"
    DELETED = "deleted"


class Event(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: EventType | None = None
    at: date | None = None


class ExchangeTokenRequest(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: str


class ExchangeTokenResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    token: str


class GetItemFilter(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    state: str | None = None
    owner: str | None = None


class GetItemWhere(RootModel[dict[str, int]]):
    root: dict[str, int]


class Type(StrEnum):
    SMALL = "small"
    LARGE = "large"


class ListEventsResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    data: list[Event] | None = None
    cursor: str | None = None
    has_more: bool | None = None


class NewItem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    size: int | None = None
    owner: UUID | None = None


class Priority(IntEnum):
    INTEGER_1 = 1
    INTEGER_2 = 2
    INTEGER_3 = 3


class RateLimitErrorModel(Error):
    """A schema named like a runtime error class."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    retry_after: int | None = None


class RunState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    PASSED = "passed"
    FAILED = "failed"
    DONE = "done"


class Run(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    state: RunState
    failures: int | None = None


class Square(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    kind: Literal["square"]
    side: float


class StartRunRequest(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    project: str
    case_id: str | None = None
    suite_id: str | None = None
    priority: Priority | None = None
    note: str | None = None


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    OPEN_TITLE = "Open"


class SuiteRun(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    suite_run_id: str


class UpdateNotesRequest(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    text: str | None = None
    pinned: bool | None = None


class UploadResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    size: int | None = None
    digest: str | None = None


class Item(Base):
    """
    An item, with a description long enough to be wrapped by the generator across several lines of its docstring,
    and more.

    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    status: Status
    note: str | None = None
    legacy: str | None = None
    class_: Annotated[str | None, Field(alias="class")] = None
    field_1st: Annotated[int | None, Field(alias="1st")] = None
    type: Type | None = None
    created: AwareDatetime | None = None


class Shape(RootModel[Circle | Square]):
    root: Annotated[Circle | Square, Field(discriminator="kind")]


class StartRunResponse(RootModel[CaseRun | SuiteRun]):
    root: CaseRun | SuiteRun


class ListShapesResponse(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    shapes: list[Shape]
    next_page: int | None = None
