"""The intermediate model: everything downstream of `check` reads these, never raw spec dicts.

Schemas stay JSON Schema (dicts) because both consumers need them whole: the model generator
turns them into pydantic classes and the mock server validates against them. Every `$ref` in
them points into `Api.schemas` as `#/components/schemas/<ClassName>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from generator.spec.behaviours import Behaviours

JsonSchema = dict[str, Any]
Location = Literal["path", "query", "header", "cookie"]
SCHEMA_REF = "#/components/schemas/"


def deref(schemas: dict[str, JsonSchema], schema: Any, limit: int = 32) -> Any:
    """The schema a chain of `#/components/schemas/..` refs leads to; None when a name is missing."""
    for _ in range(limit):
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if not isinstance(ref, str) or not ref.startswith(SCHEMA_REF):
            return schema
        schema = schemas.get(ref.removeprefix(SCHEMA_REF))
    return schema


@dataclass(frozen=True)
class ServerVariable:
    name: str
    python_name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""
    placeholder: bool = False
    """`x-placeholder: true`: the default only shows the value's form; a client must be given the value."""


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class TokenExchange:
    operation_id: str
    key_pointer: str
    token_pointer: str
    header_prefix: str
    ttl_seconds: float
    refresh_buffer_seconds: float | None = None


@dataclass(frozen=True)
class OAuthFlow:
    """One flow of an `oauth2` scheme (`flows.clientCredentials`, ...)."""

    kind: Literal["clientCredentials", "authorizationCode", "implicit", "password"]
    token_url: str | None = None
    authorization_url: str | None = None
    refresh_url: str | None = None
    scopes: tuple[tuple[str, str], ...] = ()
    """(scope, description), in the spec's order."""


@dataclass(frozen=True)
class SecurityScheme:
    key: str
    kind: str
    """apiKey, http, oauth2, openIdConnect or mutualTLS."""
    location: str | None = None
    """For `apiKey`: header, query or cookie."""
    param_name: str | None = None
    """For `apiKey`: the header, query parameter or cookie name."""
    scheme: str | None = None
    """For `http`: bearer, basic, ... lower-cased."""
    description: str = ""
    token_exchange: TokenExchange | None = None
    bearer_format: str | None = None
    flows: tuple[OAuthFlow, ...] = ()
    """For `oauth2`: its flows, in the spec's order."""
    open_id_connect_url: str | None = None

    def flow(self, kind: str) -> OAuthFlow | None:
        return next((f for f in self.flows if f.kind == kind), None)


@dataclass(frozen=True)
class SecurityRequirement:
    """One Security Requirement Object: every scheme in it is applied together."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]
    """(scheme key, scopes), in the spec's order; scopes are empty except for oauth2 and openIdConnect."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.schemes)


@dataclass(frozen=True)
class Parameter:
    name: str
    python_name: str
    location: Location
    required: bool
    schema: JsonSchema
    style: str
    explode: bool
    description: str = ""
    json_content: bool = False
    """Declared with `content: {application/json: ...}`: sent as a JSON string."""
    allow_reserved: bool = False
    deprecated: bool = False
    example: Any = None
    """The parameter's own example (`example`, the first of `examples`, or its schema's); None if it has none."""


@dataclass(frozen=True)
class BodyField:
    name: str
    python_name: str
    required: bool
    schema: JsonSchema
    description: str = ""


@dataclass(frozen=True)
class Body:
    media_type: str
    schema: JsonSchema
    required: bool
    description: str = ""
    fields: tuple[BodyField, ...] = ()
    """Top-level properties of an object body, offered as keyword arguments."""
    exactly_one_of: tuple[tuple[str, ...], ...] = ()
    """Groups of field names of which exactly one must be given (`oneOf` of `required` lists)."""


@dataclass(frozen=True)
class Header:
    name: str
    schema: JsonSchema
    description: str = ""


@dataclass(frozen=True)
class Example:
    name: str
    value: Any
    summary: str = ""


@dataclass(frozen=True)
class Response:
    status: str
    """`200`, `2XX` or `default`."""
    description: str = ""
    media_type: str | None = None
    schema: JsonSchema | None = None
    headers: tuple[Header, ...] = ()
    examples: tuple[Example, ...] = ()

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")


@dataclass(frozen=True)
class Judged:
    value: str | int | bool
    failures_pointer: str


@dataclass(frozen=True)
class Polling:
    status_pointer: str
    pending: tuple[str | int | bool | None, ...]
    """None among them: the status is null while the run goes on."""
    success: tuple[str | int | bool, ...]
    failure: tuple[str | int | bool, ...]
    judged: tuple[Judged, ...]
    interval_seconds: float
    timeout_seconds: float
    pending_when_absent: bool = False
    """The status is missing from the body until the run ends."""
    waiter_name: str | None = None
    """The `wait_for_...` helper's name, when the spec gives one."""


PagingStyle = Literal["page", "keyset", "offset", "cursor", "next-url", "link-header"]


