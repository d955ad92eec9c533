"""`testrelay diff --prove` on every vendor edit of tests/diff_edits.py: do the levels and the old suites agree?

Run it from the repository with the project's virtualenv:

    .venv/bin/python bench/diff_prove.py             # every edit
    .venv/bin/python bench/diff_prove.py --only doksi

For each edit it compares the vendor's spec with the edited copy, then runs the old generated contract
suite against a mock of the edited spec, and prints one line: the edit's level, how many old contract
tests failed, how many of those no finding explains, and the verdict. Agreement means: an ERR edit
that changes the wire makes at least one old test fail, an INFO edit makes none fail, and every failing
test is explained by a finding. WARN edits may go either way; their failures are shown, not judged.
Edits that change only generated names (no wire change) cannot fail a test against a mock and are
counted apart.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.diff.findings import Level
from generator.diff.prove import prove
from generator.diff.report import compare
from tests.diff_edits import EDITS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="Only the edits of this vendor (repeatable).")
    args = parser.parse_args()
    edits = [e for e in EDITS if not args.only or e.vendor in args.only]
    agreed = judged = 0
    counts: dict[str, list[int]] = {}
    started = time.monotonic()
    for edit in edits:
        old, new = edit.texts()
        findings = compare(old, new)
        top = max((f.level for f in findings), default=Level.INFO)
        began = time.monotonic()
        proof = prove(old, new, findings)
        seconds = time.monotonic() - began
        failed, unexplained = len(proof.failures), len(proof.unexplained)
        if proof.error:
            verdict = f"could not run: {proof.error}"
        elif top.name != edit.level:
            verdict = f"DISAGREE: findings say {top.name}"
        elif edit.level == "ERR" and not edit.wire:
            verdict = "no wire change (not judged)"
        elif edit.level == "ERR":
            verdict = "agree" if failed and not unexplained else "DISAGREE"
        elif edit.level == "INFO":
            verdict = "agree" if not failed else "DISAGREE"
        else:
            verdict = "agree" if not unexplained else "DISAGREE: unexplained failures"
        if verdict.startswith(("agree", "DISAGREE")):
            judged += 1
            agreed += verdict.startswith("agree")
        counts.setdefault(edit.level, [0, 0])
        counts[edit.level][0] += 1
        counts[edit.level][1] += failed > 0
        print(
            f"{edit.level:<4} {edit.name:<52} {failed:>3} failed {unexplained:>3} unexplained "
            f"{proof.passed:>4} passed {seconds:5.1f} s  {verdict}",
            flush=True,
        )
        for failure in proof.unexplained[:5]:
            print(f"       unexplained: {failure.test}")
    print()
    for level, (total, failing) in sorted(counts.items()):
        print(f"{level}: {total} edit(s), {failing} with a failing old contract test")
    print(f"agreement: {agreed}/{judged} judged edits in {time.monotonic() - started:.0f} s")
    return 0 if agreed == judged else 1


if __name__ == "__main__":
    raise SystemExit(main())
