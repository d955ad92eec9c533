"""Pydantic models through datamodel-code-generator, in process.

The schemas handed over are the IR's (names already valid and unique, inline operation schemas
already hoisted), so every class name the client refers to is known before generation and is
checked afterwards. Enums are given open base classes from the runtime, so a value a vendor adds
later still parses.
"""

from __future__ import annotations

import ast
import re
import textwrap
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType
from datamodel_code_generator.format import PythonVersion

from generator.codegen.context import api_title, docstring
from generator.codegen.openenum import normalise
from generator.spec.ir import Api

_HEADER = re.compile(r"\A(#[^\n]*\n)+\n*")
_ENUM_BASES = {"StrEnum": "OpenStrEnum", "IntEnum": "OpenIntEnum"}


class ModelError(Exception):
    """datamodel-code-generator could not build models from these schemas."""


def prepared_schemas(api: Api) -> dict[str, Any]:
    return {name: normalise(schema) for name, schema in api.schemas.items()}


def generate_models(api: Api) -> tuple[str, frozenset[str]]:
    """The source of `models.py` and the class names it defines."""
    schemas = prepared_schemas(api)
    if not schemas:
        return _module("", api), frozenset()
    openapi = api.openapi if api.openapi.startswith("3.") else "3.1.0"
    document = {
        "openapi": openapi,
        "info": {"title": api.title, "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    try:
        source = generate(
            document,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            disable_timestamp=True,
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
    return _module(source, api), _class_names(source)


def _module(source: str, api: Api) -> str:
    body = _HEADER.sub("", source)
    for base, open_base in _ENUM_BASES.items():
        body = re.sub(rf"^(class \w+)\({base}\):", rf"\1({open_base}):", body, flags=re.M)
    used = [name for name in ("OpenIntEnum", "OpenStrEnum") if f"({name}):" in body]
    runtime_import = f"from generator.runtime import {', '.join(used)}\n" if used else ""
    body = body.replace(
        "from __future__ import annotations\n", "from __future__ import annotations\n" + runtime_import, 1
    )
    body = _wrap_docstrings(body)
    doc = docstring(f"Models of the {api_title(api)}, generated from its OpenAPI document.", indent=0) + "\n\n"
    return doc + body


_ONE_LINE_DOC = re.compile(r'^( *)"""(.*)"""$')
_WIDTH = 120


def _wrap_docstrings(source: str) -> str:
    """The model generator writes each description on one line; long ones are wrapped here."""
    lines: list[str] = []
    inside = False
    for line in source.split("\n"):
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        single = _ONE_LINE_DOC.match(line)
        if not inside and single is not None:
            if len(line) <= _WIDTH or single.group(2).endswith("\\"):
                lines.append(line)
            else:
                lines += [f'{indent}"""', *_wrapped(single.group(2), indent), f'{indent}"""']
            continue
        if stripped == '"""':
            inside = not inside
            lines.append(line)
            continue
        if inside and len(line) > _WIDTH and not stripped.endswith("\\"):
            lines += _wrapped(stripped, indent)
        else:
            lines.append(line)
    return "\n".join(lines)


def _wrapped(text: str, indent: str) -> list[str]:
    width = _WIDTH - len(indent)
    return [indent + part for part in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)]


def _class_names(source: str) -> frozenset[str]:
    tree = ast.parse(source)
    return frozenset(node.name for node in tree.body if isinstance(node, ast.ClassDef))
