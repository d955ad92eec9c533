"""The one shape every spec problem takes, so `check` and `generate` print them alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.spec import pointer as jp

if TYPE_CHECKING:
    from jsonschema import ValidationError

    from generator.spec.load import LoadedSpec

MAX_MESSAGE = 240
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _one_line(text: str) -> str:
    """The text with line breaks and other control characters escaped, so a problem is always one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem: `file:LINE: /pointer: message`."""

    file: str
    line: int
    pointer: str
    message: str

    def __str__(self) -> str:
        return _one_line(f"{self.file}:{self.line}: {self.pointer or '/'}: {self.message}")


class SpecError(Exception):
    """Raised when a spec cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def located(spec: LoadedSpec, base: str, error: ValidationError, prefix: str = "") -> Problem:
    """One readable, located line for a jsonschema error, descending into the likeliest branch."""
    from jsonschema.exceptions import best_match

    if error.context:
        deepest = best_match(error.context)
        if deepest is not None:
            error = deepest
    return spec.problem(jp.join(base, *error.absolute_path), prefix + shorten(error.message))


def shorten(text: str) -> str:
    """One line of at most MAX_MESSAGE characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


INTERNAL = "internal error"


def internal_error(spec: LoadedSpec, exc: BaseException) -> Problem:
    """The line a failure of testrelay itself gets (never a user's traceback); tests look for INTERNAL."""
    return unexpected(spec.path, exc)


def unexpected(display: str, exc: BaseException) -> Problem:
    """`internal_error` for a spec known by its file name only."""
    if isinstance(exc, RecursionError):
        return Problem(display, 1, "", "nested too deeply to be read")
    what = shorten(f"{type(exc).__name__}: {exc}")
    return Problem(display, 1, "", f"{INTERNAL} ({what}); please report it with this spec")
