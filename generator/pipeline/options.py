"""The trigger's command-line options, from the IR: its scalar body fields, parameters and server variables.

Anything structured (an array of objects, a nested object) comes from `--body FILE` instead; the options
override what the file gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from generator.spec.ir import Api, JsonSchema, Operation, deref

Kind = Literal["str", "int", "float", "bool"]
Where = Literal["body", "param", "server"]

RESERVED = frozenset(
    {
        "body",
        "build",
        "no-context",
        "wait",
        "no-wait",
        "timeout",
        "poll-interval",
        "run-id",
        "junit",
        "json",
        "header",
        "forward-to",
        "testmo-project-id",
        "testmo-name",
        "testmo-source",
        "testmo-tag",
        "help",
    }
)
"""Options every `testrelay run` command has; a spec field of the same name gets a `field-` prefix."""


@dataclass(frozen=True)
class TriggerOption:
    flag: str
    """The option's name without dashes (`test-suite-id`)."""
    dest: str
    """The click parameter name (`test_suite_id`)."""
    where: Where
    wire_name: str
    """The body field, parameter or server variable as the spec names it."""
    kind: Kind
    multiple: bool = False
    choices: tuple[str, ...] = ()
    required: bool = False
    default: str | None = None
    help: str = ""


def scalar(api: Api, schema: Any) -> tuple[Kind, bool, tuple[str, ...]] | None:
    """(kind, is an array of it, closed choices) for a scalar or array-of-scalars schema; None otherwise."""
    schema = deref(api.schemas, schema)
    if not isinstance(schema, dict):
        return None
    if schema.get("type") == "array" or (isinstance(schema.get("type"), list) and "array" in schema["type"]):
        inner = scalar(api, schema.get("items", {}))
        return (inner[0], True, inner[2]) if inner is not None and not inner[1] else None
    kind = _kind(api, schema)
    if kind is None:
        return None
    enum = schema.get("enum")
    choices = tuple(str(v) for v in enum) if isinstance(enum, list) and all(isinstance(v, str) for v in enum) else ()
    return kind, False, choices


def _kind(api: Api, schema: JsonSchema) -> Kind | None:
    types = schema.get("type")
    names = [types] if isinstance(types, str) else [t for t in types or () if t != "null"]
    if not names and "const" not in schema:
        # An open enum is `anyOf: [{enum}, {type: string}]`: scalar when every branch is the same kind.
        branches = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(branches, list) and branches:
            kinds = {_kind(api, b) for b in (deref(api.schemas, b) for b in branches) if isinstance(b, dict)}
            kinds.discard(None)
            return kinds.pop() if len(kinds) == 1 else None
        if "enum" in schema:
            return "str"
        return None
    table: dict[str, Kind] = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    kinds = {table[n] for n in names if n in table}
    if len(kinds) != 1 or len(names) != 1:
        return None
    return kinds.pop()


def singular(name: str) -> str:
    """`tags` -> `tag`, `categories` -> `category`: a repeatable option names one value per use."""
    if name.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss") and len(name) > 2:
        return name[:-1]
    return name


def flag_name(python_name: str, taken: set[str], *, multiple: bool = False) -> str:
    flag = python_name.strip("_").replace("_", "-")
    if multiple:
        flag = singular(flag)
    if flag in RESERVED or flag in taken:
        flag = f"field-{flag}"
    while flag in taken:
        flag += "-2"
    return flag


def trigger_options(api: Api, trigger: Operation) -> list[TriggerOption]:
    """Server variables, then the trigger's parameters, then its body fields, in the spec's order."""
    found: list[TriggerOption] = []
    taken: set[str] = set()

    def add(option: TriggerOption) -> None:
        taken.add(option.flag)
        found.append(option)

    for server in api.servers[:1]:
        for var in server.variables:
            flag = flag_name(var.python_name, taken)
            add(
                TriggerOption(
                    flag,
                    flag.replace("-", "_"),
                    "server",
                    var.python_name,
                    "str",
                    choices=var.enum,
                    default=None if var.placeholder else var.default,
                    help=f"Server variable {{{var.name}}}. {var.description}".strip(),
                )
            )
    for param in trigger.parameters:
        found_kind = None if param.json_content else scalar(api, param.schema)
        if found_kind is None:
            continue
        kind, multiple, choices = found_kind
        flag = flag_name(param.python_name, taken, multiple=multiple)
        add(
            TriggerOption(
                flag,
                flag.replace("-", "_"),
                "param",
                param.name,
                kind,
                multiple,
                choices,
                required=param.required,
                help=param.description,
            )
        )
    for field in trigger.body.fields if trigger.body is not None else ():
        found_kind = scalar(api, field.schema)
        if found_kind is None:
            continue
        kind, multiple, choices = found_kind
        flag = flag_name(field.python_name, taken, multiple=multiple)
        add(
            TriggerOption(
                flag,
                flag.replace("-", "_"),
                "body",
                field.name,
                kind,
                multiple,
                choices,
                required=field.required,
                help=field.description,
            )
        )
    return found
