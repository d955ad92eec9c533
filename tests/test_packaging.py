"""What installing testrelay means, checked in this environment: extras, missing-extra messages, packaged specs,
cheap client imports, the `x-placeholder` extension. tests/test_wheel.py checks the same from real installs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import extras
from generator.cli import main
from generator.spec.check import check_file
from generator.spec.load import spec_path, vendor_spec, vendor_specs
from tests.conftest import MINIMAL, REPO

VENDORS = ["doksi", "kapptivate", "octomind", "qualigate", "testmo"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_base_install_depends_on_httpx_and_pydantic_only() -> None:
    base = [line for line in metadata.requires("testrelay") or [] if "extra ==" not in line]
    assert sorted(_normal(re.split(r"[<>=!~; \[]", line, maxsplit=1)[0]) for line in base) == ["httpx", "pydantic"]


def test_each_extra_brings_what_its_commands_import() -> None:
    mock = {_normal(n) for n in extras.requirements("mock")}
    codegen = {_normal(n) for n in extras.requirements("codegen")}
    assert {"click", "starlette", "uvicorn", "pyjwt", "pyyaml", "jsonschema", "pytest"} <= mock
    assert {"click", "jinja2", "datamodel-code-generator", "ruff", "openapi-spec-validator"} <= codegen
    assert not {"datamodel-code-generator", "ruff", "jinja2"} & mock
    assert not {"starlette", "uvicorn"} & codegen
    assert mock | codegen <= {_normal(n) for n in extras.requirements("all")}
    assert {_normal(n) for n in extras.requirements("all")} <= {_normal(n) for n in extras.requirements("dev")}


def test_exact_pins_live_only_in_the_codegen_extra() -> None:
    pinned = [line for line in metadata.requires("testrelay") or [] if "==" in line.partition(";")[0]]
    assert pinned, "the generator's exact pins are gone: is the metadata read?"
    assert all(re.search(r"""extra\s*==\s*['"]codegen['"]""", line) for line in pinned), pinned


def test_a_command_without_its_extra_says_which_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "missing", lambda extra: ["starlette"] if extra == "mock" else [])
    result = CliRunner().invoke(main, ["mock", "qualigate"])
    assert result.exit_code == 2
    assert result.output == (
        "testrelay: testrelay mock needs the [mock] extra (starlette not installed): pip install 'testrelay[mock]'\n"
    )


def test_an_import_failing_inside_a_command_names_the_extra() -> None:
    expected = r"needs the \[codegen\] extra \(jinja2 not installed\)"
    with pytest.raises(extras.MissingExtra, match=expected), extras.guarded("codegen", "testrelay generate"):
        raise ModuleNotFoundError("No module named 'jinja2'", name="jinja2")
    with pytest.raises(ModuleNotFoundError), extras.guarded("codegen", "testrelay generate"):
        raise ModuleNotFoundError("No module named 'generator.nope'", name="generator.nope")


def test_the_console_script_works_without_click() -> None:
    """Blocking `click` stands in for a base install: the script names the command's extra, no traceback."""
    code = "import sys; sys.modules['click'] = None; sys.argv = ['testrelay', *sys.argv[1:]]; "
    code += "from generator.entry import main; main()"
    for args, extra in ((["mock", "qualigate"], "mock"), (["--help"], "cli"), (["check"], "codegen")):
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"testrelay: {'testrelay ' + args[0] if extra != 'cli' else 'the testrelay command line'} needs the [{extra}] extra "
            f"(click not installed): pip install 'testrelay[{extra}]'"
        ]


def test_vendor_specs_are_package_data() -> None:
    shipped = vendor_specs()
    assert list(shipped) == VENDORS
    for vendor, path in shipped.items():
        assert path.samefile(REPO / "specs" / f"{vendor}.yaml")  # the editable install maps specs/ there
        assert spec_path(vendor) == path
        assert vendor_spec(path) == vendor
    assert spec_path("my/own.yaml") == Path("my/own.yaml")


def test_vendor_spec_is_only_the_shipped_file(tmp_path: Path) -> None:
    copy = tmp_path / "qualigate.yaml"
    copy.write_bytes((REPO / "specs" / "qualigate.yaml").read_bytes())
    assert vendor_spec(copy) is None
    assert vendor_spec(tmp_path / "absent.yaml") is None


