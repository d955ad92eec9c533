"""The `testrelay` command line. Commands parse arguments and call library functions."""

from __future__ import annotations

from pathlib import Path

import click

from generator import __version__

DEFAULT_SPECS = Path("specs")
DEFAULT_OUT = Path("generated")


def spec_paths(given: tuple[str, ...]) -> list[str]:
    """The specs named on the command line, or every YAML/JSON file in ./specs."""
    if given:
        return list(given)
    if not DEFAULT_SPECS.is_dir():
        raise click.UsageError("no SPEC given and no ./specs folder here")
    found = sorted(str(p) for p in DEFAULT_SPECS.iterdir() if p.suffix in (".yaml", ".yml", ".json") and p.is_file())
    if not found:
        raise click.UsageError("no SPEC given and ./specs holds no .yaml, .yml or .json file")
    return found


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="testrelay")
def main() -> None:
    """Spec-driven clients, mock servers and contract tests for test-automation CI/CD APIs."""


@main.command()
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=True, path_type=str))
def check(specs: tuple[str, ...]) -> None:
    """Check SPECS (default: every file in ./specs): OpenAPI validity, extensions, our rules.

    Prints one line per problem, FILE:LINE: /json/pointer: message, and exits 1 if any.
    """
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


@main.command()
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
    from generator.codegen.render import generate as run  # imported here: the model generator is slow to import

    paths = spec_paths(specs)
    package_root = out is None
    out = DEFAULT_OUT if out is None else out
    outcome = run([(Path(p), p) for p in paths], out, check_only=check_only, package_root=package_root)
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
        if outcome.stale:
            click.echo(f"{len(outcome.stale)} generated file(s) out of date: run testrelay generate", err=True)
            raise SystemExit(1)
        click.echo(f"{len(paths)} package(s) up to date in {out}")
        return
    click.echo(f"generated {len(outcome.written)} package(s) in {out}")


@main.command()
@click.argument("vendor_or_spec", metavar="VENDOR|SPEC")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=0, type=int, help="Default: a free port.")
@click.option("--api-key", default=None, help="The credential the mock accepts (default: a fixed test key).")
@click.option("--scenario", default=None, help="Outcome of every run: success, failure, or a terminal status.")
@click.option(
    "--token-ttl", default=None, type=float, help="Lifetime of issued tokens in seconds (default: the spec's)."
)
def mock(
    vendor_or_spec: str, host: str, port: int, api_key: str | None, scenario: str | None, token_ttl: float | None
) -> None:
    """Serve a mock of VENDOR (one of ./specs) or of any SPEC file until interrupted."""
    import socket

    import uvicorn

    from generator.mock.app import DEFAULT_API_KEY, Settings
    from generator.mock.server import build_app, spec_path  # also quiets the resets tests ask for
    from generator.spec.problems import SpecError

    if not spec_path(vendor_or_spec).is_file():
        raise click.UsageError(f"no spec for {vendor_or_spec!r}: give a vendor of ./specs or a spec file")
    try:
        settings = Settings(api_key=api_key or DEFAULT_API_KEY, token_ttl=token_ttl, scenario=scenario)
        app = build_app(vendor_or_spec, settings)
    except SpecError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None
    # IPPROTO_TCP explicitly: asyncio turns Nagle's algorithm off only for sockets that say they are TCP,
    # and without that every kept-alive answer waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    click.echo(f"mock of {app.api.title} on http://{host}:{bound}{app.base_path}")
    click.echo(f"api key: {settings.api_key}" + ("" if api_key else " (the default test key)"))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    server.run(sockets=[sock])
