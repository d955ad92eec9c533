"""Turning a command-line spec argument into a document: a vendor name, a file, or `REV:PATH` in git.

One function (`resolve`) answers for every form, so `diff OLD NEW`, `diff --base` and `--prove`
read specs alike. A git revision is read with `git show`, never by checking anything out.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.spec.load import SPEC_SUFFIXES, no_spec_message, vendor_specs


class ResolveError(Exception):
    """The argument names no readable spec; the message says what is allowed."""


@dataclass(frozen=True)
class SpecText:
    """A spec's text and how to name it in findings."""

    display: str
    """`specs/qualigate.yaml` or `main:specs/qualigate.yaml`: the FILE of every location."""
    name: str
    """The package name it generates (the file's stem)."""
    text: str


def resolve(argument: str, *, cwd: Path | None = None) -> SpecText:
    """The spec an argument names: an existing file, `REV:PATH`, or a vendor of this project."""
    where = cwd or Path.cwd()
    path = Path(argument)
    if not path.is_absolute():
        path = where / path
    if path.is_file():
        return SpecText(argument, Path(argument).stem, _read(path, argument))
    rev, sep, rel = argument.partition(":")
    if sep and rev and rel and not _looks_like_drive(rev):
        text = git_show(rev, rel, cwd=where)
        if text is None:
            raise ResolveError(f"{argument}: no such file at revision {rev!r} (git show {argument} failed)")
        return SpecText(argument, Path(rel).stem, text)
    if Path(argument).suffix in SPEC_SUFFIXES or "/" in argument:
        raise ResolveError(f"{argument}: no such spec file")
    vendor = vendor_specs().get(argument)
    if vendor is None:
        raise ResolveError(f"{argument}: not a spec file or a REV:PATH; {no_spec_message(argument)}")
    return SpecText(_shown(vendor, where), vendor.stem, _read(vendor, argument))


def _shown(path: Path, where: Path) -> str:
    """A shipped spec as the user would name it: relative to the current folder when it is below it."""
    try:
        return path.resolve().relative_to(where.resolve()).as_posix()
    except ValueError:
        return str(path)


def _read(path: Path, shown: str) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise ResolveError(f"{shown}: cannot read file: {exc.strerror or type(exc).__name__}") from None


def _looks_like_drive(rev: str) -> bool:
    return len(rev) == 1 and rev.isalpha()


def git_show(rev: str, rel: str, *, cwd: Path) -> str | None:
    """A file's text at a revision, or None when git has no such file there."""
    try:
        done = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def git_specs(rev: str, folder: str, *, cwd: Path) -> list[str]:
    """The spec files directly in `folder` at a revision (paths as git names them); ResolveError if REV is unknown."""
    try:
        done = subprocess.run(
            ["git", "ls-tree", "--name-only", f"{rev}:./{folder}"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ResolveError(f"git ls-tree {rev}:{folder} failed: {exc}") from None
    if done.returncode != 0:
        verify = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd=cwd, capture_output=True, check=False
        )
        if verify.returncode != 0:
            raise ResolveError(f"--base {rev}: not a revision of the git repository here")
        return []  # the folder did not exist at that revision: every spec is new
    return sorted(f"{folder}/{n}" for n in done.stdout.splitlines() if Path(n).suffix in SPEC_SUFFIXES)


@dataclass(frozen=True)
class SpecPair:
    """One spec at two versions; a side is None where the spec did not exist."""

    name: str
    old: SpecText | None
    new: SpecText | None


def base_pairs(rev: str, folder: str = "specs", *, cwd: Path | None = None) -> list[SpecPair]:
    """Every spec in `folder` now beside its version at `rev`, added and removed specs included."""
    where = cwd or Path.cwd()
    then = git_specs(rev, folder, cwd=where)
    here = where / folder
    now = (
        sorted(f"{folder}/{p.name}" for p in here.iterdir() if p.is_file() and p.suffix in SPEC_SUFFIXES)
        if (here.is_dir())
        else []
    )
    pairs = []
    for rel in sorted(set(then) | set(now)):
        old = None
        if rel in then:
            text = git_show(rev, f"./{rel}", cwd=where)
            old = SpecText(f"{rev}:{rel}", Path(rel).stem, text) if text is not None else None
        new = SpecText(rel, Path(rel).stem, _read(where / rel, rel)) if rel in now else None
        pairs.append(SpecPair(Path(rel).stem, old, new))
    return pairs
