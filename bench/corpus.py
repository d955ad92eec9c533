"""Benchmark `testrelay generate` against openapi-python-client on a corpus of real public OpenAPI specs.

Run it from the repository with the project's virtualenv (standard library only, any Python 3.11, Unix):

    /work/venv/bin/python bench/corpus.py                       # every spec, both tools, one at a time
    python bench/corpus.py --only stripe --only slack           # specs whose file name contains either
    python bench/corpus.py --skip-ours                          # the peer alone
    python bench/corpus.py --ours-cmd 'python stand_in.py {spec} {out}'   # a stand-in for our generator
    python bench/corpus.py --json results.json                  # also write every raw record

The corpus is CORPUS/specs/*.yaml|json, described (size class, operations, schemas) by CORPUS/MANIFEST.tsv;
CORPUS defaults to shared/corpus beside the repository (`--corpus` to change it).

The two tools, run on the same spec in the same run, ours first and then the peer:

- ours: `testrelay generate SPEC --out OUTDIR`, with the `testrelay` beside the running interpreter
  (`--testrelay PATH`, or `--ours-cmd TEMPLATE` for any command, where {spec} and {out} are replaced; without
  placeholders `generate SPEC --out OUTDIR` is appended). Its packages are imported with the running interpreter
  (`--ours-python` to change it).
- the peer: openapi-python-client, installed by this script into its own virtualenv (`--peer-venv`, default
  ~/.cache/testrelay-bench/opc-venv, reused when it already imports), together with httpx, attrs and
  python-dateutil, which its generated code needs at import time. It runs as
  `openapi-python-client generate --path SPEC --output-path OUTDIR/opc_client --meta none` with its venv's bin/
  first on PATH, so its default post hooks (`ruff check --fix-only`, `ruff format`, ruff being one of its own
  dependencies) run as they do for its users; `--peer-no-hooks` turns them off. Its packages are imported with
  its venv's python.

What is measured, for each spec and tool:

- the generator's exit status, and its wall time: time.perf_counter() from just before the process starts to the
  moment it exits (a new process: interpreter start-up is included, for both tools);
- its peak memory: ru_maxrss of the rusage returned by os.wait4, the largest resident set of the generator or of
  any process it waited for (e.g. the peer's ruff hooks), not their sum;
- whether EVERY generated module imports: every .py file under every package directory that the tool wrote into
  OUTDIR is imported by its dotted name (importlib.import_module) in one fresh interpreter per package, isolated
  (-I) and with OUTDIR first on sys.path. A module whose name is not an identifier, or is a keyword, counts as
  failing: no `import` statement can name it. A run succeeds when the generator exits 0 within the timeout, writes
  at least one module, and every module imports;
- for a failed run, whether the generator printed a Python traceback ("Traceback (most recent call last)"), and
  whether its output points into the spec (FILE.yaml|yml|json:LINE, or at least "line N"; frames of a traceback
  do not count), with the line that best tells what went wrong;
- for the peer, whether it said "Warning(s) encountered": it then skips the endpoints or models it cannot handle
  and still exits 0, so a success of the peer may be a partial client.

Before the timed runs each tool generates the smallest selected spec once, untimed (`--no-warmup` to skip), so
neither pays for a cold disk cache. Timing and memory statistics are taken over every selected spec, failures
included (a timeout counts at the time it was stopped), and again over the specs that both tools fully
generated and imported: a tool that fails fast looks fast in the first set, so the second is the fairer ratio.
On a small or shared machine single timings are noisy (we saw +-40% between two runs of the same spec on 2
shared cores): `--repeat N` generates each spec N times (stopping at a failure) and keeps the median time and
the largest peak; only the last run's output is imported. `--jobs N` runs N generations at once: faster, but
the timings then skew (the runs share the cores and the disk), so quote numbers from `--jobs 1` only.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import keyword
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

OURS = "ours"
PEER = "peer"
PEER_PACKAGE_DIR = "opc_client"
PEER_IMPORT_DEPS = ("httpx", "attrs", "python-dateutil")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEFAULT_PEER_VENV = Path.home() / ".cache" / "testrelay-bench" / "opc-venv"
TRACEBACK_MARK = "Traceback (most recent call last)"
PEER_WARNING_MARK = "Warning(s) encountered"
LOCATED_LINE = re.compile(r"\S+\.(?:ya?ml|json):\d+")
LINE_NUMBER = re.compile(r"\bline:? \d+")
EXCEPTION_LINE = re.compile(r"[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b")
BOILERPLATE = ("Error(s) encountered while generating", "If you believe this was a mistake", "Traceback (most recent")
TAIL_CHARS = 4000
TARGET_SHARE = 0.9  # at least 54 of the 60 specs generate and fully import
TARGET_TIME_RATIO = 0.75  # median time per spec at most this share of the peer's
TARGET_SECONDS = 15.0  # and every spec generated in less than this

# The import check, run in a fresh interpreter: argv = ROOT NAMES_JSON RESULT_JSON.
IMPORT_CHECK = """
import importlib, json, sys
root, names_file, result_file = sys.argv[1:4]
sys.path.insert(0, root)
with open(names_file, encoding="utf-8") as f:
    names = json.load(f)
