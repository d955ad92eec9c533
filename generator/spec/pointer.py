"""JSON pointers (RFC 6901) over plain JSON-like data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_MISSING = object()


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(str(t)) for t in tokens)


def from_path(tokens: Iterable[str | int]) -> str:
    return join("", *tokens)


def split(pointer: str) -> list[str]:
    """Tokens of a pointer; raises ValueError when it is not a pointer at all."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"JSON pointer {pointer!r} does not start with '/'")
    return [unescape(t) for t in pointer[1:].split("/")]


def resolve(document: Any, pointer: str) -> Any:
    """The value at `pointer`; raises KeyError when there is none."""
    node = document
    for token in split(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0] if pointer else ""


def get(document: Any, pointer: str) -> Any:
    """The value at `pointer`, or None where there is none: answers being built are often partial."""
    try:
        return resolve(document, pointer)
    except KeyError:
        return None


def put(document: Any, pointer: str, value: Any) -> None:
    """Sets the value at `pointer`, creating missing objects on the way; a path through anything else is left."""
    tokens = split(pointer)
    node = document
    for token in tokens[:-1]:
        if isinstance(node, dict):
            node = node.setdefault(token, {})
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return
    if isinstance(node, dict) and tokens:
        node[tokens[-1]] = value