@dataclass(frozen=True)
class Pagination:
    style: PagingStyle
    parameter: str | None
    """The query parameter that moves through the pages: page number (page), cursor (keyset, cursor) or offset
    (offset); None for next-url and link-header, whose pages are whole URLs."""
    items_pointer: str
    """Where the page's items are; empty when the body is the list."""
    next_pointer: str | None
    """Next page number (page), next cursor (keyset, cursor) or next page's URL (next-url); None otherwise."""
    has_more_pointer: str | None = None
    limit_parameter: str | None = None
    """Offset style: the query parameter that takes the page size."""
    total_pointer: str | None = None
    """Offset style: the total number of items."""
    iterator_name: str | None = None
    """The `iter_...` helper's name, when the spec gives one."""


@dataclass(frozen=True)
class RateLimit:
    retry_after_header: str | None = None
    retry_after_pointer: str | None = None
    default_wait_seconds: float | None = None


@dataclass(frozen=True)
class Link:
    name: str
    operation_id: str
    parameters: tuple[tuple[str, str], ...]
    """(target parameter name, runtime expression or constant)."""


@dataclass(frozen=True)
class ResultItems:
    """Per-test results: an array in the response body, and where each test's facts are in an entry."""

    pointer: str
    name: tuple[str, ...]
    """Pointers into an entry; the first with a value names the test."""
    status: str
    duration: str | None = None
    message: str | None = None
    id: str | None = None
    group: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    """(label, pointer into an entry)."""


@dataclass(frozen=True)
class ResultCounts:
    """Only counts: `total` tests of which `passed` passed (and `skipped` were skipped)."""

    total: str
    passed: str
    skipped: str | None = None
    name: tuple[str, ...] = ()
    duration: str | None = None


@dataclass(frozen=True)
class TestResults:
    """`x-test-results`: where a finished run's per-test results are in an operation's 2xx body."""

    __test__ = False  # not a pytest test class, whatever its name

    items: ResultItems | None
    counts: ResultCounts | None
    group: tuple[str, ...] = ()
    seconds_per_unit: float = 1.0
    passed: tuple[str | int | bool, ...] = ()
    failed: tuple[str | int | bool, ...] = ()
    error: tuple[str | int | bool, ...] = ()
    skipped: tuple[str | int | bool, ...] = ()


@dataclass(frozen=True)
class CiContextVariant:
    providers: tuple[str, ...]
    """CI systems this variant is for; empty: the fallback."""
    fields: tuple[tuple[str, str], ...]
    """(context field, CI fact)."""
    constants: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class CiContext:
    """`x-ci-context`: where a trigger's body takes the CI context, and how it is filled."""

    pointer: str
    variants: tuple[CiContextVariant, ...]


@dataclass(frozen=True)
class BuildUpload:
    """`x-build-upload`: upload a build file, register it, and put the new id into the trigger's body."""

    upload_operation_id: str
    url_pointer: str
    method: str
    content_type: str
    register_operation_id: str
    register_body: tuple[tuple[str, str], ...]
    """(body field of the register operation, pointer into the upload operation's response)."""
    id_pointer: str
    into_pointer: str
    into_field: str
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    operation_id: str
    python_name: str
    method: str
    path: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    deprecated: bool = False
    parameters: tuple[Parameter, ...] = ()
    body: Body | None = None
    request_examples: tuple[Example, ...] = ()
    responses: tuple[Response, ...] = ()
    security: tuple[tuple[str, ...], ...] = ()
    """Alternatives, each a set of scheme keys used together (sorted); empty means no auth."""
    requirements: tuple[SecurityRequirement, ...] = ()
    """The same alternatives with their scopes, in the spec's order."""
    polling: Polling | None = None
    pagination: Pagination | None = None
    idempotent: bool = False
    links: tuple[Link, ...] = ()
    rate_limit: RateLimit | None = None
    test_results: TestResults | None = None
    ci_context: CiContext | None = None
    build_upload: BuildUpload | None = None

    @property
    def success(self) -> Response | None:
        """The lowest declared 2xx response, whose model a call returns."""
        successes = [r for r in self.responses if r.is_success]
        return min(successes, key=lambda r: r.status) if successes else None


@dataclass(frozen=True)
class Api:
    name: str
    """Package name, from the spec's file name."""
    class_prefix: str
    """`Octomind` in `OctomindClient`."""
    env_prefix: str
    """`OCTOMIND` in `OCTOMIND_API_KEY`."""
    title: str
    description: str
    version: str
    openapi: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    operations: tuple[Operation, ...]
    schemas: dict[str, JsonSchema] = field(default_factory=dict)
    """Every schema the models are made of, by class name; `$ref`s point within."""
    rate_limit: RateLimit | None = None
    notes: tuple[str, ...] = ()
    """Fallbacks taken while building (reported by `generate`, never silent)."""
    behaviours: Behaviours = field(default_factory=Behaviours)
    """What `x-mock` binds to the mock's generic behaviours."""

    @property
    def base_path(self) -> str:
        """The first server URL's path (`/api` for `https://app.octomind.dev/api`), where operations' paths start."""
        return urlsplit(self.servers[0].url if self.servers else "/").path.rstrip("/")

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.operation_id == operation_id:
                return op
        raise KeyError(operation_id)
