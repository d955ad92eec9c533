"""Tolerant YAML/JSON loading that remembers where every value came from.

PyYAML's composer gives each node its position; the values are built here rather than by
PyYAML's constructors for three reasons no loader option covers at once: scalars follow the
YAML 1.2 core schema as OpenAPI intends (`yes` stays a string, `2020-08-27` stays a string),
unknown tags become plain values instead of errors, and every value's line is recorded
under its JSON pointer so a problem can be reported as `file:LINE: /pointer`.
"""

from __future__ import annotations

import math
import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.spec import pointer as jp
from generator.spec.problems import Problem, SpecError, unexpected

if TYPE_CHECKING:
    import yaml

    from generator.spec.ir import Api

SPECS_PACKAGE = "generator.specs"
"""The vendor specs shipped with testrelay: specs/ in the repository, package data once installed (setup.py)."""
SPEC_SUFFIXES = (".yaml", ".yml", ".json")

# PyYAML is imported where a file is read, not with this module: `build_api_in_child` leaves the whole
# reading to another process, and modules that only need `LoadedSpec` do not pay for it either.

# Characters YAML forbids or treats as line breaks (which would shift every later line):
# C0/C1 controls other than tab/LF/CR, DEL, U+2028, U+2029 and the BOM inside the text.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# The same characters written as escapes in a double-quoted scalar ("\0", "\x07", "\L"), and lone surrogates
# ("\ud800"), which no file can be written with: every value is read with these as spaces too, so text
# that reaches generated code (docstrings, literals, names) is always text Python source can hold.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

_YAML = "tag:yaml.org,2002:"
_MERGE = _YAML + "merge"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_SPECIAL_START = frozenset("~nNtTfF+-.0123456789")
"""Every null, boolean and number above starts with one of these: other plain scalars are strings."""


@dataclass
class LoadedSpec:
    """A document as plain JSON-like data plus the line of every JSON pointer in it."""

    path: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def line_of(self, pointer: str) -> int:
        """The line of `pointer`, or of its nearest ancestor that has one."""
        while True:
            line = self.lines.get(pointer)
            if line is not None:
                return line
            if not pointer:
                return 1
            pointer = jp.parent(pointer)

    def problem(self, pointer: str, message: str) -> Problem:
        return Problem(self.path, self.line_of(pointer), pointer, message)


def load_file(path: Path | str, display: str | None = None) -> LoadedSpec:
    """Load a spec file; raises SpecError (never anything else) when it cannot be read."""
    shown = display if display is not None else str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise SpecError([Problem(shown, 1, "", "is a directory, not a spec file")]) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SpecError([Problem(shown, 1, "", f"cannot read file: {reason}")]) from None
    return load_text(_decode(raw), shown)


def load_text(text: str, path: str) -> LoadedSpec:
    import yaml

    text = _UNREADABLE.sub(" ", text.removeprefix("\ufeff"))
    # libyaml's composer is many times faster on large specs; the pure-Python one gives the same nodes.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise SpecError([Problem(path, line, "", f"not valid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())
        raise SpecError([Problem(path, 1, "", f"not valid YAML: {what}")]) from None
    if root is None:
        raise SpecError([Problem(path, 1, "", "the file is empty")])
    spec = LoadedSpec(path=path, data=None)
    spec.data = _Builder(spec).build(root, "")
    return spec


def vendor_specs() -> dict[str, Path]:
    """The specs shipped with testrelay by vendor name, found through importlib.resources."""
    from importlib import resources

    found = {}
    for entry in resources.files(SPECS_PACKAGE).iterdir():
        suffix = Path(entry.name).suffix
        if suffix in SPEC_SUFFIXES and entry.is_file():
            # Installed wheels (and editable checkouts) keep package data as plain files, so the entry is a path.
            found[Path(entry.name).stem] = Path(str(entry))
    return dict(sorted(found.items()))


def vendor_spec(path: Path | str) -> str | None:
    """The vendor name when `path` is one of the shipped specs (the same file), else None."""
    given = Path(path)
    shipped = vendor_specs().get(given.stem)
    try:
        return given.stem if shipped is not None and given.samefile(shipped) else None
    except OSError:
        return None


def spec_path(vendor_or_spec: str) -> Path:
    """The shipped spec of a vendor name (`qualigate`), else the path given (anything ending .yaml, .yml or .json).

    A vendor name wins over a file of the same name in the current folder, so a generated suite's
    `run_mock("qualigate")` means one thing wherever it runs. Anything else is taken as a path, which
    callers check exists.
    """
    path = Path(vendor_or_spec)
    if path.suffix in SPEC_SUFFIXES:
        return path
    return vendor_specs().get(vendor_or_spec, path)


