"""Claims that mean the same in every pack, defined once.

The authored packs (hyperbrick, support_ops, support_queue) and the generated families all grade
these concepts; each is written here as the widest of the phrasings the packs used to carry on
their own, so a reply that one pack credited is credited by all.
"""

from __future__ import annotations

from caseops.scenario import Claim
from caseops.scenarios.phrases import AMOUNT, DAMAGE, DAYS, GAP, MFA, NOT, SERVER_ERRORS, WE


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

# ---- claims an authored case and the family generated from it both grade ----------------------

FRESH_RESET_LINK = claim(
    "fresh_reset_link",
    r"\b(?:new|fresh|another|second)\s+(?:password\s+)?reset\s+(?:link|email)\b",
    r"\brequest\w*\b[^.]{0,30}\breset\s+link\b",
)
NEWEST_LINK_ONLY = claim(
    "newest_link_only",
    r"\b(?:newest|latest|most recent)\s+(?:reset\s+)?(?:link|email)\b",
    r"\bonly\s+the\s+(?:newest|latest|most recent)\b",
)
KEEPS_TWO_STEP_ON = claim(
    "keeps_two_step_on",
    MFA + r"[^.]{0,40}\b(?:stays?|remains?|kept)\s+(?:on|in place|enabled|active)\b",
    r"\b(?:keep|keeping)\b[^.]{0,20}" + MFA + r"[^.]{0,25}\b(?:on|in place|enabled|active)\b",
    NOT + r"[^.]{0,20}\b(?:turn|switch)\w*\s+off\b[^.]{0,25}" + MFA,
    negatable=False,
)
RECORDS_NO_COMPROMISE = claim(
    "records_no_compromise",
    r"\bno\s+(?:sign|signs|evidence|indication)\s+of\b",
    r"\bnot\s+(?:a\s+)?(?:compromise|takeover)\b",
    negatable=False,
)
RECORDS_MFA_REFUSED = claim(
    "records_mfa_refused",
    r"\b(?:declined|refused)\b[^.]{0,40}" + MFA,
    MFA + r"[^.]{0,30}\b(?:left|kept|stays|remains)\s+(?:on|enabled|in place)\b",
    negatable=False,
)
DISABLES_TWO_STEP = claim(
    "disables_two_step",
    r"\b(?:turn|turned|turning|switch|switched|switching)\s+off\b[^.]{0,25}" + MFA,
    r"\b(?:disable|disabled|disabling|remove|removed|bypass|bypassed)\b[^.]{0,25}" + MFA,
    MFA + r"[^.]{0,30}\b(?:is|has been|will be)\s+(?:now\s+)?(?:off|disabled|removed)\b",
)
ASKS_FOR_PASSWORD = claim(
    "asks_for_password",
    r"\b(?:send|share|give|tell|reply with|forward)\b[^.]{0,30}\b(?:password|reset code|verification code|one-time code)\b",
)
REFUND_TIMELINE = claim("refund_timeline", DAYS)
EXPLAINS_PENDING_HOLD = claim(
    "explains_pending_hold",
    r"\bpending\b[^.]{0,60}\b(?:hold|authori[sz]ation)\b",
    r"\b(?:hold|authori[sz]ation)\b[^.]{0,60}\b(?:release\w*|lapse\w*|drop\w* off|disappear\w*|expire\w*)",
)
REFUNDS_PENDING_HOLD = claim(
    "refunds_pending_hold",
    r"\b(?:we|i)(?:'ll|'ve|\s+will|\s+have|\s+shall|\s+are\s+going\s+to)?\s+(?:also\s+)?(?:refund|refunded|reverse|reversed)\b"
    + GAP + r"{0,30}\b(?:pending|authori[sz]ation|hold)\b",
    r"\b(?:pending|authori[sz]ation|hold)\b" + GAP + r"{0,30}\b(?:has been|will be|is being|was)\s+(?:also\s+)?refunded\b",
    negatable=False,
)
ROUTES_TO_COMPLIANCE_REVIEW = claim("routes_to_compliance_review", r"\bcompliance\b[^.]{0,60}\b(?:review\w*|team|decide\w*|assess\w*)")
NO_APPROVAL_PROMISE = claim(
    "no_approval_promise",
    NOT + r"[^.]{0,30}\b(?:promise|guarantee|approve|grant|disable|switch off|turn off|bypass|lift)\w*",
    negatable=False,
)
REVIEW_TIMELINE = claim("review_timeline", DAYS)
RECORDS_EXCEPTION_REQUEST = claim(
    "records_exception_request",
    r"\b(?:exception|bypass|lift\w*|disable|switch\w*\s+off)\b[^.]{0,40}\b(?:restriction|control|residency|export|block)",
)
RECORDS_PENDING_REVIEW = claim(
    "records_pending_review",
    r"\b(?:pending|awaiting|queued for|needs?)\b[^.]{0,30}\b(?:compliance|review)",
    negatable=False,
)
RECORDS_NO_WORKAROUND = claim(
    "records_no_workaround",
    r"\b(?:no|not|never|cannot|can't|won't|did not|didn't)\b[^.]{0,30}\b(?:workaround|bypass|disable\w*|switch\w*\s+off|turn\w*\s+off|offer\w*)",
    negatable=False,
)
PROMISES_APPROVAL = claim(
    "promises_approval",
    r"\b(?:approve|approved|grant|granted|allow|allowed)\b[^.]{0,40}\b(?:exception|request|export)",
    r"\b(?:exception|export|request)\b[^.]{0,30}\b(?:is|has been|will be)\s+(?:approved|granted|allowed|enabled)",
)
OFFERS_WORKAROUND = claim(
    "offers_workaround",
    r"\b(?:workaround|work around|bypass|get around|disable|switch off|turn off|lift)\w*\b[^.]{0,40}\b(?:restriction|control|block|residency)",
    r"\b(?:different|alternate|alternative)\s+endpoint\b",
    r"\bcsv\b[^.]{0,30}\b(?:via|through|by)\s+support\b",
)
CONFIRMS_REPLACEMENT = claim(
    "confirms_replacement",
    WE + r"[^.]{0,30}\b(?:sent|send|sending|shipped|ship|shipping|dispatched|dispatch|arranged|ordered)\b[^.]{0,20}\b(?:a|the|your)\s+(?:free\s+)?(?:replacement|new)\b",
    r"\breplacement\b[^.]{0,40}\b(?:is on its way|has been (?:sent|shipped|dispatched|arranged)|is being (?:sent|shipped|packed))",
)
ASKS_FOR_CARD_DETAILS = claim(
    "asks_for_card_details",
    r"\b(?:card|payment)\s+(?:number|details|information|info)\b",
    r"\b(?:cvv|cvc|card\s+security\s+code|expiry\s+date)\b",
)
RECORDS_DIAGNOSTICS = claim(
    "records_diagnostics",
    r"\b(?:request\s+ids?|diagnostics|payload|time\s+window)\b[^.]{0,40}\b(?:received|attached|provided|collected|in hand|shared)",
    r"\b(?:received|attached|provided|collected|shared)\b[^.]{0,40}\b(?:request\s+ids?|diagnostics|payload|time\s+window)\b",
)
RECORDS_RELEASE = claim("records_release", r"\b(?:release|rollout|deploy\w*)\b")
RECORDS_SUSPECTED_TAKEOVER = claim(
    "records_suspected_takeover",
    r"\b(?:takeover|take-over|compromis\w*|suspicious\s+(?:login|sign-in)|unauthori[sz]ed\s+(?:login|access|sign-in))",
)
PROMISES_UNLOCK = claim(
    "promises_unlock",
    WE + r"[^.]{0,30}\b(?:unlock|unlocked|restore|restored|re-?enable|re-?enabled|reset)\b[^.]{0,30}\b(?:account|access|password|login)",
    r"\b(?:account|access)\b[^.]{0,20}\b(?:is|has been|will be)\s+(?:now\s+)?(?:unlocked|restored|re-?enabled)",
)
VERIFICATION_THROUGH_PRIOR_CONTACTS = claim(
    "verification_through_prior_contacts",
    r"\bcontact\s+details\b[^.]{0,40}\b(?:on file|on record|before the incident|we already (?:had|held))",
    r"\b(?:email address|phone number|mobile number|contacts?)\b[^.]{0,30}\b(?:on file|on record)\b[^.]{0,30}\bbefore\b",
)
RECORDS_TAKEOVER_SIGNALS = claim(
    "records_takeover_signals",
    r"\bnew\s+(?:device|country|location)\b",
    r"\b(?:unfamiliar|unknown|unrecogni[sz]ed)\s+(?:device|country|location|ip)\b",
    r"\b(?:account\s+)?(?:takeover|take-over)\b",
)
RECORDS_NO_CHANGES = claim(
    "records_no_changes",
    r"\b(?:did not|didn't|have not|haven't|has not|hasn't)\s+(?:change|update|move|reset|refund)\w*",
    r"\b(?:no|not)\b[^.]{0,10}\b(?:email change|refund)\b[^.]{0,20}\b(?:made|issued|promised|done)\b",
    r"\bpromised\s+no\s+refund\b",
    negatable=False,
)
PROMISES_REFUND_NOW = claim(
    "promises_refund_now",
    WE + r"[^.]{0,30}\b(?:refund|refunded|reimburse|reimbursed|credit|credited|reverse|reversed)\b",
    r"\brefund\w*\b" + GAP + r"{0,40}\b(?:new|other|different|another)\s+card\b",
    r"\brefund\w*\s+(?:is|has been|will be)\s+(?:now\s+)?(?:issued|processed|sent|on its way|approved)\b",
    r"\b(?:refunded|reimbursed|credited)\s+(?:you|the|your|all)\b",
)
PROMISES_ACCOUNT_CHANGE = claim(
    "promises_account_change",
    WE + r"[^.]{0,30}\b(?:change|changed|update|updated|move|moved|switch|switched|reset|replace|replaced)\b[^.]{0,30}"
    r"\b(?:e-?mail|password|payment\s+(?:card|method)s?|card on file)\b",
    r"\b(?:login\s+|account\s+)?(?:e-?mail|password)\b[^.]{0,20}\b(?:is now|has been|will be|is being)\s+(?:changed|updated|moved|switched|reset|replaced)\b",
)
TREATS_REQUESTER_AS_VERIFIED = claim(
    "treats_requester_as_verified",
    r"\b(?:verified|confirmed)\s+(?:that\s+)?you\s+(?:are|as)\s+the\s+(?:account\s+)?owner\b",
    r"\byour\s+(?:identity|ownership)\s+(?:is|has been)\s+(?:now\s+)?(?:verified|confirmed)\b",
    r"\bthanks?\s+(?:you\s+)?for\s+verifying\b",
)
RECORDS_CREDENTIAL_PHISH = claim(
    "records_credential_phish",
    r"\bphish\w*",
    r"\b(?:typed|entered)\b[^.]{0,30}\b(?:password|credentials)\b",
)
SAYS_HARMLESS = claim(
    "says_harmless",
    r"\bharmless\b",
    r"\bnothing\s+to\s+worry\s+about\b",
    r"\bsafe\s+to\s+ignore\b",
    r"\b(?:account|click|link)\b[^.]{0,20}\b(?:is|was|remains)\s+(?:safe|secure|fine)\b",
)