failures = []
for name in names:
    try:
        importlib.import_module(name)
    except BaseException as exc:
        failures.append({"module": name, "error": (type(exc).__name__ + ": " + str(exc))[:500]})
with open(result_file, "w", encoding="utf-8") as f:
    json.dump(failures, f)
"""


@dataclass(frozen=True)
class Spec:
    """One spec of the corpus."""

    name: str
    path: Path
    size_class: str
    size_bytes: int
    operations: int | None
    schemas: int | None


@dataclass(frozen=True)
class Tool:
    """How to run one generator and import what it wrote."""

    key: str
    label: str
    command: Callable[[Path, Path], list[str]]
    python: Path
    env: dict[str, str]


@dataclass
class Measured:
    """A generator process: how it ended and what it cost."""

    exit_code: int | None
    timed_out: bool
    seconds: float
    peak_mib: float
    stdout: str
    stderr: str
    start_error: str = ""


@dataclass
class Record:
    """Everything measured for one spec and one tool."""

    spec: str
    size_class: str
    tool: str
    command: list[str]
    exit_code: int | None = None
    timed_out: bool = False
    start_error: str = ""
    seconds: float = 0.0
    peak_mib: float = 0.0
    runs_seconds: list[float] = field(default_factory=list)
    runs_peak_mib: list[float] = field(default_factory=list)
    packages: list[str] = field(default_factory=list)
    modules: int = 0
    import_failures: list[dict[str, str]] = field(default_factory=list)
    import_seconds: float = 0.0
    traceback: bool = False
    located_error: bool = False
    error_line: str = ""
    warned: bool = False
    stdout_tail: str = ""
    stderr_tail: str = ""

    @property
    def generated(self) -> bool:
        return self.exit_code == 0 and not self.timed_out and self.modules > 0

    @property
    def ok(self) -> bool:
        return self.generated and not self.import_failures

    def status(self) -> str:
        if self.start_error:
            return "nostart"
        if self.timed_out:
            return "timeout"
        if self.exit_code != 0:
            return f"exit {self.exit_code}"
        if self.modules == 0:
            return "nopkg"
        if self.import_failures:
            return f"imp {len(self.import_failures)}/{self.modules}"
        return "ok"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["generated"] = self.generated
        data["ok"] = self.ok
        data["status"] = self.status()
        return data


# ---------------------------------------------------------------------------------------------------------------
# Running a generator and measuring it


class _Watchdog:
    """Kills a process group after a timeout, unless the process has been seen to exit first."""

    def __init__(self, pgid: int, timeout: float) -> None:
        self._pgid = pgid
        self._lock = threading.Lock()
        self._exited = False
        self.fired = False
        self._timer = threading.Timer(timeout, self.kill)
        self._timer.daemon = True
        self._timer.start()
        with _ACTIVE_LOCK:
            _ACTIVE.add(self)

    def kill(self) -> None:
        with self._lock:
            if self._exited:
                return
            self.fired = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._pgid, signal.SIGKILL)

    def exited(self) -> None:
        """Called once the process has exited (and before it is reaped, where os.waitid allows)."""
        with self._lock:
            self._exited = True
        self._timer.cancel()
        with _ACTIVE_LOCK:
            _ACTIVE.discard(self)


_ACTIVE: set[_Watchdog] = set()
_ACTIVE_LOCK = threading.Lock()


def kill_active() -> None:
    """Kill the generators still running (on Ctrl-C they get no SIGINT: they run in sessions of their own)."""
    with _ACTIVE_LOCK:
        running = list(_ACTIVE)
    for watchdog in running:
        watchdog.kill()


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def measure(cmd: Sequence[str], env: dict[str, str], timeout: float, log_dir: Path) -> Measured:
    """Run cmd in a session of its own, timing it and taking the peak RSS from os.wait4's rusage."""
    out_path, err_path = log_dir / "stdout.txt", log_dir / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                list(cmd), env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
            )
        except OSError as exc:
            return Measured(None, False, 0.0, 0.0, "", "", start_error=f"{type(exc).__name__}: {exc}")
        watchdog = _Watchdog(proc.pid, timeout)
        try:
            if hasattr(os, "waitid"):
                # Wait for the exit without reaping, so the watchdog can never signal a reused process id.
                os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
                seconds = time.perf_counter() - start
                watchdog.exited()
                _, status, usage = os.wait4(proc.pid, 0)
            else:
                _, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - start
        finally:
            watchdog.exited()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting on the pid again
    maxrss_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else float(usage.ru_maxrss)  # bytes on macOS
    return Measured(
        exit_code=proc.returncode,
        timed_out=watchdog.fired,
        seconds=seconds,
        peak_mib=maxrss_kib / 1024,
        stdout=read_text(out_path),
        stderr=read_text(err_path),
    )


