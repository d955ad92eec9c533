"""What `testrelay generate` says about the packages it rewrites: their surface changes, in one line each.

The package on disk is read before the rewrite and the fresh one after it, both from their code
(`surface_of_package`), so the line says what changed for code importing the package, whatever
changed it (the spec or the generator). `generate --check` generates stale packages into a
temporary folder to name the ERR findings a rewrite would bring.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from generator.diff.findings import Finding, Level
from generator.diff.python import package_findings
from generator.diff.surface import Surface, surface_of_package

# How a rule reads in a summary line: (singular, plural) nouns and what happened.
_PHRASES = {
    "python-argument-added-required": ("required argument", "required arguments", "added"),
    "python-field-added-required": ("required field", "required fields", "added"),
    "python-and-wait-added": ("_and_wait helper", "_and_wait helpers", "added"),
    "python-and-wait-removed": ("_and_wait helper", "_and_wait helpers", "removed"),
    "python-waiter-added": ("wait_for_ helper", "wait_for_ helpers", "added"),
    "python-waiter-removed": ("wait_for_ helper", "wait_for_ helpers", "removed"),
    "python-pager-added": ("iter_ helper", "iter_ helpers", "added"),
    "python-pager-removed": ("iter_ helper", "iter_ helpers", "removed"),
    "python-return-type-changed": ("return type", "return types", "changed"),
    "python-return-type-widened": ("return type", "return types", "widened"),
    "python-return-type-narrowed": ("return type", "return types", "narrowed"),
    "python-enum-member-added": ("enum member", "enum members", "added"),
    "python-enum-member-removed": ("enum member", "enum members", "removed"),
    "python-constructor-argument-added": ("constructor argument", "constructor arguments", "added"),
    "python-constructor-argument-removed": ("constructor argument", "constructor arguments", "removed"),
    "python-auth-scheme-added": ("auth scheme", "auth schemes", "added"),
    "python-auth-scheme-removed": ("auth scheme", "auth schemes", "removed"),
}


def _phrase(rule_id: str, count: int) -> str:
    if rule_id in _PHRASES:
        one, many, verb = _PHRASES[rule_id]
    else:
        noun, _, verb = rule_id.removeprefix("python-").partition("-")
        one, many, verb = noun, noun + "s", verb.replace("-", " ")
    return f"{count} {one if count == 1 else many} {verb}"


def summary_line(package: str, findings: list[Finding]) -> str:
    """`qualigate: 1 method added; 1 argument removed (ERR)`, most severe first."""
    counts = Counter(f.rule.id for f in findings)
    levels = {f.rule.id: f.level for f in findings}
    parts = []
    for rule_id in sorted(counts, key=lambda r: (-levels[r], r)):
        tag = f" ({levels[rule_id].name})" if levels[rule_id] >= Level.WARN else ""
        parts.append(_phrase(rule_id, counts[rule_id]) + tag)
    return f"{package}: " + ("; ".join(parts) if parts else "no surface change")


def snapshot(out: Path) -> dict[str, Surface]:
    """The surface of every package under `out`, before a rewrite."""
    found = {}
    for client in sorted(out.glob("*/client.py")) if out.is_dir() else ():
        surface = surface_of_package(client.parent)
        if surface is not None:
            found[client.parent.name] = surface
    return found


def rewritten(before: dict[str, Surface], out: Path, written: list[str]) -> list[str]:
    """One summary line per rewritten package that existed before, and a line per new package."""
    lines = []
    for path in written:
        name = Path(path).name
        after = surface_of_package(out / name)
        if after is None:
            continue
        if name not in before:
            lines.append(f"{name}: new package, {len(after.methods)} method(s)")
            continue
        findings = package_findings(before[name], after)
        if findings:
            lines.append(summary_line(name, findings))
    return lines


def stale(specs: list[tuple[Path, str]], out: Path, stale_lines: list[str]) -> list[str]:
    """For `generate --check`: per stale package, its summary line and every ERR a rewrite would bring."""
    from generator.codegen.render import generate  # imported here: codegen is slow to import

    names = {Path(line.split(": ", 1)[-1]).relative_to(out).parts[0] for line in stale_lines if _under(line, out)}
    before = {name: s for name, s in snapshot(out).items() if name in names}
    if not before:
        return []
    lines = []
    with tempfile.TemporaryDirectory(prefix="testrelay-check-") as tmp:
        fresh = Path(tmp) / out.name
        outcome = generate(specs, fresh, check_only=False)
        for name, surface in before.items():
            after = surface_of_package(fresh / name) if not outcome.problems else None
            if after is None:
                continue
            findings = package_findings(surface, after)
            if findings:
                lines.append(summary_line(name, findings))
            lines += [f"  {f.level.name} {f.rule.id}: {f.message}" for f in findings if f.level is Level.ERR]
    return lines


def _under(line: str, out: Path) -> bool:
    try:
        Path(line.split(": ", 1)[-1]).relative_to(out)
    except ValueError:
        return False
    return ": " in line