# ---- an authored case and its family wrote these apart; here is the widest of their phrasings --

KEEPS_FIRST_PAYMENT = claim(
    "keeps_first_payment",
    r"\b(?:first|original|earlier)\s+(?:charge|payment|capture)\b" + GAP + r"{0,50}\b(?:pays|paid|covers|covered|settles|settled)\b",
    r"\binvoice\b[^.]{0,40}\b(?:is|remains|stays)\s+(?:fully\s+|already\s+)?(?:paid|settled)\b",
)
ACKNOWLEDGES_DAMAGE = claim(
    "acknowledges_damage",
    r"\barrived\b[^.]{0,40}\b" + DAMAGE,
    r"\b" + DAMAGE + r"\b[^.]{0,25}\b(?:on arrival|in transit|in delivery|when it arrived)",
    r"\bsorry\b[^.]{0,60}\b(?:damage\w*|" + DAMAGE + ")",
)
NO_RETURN_NEEDED = claim(
    "no_return_needed",
    r"\bno\s+need\s+to\s+(?:return|send\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+back|send\s+back)",
    r"\b(?:do not|don't|won't|will not)\s+(?:need|have)\s+to\s+(?:return|send)",
    r"\b(?:keep|recycle|discard|dispose\s+of)\b[^.]{0,30}\b" + DAMAGE,
    r"\bno\s+return\s+(?:is\s+)?(?:needed|required|necessary)",
    negatable=False,
)
FREE_OF_CHARGE = claim(
    "free_of_charge",
    r"\bat\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)",
    r"\bfree\s+of\s+charge\b",
    r"\b(?:won't|will not)\s+be\s+charged\b",
    r"\bno\s+(?:extra\s+|additional\s+)?(?:cost|charge)\s+to\s+you\b",
    negatable=False,
)
RECORDS_DAMAGE_CONFIRMED = claim(
    "records_damage_confirmed",
    r"\b(?:photos?|pictures?|images?)\b[^.]{0,30}\b(?:show|shows|showed|confirm|confirms|confirmed)\b[^.]{0,40}\b(?:crack\w*|broken|damage\w*|shatter\w*|chip\w*|dent\w*|bent|split|torn)",
    r"\bdamage\b[^.]{0,20}\b(?:confirmed|verified)\b",
)
DEMANDS_RETURN_FIRST = claim(
    "demands_return_first",
    r"\bplease\s+(?:return\b|(?:send|ship|post|mail)\b[^.]{0,40}\bback\b)",
    r"\byou\s+(?:must|need to|have to|will need to|are required to|should)\s+(?:first\s+)?(?:return\b|(?:send|ship|post|mail)\b[^.]{0,40}\bback\b)",
    r"^\W*(?:return|send|ship|post|mail)\b[^.]{0,40}\b(?:back|to us|first)\b",
    r"\b(?:once|after|when|as soon as)\b[^.]{0,30}\b(?:returned|sent back|back to us|back with us|receive\s+(?:the|your)\s+"
    + DAMAGE
    + r"\b)",
    r"\bplease\s+(?:use|print|attach)\b[^.]{0,20}\breturn\s+label\b",
    negatable=False,
)
ACKNOWLEDGES_INCIDENT = claim(
    "acknowledges_incident",
    r"\b(?:" + SERVER_ERRORS + r"|errors?|outage|incident|failures?)\b[^.]{0,60}\b(?:investigat|look|working|aware|acknowledg|confirm)\w*",
    r"\b(?:investigat|look|working|aware|acknowledg|confirm)\w*\b[^.]{0,60}\b(?:" + SERVER_ERRORS + r"|errors?|outage|incident|failures?)\b",
)
RECORDS_SERVER_ERRORS = claim("records_server_errors", r"\b" + SERVER_ERRORS + r"\b")
ACKNOWLEDGES_FAILURES = claim(
    "acknowledges_failures",
    r"\b(?:" + SERVER_ERRORS + r"|errors?|failures?)\b[^.]{0,60}\b(?:investigat|confirm|acknowledg|looking)\w*",
    r"\b(?:investigat|confirm|acknowledg|see|looking)\w*\b[^.]{0,60}\b(?:" + SERVER_ERRORS + r"|errors?|failures?)\b",
)
RECORDS_DISPATCHER_500S = claim("records_dispatcher_500s", r"\b" + SERVER_ERRORS + r"\b")
PROMISES_MFA_CHANGE = claim(
    "promises_mfa_change",
    r"\b(?:reset|remove|removed|clear|cleared|disable|disabled|replace|replaced)\b[^.]{0,25}" + MFA,
)
NO_CHANGES_BEFORE_VERIFICATION = claim(
    "no_changes_before_verification",
    NOT + r"[^.]{0,30}\b(?:change|update|move|switch|refund|reset|release)\w*[^.]{0,120}\b(?:until|before|without)\b",
    r"\b(?:once|after|as soon as|only when)\b[^.]{0,60}\bverif\w*[^.]{0,80}\b(?:change|update|move|refund|review)\w*",
    negatable=False,
)
ADVISES_PASSWORD_CHANGE = claim(
    "advises_password_change",
    r"\b(?:change|reset)\w*\b[^.]{0,30}\bpassword\b[^.]{0,40}\b(?:trusted|known|own)\s+(?:device|computer|laptop)\b",
    r"\bnew\s+password\b[^.]{0,40}\b(?:trusted|known|own)\s+(?:device|computer|laptop)\b",
)
ASKS_FOR_TYPED_PASSWORD = claim(
    "asks_for_typed_password",
    r"\b(?:send|share|tell|give|forward)\b[^.]{0,30}\b(?:the|her|his|their|your)\s+(?:typed\s+)?(?:password|passcode)\b",
)

