"""What a diff finds: rules with stable ids and levels, and located findings.

Every rule is declared once in `RULES`; the README's rule table is generated from it
(`rule_table`), and a test keeps the two equal. A finding's fingerprint hashes what it is about
(rule, operation, subject), not where it sits, so it survives unrelated edits that move lines.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from typing import Literal

Layer = Literal["http", "python"]


class Level(enum.IntEnum):
    """ERR: code that worked may now fail. WARN: it may behave differently. INFO: an addition."""

    INFO = 1
    WARN = 2
    ERR = 3


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    layer: Layer
    meaning: str


RULES: dict[str, Rule] = {}


def rule(rule_id: str, level: Level, layer: Layer, meaning: str) -> Rule:
    """Declares a rule; ids are unique and never reused for another meaning."""
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} declared twice")
    declared = Rule(rule_id, level, layer, meaning)
    RULES[rule_id] = declared
    return declared


@dataclass(frozen=True)
class Location:
    """Where a finding sits in one of the two specs."""

    file: str
    line: int
    pointer: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.pointer or '/'}"

    def as_json(self) -> dict[str, str | int]:
        return {"file": self.file, "line": self.line, "pointer": self.pointer}


@dataclass
class Finding:
    rule: Rule
    operation: str
    """The operationId concerned, or "" for document-wide changes (servers, schemes, models)."""
    subject: str
    """What changed within the operation (`query parameter limit`, `RunStatus.FAILED`): part of the fingerprint."""
    message: str
    old: Location
    new: Location
    causes: list[Finding] = field(default_factory=list)
    """For Python-surface findings: the HTTP-contract findings that explain them."""

    @property
    def level(self) -> Level:
        return self.rule.level

    @property
    def layer(self) -> Layer:
        return self.rule.layer

    @property
    def fingerprint(self) -> str:
        text = "\x1f".join((self.rule.id, self.operation, self.subject))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sort_key(finding: Finding) -> tuple[int, int, str, int, str]:
    """Most severe first, HTTP before Python, then in the order of the new spec."""
    return (
        -finding.level,
        0 if finding.layer == "http" else 1,
        finding.new.file,
        finding.new.line,
        finding.rule.id,
    )


def rule_table() -> str:
    """The README's Markdown table of every rule, in a stable order."""
    rows = ["| id | level | layer | meaning |", "| --- | --- | --- | --- |"]
    for r in sorted(RULES.values(), key=lambda r: (r.layer, r.id)):
        rows.append(f"| `{r.id}` | {r.level.name} | {r.layer} | {r.meaning} |")
    return "\n".join(rows) + "\n"