def error_summary(spec: Spec, stdout: str, stderr: str) -> tuple[bool, str]:
    """Whether a failure's output points into the spec, and the line that best says what went wrong.

    Pointing into the spec: a FILE.yaml:LINE (or .yml/.json) or a "line N", outside a traceback's own
    'File "...", line N' frames. The line: the located one (FILE:LINE preferred), else a traceback's final
    exception line, else the first line of stderr (stdout if empty) that is not the peer's boilerplate.
    """
    lines = [line.strip() for line in (stderr + "\n" + stdout).splitlines() if line.strip()]
    own = [line for line in lines if not line.startswith('File "')]
    with_file = [line for line in own if LOCATED_LINE.search(line)]
    with_file.sort(key=lambda line: spec.path.name not in line)
    with_line = [line for line in own if LINE_NUMBER.search(line)]
    located = bool(with_file or with_line)
    if with_file:
        return located, with_file[0][:300]
    if TRACEBACK_MARK in stdout + stderr:
        raised = [line for line in own if EXCEPTION_LINE.match(line)]
        if raised:
            return located, raised[-1][:300]
    source = [line.strip() for line in (stderr if stderr.strip() else stdout).splitlines() if line.strip()]
    useful = [line for line in source if not any(line.startswith(noise) for noise in BOILERPLATE)]
    return located, (useful or source or [""])[0][:300]


# ---------------------------------------------------------------------------------------------------------------
# The import check


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_units(out_dir: Path) -> list[tuple[str, list[str]]]:
    """Each package directory under out_dir (and any loose module there), with the dotted names of its modules."""
    units: list[tuple[str, list[str]]] = []
    if not out_dir.is_dir():
        return units
    for entry in sorted(out_dir.iterdir()):
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        if entry.is_file() and entry.suffix == ".py":
            units.append((entry.stem, [module_name(out_dir, entry)]))
        elif entry.is_dir():
            files = sorted(p for p in entry.rglob("*.py") if "__pycache__" not in p.parts and p.is_file())
            if files:
                units.append((entry.name, [module_name(out_dir, p) for p in files]))
    return units


def bad_name(name: str) -> str:
    for part in name.split("."):
        if not part.isidentifier():
            return f"not an importable module name ({part!r} is not an identifier)"
        if keyword.iskeyword(part):
            return f"not an importable module name ({part!r} is a keyword)"
    return ""


