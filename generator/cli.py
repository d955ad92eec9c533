"""The `testrelay` command line. Commands parse arguments and call library functions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from generator import __version__, extras
from generator.spec.load import no_spec_message, spec_path, vendor_specs

DEFAULT_SPECS = Path("specs")


def example(*commands: str) -> str:
    """The epilog that ends a command's --help: commands to copy, kept as written (`\\b` stops rewrapping)."""
    return "\b\nExample:\n" + "\n".join(f"  {command}" for command in commands)


DEFAULT_OUT = Path("generated")


@contextmanager
def needs(extra: str, command: str) -> Iterator[None]:
    """Around a command's imports: when its extra is not installed, one line naming it and exit 2."""
    what = f"testrelay {command}"
    try:
        extras.require(extra, what)
        with extras.guarded(extra, what):
            yield
    except extras.MissingExtra as error:
        extras.exit_missing(error)


def installed_packages() -> Path:
    """The folder of the `generated` package installed with testrelay (its vendors' clients and suites)."""
    from importlib import resources

    return Path(str(resources.files("generated")))


def spec_paths(given: tuple[str, ...]) -> list[str]:
    """The specs named on the command line (files, or vendors shipped with testrelay), or every file in ./specs."""
    if given:
        paths = []
        for name in given:
            path = spec_path(name)
            if not path.exists() and path.suffix not in (".yaml", ".yml", ".json"):
                raise click.UsageError(no_spec_message(name))
            paths.append(name if path == Path(name) else str(path))
        return paths
    if not DEFAULT_SPECS.is_dir():
        raise click.UsageError(
            f"no SPEC given and no ./specs folder here: name spec files or vendors ({', '.join(vendor_specs())})"
        )
    found = sorted(str(p) for p in DEFAULT_SPECS.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
    if not found:
        raise click.UsageError("no SPEC given and ./specs holds no .yaml, .yml or .json file")
    return found


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=example("testrelay check && testrelay generate && testrelay test"),
)
@click.version_option(__version__, prog_name="testrelay")
def main() -> None:
    """Spec-driven clients, mock servers and contract tests for test-automation CI/CD APIs."""


@main.command(epilog=example("testrelay check specs/qualigate.yaml"))
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=True, path_type=str))
def check(specs: tuple[str, ...]) -> None:
    """Check SPECS (default: every file in ./specs): OpenAPI validity, extensions, our rules.

    Prints one line per problem, FILE:LINE: /json/pointer: message, and exits 1 if any.
    """
    with needs("codegen", "check"):
        from generator.spec.check import check_file  # imported here: the validators are slow to import

    paths = spec_paths(specs)
    problems = 0
    operations = 0
    for path in paths:
        result = check_file(path)
        operations += result.operations
        for problem in result.problems:
            click.echo(str(problem))
        problems += len(result.problems)
    if problems:
        noun = "problem" if problems == 1 else "problems"
        click.echo(f"{problems} {noun} in {len(paths)} spec{'s' if len(paths) != 1 else ''}", err=True)
        raise SystemExit(1)
    click.echo(f"{len(paths)} spec{'s' if len(paths) != 1 else ''}, {operations} operations: no problems")


@main.command(epilog=example("testrelay generate specs/qualigate.yaml --out generated"))
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated"),
    show_default=True,
    help="Folder that receives one package per spec, named after the spec file.",
)
@click.option(
    "--check", "check_only", is_flag=True, help="Write nothing; list stale or missing files and exit 1 if any."
)
def generate(specs: tuple[str, ...], out: Path | None, check_only: bool) -> None:
    """Generate typed clients and models from SPECS (default: every file in ./specs).

    Writes are all or nothing: on any problem the output folder is left exactly as it was.
    """
    with needs("codegen", "generate"):
        from generator.codegen.render import generate as run  # imported here: the model generator is slow to import
        from generator.codegen.writes import WriteError

    paths = spec_paths(specs)
    package_root = out is None
    out = DEFAULT_OUT if out is None else out
    from generator.diff import regenerate  # what each rewrite changes for code importing the packages

    before = regenerate.snapshot(out)
    try:
        outcome = run([(Path(p), p) for p in paths], out, check_only=check_only, package_root=package_root)
    except WriteError as exc:
        click.echo(f"nothing written: {exc}", err=True)
        raise SystemExit(1) from None
    for note in outcome.notes:
        click.echo(note, err=True)
    for problem in outcome.problems:
        click.echo(str(problem))
    if outcome.problems:
        click.echo(f"nothing written: {len(outcome.problems)} problem(s)", err=True)
        raise SystemExit(1)
    if check_only:
        for line in outcome.stale:
            click.echo(line)
        for line in regenerate.stale([(Path(p), p) for p in paths], out, outcome.stale):
            click.echo(line)
        if outcome.stale:
            click.echo(f"{len(outcome.stale)} generated file(s) out of date: run testrelay generate", err=True)
            raise SystemExit(1)
        click.echo(f"{len(paths)} package(s) up to date in {out}")
        return
    for line in regenerate.rewritten(before, out, outcome.written):
        click.echo(line)
    click.echo(f"generated {len(outcome.written)} package(s) in {out}")


