"""The surface adapter: the codegen model and the generated code describe the same surface."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff.resolve import resolve
from generator.diff.side import load_side
from generator.diff.surface import canonical, surface_of, surface_of_package

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("vendor", ["qualigate", "octomind", "kapptivate", "doksi", "testmo"])
def test_model_and_code_agree(vendor: str) -> None:
    """`diff` reads the codegen model, `generate` the package on disk: both must see what users import."""
    from_model = surface_of(load_side(resolve(vendor, cwd=ROOT)).api)
    from_code = surface_of_package(ROOT / "generated" / vendor)
    assert from_code is not None
    assert from_model.clients == from_code.clients
    assert {n: (m.kind, m.arguments, m.returns) for n, m in from_model.methods.items()} == {
        n: (m.kind, m.arguments, m.returns) for n, m in from_code.methods.items()
    }
    assert from_model.models == from_code.models
    assert (from_model.constructor, from_model.auth_schemes) == (from_code.constructor, from_code.auth_schemes)
    assert from_model.input_models == from_code.input_models
    assert from_model.methods and from_model.models


def test_canonical_unions() -> None:
    assert canonical("int | None | NotGiven") == "int | NotGiven | None"
    assert canonical("dict[str, int | None] | None") == "dict[str, int | None] | None"
    assert canonical("str") == "str"
