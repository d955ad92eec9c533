"""The `x-` extensions of a document against their JSON Schemas, located.

Apart from `check` because `generate` and the mock need this too, without the OpenAPI validators.
"""

from __future__ import annotations

import copy
from typing import Any

from generator import extensions
from generator.spec import document
from generator.spec import pointer as jp
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem, located


def problems(spec: LoadedSpec) -> list[Problem]:
    """Every `x-` extension testrelay reads, against its JSON Schema and the objects it may sit on."""
    return [problem for _, found in _checked(spec) for problem in found]


def without_invalid(spec: LoadedSpec) -> LoadedSpec:
    """The spec less every extension that breaks its schema, for rules that read extensions as their schemas say."""
    invalid = [pointer for pointer, found in _checked(spec) if found]
    if not invalid:
        return spec
    data = copy.deepcopy(spec.data)
    for pointer in invalid:
        holder = jp.get(data, jp.parent(pointer))
        if isinstance(holder, dict):
            holder.pop(jp.split(pointer)[-1], None)
    return LoadedSpec(spec.path, data, spec.lines, spec.warnings)


def _checked(spec: LoadedSpec) -> list[tuple[str, list[Problem]]]:
    """(pointer, problems) of every extension testrelay reads, wherever it is."""
    checked = []
    for kind, pointer, node in _extension_holders(spec):
        for key, value in node.items():
            ext = extensions.EXTENSIONS.get(key)
            if ext is None:
                continue
            at = jp.join(pointer, key)
            if kind not in ext.where:
                allowed = " or ".join(sorted(ext.where))
                checked.append((at, [spec.problem(at, f"{key} belongs on a {allowed} object, not here")]))
                continue
            checked.append((at, [located(spec, at, error) for error in extensions.validator(key).iter_errors(value)]))
    return checked


def _extension_holders(spec: LoadedSpec) -> list[tuple[str, str, dict[str, Any]]]:
    """Every object that may carry an extension, with its kind; other places count as 'other'."""
    holders: list[tuple[str, str, dict[str, Any]]] = [("root", "", spec.data)]
    schemes = (spec.data.get("components") or {}).get("securitySchemes")
    if isinstance(schemes, dict):
        for name, scheme in schemes.items():
            if isinstance(scheme, dict):
                holders.append(("securityScheme", jp.join("", "components", "securitySchemes", name), scheme))
    for op in document.operations(spec):
        holders.append(("operation", op.pointer, op.node))
    holders += [("serverVariable", pointer, node) for pointer, _, _, node in server_variables(spec.data)]
    known = {pointer for _, pointer, _ in holders}
    holders += [("other", p, n) for p, n in _objects_with_extensions(spec.data, "") if p not in known]
    return holders


def _objects_with_extensions(node: Any, pointer: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if any(key in extensions.EXTENSIONS for key in node):
            found.append((pointer, node))
        for key, value in node.items():
            if key not in ("example", "examples", "default", "enum", "const"):
                found += _objects_with_extensions(value, jp.join(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _objects_with_extensions(value, jp.join(pointer, i))
    return found


def server_variables(root: Any) -> list[tuple[str, Any, str, dict[str, Any]]]:
    """(pointer, server URL, name, variable) of every `servers` list: the document's, a path item's, an operation's."""
    lists: list[tuple[str, Any]] = [("/servers", root.get("servers"))]
    paths = root.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        lists.append((jp.join("", "paths", path, "servers"), item.get("servers")))
        for method, op in item.items():
            if isinstance(op, dict):
                lists.append((jp.join("", "paths", path, method, "servers"), op.get("servers")))
    found = []
    for pointer, servers in lists:
        for i, server in enumerate(servers) if isinstance(servers, list) else ():
            if not isinstance(server, dict) or not isinstance(server.get("variables"), dict):
                continue
            for name, variable in server["variables"].items():
                if isinstance(variable, dict):
                    found.append((jp.join(pointer, i, "variables", name), server.get("url"), name, variable))
    return found
