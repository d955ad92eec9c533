"""Bad input, as a user would give it to the `testrelay` command: one clear line, exit 1 or 2, no traceback.

Specs with a value of the wrong type, a dangling or cyclic reference, escapes Python source cannot
hold or a pattern no engine compiles; `--out` folders that cannot be written; `testrelay mock` with
ports, hosts, files and options it cannot use. The small specs are edits of the minimal spec of
conftest.py or files under tests/specs/bad/.
"""

from __future__ import annotations

import copy
import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner

from generator.spec import pointer as jp
from tests.conftest import MINIMAL, REPO

BAD = REPO / "tests" / "specs" / "bad"
TESTRELAY = [sys.executable, "-m", "generator"]


def _drop_privileges() -> None:
    """For a child run as root: without the capabilities that let root ignore file modes and bind low ports.

    Root may write into a read-only folder and listen on port 80; a user may not. Dropping those
    capabilities from the bounding set before exec makes the child meet what a user meets.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3, 10):  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, NET_BIND_SERVICE
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def _popen(args: tuple[str, ...] | list[str], cwd: Path, as_user: bool) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*TESTRELAY, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_drop_privileges if as_user else None,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def cli(*args: str, cwd: Path = REPO, as_user: bool = False, timeout: float = 120) -> Run:
    """`testrelay ARGS` in a process of its own, as a user runs it."""
    return cli_all([list(args)], cwd=cwd, as_user=as_user, timeout=timeout)[0]


def cli_all(commands: list[list[str]], *, cwd: Path = REPO, as_user: bool = False, timeout: float = 120) -> list[Run]:
    """Several `testrelay` commands at once: each is its own process, and start-ups overlap."""
    procs = [_popen(args, cwd, as_user) for args in commands]
    runs = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        runs.append(Run(proc.returncode, out, err))
    return runs


def _no_traceback(run: Run) -> None:
    assert "Traceback" not in run.text, run.text
    assert "Aborted!" not in run.text, run.text


# -- specs: check and generate ------------------------------------------------------------------------

_ESCAPED_OPS = "/paths/~1runs/post"
WRONG_TYPES: list[tuple[str, str, Any]] = [
    ("paths-list", "/paths", ["/runs"]),
    ("responses-integer", f"{_ESCAPED_OPS}/responses", 5),
    ("responses-string", f"{_ESCAPED_OPS}/responses", "201"),
    ("response-list", f"{_ESCAPED_OPS}/responses/201", ["Started"]),
    ("content-integer", f"{_ESCAPED_OPS}/responses/201/content", 3),
    ("headers-list", f"{_ESCAPED_OPS}/responses/201/headers", ["X-Run-Id"]),
    ("parameters-integer", "/paths/~1runs~1{run_id}/get/parameters", 1),
    ("schemas-list", "/components/schemas", ["Run"]),
    ("media-type-list", f"{_ESCAPED_OPS}/requestBody/content/application~1json", [1]),
    ("tags-float", "/tags", 1.5),
    ("request-body-list", f"{_ESCAPED_OPS}/requestBody", ["body"]),
    ("security-schemes-string", "/components/securitySchemes", "Key"),
    ("servers-mapping", "/servers", {"url": "https://api.example.com"}),
    ("links-list", f"{_ESCAPED_OPS}/responses/201/links", ["GetRun"]),
    ("examples-integer", f"{_ESCAPED_OPS}/responses/201/content/application~1json/examples", 2),
    ("info-list", "/info", ["Runs"]),
    ("path-item-string", "/paths/~1runs", "post"),
]


def _edited(pointer: str, value: Any) -> str:
    data = yaml.safe_load(MINIMAL)
    tokens = jp.split(pointer)
    node = data
    for token in tokens[:-1]:
        node = node[token]
    node[tokens[-1]] = copy.deepcopy(value)
    return yaml.safe_dump(data, sort_keys=False)


def _kapptivate_without_its_exchange_operation() -> str:
    data = yaml.safe_load((REPO / "specs" / "kapptivate.yaml").read_text(encoding="utf-8"))
    for item in data["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == "exchangeRefreshToken":
                op["operationId"] = "exchangeToken"
    return yaml.safe_dump(data, sort_keys=False)


def _with_schema(name: str, schema: dict[str, Any]) -> str:
    data = yaml.safe_load(MINIMAL)
    data["components"]["schemas"][name] = schema
    return yaml.safe_dump(data, sort_keys=False)


def _ring() -> str:
    data = yaml.safe_load(MINIMAL)
    data["components"]["schemas"]["RingA"] = {"$ref": "#/components/schemas/RingB"}
    data["components"]["schemas"]["RingB"] = {"$ref": "#/components/schemas/RingA"}
    return yaml.safe_dump(data, sort_keys=False)


@dataclass(frozen=True)
class SpecCase:
    id: str
    text: str | None
    """The spec's text, or None for a file of tests/specs/bad/."""
    pointer: str
    """Where the one problem is; a regular expression."""
    file: str = ""


