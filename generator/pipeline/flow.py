"""What `testrelay run` drives for a spec: its trigger, status operation and generated client, from the IR."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.spec.ir import Api, Link, Operation


class FlowError(Exception):
    """The spec cannot be run: one line saying why (exit 2)."""


@dataclass(frozen=True)
class Flow:
    api: Api
    trigger: Operation
    status: Operation
    links: tuple[Link, ...]
    """The trigger's links to `status`, tried in order: the first whose values the response has applies."""
    spec_file: str

    @property
    def name(self) -> str:
        return self.api.name


def load_api(vendor_or_spec: str) -> tuple[Api, str]:
    """The IR of a vendor's spec or of a spec file, with the file's path; FlowError when it cannot be read."""
    from generator.spec.build import build_api
    from generator.spec.load import load_file, no_spec_message, spec_path
    from generator.spec.problems import SpecError
    from generator.spec.structure import structural_problems

    path = spec_path(vendor_or_spec)
    if not Path(path).is_file():
        raise FlowError(no_spec_message(vendor_or_spec))
    try:
        spec = load_file(path)
        problems = structural_problems(spec)  # what build_api cannot work from: not OpenAPI 3, wrong types
        if problems:
            raise SpecError(problems)
        return build_api(spec, Path(path).stem), str(path)
    except ModuleNotFoundError as exc:  # the spec is YAML: PyYAML comes with the command line's extra
        raise FlowError(f"reading {path} needs {exc.name}, not installed: pip install 'testrelay[cli]'") from None
    except SpecError as exc:
        raise FlowError("; ".join(str(p) for p in exc.problems) or f"{path}: cannot be read") from None


def vendors() -> list[str]:
    """The vendors whose specs ship with testrelay."""
    from generator.spec.load import vendor_specs

    return sorted(vendor_specs())


def find_flow(api: Api, spec_file: str) -> Flow:
    """The spec's first trigger: an operation whose links lead to an `x-polling` operation."""
    by_id = {op.operation_id: op for op in api.operations}
    for op in api.operations:
        targets = [link for link in op.links if link.operation_id in by_id and by_id[link.operation_id].polling]
        if targets and op.polling is None:
            status = by_id[targets[0].operation_id]
            links = tuple(link for link in targets if link.operation_id == status.operation_id)
            return Flow(api, op, status, links, spec_file)
    raise FlowError(
        f"{spec_file}: no operation links to an x-polling status operation, so there is no run to trigger and wait for"
    )


def client_module(api: Api) -> ModuleType | None:
    """The generated package of the spec (`generated.<name>`), or None when there is none."""
    try:
        return importlib.import_module(f"generated.{api.name}")
    except ImportError:
        return None


def new_client(flow: Flow, server_variables: dict[str, str], *, by_name: bool) -> Any:
    """A sync client, its credential and base URL from `<VENDOR>_API_KEY` and `<VENDOR>_BASE_URL`.

    A vendor named on the command line gets its generated client; a spec file, or a vendor without
    a generated package, gets a client made from the IR (`SpecClient`), since a package generated
    from another version of the file could disagree with it.
    """
    module = client_module(flow.api) if by_name else None
    cls = getattr(module, f"{flow.api.class_prefix}Client", None) if module is not None else None
    try:
        if cls is not None:
            return cls(**server_variables)
        from generator.pipeline.dynamic import SpecClient

        return SpecClient(flow.api, **server_variables)
    except ValueError as exc:  # no credential: the message names the variable to set
        raise FlowError(str(exc)) from None
