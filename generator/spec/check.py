"""`testrelay check`: is a spec a valid OpenAPI document that testrelay can build from?

Four passes, each reporting located problems rather than stopping at the first:
structure (an OpenAPI 3.x mapping), `$ref`s, the OpenAPI schema and semantics
(openapi-spec-validator), and the `x-` extensions; then, for `lint=True`, our own rules.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

# Our messages and their locations come from jsonschema's errors. openapi-spec-validator switches to
# its Rust backend when jsonschema-rs is installed (other tools pull it in), which words and locates
# errors differently; keep the Python one unless the user chose otherwise.
os.environ.setdefault("OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND", "jsonschema")

from jsonschema import Draft4Validator, Draft202012Validator, ValidationError
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.spec import document, extension_check, lints, patterns, references, shape
from generator.spec import pointer as jp
from generator.spec.instances import InstanceChecker, located, shorten
from generator.spec.load import LoadedSpec, load_file
from generator.spec.problems import Problem, SpecError, internal_error
from generator.spec.structure import openapi_version


@dataclass
class CheckResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    operations: int = 0
    spec: LoadedSpec | None = None


def check_file(path: Path | str, display: str | None = None, *, lint: bool = True) -> CheckResult:
    shown = display if display is not None else str(path)
    try:
        spec = load_file(path, shown)
    except SpecError as exc:
        return CheckResult(shown, exc.problems)
    try:
        problems = check_spec(spec, lint=lint)
    except Exception as exc:  # a bug of ours: one line saying so, never a traceback for the user
        return CheckResult(shown, [internal_error(spec, exc)], 0, spec)
    return CheckResult(shown, problems, len(list(document.operations(spec))), spec)


def check_spec(spec: LoadedSpec, *, lint: bool = True) -> list[Problem]:
    problems = list(spec.warnings)
    version = openapi_version(spec, problems)
    if version is None:
        return _ordered(problems)
    shape_problems = shape.problems(spec, inside_schemas=False)  # the metaschema pass checks their keywords
    if shape_problems:  # every later pass walks the document expecting its shape
        return _ordered(problems + shape_problems)
    ref_problems = _refs(spec) + references.ref_cycles(spec)
    problems += ref_problems
    schema_problems = _schemas(spec, version) + patterns.problems(spec)
    located_semantics = schema_problems + _path_parameters(spec)
    if not ref_problems and not schema_problems:
        located_semantics += _defaults(spec)
    problems += located_semantics
    if not ref_problems and not schema_problems:  # the validator can fail, unlocated, on broken schemas
        problems += _openapi(spec, version, located_semantics)
    extension_problems = extension_check.problems(spec)
    problems += extension_problems + references.dangling_operation_ids(spec)
    problems += _server_defaults(spec)
    if lint:
        try:
            problems += lints.run(spec, schemas_valid=not schema_problems)
        except Exception:
            if not extension_problems:
                raise
            # A rule read an extension that breaks its schema (reported above): the rules again, without those.
            problems += lints.run(extension_check.without_invalid(spec), schemas_valid=not schema_problems)
    return _ordered(problems)


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.pointer, p.message))


def _refs(spec: LoadedSpec) -> list[Problem]:
    problems = []
    base = Path(spec.path).parent
    for where, ref in document.refs(spec.data):
        at = jp.join(where, "$ref")
        if ref.startswith("#"):
            try:
                document.resolve_local(spec, ref)
            except KeyError:
                problems.append(spec.problem(at, f"$ref {ref!r} does not resolve"))
        else:
            target, _, fragment = ref.partition("#")
            if "://" in target:
                problems.append(spec.problem(at, f"$ref {ref!r} points outside the file system"))
            elif not _external_resolves(base / target, fragment):
                problems.append(spec.problem(at, f"$ref {ref!r} does not resolve"))
    return problems


def _external_resolves(path: Path, fragment: str) -> bool:
    try:
        other = load_file(path)
        jp.resolve(other.data, fragment)
    except (SpecError, KeyError, ValueError):
        return False
    return True


# Errors of openapi-spec-validator's semantic pass carry no location. Those our own located
# passes also find are dropped here; any other is still reported, at the document root.
_COVERED = re.compile(
    r"^(Operation ID '.*' for '.*' in '.*' is not unique"
    r"|Path parameter '.*' for '.*' operation in '.*' was not resolved"
    r"|.* is not a 'regex')$"  # the pattern pass reports these, at the pattern
)
_ROOT_KEYS = frozenset(
    {
        "openapi",
        "info",
        "jsonSchemaDialect",
        "servers",
        "paths",
        "webhooks",
        "components",
        "security",
        "tags",
        "externalDocs",
    }
)


def _openapi(spec: LoadedSpec, version: str, ours: list[Problem]) -> list[Problem]:
    cls = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    our_messages = {p.message.removeprefix(_DEFAULT_PREFIX) for p in ours}
    problems = []
    try:
        for error in cls(spec.data).iter_errors():
            path = list(error.absolute_path) if isinstance(error, ValidationError) else []
            if isinstance(error, ValidationError) and path and path[0] in _ROOT_KEYS:
                problems.append(located(spec, "", error))
                continue
            message = shorten(error.message if isinstance(error, ValidationError) else str(error))
            if message not in our_messages and not _COVERED.match(message):
                problems.append(spec.problem("", message))
    except Exception as exc:  # the validator has no error type of its own for its failures
        what = shorten(str(exc) or type(exc).__name__)
        problems.append(spec.problem(_where_validation_stopped(exc), f"OpenAPI validation stopped here: {what}"))
    return problems


def _where_validation_stopped(exc: BaseException) -> str:
    """The pointer of the innermost part of the document the validator was reading when it failed.

    The validator walks the document as `jsonschema_path.SchemaPath` objects, one per node; the deepest one
    among the failing frames' local variables is where it was. "" (the root) when there is none.
    """
    deepest: tuple[str | int, ...] = ()
    tb = exc.__traceback__
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            parts = getattr(value, "parts", None) if type(value).__name__ == "SchemaPath" else None
            if isinstance(parts, tuple) and len(parts) >= len(deepest):
                deepest = parts
        tb = tb.tb_next
    return jp.join("", *deepest)


def _schemas(spec: LoadedSpec, version: str) -> list[Problem]:
    """Every Schema Object against its dialect's metaschema (bundled, never fetched)."""
    cls = Draft202012Validator if version.startswith("3.1") else Draft4Validator
    meta = cls(cls.META_SCHEMA)
    problems = []
    for pointer, schema in document.schema_objects(spec):
        for error in meta.iter_errors(schema):
            problems.append(located(spec, pointer, error))
    return problems


