"""Turning spec names into Python names: valid, non-keyword, ASCII, unique where it matters."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BUILTINS = frozenset(dir(builtins))


def ascii_words(name: str) -> str:
    """Accents dropped, other non-ASCII letters turned into word breaks."""
    folded = name.replace("ß", "ss").replace("ẞ", "SS")
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")


def snake_case(name: str) -> str:
    """`getCIResult` -> `get_ci_result`, `X-API-Key` -> `x_api_key`."""
    spaced = _NON_WORD.sub("_", _BOUNDARY.sub("_", ascii_words(name)))
    return re.sub("_+", "_", spaced).strip("_").lower()


def pascal_case(name: str) -> str:
    """`test-report_page` -> `TestReportPage`; existing capitals are kept (`CIConfig`)."""
    words = [w for w in _NON_WORD.split(_BOUNDARY.sub("_", ascii_words(name))) if w]
    return "".join(w[:1].upper() + w[1:] for w in words)


def is_reserved(name: str) -> bool:
    return keyword.iskeyword(name) or keyword.issoftkeyword(name)


def python_name(raw: str, *, fallback: str, taken: Iterable[str] = (), avoid: Iterable[str] = ()) -> str:
    """A snake_case identifier for `raw`, renamed predictably when it would be invalid or taken.

    Empty after cleaning -> `fallback`; leading digit -> `n` prefix; keyword or a name in
    `avoid` -> `_` suffix; a name in `taken` -> `_2`, `_3`, ... Builtins such as `id` and
    `filter` are kept: they are keyword-only arguments, where shadowing harms no one.
    """
    name = snake_case(raw) or fallback
    if name[0].isdigit():
        name = "n" + name
    if is_reserved(name) or name in set(avoid):
        name += "_"
    return unique(name, taken)


def class_name(raw: str, *, fallback: str, taken: Iterable[str] = (), avoid: Iterable[str] = ()) -> str:
    name = pascal_case(raw) or fallback
    if name[0].isdigit():
        name = "N" + name
    if is_reserved(name) or name in _BUILTINS or name in set(avoid):
        name += "Model"
    return unique(name, taken)


def unique(name: str, taken: Iterable[str]) -> str:
    used = set(taken)
    if name not in used:
        return name
    n = 2
    while f"{name}_{n}" in used if name.islower() else f"{name}{n}" in used:
        n += 1
    return f"{name}_{n}" if name.islower() else f"{name}{n}"
