"""Trigger a run, attach to it, wait for it and read its results, through the spec's generated client.

Every name used on the client comes from the IR (`Operation.python_name`, `Parameter.python_name`,
`BodyField.python_name`), so any spec with a linked `x-polling` status operation runs the same way.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import httpx

from generator.pipeline.flow import Flow, FlowError
from generator.pipeline.options import TriggerOption
from generator.pipeline.results import TestResult, extract
from generator.runtime import APIConnectionError, PollSpec, to_json, wait
from generator.runtime._pointers import get
from generator.runtime._polling import Outcome, outcome
from generator.spec.ir import Api, Link, Operation, deref


class UsageError(FlowError):
    """A bad option or input file (exit 2)."""


@dataclass
class Started:
    """A run the pipeline knows of: the status operation's arguments that name it."""

    params: dict[str, Any]

    @property
    def run_id(self) -> str:
        return encode_run_id(self.params)


@dataclass
class Finished:
    params: dict[str, Any]
    state: Any
    status: Any
    outcome: Outcome
    results: list[TestResult] = field(default_factory=list)
    results_read: bool = False
    elapsed: float = 0.0

    @property
    def run_id(self) -> str:
        return encode_run_id(self.params)


def encode_run_id(params: Mapping[str, Any]) -> str:
    """`name=value[,name=value]`, values percent-encoded where they would be ambiguous."""
    return ",".join(f"{name}={quote(str(value), safe='-._~:/@')}" for name, value in params.items())


def decode_run_id(flow: Flow, text: str) -> dict[str, Any]:
    """The status arguments a `--run-id` names; a bare value when the status operation takes one id."""
    known = {p.name: p for p in flow.status.parameters}
    if "=" not in text:
        names = {link.parameters[0][0] for link in flow.links if len(link.parameters) == 1}
        if len(names) != 1 or not all(len(link.parameters) == 1 for link in flow.links):
            options = " or ".join(",".join(f"{n}=..." for n, _ in link.parameters) for link in flow.links)
            raise UsageError(f"--run-id: give it as {options}")
        return {names.pop(): text}
    params: dict[str, Any] = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep or name not in known:
            allowed = ", ".join(sorted(known))
            raise UsageError(f"--run-id: {name!r} is not a parameter of {flow.status.operation_id} ({allowed})")
        params[name] = unquote(value)
    return params


def _typed(api: Api, schema: Any, value: Any) -> Any:
    """A value read as text, as the parameter's schema types it (an integer id stays an integer)."""
    schema = deref(api.schemas, schema) if schema is not None else None
    types = schema.get("type") if isinstance(schema, dict) else None
    kinds = {types} if isinstance(types, str) else set(types or ())
    if isinstance(value, str) and "integer" in kinds and re.fullmatch(r"-?\d+", value):
        return int(value)
    if "array" in kinds and not isinstance(value, list):
        return [value]
    return value


def read_body_file(path: Path) -> dict[str, Any]:
    """A request body from a JSON or YAML file."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--body {path}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except ValueError:
        try:
            import yaml

            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark is not None else ""
            raise UsageError(f"--body {path}{where}: neither JSON nor YAML") from None
    if not isinstance(data, dict):
        raise UsageError(f"--body {path}: the body must be an object, not {type(data).__name__}")
    return data


@dataclass
class TriggerInput:
    options: list[TriggerOption]
    values: Mapping[str, Any]
    """Option values by click parameter name; None or () when not given."""
    body: dict[str, Any] = field(default_factory=dict)
    context: Any = None
    """The CI context object, or None for none."""
    headers: dict[str, str] = field(default_factory=dict)


def given(value: Any) -> bool:
    return value is not None and value != ()


def request_parts(flow: Flow, request: TriggerInput) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the wire body, parameter kwargs by Python name): context, then --body, then the options."""
    trigger = flow.trigger
    body: dict[str, Any] = {}
    if request.context is not None and trigger.ci_context is not None:
        _put(body, trigger.ci_context.pointer, request.context)
    for key, value in request.body.items():
        body[key] = value
    params: dict[str, Any] = {}
    by_name = {p.name: p for p in trigger.parameters}
    for option in request.options:
        value = request.values.get(option.dest)
        if not given(value):
            continue
        value = list(value or ()) if option.multiple else value
        if option.where == "body":
            body[option.wire_name] = value
        elif option.where == "param":
            params[by_name[option.wire_name].python_name] = value
    for param in trigger.parameters:
        if param.required and param.python_name not in params:
            raise UsageError(f"missing {_flag_for(request.options, param.name)}")
    if trigger.body is not None:
        missing = [f for f in trigger.body.fields if f.required and f.name not in body]
        if missing:
            raise UsageError(
                "missing "
                + ", ".join(_flag_for(request.options, f.name) for f in missing)
                + " (or give it in --body FILE)"
            )
    return body, params


