"""The generic mock knows no vendor: no stage or behaviour names a vendor or one of the specs' operationIds.

Every vendor-dependent behaviour comes from the spec (`x-mock` and the other extensions), which is
also proven by running the lifecycles on copies of the specs with every operationId renamed
(tests/test_mock_lifecycle.py).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from generator.spec.load import load_file, vendor_specs

MOCK = Path(__file__).resolve().parent.parent / "generator" / "mock"
NOT_STAGES = {"plugin.py", "server.py"}
"""The pytest plugin and the thread runner, whose docstrings show usage with a vendor's name."""
VENDORS = sorted(vendor_specs())


@functools.cache
def _operation_ids() -> frozenset[str]:
    found: set[str] = set()
    for path in vendor_specs().values():
        for item in load_file(path).data["paths"].values():
            found |= {op["operationId"] for op in item.values() if isinstance(op, dict) and "operationId" in op}
    return frozenset(found)


MODULES = sorted(p for p in MOCK.rglob("*.py") if p.name not in NOT_STAGES)


def test_the_stages_are_separate_modules() -> None:
    names = {p.stem for p in MODULES}
    assert {"route", "faults", "security", "validation", "negotiation", "behaviour", "respond"} <= names


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(MOCK)))
def test_no_generic_module_names_a_vendor_or_an_operation_id(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    assert VENDORS and not [v for v in VENDORS if v in text.lower()]
    ids = _operation_ids()
    named = {n.value for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert not named & ids
    assert not [op_id for op_id in ids if op_id in text]