SPEC_CASES = [
    *(
        SpecCase(f"wrong-type-{name}", _edited(pointer, value), re.escape(pointer))
        for name, pointer, value in WRONG_TYPES
    ),
    SpecCase(
        "dangling-token-exchange",
        _kapptivate_without_its_exchange_operation(),
        re.escape("/components/securitySchemes/JwtAuth/x-token-exchange/operationId"),
    ),
    SpecCase(
        "ref-to-itself", _with_schema("Loop", {"$ref": "#/components/schemas/Loop"}), "/components/schemas/Loop/\\$ref"
    ),
    SpecCase("ref-ring", _ring(), "/components/schemas/Ring[AB]/\\$ref"),
    SpecCase("top-level-list", None, "/", "top-level-list.yaml"),
    SpecCase("swagger-2", None, "/swagger", "swagger-2.yaml"),
    SpecCase("no-openapi-field", None, "/", "no-openapi.yaml"),
    SpecCase("random-bytes", None, "/", "random-bytes.yaml"),
]


@pytest.fixture(scope="module")
def spec_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad-specs")
    files = {}
    for case in SPEC_CASES:
        if case.text is None:
            files[case.id] = BAD / case.file
        else:
            files[case.id] = folder / f"{case.id}.yaml"
            files[case.id].write_text(case.text, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def checked(spec_files: dict[str, Path]) -> Run:
    """`testrelay check` over every bad spec at once (one process, so the cases cost no start-up each)."""
    return cli("check", *map(str, spec_files.values()))


@pytest.fixture(scope="module")
def generated(spec_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp("generated") / "out"
    (out / "kept").mkdir(parents=True)
    (out / "kept" / "__init__.py").write_text("KEPT = 1\n", encoding="utf-8")
    return cli("generate", *map(str, spec_files.values()), "--out", str(out)), out


def _lines_of(run: Run, path: Path) -> list[str]:
    return [line for line in run.text.splitlines() if line.startswith(f"{path}:")]


@pytest.mark.parametrize("case", SPEC_CASES, ids=[c.id for c in SPEC_CASES])
def test_check_gives_one_located_line(case: SpecCase, spec_files: dict[str, Path], checked: Run) -> None:
    _no_traceback(checked)
    assert checked.code == 1
    path = spec_files[case.id]
    lines = _lines_of(checked, path)
    assert len(lines) == 1, checked.text
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: {case.pointer}: \S.*", lines[0]), lines[0]


@pytest.mark.parametrize("case", SPEC_CASES, ids=[c.id for c in SPEC_CASES])
def test_generate_gives_one_located_line_and_writes_nothing(
    case: SpecCase, spec_files: dict[str, Path], generated: tuple[Run, Path]
) -> None:
    run, out = generated
    _no_traceback(run)
    assert run.code == 1
    path = spec_files[case.id]
    lines = _lines_of(run, path)
    assert len(lines) == 1, run.text
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+: {case.pointer}: \S.*", lines[0]), lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["kept"]


def test_text_python_cannot_hold_is_read_as_spaces_and_the_output_imports(tmp_path: Path) -> None:
    specs = [BAD / "escapes.yaml", BAD / "json-escapes.json"]
    checked = cli("check", *map(str, specs))
    _no_traceback(checked)
    assert checked.code == 0, checked.text
    out = tmp_path / "out"
    run = cli("generate", *map(str, specs), "--out", str(out))
    _no_traceback(run)
    assert run.code == 0, run.text
    code = "import escapes.client, escapes.models, json_escapes.client; print(escapes.models.__doc__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Models of the Escapes in text API, generated from its OpenAPI document."


def test_a_pattern_no_engine_compiles_is_located_in_check_and_a_fallback_in_generate(tmp_path: Path) -> None:
    data = yaml.safe_load(MINIMAL)
    data["components"]["schemas"]["Run"]["properties"]["id"]["pattern"] = "("
    data["components"]["schemas"]["Run"]["properties"]["status"]["pattern"] = "(?<=a)b"  # Python's only
    spec = tmp_path / "pattern.yaml"
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    checked = cli("check", str(spec))
    _no_traceback(checked)
    assert checked.code == 1
    assert re.fullmatch(
        rf"{re.escape(str(spec))}:\d+: /components/schemas/Run/properties/id/pattern: "
        r"'\(' is not a regular expression: missing \), unterminated subpattern at position 0",
        checked.out.strip(),
    ), checked.text
    out = tmp_path / "out"
    run = cli("generate", str(spec), "--out", str(out))
    _no_traceback(run)
    assert run.code == 0, run.text
    fallbacks = [line for line in run.err.splitlines() if ": fallback: pattern" in line]
    assert [line.split(": fallback:")[0].split(": ", 1)[1] for line in fallbacks] == [
        "/components/schemas/Run/properties/id/pattern",
        "/components/schemas/Run/properties/status/pattern",
    ], run.err
    done = subprocess.run(
        [sys.executable, "-c", "import pattern.models as m; m.Run(id='(', status='x')"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# -- generate --out that cannot be written ---------------------------------------------------------------


def _read_only(path: Path) -> None:
    path.chmod(0o555)


OUT_CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("read-only-target", lambda root: _prefilled(root / "out", read_only=True), "Permission denied"),
    (
        "new-folder-under-read-only",
        lambda root: _prefilled(root / "ro", read_only=True) / "new" / "out",
        "Permission denied",
    ),
    ("target-under-a-file", lambda root: _file(root / "plain") / "out", "a file is where a folder is needed"),
]


def _prefilled(folder: Path, *, read_only: bool) -> Path:
    (folder / "minimal").mkdir(parents=True)
    (folder / "minimal" / "__init__.py").write_text("OLD = 1\n", encoding="utf-8")
    if read_only:
        _read_only(folder / "minimal")
        _read_only(folder)
    return folder


def _file(path: Path) -> Path:
    path.write_text("not a folder\n", encoding="utf-8")
    return path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def out_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path, Path, dict[str, bytes]]]:
    """`generate --out` into each folder that cannot be written, all at once: (run, out, root, root before)."""
    base = tmp_path_factory.mktemp("outs")
    spec = base / "minimal.yaml"
    spec.write_text(MINIMAL, encoding="utf-8")
    prepared = []
    for name, make, _ in OUT_CASES:
        root = base / name
        root.mkdir()
        out = make(root)
        prepared.append((name, out, root, _snapshot(root)))
    runs = cli_all([["generate", str(spec), "--out", str(out)] for _, out, _, _ in prepared], as_user=True)
    for _, _, root, _ in prepared:
        for folder in [root, *root.rglob("*")]:
            if folder.is_dir():
                folder.chmod(0o755)
    return {name: (run, out, root, before) for (name, out, root, before), run in zip(prepared, runs, strict=True)}


@pytest.mark.parametrize(("name", "reason"), [(c[0], c[2]) for c in OUT_CASES], ids=[c[0] for c in OUT_CASES])
def test_an_out_folder_that_cannot_be_written_gets_one_line_and_stays_as_it_was(
    name: str, reason: str, out_runs: dict[str, tuple[Run, Path, Path, dict[str, bytes]]]
) -> None:
    run, out, root, before = out_runs[name]
    _no_traceback(run)
    assert run.code == 1
    assert run.out == ""
    assert run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"nothing written: cannot write {out}: ") and reason in run.err, run.err
    assert _snapshot(root) == before


