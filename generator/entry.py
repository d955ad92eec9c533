"""The `testrelay` console script: checks the extras a command needs before importing the click-based CLI.

In a base install (`pip install testrelay`: the clients and their runtime) click is not there, so importing
`generator.cli` would end in a traceback; this entry point says which extra to install instead, in one line.
"""

from __future__ import annotations

import sys

from generator import extras


def main() -> None:
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    try:
        extras.require("cli", "the testrelay command line")
        with extras.guarded("cli", "the testrelay command line"):
            from generator.cli import main as cli
    except extras.MissingExtra as error:
        extra = extras.command_extra(command)
        if extra != "cli":  # the command's own extra brings the command line too
            error = extras.MissingExtra(f"testrelay {command}", extra, extras.missing(extra) or error.missing)
        extras.exit_missing(error)
    cli()