def check_imports(
    python: Path, out_dir: Path, timeout: float, work: Path
) -> tuple[list[str], int, list[dict[str, str]]]:
    """Import every module of every package under out_dir, one fresh interpreter per package."""
    packages: list[str] = []
    modules = 0
    failures: list[dict[str, str]] = []
    for index, (label, names) in enumerate(import_units(out_dir)):
        packages.append(label)
        modules += len(names)
        importable = []
        for name in names:
            problem = bad_name(name)
            if problem:
                failures.append({"module": name, "error": problem})
            else:
                importable.append(name)
        if not importable:
            continue
        names_file, result_file = work / f"names-{index}.json", work / f"result-{index}.json"
        names_file.write_text(json.dumps(importable), encoding="utf-8")
        cmd = [str(python), "-I", "-c", IMPORT_CHECK, str(out_dir), str(names_file), str(result_file)]
        try:
            done = subprocess.run(
                cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=timeout
            )
        except subprocess.TimeoutExpired:
            failures.append({"module": label, "error": f"import check timed out after {timeout:g}s"})
            continue
        if not result_file.exists():
            tail = done.stderr.strip().splitlines()[-1:] or [""]
            failures.append({"module": label, "error": f"import check died (exit {done.returncode}): {tail[0]}"})
            continue
        result: list[dict[str, str]] = json.loads(result_file.read_text(encoding="utf-8"))
        failures.extend(result)
    return packages, modules, failures


# ---------------------------------------------------------------------------------------------------------------
# One spec with one tool


def run_one(spec: Spec, tool: Tool, work_root: Path, timeout: float, keep: bool, repeat: int = 1) -> Record:
    """Generate spec with tool (repeat times, stopping at a failure), then import what the last run wrote."""
    work = work_root / f"{safe(spec.name)}-{tool.key}"
    if work.exists():
        shutil.rmtree(work)
    out_dir = work / "out"
    work.mkdir(parents=True)
    cmd = tool.command(spec.path, out_dir)
    record = Record(spec=spec.name, size_class=spec.size_class, tool=tool.key, command=cmd)
    try:
        for _ in range(repeat):
            if out_dir.exists():
                shutil.rmtree(out_dir)
            measured = measure(cmd, tool.env, timeout, work)
            record.runs_seconds.append(measured.seconds)
            record.runs_peak_mib.append(measured.peak_mib)
            if measured.exit_code != 0 or measured.timed_out or measured.start_error:
                break
        record.exit_code = measured.exit_code
        record.timed_out = measured.timed_out
        record.start_error = measured.start_error
        record.seconds = statistics.median(record.runs_seconds)
        record.peak_mib = max(record.runs_peak_mib)
        record.stdout_tail = measured.stdout[-TAIL_CHARS:]
        record.stderr_tail = measured.stderr[-TAIL_CHARS:]
        output = measured.stdout + measured.stderr
        record.traceback = TRACEBACK_MARK in output
        record.warned = PEER_WARNING_MARK in output
        if measured.exit_code == 0 and not measured.timed_out:
            started = time.perf_counter()
            record.packages, record.modules, record.import_failures = check_imports(tool.python, out_dir, timeout, work)
            record.import_seconds = time.perf_counter() - started
        else:
            record.located_error, record.error_line = error_summary(spec, measured.stdout, measured.stderr)
            if measured.start_error:
                record.error_line = measured.start_error
            elif measured.timed_out:
                record.error_line = f"stopped after {timeout:g}s"
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return record


def safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)


# ---------------------------------------------------------------------------------------------------------------
# The corpus and the tools