def _flag_for(options: list[TriggerOption], wire_name: str) -> str:
    for option in options:
        if option.wire_name == wire_name and option.where != "server":
            return f"--{option.flag}"
    return repr(wire_name)


def _put(body: dict[str, Any], pointer: str, value: Any) -> None:
    tokens = pointer.strip("/").split("/")
    node = body
    for token in tokens[:-1]:
        node = node.setdefault(token, {})
    node.setdefault(tokens[-1], value)


def upload_build(flow: Flow, client: Any, path: Path, body: dict[str, Any]) -> str:
    """Upload the build as `x-build-upload` says and put the new id into the trigger's body; returns the id."""
    declared = flow.trigger.build_upload
    if declared is None:
        raise UsageError(f"--build: {flow.trigger.operation_id} takes no build (the spec declares no x-build-upload)")
    targets = get(body, declared.into_pointer)
    if not isinstance(targets, list | dict) or not targets:
        raise UsageError(f"--build puts the new id into {declared.into_pointer}: give it with --body FILE")
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"--build {path}: cannot be read ({exc.__class__.__name__})") from None
    api = flow.api
    upload_op = api.operation(declared.upload_operation_id)
    # An empty object, not no body: the slot is then opened with every optional field left to the server.
    opened = getattr(client, upload_op.python_name)(**({"body": {}} if upload_op.body is not None else {}))
    created = to_json(opened)
    url = get(created, declared.url_pointer)
    if not isinstance(url, str):
        raise FlowError(f"{upload_op.operation_id} answered no upload URL at {declared.url_pointer}")
    # The URL is presigned storage, not the API: a plain request with no credentials.
    request = httpx.Request(declared.method, url, content=content, headers={"Content-Type": declared.content_type})
    try:
        with httpx.Client(timeout=httpx.Timeout(300.0, connect=10.0)) as storage:
            sent = storage.send(request)
    except httpx.HTTPError as exc:
        raise APIConnectionError(f"the build upload failed: {type(exc).__name__}", request=request) from None
    if sent.is_error:
        raise APIConnectionError(f"the build upload answered {sent.status_code}", request=request)
    register_op = api.operation(declared.register_operation_id)
    fields = {f.name: f.python_name for f in (register_op.body.fields if register_op.body else ())}
    kwargs = {fields.get(name, name): get(created, pointer) for name, pointer in declared.register_body}
    registered = to_json(getattr(client, register_op.python_name)(**kwargs))
    new_id = get(registered, declared.id_pointer)
    if new_id is None:
        raise FlowError(f"{register_op.operation_id} answered no id at {declared.id_pointer}")
    for target in targets if isinstance(targets, list) else [targets]:
        if isinstance(target, dict):
            for name in declared.replaces:
                target.pop(name, None)
            target[declared.into_field] = new_id
    return str(new_id)


def trigger(flow: Flow, client: Any, body: dict[str, Any], params: dict[str, Any], headers: dict[str, str]) -> Started:
    """Send the trigger and follow its first link that applies to the status operation's arguments."""
    op = flow.trigger
    kwargs: dict[str, Any] = dict(params)
    declared = {f.name: f.python_name for f in (op.body.fields if op.body else ())}
    extra = {k: v for k, v in body.items() if k not in declared}
    for name, value in body.items():
        if name in declared:
            kwargs[declared[name]] = value
    if extra:
        kwargs["body"] = extra
    if headers:
        kwargs["extra_headers"] = headers
    try:
        response = getattr(client, op.python_name)(**kwargs)
    except (TypeError, ValueError) as exc:  # the client's own checks (exactly one of ...), before sending
        raise UsageError(str(exc)) from None
    started = to_json(response)
    wire = {p.python_name: p.name for p in op.parameters}
    request = {"body": body, "params": {wire.get(k, k): v for k, v in params.items()}}
    for link in flow.links:
        values = _link_values(flow.api, flow.status, link, started, request)
        if values is not None:
            return Started(values)
    raise FlowError(f"the answer of {op.operation_id} names no run of {flow.status.operation_id} to wait for")