_DEFAULT_PREFIX = "default does not match its schema: "


def _defaults(spec: LoadedSpec) -> list[Problem]:
    """Every schema's `default` against that schema (openapi-spec-validator does it unlocated)."""
    checker = InstanceChecker(spec)
    problems: list[Problem] = []
    for top, schema in document.schema_objects(spec):
        for pointer, sub in document.subschemas(top, schema):
            if "default" in sub:
                problems += checker.problems(pointer, sub["default"], jp.join(pointer, "default"), "default")
    return problems


def _path_parameters(spec: LoadedSpec) -> list[Problem]:
    """Path templates and `in: path` parameters must name each other."""
    problems = []
    for op in document.operations(spec):
        templated = set(re.findall(r"{([^{}]+)}", op.path))
        declared = {name for name, param in lints.parameters_of(spec, op).items() if param.get("in") == "path"}
        for name in sorted(templated - declared):
            problems.append(spec.problem(op.pointer, f"path parameter {name!r} is not declared"))
        for name in sorted(declared - templated):
            problems.append(spec.problem(op.pointer, f"path parameter {name!r} is not in the path {op.path!r}"))
    return problems


def _server_defaults(spec: LoadedSpec) -> list[Problem]:
    """A default that a client would fill in must fit its place in the URL, unless the spec marks it a placeholder.

    The generated client checks every value with the same rule, so such a default would fail there instead.
    """
    from generator.runtime._servers import ServerVariable, check_value

    problems = []
    for pointer, url, name, variable in extension_check.server_variables(spec.data):
        default = variable.get("default")
        if variable.get("x-placeholder") is True or not isinstance(default, str) or not isinstance(url, str):
            continue
        try:
            check_value(url, ServerVariable(name, name, default), default)
        except ValueError:
            message = f"default {default!r} cannot fill its place in {url!r}: give a real one or mark it x-placeholder"
            problems.append(spec.problem(jp.join(pointer, "default"), message))
    return problems
