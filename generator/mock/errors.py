"""Error answers in each vendor's own format, worked out from the error schema its spec declares.

The body starts from the spec's first example for that status (the vendor's own wording) and
the violations are written into whichever message fields the schema has: a Zod-style issue list
(Octomind), `{message, errors: {field: [...]}}` (Testmo), `{error, message}` (Qualigate),
`{detail}` (Kapptivate) or `{error}` (Doksi).
"""

from __future__ import annotations

import copy
from http import HTTPStatus
from typing import Any

from generator.mock.validate import Violation
from generator.spec.ir import Api, Operation, Response, deref


def declared(op: Operation, *candidates: str) -> Response | None:
    """The first of the candidate statuses the operation declares, with `4XX` and `default` as fallbacks."""
    by_status = {r.status.upper(): r for r in op.responses}
    for status in candidates:
        response = by_status.get(status) or by_status.get(status[0] + "XX")
        if response is not None:
            return response
    return by_status.get("DEFAULT")


def status_of(response: Response | None, wanted: str) -> int:
    if response is None or not response.status[:1].isdigit():
        return int(wanted)
    return int(response.status) if response.status.isdigit() else int(wanted)


def example_body(response: Response | None) -> Any:
    if response is None or not response.examples:
        return None
    return copy.deepcopy(response.examples[0].value)


def render(api: Api, response: Response | None, status: int, violations: list[Violation]) -> Any:
    """The error body for these violations, or None when the response declares no body."""
    if response is None or response.schema is None:
        return None
    schema = _resolve(api, response.schema)
    messages = [_text(v) for v in violations]
    joined = "; ".join(messages)
    base = example_body(response)
    if schema.get("type") == "array" or "items" in schema:
        item = _resolve(api, schema.get("items") or {})
        template = base[0] if isinstance(base, list) and base and isinstance(base[0], dict) else {}
        return [_issue(template, item, v) for v in violations]
    body: dict[str, Any] = base if isinstance(base, dict) else {}
    props = _properties(api, schema)
    reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if "errors" in props:
        errors: dict[str, list[str]] = {}
        for v in violations:
            errors.setdefault(_field(v), []).append(v.message)
        body["errors"] = errors
        body["message"] = "The given data was invalid." if violations else reason
    elif "error" in props and "message" in props:
        body["error"] = reason
        body["message"] = joined
    elif "detail" in props:
        body["detail"] = joined
    elif "error" in props:
        body["error"] = joined
    elif "message" in props:
        body["message"] = joined
    return body


def _issue(template: dict[str, Any], item: dict[str, Any], violation: Violation) -> dict[str, Any]:
    issue = copy.deepcopy(template)
    props = item.get("properties") or {}
    if "code" in props:
        issue["code"] = "custom"
    if "path" in props:
        issue["path"] = [violation.location, *violation.path] if violation.location != "body" else list(violation.path)
    if "message" in props:
        issue["message"] = violation.message
    for key in ("expected", "received"):
        issue.pop(key, None)
    return issue


def _field(v: Violation) -> str:
    return ".".join(str(p) for p in v.path) or v.location


def _text(v: Violation) -> str:
    where = _field(v)
    return f"{where}: {v.message}" if where != v.location or v.location != "body" else v.message


def _resolve(api: Api, schema: Any) -> dict[str, Any]:
    resolved = deref(api.schemas, schema)
    return resolved if isinstance(resolved, dict) else {}


def _properties(api: Api, schema: dict[str, Any]) -> dict[str, Any]:
    props = dict(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        props.update(_properties(api, _resolve(api, part)))
    return props
