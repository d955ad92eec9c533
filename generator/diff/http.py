"""HTTP-contract rules: what changed on the wire between two versions of a spec, judged for a client.

Operations are matched by method and path template (parameter names in a template do not
matter); parameters by location and name (headers ignore case); schemas are compared in the
direction they travel (`generator.diff.schemas`). testrelay's own extensions are read from the IR.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from generator.diff.findings import Finding, Level, Location, Rule, rule
from generator.diff.schemas import Comparison, Direction, view
from generator.diff.side import Side
from generator.spec import pointer as jp
from generator.spec.ir import Operation, Parameter, Polling, Response, deref

ERR, WARN, INFO = Level.ERR, Level.WARN, Level.INFO


def _r(rule_id: str, level: Level, meaning: str) -> Rule:
    return rule(rule_id, level, "http", meaning)


SPEC_ADDED = _r("spec-added", INFO, "A spec file was added: a new package will be generated.")
SPEC_REMOVED = _r("spec-removed", ERR, "A spec file was removed: its package and every call into it are gone.")
PATH_ADDED = _r("path-added", INFO, "A new path, with its operations.")
PATH_REMOVED = _r("path-removed", ERR, "A path was removed: calls to it now get 404.")
OPERATION_ADDED = _r("operation-added", INFO, "A new operation (method) on an existing path.")
OPERATION_REMOVED = _r(
    "operation-removed", ERR, "An operation was removed from a path that remains: calls get 404/405."
)
OPERATION_ID_CHANGED = _r(
    "operation-id-changed",
    WARN,
    "Same method and path, new operationId: the wire is the same, generated names are not.",
)
OPERATION_DEPRECATED = _r("operation-deprecated", INFO, "An operation is now marked deprecated.")

PARAM_ADDED_REQUIRED = _r(
    "request-parameter-added-required", ERR, "A new required parameter: requests without it are now rejected."
)
PARAM_ADDED = _r("request-parameter-added", INFO, "A new optional parameter.")
PARAM_REMOVED = _r("request-parameter-removed", WARN, "A parameter was removed: sending it may be ignored or rejected.")
PARAM_REQUIRED = _r("request-parameter-became-required", ERR, "An optional parameter became required.")
PARAM_OPTIONAL = _r("request-parameter-became-optional", INFO, "A required parameter became optional.")
PARAM_LOCATION = _r(
    "request-parameter-location-changed",
    ERR,
    "A parameter moved (query, header, path, cookie): it is sent where it is not read.",
)
PARAM_STYLE = _r(
    "request-parameter-style-changed",
    ERR,
    "A parameter's `style` or `explode` changed: values are serialized differently.",
)
PARAM_DEFAULT = _r(
    "request-parameter-default-changed", WARN, "A parameter's default changed: omitting it means something else."
)

BODY_ADDED_REQUIRED = _r("request-body-added-required", ERR, "An operation now requires a request body.")
BODY_ADDED = _r("request-body-added", INFO, "An operation now accepts an optional request body.")
BODY_REMOVED = _r(
    "request-body-removed", WARN, "An operation no longer takes a request body: what is sent may be rejected."
)
BODY_REQUIRED = _r("request-body-became-required", ERR, "An optional request body became required.")
BODY_OPTIONAL = _r("request-body-became-optional", INFO, "A required request body became optional.")
BODY_MEDIA_REMOVED = _r(
    "request-body-media-type-removed", ERR, "A request content type is no longer accepted (415 for clients sending it)."
)
BODY_MEDIA_ADDED = _r("request-body-media-type-added", INFO, "A request content type is newly accepted.")

SUCCESS_REMOVED = _r(
    "response-success-status-removed", ERR, "A 2xx status an operation answered with is gone (e.g. 200 became 201)."
)
SUCCESS_ADDED = _r("response-success-status-added", INFO, "An operation may answer with a new 2xx status.")
ERROR_REMOVED = _r(
    "response-error-status-removed", WARN, "A declared error status is gone: code handling it never sees it."
)
ERROR_ADDED = _r(
    "response-error-status-added", INFO, "A new declared error status (the client raises its typed error)."
)
RESPONSE_BODY_REMOVED = _r(
    "response-body-removed", ERR, "The success response no longer has a body: calls return None."
)
RESPONSE_BODY_ADDED = _r("response-body-added", INFO, "The success response now has a body.")
RESPONSE_MEDIA_REMOVED = _r(
    "response-media-type-removed",
    ERR,
    "A content type of the success response is gone: the answer is parsed differently.",
)
RESPONSE_MEDIA_ADDED = _r("response-media-type-added", INFO, "The success response may come in a new content type.")

SCHEME_ADDED = _r("security-scheme-added", INFO, "A new security scheme.")
SCHEME_REMOVED = _r(
    "security-scheme-removed", ERR, "A security scheme was removed: credentials of that kind are refused."
)
SCHEME_CHANGED = _r(
    "security-scheme-changed", ERR, "A security scheme's type, location, header/parameter name or HTTP scheme changed."
)
SECURITY_ADDED = _r("security-requirement-added", ERR, "An operation that needed no credential now needs one.")
SECURITY_REMOVED = _r("security-requirement-removed", INFO, "An operation no longer needs a credential.")
SECURITY_ALT_ADDED = _r("security-alternative-added", INFO, "An operation accepts a new way to authenticate.")
SECURITY_ALT_REMOVED = _r(
    "security-alternative-removed",
    ERR,
    "A way to authenticate an operation accepted is gone: clients using it are refused.",
)
SCOPE_ADDED = _r("security-scope-added", ERR, "An operation needs a new OAuth scope: tokens without it are refused.")
SCOPE_REMOVED = _r("security-scope-removed", INFO, "An operation no longer needs an OAuth scope.")
TOKEN_ADDED = _r("token-exchange-added", ERR, "`x-token-exchange`: the key must now be traded for a token first.")
TOKEN_REMOVED = _r("token-exchange-removed", ERR, "`x-token-exchange` removed: the key is sent as it is, no token.")
TOKEN_CHANGED = _r(
    "token-exchange-changed", ERR, "`x-token-exchange`: its operation, key or token pointer or header prefix changed."
)
TOKEN_TTL = _r("token-exchange-ttl-changed", WARN, "`x-token-exchange`: the token lifetime or refresh buffer changed.")

SERVER_PATH = _r("server-base-path-changed", ERR, "The first server's base path changed: every request goes elsewhere.")
SERVER_HOST = _r(
    "server-host-changed", WARN, "The first server's scheme or host changed: clients without base_url call elsewhere."
)
SERVER_ADDED = _r("server-added", INFO, "A server was added.")
SERVER_REMOVED = _r("server-removed", WARN, "A server other than the first was removed.")
SERVER_VAR_ADDED = _r("server-variable-added", INFO, "A new server variable (with its default).")
SERVER_VAR_REMOVED = _r(
    "server-variable-removed", ERR, "A server variable was removed: the argument that set it is gone."
)
SERVER_VAR_ENUM = _r("server-variable-enum-value-removed", ERR, "A value a server variable allowed is gone.")
SERVER_VAR_DEFAULT = _r("server-variable-default-changed", WARN, "A server variable's default changed.")

POLLING_ADDED = _r("polling-added", INFO, "`x-polling` added: the operation can now be waited on.")
POLLING_REMOVED = _r("polling-removed", WARN, "`x-polling` removed: nothing says how to wait on this operation.")
POLLING_POINTER = _r("polling-status-pointer-changed", ERR, "`x-polling`: the status is read from another place.")
POLLING_MOVED = _r(
    "polling-value-reclassified", WARN, "`x-polling`: a status moved between pending, success, failure and judged."
)
POLLING_DROPPED = _r(
    "polling-value-unlisted", WARN, "`x-polling`: a status is no longer listed, so it now counts as pending."
)
POLLING_LISTED = _r(
    "polling-value-listed", INFO, "`x-polling`: a status is newly listed as pending, success or failure."
)
POLLING_UNCLASSIFIED = _r(
    "polling-status-unclassified",
    WARN,
    "A status the response may now carry is in none of pending/success/failure: waits treat it as pending.",
)
POLLING_JUDGED = _r(
    "polling-judged-changed", WARN, "`x-polling`: the failure count a judged status is read by changed."
)
POLLING_INTERVAL = _r("polling-interval-changed", INFO, "`x-polling`: the vendor's poll interval changed.")
POLLING_TIMEOUT_DOWN = _r(
    "polling-timeout-decreased", WARN, "`x-polling`: the default deadline is shorter: waits give up sooner."
)
POLLING_TIMEOUT_UP = _r("polling-timeout-increased", INFO, "`x-polling`: the default deadline is longer.")
PAGING_ADDED = _r("pagination-added", INFO, "`x-pagination` added: the operation can be iterated page by page.")
PAGING_REMOVED = _r("pagination-removed", WARN, "`x-pagination` removed: nothing says how to walk its pages.")
PAGING_CHANGED = _r(
    "pagination-changed",
    ERR,
    "`x-pagination`: style, page/cursor parameter or a pointer changed: iteration reads the wrong place.",
)
RATE_ADDED = _r("rate-limit-added", INFO, "`x-rate-limit` added: waits on 429 follow the spec's hint.")
RATE_REMOVED = _r("rate-limit-removed", WARN, "`x-rate-limit` removed: 429 waits fall back to Retry-After alone.")
RATE_CHANGED = _r(
    "rate-limit-changed", WARN, "`x-rate-limit`: where the wait hint is read, or the default wait, changed."
)
IDEMPOTENT_REMOVED = _r(
    "idempotent-removed", WARN, "`x-idempotent` removed: a retry-safe POST/PATCH is no longer re-sent after a 5xx."
)
LINK_REMOVED = _r(
    "link-removed", WARN, "A response link is gone: nothing says how to go from this answer to the next call."
)
LINK_ADDED = _r("link-added", INFO, "A new response link from this answer to another operation.")
IDEMPOTENT_ADDED = _r("idempotent-added", INFO, "`x-idempotent` added: the operation is now re-sent after a 5xx.")

# Kinds of schema change (`generator.diff.schemas`) by direction, and the rules they become.
_KINDS: dict[str, tuple[tuple[str, Level, str], ...]] = {
    "request": (
        ("property-removed", WARN, "A request body property was removed: sending it may be rejected."),
        ("property-added-required", ERR, "A new required request property: requests without it are rejected."),
        ("property-added", INFO, "A new optional request property."),
        ("property-became-required", ERR, "An optional request property became required."),
        ("property-became-optional", INFO, "A required request property became optional."),
        ("became-nullable", INFO, "A request value may now be null."),
        ("became-non-nullable", ERR, "A request value may no longer be null."),
        ("type-changed", ERR, "A request value's type changed incompatibly."),
        ("type-widened", INFO, "A request value accepts more types (integer -> number, a type added)."),
        ("type-narrowed", ERR, "A request value accepts fewer types."),
        ("format-changed", WARN, "A request value's `format` changed."),
        ("enum-value-removed", ERR, "A value a request enum allowed is gone."),
        ("enum-value-added", INFO, "A request enum allows a new value."),
        ("enum-added", ERR, "A free request value is now restricted to an enum."),
        ("enum-removed", INFO, "A request value is no longer restricted to an enum."),
        ("constraint-tightened", ERR, "A request bound (max/min length, items, value, pattern) is stricter."),
        ("constraint-loosened", INFO, "A request bound is looser or gone."),
        ("union-branch-removed", ERR, "A request `oneOf`/`anyOf` alternative is gone."),
        ("union-branch-added", INFO, "A request `oneOf`/`anyOf` accepts a new alternative."),
    ),
    "response": (
        ("required-property-removed", ERR, "A required response property was removed: code reading it fails."),
        ("optional-property-removed", WARN, "An optional response property was removed: it is now always absent."),
        ("property-added", INFO, "A new response property."),
        ("property-became-optional", WARN, "A required response property became optional: it may be absent."),
        ("property-became-required", INFO, "An optional response property became required."),
        ("became-nullable", WARN, "A response value may now be null."),
        ("became-non-nullable", INFO, "A response value is no longer null."),
        ("type-changed", ERR, "A response value's type changed incompatibly."),
        ("type-widened", WARN, "A response value may come in more types."),
        ("type-narrowed", INFO, "A response value comes in fewer types."),
        ("format-changed", WARN, "A response value's `format` changed."),
        ("enum-value-removed", INFO, "A response enum lost a value: it is no longer returned."),
        ("enum-value-added", WARN, "A closed response enum has a new value: code matching every value misses it."),
        (
            "open-enum-value-added",
            INFO,
            "An open response enum (`anyOf` of the values and the type) lists a new value.",
        ),
        ("enum-added", INFO, "A response value is now restricted to an enum."),
        ("enum-removed", WARN, "A response value is no longer restricted to an enum: any value may come."),
        ("constraint-tightened", INFO, "A response bound is stricter."),
        ("constraint-loosened", WARN, "A response bound is looser: values beyond the old one may come."),
        ("union-branch-removed", INFO, "A response `oneOf`/`anyOf` alternative is gone."),
        ("union-branch-added", WARN, "A response `oneOf`/`anyOf` has a new alternative: code handling each misses it."),
    ),
    "request-parameter": (
        ("type-changed", ERR, "A parameter's type changed incompatibly."),
        ("type-widened", INFO, "A parameter accepts more types."),
        ("type-narrowed", ERR, "A parameter accepts fewer types."),
        ("format-changed", WARN, "A parameter's `format` changed."),
        ("enum-value-removed", ERR, "A value a parameter's enum allowed is gone."),
        ("enum-value-added", INFO, "A parameter's enum allows a new value."),
        ("enum-added", ERR, "A free parameter is now restricted to an enum."),
        ("enum-removed", INFO, "A parameter is no longer restricted to an enum."),
        ("constraint-tightened", ERR, "A parameter bound is stricter."),
        ("constraint-loosened", INFO, "A parameter bound is looser or gone."),
    ),
}
SCHEMA_RULES: dict[str, dict[str, Rule]] = {
    prefix: {kind: _r(f"{prefix}-{kind}", level, meaning) for kind, level, meaning in kinds}
    for prefix, kinds in _KINDS.items()
}
_ALIASES = {"open-enum-value-added": "enum-value-added"}


def _template(path: str) -> str:
    return re.sub(r"\{[^}/]*\}", "{}", path)


def _op_key(op: Operation) -> tuple[str, str]:
    return op.method.lower(), _template(op.path)


def _param_key(param: Parameter) -> tuple[str, str]:
    return param.location, param.name.lower() if param.location == "header" else param.name


@dataclass
class Differ:
    """One comparison of two sides; `findings` collects what the rules report."""

    old: Side
    new: Side

    def __post_init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, r: Rule, operation: str, subject: str, message: str, old: Location, new: Location) -> Finding:
        finding = Finding(r, operation, subject, message, old, new)
        self.findings.append(finding)
        return finding

    def at(self, old_ptr: str, new_ptr: str) -> tuple[Location, Location]:
        return self.old.at(old_ptr), self.new.at(new_ptr)

    def run(self) -> list[Finding]:
        self.servers()
        self.security_schemes()
        self.rate_limit("", self.old.api.rate_limit, self.new.api.rate_limit, "", "")
        self.operations()
        return self.findings

    # -- operations ---------------------------------------------------------------------------------

    def operations(self) -> None:
        old_ops = {_op_key(op): op for op in self.old.api.operations}
        new_ops = {_op_key(op): op for op in self.new.api.operations}
        old_paths = {k[1] for k in old_ops}
        new_paths = {k[1] for k in new_ops}
        for key, op in old_ops.items():
            if key in new_ops:
                continue
            op_ptr = self.old.operation_pointer(op)
            label = f"{op.method.upper()} {op.path}"
            if key[1] in new_paths:
                new_op = next(o for k, o in new_ops.items() if k[1] == key[1])
                where = jp.parent(self.new.operation_pointer(new_op))
                self.add(OPERATION_REMOVED, op.operation_id, label, f"{label} removed", *self.at(op_ptr, where))
            else:
                self.add(
                    PATH_REMOVED,
                    op.operation_id,
                    label,
                    f"path {op.path} removed ({label})",
                    *self.at(op_ptr, "/paths"),
                )
        for key, op in new_ops.items():
            if key in old_ops:
                continue
            op_ptr = self.new.operation_pointer(op)
            label = f"{op.method.upper()} {op.path}"
            if key[1] in old_paths:
                old_op = next(o for k, o in old_ops.items() if k[1] == key[1])
                where = jp.parent(self.old.operation_pointer(old_op))
                self.add(OPERATION_ADDED, op.operation_id, label, f"{label} added", *self.at(where, op_ptr))
            else:
                self.add(
                    PATH_ADDED, op.operation_id, label, f"path {op.path} added ({label})", *self.at("/paths", op_ptr)
                )
        for key, old_op in old_ops.items():
            if key in new_ops:
                self.operation(old_op, new_ops[key])

    def operation(self, a: Operation, b: Operation) -> None:
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        op = b.operation_id
        label = f"{b.method.upper()} {b.path}"
        if a.operation_id != b.operation_id:
            self.add(
                OPERATION_ID_CHANGED,
                op,
                a.operation_id,
                f"{label}: operationId {a.operation_id} -> {b.operation_id}",
                *self.at(jp.join(pa, "operationId"), jp.join(pb, "operationId")),
            )
        if b.deprecated and not a.deprecated:
            self.add(OPERATION_DEPRECATED, op, label, f"{label} is deprecated", *self.at(pa, jp.join(pb, "deprecated")))
        self.parameters(a, b)
        self.body(a, b)
        self.responses(a, b)
        self.security(a, b)
        self.links(a, b)
        self.polling(a, b)
        self.pagination(a, b)
        self.rate_limit(op, a.rate_limit, b.rate_limit, jp.join(pa, "x-rate-limit"), jp.join(pb, "x-rate-limit"))
        if a.idempotent != b.idempotent:
            r = IDEMPOTENT_ADDED if b.idempotent else IDEMPOTENT_REMOVED
            verb = "now" if b.idempotent else "no longer"
            self.add(
                r,
                op,
                "x-idempotent",
                f"{label} is {verb} x-idempotent",
                *self.at(jp.join(pa, "x-idempotent"), jp.join(pb, "x-idempotent")),
            )

    # -- parameters ---------------------------------------------------------------------------------

    def parameters(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        old = {_param_key(p): p for p in a.parameters}
        new = {_param_key(p): p for p in b.parameters}
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        moved: set[tuple[str, str]] = set()
        for key, param in old.items():
            if key in new:
                continue
            # A path parameter renamed with its template (`{id}` -> `{runId}`) is one parameter, in the same place.
            target = next(
                (
                    p
                    for k, p in new.items()
                    if k not in old
                    and k not in moved
                    and (
                        k[1] == key[1]
                        or (param.location == "path" == p.location and _template(a.path) == _template(b.path))
                    )
                ),
                None,
            )
            if target is None:
                self.add(
                    PARAM_REMOVED,
                    op,
                    f"{param.location} parameter {param.name}",
                    f"{param.location} parameter {param.name} removed",
                    *self.at(self.old.parameter_pointer(a, param), jp.join(pb, "parameters")),
                )
                continue
            moved.add(_param_key(target))
            if target.location != param.location:
                self.add(
                    PARAM_LOCATION,
                    op,
                    f"parameter {param.name}",
                    f"parameter {param.name} moved from {param.location} to {target.location}",
                    *self.at(self.old.parameter_pointer(a, param), self.new.parameter_pointer(b, target)),
                )
            self.parameter(a, b, param, target)
        for key, param in old.items():
            if key in new:
                self.parameter(a, b, param, new[key])
        for key, param in new.items():
            if key in old or key in moved:
                continue
            r = PARAM_ADDED_REQUIRED if param.required else PARAM_ADDED
            self.add(
                r,
                op,
                f"{param.location} parameter {param.name}",
                f"{'required' if param.required else 'optional'} {param.location} parameter {param.name} added",
                *self.at(jp.join(pa, "parameters"), self.new.parameter_pointer(b, param)),
            )

    def parameter(self, a: Operation, b: Operation, pa: Parameter, pb: Parameter) -> None:
        op = b.operation_id
        subject = f"{pb.location} parameter {pb.name}"
        old_ptr, new_ptr = self.old.parameter_pointer(a, pa), self.new.parameter_pointer(b, pb)
        if pb.required and not pa.required:
            self.add(PARAM_REQUIRED, op, subject, f"{subject} is now required", *self.at(old_ptr, new_ptr))
        elif pa.required and not pb.required:
            self.add(PARAM_OPTIONAL, op, subject, f"{subject} is now optional", *self.at(old_ptr, new_ptr))
        if pa.location == pb.location and (pa.style, pa.explode) != (pb.style, pb.explode):
            self.add(
                PARAM_STYLE,
                op,
                subject,
                f"{subject}: style {pa.style}/explode={pa.explode} -> {pb.style}/explode={pb.explode}",
                *self.at(old_ptr, new_ptr),
            )
        old_default, new_default = _default(pa.schema, self.old), _default(pb.schema, self.new)
        if old_default != new_default and not pb.required:
            self.add(
                PARAM_DEFAULT,
                op,
                subject,
                f"{subject}: default {old_default!r} -> {new_default!r}",
                *self.at(jp.join(old_ptr, "schema"), jp.join(new_ptr, "schema")),
            )
        self.schema(
            "request-parameter",
            op,
            subject,
            (pa.schema, jp.join(old_ptr, "schema")),
            (pb.schema, jp.join(new_ptr, "schema")),
        )

    # -- schemas ------------------------------------------------------------------------------------

    def schema(
        self,
        context: str,
        op: str,
        subject: str,
        old: tuple[Any, str],
        new: tuple[Any, str],
        direction: Direction = "request",
    ) -> None:
        def emit(kind: str, path: str, old_ptr: str, new_ptr: str, detail: str) -> None:
            prefix = context if (not path and kind in SCHEMA_RULES.get(context, {})) else direction
            rules = SCHEMA_RULES[prefix]
            r = rules.get(kind) or rules[_ALIASES.get(kind, kind)]
            where = f"{subject}: {path}" if path else subject
            self.add(r, op, f"{where} {kind}", f"{where}: {detail}", *self.at(old_ptr, new_ptr))

        Comparison(self.old, self.new, direction, emit).compare(old[0], old[1], new[0], new[1], "")

    # -- request bodies -----------------------------------------------------------------------------

    def body(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        if a.body is None and b.body is None:
            return
        if a.body is None:
            assert b.body is not None
            r = BODY_ADDED_REQUIRED if b.body.required else BODY_ADDED
            self.add(
                r,
                op,
                "request body",
                f"request body added ({b.body.media_type})",
                *self.at(pa, self.new.body_pointer(b)),
            )
            return
        if b.body is None:
            self.add(BODY_REMOVED, op, "request body", "request body removed", *self.at(self.old.body_pointer(a), pb))
            return
        ba, bb = self.old.body_pointer(a), self.new.body_pointer(b)
        if b.body.required and not a.body.required:
            self.add(BODY_REQUIRED, op, "request body", "the request body is now required", *self.at(ba, bb))
        elif a.body.required and not b.body.required:
            self.add(BODY_OPTIONAL, op, "request body", "the request body is now optional", *self.at(ba, bb))
        old_media = _media_types(self.old.raw(jp.join(ba, "content")))
        new_media = _media_types(self.new.raw(jp.join(bb, "content")))
        for media in old_media - new_media:
            self.add(
                BODY_MEDIA_REMOVED,
                op,
                f"request body {media}",
                f"request body no longer accepts {media}",
                *self.at(jp.join(ba, "content", media), jp.join(bb, "content")),
            )
        for media in new_media - old_media:
            self.add(
                BODY_MEDIA_ADDED,
                op,
                f"request body {media}",
                f"request body accepts {media}",
                *self.at(jp.join(ba, "content"), jp.join(bb, "content", media)),
            )
        if a.body.media_type.split(";")[0] == b.body.media_type.split(";")[0]:
            self.schema(
                "request",
                op,
                "request body",
                (a.body.schema, self.old.body_schema_pointer(a)),
                (b.body.schema, self.new.body_schema_pointer(b)),
            )

    # -- responses ----------------------------------------------------------------------------------

    def responses(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        old = {r.status: r for r in a.responses}
        new = {r.status: r for r in b.responses}
        for status, response in old.items():
            if status not in new:
                r = SUCCESS_REMOVED if response.is_success else ERROR_REMOVED
                self.add(
                    r,
                    op,
                    f"response {status}",
                    f"response {status} removed",
                    *self.at(self.old.response_pointer(a, status), jp.join(pb, "responses")),
                )
        for status, response in new.items():
            if status not in old:
                r = SUCCESS_ADDED if response.is_success else ERROR_ADDED
                self.add(
                    r,
                    op,
                    f"response {status}",
                    f"response {status} added",
                    *self.at(jp.join(pa, "responses"), self.new.response_pointer(b, status)),
                )
        sa, sb = a.success, b.success
        if sa is None or sb is None:
            return
        self.response_body(a, b, sa, sb)

    def response_body(self, a: Operation, b: Operation, sa: Response, sb: Response) -> None:
        op = b.operation_id
        ra, rb = self.old.response_pointer(a, sa.status), self.new.response_pointer(b, sb.status)
        subject = f"response {sb.status}" if sa.status == sb.status else f"response {sa.status}->{sb.status}"
        if sa.schema is not None and sb.schema is None:
            self.add(RESPONSE_BODY_REMOVED, op, subject, f"{subject}: no body any more", *self.at(ra, rb))
            return
        if sa.schema is None and sb.schema is not None:
            self.add(RESPONSE_BODY_ADDED, op, subject, f"{subject}: now has a body", *self.at(ra, rb))
            return
        old_media = _media_types(self.old.raw(jp.join(ra, "content")))
        new_media = _media_types(self.new.raw(jp.join(rb, "content")))
        for media in old_media - new_media:
            self.add(
                RESPONSE_MEDIA_REMOVED,
                op,
                f"{subject} {media}",
                f"{subject} no longer comes as {media}",
                *self.at(jp.join(ra, "content", media), jp.join(rb, "content")),
            )
        for media in new_media - old_media:
            self.add(
                RESPONSE_MEDIA_ADDED,
                op,
                f"{subject} {media}",
                f"{subject} may come as {media}",
                *self.at(jp.join(ra, "content"), jp.join(rb, "content", media)),
            )
        if sa.schema is not None and sb.schema is not None and sa.media_type and sb.media_type:
            self.schema(
                "response",
                op,
                subject,
                (sa.schema, self.old.response_schema_pointer(a, sa.status, sa.media_type)),
                (sb.schema, self.new.response_schema_pointer(b, sb.status, sb.media_type)),
                "response",
            )

    def links(self, a: Operation, b: Operation) -> None:
        old = {(link.name, link.operation_id, link.parameters) for link in a.links}
        new = {(link.name, link.operation_id, link.parameters) for link in b.links}
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        for name, target, _ in sorted(old - new):
            self.add(
                LINK_REMOVED,
                b.operation_id,
                f"link {name}",
                f"link {name} to {target} removed or changed",
                *self.at(self._link_pointer(self.old, a, name) or pa, pb),
            )
        for name, target, _ in sorted(new - old):
            self.add(
                LINK_ADDED,
                b.operation_id,
                f"link {name}",
                f"link {name} to {target} added or changed",
                *self.at(pa, self._link_pointer(self.new, b, name) or pb),
            )

    def _link_pointer(self, side: Side, op: Operation, name: str) -> str | None:
        for response in op.responses:
            pointer = jp.join(side.response_pointer(op, response.status), "links", name)
            if pointer in side.spec.lines:
                return pointer
        return None

    # -- security -----------------------------------------------------------------------------------

    def security_schemes(self) -> None:
        old = {s.key: s for s in self.old.api.security_schemes}
        new = {s.key: s for s in self.new.api.security_schemes}
        base = "/components/securitySchemes"
        for key, scheme in old.items():
            ptr = jp.join(base, key)
            if key not in new:
                self.add(SCHEME_REMOVED, "", f"scheme {key}", f"security scheme {key} removed", *self.at(ptr, base))
                continue
            other = new[key]
            before = (scheme.kind, scheme.location, scheme.param_name, scheme.scheme, *_flows(scheme))
            after = (other.kind, other.location, other.param_name, other.scheme, *_flows(other))
            if before != after:
                self.add(
                    SCHEME_CHANGED,
                    "",
                    f"scheme {key}",
                    f"security scheme {key}: {_scheme_text(before)} -> {_scheme_text(after)}",
                    *self.at(ptr, ptr),
                )
            self.token_exchange(key, scheme.token_exchange, other.token_exchange)
        for key in new:
            if key not in old:
                self.add(
                    SCHEME_ADDED,
                    "",
                    f"scheme {key}",
                    f"security scheme {key} added",
                    *self.at(base, jp.join(base, key)),
                )

    def token_exchange(self, key: str, a: Any, b: Any) -> None:
        ptr = jp.join("/components/securitySchemes", key, "x-token-exchange")
        subject = f"scheme {key} x-token-exchange"
        if a is None and b is None:
            return
        if a is None or b is None:
            r = TOKEN_ADDED if a is None else TOKEN_REMOVED
            self.add(
                r,
                "",
                subject,
                f"security scheme {key}: x-token-exchange {'added' if a is None else 'removed'}",
                *self.at(ptr, ptr),
            )
            return
        fields = ("operation_id", "key_pointer", "token_pointer", "header_prefix")
        changed = [f for f in fields if getattr(a, f) != getattr(b, f)]
        if changed:
            text = ", ".join(f"{f} {getattr(a, f)!r} -> {getattr(b, f)!r}" for f in changed)
            self.add(TOKEN_CHANGED, "", subject, f"security scheme {key}: x-token-exchange {text}", *self.at(ptr, ptr))
        if (a.ttl_seconds, a.refresh_buffer_seconds) != (b.ttl_seconds, b.refresh_buffer_seconds):
            self.add(
                TOKEN_TTL,
                "",
                subject,
                f"security scheme {key}: token lifetime {a.ttl_seconds:g} s -> {b.ttl_seconds:g} s",
                *self.at(jp.join(ptr, "ttlSeconds"), jp.join(ptr, "ttlSeconds")),
            )

    def security(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        pa, pb = self.old.operation_pointer(a), self.new.operation_pointer(b)
        old_ptr = jp.join(pa, "security") if "security" in (self.old.raw(pa) or {}) else "/security"
        new_ptr = jp.join(pb, "security") if "security" in (self.new.raw(pb) or {}) else "/security"
        self.scopes(a, b, old_ptr, new_ptr)
        old, new = set(a.security), set(b.security)
        if old == new:
            return
        where = self.at(old_ptr, new_ptr)
        if not old:
            self.add(SECURITY_ADDED, op, "security", f"now needs {_alternatives(new)}", *where)
            return
        if not new:
            self.add(SECURITY_REMOVED, op, "security", "needs no credential any more", *where)
            return
        for alt in sorted(old - new):
            self.add(
                SECURITY_ALT_REMOVED,
                op,
                f"security {'+'.join(alt)}",
                f"no longer accepts {'+'.join(alt) or 'no auth'}",
                *where,
            )
        for alt in sorted(new - old):
            self.add(
                SECURITY_ALT_ADDED,
                op,
                f"security {'+'.join(alt)}",
                f"now also accepts {'+'.join(alt) or 'no auth'}",
                *where,
            )

    def scopes(self, a: Operation, b: Operation, old_ptr: str, new_ptr: str) -> None:
        """Scopes of the alternatives both versions accept (same schemes): a new one may be refused to old tokens."""
        old = {req.keys: dict(req.schemes) for req in a.requirements}
        new = {req.keys: dict(req.schemes) for req in b.requirements}
        for keys in sorted(set(old) & set(new)):
            for key in keys:
                added = [s for s in new[keys].get(key, ()) if s not in old[keys].get(key, ())]
                removed = [s for s in old[keys].get(key, ()) if s not in new[keys].get(key, ())]
                for scope in added:
                    self.add(
                        SCOPE_ADDED,
                        b.operation_id,
                        f"security {key} scope {scope}",
                        f"{key} now needs scope {scope}",
                        *self.at(old_ptr, new_ptr),
                    )
                for scope in removed:
                    self.add(
                        SCOPE_REMOVED,
                        b.operation_id,
                        f"security {key} scope {scope}",
                        f"{key} no longer needs scope {scope}",
                        *self.at(old_ptr, new_ptr),
                    )

    # -- servers ------------------------------------------------------------------------------------

    def servers(self) -> None:
        old, new = self.old.api.servers, self.new.api.servers
        if old and new:
            ua, ub = urlsplit(old[0].url), urlsplit(new[0].url)
            where = self.at("/servers/0/url", "/servers/0/url")
            if ua.path.rstrip("/") != ub.path.rstrip("/"):
                self.add(SERVER_PATH, "", "server base path", f"base path {ua.path or '/'} -> {ub.path or '/'}", *where)
            if (ua.scheme, _template(ua.netloc)) != (ub.scheme, _template(ub.netloc)):
                self.add(SERVER_HOST, "", "server host", f"server {old[0].url} -> {new[0].url}", *where)
            self.server_variables(old[0], new[0])
        old_urls = [s.url for s in old[1:]]
        new_urls = [s.url for s in new]
        for i, url in enumerate(old_urls, start=1):
            if url not in new_urls:
                self.add(
                    SERVER_REMOVED,
                    "",
                    f"server {url}",
                    f"server {url} removed",
                    *self.at(jp.join("/servers", i), "/servers"),
                )
        for i, server in enumerate(new):
            if server.url not in {s.url for s in old}:
                if i == 0 and old:
                    continue  # the first server's change is judged above, by path and host
                self.add(
                    SERVER_ADDED,
                    "",
                    f"server {server.url}",
                    f"server {server.url} added",
                    *self.at("/servers", jp.join("/servers", i)),
                )

    def server_variables(self, a: Any, b: Any) -> None:
        old = {v.name: v for v in a.variables}
        new = {v.name: v for v in b.variables}
        base = "/servers/0/variables"
        for name, var in old.items():
            ptr = jp.join(base, name)
            if name not in new:
                self.add(
                    SERVER_VAR_REMOVED,
                    "",
                    f"server variable {name}",
                    f"server variable {name} removed",
                    *self.at(ptr, base),
                )
                continue
            other = new[name]
            removed = [v for v in var.enum if other.enum and v not in other.enum]
            if removed:
                self.add(
                    SERVER_VAR_ENUM,
                    "",
                    f"server variable {name}",
                    f"server variable {name}: value(s) {', '.join(removed)} no longer allowed",
                    *self.at(jp.join(ptr, "enum"), jp.join(ptr, "enum")),
                )
            if var.default != other.default:
                self.add(
                    SERVER_VAR_DEFAULT,
                    "",
                    f"server variable {name}",
                    f"server variable {name}: default {var.default!r} -> {other.default!r}",
                    *self.at(jp.join(ptr, "default"), jp.join(ptr, "default")),
                )
        for name in new:
            if name not in old:
                self.add(
                    SERVER_VAR_ADDED,
                    "",
                    f"server variable {name}",
                    f"server variable {name} added",
                    *self.at(base, jp.join(base, name)),
                )

    # -- extensions ---------------------------------------------------------------------------------

    def polling(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        pa = jp.join(self.old.operation_pointer(a), "x-polling")
        pb = jp.join(self.new.operation_pointer(b), "x-polling")
        if a.polling is None and b.polling is None:
            return
        if a.polling is None or b.polling is None:
            r = POLLING_ADDED if a.polling is None else POLLING_REMOVED
            self.add(r, op, "x-polling", f"x-polling {'added' if a.polling is None else 'removed'}", *self.at(pa, pb))
            return
        x, y = a.polling, b.polling
        if x.status_pointer != y.status_pointer:
            self.add(
                POLLING_POINTER,
                op,
                "x-polling statusPointer",
                f"x-polling status read from {y.status_pointer} instead of {x.status_pointer}",
                *self.at(jp.join(pa, "statusPointer"), jp.join(pb, "statusPointer")),
            )
        before, after = _classes(x), _classes(y)
        for value, cls in before.items():
            if value in after and after[value] != cls:
                self.add(
                    POLLING_MOVED,
                    op,
                    f"x-polling {value!r}",
                    f"x-polling: status {value!r} moved from {cls} to {after[value]}",
                    *self.at(jp.join(pa, cls), jp.join(pb, after[value])),
                )
            elif value not in after:
                self.add(
                    POLLING_DROPPED,
                    op,
                    f"x-polling {value!r}",
                    f"x-polling: status {value!r} ({cls}) is no longer listed and now counts as pending",
                    *self.at(jp.join(pa, cls), pb),
                )
        for value, cls in after.items():
            if value not in before:
                self.add(
                    POLLING_LISTED,
                    op,
                    f"x-polling {value!r}",
                    f"x-polling: status {value!r} is now listed as {cls}",
                    *self.at(pa, jp.join(pb, cls)),
                )
        if x.pending_when_absent != y.pending_when_absent:
            self.add(
                POLLING_MOVED,
                op,
                "x-polling absent status",
                f"x-polling: a missing status {'now' if y.pending_when_absent else 'no longer'} counts as pending",
                *self.at(pa, pb),
            )
        judged_a = {j.value: j.failures_pointer for j in x.judged}
        judged_b = {j.value: j.failures_pointer for j in y.judged}
        for value, pointer in judged_a.items():
            if value in judged_b and judged_b[value] != pointer:
                self.add(
                    POLLING_JUDGED,
                    op,
                    f"x-polling judged {value!r}",
                    f"x-polling: {value!r} judged by {judged_b[value]} instead of {pointer}",
                    *self.at(jp.join(pa, "judged"), jp.join(pb, "judged")),
                )
        self.unclassified(a, b, x, y, pa, pb)
        if x.interval_seconds != y.interval_seconds:
            self.add(
                POLLING_INTERVAL,
                op,
                "x-polling intervalSeconds",
                f"x-polling interval {x.interval_seconds:g} s -> {y.interval_seconds:g} s",
                *self.at(jp.join(pa, "intervalSeconds"), jp.join(pb, "intervalSeconds")),
            )
        if x.timeout_seconds != y.timeout_seconds:
            r = POLLING_TIMEOUT_DOWN if y.timeout_seconds < x.timeout_seconds else POLLING_TIMEOUT_UP
            self.add(
                r,
                op,
                "x-polling timeoutSeconds",
                f"x-polling default deadline {x.timeout_seconds:g} s -> {y.timeout_seconds:g} s",
                *self.at(jp.join(pa, "timeoutSeconds"), jp.join(pb, "timeoutSeconds")),
            )

    def unclassified(self, a: Operation, b: Operation, x: Polling, y: Polling, pa: str, pb: str) -> None:
        """Statuses the new response schema allows at the status pointer that the new x-polling does not list."""
        old_values = self.status_values(self.old, a, x.status_pointer)
        new_values = self.status_values(self.new, b, y.status_pointer)
        if new_values is None:
            return
        values, where = new_values
        listed = set(_classes(y))
        before = set(_classes(x))
        for value in values:
            was_unlisted = old_values is not None and value in old_values[0] and value not in before
            if value not in listed and not was_unlisted:
                self.add(
                    POLLING_UNCLASSIFIED,
                    b.operation_id,
                    f"x-polling {value!r} unclassified",
                    f"status {value!r} may be returned but x-polling lists it nowhere: waits treat it as pending",
                    *self.at(old_values[1] if old_values else pa, where),
                )

    def status_values(self, side: Side, op: Operation, pointer: str) -> tuple[tuple[Any, ...], str] | None:
        """The enum values the success schema allows at a status pointer, and where that enum is written."""
        success = op.success
        if success is None or success.schema is None or success.media_type is None:
            return None
        schema: Any = success.schema
        at = side.response_schema_pointer(op, success.status, success.media_type)
        for token in jp.split(pointer):
            v = view(side, schema, at)
            if token not in v.properties:
                branches = [view(side, s, p) for s, p in v.branches.values()]
                found = next((bv.properties[token] for bv in branches if token in bv.properties), None)
                if found is None:
                    return None
                schema, at = found
            else:
                schema, at = v.properties[token]
        final = view(side, schema, at)
        return (final.enum, final.pointer) if final.enum is not None else None

    def pagination(self, a: Operation, b: Operation) -> None:
        op = b.operation_id
        pa = jp.join(self.old.operation_pointer(a), "x-pagination")
        pb = jp.join(self.new.operation_pointer(b), "x-pagination")
        if a.pagination == b.pagination:
            return
        if a.pagination is None or b.pagination is None:
            r = PAGING_ADDED if a.pagination is None else PAGING_REMOVED
            self.add(
                r,
                op,
                "x-pagination",
                f"x-pagination {'added' if a.pagination is None else 'removed'}",
                *self.at(pa, pb),
            )
            return
        x, y = a.pagination, b.pagination
        # Every field says where the iterator reads or what it sends, except the helper's name (a surface matter).
        changed = [f.name for f in fields(x) if f.name != "iterator_name" and getattr(x, f.name) != getattr(y, f.name)]
        text = ", ".join(f"{f} {getattr(x, f)!r} -> {getattr(y, f)!r}" for f in changed)
        self.add(PAGING_CHANGED, op, "x-pagination", f"x-pagination: {text}", *self.at(pa, pb))

    def rate_limit(self, op: str, a: Any, b: Any, pa: str, pb: str) -> None:
        pa, pb = pa or "/x-rate-limit", pb or "/x-rate-limit"
        if a == b:
            return
        if a is None or b is None:
            r = RATE_ADDED if a is None else RATE_REMOVED
            self.add(r, op, "x-rate-limit", f"x-rate-limit {'added' if a is None else 'removed'}", *self.at(pa, pb))
            return
        fields = ("retry_after_header", "retry_after_pointer", "default_wait_seconds")
        text = ", ".join(
            f"{f} {getattr(a, f)!r} -> {getattr(b, f)!r}" for f in fields if getattr(a, f) != getattr(b, f)
        )
        self.add(RATE_CHANGED, op, "x-rate-limit", f"x-rate-limit: {text}", *self.at(pa, pb))


def _classes(polling: Polling) -> dict[Any, str]:
    found: dict[Any, str] = {}
    for cls in ("pending", "success", "failure"):
        for value in getattr(polling, cls):
            found[value] = cls
    for judged in polling.judged:
        found[judged.value] = "judged"
    return found


def _flows(scheme: Any) -> tuple[str, ...]:
    """An oauth2 scheme's flows and where it gets tokens: a client of another flow or URL is refused."""
    return tuple(f"{f.kind} {f.token_url or f.authorization_url or ''}".strip() for f in scheme.flows)


def _media_types(content: Any) -> set[str]:
    return {str(k) for k in content} if isinstance(content, dict) else set()


def _default(schema: Any, side: Side) -> Any:
    """A parameter's default, through the class its schema may have been hoisted into."""
    resolved = deref(side.api.schemas, schema)
    return resolved.get("default") if isinstance(resolved, dict) else None


def _scheme_text(values: tuple[Any, ...]) -> str:
    return " ".join(str(v) for v in values if v)


def _alternatives(alts: set[tuple[str, ...]]) -> str:
    return " or ".join("+".join(alt) for alt in sorted(alts))


def http_findings(old: Side, new: Side) -> list[Finding]:
    return Differ(old, new).run()
