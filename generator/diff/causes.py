"""Which HTTP-contract findings explain a Python-surface finding.

A surface element comes from one place in the spec: an operation, a parameter or body field,
a schema. Its causes are the HTTP findings about that place: the same operation and wire name,
or a location inside the same schema on either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.diff.findings import Finding, Location


def _within(pointer: str, container: str) -> bool:
    return pointer == container or pointer.startswith(container + "/")


class Causes:
    def __init__(self, http: list[Finding]) -> None:
        self.http = http

    def for_rules(self, operation: str, prefixes: Iterable[str]) -> list[Finding]:
        wanted = tuple(prefixes)
        return [f for f in self.http if f.operation == operation and f.rule.id.startswith(wanted)]

    def for_operation(self, operation: str, prefixes: Iterable[str]) -> list[Finding]:
        """Findings of the operation from the given rules, else any finding of the operation."""
        found = self.for_rules(operation, prefixes)
        return found or [f for f in self.http if f.operation == operation]

    def for_argument(self, operation: str, *wire_names: str) -> list[Finding]:
        """Findings about the parameter or body property an argument is sent as."""
        patterns = [re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])") for n in wire_names if n]
        named = [f for f in self.http if f.operation == operation and any(p.search(f.subject) for p in patterns)]
        if named:
            return named
        return [f for f in self.http if f.operation == operation and f.rule.id.startswith("request-")]

    def under(self, old_pointer: str, new_pointer: str) -> list[Finding]:
        return [
            f
            for f in self.http
            if (old_pointer and _within(f.old.pointer, old_pointer))
            or (new_pointer and _within(f.new.pointer, new_pointer))
        ]

    def at(self, where: tuple[Location, Location]) -> list[Finding]:
        """Findings located at or inside a schema (on either side); nothing for a location too coarse to tell."""
        old, new = where
        deep = [p if p.count("/") >= 3 else "" for p in (old.pointer, new.pointer)]
        return self.under(deep[0], deep[1])
