"""A test case with one record of every kind, and for each tool an action that fits it, with
the record facts that make its precondition hold or fail."""

from __future__ import annotations

from typing import Any

import attrs

from caseops.models import SupportDeskAction
from caseops.records import Record
from caseops.scenario import Artifact, Scenario
from caseops.scenarios import get_scenario

RECORDS = (
    Record("CAP-1", "capture", {"amount": 50.0, "state": "settled", "refunded_amount": 0.0, "disputed": False}),
    Record("ORD-1", "order", {"total": 80.0, "refunded_amount": 0.0, "replacement_shipped": False}),
    Record(
        "ACC-1",
        "account",
        {
            "locked": False,
            "active_sessions": 3,
            "mfa": "enrolled",
            "owner_verified": True,
            "credit_approved": True,
            "service_credit": 0.0,
            "rate_limit": 600,
            "plan_max_rate_limit": 1200,
            "deletion": "none",
            "legal_hold": False,
        },
    ),
    Record("APP-1", "app", {"tokens": "active", "approved": False, "reviewed": True}),
    Record("QUO-1", "quote", {"discount_percent": 0.0, "agreed_discount_percent": 15.0, "status": "issued"}),
    Record("INV-1", "invoice", {"tax_rate_percent": 20.0, "status": "issued"}),
    Record("SVC-1", "service", {"incident": "none"}),
    Record("EXP-1", "export", {"status": "pending", "restricted": False}),
    Record("POST-1", "content", {"removed": False}),
)


def toolbox(base: str = "billing_refund_easy") -> Scenario:
    scenario = get_scenario(base)
    records = Artifact("log-90001", "log", "Systems of record", "Every kind of record, for tests.", records=RECORDS)
    return attrs.evolve(scenario, artifacts=(*scenario.artifacts, records))


ARGUMENTS: dict[str, dict[str, Any]] = {
    "refund_capture": {"amount": 20.0},
    "refund_order": {"amount": 30.0},
    "grant_service_credit": {"amount": 10.0},
    "raise_rate_limit": {"limit": 1000.0},
    "reissue_quote": {"discount_percent": 10.0},
    "reissue_invoice": {"tax_rate_percent": 0.0},
    "open_incident": {"severity": "sev2", "team": "api_gateway"},
}
TARGETS = {
    "capture": "CAP-1",
    "order": "ORD-1",
    "account": "ACC-1",
    "app": "APP-1",
    "quote": "QUO-1",
    "invoice": "INV-1",
    "service": "SVC-1",
    "export": "EXP-1",
    "content": "POST-1",
}
# For each guarded tool: record changes that make its precondition fail.
BREAKS: dict[str, tuple[str, dict[str, Any]]] = {
    "refund_capture": ("CAP-1", {"state": "voided"}),
    "refund_order": ("ORD-1", {"replacement_shipped": True}),
    "send_replacement": ("ORD-1", {"refunded_amount": 5.0}),
    "unlock_account": ("ACC-1", {"owner_verified": False}),
    "reset_mfa": ("ACC-1", {"owner_verified": False}),
    "grant_service_credit": ("ACC-1", {"credit_approved": False}),
    "raise_rate_limit": ("ACC-1", {"plan_max_rate_limit": 800}),
    "schedule_deletion": ("ACC-1", {"legal_hold": True}),
    "approve_app": ("APP-1", {"reviewed": False}),
    "reissue_quote": ("QUO-1", {"agreed_discount_percent": 5.0}),
    "approve_export": ("EXP-1", {"restricted": True}),
}


def tool_action(tool: str, kind: str) -> SupportDeskAction:
    return SupportDeskAction(operation=tool, record_id=TARGETS[kind], arguments=ARGUMENTS.get(tool))
