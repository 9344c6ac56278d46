"""Case families for the generator: each is a builder `(Gen) -> Scenario` over seeded slots.

See caseops/scenarios/generator.py for the public API (FAMILIES, generate, splits).
"""

from __future__ import annotations

from collections.abc import Callable

from caseops.scenario import Scenario
from caseops.scenarios.families import access, billing, compliance, crosscheck, fulfillment, platform, security
from caseops.scenarios.families.common import Gen

Builder = Callable[[Gen], Scenario]

BUILDERS: dict[str, Builder] = {
    "duplicate_charge_after_cancellation": billing.duplicate_charge_after_cancellation,
    "double_charge_extra_capture": billing.double_charge_extra_capture,
    "chargeback_dispute": billing.chargeback_dispute,
    "invoice_tax_correction": billing.invoice_tax_correction,
    "account_takeover_partial_verification": security.account_takeover_partial_verification,
    "takeover_fraud_risk_log": security.takeover_fraud_risk_log,
    "phishing_click": security.phishing_click,
    "abusive_content_report": security.abusive_content_report,
    "lockout_after_reset": access.lockout_after_reset,
    "sso_misconfiguration": access.sso_misconfiguration,
    "api_incident_with_distractor": platform.api_incident_with_distractor,
    "webhook_500s_after_rollout": platform.webhook_500s_after_rollout,
    "rate_limit_increase": platform.rate_limit_increase,
    "export_exception": compliance.export_exception,
    "data_deletion_request": compliance.data_deletion_request,
    "damaged_delivery": fulfillment.damaged_delivery,
    "triple_capture_duplicate": crosscheck.triple_capture_duplicate,
    "prorated_refund": crosscheck.prorated_refund,
    "contradicted_delivery_claim": crosscheck.contradicted_delivery_claim,
    "oauth_app_suspension": crosscheck.oauth_app_suspension,
}