def load_corpus(corpus: Path, only: Sequence[str]) -> list[Spec]:
    specs_dir = corpus / "specs"
    if not specs_dir.is_dir():
        raise SystemExit(f"corpus.py: no specs folder at {specs_dir} (use --corpus)")
    manifest: dict[str, dict[str, str]] = {}
    manifest_path = corpus / "MANIFEST.tsv"
    if manifest_path.exists():
        with manifest_path.open(encoding="utf-8", newline="") as f:
            manifest = {row["name"]: row for row in csv.DictReader(f, delimiter="\t")}
    specs = []
    for path in sorted(specs_dir.iterdir()):
        if not path.is_file() or path.suffix not in (".yaml", ".yml", ".json"):
            continue
        if only and not any(word.lower() in path.name.lower() for word in only):
            continue
        row = manifest.get(path.name, {})
        specs.append(
            Spec(
                name=path.name,
                path=path.resolve(),
                size_class=row.get("size_class") or "?",
                size_bytes=path.stat().st_size,
                operations=int(row["operations"]) if row.get("operations", "").isdigit() else None,
                schemas=int(row["schemas"]) if row.get("schemas", "").isdigit() else None,
            )
        )
    missing = sorted(set(manifest) - {p.name for p in specs_dir.iterdir()})
    if missing:
        print(f"corpus.py: MANIFEST.tsv lists {len(missing)} spec(s) not in {specs_dir}: {missing}", file=sys.stderr)
    return specs


def run_text(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    try:
        done = subprocess.run(
            list(cmd), env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace"
        )
    except OSError as exc:
        return 127, str(exc)
    return done.returncode, done.stdout + done.stderr


def ours_tool(args: argparse.Namespace) -> tuple[Tool, str]:
    env = dict(os.environ)
    python = Path(args.ours_python)
    if args.ours_cmd:
        template = shlex.split(args.ours_cmd)
        has_slots = any("{spec}" in part or "{out}" in part for part in template)

        def command(spec: Path, out: Path) -> list[str]:
            if not has_slots:
                return [*template, "generate", str(spec), "--out", str(out)]
            return [part.replace("{spec}", str(spec)).replace("{out}", str(out)) for part in template]

        return Tool(OURS, "ours", command, python, env), f"stand-in: {args.ours_cmd}"

    exe = Path(args.testrelay)
    code, text = run_text([str(exe), "generate", "--help"], env)
    if code != 0:
        raise SystemExit(
            f"corpus.py: `{exe} generate --help` failed (exit {code}); is the generate command there yet? "
            f"Use --ours-cmd for a stand-in or --skip-ours.\n{text.strip()[-800:]}"
        )
    _, version = run_text([str(exe), "--version"], env)

    def real(spec: Path, out: Path) -> list[str]:
        return [str(exe), "generate", str(spec), "--out", str(out)]

    return Tool(OURS, "ours", real, python, env), version.strip().splitlines()[-1] if version.strip() else "?"


def venv_bin(venv: Path) -> Path:
    return venv / "bin"


def ensure_peer(args: argparse.Namespace, work_root: Path) -> tuple[Tool, str]:
    """Create (or reuse) the peer's virtualenv and check the flags of the installed openapi-python-client."""
    venv = Path(args.peer_venv).expanduser()
    python = venv_bin(venv) / "python"
    exe = venv_bin(venv) / "openapi-python-client"
    if not python.exists():
        print(f"creating the peer's virtualenv in {venv}", file=sys.stderr)
        venv.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = "import openapi_python_client, httpx, attrs, dateutil"
    if args.peer_reinstall or run_text([str(python), "-c", probe])[0] != 0 or not exe.exists():
        print(f"installing {args.peer_package} and {' '.join(PEER_IMPORT_DEPS)} into {venv}", file=sys.stderr)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", args.peer_package, *PEER_IMPORT_DEPS], check=True
        )
    env = dict(os.environ)
    env["PATH"] = str(venv_bin(venv)) + os.pathsep + env.get("PATH", "")  # its ruff post hooks, as its users get
    env["VIRTUAL_ENV"] = str(venv)
    env.pop("PYTHONHOME", None)
    help_env = dict(env, COLUMNS="200", NO_COLOR="1", TERM="dumb")
    code, help_text = run_text([str(exe), "generate", "--help"], help_env)
    missing = [flag for flag in ("--path", "--output-path", "--meta") if flag not in help_text]
    if code != 0 or missing:
        raise SystemExit(f"corpus.py: {exe} generate --help lacks {missing} (exit {code}):\n{help_text[-1500:]}")
    _, version = run_text([str(exe), "--version"], env)
    extra: list[str] = []
    if args.peer_no_hooks:
        config = work_root / "peer-config.yaml"
        config.write_text("post_hooks: []\n", encoding="utf-8")
        extra = ["--config", str(config)]

    def command(spec: Path, out: Path) -> list[str]:
        # OUT does not exist yet, so --overwrite is not needed; with --meta none the package is OUT/opc_client.
        package = str(out / PEER_PACKAGE_DIR)
        return [str(exe), "generate", "--path", str(spec), "--output-path", package, "--meta", "none", *extra]

    hooks = "hooks off" if args.peer_no_hooks else "ruff hooks on"
    return Tool(PEER, "peer", command, python, env), f"{version.strip()} ({hooks})"


