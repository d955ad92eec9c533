"""The `testrelay diff` command: arguments in, a report out, the exit code from `--fail-on`."""

from __future__ import annotations

from pathlib import Path

import click

FORMAT_CHOICES = ("text", "markdown", "json", "junit", "github")
LEVEL_CHOICES = ("ERR", "WARN", "INFO")


# The last lines of --help, as every command's end (`generator.cli.example` writes the same form).
_EPILOG = (
    "\b\nExample:\n"
    "  testrelay diff main:specs/qualigate.yaml specs/qualigate.yaml\n"
    "  testrelay diff --base origin/main --format markdown --fail-on WARN\n"
    "  testrelay diff old.yaml new.yaml --prove"
)


@click.command(name="diff", epilog=_EPILOG)
@click.argument("specs", nargs=-1, metavar="[OLD NEW]")
@click.option("--base", metavar="REV", help="Compare every spec in ./specs with its version at git revision REV.")
@click.option(
    "--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True, help="Output format."
)
@click.option(
    "--fail-on",
    type=click.Choice(LEVEL_CHOICES, case_sensitive=False),
    default="ERR",
    show_default=True,
    help="Exit 1 when a finding at or above this level exists.",
)
@click.option(
    "--prove",
    is_flag=True,
    help="Run OLD's generated contract suite against a mock of NEW and match failures to findings.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the report here too."
)
def diff(specs: tuple[str, ...], base: str | None, fmt: str, fail_on: str, prove: bool, output: Path | None) -> None:
    """What changes from OLD to NEW break, in the HTTP contract and in the generated Python client.

    OLD and NEW are spec files, vendor names (qualigate) or git references REV:PATH
    (main:specs/qualigate.yaml). With --base REV, every spec in ./specs is compared with its version
    at REV, added and removed specs included.

    Exit status: 0 when no finding reaches --fail-on, 1 when one does (or a spec cannot be read),
    2 on usage errors. Needs the [codegen] extra (the Python layer is the generated code's), and
    [mock] too with --prove.
    """
    from generator.diff.findings import Level
    from generator.diff.resolve import ResolveError, SpecPair, base_pairs, resolve

    if base is not None and specs:
        raise click.UsageError("give either OLD NEW or --base REV, not both")
    if base is None and len(specs) != 2:
        raise click.UsageError("give two specs, OLD and NEW (files, vendor names or REV:PATH), or --base REV")
    try:
        if base is not None:
            pairs = base_pairs(base)
        else:
            old, new = resolve(specs[0]), resolve(specs[1])
            pairs = [SpecPair(new.name, old, new)]
    except ResolveError as exc:
        raise click.UsageError(str(exc)) from None
    from generator.cli import needs  # here: the command line module imports this one

    with needs("codegen", "diff"):
        from generator.diff.report import compare_pairs
        from generator.diff.reporters import render
        from generator.spec.problems import SpecError
    if prove:
        with needs("mock", "diff --prove"):
            from generator.diff.prove import prove_pairs, render_proof

    try:
        report = compare_pairs(pairs)
    except SpecError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None
    level = Level[fail_on.upper()]
    text = render(report, fmt, level)
    if prove:
        proofs = prove_pairs(pairs, report)
        text = render_proof(text, fmt, proofs)
    click.echo(text, nl=False)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            click.echo(f"{output}: cannot write the report: {exc.strerror or type(exc).__name__}", err=True)
            raise SystemExit(1) from None
    if report.at_or_above(level):
        raise SystemExit(1)