@main.command(name="test", epilog=example("testrelay test qualigate -v"))
@click.argument("vendors", nargs=-1)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the generated packages (as given to `generate --out`). Default: ./generated, "
    "else the packages installed with testrelay.",
)
@click.option("-v", "--verbose", is_flag=True, help="Name every test as it runs.")
def test_command(vendors: tuple[str, ...], out: Path | None, verbose: bool) -> None:
    """Run the generated contract suites of VENDORS (default: every package in --out).

    Each suite drives the generated client against a mock of the same spec over real HTTP. Prints
    a summary per package and exits 1 if any test failed.
    """
    with needs("mock", "test"):
        from generator.suites import find_suites, run_suites, summary  # imported here: pytest is slow to import
    if out is None:
        out = DEFAULT_OUT if DEFAULT_OUT.is_dir() else installed_packages()

    try:
        suites = find_suites(out, vendors)
    except KeyError as exc:
        raise click.UsageError(f"no contract suite for {exc.args[0]!r} in {out}: run testrelay generate") from None
    if not suites:
        raise click.UsageError(f"no contract suites in {out}: run testrelay generate")
    tallies, elapsed = run_suites(suites, verbose=verbose)
    click.echo("")
    for line in summary(tallies, elapsed):
        click.echo(line)
    if not all(t.ok for t in tallies.values()):
        raise SystemExit(1)


from generator.diff.command import diff  # noqa: E402  (its own module: the command is long)

main.add_command(diff)


@main.command(
    epilog=example(
        "testrelay mock qualigate --port 8080 --scenario failure",
        'testrelay mock octomind --scenario "fault:503;fail=1" --quiet',
    )
)
@click.argument("vendor_or_spec", metavar="VENDOR|SPEC")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address or name to listen on (::1 for IPv6).")
@click.option("--port", default=0, type=click.IntRange(0, 65535), help="0 to 65535. Default: a free port.")
@click.option("--api-key", default=None, help="The credential the mock accepts (default: a fixed test key).")
@click.option(
    "--scenario",
    default=None,
    help="Outcome of every run: success, failure or a terminal status of the spec; or fault:FAULTS for every request.",
)
@click.option(
    "--token-ttl",
    default=None,
    type=click.FloatRange(0, 365 * 86400, min_open=True),
    help="Lifetime of issued tokens in seconds, above 0 (default: the spec's).",
)
@click.option("-q", "--quiet", is_flag=True, help="Log no line per request.")
def mock(
    vendor_or_spec: str,
    host: str,
    port: int,
    api_key: str | None,
    scenario: str | None,
    token_ttl: float | None,
    quiet: bool,
) -> None:
    """Serve a mock of VENDOR (a spec shipped with testrelay) or of any SPEC file until interrupted.

    The spec must pass `testrelay check`. Prints the lines that point a client at the mock, then one line
    per request (method, path, status, milliseconds) unless --quiet. Ctrl-C stops it.
    """
    try:
        _serve_mock(vendor_or_spec, host, port, api_key, scenario, token_ttl, quiet)
    except KeyboardInterrupt:
        raise SystemExit(130) from None