# ---------------------------------------------------------------------------------------------------------------
# Statistics and the report


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def ratio(a: float, b: float) -> str:
    if math.isnan(a) or math.isnan(b) or b == 0:
        return "n/a"
    return f"{a / b:.2f}x"


def secs(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}s"


def mib(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f} MiB"


def cell(record: Record | None) -> str:
    if record is None:
        return f"{'':>13} {'':>8} {'':>6}"
    mark = ("!" if record.traceback else "") + ("w" if record.warned else "")
    return f"{record.status() + mark:>13} {record.seconds:>7.2f}s {record.peak_mib:>5.0f}M"


def print_table(specs: Sequence[Spec], by_key: dict[tuple[str, str], Record], tools: Sequence[str]) -> None:
    width = min(max((len(s.name) for s in specs), default=4), 48)
    head = f"{'spec':<{width}} {'size':<6}"
    for key in tools:
        head += f" | {key + ': status':>13} {'time':>8} {'peak':>6}"
    print(head)
    print("-" * len(head))
    for spec in specs:
        line = f"{spec.name[:width]:<{width}} {spec.size_class:<6}"
        for key in tools:
            line += " | " + cell(by_key.get((spec.name, key)))
        print(line)
    print(
        "status: ok = exited 0 and every module imported; imp F/M = F of M modules failed to import; "
        "exit N; timeout; nopkg = exited 0 but wrote no module; nostart = could not be started. "
        "! = printed a Python traceback; w = the peer warned that it left pieces out."
    )


def summarize(label: str, records: Sequence[Record], total: int) -> None:
    ok = sum(r.ok for r in records)
    times = [r.seconds for r in records]
    peaks = [r.peak_mib for r in records if not r.start_error]
    failed_runs = [r for r in records if not r.generated]
    import_failed = [r for r in records if r.generated and r.import_failures]
    print(f"{label}")
    share = f"{100 * ok / total:.1f}%" if total else "n/a"
    print(f"  generated and fully imported: {ok}/{total} ({share})")
    print(
        f"  exited 0: {sum(r.exit_code == 0 and not r.timed_out for r in records)}, "
        f"failed to generate: {len(failed_runs)} (timeouts {sum(r.timed_out for r in records)}), "
        f"generated but some module failed to import: {len(import_failed)} "
        f"({sum(len(r.import_failures) for r in import_failed)} modules)"
    )
    print(
        f"  time over all {len(times)} specs: median {secs(median(times))}, p90 {secs(percentile(times, 0.9))}, "
        f"max {secs(max(times, default=math.nan))}"
    )
    print(f"  peak memory: median {mib(median(peaks))}, max {mib(max(peaks, default=math.nan))}")
    located = sum(r.located_error for r in failed_runs)
    print(
        f"  tracebacks printed: {sum(r.traceback for r in records)} "
        f"(in {sum(r.traceback for r in failed_runs)} of {len(failed_runs)} failed generations; "
        f"{located} failures pointed at a line of the spec)"
    )
    warned = sum(r.warned for r in records)
    if warned:
        fully = sum(r.warned and r.ok for r in records)
        print(f"  warned that pieces were left out: {warned} (of which fully imported: {fully})")