def test_check_takes_vendor_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "qualigate", "testmo"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no problems\n") and result.output.startswith("2 specs, ")
    unknown = CliRunner().invoke(main, ["check", "qualigat"])
    assert unknown.exit_code == 2
    assert "no spec for 'qualigat': give a spec file or a vendor (doksi, kapptivate, octomind, qualigate, testmo)" in (
        unknown.output
    )


def test_generated_suites_find_shipped_specs_by_name() -> None:
    for vendor in VENDORS:
        suite = (REPO / "generated" / vendor / "test_contract.py").read_text(encoding="utf-8")
        assert f'\nSPEC = "{vendor}"\n' in suite, vendor
        assert "specs/" not in suite, vendor


HEAVY = ["click", "rich", "jinja2", "yaml", "starlette", "uvicorn", "jsonschema", "pytest", "datamodel_code_generator"]
LOADED = """\
import importlib, json, sys
import httpx, pydantic  # the baseline: httpx itself loads click and rich when they happen to be installed
before = set(sys.modules)
for vendor in sys.argv[1:]:
    importlib.import_module(f"generated.{vendor}")
loaded = {name.partition(".")[0] for name in set(sys.modules) - before}
print(json.dumps(sorted(n for n in loaded - set(sys.stdlib_module_names) if not n.startswith("_sysconfigdata"))))
"""


def _closure(*names: str) -> set[str]:
    """The import names of these distributions and of everything they require (extras left out)."""
    seen: set[str] = set()
    todo = [_normal(n) for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            required = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_normal(re.split(r"[<>=!~; \[(]", r, maxsplit=1)[0]) for r in required if "extra ==" not in r]
    modules = {"generator", "generated"}
    for module, dists in metadata.packages_distributions().items():
        if any(_normal(d) in seen for d in dists):
            modules.add(module)
    return modules


def test_importing_the_clients_loads_httpx_and_pydantic_only() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *VENDORS], cwd=REPO, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    assert loaded <= _closure("httpx", "pydantic"), sorted(loaded - _closure("httpx", "pydantic"))
    assert {"generator", "generated"} <= loaded


WithServers = Callable[[str], Path]


@pytest.fixture
def with_servers(write_spec: Callable[..., Path]) -> WithServers:
    def write(variable: str) -> Path:
        servers = 'servers:\n  - url: "https://{tenant}.example.com/v1"\n    variables:\n      tenant:\n'
        servers += "".join(f"        {line}\n" for line in variable.splitlines())
        return write_spec(MINIMAL.replace("security:\n", servers + "security:\n", 1))

    return write


def test_check_accepts_a_declared_placeholder(with_servers: WithServers) -> None:
    assert check_file(with_servers("default: your_tenant\nx-placeholder: true")).problems == []
    assert check_file(with_servers("default: acme")).problems == []


def test_check_rejects_a_default_that_cannot_fill_its_place(with_servers: WithServers) -> None:
    path = with_servers("default: your_tenant")
    assert [str(p) for p in check_file(path, "spec.yaml").problems] == [
        "spec.yaml:9: /servers/0/variables/tenant/default: default 'your_tenant' cannot fill its place in "
        "'https://{tenant}.example.com/v1': give a real one or mark it x-placeholder"
    ]


def test_check_enforces_the_placeholder_schema_and_place(
    with_servers: WithServers, write_spec: Callable[..., Path]
) -> None:
    wrong_type = check_file(with_servers("default: acme\nx-placeholder: 'yes'"), "spec.yaml").problems
    assert [p.pointer for p in wrong_type] == ["/servers/0/variables/tenant/x-placeholder"]
    misplaced = write_spec(
        MINIMAL.replace(
            "operationId: getRun\n      summary", "operationId: getRun\n      x-placeholder: true\n      summary"
        )
    )
    problems = [str(p) for p in check_file(misplaced, "spec.yaml").problems]
    assert len(problems) == 1 and "x-placeholder belongs on a serverVariable object, not here" in problems[0]
