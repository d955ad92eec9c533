"""Checking example and default values against schemas, `$ref`s resolved in the document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem, located, shorten

_SPEC_URI = "urn:testrelay:spec"
__all__ = ["InstanceChecker", "located", "shorten"]


class InstanceChecker:
    """Validates values against the schema at a pointer, with the document's OpenAPI dialect."""

    def __init__(self, spec: LoadedSpec, *, report_crashes: bool = True) -> None:
        self.spec = spec
        self.report_crashes = report_crashes
        is_31 = str(spec.data.get("openapi", "")).startswith("3.1")
        self.cls: Any = OAS31Validator if is_31 else OAS30Validator
        self.formats = oas31_format_checker if is_31 else oas30_format_checker
        resource = (DRAFT202012 if is_31 else DRAFT4).create_resource(spec.data)
        self.registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)

    def problems(self, schema_ptr: str, value: Any, value_ptr: str, what: str) -> Iterator[Problem]:
        validator: Validator = self.cls(
            {"$ref": f"{_SPEC_URI}#{schema_ptr}"}, registry=self.registry, format_checker=self.formats
        )
        try:
            errors: list[ValidationError] = list(validator.iter_errors(value))
        except Unresolvable:
            return  # the dangling $ref is reported by the reference pass
        except Exception as exc:  # a broken schema surfaces here; report it, do not crash
            if self.report_crashes:
                message = shorten(str(exc))
                yield self.spec.problem(schema_ptr, f"schema cannot be used to check {what}s: {message}")
            return
        for error in errors:
            yield located(self.spec, value_ptr, error, f"{what} does not match its schema: ")
