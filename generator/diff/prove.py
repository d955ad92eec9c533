"""`--prove`: run OLD's generated contract suite against a mock of NEW, and match failures to findings.

OLD's package is generated into a temporary folder from a copy of OLD placed where the suite
will look for its spec; the copy is then replaced by NEW, so the suite's mock serves NEW while
the client and the expectations are OLD's. The suite runs in a child pytest process (its
results read from JUnit XML) so nothing it imports stays in this process.

A failing test is explained by the findings about the operations it exercises (read from the
generated method names in its id, or else from its failure text); one that no finding explains
is a change no rule caught.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diff.findings import Finding, Level
from generator.diff.report import Report
from generator.diff.resolve import SpecPair, SpecText
from generator.diff.side import load_side
from generator.diff.surface import surface_of


@dataclass
class Failure:
    test: str
    explained_by: list[Finding] = field(default_factory=list)


@dataclass
class Proof:
    spec: str
    passed: int = 0
    failures: list[Failure] = field(default_factory=list)
    error: str | None = None
    """Why the suite could not run at all (generation failed, pytest crashed)."""
    unproven: list[Finding] = field(default_factory=list)
    """ERR findings of this spec that no failing test shows."""

    @property
    def unexplained(self) -> list[Failure]:
        return [f for f in self.failures if not f.explained_by]


def prove(old: SpecText, new: SpecText, findings: list[Finding], *, timeout: float = 900) -> Proof:
    from generator.codegen.render import generate  # imported here: codegen is slow to import

    proof = Proof(new.display)
    side = load_side(old)
    new_side = load_side(new)
    methods = surface_of(side.api).methods
    with tempfile.TemporaryDirectory(prefix="testrelay-prove-") as tmp:
        root = Path(tmp)
        spec_file = root / "specs" / f"{old.name}.yaml"
        spec_file.parent.mkdir()
        spec_file.write_text(old.text, encoding="utf-8")
        outcome = generate([(spec_file, old.display)], root / "old", check_only=False)
        if outcome.problems:
            proof.error = "OLD's package could not be generated: " + "; ".join(str(p) for p in outcome.problems[:3])
            return proof
        spec_file.write_text(new.text, encoding="utf-8")  # the suite's mock now serves NEW
        suite = root / "old" / side.api.name / "test_contract.py"
        report = root / "results.xml"
        command = [
            sys.executable, "-m", "pytest", str(suite), "-q", "-p", "no:cacheprovider", "-p", "no:schemathesis",
            f"--junitxml={report}", "-o", "junit_family=xunit1", "--rootdir", str(root),
        ]  # fmt: skip
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
        try:
            done = subprocess.run(
                command, cwd=root, capture_output=True, text=True, timeout=timeout, env=env, check=False
            )
        except subprocess.TimeoutExpired:
            proof.error = f"the old contract suite did not finish in {timeout:g} s"
            return proof
        if not report.is_file():
            proof.error = "the old contract suite did not run: " + (done.stderr or done.stdout).strip()[-300:]
            return proof
        results = _results(report)
    old_to_new = _operation_map(side.api.operations, new_side.api.operations)
    for test, failure_text in results:
        if failure_text is None:
            proof.passed += 1
            continue
        operations = _operations(test, failure_text, methods, side.api.operations)
        related = {op for o in operations for op in (o, old_to_new.get(o, o))}
        # Document-wide changes (servers, security schemes, token exchange, the root x-rate-limit) touch
        # every operation, so they explain a failure of any test.
        explained = [
            f
            for f in findings
            if f.layer == "http" and f.level >= Level.WARN and (f.operation in related or not f.operation)
        ]
        proof.failures.append(Failure(test, explained))
    shown = {id(f) for failure in proof.failures for f in failure.explained_by}
    proof.unproven = [f for f in findings if f.layer == "http" and f.level is Level.ERR and id(f) not in shown]
    return proof


def _results(report: Path) -> list[tuple[str, str | None]]:
    """(test id, failure text or None) for every test case of a JUnit XML report."""
    found = []
    for case in ET.parse(report).getroot().iter("testcase"):
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        if case.find("skipped") is not None and bad is None:
            continue
        text = None if bad is None else f"{bad.get('message') or ''}\n{bad.text or ''}"
        found.append((str(case.get("name")), text))
    return found


def _operations(test: str, failure_text: str, methods: dict[str, Any], operations: Any) -> set[str]:
    """The operations a test exercises: generated method names in its id, else in its failure text."""
    for text in (test, failure_text):
        named = {
            op
            for name, m in methods.items()
            if re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", text)
            for op in m.calls
        }
        if named:
            return named
    return {op.operation_id for op in operations if f" {op.path}" in failure_text or f"'{op.path}'" in failure_text}


def _operation_map(old_ops: Any, new_ops: Any) -> dict[str, str]:
    key = {(op.method, re.sub(r"\{[^}/]*\}", "{}", op.path)): op.operation_id for op in new_ops}
    return {
        op.operation_id: key[(op.method, re.sub(r"\{[^}/]*\}", "{}", op.path))]
        for op in old_ops
        if (op.method, re.sub(r"\{[^}/]*\}", "{}", op.path)) in key
    }


def prove_pairs(pairs: list[SpecPair], report: Report) -> list[Proof]:
    proofs = []
    for pair in pairs:
        if pair.old is None or pair.new is None:
            continue
        findings = [f for f in report.findings if f.new.file == pair.new.display]
        proofs.append(prove(pair.old, pair.new, findings))
    return proofs


def proof_json(proofs: list[Proof]) -> list[dict[str, Any]]:
    return [
        {
            "spec": p.spec,
            "passed": p.passed,
            "failed": len(p.failures),
            "error": p.error,
            "failures": [{"test": f.test, "explained_by": [c.fingerprint for c in f.explained_by]} for f in p.failures],
            "unexplained": [f.test for f in p.unexplained],
            "unproven": [f.fingerprint for f in p.unproven],
        }
        for p in proofs
    ]


def proof_lines(proofs: list[Proof], *, markdown: bool = False) -> list[str]:
    lines = []
    for p in proofs:
        head = f"prove {p.spec}: old contract suite against a mock of the new spec"
        if p.error:
            lines += [f"### {head}" if markdown else head, f"could not run: {p.error}", ""]
            continue
        counts = (
            f"{p.passed} passed, {len(p.failures)} failed, {len(p.unexplained)} failing test(s) no finding explains"
        )
        lines += [f"### {head}" if markdown else head, counts, ""] if markdown else [f"{head}: {counts}"]
        for failure in p.failures:
            ids = sorted({f.rule.id for f in failure.explained_by})
            why = ", ".join(ids) if ids else "NOT EXPLAINED by any finding (a missed rule)"
            lines.append(f"- `{failure.test}`: {why}" if markdown else f"  FAILED {failure.test}: {why}")
        for finding in p.unproven:
            text = f"ERR {finding.rule.id} ({finding.operation or 'document'}) made no old contract test fail"
            lines.append(f"- {text}" if markdown else f"  {text}")
        lines.append("")
    return lines


def render_proof(text: str, fmt: str, proofs: list[Proof]) -> str:
    """The report with the proof added in the same format."""
    if fmt == "json":
        data = json.loads(text)
        data["prove"] = proof_json(proofs)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return text + "\n" + "\n".join(proof_lines(proofs, markdown=True)).rstrip("\n") + "\n"
    if fmt in ("junit", "github"):
        # These formats carry findings for CI; the proof goes to stderr so the document stays valid.
        print("\n".join(proof_lines(proofs)), file=sys.stderr)
        return text
    return text + "\n".join(proof_lines(proofs)).rstrip("\n") + "\n"
