"""Parameter serialization against the OpenAPI 3.1 style-examples table, encoding edge cases and refusals."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from decimal import Decimal
from urllib.parse import parse_qsl

import pytest
from pydantic import BaseModel, Field

from generator.runtime._params import (
    build_query,
    header_value,
    json_query_pairs,
    path_param,
    query_pairs,
    to_wire,
)

STRING = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


class Colour(enum.Enum):
    RED = "red"


class Level(enum.IntEnum):
    HIGH = 3


class Shade(enum.StrEnum):
    DARK = "dark"


class Run(BaseModel):
    run_id: int = Field(alias="runId")
    started: dt.datetime
    note: str | None = None


# The spec's "Style Examples" table, path styles: (style, explode, empty string, string, array, object).
PATH_TABLE = [
    ("matrix", False, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
    ("label", False, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("simple", False, "", "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "", "blue", "blue,black,brown", "R=100,G=200,B=150"),
]


@pytest.mark.parametrize(("style", "explode", "empty", "string", "array", "obj"), PATH_TABLE)
def test_path_styles_match_the_spec_table(
    style: str, explode: bool, empty: str, string: str, array: str, obj: str
) -> None:
    assert path_param("color", "", style=style, explode=explode) == empty
    assert path_param("color", STRING, style=style, explode=explode) == string
    assert path_param("color", ARRAY, style=style, explode=explode) == array
    assert path_param("color", OBJECT, style=style, explode=explode) == obj


@pytest.mark.parametrize(
    ("style", "explode", "expected"),
    [("matrix", False, ";color"), ("matrix", True, ";color"), ("label", False, "."), ("simple", True, "")],
)
def test_path_empty_array_and_object_serialize_like_the_empty_string(style: str, explode: bool, expected: str) -> None:
    assert path_param("color", [], style=style, explode=explode) == expected
    assert path_param("color", {}, style=style, explode=explode) == expected


# Query styles: (style, explode, value, expected query string); the spec table plus the empty cases.
QUERY_TABLE: list[tuple[str, bool, object, str]] = [
    ("form", False, "", "color="),
    ("form", False, STRING, "color=blue"),
    ("form", False, ARRAY, "color=blue,black,brown"),
    ("form", False, OBJECT, "color=R,100,G,200,B,150"),
    ("form", False, [], "color="),
    ("form", False, {}, "color="),
    ("form", True, "", "color="),
    ("form", True, STRING, "color=blue"),
    ("form", True, ARRAY, "color=blue&color=black&color=brown"),
    ("form", True, OBJECT, "R=100&G=200&B=150"),
    ("form", True, [], ""),
    ("form", True, {}, ""),
    ("spaceDelimited", False, ARRAY, "color=blue%20black%20brown"),
    ("spaceDelimited", False, OBJECT, "color=R%20100%20G%20200%20B%20150"),
    ("spaceDelimited", False, [], "color="),
    ("pipeDelimited", False, ARRAY, "color=blue|black|brown"),
    ("pipeDelimited", False, OBJECT, "color=R|100|G|200|B|150"),
    ("deepObject", True, OBJECT, "color[R]=100&color[G]=200&color[B]=150"),
    ("deepObject", True, {}, ""),
]


@pytest.mark.parametrize(("style", "explode", "value", "expected"), QUERY_TABLE)
def test_query_styles_match_the_spec_table(style: str, explode: bool, value: object, expected: str) -> None:
    assert build_query(query_pairs("color", value, style=style, explode=explode)) == expected


def test_query_none_gives_no_pairs() -> None:
    assert query_pairs("color", None) == []
    assert query_pairs("color", None, style="deepObject") == []
    assert json_query_pairs("color", None) == []


def test_query_pairs_are_returned_separately() -> None:
    assert query_pairs("color", ARRAY) == [("color", "blue"), ("color", "black"), ("color", "brown")]
    assert query_pairs("color", OBJECT, explode=False) == [("color", "R,100,G,200,B,150")]


def test_deep_object_nests_brackets_and_skips_none() -> None:
    value = {"filter": {"status": "failed", "suite": {"name": "smoke tests"}}, "limit": 10, "skip": None}
    assert query_pairs("q", value, style="deepObject") == [
        ("q[filter][status]", "failed"),
        ("q[filter][suite][name]", "smoke%20tests"),
        ("q[limit]", "10"),
    ]


def test_deep_object_encodes_names_but_keeps_brackets() -> None:
    assert query_pairs("f ilter", {"a&b": "x=y"}, style="deepObject") == [("f%20ilter[a%26b]", "x%3Dy")]


# Values needing encoding: (value, encoded). Unreserved characters `-._~` stay as they are.
ENCODED = [
    ("a b", "a%20b"),
    ("a&b", "a%26b"),
    ("a=b", "a%3Db"),
    ("a/b", "a%2Fb"),
    ("a+b", "a%2Bb"),
    ("a,b", "a%2Cb"),
    ("a;b", "a%3Bb"),
    ("a|b", "a%7Cb"),
    ("50%", "50%25"),
    ("#1?", "%231%3F"),
    ("é", "%C3%A9"),
    ("日本", "%E6%97%A5%E6%9C%AC"),
    ("a-b.c_d~e", "a-b.c_d~e"),
]


@pytest.mark.parametrize(("raw", "encoded"), ENCODED)
def test_query_values_and_names_are_percent_encoded(raw: str, encoded: str) -> None:
    assert query_pairs("q", raw) == [("q", encoded)]
    assert query_pairs(raw, "v") == [(encoded, "v")]


@pytest.mark.parametrize(("raw", "encoded"), ENCODED)
def test_path_values_are_percent_encoded(raw: str, encoded: str) -> None:
    assert path_param("p", raw) == encoded
    assert path_param("p", raw, style="matrix") == f";p={encoded}"


def test_delimiters_inside_values_are_encoded_but_the_style_delimiters_are_not() -> None:
    assert path_param("p", ["a,b", "c;d"], style="matrix") == ";p=a%2Cb,c%3Bd"
    assert path_param("p", {"k=1": "v.2"}, style="label", explode=True) == ".k%3D1=v.2"
    assert path_param("p", ["x y", "é"], style="label", explode=True) == ".x%20y.%C3%A9"
    assert query_pairs("q", ["a,b", "c"], explode=False) == [("q", "a%2Cb,c")]
    assert query_pairs("q", ["a b", "c|d"], style="spaceDelimited", explode=False) == [("q", "a%20b%20c%7Cd")]
    assert query_pairs("q", ["a b", "c|d"], style="pipeDelimited", explode=False) == [("q", "a%20b|c%7Cd")]


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        (":/?[]@!$&'()*+,;=", ":/?[]@!$&'()*+,;="),
        ("https://x.test/a?b=c", "https://x.test/a?b=c"),
        ("a b", "a%20b"),
        ("é", "%C3%A9"),
        ("#frag", "%23frag"),
        ("100%25 sure", "100%25%20sure"),
        ("100% sure", "100%25%20sure"),
        ("%zz", "%25zz"),
    ],
)
def test_allow_reserved_keeps_reserved_characters_and_triplets(raw: str, encoded: str) -> None:
    assert query_pairs("q", raw, allow_reserved=True) == [("q", encoded)]


def test_allow_reserved_applies_to_values_not_names() -> None:
    assert query_pairs("a/b", "c/d", allow_reserved=True) == [("a%2Fb", "c/d")]
    assert query_pairs("q", {"k/1": "v/1"}, allow_reserved=True) == [("k%2F1", "v/1")]
    assert query_pairs("q", {"k/1": "v/1"}, style="deepObject", allow_reserved=True) == [("q[k%2F1]", "v/1")]


def test_booleans_are_lowercase_everywhere() -> None:
    assert query_pairs("flag", True) == [("flag", "true")]
    assert query_pairs("flags", [True, False], explode=False) == [("flags", "true,false")]
    assert query_pairs("f", {"on": False}, style="deepObject") == [("f[on]", "false")]
    assert path_param("flag", False, style="matrix") == ";flag=false"
    assert header_value(True) == "true"


def test_numbers_keep_their_python_spelling() -> None:
    assert query_pairs("n", [0, -3, 1.5, Decimal("2.50")], explode=False) == [("n", "0,-3,1.5,2.50")]


def test_enums_send_their_values() -> None:
    assert query_pairs("c", Colour.RED) == [("c", "red")]
    assert query_pairs("l", Level.HIGH) == [("l", "3")]
    assert query_pairs("s", [Shade.DARK, Colour.RED], explode=False) == [("s", "dark,red")]
    assert path_param("l", Level.HIGH, style="label") == ".3"
    assert header_value({Colour.RED: Level.HIGH}) == "red,3"


def test_datetimes_and_uuids_use_their_iso_and_hex_forms() -> None:
    stamp = dt.datetime(2024, 5, 1, 12, 30, tzinfo=dt.UTC)
    run_id = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert query_pairs("since", stamp) == [("since", "2024-05-01T12%3A30%3A00%2B00%3A00")]
    assert query_pairs("day", dt.date(2024, 5, 1)) == [("day", "2024-05-01")]
    assert query_pairs("at", dt.time(9, 5)) == [("at", "09%3A05%3A00")]
    assert path_param("id", run_id) == "12345678-1234-5678-1234-567812345678"
    assert header_value(stamp) == "2024-05-01T12:30:00+00:00"


def test_pydantic_models_are_dumped_by_alias_without_none() -> None:
    run = Run(runId=7, started=dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    assert query_pairs("run", run) == [("runId", "7"), ("started", "2024-05-01T00%3A00%3A00Z")]
    assert query_pairs("run", run, style="deepObject") == [
        ("run[runId]", "7"),
        ("run[started]", "2024-05-01T00%3A00%3A00Z"),
    ]
    assert header_value(run, explode=True) == "runId=7,started=2024-05-01T00:00:00Z"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Colour.RED, "red"),
        (Level.HIGH, 3),
        (True, True),
        (None, None),
        (1.5, 1.5),
        (dt.datetime(2024, 5, 1, 8, 0), "2024-05-01T08:00:00"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        (dt.time(8, 0, 1), "08:00:01"),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (Decimal("0.10"), "0.10"),
        ((1, "a"), [1, "a"]),
        ({3, 1, 2}, [1, 2, 3]),
        (frozenset({"b", "a"}), ["a", "b"]),
        ({2, "a", True}, [True, 2, "a"]),
        ({1: [Colour.RED], False: None, Level.HIGH: {"d": Decimal(1)}}, {"1": ["red"], "false": None, "3": {"d": "1"}}),
        (Run(runId=1, started=dt.datetime(2024, 1, 1)), {"runId": 1, "started": "2024-01-01T00:00:00"}),
    ],
)
def test_to_wire(value: object, expected: object) -> None:
    assert to_wire(value) == expected


def test_to_wire_refuses_unknown_types() -> None:
    with pytest.raises(TypeError, match="cannot send a bytes as a parameter"):
        to_wire(b"raw")


def test_json_query_pairs_are_compact_and_encoded() -> None:
    value = {"lat": 1.5, "tags": ["a b", "é"], "ok": True, "none": None}
    assert json_query_pairs("coords", value) == [
        (
            "coords",
            "%7B%22lat%22%3A1.5%2C%22tags%22%3A%5B%22a%20b%22%2C%22%C3%A9%22%5D%2C%22ok%22%3Atrue%2C%22none%22%3Anull%7D",
        )
    ]
    assert parse_qsl(build_query(json_query_pairs("coords", value))) == [
        ("coords", '{"lat":1.5,"tags":["a b","é"],"ok":true,"none":null}')
    ]


def test_json_query_pairs_refuse_nan() -> None:
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        json_query_pairs("x", float("nan"))


@pytest.mark.parametrize(
    ("value", "explode", "expected"),
    [
        (STRING, False, "blue"),
        (ARRAY, False, "blue,black,brown"),
        (ARRAY, True, "blue,black,brown"),
        (OBJECT, False, "R,100,G,200,B,150"),
        (OBJECT, True, "R=100,G=200,B=150"),
        ([], False, ""),
        ("a b/é;q=0.5", False, "a b/é;q=0.5"),
        (12, False, "12"),
    ],
)
def test_header_values_use_simple_style_without_encoding(value: object, explode: bool, expected: str) -> None:
    assert header_value(value, explode=explode) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: path_param("p", "x", style="form"),
            "style 'form' does not apply to path parameters; expected one of simple, label, matrix",
        ),
        (lambda: path_param("p", "x", style="Simple"), "style 'Simple' does not apply to path parameters"),
        (lambda: path_param("p", None), "path parameter 'p' is required and cannot be None"),
        (lambda: path_param("p", [[1]]), "parameter 'p': this style cannot serialize nested arrays"),
        (
            lambda: path_param("p", {"a": {"b": 1}}, style="label"),
            "parameter 'p': this style cannot serialize nested objects",
        ),
        (
            lambda: query_pairs("q", "x", style="matrix"),
            "style 'matrix' does not apply to query parameters; expected one of form, spaceDelimited, pipeDelimited, deepObject",
        ),
        (lambda: query_pairs("q", "x", style="bogus"), "style 'bogus' does not apply to query parameters"),
        (
            lambda: query_pairs("q", ["a"], style="deepObject"),
            "query parameter 'q': style 'deepObject' needs an object, got array",
        ),
        (
            lambda: query_pairs("q", "a", style="deepObject"),
            "query parameter 'q': style 'deepObject' needs an object, got primitive value",
        ),
        (
            lambda: query_pairs("q", {"a": 1}, style="deepObject", explode=False),
            "query parameter 'q': style 'deepObject' requires explode=true",
        ),
        (
            lambda: query_pairs("q", {"a": [1]}, style="deepObject"),
            "query parameter 'q': style 'deepObject' does not define arrays \\(at 'a'\\)",
        ),
        (
            lambda: query_pairs("q", "a", style="spaceDelimited", explode=False),
            "query parameter 'q': style 'spaceDelimited' needs an array or object, got primitive value",
        ),
        (
            lambda: query_pairs("q", ["a"], style="pipeDelimited"),
            "query parameter 'q': style 'pipeDelimited' is only defined with explode=false",
        ),
        (lambda: query_pairs("q", [["a"]]), "parameter 'q': this style cannot serialize nested arrays"),
        (
            lambda: query_pairs("q", {"a": {"b": 1}}, explode=False),
            "parameter 'q': this style cannot serialize nested objects",
        ),
        (lambda: header_value(None), "a header value cannot be None; leave the header out instead"),
        (lambda: header_value("a\r\nX-Evil: 1"), "a header value cannot contain CR or LF"),
        (lambda: header_value([{"a": 1}]), "parameter 'header': this style cannot serialize nested objects"),
    ],
)
def test_inapplicable_styles_and_shapes_raise(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}"):
        call()


@pytest.mark.parametrize(
    ("value", "explode", "expected"),
    [
        ("a b&c=d/é+日本 50%", True, [("q", "a b&c=d/é+日本 50%")]),
        (["x&y", "1+1=2", " lead", "日本"], True, [("q", "x&y"), ("q", "1+1=2"), ("q", " lead"), ("q", "日本")]),
        ({"k&1": "v=1", "é": "+"}, True, [("k&1", "v=1"), ("é", "+")]),
        (["x&y", "1+1=2"], False, [("q", "x&y,1+1=2")]),
        ("", True, [("q", "")]),
    ],
)
def test_build_query_round_trips_through_parse_qsl(
    value: object, explode: bool, expected: list[tuple[str, str]]
) -> None:
    assert parse_qsl(build_query(query_pairs("q", value, explode=explode)), keep_blank_values=True) == expected


def test_build_query_keeps_order_and_repeats() -> None:
    assert build_query([("b", "2"), ("a", "1"), ("b", "3")]) == "b=2&a=1&b=3"
    assert build_query([]) == ""
