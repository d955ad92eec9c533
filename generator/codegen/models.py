"""Pydantic models through datamodel-code-generator, in process.

The schemas handed over are the IR's (names already valid and unique, inline operation schemas
already hoisted), so every class name the client refers to is known before generation and is
checked afterwards. Enums are given open base classes from the runtime, so a value a vendor adds
later still parses.
"""

from __future__ import annotations

import ast
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType, NamingStrategy
from datamodel_code_generator.format import PythonVersion

from generator.codegen.context import api_title, docstring
from generator.codegen.openenum import normalise, wrap_descriptions
from generator.spec.ir import Api

_OPEN_ENUMS = "generator.runtime.open_enums"
_DOC_WIDTH = 110
"""A one-line docstring of a class or field is 4 spaces in and between triple quotes: 120 columns in all."""


class ModelError(Exception):
    """datamodel-code-generator could not build models from these schemas."""


def prepared_schemas(api: Api) -> dict[str, Any]:
    return {name: normalise(schema) for name, schema in api.schemas.items()}


def _header(api: Api) -> str:
    return docstring(f"Models of the {api_title(api)}, generated from its OpenAPI document.", indent=0)


def generate_models(api: Api) -> tuple[str, frozenset[str]]:
    """The source of `models.py` and the class names it defines."""
    schemas = prepared_schemas(api)
    if not schemas:
        return _header(api) + "\n", frozenset()
    openapi = api.openapi if api.openapi.startswith("3.") else "3.1.0"
    document = {
        "openapi": openapi,
        "info": {"title": api.title, "version": "1"},
        "paths": {},
        "components": {"schemas": wrap_descriptions(schemas, _DOC_WIDTH)},
    }
    try:
        source = generate(
            document,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            disable_timestamp=True,
            custom_file_header=_header(api),
            # Enums are built on the runtime's open bases, which accept values the spec does not list.
            import_overrides={"StrEnum": _OPEN_ENUMS, "IntEnum": _OPEN_ENUMS},
            # An inline schema whose name another one already has is named after its parent
            # (`AutomationRunType`), never numbered (`Type1`).
            naming_strategy=NamingStrategy.FullPath,
            use_standard_collections=True,
            use_union_operator=True,
            use_schema_description=True,
            use_field_description=True,
            field_constraints=True,
            extra_fields="allow",
            use_subclass_enum=True,
            capitalise_enum_members=True,
            snake_case_field=True,
            allow_population_by_field_name=True,
            use_annotated=True,
            use_double_quotes=True,
            use_single_line_docstring=True,
            set_default_enum_member=True,
            # OpenAPI 3.0's `nullable: true` makes a field accept null, and only that: a field with a default
            # is not nullable for it (sending `"tags": null` where the spec says array is a bad request).
            strict_nullable=True,
            # Addresses, hostnames and URLs stay strings: a vendor's odd value must not fail a whole response,
            # URL types would rewrite values (`https://a.example` comes back with a `/`), and the e-mail
            # validator is a dependency generated clients do not otherwise need.
            type_mappings=[
                "email=string",
                "idn-email=string",
                "hostname=string",
                "idn-hostname=string",
                "uri=string",
                "uri-reference=string",
                "iri=string",
                "iri-reference=string",
            ],
            formatters=[],
        )
    except Exception as exc:  # the library raises many unrelated types; any of them means no models
        raise ModelError(" ".join(f"{type(exc).__name__}: {exc}".split())[:300]) from exc
    if not isinstance(source, str):
        raise ModelError("datamodel-code-generator produced several modules where one was expected")
    return source, _class_names(source)


def _class_names(source: str) -> frozenset[str]:
    tree = ast.parse(source)
    return frozenset(node.name for node in tree.body if isinstance(node, ast.ClassDef))
