"""Whether a loaded document is an OpenAPI 3 document that can be built from at all.

Kept apart from `check` so that `generate`, which needs only this, does not import the OpenAPI validators.
"""

from __future__ import annotations

import re

from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem

_VERSION = re.compile(r"^3\.(0|1)\.\d+$")


def openapi_version(spec: LoadedSpec, problems: list[Problem]) -> str | None:
    """The document's OpenAPI version, or None after adding why it is not a usable OpenAPI 3 document."""
    data = spec.data
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number"}.get(kind, kind)
        problems.append(spec.problem("", f"not an OpenAPI document: the top level is {kind}"))
        return None
    if "swagger" in data and "openapi" not in data:
        problems.append(spec.problem("/swagger", "Swagger 2.0 is not supported; convert to OpenAPI 3"))
        return None
    version = data.get("openapi")
    if version is None:
        problems.append(spec.problem("", "not an OpenAPI document: no 'openapi' field"))
        return None
    if not isinstance(version, str) or not _VERSION.match(version):
        problems.append(spec.problem("/openapi", f"unsupported OpenAPI version {version!r}; use 3.0.x or 3.1.x"))
        return None
    return version


def structural_problems(spec: LoadedSpec) -> list[Problem]:
    """What makes a document unusable for building at all: not OpenAPI 3, a value of the wrong type
    anywhere, an `x-` extension that breaks its schema, a `$ref` cycle or an operationId naming nothing."""
    from generator.spec import extension_check, references, shape

    problems: list[Problem] = []
    if openapi_version(spec, problems) is None:
        return problems
    problems += shape.problems(spec)
    if problems:
        return problems  # the passes below walk the document and need its shape
    return [*extension_check.problems(spec), *references.problems(spec)]
