"""A whole diff: the findings of every compared spec, summed up with a suggested version bump."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diff.findings import Finding, Level, Location, sort_key
from generator.diff.http import SPEC_ADDED, SPEC_REMOVED, http_findings
from generator.diff.python import surface_findings
from generator.diff.resolve import SpecPair, SpecText
from generator.diff.side import Side, load_side
from generator.diff.surface import Surface, surface_of


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    compared: list[str] = field(default_factory=list)
    """`old -> new` for every pair compared."""

    def at_or_above(self, level: Level) -> list[Finding]:
        return [f for f in self.findings if f.level >= level]

    @property
    def bump(self) -> str:
        """Semantic versioning of the generated packages: breaking -> major, anything else found -> minor."""
        if any(f.level is Level.ERR for f in self.findings):
            return "major"
        if self.findings:
            return "minor"
        return "patch"

    def summary(self) -> dict[str, Any]:
        counts = {level.name: sum(f.level is level for f in self.findings) for level in reversed(Level)}
        return {
            "total": len(self.findings),
            **counts,
            "http": sum(f.layer == "http" for f in self.findings),
            "python": sum(f.layer == "python" for f in self.findings),
            "bump": self.bump,
            "compared": list(self.compared),
        }


def compare_sides(old: Side, new: Side, *, python: bool = True) -> list[Finding]:
    """Every finding between two loaded versions, HTTP first, then the Python surface."""
    http = http_findings(old, new)
    found = list(http)
    if python:
        found += surface_findings(old, new, surface(old), surface(new), http)
    return sorted(found, key=sort_key)


def surface(side: Side) -> Surface:
    """The side's generated surface, computed once (model generation is the slow part of a diff)."""
    if side.surface is None:
        side.surface = surface_of(side.api)
    found: Surface = side.surface
    return found


def compare(old: SpecText, new: SpecText, *, python: bool = True) -> list[Finding]:
    """Raises SpecError (with located problems) when either side is not a usable spec."""
    # One package name for both sides: `v1.yaml` and `v2.yaml` are versions of one package.
    same_name = SpecText(old.display, new.name, old.text)
    return compare_sides(load_side(same_name), load_side(new), python=python)


def compare_pairs(pairs: list[SpecPair], *, python: bool = True) -> Report:
    report = Report()
    for pair in pairs:
        if pair.old is None and pair.new is None:
            continue
        if pair.old is None:
            assert pair.new is not None
            here = Location(pair.new.display, 1, "")
            report.findings.append(Finding(SPEC_ADDED, "", pair.name, f"spec {pair.new.display} added", here, here))
            report.compared.append(f"(none) -> {pair.new.display}")
            continue
        if pair.new is None:
            gone = Location(pair.old.display, 1, "")
            report.findings.append(Finding(SPEC_REMOVED, "", pair.name, f"spec {pair.old.display} removed", gone, gone))
            report.compared.append(f"{pair.old.display} -> (none)")
            continue
        report.findings += compare(pair.old, pair.new, python=python)
        report.compared.append(f"{pair.old.display} -> {pair.new.display}")
    report.findings.sort(key=sort_key)
    return report