def print_ratios(specs: Sequence[Spec], by_key: dict[tuple[str, str], Record]) -> None:
    ours = [by_key[(s.name, OURS)] for s in specs if (s.name, OURS) in by_key]
    peer = [by_key[(s.name, PEER)] for s in specs if (s.name, PEER) in by_key]
    both_ok = [s.name for s in specs if by_key[(s.name, OURS)].ok and by_key[(s.name, PEER)].ok]

    def row(title: str, a: Sequence[Record], b: Sequence[Record]) -> None:
        ta, tb = [r.seconds for r in a], [r.seconds for r in b]
        ma, mb = [r.peak_mib for r in a if not r.start_error], [r.peak_mib for r in b if not r.start_error]
        print(
            f"  {title}: median time {ratio(median(ta), median(tb))}, p90 time "
            f"{ratio(percentile(ta, 0.9), percentile(tb, 0.9))}, median peak memory {ratio(median(ma), median(mb))}"
        )

    print("ours / peer (below 1 = ours is faster or smaller)")
    row(f"all {len(specs)} specs", ours, peer)
    row(
        f"the {len(both_ok)} specs both fully imported",
        [by_key[(n, OURS)] for n in both_ok],
        [by_key[(n, PEER)] for n in both_ok],
    )
    ours_ok, peer_ok = sum(r.ok for r in ours), sum(r.ok for r in peer)
    print(f"  generated and fully imported: ours {ours_ok}/{len(specs)}, peer {peer_ok}/{len(specs)}")
    only_ours = [s.name for s in specs if by_key[(s.name, OURS)].ok and not by_key[(s.name, PEER)].ok]
    only_peer = [s.name for s in specs if by_key[(s.name, PEER)].ok and not by_key[(s.name, OURS)].ok]
    print(f"  only ours: {len(only_ours)} {only_ours}")
    print(f"  only the peer: {len(only_peer)} {only_peer}")
    target = math.ceil(TARGET_SHARE * len(specs))
    time_ratio = median([r.seconds for r in ours]) / max(median([r.seconds for r in peer]), 1e-9)
    slowest = max(ours, key=lambda r: r.seconds)
    quick = time_ratio <= TARGET_TIME_RATIO
    print(
        f"targets: >= {target}/{len(specs)} fully imported: {'met' if ours_ok >= target else 'NOT met'}; "
        f"median time at most {TARGET_TIME_RATIO}x the peer's: {'met' if quick else 'NOT met'}"
        f" ({time_ratio:.2f}x); every spec under {TARGET_SECONDS:g} s: "
        f"{'met' if slowest.seconds < TARGET_SECONDS else 'NOT met'} (slowest {slowest.seconds:.1f} s, {slowest.spec})"
    )


def print_failures(records: Iterable[Record]) -> None:
    failed = [r for r in records if not r.ok]
    if not failed:
        return
    print("failures")
    for r in failed:
        if r.generated:
            first = r.import_failures[0]
            what = f"{len(r.import_failures)} module(s) fail to import, first {first['module']}: {first['error']}"
        else:
            kind = "traceback" if r.traceback else ("located" if r.located_error else "unlocated")
            what = f"{r.status()} [{kind}] {r.error_line}"
        print(f"  {r.tool:<4} {r.spec}: {what[:240]}")


# ---------------------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark `testrelay generate` against openapi-python-client on the spec corpus.",
        epilog="Quote timings from --jobs 1 runs only.",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with specs/ and MANIFEST.tsv")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUBSTRING",
        help="run only specs whose file name has it (any case; repeatable)",
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per generation and per import check")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each generation N times, report the median (and the max peak)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="generations at once (more than 1 skews the timings)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every raw record here")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the generated code and logs")
    parser.add_argument(
        "--warmup",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="first run each tool once, untimed, on the smallest spec",
    )
    ours = parser.add_argument_group("ours")
    ours.add_argument("--skip-ours", action="store_true", help="run the peer alone")
    ours.add_argument(
        "--testrelay",
        default=str(Path(sys.executable).parent / "testrelay"),
        metavar="PATH",
        help="our CLI (default: the testrelay beside this interpreter)",
    )
    ours.add_argument(
        "--ours-cmd",
        metavar="TEMPLATE",
        help="run this instead: {spec} and {out} are replaced (else `generate SPEC --out OUT` appended)",
    )
    ours.add_argument(
        "--ours-python",
        default=sys.executable,
        metavar="PATH",
        help="interpreter that imports our packages (default: this one)",
    )
    peer = parser.add_argument_group("the peer (openapi-python-client)")
    peer.add_argument("--skip-peer", action="store_true", help="run ours alone")
    peer.add_argument("--peer-venv", default=str(DEFAULT_PEER_VENV), metavar="DIR", help="default: %(default)s")
    peer.add_argument(
        "--peer-package",
        default="openapi-python-client",
        metavar="REQ",
        help="what to pip install (pin: openapi-python-client==0.29.1)",
    )
    peer.add_argument("--peer-reinstall", action="store_true", help="pip install even if the venv imports")
    peer.add_argument("--peer-no-hooks", action="store_true", help="turn off its ruff post hooks")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.skip_ours and args.skip_peer:
        parser.error("nothing to run: both --skip-ours and --skip-peer")
    return args


