"""The `testrelay run` and `testrelay report` commands: they parse options and call the pipeline library.

`run` is a group whose commands are built from each spec's IR when named, so `testrelay run VENDOR
--help` lists that vendor's own trigger options.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import click

from generator.pipeline.exitcodes import HELP
from generator.pipeline.flow import Flow, FlowError, find_flow, load_api, vendors
from generator.pipeline.options import TriggerOption, trigger_options

_CLICK_TYPES: dict[str, click.ParamType[Any]] = {
    "str": click.STRING,
    "int": click.INT,
    "float": click.FLOAT,
    "bool": click.BOOL,
}


def _trigger_param(option: TriggerOption, env_prefix: str) -> click.Option:
    help_text = option.help.strip().split("\n")[0]
    if option.where == "server":
        # The clients' rule: a variable given beats <VENDOR>_BASE_URL, which beats the spec's default.
        if option.default:
            help_text += f" Default: {option.default}. Given, it is used instead of {env_prefix}_BASE_URL."
        else:
            help_text += f" Required unless {env_prefix}_BASE_URL is set."
    if option.required:
        help_text += " Required (here or in --body)."
    if option.multiple:
        help_text += " Repeatable."
    if option.kind == "bool" and not option.multiple:
        return click.Option([f"--{option.flag}/--no-{option.flag}", option.dest], default=None, help=help_text.strip())
    kind: click.ParamType[Any] = click.Choice(option.choices) if option.choices else _CLICK_TYPES[option.kind]
    return click.Option(
        [f"--{option.flag}", option.dest],
        type=kind,
        multiple=option.multiple,
        default=None,
        help=help_text.strip(),
    )


def _common_params(flow: Flow) -> list[click.Parameter]:
    trigger = flow.trigger
    params: list[click.Parameter] = [
        click.Option(
            ["--body", "body_file"],
            type=click.Path(dir_okay=False, path_type=Path),
            help="The whole request body, JSON or YAML; options override its fields.",
        ),
    ]
    if trigger.build_upload is not None:
        params.append(
            click.Option(
                ["--build", "build_file"],
                type=click.Path(dir_okay=False, path_type=Path),
                help="Upload this build first and run on the target it becomes.",
            )
        )
    if trigger.ci_context is not None:
        params.append(
            click.Option(["--no-context"], is_flag=True, help="Do not fill the CI context from the CI environment.")
        )
    params += [
        click.Option(["--wait/--no-wait"], default=True, help="Wait for the run to end (default), or print its id."),
        click.Option(
            ["--timeout"],
            type=click.FloatRange(min=0),
            help=f"Seconds to wait at most (default: the spec's, {_polling(flow)[1]:g}).",
        ),
        click.Option(
            ["--poll-interval"],
            type=click.FloatRange(min=0.001),
            help=f"Seconds between status reads (default: the spec's, {_polling(flow)[0]:g}).",
        ),
        click.Option(["--run-id"], help="Attach to a run triggered earlier (the id --no-wait printed)."),
        click.Option(
            ["--junit", "junit_file"], type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML."
        ),
        click.Option(
            ["--json", "json_file"], type=click.Path(dir_okay=False, path_type=Path), help="Write the outcome as JSON."
        ),
        click.Option(
            ["--header", "headers"],
            multiple=True,
            metavar="'NAME: VALUE'",
            help="An extra header for the trigger request. Repeatable.",
        ),
        click.Option(
            ["--forward-to"], type=click.Choice(["testmo"]), help="Also submit the results (as testrelay report does)."
        ),
        click.Option(["--testmo-project-id"], type=click.IntRange(min=1), help="With --forward-to testmo."),
        click.Option(["--testmo-name"], help="Run name in Testmo (default: from the CI job)."),
        click.Option(["--testmo-source"], help="Source in Testmo (default: from the CI job)."),
        click.Option(["--testmo-tag"], multiple=True, help="Tag of the Testmo run. Repeatable."),
    ]
    return params


def _polling(flow: Flow) -> tuple[float, float]:
    polling = flow.status.polling
    assert polling is not None
    return polling.interval_seconds, polling.timeout_seconds


class RunGroup(click.Group):
    """Commands made from specs: a vendor of the shipped specs, or the path of a spec file."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return vendors()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        try:
            api, spec_file = load_api(cmd_name)
            flow = find_flow(api, spec_file)
        except FlowError as exc:
            raise click.UsageError(str(exc), ctx) from None
        options = trigger_options(api, flow.trigger)

        def callback(**kwargs: Any) -> None:
            from generator.pipeline.runner import execute

            code = execute(flow, cmd_name, options, kwargs)
            ctx_now = click.get_current_context()
            ctx_now.exit(int(code))

        summary = flow.trigger.summary or flow.trigger.operation_id
        return click.Command(
            cmd_name,
            params=[_trigger_param(o, api.env_prefix) for o in options] + _common_params(flow),
            callback=callback,
            help=f"{summary}, wait for {flow.status.operation_id} and report the results.\n\n"
            f"Credentials and base URL come from {api.env_prefix}_API_KEY and {api.env_prefix}_BASE_URL.\n\n{HELP}",
            short_help=summary,
        )

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if names:
            with formatter.section("Vendors"):
                formatter.write_text(", ".join(names) + "; or the path of any spec file")