def _link_values(
    api: Api, target: Operation, link: Link, response: Any, request: Mapping[str, Any]
) -> dict[str, Any] | None:
    """The target's arguments a link gives, or None when one of its values is missing."""
    schemas = {p.name: p.schema for p in target.parameters}
    values: dict[str, Any] = {}
    for name, expression in link.parameters:
        value: Any
        if expression.startswith("$response.body#"):
            value = get(response, expression.removeprefix("$response.body#"))
        elif expression.startswith("$request.body#"):
            value = get(request.get("body"), expression.removeprefix("$request.body#"))
        elif expression.startswith(("$request.query.", "$request.path.", "$request.header.")):
            value = request.get("params", {}).get(expression.split(".", 2)[2])
        elif expression.startswith("$"):
            return None
        else:
            value = expression
        if value is None:
            return None
        values[name] = _typed(api, schemas.get(name), value)
    return values


def _call_kwargs(op: Operation, params: Mapping[str, Any]) -> dict[str, Any]:
    names = {p.name: p.python_name for p in op.parameters}
    return {names.get(k, k): v for k, v in params.items()}


def attach(flow: Flow, run_id: str) -> Started:
    params = decode_run_id(flow, run_id)
    schemas = {p.name: p.schema for p in flow.status.parameters}
    return Started({k: _typed(flow.api, schemas.get(k), v) for k, v in params.items()})


def poll_spec(flow: Flow) -> PollSpec:
    polling = flow.status.polling
    assert polling is not None
    return PollSpec(
        status_pointer=polling.status_pointer,
        pending=polling.pending,
        success=polling.success,
        failure=polling.failure,
        interval=polling.interval_seconds,
        deadline=polling.timeout_seconds,
        judged=tuple((j.value, j.failures_pointer) for j in polling.judged),
    )


def wait_for(
    flow: Flow,
    client: Any,
    started: Started,
    *,
    timeout: float | None,
    poll_interval: float | None,
    on_status: Callable[[str], None],
) -> Finished:
    """Read the status until the run ends (PollTimeoutError at the deadline), then its results."""
    read = getattr(client, flow.status.python_name)
    kwargs = _call_kwargs(flow.status, started.params)
    spec = poll_spec(flow)
    begun = time.monotonic()

    def fetch() -> tuple[Any, float | None]:
        return to_json(read(**kwargs)), None

    def update(state: Any) -> None:
        value = get(state, spec.status_pointer)
        on_status("none" if value is None else str(value))

    final = wait(fetch, spec, deadline=timeout, poll_interval=poll_interval, on_update=update)
    verdict, status = outcome(spec, final)
    finished = Finished(started.params, final, status, verdict, elapsed=time.monotonic() - begun)
    finished.results, finished.results_read = results_of(flow, client, started.params, final)
    return finished


def results_of(flow: Flow, client: Any, params: Mapping[str, Any], state: Any) -> tuple[list[TestResult], bool]:
    """Per-test results from the final state, or from the operation a link of its answer leads to."""
    status = flow.status
    if status.test_results is not None:
        return extract(status.test_results, state, flow.name), True
    by_id = {op.operation_id: op for op in flow.api.operations}
    for link in status.links:
        target = by_id.get(link.operation_id)
        if target is None or target.test_results is None:
            continue
        values = _link_values(flow.api, target, link, state, {"params": dict(params)})
        if values is None:
            continue
        answer = to_json(getattr(client, target.python_name)(**_call_kwargs(target, values)))
        return extract(target.test_results, answer, flow.name), True
    return [], False


__all__ = [
    "Finished",
    "Started",
    "TriggerInput",
    "UsageError",
    "attach",
    "read_body_file",
    "request_parts",
    "trigger",
    "upload_build",
    "wait_for",
]
