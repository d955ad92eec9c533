"""One small edit of a small spec per rule: the rule fires, at its level, located on both sides."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.diff.findings import RULES, Finding
from generator.diff.report import compare_sides
from generator.diff.resolve import SpecText
from generator.diff.side import Side, load_side
from generator.spec.load import load_file, load_text

BASE = Path(__file__).parent / "diff" / "base.yaml"
Edit = Callable[[dict[str, Any]], None]

POST = "/paths/~1runs/post"
LIST = "/paths/~1runs/get"
ITEM = "/paths/~1runs~1{run_id}"
GET = ITEM + "/get"
DEL = ITEM + "/delete"
TOKEN = "/paths/~1token/post"
SC = "/components/schemas"
SEC = "/components/securitySchemes"
XT = SEC + "/TokenAuth/x-token-exchange"
POLL = GET + "/x-polling"


@dataclass
class Case:
    rule: str
    edit: Edit
    old: str
    """Expected JSON pointer of the finding in the old spec."""
    new: str
    old_edit: Edit | None = None
    """Makes the old side from the base first, where the base lacks what the rule needs."""


def at(d: dict[str, Any], pointer: str) -> Any:
    node: Any = d
    if not pointer:
        return node
    for token in pointer.strip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def do(*steps: Edit) -> Edit:
    def run(d: dict[str, Any]) -> None:
        for step in steps:
            step(d)

    return run


def put(pointer: str, value: Any) -> Edit:
    parent, _, key = pointer.rpartition("/")
    return lambda d: at(d, parent).__setitem__(key.replace("~1", "/"), copy.deepcopy(value))


def delete(pointer: str) -> Edit:
    parent, _, key = pointer.rpartition("/")

    def run(d: dict[str, Any]) -> None:
        holder = at(d, parent)
        holder.pop(int(key) if isinstance(holder, list) else key.replace("~1", "/"))

    return run


def append(pointer: str, value: Any) -> Edit:
    return lambda d: at(d, pointer).append(copy.deepcopy(value))


def rename(pointer: str, old: str, new: str) -> Edit:
    def run(d: dict[str, Any]) -> None:
        holder = at(d, pointer)
        items = list(holder.items())
        holder.clear()
        holder.update({new if k == old else k: v for k, v in items})

    return run


def remove_value(pointer: str, value: Any) -> Edit:
    return lambda d: at(d, pointer).remove(value)


def param(name: str, where: str = "query", *, required: bool = False, schema: Any = None) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema or {"type": "string"}}


OBJ = {"type": "object", "properties": {"reason": {"type": "string"}}}
POLLING = {
    "statusPointer": "/token",
    "pending": ["a"],
    "success": ["b"],
    "failure": ["c"],
    "intervalSeconds": 1,
    "timeoutSeconds": 9,
}
PAGING = {"style": "page", "pageParameter": "p", "nextPagePointer": "/token", "itemsPointer": "/token"}
UNION_RETURN = {"oneOf": [{"$ref": "#/components/schemas/Run"}, {"$ref": "#/components/schemas/Error"}]}
RUN_REF = {"$ref": "#/components/schemas/Run"}
GET_SCHEMA = GET + "/responses/200/content/application~1json/schema"
OAUTH = {
    "type": "oauth2",
    "flows": {
        "clientCredentials": {
            "tokenUrl": "https://relay.example/token",
            "scopes": {"runs:read": "Read", "runs:write": "Write"},
        }
    },
}


def _rename_schema(old: str, new: str) -> Edit:
    def run(d: dict[str, Any]) -> None:
        rename(SC, old, new)(d)
        text = json.dumps(d).replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
        d.clear()
        d.update(json.loads(text))

    return run


def _oauth_read(d: dict[str, Any]) -> None:
    at(d, SEC)["OAuth"] = copy.deepcopy(OAUTH)
    at(d, GET)["security"] = [{"OAuth": ["runs:read"]}]


OAUTH_READ: Edit = _oauth_read

CASES = [
    # operations and paths
    Case(
        "path-added",
        put("/paths/~1health", {"get": {"operationId": "health", "responses": {"204": {"description": "ok"}}}}),
        "/paths",
        "/paths/~1health/get",
    ),
    Case("path-removed", do(delete(ITEM), delete(POST + "/responses/201/links")), GET, "/paths"),
    Case(
        "operation-added",
        put(ITEM + "/put", {"operationId": "updateRun", "responses": {"204": {"description": "ok"}}}),
        ITEM,
        ITEM + "/put",
    ),
    Case("operation-removed", delete(DEL), DEL, ITEM),
    Case("operation-id-changed", put(DEL + "/operationId", "abortRun"), DEL + "/operationId", DEL + "/operationId"),
    Case("operation-deprecated", put(GET + "/deprecated", True), GET, GET + "/deprecated"),
    # parameters
    Case(
        "request-parameter-added-required",
        append(LIST + "/parameters", param("owner", required=True)),
        LIST + "/parameters",
        LIST + "/parameters/4",
    ),
    Case(
        "request-parameter-added",
        append(LIST + "/parameters", param("owner")),
        LIST + "/parameters",
        LIST + "/parameters/4",
    ),
    Case("request-parameter-removed", delete(LIST + "/parameters/2"), LIST + "/parameters/2", LIST + "/parameters"),
    Case(
        "request-parameter-became-required",
        put(LIST + "/parameters/1/required", True),
        LIST + "/parameters/1",
        LIST + "/parameters/1",
    ),
    Case(
        "request-parameter-became-optional",
        put(POST + "/parameters/0/required", False),
        POST + "/parameters/0",
        POST + "/parameters/0",
    ),
    Case(
        "request-parameter-location-changed",
        put(LIST + "/parameters/2/in", "header"),
        LIST + "/parameters/2",
        LIST + "/parameters/2",
    ),
    Case(
        "request-parameter-style-changed",
        put(LIST + "/parameters/3/explode", False),
        LIST + "/parameters/3",
        LIST + "/parameters/3",
    ),
    Case(
        "request-parameter-default-changed",
        put(LIST + "/parameters/0/schema/default", 2),
        LIST + "/parameters/0/schema",
        LIST + "/parameters/0/schema",
    ),
    Case(
        "request-parameter-type-changed",
        put(LIST + "/parameters/1/schema/type", "string"),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    Case(
        "request-parameter-type-widened",
        put(LIST + "/parameters/1/schema/type", ["number", "string"]),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    Case(
        "request-parameter-type-narrowed",
        put(LIST + "/parameters/1/schema/type", "integer"),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    Case(
        "request-parameter-format-changed",
        put(LIST + "/parameters/1/schema/format", "float"),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    Case(
        "request-parameter-enum-value-removed",
        put(LIST + "/parameters/2/schema/enum", ["open"]),
        LIST + "/parameters/2/schema",
        LIST + "/parameters/2/schema",
    ),
    Case(
        "request-parameter-enum-value-added",
        append(LIST + "/parameters/2/schema/enum", "archived"),
        LIST + "/parameters/2/schema",
        LIST + "/parameters/2/schema",
    ),
    Case(
        "request-parameter-enum-added",
        put(POST + "/parameters/0/schema/enum", ["a", "b"]),
        POST + "/parameters/0/schema",
        POST + "/parameters/0/schema",
    ),
    Case(
        "request-parameter-enum-removed",
        delete(LIST + "/parameters/2/schema/enum"),
        LIST + "/parameters/2/schema",
        LIST + "/parameters/2/schema",
    ),
    Case(
        "request-parameter-constraint-tightened",
        put(LIST + "/parameters/1/schema/maximum", 50),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    Case(
        "request-parameter-constraint-loosened",
        put(LIST + "/parameters/1/schema/maximum", 500),
        LIST + "/parameters/1/schema",
        LIST + "/parameters/1/schema",
    ),
    # request bodies
    Case(
        "request-body-added-required",
        put(DEL + "/requestBody", {"required": True, "content": {"application/json": {"schema": OBJ}}}),
        DEL,
        DEL + "/requestBody",
    ),
    Case(
        "request-body-added",
        put(DEL + "/requestBody", {"content": {"application/json": {"schema": OBJ}}}),
        DEL,
        DEL + "/requestBody",
    ),
    Case("request-body-removed", delete(TOKEN + "/requestBody"), TOKEN + "/requestBody", TOKEN),
    Case(
        "request-body-became-required",
        put(TOKEN + "/requestBody/required", True),
        TOKEN + "/requestBody",
        TOKEN + "/requestBody",
    ),
    Case(
        "request-body-became-optional",
        put(POST + "/requestBody/required", False),
        POST + "/requestBody",
        POST + "/requestBody",
    ),
    Case(
        "request-body-media-type-removed",
        rename(POST + "/requestBody/content", "application/json", "application/x-www-form-urlencoded"),
        POST + "/requestBody/content/application~1json",
        POST + "/requestBody/content",
    ),
    Case(
        "request-body-media-type-added",
        put(POST + "/requestBody/content/application~1xml", {"schema": {"type": "string"}}),
        POST + "/requestBody/content",
        POST + "/requestBody/content/application~1xml",
    ),
    # responses
    Case(
        "response-success-status-removed",
        rename(POST + "/responses", "201", "200"),
        POST + "/responses/201",
        POST + "/responses",
    ),
    Case(
        "response-success-status-added",
        put(POST + "/responses/202", {"description": "Accepted."}),
        POST + "/responses",
        POST + "/responses/202",
    ),
    Case(
        "response-error-status-removed", delete(POST + "/responses/400"), POST + "/responses/400", POST + "/responses"
    ),
    Case(
        "response-error-status-added",
        put(GET + "/responses/404", {"description": "Not found."}),
        GET + "/responses",
        GET + "/responses/404",
    ),
    Case(
        "response-body-removed", delete(GET + "/responses/200/content"), GET + "/responses/200", GET + "/responses/200"
    ),
    Case(
        "response-body-added",
        put(DEL + "/responses/204/content", {"application/json": {"schema": OBJ}}),
        DEL + "/responses/204",
        DEL + "/responses/204",
    ),
    Case(
        "response-media-type-removed",
        rename(GET + "/responses/200/content", "application/json", "application/vnd.relay+json"),
        GET + "/responses/200/content/application~1json",
        GET + "/responses/200/content",
    ),
    Case(
        "response-media-type-added",
        put(LIST + "/responses/200/content/text~1csv", {"schema": {"type": "string"}}),
        LIST + "/responses/200/content",
        LIST + "/responses/200/content/text~1csv",
    ),
    # security
    Case("security-scheme-added", put(SEC + "/Basic", {"type": "http", "scheme": "basic"}), SEC, SEC + "/Basic"),
    Case("security-scheme-removed", delete(SEC + "/BearerAuth"), SEC + "/BearerAuth", SEC),
    Case("security-scheme-changed", put(SEC + "/KeyAuth/name", "X-Api-Key"), SEC + "/KeyAuth", SEC + "/KeyAuth"),
    Case(
        "security-requirement-added",
        put(TOKEN + "/security", [{"KeyAuth": []}]),
        TOKEN + "/security",
        TOKEN + "/security",
    ),
    Case("security-requirement-removed", put(GET + "/security", []), "/security", GET + "/security"),
    Case(
        "security-alternative-added", append(DEL + "/security", {"TokenAuth": []}), DEL + "/security", DEL + "/security"
    ),
    Case("security-alternative-removed", delete(DEL + "/security/1"), DEL + "/security", DEL + "/security"),
    Case(
        "security-scope-added",
        do(OAUTH_READ, put(GET + "/security", [{"OAuth": ["runs:read", "runs:write"]}])),
        GET + "/security",
        GET + "/security",
        old_edit=OAUTH_READ,
    ),
    Case(
        "security-scope-removed",
        do(OAUTH_READ, put(GET + "/security", [{"OAuth": []}])),
        GET + "/security",
        GET + "/security",
        old_edit=OAUTH_READ,
    ),
    Case(
        "token-exchange-added",
        put(
            SEC + "/BearerAuth/x-token-exchange",
            {
                "operationId": "getToken",
                "keyPointer": "/key",
                "tokenPointer": "/token",
                "headerPrefix": "Bearer",
                "ttlSeconds": 60,
            },
        ),
        SEC + "/BearerAuth",
        SEC + "/BearerAuth/x-token-exchange",
    ),
    Case("token-exchange-removed", delete(XT), XT, SEC + "/TokenAuth"),
    Case("token-exchange-changed", put(XT + "/tokenPointer", "/access_token"), XT, XT),
    Case("token-exchange-ttl-changed", put(XT + "/ttlSeconds", 60), XT + "/ttlSeconds", XT + "/ttlSeconds"),
    # servers
    Case(
        "server-base-path-changed",
        put("/servers/0/url", "https://{tenant}.relay.example/api/v2"),
        "/servers/0/url",
        "/servers/0/url",
    ),
    Case(
        "server-host-changed",
        put("/servers/0/url", "https://{tenant}.relay.example.com/api/v1"),
        "/servers/0/url",
        "/servers/0/url",
    ),
    Case("server-added", append("/servers", {"url": "https://us.relay.example/api/v1"}), "/servers", "/servers/2"),
    Case("server-removed", delete("/servers/1"), "/servers/1", "/servers"),
    Case(
        "server-variable-added",
        put("/servers/0/variables/region", {"default": "eu"}),
        "/servers/0/variables",
        "/servers/0/variables/region",
    ),
    Case(
        "server-variable-removed",
        delete("/servers/0/variables/tenant"),
        "/servers/0/variables/tenant",
        "/servers/0/variables",
    ),
    Case(
        "server-variable-enum-value-removed",
        put("/servers/0/variables/tenant/enum", ["acme"]),
        "/servers/0/variables/tenant/enum",
        "/servers/0/variables/tenant/enum",
    ),
    Case(
        "server-variable-default-changed",
        put("/servers/0/variables/tenant/default", "globex"),
        "/servers/0/variables/tenant/default",
        "/servers/0/variables/tenant/default",
    ),
    # x-polling, x-pagination, x-rate-limit, x-idempotent
    Case("polling-added", put(TOKEN + "/x-polling", POLLING), TOKEN, TOKEN + "/x-polling"),
    Case("polling-removed", delete(POLL), POLL, GET),
    Case(
        "polling-status-pointer-changed",
        put(POLL + "/statusPointer", "/state"),
        POLL + "/statusPointer",
        POLL + "/statusPointer",
    ),
    Case(
        "polling-value-reclassified",
        do(remove_value(POLL + "/pending", "running"), append(POLL + "/failure", "running")),
        POLL + "/pending",
        POLL + "/failure",
    ),
    Case("polling-value-unlisted", remove_value(POLL + "/failure", "failed"), POLL + "/failure", POLL),
    Case("polling-value-listed", append(POLL + "/failure", "cancelled"), POLL, POLL + "/failure"),
    Case(
        "polling-status-unclassified",
        append(SC + "/Run/properties/status/enum", "cancelled"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "polling-judged-changed", put(POLL + "/judged/0/failuresPointer", "/failed"), POLL + "/judged", POLL + "/judged"
    ),
    Case(
        "polling-interval-changed",
        put(POLL + "/intervalSeconds", 10),
        POLL + "/intervalSeconds",
        POLL + "/intervalSeconds",
    ),
    Case(
        "polling-timeout-decreased",
        put(POLL + "/timeoutSeconds", 300),
        POLL + "/timeoutSeconds",
        POLL + "/timeoutSeconds",
    ),
    Case(
        "polling-timeout-increased",
        put(POLL + "/timeoutSeconds", 900),
        POLL + "/timeoutSeconds",
        POLL + "/timeoutSeconds",
    ),
    Case("pagination-added", put(TOKEN + "/x-pagination", PAGING), TOKEN, TOKEN + "/x-pagination"),
    Case("pagination-removed", delete(LIST + "/x-pagination"), LIST + "/x-pagination", LIST),
    Case(
        "pagination-changed",
        put(LIST + "/x-pagination/nextPagePointer", "/next"),
        LIST + "/x-pagination",
        LIST + "/x-pagination",
    ),
    Case(
        "rate-limit-added", put(GET + "/x-rate-limit", {"retryAfterHeader": "Retry-After"}), GET, GET + "/x-rate-limit"
    ),
    Case("rate-limit-removed", delete("/x-rate-limit"), "/x-rate-limit", ""),
    Case("rate-limit-changed", put("/x-rate-limit/retryAfterPointer", "/wait"), "/x-rate-limit", "/x-rate-limit"),
    Case("link-removed", delete(POST + "/responses/201/links"), POST + "/responses/201/links/Status", POST),
    Case(
        "link-added",
        put(
            TOKEN + "/responses/200/links",
            {"Run": {"operationId": "getRun", "parameters": {"run_id": "$response.body#/token"}}},
        ),
        TOKEN,
        TOKEN + "/responses/200/links/Run",
    ),
    Case("idempotent-removed", delete(DEL + "/x-idempotent"), DEL + "/x-idempotent", DEL),
    Case("idempotent-added", put(POST + "/x-idempotent", True), POST, POST + "/x-idempotent"),
    # request schemas
    Case(
        "request-property-removed",
        delete(SC + "/RunRequest/properties/note"),
        SC + "/RunRequest/properties/note",
        SC + "/RunRequest/properties",
    ),
    Case(
        "request-property-added-required",
        do(put(SC + "/RunRequest/properties/env", {"type": "string"}), append(SC + "/RunRequest/required", "env")),
        SC + "/RunRequest/properties",
        SC + "/RunRequest/properties/env",
    ),
    Case(
        "request-property-added",
        put(SC + "/RunRequest/properties/env", {"type": "string"}),
        SC + "/RunRequest/properties",
        SC + "/RunRequest/properties/env",
    ),
    Case(
        "request-property-became-required",
        append(SC + "/RunRequest/required", "priority"),
        SC + "/RunRequest/properties/priority",
        SC + "/RunRequest/properties/priority",
    ),
    Case(
        "request-property-became-optional",
        delete(SC + "/RunRequest/required"),
        SC + "/RunRequest/properties/suite",
        SC + "/RunRequest/properties/suite",
    ),
    Case(
        "request-became-nullable",
        put(SC + "/RunRequest/properties/retries/type", ["integer", "null"]),
        SC + "/RunRequest/properties/retries",
        SC + "/RunRequest/properties/retries",
    ),
    Case(
        "request-became-non-nullable",
        put(SC + "/RunRequest/properties/note/type", "string"),
        SC + "/RunRequest/properties/note",
        SC + "/RunRequest/properties/note",
    ),
    Case(
        "request-type-changed",
        put(SC + "/RunRequest/properties/retries/type", "string"),
        SC + "/RunRequest/properties/retries",
        SC + "/RunRequest/properties/retries",
    ),
    Case(
        "request-type-widened",
        put(SC + "/RunRequest/properties/retries/type", "number"),
        SC + "/RunRequest/properties/retries",
        SC + "/RunRequest/properties/retries",
    ),
    Case(
        "request-type-narrowed",
        put(SC + "/RunRequest/properties/timeout/type", "integer"),
        SC + "/RunRequest/properties/timeout",
        SC + "/RunRequest/properties/timeout",
    ),
    Case(
        "request-format-changed",
        put(SC + "/RunRequest/properties/suite/format", "email"),
        SC + "/RunRequest/properties/suite",
        SC + "/RunRequest/properties/suite",
    ),
    Case(
        "request-enum-value-removed",
        put(SC + "/RunRequest/properties/priority/enum", ["low"]),
        SC + "/RunRequest/properties/priority",
        SC + "/RunRequest/properties/priority",
    ),
    Case(
        "request-enum-value-added",
        append(SC + "/RunRequest/properties/priority/enum", "urgent"),
        SC + "/RunRequest/properties/priority",
        SC + "/RunRequest/properties/priority",
    ),
    Case(
        "request-enum-added",
        put(SC + "/RunRequest/properties/suite/enum", ["smoke", "full"]),
        SC + "/RunRequest/properties/suite",
        SC + "/RunRequest/properties/suite",
    ),
    Case(
        "request-enum-removed",
        delete(SC + "/RunRequest/properties/priority/enum"),
        SC + "/RunRequest/properties/priority",
        SC + "/RunRequest/properties/priority",
    ),
    Case(
        "request-constraint-tightened",
        put(SC + "/RunRequest/properties/suite/maxLength", 32),
        SC + "/RunRequest/properties/suite",
        SC + "/RunRequest/properties/suite",
    ),
    Case(
        "request-constraint-loosened",
        delete(SC + "/RunRequest/properties/suite/maxLength"),
        SC + "/RunRequest/properties/suite",
        SC + "/RunRequest/properties/suite",
    ),
    Case(
        "request-union-branch-removed",
        delete(SC + "/RunRequest/properties/target/oneOf/1"),
        SC + "/RunRequest/properties/target/oneOf/1",
        SC + "/RunRequest/properties/target",
    ),
    Case(
        "request-union-branch-added",
        append(SC + "/RunRequest/properties/target/oneOf", OBJ),
        SC + "/RunRequest/properties/target",
        SC + "/RunRequest/properties/target/oneOf/2",
    ),
    # response schemas
    Case(
        "response-required-property-removed",
        do(delete(SC + "/Run/properties/id"), put(SC + "/Run/required", ["status"])),
        SC + "/Run/properties/id",
        SC + "/Run/properties",
    ),
    Case(
        "response-optional-property-removed",
        delete(SC + "/Run/properties/url"),
        SC + "/Run/properties/url",
        SC + "/Run/properties",
    ),
    Case(
        "response-property-added",
        put(SC + "/Run/properties/duration", {"type": "integer"}),
        SC + "/Run/properties",
        SC + "/Run/properties/duration",
    ),
    Case(
        "response-property-became-optional",
        put(SC + "/Run/required", ["id"]),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "response-property-became-required",
        append(SC + "/Run/required", "score"),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-became-nullable",
        put(SC + "/Run/properties/score/type", ["integer", "null"]),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-became-non-nullable",
        put(SC + "/Run/properties/finished_at/type", "string"),
        SC + "/Run/properties/finished_at",
        SC + "/Run/properties/finished_at",
    ),
    Case(
        "response-type-changed",
        put(SC + "/Run/properties/score/type", "string"),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-type-widened",
        put(SC + "/Run/properties/score/type", "number"),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-type-narrowed",
        put(SC + "/Run/properties/ratio/type", "integer"),
        SC + "/Run/properties/ratio",
        SC + "/Run/properties/ratio",
    ),
    Case(
        "response-format-changed",
        put(SC + "/Run/properties/started_at/format", "date"),
        SC + "/Run/properties/started_at",
        SC + "/Run/properties/started_at",
    ),
    Case(
        "response-enum-value-removed",
        remove_value(SC + "/Run/properties/status/enum", "running"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "response-enum-value-added",
        append(SC + "/Run/properties/status/enum", "cancelled"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "response-open-enum-value-added",
        append(SC + "/Run/properties/kind/anyOf/0/enum", "api"),
        SC + "/Run/properties/kind",
        SC + "/Run/properties/kind",
    ),
    Case(
        "response-enum-added",
        put(SC + "/Run/properties/url/enum", ["https://a.example"]),
        SC + "/Run/properties/url",
        SC + "/Run/properties/url",
    ),
    Case(
        "response-enum-removed",
        delete(SC + "/Run/properties/status/enum"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "response-constraint-tightened",
        put(SC + "/Run/properties/score/maximum", 10),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-constraint-loosened",
        put(SC + "/Run/properties/score/maximum", 1000),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "response-union-branch-removed",
        delete(SC + "/Run/properties/target/oneOf/1"),
        SC + "/Run/properties/target/oneOf/1",
        SC + "/Run/properties/target",
    ),
    Case(
        "response-union-branch-added",
        append(SC + "/Run/properties/target/oneOf", OBJ),
        SC + "/Run/properties/target",
        SC + "/Run/properties/target/oneOf/2",
    ),
    # the Python surface
    Case("python-method-removed", delete(DEL), DEL, ITEM),
    Case(
        "python-method-added",
        put(ITEM + "/put", {"operationId": "updateRun", "responses": {"204": {"description": "ok"}}}),
        ITEM,
        ITEM + "/put",
    ),
    Case("python-method-renamed", put(DEL + "/operationId", "abortRun"), DEL, DEL),
    Case("python-waiter-removed", delete(POLL), GET, GET),
    Case("python-waiter-added", put(TOKEN + "/x-polling", POLLING), TOKEN, TOKEN),
    Case("python-and-wait-removed", delete(POST + "/responses/201/links"), POST, POST),
    Case(
        "python-and-wait-added",
        put(
            "/paths/~1token/post/responses/200/links",
            {"Run": {"operationId": "getRun", "parameters": {"run_id": "$response.body#/token"}}},
        ),
        TOKEN,
        TOKEN,
    ),
    Case("python-pager-removed", delete(LIST + "/x-pagination"), LIST, LIST),
    Case(
        "python-pager-added",
        do(put(TOKEN + "/parameters", [param("p", schema={"type": "integer"})]), put(TOKEN + "/x-pagination", PAGING)),
        TOKEN,
        TOKEN,
    ),
    Case("python-argument-removed", delete(LIST + "/parameters/2"), LIST, LIST),
    Case("python-argument-renamed", put(LIST + "/parameters/1/name", "max"), LIST, LIST),
    Case("python-argument-added-required", append(LIST + "/parameters", param("owner", required=True)), LIST, LIST),
    Case("python-argument-added", append(LIST + "/parameters", param("owner")), LIST, LIST),
    Case("python-argument-became-required", put(LIST + "/parameters/1/required", True), LIST, LIST),
    Case("python-argument-became-optional", put(POST + "/parameters/0/required", False), POST, POST),
    Case("python-argument-retyped", put(LIST + "/parameters/1/schema/type", "string"), LIST, LIST),
    Case("python-argument-widened", put(LIST + "/parameters/1/schema/type", ["number", "string"]), LIST, LIST),
    Case("python-return-type-changed", put(GET_SCHEMA, {"$ref": "#/components/schemas/Error"}), GET, GET),
    Case("python-return-type-widened", put(GET_SCHEMA, UNION_RETURN), GET, GET),
    Case("python-return-type-narrowed", put(GET_SCHEMA, RUN_REF), GET, GET, old_edit=put(GET_SCHEMA, UNION_RETURN)),
    Case(
        "python-model-removed",
        do(delete(SC + "/Error"), put(POST + "/responses/400/content/application~1json/schema", {"type": "string"})),
        SC + "/Error",
        SC,
    ),
    Case(
        "python-model-added",
        put(SC + "/Extra", {"type": "object", "properties": {"a": {"type": "string"}}}),
        SC,
        SC + "/Extra",
    ),
    Case("python-model-renamed", _rename_schema("WebTarget", "SiteTarget"), SC + "/WebTarget", SC + "/SiteTarget"),
    Case("python-field-removed", delete(SC + "/Run/properties/url"), SC + "/Run/properties/url", SC + "/Run"),
    Case(
        "python-field-added-required",
        do(put(SC + "/RunRequest/properties/env", {"type": "string"}), append(SC + "/RunRequest/required", "env")),
        SC + "/RunRequest",
        SC + "/RunRequest/properties/env",
    ),
    Case(
        "python-field-added",
        put(SC + "/Run/properties/duration", {"type": "integer"}),
        SC + "/Run",
        SC + "/Run/properties/duration",
    ),
    Case(
        "python-field-became-required",
        append(SC + "/RunRequest/required", "priority"),
        SC + "/RunRequest/properties/priority",
        SC + "/RunRequest/properties/priority",
    ),
    Case(
        "python-field-became-optional",
        put(SC + "/Run/required", ["id"]),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "python-field-retyped",
        put(SC + "/Run/properties/score/type", "string"),
        SC + "/Run/properties/score",
        SC + "/Run/properties/score",
    ),
    Case(
        "python-enum-member-removed",
        remove_value(SC + "/Run/properties/status/enum", "running"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "python-enum-member-added",
        append(SC + "/Run/properties/status/enum", "cancelled"),
        SC + "/Run/properties/status",
        SC + "/Run/properties/status",
    ),
    Case(
        "python-constructor-argument-removed",
        delete("/servers/0/variables/tenant"),
        "/servers/0/variables",
        "/servers/0/variables",
    ),
    Case(
        "python-constructor-argument-added",
        put("/servers/0/variables/region", {"default": "eu"}),
        "/servers/0/variables",
        "/servers/0/variables",
    ),
    Case("python-auth-scheme-removed", delete(DEL + "/security/1"), SEC, SEC),
    Case("python-auth-scheme-added", append(DEL + "/security", {"TokenAuth": []}), SEC, SEC),
]
# Rules a single spec pair cannot show: they compare folders of specs (tested in test_diff_cli.py).
FOLDER_RULES = {"spec-added", "spec-removed"}


def _text(edit: Edit | None) -> str:
    if edit is None:
        return BASE.read_text(encoding="utf-8")
    data = copy.deepcopy(load_file(BASE).data)
    edit(data)
    return json.dumps(data, indent=2)


_SIDES: dict[str, Side] = {}


def _side(display: str, text: str) -> Side:
    key = display + "\0" + text
    if key not in _SIDES:
        _SIDES[key] = load_side(SpecText(display, "relay", text))
    return _SIDES[key]


def _line(text: str, display: str, pointer: str) -> int:
    return load_text(text, display).line_of(pointer)


def test_every_rule_has_a_case() -> None:
    covered = {c.rule for c in CASES} | FOLDER_RULES
    assert sorted(set(RULES) - covered) == []
    assert sorted(covered - set(RULES)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule(case: Case) -> None:
    old_text, new_text = _text(case.old_edit), _text(case.edit)
    old = _side("old/relay.yaml", old_text)
    new = _side("new/relay.json", new_text)
    rule = RULES[case.rule]
    findings = compare_sides(old, new, python=rule.layer == "python")
    hits: list[Finding] = [f for f in findings if f.rule.id == case.rule]
    assert hits, f"{case.rule} not found; found {sorted({f.rule.id for f in findings})}"
    located = [f for f in hits if (f.old.pointer, f.new.pointer) == (case.old, case.new)]
    assert located, f"{case.rule} located at {[(f.old.pointer, f.new.pointer) for f in hits]}"
    finding = located[0]
    assert finding.level is rule.level
    assert finding.layer == rule.layer
    assert (finding.old.file, finding.new.file) == ("old/relay.yaml", "new/relay.json")
    assert finding.old.line == _line(old_text, "old", case.old)
    assert finding.new.line == _line(new_text, "new", case.new)
    if rule.layer == "python" and rule.id not in _NO_WIRE_CHANGE:
        assert finding.causes, f"{case.rule}: no HTTP finding named as its cause"


# Surface changes that no HTTP-contract rule explains, because the wire did not change.
_NO_WIRE_CHANGE = {
    "python-model-renamed",
    "python-model-added",
    "python-model-removed",
    "python-auth-scheme-removed",
    "python-auth-scheme-added",
}
