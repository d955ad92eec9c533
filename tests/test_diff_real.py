"""`testrelay diff` on real version pairs of public APIs (tests/diff/real/SOURCES.md says where from)."""

from __future__ import annotations

from pathlib import Path

from generator.diff.findings import Finding
from generator.diff.report import compare
from generator.diff.resolve import resolve

REAL = Path(__file__).parent / "diff" / "real"


def _diff(old: str, new: str) -> list[Finding]:
    return compare(resolve(str(REAL / old)), resolve(str(REAL / new)))


def _ids(findings: list[Finding]) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in findings:
        found.setdefault(f.rule.id, []).append(f)
    return found


def test_hubspot_events_drops_its_query_key() -> None:
    found = _ids(_diff("hubapi-analytics-v3.old.yaml", "hubapi-analytics-v3.new.yaml"))
    [removed] = found["security-scheme-removed"]
    assert removed.level.name == "ERR" and removed.old.pointer == "/components/securitySchemes/hapikey"
    assert "private_apps_legacy" in found["security-scheme-added"][0].message
    [renamed] = found["python-method-renamed"]
    assert "post_events_v3_send() is now post_events_v3_send_send()" in renamed.message
    assert [c.rule.id for c in renamed.causes] == ["operation-id-changed"]
    optional = found["request-property-became-optional"][0]
    assert optional.new.pointer.endswith("/BehavioralEventHttpCompletionRequest/properties/properties")
    assert "request-property-added" in found and "python-argument-added" in found


def test_adyen_recurring_v40_to_v49() -> None:
    found = _ids(_diff("adyen-recurring.v40.yaml", "adyen-recurring.v49.yaml"))
    assert {f.message for f in found["python-model-removed"]} == {"model Amount is gone", "model ServiceError is gone"}
    assert len(found["security-requirement-removed"]) == 3
    gender = next(f for f in found["response-property-added"] if f.new.pointer.endswith("/Name/properties/gender"))
    assert gender.operation == "post-listRecurringDetails" and gender.level.name == "INFO"


def test_bintable_versions_that_change_nothing_a_client_sees() -> None:
    assert _diff("bintable-1.0.0-oas3.old.yaml", "bintable-1.0.0-oas3.new.yaml") == []