def _load() -> str:
    """The machine's load average: on shared cores, timings only compare within one run."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    specs = load_corpus(args.corpus, args.only)
    if not specs:
        print(f"corpus.py: no spec in {args.corpus / 'specs'} matches {args.only}", file=sys.stderr)
        return 2
    work_root = (args.workdir or Path(tempfile.mkdtemp(prefix="testrelay-bench-"))).resolve()
    work_root.mkdir(parents=True, exist_ok=True)
    try:
        tools: list[Tool] = []
        versions: dict[str, str] = {}
        if not args.skip_ours:
            tool, versions[OURS] = ours_tool(args)
            tools.append(tool)
        if not args.skip_peer:
            tool, versions[PEER] = ensure_peer(args, work_root)
            tools.append(tool)
        return run_all(args, specs, tools, versions, work_root)
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(work_root, ignore_errors=True)


def run_all(
    args: argparse.Namespace, specs: list[Spec], tools: list[Tool], versions: dict[str, str], work_root: Path
) -> int:
    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, {_load()}")
    for tool in tools:
        print(f"{tool.label}: {versions[tool.key]}")
    print(f"{len(specs)} specs from {args.corpus}, timeout {args.timeout:g}s, jobs {args.jobs}, repeat {args.repeat}")
    if args.jobs > 1:
        print(f"NOTE: {args.jobs} generations run at once: the times and peaks below are skewed; quote --jobs 1.")
    if args.warmup:
        smallest = min(specs, key=lambda s: s.size_bytes)
        for tool in tools:
            print(f"warm-up: {tool.label} on {smallest.name} (untimed)", file=sys.stderr)
            run_one(smallest, tool, work_root / "warmup", args.timeout, keep=False)

    tasks = [(spec, tool) for spec in specs for tool in tools]  # per spec ours then peer: drift hits both alike
    by_key: dict[tuple[str, str], Record] = {}
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    futures: dict[Future[Record], tuple[Spec, Tool]] = {
        pool.submit(run_one, spec, tool, work_root, args.timeout, args.keep, args.repeat): (spec, tool)
        for spec, tool in tasks
    }
    try:
        for done, future in enumerate(as_completed(futures), start=1):
            spec, tool = futures[future]
            record = future.result()
            by_key[(spec.name, tool.key)] = record
            print(
                f"[{done}/{len(tasks)}] {tool.label:<4} {record.status():<10} {record.seconds:7.2f}s "
                f"{record.peak_mib:6.0f} MiB  {spec.name}",
                file=sys.stderr,
                flush=True,
            )
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        kill_active()
        print("interrupted", file=sys.stderr)
        return 130
    pool.shutdown()

    keys = [tool.key for tool in tools]
    print()
    print_table(specs, by_key, keys)
    for tool in tools:
        print()
        summarize(f"{tool.label} ({versions[tool.key]})", [by_key[(s.name, tool.key)] for s in specs], len(specs))
    if len(tools) == 2:
        print()
        print_ratios(specs, by_key)
    print()
    print_failures(by_key[(s.name, key)] for s in specs for key in keys)

    if args.json:
        meta = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "jobs": args.jobs,
            "timeout": args.timeout,
            "repeat": args.repeat,
            "warmup": args.warmup,
            "versions": versions,
            "corpus": str(args.corpus),
            "specs": [asdict(s) | {"path": str(s.path)} for s in specs],
        }
        records = [by_key[(s.name, key)].to_json() for s in specs for key in keys]
        args.json.write_text(json.dumps({"meta": meta, "records": records}, indent=1), encoding="utf-8")
        print(f"raw records: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
