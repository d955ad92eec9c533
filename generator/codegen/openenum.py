"""Recognising the open-enum idiom of our specs: known values, then any value of the same type."""

from __future__ import annotations

import re
import textwrap
from typing import Any

_CATCH_ALL_KEYS = frozenset({"type", "description", "title"})


def closed_form(schema: Any) -> dict[str, Any] | None:
    """`anyOf: [{type: T, enum: [...]}, {type: T}]` (either order) as `{type: T, enum: [...]}`.

    The generated enum classes accept unknown values themselves, so the catch-all branch is
    expressed by the class rather than by a union a user would have to unwrap.
    """
    if not isinstance(schema, dict):
        return None
    branches = schema.get("anyOf") or schema.get("oneOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return None
    enums = [b for b in branches if isinstance(b, dict) and "enum" in b]
    others = [b for b in branches if isinstance(b, dict) and "enum" not in b]
    if len(enums) != 1 or len(others) != 1 or not set(others[0]) <= _CATCH_ALL_KEYS:
        return None
    enum_branch, catch_all = enums[0], others[0]
    if catch_all.get("type") != enum_branch.get("type") or catch_all.get("type") not in ("string", "integer"):
        return None
    closed = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
    closed.update({k: v for k, v in enum_branch.items() if k != "description" or "description" not in closed})
    return closed


def _required_only(branches: Any) -> bool:
    return (
        isinstance(branches, list)
        and bool(branches)
        and all(isinstance(b, dict) and set(b) == {"required"} for b in branches)
    )


def without_presence_rules(schema: dict[str, Any]) -> dict[str, Any]:
    """Drops `oneOf`/`anyOf` lists of `required`-only branches ("exactly one of these fields").

    They say which fields must be present, not what shape the object has; given to the model
    generator they would split one model into a variant per branch. Generated clients check
    them before sending instead.
    """
    result = {k: v for k, v in schema.items() if not (k in ("oneOf", "anyOf") and _required_only(v))}
    if isinstance(result.get("allOf"), list):
        kept = [
            part
            for part in result["allOf"]
            if not (isinstance(part, dict) and len(part) == 1 and _required_only(next(iter(part.values()))))
        ]
        if kept:
            result["allOf"] = kept
        else:
            del result["allOf"]
    return result


def normalise(node: Any) -> Any:
    """A copy of a schema tree in the form the model generator should see.

    Open enums become closed enums (the generated enum classes accept unknown values) and
    presence rules are dropped (see `without_presence_rules`).
    """
    if isinstance(node, dict):
        closed = closed_form(node)
        if closed is not None:
            node = closed
        node = without_presence_rules(node)
        names = case_variant_names(node.get("enum"))
        if names is not None and "x-enum-varnames" not in node:
            node = {**node, "x-enum-varnames": names}
        return {
            k: v if k in ("example", "examples", "default", "enum", "const") else normalise(v) for k, v in node.items()
        }
    if isinstance(node, list):
        return [normalise(v) for v in node]
    return node


def wrap_descriptions(node: Any, width: int) -> Any:
    """A copy of a schema tree whose descriptions are wrapped to `width` columns.

    The model generator writes each description as a docstring line by line; wrapping the text it
    is given keeps its docstrings within the line length without touching its output.
    """
    if isinstance(node, dict):
        return {
            k: _wrapped(v, width)
            if k == "description" and isinstance(v, str)
            else v
            if k in ("example", "examples", "default", "enum", "const")
            else wrap_descriptions(v, width)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [wrap_descriptions(v, width) for v in node]
    return node


def _wrapped(text: str, width: int) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width or line.rstrip().endswith("\\"):
            lines.append(line)
        else:
            lines += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(lines)


def case_variant_names(values: Any) -> list[str] | None:
    """Member names for a string enum whose values differ only in case (`open`, `Open`), else None.

    The model generator would number the second one (`open_1`); it is given names instead
    (`x-enum-varnames`, which it reads): the first spelling keeps the plain name, the others say
    their case (`OPEN`, `OPEN_TITLE`; `_UPPER`, `_LOWER`, `_MIXED`).
    """
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return None
    folded = [v.casefold() for v in values]
    if len(set(folded)) == len(folded):
        return None
    result: list[str] = []
    for value in values:
        base = _member(value)
        name = base
        if name in result:
            name = f"{base}_{_case(value)}"
        while name in result:
            name += "_"
        result.append(name)
    return result


def _case(value: str) -> str:
    if value.isupper():
        return "UPPER"
    if value.islower():
        return "LOWER"
    return "TITLE" if value.istitle() else "MIXED"


def _member(value: str) -> str:
    name = re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_").upper() or "EMPTY"
    return f"V_{name}" if name[0].isdigit() else name
