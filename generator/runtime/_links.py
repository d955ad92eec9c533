"""Following an OpenAPI link from a trigger's response to its status operation's arguments."""

from __future__ import annotations

from typing import Any

from generator.runtime._pointers import resolve


def link_value(response: object, pointer: str) -> Any:
    """The value a `$response.body#<pointer>` link expression names in a parsed response."""
    try:
        return resolve(response, pointer)
    except KeyError:
        raise ValueError(f"the response has nothing at {pointer} to wait for") from None


def has_value(response: object, pointer: str) -> bool:
    """Whether a link applies: the response has a non-null value at `pointer`."""
    try:
        return resolve(response, pointer) is not None
    except KeyError:
        return False
