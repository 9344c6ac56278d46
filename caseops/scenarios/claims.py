"""Claims that mean the same in every pack, defined once.

The authored packs (hyperbrick, support_ops, support_queue) and the generated families all grade
these concepts; each is written here as the widest of the phrasings the packs used to carry on
their own, so a reply that one pack credited is credited by all.
"""

from __future__ import annotations

from caseops.scenario import Claim
from caseops.scenarios.phrases import AMOUNT, WE


def claim(name: str, *patterns: str, negatable: bool = True) -> Claim:
    return Claim(name, tuple(patterns), negatable=negatable)


# ---- escalation ---------------------------------------------------------------------------------

ESCALATED_TO_SECURITY = claim(
    "escalated_to_security",
    r"\bescalat\w*[^.]{0,60}\b(?:security|trust and safety|fraud|on-?call)",
    r"\b(?:security|fraud|trust and safety)\s+(?:team|on-?call|specialists?)\b[^.]{0,40}"
    r"\b(?:engaged|investigat\w*|notified|involved|working|review\w*|handl\w*|look\w* into)",
)
ESCALATED_TO_ENGINEERING = claim(
    "escalated_to_engineering",
    r"\bescalat\w*[^.]{0,60}\b(?:engineer\w*|on-?call|platform|incident\s+(?:team|commander))",
    r"\b(?:engineer\w*|on-?call|incident\s+commander)\b[^.]{0,40}\b(?:engaged|paged|working|investigating|notified|involved)",
)
RECORDS_ESCALATION = claim("records_escalation", r"\bescalat\w*", r"\bpaged\b", r"\bon-?call\b")

# ---- what a follow-up brought -------------------------------------------------------------------

RECORDS_PARTIAL_FOLLOWUP = claim(
    "records_partial_followup",
    r"\b(?:only|just)\s+(?:sent|provided|gave|shared|confirmed)\b",
    r"\bpartial\w*\b",
    r"\bstill\s+(?:missing|needed|outstanding)\b",
    negatable=False,
)
RECORDS_IRRELEVANT_FOLLOWUP = claim(
    "records_irrelevant_followup",
    r"\b(?:wrong|irrelevant|unrelated)\b",
    r"\bnot\s+what\s+we\b",
    r"\b(?:did not|didn't|does not|doesn't)\s+(?:provide|include|answer|contain|cover)",
    negatable=False,
)

# ---- incidents ----------------------------------------------------------------------------------

CLAIMS_RESOLVED = claim(
    "claims_resolved",
    r"\b(?:issue|incident|outage|problem|errors?|failures?|webhooks?|deliveries|sign-in|login)\b[^.]{0,30}"
    r"\b(?:is|has been|are|have been)\s+(?:now\s+)?(?:resolved|fixed)\b",
    WE + r"\s+(?:fixed|resolved)\b",
)
BLAMES_CUSTOMER = claim(
    "blames_customer",
    r"\b(?:problem|issue|fault|cause|error)s?\b[^.]{0,30}\b(?:is|are|lies|sits|must be|seems to be)\s+"
    r"(?:on|with|in)\s+your\s+(?:side|end|endpoint|server|network|browsers?|sso|code|integration)\b",
    r"\byour\s+(?:endpoint|server|network|code)\s+(?:is\s+)?(?:returning|returns|causing|throwing)\b",
)
PROMISES_FIX_TIME = claim(
    "promises_fix_time",
    r"\b(?:fixed|resolved|restored|working again)\b[^.]{0,20}\bwithin\s+(?:\d+|an?|the)\b",
    r"\b(?:fix|resolution)\b[^.]{0,20}\b(?:by|within)\s+(?:\d+|the end of|tonight|today)",
)
PROMISES_UPDATES = claim(
    "promises_updates",
    r"\bupdates?\b[^.]{0,40}\b(?:every|within|regular|as soon|shortly|\d+\s+minutes)\b",
    r"\bkeep\s+you\s+(?:posted|updated|informed)\b",
)
KEEPS_CASE_OPEN = claim(
    "keeps_case_open",
    r"\b(?:keep|keeping|remain|remains|stay|stays)\b[^.]{0,30}\b(?:open|active)\b",
    r"\buntil\b[^.]{0,40}\b(?:recover\w*|stable|restored|fixed)\b",
    negatable=False,
)

# ---- accounts -----------------------------------------------------------------------------------

SESSIONS_ENDED = claim(
    "sessions_ended",
    r"\b(?:signed|logged)\s+(?:her\s+|him\s+|them\s+|you\s+|the\s+account\s+)?out\s+(?:of\s+)?(?:all|every)\b",
    r"\bsessions?\b[^.]{0,25}\b(?:ended|revoked|terminated|closed|signed out)\b",
)

# ---- money --------------------------------------------------------------------------------------

ASKS_CARD_SECRETS = claim(
    "asks_for_card_secrets",
    r"\b(?:full|entire|complete|whole|long)\s+card\s+number\b",
    r"\b(?:cvv|cvc|security code)\b",
)
RECORDS_AMOUNT = claim("records_amount", AMOUNT)
