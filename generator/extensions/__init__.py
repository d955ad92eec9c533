"""The `x-` extensions testrelay reads, each defined by a JSON Schema in this folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@dataclass(frozen=True)
class Extension:
    name: str
    where: frozenset[str]
    """Kinds of object the extension may sit on: root, operation, securityScheme, serverVariable."""


EXTENSIONS: dict[str, Extension] = {
    ext.name: ext
    for ext in (
        Extension("x-token-exchange", frozenset({"securityScheme"})),
        Extension("x-polling", frozenset({"operation"})),
        Extension("x-pagination", frozenset({"operation"})),
        Extension("x-rate-limit", frozenset({"root", "operation"})),
        Extension("x-idempotent", frozenset({"operation"})),
        Extension("x-mock", frozenset({"root"})),
        Extension("x-test-results", frozenset({"operation"})),
        Extension("x-ci-context", frozenset({"operation"})),
        Extension("x-build-upload", frozenset({"operation"})),
        Extension("x-placeholder", frozenset({"serverVariable"})),
    )
}


@cache
def validator(name: str) -> Draft202012Validator:
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
