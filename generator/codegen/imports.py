"""The import block of a generated module, computed from what the module uses.

Templates never import a name "just in case": each name is added where the code that needs it is
decided, so generated files need no unused-import clean-up afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

_STDLIB = frozenset({"collections.abc", "datetime", "os", "pathlib", "typing", "uuid"})
_FIRST_PARTY = ("generator", "generated")


@dataclass(frozen=True)
class ImportLine:
    module: str
    names: tuple[str, ...]
    """Empty for `import module`."""


@dataclass
class Imports:
    """Names by module; rendered as isort would group them (stdlib, third party, first party, local)."""

    _names: dict[str, set[str]] = field(default_factory=dict)
    _modules: set[str] = field(default_factory=set)

    def add(self, module: str, *names: str) -> None:
        self._names.setdefault(module, set()).update(names)

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        for module, name in pairs:
            self.add(module, name)

    def module(self, module: str) -> None:
        """`import module`."""
        self._modules.add(module)

    def __contains__(self, pair: tuple[str, str]) -> bool:
        module, name = pair
        return name in self._names.get(module, ())

    def sections(self) -> list[list[ImportLine]]:
        """Non-empty sections in order, each a list of lines sorted as ruff's isort sorts them."""
        sections: list[list[ImportLine]] = [[], [], [], []]
        for module in sorted(self._modules):
            sections[_section(module)].append(ImportLine(module, ()))
        for module in sorted(self._names, key=lambda m: (m.startswith("."), m)):
            names = self._names[module]
            if names:
                sections[_section(module)].append(ImportLine(module, tuple(sorted(names, key=_name_order))))
        return [s for s in sections if s]


def _section(module: str) -> int:
    if module.startswith("."):
        return 3
    if module.split(".")[0] in _FIRST_PARTY:
        return 2
    return 0 if module in _STDLIB else 1


def _name_order(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions and variables, as isort's `order-by-type` does."""
    if name.isupper() and len(name) > 1:
        return 0, name
    return (1 if name[:1].isupper() else 2), name.lower()
