"""Spec files in, package files out: models, clients, formatting, and an all-or-nothing write."""

from __future__ import annotations

import contextlib
import filecmp
import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from ruff.__main__ import find_ruff_bin

from generator.codegen.context import ClientContext, build_context
from generator.codegen.contract import ContractContext, build_contract
from generator.codegen.models import ModelError, generate_models, prepared_schemas
from generator.codegen.workers import ModelWorkers
from generator.codegen.writes import STAGING_PREFIX, describe, swap_in
from generator.spec.build import build_api
from generator.spec.load import load_file
from generator.spec.problems import INTERNAL, Problem, SpecError, unexpected
from generator.spec.structure import structural_problems

# Formatting options are given explicitly so the output does not depend on where it is written.
_RUFF_OPTIONS = [
    "--isolated",
    "--line-length",
    "120",
    "--target-version",
    "py311",
    "--config",
    "lint.isort.known-first-party = ['generator', 'generated']",
]


@dataclass
class Package:
    """One generated package: its name and files (relative path -> text)."""

    name: str
    files: dict[str, str]
    notes: list[str] = field(default_factory=list)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, keyed by each template's source; an unwritable cache is skipped."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _cache_dir() -> str | None:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "testrelay" / "templates"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(root)


@functools.cache
def _environment() -> jinja2.Environment:
    """One environment per process: its templates are compiled once, or read compiled from the cache."""
    cache_dir = _cache_dir()
    env = jinja2.Environment(
        bytecode_cache=_BytecodeCache(cache_dir) if cache_dir else None,
        loader=jinja2.PackageLoader("generator.codegen", "templates"),
        autoescape=False,  # Python source, not HTML; every value is printed through `pyrepr` or built safe
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pyrepr"] = _pyrepr
    env.filters["literal"] = repr  # JSON data (and bytes) as a Python literal; ruff formats it afterwards
    return env


def _pyrepr(value: Any) -> str:
    """A Python literal for strings, numbers and lists of them, with double quotes."""
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            text = '"' + text[1:-1].replace("\\'", "'") + '"'
        return text
    if isinstance(value, list | tuple):
        inner = ", ".join(_pyrepr(v) for v in value)
        return (
            f"({inner},)"
            if isinstance(value, tuple) and len(value) == 1
            else (f"({inner})" if isinstance(value, tuple) else f"[{inner}]")
        )
    return repr(value)


def build_package(spec_path: Path, display: str, out: Path, models: ModelWorkers | None = None) -> Package:
    """Everything one spec generates for a package under `out`; raises SpecError with located problems.

    With `models`, datamodel-code-generator runs in a worker process while the client and the
    contract suite are built here; the client is built on the names the IR gives the models and
    is built again, on the names actually generated, in the rare case they differ.
    """
    spec = load_file(spec_path, display)
    problems = structural_problems(spec)
    if problems:
        raise SpecError(problems)
    api = build_api(spec, spec_path.stem)
    pending = models.submit(api) if models is not None else None
    schemas = prepared_schemas(api)
    ctx = build_context(api, frozenset(api.schemas), schemas) if pending is not None else None
    try:
        models_source, model_names = pending.get() if pending is not None else generate_models(api)
    except ModelError as exc:
        raise SpecError([spec.problem("/components/schemas", f"models cannot be generated: {exc}")]) from None
    if ctx is None or any(n not in model_names for n in ctx.model_imports):
        ctx = build_context(api, model_names, schemas)
    ctx.all_models = sorted(model_names)
    clash = _clashing_names(ctx)
    if clash:
        raise SpecError([spec.problem("/paths", f"several methods of the client would be named {clash!r}")])
    missing = sorted(n for n in ctx.model_imports if n not in model_names)
    if missing:
        raise SpecError([spec.problem("/components/schemas", f"no model was generated for {', '.join(missing)}")])
    contract = build_contract(api, ctx, spec_path, out / api.name)
    return Package(api.name, _render(ctx, contract, models_source), list(api.notes))


def _clashing_names(ctx: ClientContext) -> str | None:
    """A helper's name (`waiterName`, `iteratorName`, `_and_wait`) that an operation or another helper has too.

    Operations' own names are the IR's to keep apart.
    """
    taken = {m.name for m in ctx.methods} | {"with_raw_response", "close", "base_url", "timeout", "max_retries"}
    for name in [w.name for w in ctx.waiters] + [t.name for t in ctx.trigger_waiters] + [p.name for p in ctx.pagers]:
        if name in taken:
            return name
        taken.add(name)
    return None


def _render(ctx: ClientContext, contract: ContractContext, models_source: str) -> dict[str, str]:
    env = _environment()
    return {
        "__init__.py": env.get_template("__init__.py.j2").render(ctx=ctx),
        "client.py": env.get_template("client.py.j2").render(ctx=ctx),
        "models.py": models_source,
        "py.typed": "",
        "test_contract.py": env.get_template("test_contract.py.j2").render(ctx=contract),
    }


def format_tree(root: Path) -> None:
    """ruff: sort imports (the templates compute which ones), then format.

    Raises RuntimeError with ruff's own words if it fails.
    """
    ruff = [find_ruff_bin()]  # the binary itself: no Python start-up per call
    for args in (
        ["check", "--fix", "--quiet", "--select", "I", "--exit-zero", *_RUFF_OPTIONS, str(root)],
        ["format", "--quiet", *_RUFF_OPTIONS, str(root)],
    ):
        done = subprocess.run([*ruff, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"ruff {args[0]} failed: {(done.stderr or done.stdout).strip()[:500]}")


ROOT_INIT = '"""Typed clients generated from OpenAPI specs by testrelay, one package per spec."""\n'


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def generate(specs: list[tuple[Path, str]], out: Path, *, check_only: bool, package_root: bool = False) -> Outcome:
    """Generate one package per spec under `out`; all of them or, on any problem, none.

    Raises WriteError, with one line saying where and why, when the output cannot be written.

    With `package_root`, `out` is itself a package (`generated`) and gets its `__init__.py` too.
    """
    outcome = Outcome()
    packages: list[Package] = []
    with ModelWorkers.start(len(specs)) as models:
        for path, display in specs:
            try:
                package = build_package(path, display, out, models)
            except SpecError as exc:
                outcome.problems += exc.problems
                continue
            except Exception as exc:  # a bug of ours: one line saying so, never a traceback for the user
                outcome.problems.append(unexpected(display, exc))
                continue
            outcome.notes += package.notes
            packages.append(package)
    names = [p.name for p in packages]
    for name in sorted({n for n in names if names.count(n) > 1}):
        outcome.problems.append(Problem(str(out), 1, "", f"several specs would generate the package {name!r}"))
    if outcome.problems:
        return outcome
    try:
        _write(packages, out, outcome, check_only=check_only, package_root=package_root)
    except OSError as exc:
        raise describe(exc, out) from None
    except RuntimeError as exc:  # ruff could not read what was generated: a bug of ours, one line saying so
        outcome.problems.append(Problem(str(out), 1, "", f"{INTERNAL} ({exc or 'generated code does not parse'})"))
    return outcome


def _write(packages: list[Package], out: Path, outcome: Outcome, *, check_only: bool, package_root: bool) -> None:
    names = [p.name for p in packages]
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out.parent))
    try:
        if package_root:
            (staging / "__init__.py").write_text(ROOT_INIT, encoding="utf-8")
        for package in packages:
            for rel, text in package.files.items():
                target = staging / package.name / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        format_tree(staging)
        if check_only:
            outcome.stale = _differences(staging, out, names, package_root=package_root)
        else:
            swap_in(staging, out, names, root_init=package_root)
            outcome.written = [f"{out / n}" for n in names]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _differences(staging: Path, out: Path, names: list[str], *, package_root: bool) -> list[str]:
    stale = []
    root_init = out / "__init__.py"
    if package_root and not root_init.is_file():
        stale.append(f"missing: {root_init}")
    elif package_root and root_init.read_text(encoding="utf-8") != ROOT_INIT:
        stale.append(f"stale: {root_init}")
    for name in names:
        fresh, current = staging / name, out / name
        fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
        current_files = (
            {p.relative_to(current) for p in current.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
            if current.is_dir()
            else set()
        )
        for rel in sorted(fresh_files | current_files):
            if rel not in current_files:
                stale.append(f"missing: {out / name / rel}")
            elif rel not in fresh_files:
                stale.append(f"not generated: {out / name / rel}")
            elif not filecmp.cmp(fresh / rel, current / rel, shallow=False):
                stale.append(f"stale: {out / name / rel}")
    return stale
