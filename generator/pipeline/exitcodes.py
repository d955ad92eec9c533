"""The exit codes of `testrelay run` and `testrelay report`, one meaning each, so a pipeline can branch on them."""

from __future__ import annotations

import enum


class Exit(enum.IntEnum):
    PASSED = 0
    """Every test passed (run), or the results were submitted (report)."""
    FAILED = 1
    """The run ended and something failed (report: with --fail-on-failure, the results hold a failure)."""
    USAGE = 2
    """Usage or configuration error: a bad option, a missing credential, a spec that cannot be run."""
    PENDING = 3
    """The run was still pending at the deadline."""
    CREDENTIAL = 4
    """The credential was refused (401, 403, or the token exchange failed)."""
    API = 5
    """An API or connection error remained after the client's retries."""
    INTERRUPTED = 130
    """SIGINT or SIGTERM: the run id and how to attach again were printed."""


HELP = """\b
Exit codes:
  0  every test passed
  1  the run ended and something failed
  2  usage or configuration error
  3  still pending at the deadline
  4  credential refused (401, 403, token exchange)
  5  API or connection error after retries
  130  interrupted (SIGINT/SIGTERM); the run id is printed"""