@click.group(
    cls=RunGroup,
    name="run",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Trigger a run of VENDOR (or of any SPEC file), wait for it and report its results.\n\n"
    "The trigger is the operation whose links lead to an x-polling status operation; "
    "`testrelay run VENDOR --help` lists its options.\n\n" + HELP,
    subcommand_metavar="VENDOR|SPEC [OPTIONS]",
)
def run_command() -> None:
    pass


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C for the block, so both end a wait the same way."""

    def raise_interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous: Callable[[int, FrameType | None], Any] | int | None = None
    try:
        previous = signal.signal(signal.SIGTERM, raise_interrupt)
    except ValueError:  # not the main thread
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def environ() -> dict[str, str]:
    return dict(os.environ)


REPORT_HELP = """\b
Exit codes:
  0  the results were submitted
  1  with --fail-on-failure: the results hold a failure or an error
  2  usage error, or a file that is not JUnit XML
  4  credential refused (401, 403)
  5  the submission failed (API or connection error after retries)"""


@click.command(
    name="report",
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Submit JUNIT files to Testmo as an automation run, as Testmo's own CLI does.\n\n"
    "One thread per invocation, results sent 250 at a time; the run is created and completed unless "
    "--run-id names one to add a thread to (for parallel jobs), which is left open. Prints the run's "
    "URL. TESTMO_API_KEY and TESTMO_BASE_URL (or --instance) say where.\n\n" + REPORT_HELP,
)
@click.argument("junit_files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "target", type=click.Choice(["testmo"]), required=True, help="Where to submit.")
@click.option("--project-id", type=click.IntRange(min=1), required=True, help="The Testmo project.")
@click.option("--name", help="Run name (default: from the CI job, e.g. 'workflow / job #42').")
@click.option("--source", help="Run source (default: the CI job's name, else 'junit').")
@click.option("--tag", "tags", multiple=True, help="Run tag (default: the CI branch). Repeatable.")
@click.option("--run-id", type=click.IntRange(min=1), help="Add a thread to this run and leave it open.")
@click.option("--instance", help="Testmo instance, https://INSTANCE.testmo.net (unless TESTMO_BASE_URL is set).")
@click.option("--fail-on-failure", is_flag=True, help="Exit 1 when the results hold a failure or an error.")
def report_command(
    junit_files: tuple[Path, ...],
    target: str,
    project_id: int,
    name: str | None,
    source: str | None,
    tags: tuple[str, ...],
    run_id: int | None,
    instance: str | None,
    fail_on_failure: bool,
) -> None:
    from generator.pipeline.report import forward

    documents = []
    for path in junit_files:
        try:
            documents.append((str(path), path.read_bytes()))
        except OSError as exc:
            raise click.UsageError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    del target  # one target today; the option keeps room for more
    code = forward(
        documents,
        project_id=project_id,
        name=name,
        source=source,
        tags=tags,
        env=environ(),
        run_id=run_id,
        instance=instance,
        fail_on_failure=fail_on_failure,
    )
    raise SystemExit(int(code))
