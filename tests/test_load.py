"""The tolerant loader: YAML 1.2 scalars, odd characters, and a line for every pointer."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from generator.spec.load import load_file, load_text
from generator.spec.problems import SpecError


def test_scalars_follow_yaml_core_schema() -> None:
    spec = load_text(
        "version: 2020-08-27\nyes_: yes\nno_: off\nint: 12\nhex: 0x1F\nfloat: 1.5\n"
        "inf: -.inf\nnull_: ~\nbool: true\nquoted: '12'\nexp: 1e3\nstamp: 2001-12-14t21:59:43.10-05:00\n",
        "s.yaml",
    )
    assert spec.data == {
        "version": "2020-08-27",
        "yes_": "yes",
        "no_": "off",
        "int": 12,
        "hex": 31,
        "float": 1.5,
        "inf": -math.inf,
        "null_": None,
        "bool": True,
        "quoted": "12",
        "exp": 1000.0,
        "stamp": "2001-12-14t21:59:43.10-05:00",
    }


def test_keys_become_strings() -> None:
    spec = load_text("responses:\n  200: {description: ok}\n  true: x\n  ~: y\n", "s.yaml")
    assert list(spec.data["responses"]) == ["200", "true", "null"]


def test_unknown_tags_are_plain_values() -> None:
    spec = load_text("a: !custom 12\nb: !!value =\nc: !Ref {x: 1}\n", "s.yaml")
    assert spec.data == {"a": 12, "b": "=", "c": {"x": 1}}


def test_line_separators_and_control_characters_do_not_shift_lines() -> None:
    text = "a: one\u2028two\nb: bad\x83char\x07\nc:\n  d: 1\n"
    spec = load_text(text, "s.yaml")
    assert spec.data["a"] == "one two"
    assert spec.data["b"] == "bad char"
    assert spec.line_of("/c/d") == 4


def test_every_pointer_has_its_line() -> None:
    spec = load_text("a:\n  b:\n    - x\n    - y: 1\n      z: 2\n", "s.yaml")
    assert spec.line_of("/a/b") == 2
    assert spec.line_of("/a/b/1/z") == 5
    assert spec.line_of("/a/b/1/missing") == 4


def test_merge_keys_and_aliases() -> None:
    spec = load_text("base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\nsame: *b\n", "s.yaml")
    assert spec.data["mine"] == {"x": 1, "y": 3}
    assert spec.data["same"] == {"x": 1, "y": 2}


def test_duplicate_keys_are_warned_about() -> None:
    spec = load_text("a: 1\nb: 2\na: 3\n", "s.yaml")
    assert [str(w) for w in spec.warnings] == ["s.yaml:3: /a: duplicate key"]


def test_recursive_alias_is_an_error() -> None:
    with pytest.raises(SpecError) as info:
        load_text("a: &x\n  b: *x\n", "s.yaml")
    assert str(info.value) == "s.yaml:2: /a/b: recursive YAML alias"


def test_json_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'\xef\xbb\xbf{"openapi": "3.1.0",\n "n": 1}')
    spec = load_file(path)
    assert spec.data == {"openapi": "3.1.0", "n": 1}
    assert spec.line_of("/n") == 2