def no_spec_message(vendor_or_spec: str) -> str:
    """Why `spec_path(vendor_or_spec)` names no file, and what is allowed instead."""
    return f"no spec for {vendor_or_spec!r}: give a spec file or a vendor ({', '.join(vendor_specs())})"


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ():
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            break
    return raw.decode("utf-8", errors="replace")


class _Builder:
    def __init__(self, spec: LoadedSpec) -> None:
        import yaml

        self.spec = spec
        self.active: set[int] = set()
        self.scalar_node: type[yaml.ScalarNode] = yaml.ScalarNode
        self.sequence_node: type[yaml.SequenceNode] = yaml.SequenceNode
        self.mapping_node: type[yaml.MappingNode] = yaml.MappingNode

    def build(self, node: yaml.Node, pointer: str) -> Any:
        self.spec.lines.setdefault(pointer, node.start_mark.line + 1)
        if isinstance(node, self.scalar_node):
            return _scalar(node)
        if id(node) in self.active:
            raise SpecError([self.spec.problem(pointer, "recursive YAML alias")])
        self.active.add(id(node))
        try:
            if isinstance(node, self.sequence_node):
                return [self.build(item, jp.join(pointer, i)) for i, item in enumerate(node.value)]
            assert isinstance(node, self.mapping_node)
            return self._mapping(node, pointer)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, pointer: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                sources = value_node.value if isinstance(value_node, self.sequence_node) else [value_node]
                for source in sources:
                    value = self.build(source, pointer)
                    if isinstance(value, dict):
                        for k, v in value.items():
                            merged.setdefault(k, v)
                continue
            key = _key(key_node, self.scalar_node)
            child = jp.join(pointer, key)
            if key in seen:
                self.spec.warnings.append(Problem(self.spec.path, key_node.start_mark.line + 1, child, "duplicate key"))
            seen.add(key)
            self.spec.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child)
        for k, v in merged.items():
            result.setdefault(k, v)
        return result


def _key(node: yaml.Node, scalar_node: type[yaml.ScalarNode]) -> str:
    value = _scalar(node) if isinstance(node, scalar_node) else node.start_mark.line
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _scalar(node: yaml.ScalarNode) -> Any:
    text: str = node.value
    if node.style == '"':
        text = _UNWRITABLE.sub(" ", text)
    if node.style or (text and text[0] not in _SPECIAL_START):
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def build_api_in_child(path: Path | str, *, checked: bool = False) -> Callable[[], Api]:
    """Starts reading and building a spec file's API in a forked process; the result waits for and returns it.

    For a command that serves the API: reading the spec is independent of importing the server, so on a
    machine with two cores it costs no wall time once it runs beside those imports. The child sends back the
    API, or the problems that make it unusable (raised here as the `SpecError` they would have been). Where
    there is no `fork`, or the child fails in any other way, the API is built in this process when asked
    for. With `checked`, a spec with any problem `testrelay check` reports is refused with those problems.
    A failure of the builder itself is a `SpecError` too, of one line.
    """
    path = Path(path)

    def build_here() -> Api:
        from generator.spec.build import build_api

        spec = load_file(path)
        try:
            if checked:
                from generator.spec.check import check_spec  # here: the validators are slow to import

                problems = check_spec(spec)
            else:
                from generator.spec.structure import structural_problems

                problems = structural_problems(spec)
            if problems:
                raise SpecError(problems)
            return build_api(spec, path.stem)
        except SpecError:
            raise
        except Exception as exc:  # a bug of ours: one line saying so, never a traceback for the user
            raise SpecError([unexpected(spec.path, exc)]) from None

    if not hasattr(os, "fork"):
        return build_here
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe and leave without running the parent's exit handlers
        code = 1
        try:
            os.close(read_end)
            outcome: tuple[str, Any]
            try:
                outcome = ("api", build_here())
            except SpecError as exc:
                outcome = ("problems", exc.problems)
            with os.fdopen(write_end, "wb") as out:
                out.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)

    def wait() -> Api:
        with os.fdopen(read_end, "rb") as received:
            data = received.read()
        os.waitpid(pid, 0)
        try:
            kind, value = pickle.loads(data)
        except Exception:  # the child died before it answered: build here instead
            return build_here()
        if kind == "problems":
            raise SpecError(value)
        api: Api = value
        return api

    return wait
