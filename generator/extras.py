"""Which optional extra a command needs, and one clear line when it is not installed.

The extras are declared once, in pyproject.toml; this module reads them back from the installed distribution's
metadata, so the check never drifts from what `pip install 'testrelay[EXTRA]'` brings. Standard library only:
it runs before click, or anything else optional, is imported.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata

DISTRIBUTION = "testrelay"

COMMAND_EXTRAS: dict[str, str] = {
    "check": "codegen",
    "generate": "codegen",
    "diff": "codegen",
    "mock": "mock",
    "test": "mock",
    "demo": "mock",
}
"""The extra each command needs beyond the command line's own (`cli`); commands not named need only `cli`."""

# A requirement line of the metadata: `name[extras] (>=1); marker`. Markers other than `extra == ...`
# (`sys_platform != 'win32'`) make a requirement conditional, so such a one is never reported as missing.
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")


class MissingExtra(Exception):
    """A command or fixture needs an extra whose packages are not installed."""

    def __init__(self, what: str, extra: str, missing: list[str]) -> None:
        self.extra = extra
        self.missing = missing
        shown = ", ".join(missing)
        super().__init__(f"{what} needs the [{extra}] extra ({shown} not installed): pip install 'testrelay[{extra}]'")


def requirements(extra: str) -> list[str]:
    """The distributions `testrelay[extra]` brings, self-references expanded; empty when not installed."""
    try:
        lines = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    return sorted(_expand(lines, extra, set()))


def _expand(lines: list[str], extra: str, seen: set[str]) -> set[str]:
    seen.add(extra)
    found: set[str] = set()
    for line in lines:
        requirement, _, marker = line.partition(";")
        named = _EXTRA.findall(marker)
        if named != [extra]:
            continue
        if re.sub(r"\band\b", "", _EXTRA.sub("", marker)).strip(" ()"):
            continue
        match = _NAME.match(requirement)
        if match is None:
            continue
        name, inner = match.group(1), match.group(2)
        if _normal(name) == DISTRIBUTION:
            for sub in (inner or "").split(","):
                if sub.strip() and sub.strip() not in seen:
                    found |= _expand(lines, sub.strip(), seen)
        else:
            found.add(name)
    return found


def missing(extra: str) -> list[str]:
    """The distributions of `extra` that are not installed (none when testrelay itself runs uninstalled)."""
    absent = []
    for name in requirements(extra):
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            absent.append(name)
    return absent


def require(extra: str, what: str) -> None:
    """Raises MissingExtra naming the extra when any of its distributions is not installed."""
    absent = missing(extra)
    if absent:
        raise MissingExtra(what, extra, absent)


def command_extra(command: str | None) -> str:
    return COMMAND_EXTRAS.get(command or "", "cli")


@contextmanager
def guarded(extra: str, what: str) -> Iterator[None]:
    """Turns an import of a package the extra brings, failing anyway (a broken install), into MissingExtra."""
    try:
        yield
    except ModuleNotFoundError as exc:
        top = (exc.name or "").partition(".")[0]
        if top in ("", "generator", "generated"):
            raise
        raise MissingExtra(what, extra, [top]) from None


def exit_missing(error: MissingExtra) -> None:
    """The one line a user sees, on stderr, and exit status 2 (the command cannot run as installed)."""
    print(f"testrelay: {error}", file=sys.stderr)
    raise SystemExit(2)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
