"""`testrelay run VENDOR`: trigger or attach, wait, report, and the exit code that says how it went."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from generator.pipeline import github, jsonreport, junit
from generator.pipeline.context import ci_facts, context_value
from generator.pipeline.exitcodes import Exit
from generator.pipeline.files import write_atomic
from generator.pipeline.flow import Flow, FlowError, new_client
from generator.pipeline.options import TriggerOption
from generator.pipeline.progress import Progress
from generator.pipeline.results import Tally, TestResult, Verdict
from generator.pipeline.trigger import (
    Finished,
    Started,
    TriggerInput,
    UsageError,
    attach,
    read_body_file,
    request_parts,
    trigger,
    upload_build,
    wait_for,
)
from generator.runtime import (
    APIError,
    AuthenticationError,
    PermissionDeniedError,
    PollTimeoutError,
    TokenExchangeError,
)
from generator.runtime._polling import Outcome

COMMON = (
    "body_file",
    "build_file",
    "no_context",
    "wait",
    "timeout",
    "poll_interval",
    "run_id",
    "junit_file",
    "json_file",
    "headers",
    "forward_to",
    "testmo_project_id",
    "testmo_name",
    "testmo_source",
    "testmo_tag",
)


def _err(line: str) -> None:
    click.echo(line, err=True)


def _headers(given: tuple[str, ...]) -> dict[str, str]:
    headers = {}
    for raw in given:
        name, sep, value = raw.partition(":")
        if not sep or not name.strip():
            raise UsageError(f"--header {raw!r}: give it as 'NAME: VALUE'")
        headers[name.strip()] = value.strip()
    return headers


def error_code(exc: APIError) -> Exit:
    if isinstance(exc, AuthenticationError | PermissionDeniedError | TokenExchangeError):
        return Exit.CREDENTIAL
    return Exit.API


class _Run:
    """One invocation's state, so an interrupt can say which run goes on."""

    def __init__(self, flow: Flow, command: str, options: list[TriggerOption], values: dict[str, Any]) -> None:
        self.flow = flow
        self.command = command
        self.options = options
        self.common = {k: values.pop(k, None) for k in COMMON}
        self.values = values
        self.started: Started | None = None

    def attach_hint(self) -> str:
        assert self.started is not None
        server = [
            f"--{o.flag} {shlex.quote(str(self.values[o.dest]))}"
            for o in self.options
            if o.where == "server" and self.values.get(o.dest) is not None
        ]
        parts = ["testrelay run", shlex.quote(self.command), *server, "--run-id", shlex.quote(self.started.run_id)]
        return " ".join(parts)

    def client(self) -> Any:
        server = {
            o.wire_name: self.values[o.dest] for o in self.options if o.where == "server" and self.values.get(o.dest)
        }
        named = Path(self.command).suffix not in (".yaml", ".yml", ".json")
        return new_client(self.flow, server, by_name=named)

    def start(self, client: Any, env: Mapping[str, str]) -> Started:
        flow, common = self.flow, self.common
        if common["run_id"]:
            return attach(flow, common["run_id"])
        body_file = common["body_file"]
        body = read_body_file(body_file) if body_file is not None else {}
        context = None
        declared = flow.trigger.ci_context
        if declared is not None and flow.trigger.body is not None:
            facts = {} if common["no_context"] else ci_facts(env)
            context = context_value(flow.api, declared, flow.trigger.body.schema, facts)
        request = TriggerInput(self.options, self.values, body, context, _headers(common["headers"] or ()))
        wire_body, params = request_parts(flow, request)
        if common["build_file"] is not None:
            target = upload_build(flow, client, common["build_file"], wire_body)
            _err(f"{flow.name}: uploaded {common['build_file']} as {target}")
        return trigger(flow, client, wire_body, params, request.headers)


def execute(flow: Flow, command: str, options: list[TriggerOption], values: dict[str, Any]) -> Exit:
    """Run the whole command; every outcome is an exit code and one clear line, never a traceback."""
    from generator.pipeline.commands import interruptible

    run = _Run(flow, command, options, dict(values))
    env = dict(os.environ)
    try:
        with interruptible():
            return _execute(run, env)
    except KeyboardInterrupt:
        if run.started is None:
            _err(f"{flow.name}: interrupted before a run was started (or before its id was known)")
        else:
            _err(f"{flow.name}: interrupted; run {run.started.run_id} goes on. Attach again with:")
            _err(f"  {run.attach_hint()}")
        return Exit.INTERRUPTED