def _serve_mock(
    vendor_or_spec: str,
    host: str,
    port: int,
    api_key: str | None,
    scenario: str | None,
    token_ttl: float | None,
    quiet: bool,
) -> None:
    import shlex
    import sys

    from generator.spec.load import build_api_in_child

    path = spec_path(vendor_or_spec)
    if not path.is_file():
        raise click.UsageError(no_spec_message(vendor_or_spec))
    from generator.mock.listen import ServeError, listening_socket, resolve_host, url_host

    # What can be refused without the spec is refused before anything slow starts.
    if scenario is not None and scenario.startswith("fault:"):
        from generator.mock.faults import SYNTAX, parse

        try:
            parse(scenario.removeprefix("fault:"))
        except ValueError as exc:
            raise click.BadParameter(f"{exc}; faults are {SYNTAX}", param_hint="'--scenario'") from None
    try:
        resolve_host(host)
    except ServeError as exc:
        raise click.BadParameter(str(exc), param_hint="'--host'") from None
    # Start-up time is imports: the spec is read, checked and built by another process meanwhile.
    pending_api = build_api_in_child(path, checked=True)
    # Listening before the app is built: a client's first request waits in the queue instead of being
    # refused and retried, and is answered once the app is ready.
    try:
        sock = listening_socket(host, port)
    except ServeError as exc:
        click.echo(f"testrelay mock: {exc}", err=True)
        raise SystemExit(1) from None
    with needs("mock", "mock"):
        from generator.mock.app import DEFAULT_API_KEY, MockApp, Settings
        from generator.mock.server import scenario_error, serve  # also quiets the resets tests ask for
        from generator.spec.problems import SpecError

    try:
        api = pending_api()
        problem = scenario_error(api, scenario) if scenario else None
        if problem is not None:
            raise click.BadParameter(problem, param_hint="'--scenario'")
        settings = Settings(api_key=api_key or DEFAULT_API_KEY, token_ttl=token_ttl, scenario=scenario)
        app = MockApp(api, settings)
    except SpecError as exc:
        sock.close()
        for problem_line in exc.problems:
            click.echo(str(problem_line), err=True)
        raise SystemExit(1) from None
    except BaseException:
        sock.close()
        raise
    base_url = f"http://{url_host(host)}:{sock.getsockname()[1]}{app.base_path}"
    click.echo(f"mock of {app.api.title} on {base_url}")
    click.echo(f"export {app.api.env_prefix}_BASE_URL={shlex.quote(base_url)}")
    default = "" if api_key else "  # the default test key"
    click.echo(f"export {app.api.env_prefix}_API_KEY={shlex.quote(settings.api_key)}{default}")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    serve(app, sock, log=None if quiet else log)


@main.command(epilog=example("testrelay demo octomind --scenario octomind=failure"))
@click.argument("vendors", nargs=-1, metavar="[VENDOR ...]")
@click.option(
    "--scenario",
    "scenarios",
    multiple=True,
    metavar="VENDOR=SCENARIO",
    help="How one vendor's mock ends its runs (e.g. octomind=failure), to see a flow fail. Repeatable.",
)
@click.option(
    "--poll-interval",
    default=0.3,
    show_default=True,
    type=click.FloatRange(min=0.01),
    help="Seconds between status reads.",
)
def demo(vendors: tuple[str, ...], scenarios: tuple[str, ...], poll_interval: float) -> None:
    """Run each vendor's CI flow through its generated client against its mock (default: all five).

    Needs no vendor account. Exits 1 unless every flow reaches its expected end.
    """
    with needs("mock", "demo"):
        from generator.demo import VENDORS, parse_scenarios, run_demo  # imported here: it loads every client

    unknown = [v for v in vendors if v not in VENDORS]
    if unknown:
        raise click.UsageError(f"no demo for {', '.join(unknown)}: choose from {', '.join(VENDORS)}")
    try:
        chosen = parse_scenarios(scenarios)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    report = run_demo(vendors or VENDORS, scenarios=chosen, poll_interval=poll_interval)
    if not report.ok:
        raise SystemExit(1)


from generator.pipeline.commands import report_command, run_command  # noqa: E402  (after the built-in commands)

main.add_command(run_command)
main.add_command(report_command)
run_command.epilog = example(
    "testrelay run qualigate --test-suite-id 770e8400-e29b-41d4-a716-446655440000 --junit qualigate.xml"
)
report_command.epilog = example("testrelay report build/test-results/*.xml --to testmo --project-id 1")
