"""Pydantic models through datamodel-code-generator, in process.

The schemas handed over are the IR's (names already valid and unique, inline operation schemas
already hoisted), so every class name the client refers to is known before generation and is
checked afterwards. Enums are given open base classes from the runtime, so a value a vendor adds
later still parses.
"""

from __future__ import annotations

import ast
from typing import Any

from generator.codegen.context import api_title, docstring
from generator.codegen.openenum import normalise, wrap_descriptions
from generator.spec import names
from generator.spec.ir import SCHEMA_REF, Api

_OPEN_ENUMS = "generator.runtime.open_enums"
_DOC_WIDTH = 110
"""A one-line docstring of a class or field is 4 spaces in and between triple quotes: 120 columns in all."""


class ModelError(Exception):
    """datamodel-code-generator could not build models from these schemas."""


def prepared_schemas(api: Api) -> dict[str, Any]:
    return hoist_inline_enums({name: normalise(schema) for name, schema in api.schemas.items()})


def hoist_inline_enums(schemas: dict[str, Any]) -> dict[str, Any]:
    """Enums written inline in a model's properties become schemas of their own, named after both.

    The model generator names an inline enum after its property alone (`Type`, then `Type1` for the
    next `type`); handed `ItemType` as a schema, it writes that name.
    """
    result = dict(schemas)
    for name, schema in schemas.items():
        result[name] = _hoist_properties(schema, name, result)
    return result


def _hoist_properties(schema: Any, owner: str, table: dict[str, Any]) -> Any:
    if not isinstance(schema, dict):
        return schema
    result = dict(schema)
    if isinstance(schema.get("allOf"), list):
        result["allOf"] = [_hoist_properties(part, owner, table) for part in schema["allOf"]]
    properties = schema.get("properties")
    if isinstance(properties, dict):
        hoisted: dict[str, Any] = {}
        for prop, sub in properties.items():
            hoisted[prop] = _hoisted(sub, owner + names.pascal_case(str(prop)), table)
        result["properties"] = hoisted
    return result


def _hoisted(sub: Any, wanted: str, table: dict[str, Any]) -> Any:
    """`sub`, or a `$ref` to it under a new name when it is an inline enum (or an array of one)."""
    if not isinstance(sub, dict) or "$ref" in sub:
        return sub
    if sub.get("type") == "array" and isinstance(sub.get("items"), dict):
        items = _hoisted(sub["items"], wanted + "Item", table)
        return sub if items is sub["items"] else {**sub, "items": items}
    if "enum" not in sub or not wanted or not wanted[0].isalpha():
        return sub
    name = names.unique(wanted, table)
    table[name] = {k: v for k, v in sub.items() if k not in ("default", "example", "examples")}
    kept = {k: sub[k] for k in ("description", "default", "example", "examples") if k in sub}
    ref = {"$ref": SCHEMA_REF + name}
    return {"allOf": [ref], **kept} if kept else ref  # the allOf form: see openenum._ref_beside_keywords


def _header(api: Api) -> str:
    return docstring(f"Models of the {api_title(api)}, generated from its OpenAPI document.", indent=0)


def generate_models(api: Api) -> tuple[str, frozenset[str]]:
    """The source of `models.py` and the class names it defines."""
    # Imported here: half a second, which `generate` spends in a worker process while it reads the spec.
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType, NamingStrategy
    from datamodel_code_generator.format import PythonVersion

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
