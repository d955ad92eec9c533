"""Clients of the Golden API.

A feature matrix for the generator: every parameter style, body kind, union, enum, nullable and auth
kind the runtime has, hostile names, polling and paging. Its generated tree is committed beside it
and compared end to end by tests/test_golden.py.
"""

from .client import AsyncGoldenApiClient, GoldenApiClient
from .models import (
    Base,
    CaseRun,
    Circle,
    Error,
    Event,
    EventType,
    ExchangeTokenRequest,
    ExchangeTokenResponse,
    GetItemFilter,
    GetItemWhere,
    Item,
    ListEventsResponse,
    ListShapesResponse,
    NewItem,
    Priority,
    RateLimitError,
    Run,
    RunState,
    Shape,
    Square,
    StartRunRequest,
    StartRunResponse,
    Status,
    SuiteRun,
    Type,
    UpdateNotesRequest,
    UploadResponse,
)

__all__ = [
    "AsyncGoldenApiClient",
    "Base",
    "CaseRun",
    "Circle",
    "Error",
    "Event",
    "EventType",
    "ExchangeTokenRequest",
    "ExchangeTokenResponse",
    "GetItemFilter",
    "GetItemWhere",
    "GoldenApiClient",
    "Item",
    "ListEventsResponse",
    "ListShapesResponse",
    "NewItem",
    "Priority",
    "RateLimitError",
    "Run",
    "RunState",
    "Shape",
    "Square",
    "StartRunRequest",
    "StartRunResponse",
    "Status",
    "SuiteRun",
    "Type",
    "UpdateNotesRequest",
    "UploadResponse",
]