def _execute(run: _Run, env: dict[str, str]) -> Exit:
    flow, common = run.flow, run.common
    if common["forward_to"] and not common["testmo_project_id"]:
        _err("--forward-to testmo needs --testmo-project-id N")
        return Exit.USAGE
    try:
        client = run.client()
    except FlowError as exc:
        _err(f"{flow.name}: {exc}")
        return Exit.USAGE
    with client:
        try:
            run.started = run.start(client, env)
            if not common["run_id"]:
                _err(f"{flow.name}: started run {run.started.run_id}")
            if not common["wait"]:
                click.echo(run.started.run_id)
                _write_json(run, None, Exit.PASSED, "started")
                return Exit.PASSED
            progress = Progress(f"{flow.name} {run.started.run_id}")
            try:
                finished = wait_for(
                    flow,
                    client,
                    run.started,
                    timeout=common["timeout"],
                    poll_interval=common["poll_interval"],
                    on_status=progress.update,
                )
            finally:
                progress.done()
        except UsageError as exc:
            _err(f"{flow.name}: {exc}")
            return Exit.USAGE
        except FlowError as exc:
            _err(f"{flow.name}: {exc}")
            return Exit.API
        except PollTimeoutError as exc:
            assert run.started is not None
            _err(f"{flow.name}: run {run.started.run_id} still pending ({exc}). Attach again with:")
            _err(f"  {run.attach_hint()}")
            _write_json(run, None, Exit.PENDING, "pending", message=str(exc))
            _github_problem(run, env, "still pending", f"run {run.started.run_id}: {exc}")
            return Exit.PENDING
        except APIError as exc:
            code = error_code(exc)
            what = "credential refused" if code is Exit.CREDENTIAL else "API error"
            _err(f"{flow.name}: {what}: {exc}")
            if run.started is not None:
                _err(f"  the run goes on; attach again with: {run.attach_hint()}")
            _write_json(run, None, code, "error", message=str(exc))
            _github_problem(run, env, what, str(exc))
            return code
    return _report(run, finished, env)


def _report(run: _Run, finished: Finished, env: Mapping[str, str]) -> Exit:
    flow, common = run.flow, run.common
    results = finished.results if finished.results_read else [_run_as_result(flow, finished)]
    tally = Tally.of(results)
    failed = finished.outcome is Outcome.FAILURE or not tally.ok
    code = Exit.FAILED if failed else Exit.PASSED
    verdict = "failed" if failed else "passed"
    line = (
        f"{flow.name} run {finished.run_id}: {verdict} (status {finished.status}); {tally.total} test(s), "
        f"{tally.passed} passed, {tally.failed} failed, {tally.error} errored, {tally.skipped} skipped"
    )
    click.echo(line)
    for result in results:
        if result.verdict in (Verdict.FAILED, Verdict.ERROR):
            click.echo(f"  {result.verdict.value}: {result.classname} {result.name}: {result.message}".rstrip(": "))
    document = junit.to_xml(f"{flow.name} {finished.run_id}", results)
    try:
        if common["junit_file"] is not None:
            write_atomic(common["junit_file"], document)
        _write_json(run, finished, code, verdict, results=results)
        github.report(f"testrelay run {flow.name}", verdict, results, env, click.echo)
    except OSError as exc:
        _err(f"{flow.name}: cannot write a report: {exc}")
        return Exit.USAGE
    if common["forward_to"]:
        from generator.pipeline.report import forward

        forwarded = forward(
            [("run.xml", document)],
            project_id=common["testmo_project_id"],
            name=common["testmo_name"],
            source=common["testmo_source"],
            tags=tuple(common["testmo_tag"] or ()),
            env=env,
        )
        if code is Exit.PASSED and forwarded is not Exit.PASSED:
            return forwarded
    return code


def _github_problem(run: _Run, env: Mapping[str, str], verdict: str, message: str) -> None:
    try:
        github.report_problem(f"testrelay run {run.flow.name}", verdict, message, env, click.echo)
    except OSError as exc:
        _err(f"{run.flow.name}: cannot write the job summary: {exc}")


def _run_as_result(flow: Flow, finished: Finished) -> TestResult:
    """The run as one test, for a spec that declares no per-test results."""
    verdict = Verdict.FAILED if finished.outcome is Outcome.FAILURE else Verdict.PASSED
    return TestResult(
        name=f"run {finished.run_id}",
        classname=flow.name,
        verdict=verdict,
        status=str(finished.status),
        seconds=finished.elapsed,
        message="" if verdict is Verdict.PASSED else f"the run ended with status {finished.status}",
    )


def _write_json(
    run: _Run,
    finished: Finished | None,
    code: Exit,
    verdict: str,
    *,
    results: list[TestResult] | None = None,
    message: str = "",
) -> None:
    path: Path | None = run.common["json_file"]
    if path is None:
        return
    started = run.started
    content = jsonreport.document(
        vendor=run.flow.name,
        spec=run.flow.spec_file,
        run_id=started.run_id if started else None,
        params=started.params if started else None,
        verdict=verdict,
        exit_code=int(code),
        status=finished.status if finished else None,
        state=finished.state if finished else None,
        results=results,
        elapsed=finished.elapsed if finished else None,
        message=message,
    )
    write_atomic(path, content)
