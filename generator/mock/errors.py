"""Error answers in each vendor's own format, worked out from the error schema its spec declares.

The body starts from the spec's first example for that status (the vendor's own wording) and
the violations are written into whichever message fields the schema has: an issue list
(`[{code, path, message}]`), `{message, errors: {field: [...]}}`, `{error, message}`, `{detail}`
or `{error}`.
"""

from __future__ import annotations

import copy
from http import HTTPStatus
from typing import Any

from generator.mock.call import Answer
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


def error_answer(api: Api, response: Response | None, status: int, violations: list[Violation], note: str) -> Answer:
    """The vendor's error body for these violations (or no body), with `status`."""
    body = render(api, response, status, violations)
    return Answer(status, body, note=note)


def invalid(api: Api, op: Operation, violations: list[Violation], note: str = "invalid") -> Answer:
    """A 422 or 400 as the spec declares; else 404 for a bad path, else its lowest declared 4xx."""
    wanted = ["422", "400"] if any(r.status == "422" for r in op.responses) else ["400", "422"]
    if any(v.location == "path" for v in violations):
        wanted.append("404")
    wanted += sorted(r.status for r in op.responses if r.status.startswith("4") and r.status not in ("401", "403"))
    response = declared(op, *wanted)
    declared_4xx = response is not None and response.status[:1] == "4" and response.status.isdigit()
    status = int(response.status) if declared_4xx and response is not None else status_of(response, wanted[0])
    return error_answer(api, response, status, violations, note)


def not_found(op: Operation, note: str = "not found") -> Answer:
    """The operation's declared 404 in the vendor's words (its first example)."""
    return Answer(404, example_body(declared(op, "404")), note=note)


def refused(api: Api, op: Operation, status: str, message: str, note: str = "refused") -> Answer:
    """A declared refusal (403, 409, ...) in the vendor's words, its message field saying why when it has one."""
    response = declared(op, status)
    body = example_body(response)
    code = status_of(response, status)
    if isinstance(body, dict) and "message" in body:
        body["message"] = message
        return Answer(code, body, note=note)
    return error_answer(api, response, code, [Violation("path", (), message)], note)