# -- testrelay mock -------------------------------------------------------------------------------------


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


MOCK_CASES: list[tuple[str, list[str], int, str]] = [
    (
        "port-out-of-range",
        ["mock", "qualigate", "--port", "99999"],
        2,
        r"Error: Invalid value for '--port': 99999 is not in the range 0<=x<=65535\.",
    ),
    (
        "port-negative",
        ["mock", "qualigate", "--port", "-1"],
        2,
        r"Error: Invalid value for '--port': -1 is not in the range 0<=x<=65535\.",
    ),
    (
        "host-not-here",
        ["mock", "qualigate", "--host", "192.0.2.1"],
        1,
        r"testrelay mock: cannot listen on 192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine",
    ),
    (
        "host-bad-address",
        ["mock", "qualigate", "--host", "256.1.1.1"],
        2,
        r"Error: Invalid value for '--host': '256\.1\.1\.1' is not an IPv4 address.*",
    ),
    (
        "host-unknown-name",
        ["mock", "qualigate", "--host", "no-such-host.invalid"],
        2,
        r"Error: Invalid value for '--host': name not resolved: no-such-host\.invalid.*",
    ),
    (
        "spec-random-bytes",
        ["mock", str(BAD / "random-bytes.yaml")],
        1,
        rf"{re.escape(str(BAD / 'random-bytes.yaml'))}:\d+: /: not valid YAML: .+",
    ),
    (
        "spec-top-level-list",
        ["mock", str(BAD / "top-level-list.yaml")],
        1,
        r".*top-level-list\.yaml:1: /: not an OpenAPI document: the top level is a list",
    ),
    (
        "spec-swagger-2",
        ["mock", str(BAD / "swagger-2.yaml")],
        1,
        r".*swagger-2\.yaml:1: /swagger: Swagger 2\.0 is not supported; convert to OpenAPI 3",
    ),
    (
        "spec-no-openapi",
        ["mock", str(BAD / "no-openapi.yaml")],
        1,
        r".*no-openapi\.yaml:1: /: not an OpenAPI document: no 'openapi' field",
    ),
    (
        "scenario-bad-fault",
        ["mock", "qualigate", "--scenario", "fault:nonsense"],
        2,
        r"Error: Invalid value for '--scenario': unknown fault 'nonsense'; faults are delay=SECONDS, reset, empty, 429\[=SECONDS\], 500, 502, 503, fail=N, expire-token.*",
    ),
    (
        "scenario-unknown",
        ["mock", "qualigate", "--scenario", "nonsense"],
        2,
        r"Error: Invalid value for '--scenario': unknown scenario 'nonsense': choose success, failure, .*",
    ),
    (
        "token-ttl-negative",
        ["mock", "kapptivate", "--token-ttl", "-5"],
        2,
        r"Error: Invalid value for '--token-ttl': -5\.0 is not in the range 0<x<=31536000\.",
    ),
    (
        "run-top-level-list",
        ["run", str(BAD / "top-level-list.yaml")],
        2,
        r"Error: .*top-level-list\.yaml:1: /: not an OpenAPI document: the top level is a list",
    ),
    (
        "run-swagger-2",
        ["run", str(BAD / "swagger-2.yaml")],
        2,
        r"Error: .*swagger-2\.yaml:1: /swagger: Swagger 2\.0 is not supported; convert to OpenAPI 3",
    ),
]