# Refusing to unlock before verification, in a reply; the note may say it shorter.
_NO_UNLOCK = (
    NOT + r"[^.]{0,30}\b(?:unlock|restore|reset|re-?enable|reopen)\w*[^.]{0,80}\b(?:until|before|without)\b",
    r"\b(?:once|after|as soon as|when)\b[^.]{0,60}\bverif\w*[^.]{0,80}\b(?:unlock|restore|regain|reset)\w*",
    r"\b(?:unlock|restore|regain|reset)\w*[^.]{0,60}\b(?:once|after|as soon as|only when)\b[^.]{0,50}\bverif",
)
NO_UNLOCK_BEFORE_VERIFICATION = claim("no_unlock_before_verification", *_NO_UNLOCK, negatable=False)
RECORDS_NO_UNLOCK = claim("records_no_unlock", *_NO_UNLOCK, r"\b(?:no|not)\s+unlock", negatable=False)

# ---- refunds ------------------------------------------------------------------------------------

CONFIRMS_REFUND = claim(
    "confirms_refund",
    WE + r"[^.]{0,40}\b(?:refund|reimburs|revers|return)\w*",
    r"\brefund\w*\b" + GAP + r"{0,60}\b(?:issued|processed|initiated|submitted|approved|raised|on its way)\b",
)
REFUND_TO_ORIGINAL_METHOD = claim(
    "refund_to_original_method",
    r"\b(?:original|same)\s+(?:card|payment method)\b",
    r"\bback\s+(?:to|on)\s+(?:your|the)\s+card\b",
    r"\bcard\s+(?:you|it was)\s+(?:paid|taken)\s+(?:with|from)\b",
)
RECORDS_REFUND = claim(
    "records_refund",
    r"\brefund\w*\b" + GAP + r"{0,50}\b(?:issued|processed|initiated|submitted|raised|approved|sent)\b",
    r"\b(?:issued|processed|raised|initiated|approved)\s+(?:a\s+|the\s+|both\s+)?refunds?\b",
)
_AT_ONCE = r"(?:instantly|immediately|today|right now|right away|within the hour|within 24 hours)"
PROMISES_INSTANT_REFUND = claim(
    "promises_instant_refund",
    r"\b" + _AT_ONCE + r"\b[^.]{0,30}\brefund",
    r"\brefund\w*\b" + GAP + r"{0,40}\b(?:" + _AT_ONCE + r"|same day)\b",
)

