"""Benchmark `testrelay mock` against Prism (Stoplight's @stoplight/prism-cli) on the vendor specs.

Run it from the repository with the project's virtualenv (standard library only, Python 3.11, Linux):

    /work/venv/bin/python bench/mock.py                        # every vendor, ours then Prism
    python bench/mock.py --vendor qualigate --vendor doksi      # some vendors only
    python bench/mock.py --skip-ours                            # Prism alone (e.g. before `testrelay mock` exists)
    python bench/mock.py --prism-dir ~/.cache/prism             # install Prism there once, reuse it afterwards
    python bench/mock.py --concurrency 32 --duration 10 --json results.json

It must run with an interpreter that imports PyYAML (the venv's): the specs are read by a small helper run with
that interpreter (`--spec-python`), which prints the document as JSON; everything else is standard library.

The two servers serve the same spec, specs/VENDOR.yaml of this repository, one at a time (ours first, then
Prism), each on a free port of 127.0.0.1; nothing else is ever addressed:

- ours: `testrelay mock VENDOR --host 127.0.0.1 --port PORT --api-key KEY`, with the `testrelay` beside the
  running interpreter (`--testrelay PATH`), run from the repository root. If `testrelay mock --help` fails or
  lacks one of those options, the script says so and skips our side.
- Prism: installed with `npm install --prefix DIR @stoplight/prism-cli` into a temporary folder (`--prism-dir`
  to keep and reuse an installation, `--prism-package` to pin a version), run as
  `DIR/node_modules/.bin/prism mock SPEC --host 127.0.0.1 --port PORT` (`-d` with `--prism-dynamic`, anything
  else with `--prism-arg=...`). Without npm the script says so and skips Prism. Prism logs every request at
  its default level, as its users see it; `--prism-arg=--verboseLevel=error` turns that off.

What is measured, for each vendor and server:

- startup: time.perf_counter() from just before the process starts to the first HTTP answer (any status) to a
  GET of the spec's first GET operation. The port is polled (a connection, then the request) until it answers,
  up to `--startup-timeout`; the server's own output is never read for this.
- the request set: every GET operation of the spec (`--paths first` for the first only, `--request PATH` for
  paths of your own), path and required query/header parameters filled from the parameter's example, else its
  schema's example/default/enum, else a placeholder by type (1, a fixed UUID, "1"). The server's base path
  (e.g. /api/v1 of testmo) is prefixed only if the server does not answer at the spec's paths: after startup
  the first GET is tried at the root and under the base path, and the first that does not answer 404 (or,
  failing that, answers 405 to an undeclared method) is used for that server (Prism serves at the root).
- auth: what the first security requirement of the first GET (else of the document) asks for, on every request
  (a GET that asks for other auth is noted), with the test key (`--api-key`, default a key of the vendor's
  documented form; our mock is started with the same key). A bearer or OAuth scheme sends
  `Authorization: Bearer KEY`, an apiKey scheme its header, query parameter or cookie, and a scheme with
  `x-token-exchange` (kapptivate) first trades the key with its exchange operation, once per server, and sends
  `PREFIX TOKEN` (kapptivate's token lives 120 s: past that, expect 401s in the mix). Prism checks only that
  credentials are present; it gets the same headers.
- throughput: `--concurrency` threads (default 16), each with one keep-alive http.client.HTTPConnection,
  send the request set round robin (each starting at a different request) for `--warmup` seconds (default 1,
  not counted) and then `--duration` seconds (default 5). Requests per second count every request answered
  within the window, whatever its status; the status mix is shown beside it, and connection errors and
  timeouts (`--request-timeout`) are counted apart. p50/p99 are the latencies of the answered requests.
  Prism answers every valid request from the spec's examples; a stateful mock answers 404 to the made-up ids
  of a status read, so compare the mixes before the rps (`--request` picks paths both answer alike).
- cost: the CPU seconds of the server's processes during the load (from /proc, so Linux only) and their
  resident memory after it, and the CPU the load generator itself used. The generator is Python threads
  under one GIL: on a small machine it can use a whole core and then limits the rps of a fast server, so
  the table shows its share (client cpu) and rps per server CPU second.

The ratios are ours/prism: throughput (our issue's target: at least 2x) and startup (below 1 = ours starts
faster). Every phase is bounded by a timeout, and both servers (their whole process groups) are stopped at the
end, on errors and on Ctrl-C too. Numbers from a 2-core shared machine are noisy: compare within one run.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import http.client
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VENDORS = ("kapptivate", "octomind", "qualigate", "doksi", "testmo")
OURS = "ours"
PRISM = "prism"
HOST = "127.0.0.1"  # the only address this script ever talks to
PRISM_PACKAGE = "@stoplight/prism-cli"
PLACEHOLDER_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
THROUGHPUT_TARGET = 2.0  # our issue: our mock answers at least twice as many requests per second as Prism
DEFAULT_KEYS = {
    # Keys of each vendor's documented form, so a mock that checks the form accepts them.
    "qualigate": "qg_bench0123456789abcdef0123456789",
    "doksi": "dk_live_0123456789abcdef0123456789abcdef01234567",
    "octomind": "octomind-bench-key-0123456789abcdef",
    "testmo": "testmo-bench-token-0123456789abcdef",
    "kapptivate": "kapptivate-bench-refresh-token-0123456789",
}
GENERIC_KEY = "bench-test-key-0123456789abcdef"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
LOG_PROBLEM = re.compile(r"(?i)\b(warn(ing)?|error|fatal|violation)\b|✖")
TIMESTAMP = re.compile(r"^\[[^\]]*\]\s*")
TAIL_CHARS = 3000
STOP_GRACE = 5.0

# Run with the interpreter that has PyYAML (the venv's): prints the spec as JSON. argv = SPEC.
SPEC_LOADER = """
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    json.dump(yaml.safe_load(f), sys.stdout, default=str)
"""


# ---------------------------------------------------------------------------------------------------------------
# What to send: requests and auth, read from the spec


@dataclass(frozen=True)
class Request:
    """One GET to send, its path as the spec writes it (the server's base path is prefixed later)."""

    label: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Exchange:
    """A token exchange (x-token-exchange): POST the key, read the token, send it with a prefix."""

    scheme: str
    method: str
    path: str
    key_pointer: str
    token_pointer: str
    header: str
    prefix: str


@dataclass
class Auth:
    """The credentials every request carries, and the exchange to run first, if any."""

    headers: dict[str, str] = field(default_factory=dict)
    query: list[tuple[str, str]] = field(default_factory=list)
    exchange: Exchange | None = None
    description: str = "none"


@dataclass
class Plan:
    """What to send to the servers of one vendor."""

    vendor: str
    spec: Path
    base_path: str
    requests: list[Request]
    undeclared_method: str
    auth: Auth
    notes: list[str] = field(default_factory=list)


def load_spec(python: str, spec: Path, timeout: float) -> Any:
    try:
        done = subprocess.run(
            [python, "-c", SPEC_LOADER, str(spec)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BenchError(f"could not read {spec} with {python}: {exc}") from exc
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["?"]
        hint = " (run this script with the venv's python, or pass --spec-python)" if "yaml" in tail[0] else ""
        raise BenchError(f"could not read {spec} with {python}: {tail[0]}{hint}")
    return json.loads(done.stdout)


class BenchError(Exception):
    """A problem that stops one vendor or one server, said in one line."""


def resolve(doc: Any, node: Any, depth: int = 0) -> Any:
    """Follow local $refs (#/...) until a node that is not a reference."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 50:
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        target: Any = doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and part in target:
                target = target[part]
            elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                target = target[int(part)]
            else:
                return {}
        node = target
        depth += 1
    return node


def schema_value(doc: Any, schema: Any, depth: int = 0) -> Any:
    """A value for a schema: its example, examples, default, const or first enum value, else a placeholder."""
    schema = resolve(doc, schema)
    if not isinstance(schema, dict) or depth > 5:
        return "1"
    for key in ("example", "default", "const"):
        if key in schema:
            return schema[key]
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for combinator in ("allOf", "oneOf", "anyOf"):
        options = schema.get(combinator)
        if isinstance(options, list):
            for option in options:
                option = resolve(doc, option)
                if isinstance(option, dict) and option.get("type") != "null":
                    return schema_value(doc, option, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind in ("integer", "number"):
        low = schema.get("minimum")
        return max(1, math.ceil(low)) if isinstance(low, int | float) else 1
    if kind == "boolean":
        return True
    if kind == "array":
        return [schema_value(doc, schema.get("items", {}), depth + 1)]
    if kind == "object":
        return {}
    fmt = schema.get("format")
    if fmt == "uuid":
        return PLACEHOLDER_UUID
    if fmt == "date-time":
        return "2024-01-01T00:00:00Z"
    if fmt == "date":
        return "2024-01-01"
    length = schema.get("minLength")
    return "1" * max(1, length) if isinstance(length, int) else "1"


def parameter_value(doc: Any, param: dict[str, Any]) -> Any:
    if "example" in param:
        return param["example"]
    examples = param.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            example = resolve(doc, example)
            if isinstance(example, dict) and "value" in example:
                return example["value"]
    return schema_value(doc, param.get("schema", {}))


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def operation_parameters(doc: Any, path_item: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    """The path item's parameters overridden by the operation's, by (in, name)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        param = resolve(doc, raw)
        if isinstance(param, dict) and isinstance(param.get("name"), str) and isinstance(param.get("in"), str):
            merged[(param["in"], param["name"])] = param
    return list(merged.values())


def build_request(doc: Any, path: str, path_item: dict[str, Any], operation: dict[str, Any]) -> Request:
    """A GET of path with its path parameters and its required query and header parameters filled."""
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    filled = path
    for param in operation_parameters(doc, path_item, operation):
        where, name = param["in"], param["name"]
        if where != "path" and not param.get("required"):
            continue
        value = parameter_value(doc, param)
        if where == "path":
            text = ",".join(scalar(v) for v in value) if isinstance(value, list) else scalar(value)
            filled = filled.replace("{" + name + "}", urllib.parse.quote(text, safe=""))
        elif where == "query":
            if isinstance(value, list):
                if param.get("explode", param.get("style", "form") == "form"):
                    query.extend((name, scalar(v)) for v in value)
                else:
                    query.append((name, ",".join(scalar(v) for v in value)))
            elif isinstance(value, dict) and param.get("style") == "deepObject":
                query.extend((f"{name}[{k}]", scalar(v)) for k, v in value.items())
            else:
                query.append((name, scalar(value)))
        elif where == "header" and name.lower() not in ("authorization", "accept", "content-type"):
            headers[name] = scalar(value)
    filled = re.sub(r"\{[^}/]+\}", "1", filled)  # a path parameter the spec forgot to declare
    if query:
        filled += "?" + urllib.parse.urlencode(query)
    label = operation.get("operationId") or f"GET {path}"
    return Request(label=str(label), path=filled, headers=headers)


def get_operations(doc: Any) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(path, path item, operation) of every GET, in document order."""
    found: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    paths = doc.get("paths") if isinstance(doc, dict) else None
    for path, raw_item in (paths or {}).items():
        item = resolve(doc, raw_item)
        if isinstance(item, dict) and isinstance(item.get("get"), dict):
            found.append((str(path), item, item["get"]))
    return found


def base_path(doc: Any) -> str:
    """The path part of the first server URL, with its variables at their defaults ("" for none)."""
    servers = doc.get("servers") if isinstance(doc, dict) else None
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        if isinstance(variable, dict):
            url = url.replace("{" + str(name) + "}", str(variable.get("default", "")))
    return urllib.parse.urlsplit(url).path.rstrip("/")


def find_operation(doc: Any, operation_id: str) -> tuple[str, str] | None:
    for path, raw_item in (doc.get("paths") or {}).items():
        item = resolve(doc, raw_item)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return method.upper(), str(path)
    return None


def build_auth(doc: Any, operation: dict[str, Any], key: str) -> Auth:
    """The credentials the operation's first security requirement asks for, with the test key."""
    requirements = operation.get("security", doc.get("security", []))
    auth = Auth()
    if not isinstance(requirements, list) or not requirements or not isinstance(requirements[0], dict):
        return auth
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    said: list[str] = []
    for name in requirements[0]:
        scheme = resolve(doc, schemes.get(name, {}))
        if not isinstance(scheme, dict):
            continue
        kind = scheme.get("type")
        exchange = scheme.get("x-token-exchange")
        if kind == "apiKey" and isinstance(exchange, dict):
            target = find_operation(doc, str(exchange.get("operationId", "")))
            if target is not None:
                auth.exchange = Exchange(
                    scheme=name,
                    method=target[0],
                    path=target[1],
                    key_pointer=str(exchange.get("keyPointer", "/refresh_token")),
                    token_pointer=str(exchange.get("tokenPointer", "/token")),
                    header=str(scheme.get("name", "Authorization")),
                    prefix=str(exchange.get("headerPrefix", "")),
                )
                said.append(f"{name}: {target[0]} {target[1]} then {auth.exchange.header}: {auth.exchange.prefix} ...")
                continue
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            auth.headers["Authorization"] = "Basic " + base64.b64encode(f"{key}:".encode()).decode()
            said.append(f"{name}: Authorization: Basic")
        elif kind in ("http", "oauth2", "openIdConnect"):
            auth.headers["Authorization"] = f"Bearer {key}"
            said.append(f"{name}: Authorization: Bearer")
        elif kind == "apiKey":
            where, header = scheme.get("in"), str(scheme.get("name", "X-API-Key"))
            if where == "query":
                auth.query.append((header, key))
            elif where == "cookie":
                auth.headers["Cookie"] = f"{header}={key}"
            else:
                auth.headers[header] = key
            said.append(f"{name}: {where} {header}")
    auth.description = "; ".join(said) or "none"
    return auth


def undeclared_method(doc: Any, path: str) -> str:
    item = resolve(doc, (doc.get("paths") or {}).get(path, {}))
    declared = {m.upper() for m in METHODS if isinstance(item, dict) and m in item}
    return next((m for m in ("PUT", "PATCH", "DELETE", "POST") if m not in declared), "PUT")


def make_plan(vendor: str, args: argparse.Namespace) -> Plan:
    spec = (args.specs / f"{vendor}.yaml").resolve()
    if not spec.is_file():
        raise BenchError(f"no spec at {spec}")
    doc = load_spec(args.spec_python, spec, args.phase_timeout)
    operations = get_operations(doc)
    if not operations:
        raise BenchError(f"{spec.name} has no GET operation")
    first_path, _, first_op = operations[0]
    key = args.api_key or DEFAULT_KEYS.get(vendor, GENERIC_KEY)
    plan = Plan(
        vendor=vendor,
        spec=spec,
        base_path=base_path(doc),
        requests=[],
        undeclared_method=undeclared_method(doc, first_path),
        auth=build_auth(doc, first_op, key),
    )
    if args.request:
        plan.requests = [Request(label=path, path=path) for path in args.request]
    else:
        chosen = operations[:1] if args.paths == "first" else operations
        plan.requests = [build_request(doc, path, item, op) for path, item, op in chosen]
    for path, _, op in operations[1:]:
        if build_auth(doc, op, key).description != plan.auth.description:
            plan.notes.append(f"{op.get('operationId', path)} asks for other auth than the first GET; sent the same")
    return plan


def with_query(path: str, extra: Sequence[tuple[str, str]]) -> str:
    if not extra:
        return path
    return path + ("&" if "?" in path else "?") + urllib.parse.urlencode(list(extra))


# ---------------------------------------------------------------------------------------------------------------
# Servers: start, wait for the first answer, stop


class Server:
    """A server process in a session (and process group) of its own, its output in a log file."""

    def __init__(self, name: str, cmd: list[str], cwd: Path, log: Path) -> None:
        self.name = name
        self.cmd = cmd
        self.log = log
        self._out = log.open("wb")
        self.started = time.perf_counter()
        try:
            self.proc = subprocess.Popen(
                cmd,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=self._out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError:
            self._out.close()
            raise
        with _SERVERS_LOCK:
            _SERVERS.add(self)

    def stop(self) -> None:
        """SIGTERM to the whole group, SIGKILL after a grace period; idempotent."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=STOP_GRACE)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # also any child left behind by a leader that exited
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=STOP_GRACE)
        self._out.close()
        with _SERVERS_LOCK:
            _SERVERS.discard(self)

    def output(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


_SERVERS: set[Server] = set()
_SERVERS_LOCK = threading.Lock()


def stop_all() -> None:
    with _SERVERS_LOCK:
        running = list(_SERVERS)
    for server in running:
        server.stop()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def send(
    port: int, method: str, path: str, headers: dict[str, str], timeout: float, body: bytes | None = None
) -> tuple[int, bytes]:
    """One request on a new connection: (status, body). Raises OSError or http.client.HTTPException."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_first_answer(
    server: Server, port: int, path: str, headers: dict[str, str], timeout: float
) -> tuple[float, int]:
    """Poll until a GET of path gets any HTTP answer: (seconds since the process started, status)."""
    deadline = server.started + timeout
    last = "no connection accepted"
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise BenchError(f"no HTTP answer within {timeout:g}s ({last})")
        code = server.proc.poll()
        if code is not None:
            raise BenchError(f"exited with code {code} before answering")
        try:
            status, _ = send(port, "GET", path, headers, timeout=max(0.05, remaining))
        except (OSError, http.client.HTTPException) as exc:
            last = f"{type(exc).__name__}: {exc}"
            time.sleep(0.01)
            continue
        return time.perf_counter() - server.started, status


def session_pids(sid: int) -> list[int]:
    """The processes of a session (Linux /proc); [] where /proc is not there."""
    pids: list[int] = []
    proc = Path("/proc")
    if not proc.is_dir():
        return pids
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 3 and fields[3] == str(sid):
            pids.append(int(entry.name))
    return pids


def server_usage(sid: int) -> tuple[float, float]:
    """(CPU seconds, resident MiB) of every process of the session, from /proc; nan without /proc."""
    pids = session_pids(sid)
    if not pids:
        return math.nan, math.nan
    ticks = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    cpu = 0.0
    rss = 0.0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        cpu += (int(fields[11]) + int(fields[12])) / ticks
        rss += int(fields[21]) * page / 2**20
    return cpu, rss


# ---------------------------------------------------------------------------------------------------------------
# The load


@dataclass
class Load:
    """What the workers saw in the measured window."""

    answered: int = 0
    warmup_answered: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    by_request: dict[str, Counter[int]] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    closed_by_server: int = 0
    client_cpu: float = 0.0
    server_cpu: float = math.nan
    elapsed: float = 0.0
    stuck_workers: int = 0


def worker(
    index: int,
    port: int,
    requests: Sequence[tuple[str, str, dict[str, str]]],
    window: tuple[float, float],
    timeout: float,
    stop: threading.Event,
    out: Load,
) -> None:
    warm_end, end = window
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    position = index % len(requests)
    try:
        while not stop.is_set():
            label, path, headers = requests[position]
            position = (position + 1) % len(requests)
            began = time.perf_counter()
            if began >= end:
                break
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    out.closed_by_server += 1
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                if warm_end <= time.perf_counter() <= end:
                    out.errors[type(exc).__name__] += 1
                if isinstance(exc, ConnectionRefusedError):
                    time.sleep(0.05)  # the server is gone: do not spin
                continue
            done = time.perf_counter()
            if done < warm_end:
                out.warmup_answered += 1
            elif done <= end:
                out.answered += 1
                out.statuses[status] += 1
                out.by_request.setdefault(label, Counter())[status] += 1
                out.latencies.append(done - began)
    finally:
        conn.close()


def run_load(
    port: int,
    requests: Sequence[tuple[str, str, dict[str, str]]],
    concurrency: int,
    warmup: float,
    duration: float,
    timeout: float,
    server_cpu: Callable[[], float],
) -> Load:
    """concurrency threads, one keep-alive connection each, for warmup + duration seconds."""
    stop = threading.Event()
    parts = [Load() for _ in range(concurrency)]
    start = time.perf_counter()
    window = (start + warmup, start + warmup + duration)
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    threads = [
        threading.Thread(
            target=worker, args=(i, port, requests, window, timeout, stop, parts[i]), name=f"load-{i}", daemon=True
        )
        for i in range(concurrency)
    ]
    try:
        for thread in threads:
            thread.start()
        # The server's CPU over the measured window only: sampled at its two ends.
        time.sleep(max(0.0, window[0] - time.perf_counter()))
        cpu_start = server_cpu()
        time.sleep(max(0.0, window[1] - time.perf_counter()))
        cpu_end = server_cpu()
        hard_end = window[1] + timeout + 2.0
        for thread in threads:
            thread.join(max(0.0, hard_end - time.perf_counter()))
    finally:
        stop.set()
    usage_after = resource.getrusage(resource.RUSAGE_SELF)
    total = Load()
    total.elapsed = time.perf_counter() - start
    total.client_cpu = (usage_after.ru_utime + usage_after.ru_stime) - (usage_before.ru_utime + usage_before.ru_stime)
    total.server_cpu = cpu_end - cpu_start
    total.stuck_workers = sum(thread.is_alive() for thread in threads)
    for part in parts:
        total.answered += part.answered
        total.warmup_answered += part.warmup_answered
        total.errors.update(part.errors)
        total.statuses.update(part.statuses)
        for label, counts in part.by_request.items():
            total.by_request.setdefault(label, Counter()).update(counts)
        total.latencies.extend(part.latencies)
        total.closed_by_server += part.closed_by_server
    return total


# ---------------------------------------------------------------------------------------------------------------
# One server on one vendor


@dataclass
class Record:
    """Everything measured for one vendor and one server."""

    vendor: str
    server: str
    version: str
    command: list[str]
    port: int = 0
    error: str = ""
    startup_seconds: float = math.nan
    startup_status: int | None = None
    base_path: str = ""
    base_path_probe: dict[str, int | str] = field(default_factory=dict)
    auth: str = ""
    auth_note: str = ""
    requests: list[str] = field(default_factory=list)
    concurrency: int = 0
    duration: float = 0.0
    warmup: float = 0.0
    answered: int = 0
    warmup_answered: int = 0
    rps: float = math.nan
    p50_ms: float = math.nan
    p90_ms: float = math.nan
    p99_ms: float = math.nan
    max_ms: float = math.nan
    statuses: dict[str, int] = field(default_factory=dict)
    statuses_by_request: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    closed_by_server: int = 0
    stuck_workers: int = 0
    client_cpu_share: float = math.nan
    server_cpu_seconds: float = math.nan
    server_rss_mib: float = math.nan
    log_problems: int = 0
    log_problem_lines: list[str] = field(default_factory=list)
    log_tail: str = ""

    @property
    def ok_share(self) -> float:
        ok = sum(n for status, n in self.statuses.items() if status.startswith("2"))
        return ok / self.answered if self.answered else math.nan

    @property
    def rps_per_cpu(self) -> float:
        if math.isnan(self.server_cpu_seconds) or self.server_cpu_seconds <= 0:
            return math.nan
        return self.answered / self.server_cpu_seconds

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok_share"] = self.ok_share
        data["rps_per_server_cpu_second"] = self.rps_per_cpu
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in data.items()}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def json_pointer_set(pointer: str, value: Any) -> Any:
    """A JSON document that holds value at pointer (objects only)."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    for part in reversed(parts):
        value = {part: value}
    return value


def json_pointer_get(doc: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(doc, dict) and part in doc:
            doc = doc[part]
        elif isinstance(doc, list) and part.isdigit() and int(part) < len(doc):
            doc = doc[int(part)]
        else:
            return None
    return doc


def exchange_token(port: int, prefix_path: str, exchange: Exchange, key: str, timeout: float) -> tuple[str, str]:
    """Trade the key for a token: (header value, note). Falls back to the key itself when the exchange fails."""
    body = json.dumps(json_pointer_set(exchange.key_pointer, key)).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    fallback = f"{exchange.prefix} {key}".strip()
    try:
        status, raw = send(port, exchange.method, prefix_path + exchange.path, headers, timeout, body)
    except (OSError, http.client.HTTPException) as exc:
        return fallback, f"token exchange failed ({type(exc).__name__}: {exc}); sent the key itself"
    token = None
    with contextlib.suppress(ValueError):
        token = json_pointer_get(json.loads(raw), exchange.token_pointer)
    if not 200 <= status < 300 or not isinstance(token, str) or not token:
        return fallback, f"token exchange answered {status} without a token at {exchange.token_pointer}; sent the key"
    return f"{exchange.prefix} {token}".strip(), f"token exchange answered {status}"


def detect_base_path(
    port: int, plan: Plan, headers: dict[str, str], timeout: float
) -> tuple[str, dict[str, int | str]]:
    """Where the server serves the spec's paths: at the root, or under the server URL's base path."""
    candidates = [""] + ([plan.base_path] if plan.base_path else [])
    probe: dict[str, int | str] = {}
    first = plan.requests[0]
    for prefix in candidates:
        try:
            status, _ = send(port, "GET", prefix + first.path, headers | first.headers, timeout)
        except (OSError, http.client.HTTPException) as exc:
            probe[f"GET {prefix or '/'}"] = type(exc).__name__
            continue
        probe[f"GET {prefix or '/'}"] = status
        if status != 404:
            return prefix, probe
    if len(candidates) > 1:
        for prefix in candidates:
            try:
                status, _ = send(port, plan.undeclared_method, prefix + first.path, headers, timeout)
            except (OSError, http.client.HTTPException) as exc:
                probe[f"{plan.undeclared_method} {prefix or '/'}"] = type(exc).__name__
                continue
            probe[f"{plan.undeclared_method} {prefix or '/'}"] = status
            if status == 405:
                return prefix, probe
    return "", probe


def log_problems(text: str) -> tuple[int, list[str]]:
    """How many lines of a server's log look like warnings or errors, and the first few distinct ones."""
    count = 0
    distinct: list[str] = []
    for line in text.splitlines():
        if not LOG_PROBLEM.search(line):
            continue
        count += 1
        clean = TIMESTAMP.sub("", line.strip())[:240]
        if clean not in distinct and len(distinct) < 5:
            distinct.append(clean)
    return count, distinct


def measure_server(
    name: str,
    version: str,
    cmd_for_port: Callable[[int], list[str]],
    plan: Plan,
    key: str,
    args: argparse.Namespace,
    work: Path,
) -> Record:
    """Start one server, time its first answer, load it, stop it."""
    port = free_port()
    cmd = cmd_for_port(port)
    record = Record(vendor=plan.vendor, server=name, version=version, command=cmd, port=port)
    record.concurrency, record.duration, record.warmup = args.concurrency, args.duration, args.warmup
    log = work / f"{plan.vendor}-{name}.log"
    print(f"{plan.vendor}: starting {name} on {HOST}:{port}", file=sys.stderr, flush=True)
    try:
        server = Server(name, cmd, REPO, log)
    except OSError as exc:
        record.error = f"could not start: {type(exc).__name__}: {exc}"
        return record
    try:
        first = plan.requests[0]
        static = dict(plan.auth.headers)
        if plan.auth.exchange is not None:  # no token yet: any credential of the right shape (any status counts)
            static[plan.auth.exchange.header] = f"{plan.auth.exchange.prefix} {key}".strip()
        startup_path = with_query(first.path, plan.auth.query)
        record.startup_seconds, record.startup_status = wait_first_answer(
            server, port, startup_path, static | first.headers, args.startup_timeout
        )
        print(
            f"{plan.vendor}: {name} answered {record.startup_status} after {record.startup_seconds:.2f}s",
            file=sys.stderr,
            flush=True,
        )
        headers = dict(static)
        record.auth = plan.auth.description
        if plan.auth.exchange is not None:
            # The base path is not known yet: try the exchange at the root, then under the base path.
            value, note = exchange_token(port, "", plan.auth.exchange, key, args.request_timeout)
            if "answered 404" in note and plan.base_path:
                value, note = exchange_token(port, plan.base_path, plan.auth.exchange, key, args.request_timeout)
            headers[plan.auth.exchange.header] = value
            record.auth_note = note
        record.base_path, record.base_path_probe = detect_base_path(port, plan, headers, args.request_timeout)
        requests = [
            (r.label, with_query(record.base_path + r.path, plan.auth.query), headers | r.headers)
            for r in plan.requests
        ]
        record.requests = [path for _, path, _ in requests]
        pid = server.proc.pid
        load = run_load(
            port,
            requests,
            args.concurrency,
            args.warmup,
            args.duration,
            args.request_timeout,
            lambda: server_usage(pid)[0],
        )
        record.server_cpu_seconds = load.server_cpu
        record.server_rss_mib = server_usage(pid)[1]
        record.answered, record.warmup_answered = load.answered, load.warmup_answered
        record.rps = load.answered / args.duration
        record.p50_ms = percentile(load.latencies, 0.5) * 1000
        record.p90_ms = percentile(load.latencies, 0.9) * 1000
        record.p99_ms = percentile(load.latencies, 0.99) * 1000
        record.max_ms = max(load.latencies, default=math.nan) * 1000
        record.statuses = {str(k): v for k, v in sorted(load.statuses.items())}
        record.statuses_by_request = {
            label: {str(k): v for k, v in sorted(counts.items())} for label, counts in load.by_request.items()
        }
        record.errors = dict(load.errors)
        record.closed_by_server = load.closed_by_server
        record.stuck_workers = load.stuck_workers
        record.client_cpu_share = load.client_cpu / load.elapsed if load.elapsed else math.nan
        if server.proc.poll() is not None:
            record.error = f"exited with code {server.proc.returncode} during the load"
    except BenchError as exc:
        record.error = str(exc)
    finally:
        server.stop()
        text = server.output()
        record.log_problems, record.log_problem_lines = log_problems(text)
        record.log_tail = text[-TAIL_CHARS:]
    if record.error:
        print(f"{plan.vendor}: {name}: {record.error}", file=sys.stderr, flush=True)
    return record


# ---------------------------------------------------------------------------------------------------------------
# The two servers: ours and Prism


def run_bounded(cmd: Sequence[str], timeout: float, cwd: Path | None = None) -> tuple[int | None, str]:
    """Run cmd in a session of its own, killing its whole group on timeout or Ctrl-C: (exit code, output)."""
    try:
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    except OSError as exc:
        return None, f"{type(exc).__name__}: {exc}"
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return None, out.decode(errors="replace") + f"\n(stopped after {timeout:g}s)"
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # anything it left running in its group
    return proc.returncode, out.decode(errors="replace")


def find_ours(args: argparse.Namespace) -> tuple[str, str]:
    """(version, "") if `testrelay mock` is there with the options we use, else ("", why not)."""
    exe = str(args.testrelay)
    code, text = run_bounded([exe, "mock", "--help"], args.phase_timeout, REPO)
    if code != 0:
        why = "not found" if code is None and "FileNotFoundError" in text else f"exit {code}"
        last = text.strip().splitlines()[-1:] or [""]
        return "", f"`{exe} mock --help` failed ({why}): {last[0][:200]}; is the mock command there yet?"
    missing = [option for option in ("--host", "--port", "--api-key") if option not in text]
    if missing:
        return "", f"`{exe} mock --help` lists no {', '.join(missing)}"
    _, version = run_bounded([exe, "--version"], args.phase_timeout, REPO)
    lines = version.strip().splitlines()
    return (lines[-1] if lines else "?"), ""


def find_prism(args: argparse.Namespace, work: Path) -> tuple[Path | None, str, str]:
    """(prism executable, version, "") after installing it if needed, else (None, "", why not)."""
    folder = (args.prism_dir.expanduser() if args.prism_dir else work / "prism").resolve()
    exe = folder / "node_modules" / ".bin" / "prism"
    if not exe.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None, "", "npm is not on PATH: cannot install Prism"
        folder.mkdir(parents=True, exist_ok=True)
        print(f"installing {args.prism_package} into {folder} with npm", file=sys.stderr, flush=True)
        cmd = [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", args.prism_package]
        code, text = run_bounded(cmd, args.install_timeout, folder)
        if code != 0 or not exe.exists():
            tail = " | ".join(text.strip().splitlines()[-3:])
            return None, "", f"`npm install {args.prism_package}` failed (exit {code}): {tail[:400]}"
    code, text = run_bounded([str(exe), "--version"], args.phase_timeout)
    if code != 0:
        return None, "", f"`{exe} --version` failed (exit {code}): {text.strip()[-300:]}"
    _, node = run_bounded(["node", "--version"], args.phase_timeout)
    return exe, f"{text.strip()} (node {node.strip()})", ""


# ---------------------------------------------------------------------------------------------------------------
# The report


def fmt(value: float, unit: str = "", digits: int = 1) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}{unit}"


def ratio(a: float, b: float) -> float:
    return math.nan if math.isnan(a) or math.isnan(b) or b == 0 else a / b


def status_mix(record: Record) -> str:
    parts = [f"{status}:{count}" for status, count in record.statuses.items()]
    parts += [f"{kind}:{count}" for kind, count in sorted(record.errors.items())]
    text = " ".join(parts) or "-"
    if record.answered and record.ok_share < 0.5:
        text += f"  (only {100 * record.ok_share:.0f}% 2xx)"
    return text


def print_vendor(plan: Plan, records: Sequence[Record]) -> None:
    print()
    print(f"== {plan.vendor} ({plan.spec.relative_to(REPO) if plan.spec.is_relative_to(REPO) else plan.spec})")
    print(f"   requests: {', '.join(r.label for r in plan.requests)}; auth: {plan.auth.description}")
    head = (
        f"   {'server':<6} {'startup':>8} {'rps':>8} {'p50':>8} {'p99':>8} {'srv cpu':>8} "
        f"{'rps/cpu':>8} {'rss':>7} {'client cpu':>10}  status mix"
    )
    print(head)
    print("   " + "-" * (len(head) - 3))
    for r in records:
        if r.error and math.isnan(r.rps):
            print(f"   {r.server:<6} {fmt(r.startup_seconds, 's', 2):>8} failed: {r.error}")
            continue
        print(
            f"   {r.server:<6} {fmt(r.startup_seconds, 's', 2):>8} {fmt(r.rps):>8} {fmt(r.p50_ms, 'ms'):>8} "
            f"{fmt(r.p99_ms, 'ms'):>8} {fmt(r.server_cpu_seconds, 's', 2):>8} {fmt(r.rps_per_cpu, '', 0):>8} "
            f"{fmt(r.server_rss_mib, 'M', 0):>7} {fmt(100 * r.client_cpu_share, '%', 0):>10}  {status_mix(r)}"
        )
    for r in records:
        notes = []
        if r.base_path:
            notes.append(f"served under {r.base_path}")
        if r.auth_note:
            notes.append(r.auth_note)
        if r.closed_by_server:
            notes.append(f"closed the connection after {r.closed_by_server} answers (no keep-alive?)")
        busy = r.server_cpu_seconds / r.duration if r.duration else math.nan
        if busy < 0.5 and r.p50_ms > 20:
            notes.append(
                f"used {100 * busy:.0f}% of a core while p50 was {r.p50_ms:.0f} ms: it waited rather than worked "
                "(a ~40 ms floor on keep-alive is the Nagle/delayed-ACK stall of a socket without TCP_NODELAY)"
            )
        if r.client_cpu_share > 0.8:
            notes.append(
                f"the load generator used {100 * r.client_cpu_share:.0f}% of a core: it may be what limits this rps"
            )
        if r.stuck_workers:
            notes.append(f"{r.stuck_workers} workers still waiting at the end")
        if r.error and not math.isnan(r.rps):
            notes.append(r.error)
        if r.log_problems:
            notes.append(f"{r.log_problems} warning/error lines in its log, e.g. {r.log_problem_lines[0]!r}")
        if notes:
            print(f"   {r.server}: " + "; ".join(notes))
    for note in plan.notes:
        print(f"   note: {note}")
    by_server = {r.server: r for r in records}
    ours, prism = by_server.get(OURS), by_server.get(PRISM)
    if ours and prism:
        throughput = ratio(ours.rps, prism.rps)
        startup = ratio(ours.startup_seconds, prism.startup_seconds)
        verdict = "-" if math.isnan(throughput) else ("met" if throughput >= THROUGHPUT_TARGET else "NOT met")
        print(
            f"   ours/prism: throughput {fmt(throughput, 'x', 2)} (target >= {THROUGHPUT_TARGET:g}x: {verdict}), "
            f"startup {fmt(startup, 'x', 2)} (below 1 = ours starts faster), "
            f"p99 {fmt(ratio(ours.p99_ms, prism.p99_ms), 'x', 2)}, "
            f"rps per server CPU second {fmt(ratio(ours.rps_per_cpu, prism.rps_per_cpu), 'x', 2)}"
        )
        if ours.answered and prism.answered and abs(ours.ok_share - prism.ok_share) > 0.2:
            print(
                f"   NOTE: the servers answered different mixes (2xx: ours {100 * ours.ok_share:.0f}%, "
                f"prism {100 * prism.ok_share:.0f}%): the throughputs compare different work"
            )


def print_summary(records: Sequence[Record], vendors: Sequence[str]) -> None:
    print()
    print("summary, ours/prism (throughput target >= 2x; startup below 1 = ours faster)")
    for vendor in vendors:
        pair = {r.server: r for r in records if r.vendor == vendor}
        ours, prism = pair.get(OURS), pair.get(PRISM)
        if ours is None or prism is None:
            continue
        print(
            f"   {vendor:<11} throughput {fmt(ratio(ours.rps, prism.rps), 'x', 2):>7}   "
            f"startup {fmt(ratio(ours.startup_seconds, prism.startup_seconds), 'x', 2):>7}"
        )


# ---------------------------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark `testrelay mock` against Prism on the vendor specs (127.0.0.1 only).",
        epilog="Servers run one at a time; compare numbers within one run.",
    )
    parser.add_argument(
        "--vendor",
        action="append",
        choices=VENDORS,
        metavar="VENDOR",
        help=f"repeatable; default all: {' '.join(VENDORS)}",
    )
    parser.add_argument(
        "--specs", type=Path, default=REPO / "specs", help="folder of VENDOR.yaml (default: %(default)s)"
    )
    parser.add_argument("--api-key", metavar="KEY", help="test key for every vendor (default: one of its form)")
    parser.add_argument(
        "--paths",
        choices=("all", "first"),
        default="all",
        help="load with every GET operation round robin (default) or the first only",
    )
    parser.add_argument(
        "--request",
        action="append",
        metavar="PATH",
        help="GET this path (with query) instead, as the spec writes it; repeatable; needs one --vendor",
    )
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent workers (default: %(default)s)")
    parser.add_argument("--duration", type=float, default=5.0, help="measured seconds of load (default: %(default)s)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of load not counted (default: %(default)s)")
    parser.add_argument("--startup-timeout", type=float, default=60.0, help="seconds to the first answer")
    parser.add_argument("--request-timeout", type=float, default=10.0, help="seconds per request")
    parser.add_argument("--phase-timeout", type=float, default=60.0, help="seconds for --help, --version, spec reads")
    parser.add_argument("--install-timeout", type=float, default=600.0, help="seconds for npm install")
    parser.add_argument("--spec-python", default=sys.executable, metavar="PATH", help="interpreter with PyYAML")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every raw record here")
    parser.add_argument("--workdir", type=Path, help="for logs and Prism (default: a temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (server logs)")
    ours = parser.add_argument_group("ours")
    ours.add_argument("--skip-ours", action="store_true", help="run Prism alone")
    ours.add_argument(
        "--testrelay",
        type=Path,
        default=Path(sys.executable).parent / "testrelay",
        metavar="PATH",
        help="our CLI (default: the testrelay beside this interpreter)",
    )
    prism = parser.add_argument_group("Prism")
    prism.add_argument("--skip-prism", action="store_true", help="run ours alone")
    prism.add_argument("--prism-dir", type=Path, metavar="DIR", help="install Prism here and reuse it if there")
    prism.add_argument(
        "--prism-package", default=PRISM_PACKAGE, metavar="SPEC", help="what npm installs (pin: NAME@5.14.2)"
    )
    prism.add_argument("--prism-dynamic", action="store_true", help="run Prism with -d (responses from the schemas)")
    prism.add_argument(
        "--prism-arg", action="append", default=[], metavar="ARG", help="more for `prism mock`, as --prism-arg=--x=y"
    )
    args = parser.parse_args(argv)
    args.vendor = list(dict.fromkeys(args.vendor or VENDORS))
    if args.concurrency < 1:
        parser.error("--concurrency must be at least 1")
    if args.duration <= 0 or args.warmup < 0:
        parser.error("--duration must be positive and --warmup not negative")
    if args.request and len(args.vendor) != 1:
        parser.error("--request needs exactly one --vendor")
    if args.request and not all(path.startswith("/") for path in args.request):
        parser.error("--request paths start with /")
    if args.skip_ours and args.skip_prism:
        parser.error("nothing to run: both --skip-ours and --skip-prism")
    return args


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)  # stop the servers on `kill` too
    work = (args.workdir or Path(tempfile.mkdtemp(prefix="testrelay-mockbench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        return run_all(args, work)
    except KeyboardInterrupt:
        print("interrupted: stopping the servers", file=sys.stderr)
        return 130
    finally:
        stop_all()
        if args.workdir is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep:
            print(f"logs kept in {work}", file=sys.stderr)


def run_all(args: argparse.Namespace, work: Path) -> int:
    versions: dict[str, str] = {}
    skipped: dict[str, str] = {}
    prism_exe: Path | None = None
    if not args.skip_ours:
        version, why = find_ours(args)
        if why:
            skipped[OURS] = why
            print(f"mock.py: skipping ours: {why}", file=sys.stderr)
        else:
            versions[OURS] = version
    if not args.skip_prism:
        prism_exe, version, why = find_prism(args, work)
        if why:
            skipped[PRISM] = why
            print(f"mock.py: skipping Prism: {why}", file=sys.stderr)
        else:
            versions[PRISM] = version
    if not versions:
        print("mock.py: neither server can run; nothing measured", file=sys.stderr)
        return 2

    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    for name, version in versions.items():
        print(f"{name}: {version}")
    for name, why in skipped.items():
        print(f"{name}: SKIPPED: {why}")
    print(
        f"load: {args.concurrency} workers, keep-alive, {args.warmup:g}s warm-up + {args.duration:g}s measured, "
        f"{'every GET' if args.paths == 'all' and not args.request else 'chosen GETs'} round robin, on {HOST}"
    )

    records: list[Record] = []
    plans: list[Plan] = []
    failed = 0
    for vendor in args.vendor:
        try:
            plan = make_plan(vendor, args)
        except BenchError as exc:
            print(f"\n== {vendor}: {exc}")
            failed += 1
            continue
        plans.append(plan)
        key = args.api_key or DEFAULT_KEYS.get(vendor, GENERIC_KEY)
        spec = str(plan.spec)
        vendor_records: list[Record] = []
        if OURS in versions:
            exe = str(args.testrelay)

            def ours_cmd(port: int, vendor: str = vendor, key: str = key, exe: str = exe) -> list[str]:
                return [exe, "mock", vendor, "--host", HOST, "--port", str(port), "--api-key", key, "--quiet"]

            vendor_records.append(measure_server(OURS, versions[OURS], ours_cmd, plan, key, args, work))
        if prism_exe is not None:
            extra = (["-d"] if args.prism_dynamic else []) + list(args.prism_arg)
            prism_path = str(prism_exe)

            def prism_cmd(port: int, spec: str = spec, extra: list[str] = extra, exe: str = prism_path) -> list[str]:
                return [exe, "mock", spec, "--host", HOST, "--port", str(port), *extra]

            vendor_records.append(measure_server(PRISM, versions[PRISM], prism_cmd, plan, key, args, work))
        failed += sum(bool(r.error) for r in vendor_records)
        records.extend(vendor_records)
        print_vendor(plan, vendor_records)
    if len(plans) > 1 and len(versions) == 2:
        print_summary(records, [p.vendor for p in plans])

    if args.json:
        meta = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "host": HOST,
            "concurrency": args.concurrency,
            "duration": args.duration,
            "warmup": args.warmup,
            "paths": args.paths,
            "prism_dynamic": args.prism_dynamic,
            "prism_args": args.prism_arg,
            "versions": versions,
            "skipped": skipped,
            "plans": [
                {
                    "vendor": p.vendor,
                    "spec": str(p.spec),
                    "server_base_path": p.base_path,
                    "auth": p.auth.description,
                    "requests": [asdict(r) for r in p.requests],
                    "notes": p.notes,
                }
                for p in plans
            ],
        }
        args.json.write_text(
            json.dumps({"meta": meta, "records": [r.to_json() for r in records]}, indent=1), encoding="utf-8"
        )
        print(f"raw records: {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