def _unprivileged_port_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_unprivileged_port_start").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return 1024


if _unprivileged_port_start() > 1:  # where any user may bind any port, there is no port a user may not bind
    MOCK_CASES.append(
        (
            "port-privileged",
            ["mock", "qualigate", "--port", "1"],
            1,
            r"testrelay mock: cannot listen on 127\.0\.0\.1:1: not permitted \(ports below 1024 need privileges.*",
        )
    )


def _only_error_line(run: Run) -> str:
    """The one line that says what is wrong: click's `Error:` line for usage errors, else all there is."""
    lines = [line for line in run.text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error:")]
    if run.code == 2:
        assert len(errors) == 1, run.text
        return errors[0]
    assert len(lines) == 1, run.text
    return lines[0]


@pytest.fixture(scope="module")
def mock_runs() -> dict[str, Run]:
    """`testrelay mock` (and `run`) with each thing it cannot use, all at once."""
    runs = cli_all([args for _, args, _, _ in MOCK_CASES], as_user=True, timeout=60)
    return {case[0]: run for case, run in zip(MOCK_CASES, runs, strict=True)}


@pytest.mark.parametrize(("name", "code", "line"), [(c[0], *c[2:]) for c in MOCK_CASES], ids=[c[0] for c in MOCK_CASES])
def test_mock_refuses_what_it_cannot_use_in_one_line(
    name: str, code: int, line: str, mock_runs: dict[str, Run]
) -> None:
    run = mock_runs[name]
    _no_traceback(run)
    assert run.code == code, run.text
    assert re.fullmatch(line, _only_error_line(run)), run.text


def test_mock_refuses_a_port_in_use(busy_port: int) -> None:
    run = cli("mock", "qualigate", "--port", str(busy_port), timeout=60)
    _no_traceback(run)
    assert run.code == 1
    assert _only_error_line(run) == (
        f"testrelay mock: cannot listen on 127.0.0.1:{busy_port}: the port is in use (give another --port, or 0 for a free one)"
    )


def test_mock_refuses_what_check_rejects(spec_files: dict[str, Path]) -> None:
    run = cli("mock", str(spec_files["dangling-token-exchange"]), timeout=60)
    _no_traceback(run)
    assert run.code == 1
    assert re.fullmatch(
        r".+:\d+: /components/securitySchemes/JwtAuth/x-token-exchange/operationId: no operation has operationId 'exchangeRefreshToken'",
        _only_error_line(run),
    ), run.text


def test_mock_on_ipv6_prints_paste_lines_logs_requests_and_stops_on_ctrl_c() -> None:
    proc = subprocess.Popen(
        [*TESTRELAY, "mock", "qualigate", "--host", "::1", "--api-key", "sk-test-123"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        ready = [proc.stdout.readline() for _ in range(3)]
        assert re.fullmatch(r"mock of .+ on http://\[::1\]:\d+\n", ready[0]), ready
        base_url = ready[1].removeprefix("export QUALIGATE_BASE_URL=").strip().strip("'")
        assert re.fullmatch(r"http://\[::1\]:\d+", base_url), ready
        assert ready[2] == "export QUALIGATE_API_KEY=sk-test-123\n"
        project = "990e8400-e29b-41d4-a716-446655440000"
        answer = httpx.get(
            f"{base_url}/api/v1/projects/{project}/ci-config",
            params={"token": "sk-test-123", "page": "2"},
            headers={"Authorization": "Bearer sk-test-123"},
        )
        logged = proc.stderr.readline()
        assert logged.startswith(
            f"GET /api/v1/projects/{project}/ci-config?token=<redacted>&page=2 {answer.status_code} "
        )
        assert re.fullmatch(r".* \d+\.\d ms\n", logged), logged
        assert "sk-test-123" not in logged
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(30)
    rest = (proc.stdout.read() if proc.stdout else "") + (proc.stderr.read() if proc.stderr else "")
    assert code in (0, 130)
    assert "Traceback" not in rest and "Aborted!" not in rest, rest


# -- --help ----------------------------------------------------------------------------------------------


def test_every_command_help_ends_with_an_example() -> None:
    from generator.cli import main

    names = sorted(main.commands)
    run = cli("--help")
    assert run.code == 0
    assert re.search(r"Example:\n( +testrelay .+\n)+$", run.out), run.out
    for name in names:  # in process: click prints the same help, and six start-ups would cost seconds
        helped = CliRunner().invoke(main, [name, "--help"])
        assert helped.exit_code == 0, helped.output
        assert re.search(rf"Example:\n( +testrelay {name}\b.*\n)+$", helped.output), helped.output


# -- extensions of the wrong shape reach no rule that trusts them ---------------------------------------

EXTENSION_EDITS = [
    (
        "octomind",
        "          links:\n            trace: /traceUrl\n",
        "          links: /traceUrl\n",
        "x-test-results/items/links",
    ),
    ("qualigate", "        success: [passed]\n", "        success: 1.5\n", "x-polling/success"),
    ("qualigate", "        success: [passed]\n", "        success: [{a: 1}]\n", "x-polling/success/0"),
]


@pytest.mark.parametrize(("vendor", "old", "new", "at"), EXTENSION_EDITS, ids=[e[3] for e in EXTENSION_EDITS])
def test_an_extension_of_the_wrong_shape_is_located_not_an_internal_error(
    tmp_path: Path, vendor: str, old: str, new: str, at: str
) -> None:
    from generator.spec.check import check_file

    text = (REPO / "specs" / f"{vendor}.yaml").read_text(encoding="utf-8")
    assert old in text
    spec = tmp_path / f"{vendor}.yaml"
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = [str(p) for p in check_file(spec).problems]
    assert lines and not any("internal error" in line for line in lines), lines
    assert any(re.search(rf":\d+: /paths/[^ ]+/{re.escape(at)}: ", line) for line in lines), lines
