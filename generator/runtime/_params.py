"""OpenAPI parameter serialization (`style`/`explode`), so generated clients send what the spec describes.

The rules follow the OpenAPI 3.1 "Style Values" and "Style Examples" tables, which defer to RFC 6570 for
`matrix`, `label`, `simple` and `form`. Combinations the tables mark n/a raise `ValueError` instead of guessing,
because servers disagree on them and a silently wrong request is harder to debug than an error.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from urllib.parse import quote

from pydantic import BaseModel

__all__ = ["build_query", "header_value", "json_query_pairs", "path_param", "query_pairs", "to_wire"]

PATH_STYLES = ("simple", "label", "matrix")
QUERY_STYLES = ("form", "spaceDelimited", "pipeDelimited", "deepObject")

# RFC 3986 reserved characters kept by `allow_reserved`, minus `#`: a literal `#` would end the query and turn
# the rest of the URL into a fragment, so it is always encoded.
_RESERVED_KEPT = ":/?[]@!$&'()*+,;="
# RFC 6570 reserved expansion passes existing percent-encoded triplets through unchanged.
_TRIPLET = re.compile(r"%[0-9A-Fa-f]{2}")
_NESTED_HINT = "declare the parameter with `content: application/json` to send nested data"


def to_wire(value: object) -> object:
    """Plain JSON-like data from what a caller passes, so every serializer below deals with one shape of data.

    Enum -> .value, bool stays bool, datetime/date/time -> isoformat(), UUID/Decimal -> str, pydantic BaseModel ->
    model_dump(mode="json", by_alias=True, exclude_none=True), tuple/set/frozenset -> list (sets sorted for
    determinism), dict keys -> str; recursive. Anything else is a `TypeError`, rather than a `str()` guess.
    """
    if isinstance(value, enum.Enum):  # before str/int: StrEnum and IntEnum members are also str and int
        return to_wire(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, BaseModel):
        return to_wire(value.model_dump(mode="json", by_alias=True, exclude_none=True))
    if isinstance(value, Mapping):
        return {_key_text(k): to_wire(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((to_wire(item) for item in value), key=_sort_key)
    raise TypeError(f"cannot send a {type(value).__name__} as a parameter: {value!r}")


def path_param(name: str, value: object, *, style: str = "simple", explode: bool = False) -> str:
    """The text that replaces `{name}` in the path template, percent-encoded.

    RFC 3986 unreserved characters are kept; the style's own delimiters (`,` `.` `;` `=`) are literal, and the
    same characters inside values are encoded so the server can split them apart again. Styles: simple, label,
    matrix. An empty array or object serializes like the empty string (the table's "undefined" column).
    """
    _check_style(style, PATH_STYLES, "path")
    wire = to_wire(value)
    if wire is None:
        raise ValueError(f"path parameter {name!r} is required and cannot be None")
    prefix = {"simple": "", "label": ".", "matrix": ";"}[style]
    key = _encode(name)
    if isinstance(wire, list):
        items = [_encode(_scalar_text(item, name)) for item in wire if item is not None]
        if not items:
            return f";{key}" if style == "matrix" else prefix
        if not explode:
            return f"{prefix}{key}={','.join(items)}" if style == "matrix" else prefix + ",".join(items)
        if style == "matrix":
            return "".join(f";{key}={item}" if item else f";{key}" for item in items)
        return prefix + ("." if style == "label" else ",").join(items)
    if isinstance(wire, dict):
        pairs = [(_encode(k), _encode(_scalar_text(v, name))) for k, v in wire.items() if v is not None]
        if not pairs:
            return f";{key}" if style == "matrix" else prefix
        if not explode:
            flat = ",".join(f"{k},{v}" for k, v in pairs)
            return f";{key}={flat}" if style == "matrix" else prefix + flat
        if style == "matrix":
            return "".join(f";{k}={v}" if v else f";{k}" for k, v in pairs)
        return prefix + ("." if style == "label" else ",").join(f"{k}={v}" for k, v in pairs)
    text = _encode(_scalar_text(wire, name))
    if style == "matrix":
        return f";{key}={text}" if text else f";{key}"
    return prefix + text


def query_pairs(
    name: str, value: object, *, style: str = "form", explode: bool = True, allow_reserved: bool = False
) -> list[tuple[str, str]]:
    """(key, value) pairs already percent-encoded for a query string; None gives no pairs.

    Styles: form, spaceDelimited, pipeDelimited, deepObject. Delimiters are literal (`,` for form
    explode=false, `%20` for spaceDelimited, `|` for pipeDelimited, brackets in deepObject keys) so encoded data
    never collides with them. `allow_reserved` keeps RFC 3986 reserved characters and existing `%XX` triplets
    literal in values (RFC 6570 reserved expansion), except `#`. Booleans are `true`/`false`.
    """
    _check_style(style, QUERY_STYLES, "query")
    wire = to_wire(value)
    if wire is None:
        return []
    key = _encode(name)

    def enc(text: str) -> str:
        """Values only: names and deepObject keys are always fully encoded."""
        return _encode_reserved(text) if allow_reserved else _encode(text)

    if style == "deepObject":
        if not explode:
            raise ValueError(f"query parameter {name!r}: style 'deepObject' requires explode=true")
        if not isinstance(wire, dict):
            raise ValueError(f"query parameter {name!r}: style 'deepObject' needs an object, got {_shape(wire)}")
        return _deep_pairs(name, key, wire, enc)
    if style in ("spaceDelimited", "pipeDelimited"):
        if not isinstance(wire, list | dict):
            raise ValueError(f"query parameter {name!r}: style {style!r} needs an array or object, got {_shape(wire)}")
        if explode:
            raise ValueError(f"query parameter {name!r}: style {style!r} is only defined with explode=false")
        delimiter = "%20" if style == "spaceDelimited" else "|"
        return [(key, delimiter.join(enc(text) for text in _flatten(wire, name)))]
    if isinstance(wire, list):
        items = [enc(_scalar_text(item, name)) for item in wire if item is not None]
        if explode:
            return [(key, item) for item in items]
        return [(key, ",".join(items))]
    if isinstance(wire, dict):
        if explode:
            return [(_encode(k), enc(_scalar_text(v, name))) for k, v in wire.items() if v is not None]
        return [(key, ",".join(enc(text) for text in _flatten(wire, name)))]
    return [(key, enc(_scalar_text(wire, name)))]


def json_query_pairs(name: str, value: object) -> list[tuple[str, str]]:
    """For a parameter declared with `content: {application/json: ...}`: compact JSON, percent-encoded.

    None gives no pairs, as for `query_pairs`; NaN and infinities are refused because they are not JSON.
    """
    wire = to_wire(value)
    if wire is None:
        return []
    text = json.dumps(wire, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return [(_encode(name), _encode(text))]


def header_value(value: object, *, explode: bool = False) -> str:
    """`simple` style for headers: arrays `a,b`; objects `k,v,k2,v2`, or `k=v,k2=v2` exploded.

    Not percent-encoded, as OpenAPI requires for headers; CR and LF are refused since they would split the header.
    """
    wire = to_wire(value)
    if wire is None:
        raise ValueError("a header value cannot be None; leave the header out instead")
    if isinstance(wire, dict):
        pairs = [(k, _scalar_text(v, "header")) for k, v in wire.items() if v is not None]
        text = ",".join(f"{k}={v}" if explode else f"{k},{v}" for k, v in pairs)
    elif isinstance(wire, list):
        text = ",".join(_scalar_text(item, "header") for item in wire if item is not None)
    else:
        text = _scalar_text(wire, "header")
    if "\r" in text or "\n" in text:
        raise ValueError(f"a header value cannot contain CR or LF: {text!r}")
    return text


def build_query(pairs: list[tuple[str, str]]) -> str:
    """`k=v&k2=v2` from already-encoded pairs, order kept (repeated keys and their order can matter)."""
    return "&".join(f"{k}={v}" for k, v in pairs)


def _check_style(style: str, allowed: tuple[str, ...], location: str) -> None:
    """One clear error for both a misspelt style and a style from another location."""
    if style not in allowed:
        raise ValueError(
            f"style {style!r} does not apply to {location} parameters; expected one of {', '.join(allowed)}"
        )


def _encode(text: str) -> str:
    """Percent-encode everything but RFC 3986 unreserved characters (UTF-8 for non-ASCII)."""
    return quote(text, safe="")


def _encode_reserved(text: str) -> str:
    """RFC 6570 reserved expansion: reserved characters (bar `#`) and `%XX` triplets stay, the rest is encoded."""
    out: list[str] = []
    start = 0
    for match in _TRIPLET.finditer(text):
        out.append(quote(text[start : match.start()], safe=_RESERVED_KEPT))
        out.append(match.group())
        start = match.end()
    out.append(quote(text[start:], safe=_RESERVED_KEPT))
    return "".join(out)


def _scalar_text(value: object, name: str) -> str:
    """A scalar as the text RFC 6570 would expand: JSON spellings for booleans, no nesting."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return ""
    raise ValueError(f"parameter {name!r}: this style cannot serialize nested {_shape(value)}s; {_NESTED_HINT}")


def _flatten(wire: list[object] | dict[str, object], name: str) -> list[str]:
    """Array items, or an object's keys and values alternating (`R,100,G,200`), unencoded; None members dropped."""
    if isinstance(wire, list):
        return [_scalar_text(item, name) for item in wire if item is not None]
    return [text for k, v in wire.items() if v is not None for text in (k, _scalar_text(v, name))]


def _deep_pairs(name: str, prefix: str, wire: dict[str, object], enc: Callable[[str], str]) -> list[tuple[str, str]]:
    """`name[a][b]=v` pairs; arrays inside are refused because OpenAPI leaves their form undefined."""
    pairs: list[tuple[str, str]] = []
    for prop, item in wire.items():
        key = f"{prefix}[{_encode(prop)}]"
        if item is None:
            continue
        if isinstance(item, dict):
            pairs.extend(_deep_pairs(name, key, item, enc))
        elif isinstance(item, list):
            raise ValueError(
                f"query parameter {name!r}: style 'deepObject' does not define arrays (at {prop!r}); {_NESTED_HINT}"
            )
        else:
            pairs.append((key, enc(_scalar_text(item, name))))
    return pairs


def _shape(value: object) -> str:
    """The OpenAPI type name of a wire value, for error messages."""
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return "primitive value"


def _key_text(key: object) -> str:
    """Dict keys as JSON would write them (`true`, `null`), after the same conversions as values."""
    wire = to_wire(key)
    if wire is None:
        return "null"
    if isinstance(wire, bool):
        return "true" if wire else "false"
    return str(wire)


def _sort_key(item: object) -> tuple[str, str | float]:
    """Orders mixed set members deterministically: numbers numerically, strings alphabetically, within type."""
    if isinstance(item, bool):
        return ("bool", float(item))
    if isinstance(item, int | float):
        return ("number", item)
    if isinstance(item, str):
        return ("str", item)
    return (type(item).__name__, json.dumps(item, sort_keys=True))
