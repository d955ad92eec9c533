"""Turning spec names into Python names."""

from __future__ import annotations

import keyword
import re

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9a-zA-Z]+")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def snake_case(name: str) -> str:
    """`getCIResult` -> `get_ci_result`, `X-API-Key` -> `x_api_key`."""
    spaced = _NON_WORD.sub("_", _BOUNDARY.sub("_", name))
    return re.sub("_+", "_", spaced).strip("_").lower()


def is_reserved(name: str) -> bool:
    return keyword.iskeyword(name) or keyword.issoftkeyword(name)