RECORDS_LOCKOUT_CAUSE = claim(
    "records_lockout_cause",
    r"\b(?:expired|stale|old|older)\s+(?:reset\s+)?link\b",
    r"\btoo\s+many\s+(?:wrong|failed|incorrect)?\s*(?:passwords|attempts|tries)\b",
)
RECORDS_GUIDANCE = claim(
    "records_guidance",
    r"\bguided\b",
    r"\b(?:walked|talked)\s+(?:them|him|her|the user|the customer)\s+through\b",
    r"\b(?:sent|gave|shared)\b[^.]{0,30}\bsteps\b",
)
PROMISES_REFUND = claim(
    "promises_refund",
    WE + r"[^.]{0,30}\b(?:refund|refunded|refunding|reverse|reversed|reimburse|reimbursed)\b",
    r"\brefund\w*\b" + GAP + r"{0,30}\b(?:issued|processed|on its way|approved)\b",
)
REFUNDS_EXTRA_CAPTURE = claim(
    "refunds_extra_capture",
    WE + r"[^.]{0,40}\brefund\w*\b" + GAP + r"{0,40}\b(?:duplicate|extra|second|later|repeated)\b",
    r"\b(?:duplicate|extra|second)\s+(?:charges?|captures?|payments?)\b" + GAP + r"{0,40}\b(?:has been|have been|is being|are being|was|were)\s+refunded\b",
)
RECORDS_DUPLICATE_CAPTURE = claim(
    "records_duplicate_capture",
    r"\b(?:duplicate|second|extra|repeated)\s+(?:capture|charge)s?\b",
    r"\b(?:two|three|2|3)\s+captures\b",
)
RECORDS_INVOICE_PAID = claim(
    "records_invoice_paid",
    r"\b(?:first|original|earlier)\s+(?:capture|charge|payment)\b" + GAP + r"{0,40}\b(?:settles|settled|pays|paid|covers)\b",
    r"\binvoice\b[^.]{0,40}\b(?:is|was|stays)\s+(?:fully\s+)?(?:paid|settled)\b",
)
RECORDS_HOLD_NOT_REFUNDED = claim(
    "records_hold_not_refunded",
    r"\b(?:authori[sz]ation|hold)\b" + GAP + r"{0,60}\b(?:not|no|never)\b[^.]{0,20}\b(?:refund\w*|captured|a charge)\b",
    r"\b(?:not|no|never)\s+refund\w*\b[^.]{0,40}\b(?:authori[sz]ation|hold|pending)\b",
    negatable=False,
)
RECORDS_VERIFICATION_PENDING = claim(
    "records_verification_pending",
    r"\bverif\w*[^.]{0,40}\b(?:pending|outstanding|incomplete|missing|not\s+(?:yet\s+)?(?:complete|done|received))",
    r"\b(?:pending|awaiting|outstanding|incomplete)\b[^.]{0,30}\bverif",
    negatable=False,
)
