"""JSON pointers (RFC 6901) read from parsed responses, so `x-polling` and `x-pagination` work on models.

The vendor extensions name their fields as JSON pointers into the response body, but a generated
client holds that body as a pydantic model whose attribute names may differ from the wire names.
`resolve` walks the model the way the pointer would walk the JSON: a field by its wire name (alias)
first, then by its Python name, then the model's extra keys. A `RootModel` stands for its root.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import BaseModel, RootModel

_INDEX = re.compile(r"0|[1-9][0-9]*")
_BAD_ESCAPE = re.compile(r"~(?![01])")


class _Missing(Exception):
    """Internal: one token did not match; turned into `KeyError(pointer)` by `resolve`."""


def unwrap_root(value: object) -> object:
    """The value a `RootModel` stands for, since on the wire it is exactly its root."""
    while isinstance(value, RootModel):
        value = value.root
    return value


def tokens(pointer: str) -> list[str]:
    """The unescaped reference tokens of a pointer; a malformed pointer is a spec bug, so ValueError."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"JSON pointer must be empty or start with '/': {pointer!r}")
    if _BAD_ESCAPE.search(pointer):
        raise ValueError(f"JSON pointer has a '~' not followed by 0 or 1: {pointer!r}")
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def resolve(obj: object, pointer: str) -> object:
    """The value at `pointer` in `obj`, returned as it is (a model, an enum member, a list...).

    Raises KeyError(pointer) when any step is missing, and ValueError when the pointer is malformed.
    """
    value = obj
    for token in tokens(pointer):
        try:
            value = _step(unwrap_root(value), token)
        except _Missing:
            raise KeyError(pointer) from None
    return value


def get(obj: object, pointer: str, default: object = None) -> object:
    """The value at `pointer`, or `default` when it is missing."""
    try:
        return resolve(obj, pointer)
    except KeyError:
        return default


def _step(value: object, token: str) -> object:
    if isinstance(value, BaseModel):
        return _field(value, token)
    if isinstance(value, Mapping):
        if token in value:
            return value[token]
        raise _Missing
    if isinstance(value, list | tuple):
        if _INDEX.fullmatch(token) and int(token) < len(value):
            return value[int(token)]
        raise _Missing
    raise _Missing


def _field(model: BaseModel, token: str) -> object:
    fields = type(model).model_fields
    for name, info in fields.items():
        if info.alias == token:
            return getattr(model, name)
    if token in fields:
        return getattr(model, token)
    extra = model.model_extra
    if extra is not None and token in extra:
        return extra[token]
    raise _Missing
