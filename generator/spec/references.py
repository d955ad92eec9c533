"""References inside a document that must lead somewhere: `$ref` chains and operationIds.

A `$ref` that only ever leads to another `$ref` (itself, or a ring of them) names no object at all;
validators recurse on it until Python's stack runs out. An operationId named by a Link or by an `x-`
extension (a token exchange, say) must be one the document defines, or everything built from it
(the client's exchange, the mock's token endpoint) has nothing to call.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec import document
from generator.spec import pointer as jp
from generator.spec.load import LoadedSpec
from generator.spec.problems import Problem


def problems(spec: LoadedSpec) -> list[Problem]:
    return [*ref_cycles(spec), *dangling_operation_ids(spec)]


def ref_cycles(spec: LoadedSpec) -> list[Problem]:
    """A problem at the first `$ref` of every ring of `$ref`s that leads back to itself before reaching an object."""
    found = []
    reported: set[frozenset[str]] = set()
    for where, ref in document.refs(spec.data):
        start = "#" + where
        chain = [start, ref]
        while True:
            try:
                _, target = document.resolve_local(spec, chain[-1])
            except KeyError:
                break  # external or dangling: the reference pass reports those
            following = target.get("$ref") if isinstance(target, dict) else None
            if not isinstance(following, str) or (following != start and following in chain[1:]):
                break  # an object at last, or a ring this `$ref` only leads into (reported where it is)
            chain.append(following)
            if following == start:
                ring = frozenset(chain)
                if ring not in reported:
                    reported.add(ring)
                    message = f"$ref cycle {' -> '.join(chain)} never reaches an object"
                    found.append(spec.problem(jp.join(where, "$ref"), message))
                break
    return found


def dangling_operation_ids(spec: LoadedSpec) -> list[Problem]:
    """A problem at every operationId a Link or an extension names that no operation has."""
    defined = {op.operation_id for op in document.operations(spec) if op.operation_id is not None}
    found = []
    for pointer, value in _named_operation_ids(spec.data, "", inside_extension=False):
        if value not in defined:
            found.append(spec.problem(pointer, f"no operation has operationId {value!r}"))
    return found


def _named_operation_ids(node: Any, pointer: str, *, inside_extension: bool) -> Iterator[tuple[str, str]]:
    """(pointer, operationId) of every reference by operationId: in a Link Object or in an `x-` extension."""
    if isinstance(node, dict):
        for key, value in node.items():
            at = jp.join(pointer, key)
            if key == "operationId" and isinstance(value, str) and (inside_extension or _in_links(pointer)):
                yield at, value
            elif key in ("example", "examples", "default", "enum", "const") and not inside_extension:
                continue
            else:
                yield from _named_operation_ids(value, at, inside_extension=inside_extension or key.startswith("x-"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _named_operation_ids(value, jp.join(pointer, i), inside_extension=inside_extension)


def _in_links(pointer: str) -> bool:
    """Whether the object at `pointer` is a Link Object: a value of a `links` map."""
    tokens = jp.split(pointer)
    return len(tokens) >= 2 and tokens[-2] == "links"
