"""`testrelay test`: the generated contract suites, run with pytest and summed up per package."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SUITE = "test_contract.py"


@dataclass
class Tally:
    """One package's results."""

    passed: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.passed > 0


class _Collector:
    """A pytest plugin counting each test's outcome under the package its suite belongs to."""

    def __init__(self, packages: dict[str, Path]) -> None:
        self.tallies = {name: Tally() for name in packages}
        self._by_file = {str(path.resolve()): name for name, path in packages.items()}
        self._root = Path.cwd()

    def pytest_configure(self, config: pytest.Config) -> None:
        # Reports name files relative to the rootdir, which is not the current folder when the suites are
        # elsewhere (the packages installed with testrelay).
        self._root = config.rootpath

    def _package(self, fspath: str) -> str | None:
        return self._by_file.get(str((self._root / fspath).resolve()))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        name = self._package(str(report.fspath))
        if name is None:
            return
        tally = self.tallies[name]
        tally.seconds += report.duration
        if report.failed:
            tally.failed += 1
            tally.failures.append(report.nodeid.split("::", 1)[-1] + f" ({report.when})")
        elif report.skipped:
            tally.skipped += 1
        elif report.when == "call":
            tally.passed += 1

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            name = self._package(str(report.fspath))
            if name is not None:
                self.tallies[name].failed += 1
                self.tallies[name].failures.append("collection failed")


def find_suites(root: Path, names: Iterable[str]) -> dict[str, Path]:
    """The suites of the named packages under `root`, or of every package there; KeyError names a missing one."""
    wanted = list(names)
    if not wanted:
        return {p.parent.name: p for p in sorted(root.glob(f"*/{SUITE}"))}
    found = {}
    for name in wanted:
        path = root / name / SUITE
        if not path.is_file():
            raise KeyError(name)
        found[name] = path
    return found


def run_suites(suites: dict[str, Path], *, verbose: bool = False) -> tuple[dict[str, Tally], float]:
    """Runs the suites in one pytest session; returns each package's tally and the wall time."""
    collector = _Collector(suites)
    args = [str(p) for p in suites.values()]
    args += ["-p", "no:cacheprovider", "-q" if not verbose else "-v", "--no-header", "-rf"]
    args.append("--continue-on-collection-errors")  # one broken suite must not hide the others
    args += ["-p", "no:schemathesis"]  # the suites do not use it, and loading it takes seconds
    started = time.monotonic()
    pytest.main(args, plugins=[collector])
    return collector.tallies, time.monotonic() - started


def summary(tallies: dict[str, Tally], elapsed: float) -> list[str]:
    """The per-package table `testrelay test` prints last."""
    width = max([len("package"), *(len(n) for n in tallies)])
    lines = [f"{'package':<{width}}  {'passed':>6}  {'failed':>6}  {'skipped':>7}  {'seconds':>7}  result"]
    for name, t in tallies.items():
        verdict = "ok" if t.ok else ("FAILED" if t.failed else "no tests ran")
        lines.append(f"{name:<{width}}  {t.passed:>6}  {t.failed:>6}  {t.skipped:>7}  {t.seconds:>7.1f}  {verdict}")
        lines += [f"{'':<{width}}    - {failure}" for failure in t.failures[:10]]
        if len(t.failures) > 10:
            lines.append(f"{'':<{width}}    ... and {len(t.failures) - 10} more")
    passed = sum(t.passed for t in tallies.values())
    failed = sum(t.failed for t in tallies.values())
    lines.append(f"{len(tallies)} package(s): {passed} passed, {failed} failed in {elapsed:.1f} s")
    return lines
