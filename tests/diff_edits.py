"""Edits a vendor could make to the five specs, each with the level `testrelay diff` should give it.

Each edit changes a copy of a vendor spec as the vendor's own documents would: when a field goes,
it goes from the examples too; when a request needs a new field, the examples send it. `wire` says
whether the change shows on the wire at all: an operationId or server variable renamed changes the
generated Python names only, so no contract test run against a mock can show it.

Used by tests/test_diff_prove.py (a subset, in CI) and bench/diff_prove.py (all of them).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diff.resolve import SpecText
from generator.spec.load import load_file

SPECS = Path(__file__).resolve().parent.parent / "specs"
Data = dict[str, Any]


@dataclass(frozen=True)
class VendorEdit:
    name: str
    vendor: str
    level: str
    """The highest level its findings must have: ERR, WARN or INFO."""
    change: Callable[[Data], None]
    wire: bool = True

    def texts(self) -> tuple[SpecText, SpecText]:
        path = SPECS / f"{self.vendor}.yaml"
        data = copy.deepcopy(load_file(path).data)
        self.change(data)
        old = SpecText(f"specs/{self.vendor}.yaml", self.vendor, path.read_text(encoding="utf-8"))
        return old, SpecText(f"edited/{self.vendor}.json", self.vendor, json.dumps(data, indent=2))


def _examples(node: Any) -> list[Any]:
    """Every example value in the document (media types, parameters, schemas)."""
    found: list[Any] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "example":
                found.append(value)
            elif key == "examples" and isinstance(value, dict):
                found += [v["value"] for v in value.values() if isinstance(v, dict) and "value" in v]
            else:
                found += _examples(value)
    elif isinstance(node, list):
        for value in node:
            found += _examples(value)
    return found


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(o for v in value.values() for o in _objects(v))]
    if isinstance(value, list):
        return [o for v in value for o in _objects(v)]
    return []


def in_examples(data: Data, has: set[str], change: Callable[[dict[str, Any]], None]) -> None:
    """Applies `change` to every object in the examples that has all the keys `has`."""
    for example in _examples(data):
        for obj in _objects(example):
            if has <= obj.keys():
                change(obj)


def schemas(data: Data) -> dict[str, Any]:
    found: dict[str, Any] = data["components"]["schemas"]
    return found


def op(data: Data, path: str, method: str) -> dict[str, Any]:
    found: dict[str, Any] = data["paths"][path][method]
    return found


# -- Qualigate ----------------------------------------------------------------------------------------


def q_status_needs_project(data: Data) -> None:
    status = op(data, "/api/v1/trigger", "get")
    status["parameters"].append(
        {"name": "project_id", "in": "query", "required": True, "schema": {"type": "string", "format": "uuid"}}
    )


def q_drop_ci_config(data: Data) -> None:
    del data["paths"]["/api/v1/ci-config"]


def q_canceled_is_success(data: Data) -> None:
    polling = op(data, "/api/v1/trigger", "get")["x-polling"]
    polling["failure"].remove("canceled")
    polling["success"].append("canceled")


def q_results_include_steps(data: Data) -> None:
    op(data, "/api/v1/results", "get")["parameters"].append(
        {"name": "include_steps", "in": "query", "schema": {"type": "boolean"}}
    )


def q_run_status_browser(data: Data) -> None:
    schemas(data)["TestRunStatus"]["properties"]["browser"] = {"type": "string", "description": "Browser used."}


def q_shorter_wait(data: Data) -> None:
    op(data, "/api/v1/trigger", "get")["x-polling"]["timeoutSeconds"] = 300


def q_rename_trigger(data: Data) -> None:
    op(data, "/api/v1/trigger", "post")["operationId"] = "startTests"


# -- Octomind -----------------------------------------------------------------------------------------

_REPORTS = "/apiKey/v2/test-targets/{testTargetId}/test-reports"
_REPORT = _REPORTS + "/{testReportId}"


def o_report_without_updated_at(data: Data) -> None:
    report = schemas(data)["TestReport"]
    del report["properties"]["updatedAt"]
    report["required"].remove("updatedAt")
    in_examples(data, {"updatedAt", "executionUrl"}, lambda obj: obj.pop("updatedAt"))


def o_execute_needs_environment(data: Data) -> None:
    request = schemas(data)["TestTargetExecutionRequest"]
    request["required"].append("environmentName")
    request["properties"]["environmentName"].pop("default", None)
    in_examples(data, {"testTargetId", "url", "context"}, lambda obj: obj.setdefault("environmentName", "default"))


def o_report_without_browser(data: Data) -> None:
    del schemas(data)["TestReport"]["properties"]["browser"]
    in_examples(data, {"executionUrl", "status"}, lambda obj: obj.pop("browser", None))


def o_get_environment(data: Data) -> None:
    item = "/apiKey/v2/test-targets/{testTargetId}/environments/{environmentId}"
    listed = op(data, "/apiKey/v2/test-targets/{testTargetId}/environments", "get")
    example = next(iter(listed["responses"]["200"]["content"]["application/json"]["examples"].values()))["value"][0]
    data["paths"][item]["get"] = {
        "operationId": "getEnvironment",
        "summary": "Read one environment",
        "tags": listed.get("tags", []),
        "responses": {
            "200": {
                "description": "The environment.",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/EnvironmentResponse"},
                        "examples": {"environment": {"value": example}},
                    }
                },
            },
            "404": copy.deepcopy(listed["responses"]["404"]),
        },
    }


def o_cursor_renamed(data: Data) -> None:
    listing = op(data, _REPORTS, "get")
    for param in listing["parameters"]:
        if param.get("name") == "key":
            param["name"] = "cursor"
    listing["x-pagination"]["cursorParameter"] = "cursor"


def o_execution_url_nullable(data: Data) -> None:
    schemas(data)["TestReport"]["properties"]["executionUrl"]["type"] = ["string", "null"]


def o_new_host(data: Data) -> None:
    data["servers"][0]["url"] = "https://api.octomind.dev/api"


# -- Kapptivate ---------------------------------------------------------------------------------------


def k_access_token(data: Data) -> None:
    token = schemas(data)["TokenResponse"]
    token["properties"] = {"access_token": token["properties"]["token"]}
    token["required"] = ["access_token"]
    data["components"]["securitySchemes"]["JwtAuth"]["x-token-exchange"]["tokenPointer"] = "/access_token"
    in_examples(data, {"token"}, lambda obj: obj.__setitem__("access_token", obj.pop("token")))


def k_test_ids_are_strings(data: Data) -> None:
    schemas(data)["CiTest"]["properties"]["id"] = {"type": "string", "description": "Test id."}
    in_examples(data, {"id", "direct_owners"}, lambda obj: obj.__setitem__("id", str(obj["id"])))
    in_examples(data, {"id", "input_variables"}, lambda obj: obj.__setitem__("id", str(obj["id"])))


def k_not_idempotent(data: Data) -> None:
    del op(data, "/api/auth/refresh-token/", "post")["x-idempotent"]


def k_slower_polling(data: Data) -> None:
    op(data, "/api/v1/continuous_integration/results/{result_id}/", "get")["x-polling"]["intervalSeconds"] = 15


def k_result_without_name(data: Data) -> None:
    result = schemas(data)["CiResult"]
    del result["properties"]["name"]
    result["required"].remove("name")
    in_examples(data, {"name", "result"}, lambda obj: obj.pop("name"))


def k_run_label(data: Data) -> None:
    schemas(data)["CiRunRequest"]["properties"]["label"] = {"type": "string", "description": "A label for the run."}


def k_domain_is_tenant(data: Data) -> None:
    server = data["servers"][0]
    server["url"] = server["url"].replace("{domain}", "{tenant}")
    server["variables"] = {"tenant": server["variables"]["domain"]}


# -- Doksi --------------------------------------------------------------------------------------------


def d_run_accepted(data: Data) -> None:
    responses = op(data, "/runs", "post")["responses"]
    responses["202"] = responses.pop("201")


def d_duration_nullable(data: Data) -> None:
    schemas(data)["Run"]["properties"]["duration_seconds"]["type"] = ["number", "null"]


def d_target_conflict(data: Data) -> None:
    responses = op(data, "/targets", "post")["responses"]
    responses["409"] = copy.deepcopy(responses["400"])
    responses["409"]["description"] = "A target with this version exists."


def d_short_upload_names(data: Data) -> None:
    schemas(data)["CreateUploadRequest"]["properties"]["name"]["maxLength"] = 5


def d_cancelled_status(data: Data) -> None:
    schemas(data)["RunStatus"]["anyOf"][0]["enum"].append("cancelled")


def d_run_duration_ms(data: Data) -> None:
    schemas(data)["Run"]["properties"]["duration_ms"] = {"type": "integer", "description": "Elapsed milliseconds."}


# -- Testmo -------------------------------------------------------------------------------------------


def t_no_run_complete(data: Data) -> None:
    del data["paths"]["/automation/runs/{automation_run_id}/complete"]


def t_key_header(data: Data) -> None:
    data["components"]["securitySchemes"]["BearerAuth"] = {"type": "apiKey", "in": "header", "name": "X-Api-Key"}


def t_shorter_default_wait(data: Data) -> None:
    data["x-rate-limit"]["defaultWaitSeconds"] = 30


def t_include_archived(data: Data) -> None:
    op(data, "/projects/{project_id}/automation/runs", "get")["parameters"].append(
        {"name": "include_archived", "in": "query", "schema": {"type": "boolean"}}
    )


def t_name_nullable(data: Data) -> None:
    schemas(data)["AutomationRun"]["properties"]["name"]["type"] = ["string", "null"]


def t_longer_wait(data: Data) -> None:
    polling = op(data, "/automation/runs/{automation_run_id}", "get")["x-polling"]
    polling["timeoutSeconds"] = polling["timeoutSeconds"] * 2


EDITS = [
    VendorEdit("qualigate: getRunStatus needs a project_id", "qualigate", "ERR", q_status_needs_project),
    VendorEdit("qualigate: the ci-config path is gone", "qualigate", "ERR", q_drop_ci_config),
    VendorEdit("qualigate: canceled counts as success", "qualigate", "WARN", q_canceled_is_success),
    VendorEdit("qualigate: getResults takes include_steps", "qualigate", "INFO", q_results_include_steps),
    VendorEdit("qualigate: a run status names its browser", "qualigate", "INFO", q_run_status_browser),
    VendorEdit("qualigate: the wait deadline halves", "qualigate", "WARN", q_shorter_wait),
    VendorEdit("qualigate: triggerTests is now startTests", "qualigate", "ERR", q_rename_trigger, wire=False),
    VendorEdit("octomind: reports lose updatedAt", "octomind", "ERR", o_report_without_updated_at),
    VendorEdit("octomind: execute needs environmentName", "octomind", "ERR", o_execute_needs_environment),
    VendorEdit("octomind: reports lose browser", "octomind", "ERR", o_report_without_browser),
    VendorEdit("octomind: a new getEnvironment", "octomind", "INFO", o_get_environment),
    VendorEdit("octomind: the page cursor is sent as cursor", "octomind", "ERR", o_cursor_renamed),
    VendorEdit("octomind: executionUrl may be null", "octomind", "WARN", o_execution_url_nullable),
    VendorEdit("octomind: a new API host", "octomind", "WARN", o_new_host),
    VendorEdit("kapptivate: the token comes as access_token", "kapptivate", "ERR", k_access_token),
    VendorEdit("kapptivate: test ids are strings", "kapptivate", "ERR", k_test_ids_are_strings),
    VendorEdit("kapptivate: the token exchange is not idempotent", "kapptivate", "WARN", k_not_idempotent),
    VendorEdit("kapptivate: poll every 15 s", "kapptivate", "INFO", k_slower_polling),
    VendorEdit("kapptivate: results lose their name", "kapptivate", "ERR", k_result_without_name),
    VendorEdit("kapptivate: runs take a label", "kapptivate", "INFO", k_run_label),
    VendorEdit("kapptivate: the domain variable is tenant", "kapptivate", "ERR", k_domain_is_tenant, wire=False),
    VendorEdit("doksi: createRun answers 202", "doksi", "ERR", d_run_accepted),
    VendorEdit("doksi: duration_seconds may be null", "doksi", "WARN", d_duration_nullable),
    VendorEdit("doksi: createTarget may answer 409", "doksi", "INFO", d_target_conflict),
    VendorEdit("doksi: upload names of 5 characters at most", "doksi", "ERR", d_short_upload_names),
    VendorEdit("doksi: runs may be cancelled", "doksi", "WARN", d_cancelled_status),
    VendorEdit("doksi: runs report duration_ms", "doksi", "INFO", d_run_duration_ms),
    VendorEdit("testmo: runs are no longer completed by the API", "testmo", "ERR", t_no_run_complete),
    VendorEdit("testmo: the key goes in X-Api-Key", "testmo", "ERR", t_key_header),
    VendorEdit("testmo: the default 429 wait is 30 s", "testmo", "WARN", t_shorter_default_wait),
    VendorEdit("testmo: listAutomationRuns takes include_archived", "testmo", "INFO", t_include_archived),
    VendorEdit("testmo: a run's name may be null", "testmo", "WARN", t_name_nullable),
    VendorEdit("testmo: the wait deadline doubles", "testmo", "INFO", t_longer_wait),
]
