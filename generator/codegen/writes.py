"""Putting freshly generated packages in place: every one of them, or (on any error) none.

The packages are written to a staging folder beside the output first; this swaps them in with
renames, and undoes the renames already made when one fails, so a full disk or a read-only
folder leaves the output exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

STAGING_PREFIX = ".testrelay-"


class WriteError(Exception):
    """The output could not be written; the message is one line saying where and why."""


def describe(exc: OSError, out: Path) -> WriteError:
    """One line for an OSError met while writing under `out`."""
    where = Path(exc.filename) if isinstance(exc.filename, str) else out
    if where.name.startswith(STAGING_PREFIX):  # the staging folder, which the user never named: its parent
        where = where.parent
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, FileExistsError | NotADirectoryError):
        reason = f"{reason} (a file is where a folder is needed)"
    return WriteError(f"cannot write {out}: {where}: {reason}")


def swap_in(staging: Path, out: Path, names: list[str], *, root_init: bool) -> None:
    """Replace `out/<name>` by `staging/<name>` for every name (and `out/__init__.py` with `root_init`).

    Raises OSError after putting back whatever it had already replaced.
    """
    out.mkdir(parents=True, exist_ok=True)
    undo: list[tuple[Path, Path]] = []
    """(from, to) renames that restore the previous state, latest last."""
    moves = [("__init__.py", "__init__.py.old")] if root_init else []
    moves += [(name, f"{name}.old") for name in names]
    try:
        for rel, backup in moves:
            target, fresh, old = out / rel, staging / rel, staging / backup
            if target.exists():
                os.replace(target, old)
                undo.append((old, target))
            os.replace(fresh, target)
            undo.append((target, fresh))
    except OSError:
        for source, destination in reversed(undo):
            with contextlib.suppress(OSError):  # nothing more can be done; the original error says why
                os.replace(source, destination)
        raise
