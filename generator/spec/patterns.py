"""Whether a schema's `pattern` can be used by the code built from it.

Two regex engines read a spec's patterns: Python's `re` in the mock's validators (jsonschema), and
pydantic-core's in the generated models, which compiles each `Field(pattern=...)` when `models.py`
is imported. A pattern either cannot compile breaks that code, so `check` reports what `re` refuses,
and the IR builder drops (with a located fallback note) what the models' engine refuses.
"""

from __future__ import annotations

import re
from functools import cache

from generator.spec import document
from generator.spec import pointer as jp
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem


@cache
def python_error(pattern: str) -> str | None:
    """Why Python's `re` cannot compile the pattern, or None when it can."""
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as exc:
        return str(exc) or type(exc).__name__
    return None


@cache
def models_error(pattern: str) -> str | None:
    """Why the generated models could not compile the pattern, or None when they can."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except (SchemaError, RecursionError, OverflowError, ValueError) as exc:
        return " ".join(str(exc).split()[-12:])
    return None


def problems(spec: LoadedSpec) -> list[Problem]:
    """A problem at every `pattern` (and `patternProperties` key) Python's `re` cannot compile."""
    found = []
    for top, schema in document.schema_objects(spec):
        for pointer, sub in document.subschemas(top, schema):
            pattern = sub.get("pattern")
            if isinstance(pattern, str) and (error := python_error(pattern)) is not None:
                at = jp.join(pointer, "pattern")
                found.append(spec.problem(at, f"{pattern!r} is not a regular expression: {error}"))
            keyed = sub.get("patternProperties")
            for key in keyed if isinstance(keyed, dict) else ():
                if (error := python_error(key)) is not None:
                    at = jp.join(pointer, "patternProperties", key)
                    found.append(spec.problem(at, f"{key!r} is not a regular expression: {error}"))
    return found
