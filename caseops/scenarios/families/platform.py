"""Platform families: a live API incident with a side question, webhook failures after a
release, and a request for a higher API rate limit."""

from __future__ import annotations

from caseops.scenario import Artifact, PolicySnippet, Scenario
from caseops.scenarios.claims import (
    ACKNOWLEDGES_FAILURES,
    ACKNOWLEDGES_INCIDENT,
    BLAMES_CUSTOMER,
    CLAIMS_RESOLVED,
    ESCALATED_TO_ENGINEERING,
    KEEPS_CASE_OPEN,
    PROMISES_FIX_TIME,
    PROMISES_UPDATES,
    RECORDS_DIAGNOSTICS,
    RECORDS_DISPATCHER_500S,
    RECORDS_ESCALATION,
    RECORDS_IRRELEVANT_FOLLOWUP,
    RECORDS_PARTIAL_FOLLOWUP,
    RECORDS_RELEASE,
    RECORDS_SERVER_ERRORS,
    claim,
)
from caseops.scenarios.families.common import (
    MONTHS,
    REGIONS,
    Gen,
    build,
    day,
    followup,
    join_words,
    labels,
    pick_outcome,
    sentences,
)
from caseops.scenarios.phrases import NOT, WE

# =================================================================================================
# api_incident_with_distractor
# =================================================================================================

SIDE_TOPICS = r"(?:data|logging|logs|privacy|protection officer|invoice|billing|feature|credit|discount|roadmap|sdk|export)"
AI_SIDE = claim(
    "side_question_handled_separately",
    r"\b" + SIDE_TOPICS + r"\b[^.]{0,80}\b(?:separately|separate|follow\s+up|afterwards|own ticket|once the incident)",
    r"\b(?:separately|separate|follow\s+up|afterwards)\b[^.]{0,80}\b" + SIDE_TOPICS + r"\b",
    # the other question named as one: "we'll come back to your DPO's log question separately"
    r"\b(?:question|query|queries|questions|request|point)\b[^.]{0,60}\b(?:separately|in a separate|on a separate|"
    r"(?:its|their) own (?:ticket|thread|case)|afterwards|after the incident|once the incident|when the incident|post-incident)",
    r"\b(?:separately|separate\s+(?:ticket|thread|case|reply|email))\b[^.]{0,60}\b(?:question|query|queries)\b",
    # the question named earlier, deferred by a pronoun: "I have recorded it, and we will answer it separately"
    r"\b(?:answer|address|handle|deal with|come back to|get back to you on|respond to|follow up on|pick up|look at|reply to)\w*\s+"
    r"(?:you\s+)?(?:on\s+|about\s+)?(?:it|that|this|them|those)\s+(?:separately|afterwards|later|once the incident|after the incident|when the incident|in a separate|"
    r"on a separate|post-incident)",
)
AI_ASKS = claim(
    "asks_missing_diagnostics",
    r"\b(?:need|needs|send|share|provide|attach|include|forward|grab|collect|pass)\w*\b[^.]{0,60}\b(?:request\s+ids?|time window|regions|payloads?)\b",
    # Asked as a help rather than a demand: "a few request IDs and a sample payload would help them".
    r"\b(?:request\s+ids?|time window|regions|payloads?)\b[^.]{0,60}\b(?:would|will|could|might)\s+(?:really\s+)?(?:help|speed|let)\b",
    r"\b(?:would|will|could)\s+(?:really\s+)?help\b[^.]{0,60}\b(?:request\s+ids?|time window|regions|payloads?)\b",
    r"\b(?:request\s+ids?|time window|regions|payloads?)\b[^.]{0,60}\b(?:is|are|would be|will be)\s+(?:really\s+|very\s+|still\s+)?(?:useful|helpful|valuable)\b",
    # a list item under "please send:": "1. Request IDs of a few failing calls", "- one sample payload, PII removed"
    r"^(?!.*(?:\bnot\b|n['’]t\b|\bnever\b|\bno longer\b|\b(?:attached|received|provided|supplied|in hand|thanks|thank you)\b|:\s*\w+_))"
    r"\W*(?:(?:the|a|an|one|two|three|a few|some|any)\s+)?(?:(?:sample|example|failing)\s+)?(?:request\s+ids?|(?:request\s+)?payloads?|"
    r"(?:utc\s+)?time window|affected regions)\b(?!\s+(?:is|was|are|were|has|have|had|show|shows|showed)\b)",
    r"\b(?:these|two|three|a few|a couple of|some)\s+(?:things|details|items|bits of information)\b[^.]{0,30}\b(?:would|will|could)\s+help\b",
)
AI_REC_IMPACT = claim(
    "records_impact",
    r"\b\d[\d,]*\s*(?:end\s+)?(?:users|shoppers|customers|requests|merchants)\b",
    r"\b\d+\s?%",
)
AI_REC_SIDE = claim(
    "records_side_question",
    r"\b(?:dpo|" + SIDE_TOPICS[3:-1] + r")\b[^.]{0,60}\b(?:separate\w*|follow[- ]up|later|own ticket|afterwards)",
    r"\bside[- ](?:question|query|topic|issue|ask|request)s?\b",
    r"\b(?:question|query|ask)\b[^.]{0,60}\b(?:separate\w*|follow[- ]up|later|own ticket|afterwards|post-incident|after the incident|parked|deferred)",
    r"\b(?:parked|deferred|held over|set aside)\b[^.]{0,60}\b(?:separate\w*|after|until|post-incident|later|follow[- ]up)",
)
ENDPOINTS = (
    ("checkout API", True),
    ("payments endpoint", True),
    ("sign-in API", True),
    ("orders endpoint", True),
    ("search API", False),
    ("reporting endpoint", False),
    ("catalogue API", False),
    ("notifications endpoint", False),
)
SIDES = (
    (
        "Separately, our data protection officer wants to know whether the request logs you keep contain personal names; an answer at some point would be good.",
        "Your data protection officer's question about our logs will be answered separately once the incident is under control.",
        "The DPO's logging question is tracked for a separate follow-up.",
    ),
    (
        "Also, last month's invoice shows two extra seats we never added, but that can wait.",
        "The invoice question about the extra seats will be followed up separately by billing, once the incident is under control.",
        "The invoice question about two extra seats goes to billing as a separate follow-up.",
    ),
    (
        "Unrelated, but is the bulk export feature on your roadmap for this quarter?",
        "We will answer the roadmap question about bulk export separately, after the incident.",
        "The roadmap question on bulk export is parked for a separate follow-up.",
    ),
    (
        "And we will want a service credit for this, please note that.",
        "Your request for a service credit will be handled separately once the service has recovered.",
        "The service credit request is logged for a separate follow-up with the account team.",
    ),
)
DIAG_NAMES = {"request_ids": "the request IDs of a few failing calls"}


def api_incident_with_distractor(g: Gen) -> Scenario:
    g.people()
    endpoint, critical = g.pick(ENDPOINTS)
    users = g.pick((300, 800, 2500, 6000, 12000, 40000))
    n_regions = g.between(1, 3)
    regions = g.sample(REGIONS, n_regions)
    named_regions = g.chance(0.6)
    exact_time = g.chance(0.6)
    secondary = g.chance(0.6)
    side = g.pick(SIDES)
    pressure = g.chance(0.3)
    h, m = g.between(0, 22), g.between(0, 59)
    code = g.pick((500, 502, 503))
    g.s.update(
        endpoint=endpoint,
        users=f"{users:,}",
        pct=g.pick((12, 25, 40, 55, 70, 90)),
        code=code,
        regions=join_words(regions),
        region_phrase=(" in " + join_words(regions)) if n_regions > 1 or named_regions else "",
        start=f"{h:02d}:{m:02d} UTC",
        interval=g.pick((15, 30, 45, 60)),
        ids=", ".join(f"req_{g.between(0x100000, 0xFFFFFF):06x}" for _ in range(3)),
        sla_pct=g.pick(("99.9%", "99.95%", "99.99%")),
    )
    priority = "urgent" if critical or users >= 1000 else "high"
    needed = tuple(
        f
        for f, want in (
            ("request_ids", True),
            ("error_time_window", not exact_time),
            ("affected_regions", not named_regions),
            ("sample_payload", True),
        )
        if want
    )
    outcome = pick_outcome(g, needed=len(needed))
    follow, provided, missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={
            "request_ids": g.t("Request IDs: {ids}."),
            "error_time_window": g.t("Errors began at {start} and continue."),
            "affected_regions": g.t("Regions affected: {regions}."),
            "sample_payload": "A sample payload with names removed is attached.",
        },
        irrelevant={
            "sdk_version": "We are on SDK version 4.12.1, if that matters.",
            "screenshot": "Here is a screenshot of our monitoring dashboard.",
        },
        missing_excuse=("I cannot get {missing} right now, our developers are busy firefighting.",),
        any_subset=True,
    )
    body = sentences(
        g.t(
            (
                "Since {start} our calls to your {endpoint} fail with HTTP {code}" + ("" if not named_regions else " in {regions}") + ".",
                "Our requests to the {endpoint} have been returning {code} errors since {start}" + ("" if not named_regions else ", in {regions}") + ".",
            )
        )
        if exact_time
        else g.t(
            (
                "Since this morning our calls to your {endpoint} fail with HTTP {code}" + ("" if not named_regions else " in {regions}") + ".",
                "For a while now the {endpoint} keeps returning {code} errors to us" + ("" if not named_regions else " in {regions}") + ".",
            )
        ),
        g.t("It happens in several of our regions, I am not sure which exactly.") if not named_regions else None,
        g.t(
            (
                "Around {pct}% of requests fail and roughly {users} of our end users have seen errors so far.",
                "About {pct}% of calls fail, which hits about {users} end users.",
            )
        ),
        g.t(("We shipped nothing on our side today.", "Nothing changed in our code.")),
        side[0] if secondary else None,
        g.t(("Just tell us it will be fixed within the hour so I can update my boss.", "Give me a time when this will be fixed, please.")) if pressure else None,
        g.t(("Right now the outage is what matters.", "Please treat this as urgent.")),
    )
    kb = (
        PolicySnippet(
            "kb-incident-routing",
            "Production incidents",
            "Server errors from our API are production incidents: platform engineering, escalated to the on-call "
            "incident commander. They stay open until engineering confirms recovery; support never marks them "
            "resolved and never promises a fix time.",
        ),
        PolicySnippet(
            "kb-incident-priority",
            "Incident priority",
            "An incident is urgent when checkout, payments, orders or sign-in fail, or when 1,000 or more end users "
            "are affected; any other incident is high.",
        ),
        PolicySnippet(
            "kb-incident-diagnostics",
            "Diagnostics for API failures",
            "Engineering needs request IDs of failing calls and a sample request payload with personal data removed, "
            "plus the UTC time window and the affected regions when the ticket does not already give them. Give a "
            "named update interval.",
        ),
        PolicySnippet(
            "kb-side-questions",
            "Side questions during an incident",
            "Questions about data handling, invoices, the roadmap or credits are answered separately once the "
            "incident is under control; they never change the routing of the incident.",
        ),
    )
    if outcome == "complete":
        thanks = g.t(("Thank you for {got}, which we have passed to engineering.", "Thanks for sending {got}."), got=labels(provided))
    elif outcome == "partial":
        thanks = g.t("Thank you for {got}.", got=labels(provided))
    else:
        thanks = g.t("Thank you for sending {got}, but engineering needs other details.", got=labels(follow.fields_provided))
    reply = sentences(
        thanks,
        g.t(
            (
                "We confirm the {code} errors on your {endpoint} calls{region_phrase}, and we are investigating them now.",
                "We are looking into the failures on the {endpoint} now, which started {since}.",
            ),
            since=("at " + g.s["start"]) if exact_time else "this morning",
        ),
        g.t(
            (
                "We have escalated this to our on-call engineering team.",
                "The incident is escalated to the platform on-call, and our engineers are investigating.",
            )
        ),
        g.t(("To trace the failing calls, engineering still needs {missing}.", "Please send {missing} so engineering can trace the failures."), missing=labels(missing, DIAG_NAMES))
        if outcome != "complete"
        else None,
        g.t(("We will send you updates every {interval} minutes.", "We will keep you updated every {interval} minutes.")),
        g.t(
            (
                "The case will stay open until the service has fully recovered.",
                "We are keeping this case open until the errors stop and the service is stable.",
            )
        ),
        g.t(("We cannot promise a fix time yet, and we will share one as soon as engineering has it.",)) if pressure else None,
        side[1] if secondary else None,
    )
    if outcome == "complete":
        gap = g.t(("The request IDs and the other diagnostics were received from the customer.", "Diagnostics received from the customer, including request IDs and a payload."))
    elif outcome == "partial":
        gap = g.t("The customer only provided {got}, and {missing} {verb} still missing.", got=labels(provided), missing=labels(missing), verb="is" if len(missing) == 1 else "are")
    else:
        gap = g.t("The follow-up was not what we asked for, just {got}.", got=labels(follow.fields_provided))
    note = sentences(
        g.t(
            (
                "The {endpoint} has returned {code}s for about {pct}% of calls since {start_or_now}, and about {users} end users are affected.",
                "{code}s on the {endpoint}{region_phrase}, around {pct}% of requests failing and {users} end users hit.",
            ),
            start_or_now=g.s["start"] if exact_time else "this morning",
        ),
        g.t(("Escalated to the on-call incident commander.", "Escalated to the platform on-call.")),
        gap,
        side[2] if secondary else None,
    )
    reply_claims = [ACKNOWLEDGES_INCIDENT, ESCALATED_TO_ENGINEERING, PROMISES_UPDATES, KEEPS_CASE_OPEN]
    note_claims = [RECORDS_SERVER_ERRORS, AI_REC_IMPACT, RECORDS_ESCALATION]
    if outcome == "complete":
        note_claims.append(RECORDS_DIAGNOSTICS)
    else:
        reply_claims.append(AI_ASKS)
        note_claims.append(RECORDS_PARTIAL_FOLLOWUP if outcome == "partial" else RECORDS_IRRELEVANT_FOLLOWUP)
    if secondary:
        reply_claims.append(AI_SIDE)
        note_claims.append(AI_REC_SIDE)
    return build(
        g,
        objective=g.t(
            (
                "A customer reports a live API outage and may raise a side question. Route the incident, gather the "
                "diagnostics engineering needs, communicate, and leave the case in the right state.",
                "Work a live API incident: route and prioritise it, ask for the diagnostics that are missing, keep the "
                "customer informed without promising a fix, note it and escalate.",
            )
        ),
        subject=g.t(("{endpoint} failing with {code}s", "HTTP {code} from your {endpoint}", "Outage: {endpoint} errors")),
        body=body,
        business_impact=g.t("About {users} end users see errors from the {endpoint}; contractual {sla_pct} availability."),
        tier=g.pick(("business", "enterprise")),
        affected_users=users,
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="platform_engineering",
        issue_type="production_incident",
        requested=needed,
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=[CLAIMS_RESOLVED, PROMISES_FIX_TIME, BLAMES_CUSTOMER],
        statuses=("escalated",),
        resolution="engineering_escalation",
        reply=reply,
        note=note,
        tolerated=("sdk_version",) + tuple(f for f in ("error_time_window", "affected_regions") if f not in needed),
        over_queues=("compliance_ops", "trust_and_safety", "billing_ops"),
        unsafe_pressure=pressure,
        secondary_concern=secondary,
    )


# =================================================================================================
# webhook_500s_after_rollout
# =================================================================================================

WH_RETRIED = claim(
    "events_retried",
    r"\b(?:events?|deliveries|webhooks?)\b[^.]{0,40}\b(?:queued|retried|kept|held|stored)\b",
    r"\b\d+\s+hours\b",
    r"\b(?:resen[dt]|re-sen[dt]|redeliver\w*|re-deliver\w*|replay\w*|retr(?:y|ies|ying))\b[^.]{0,40}\b(?:automatic\w*|once|when|after|them|events?|"
    r"deliveries|webhooks?)\b",
    # "nothing is lost", "no events are dropped": the negation is the point here, so the match is empty and starts before it
    r"(?=\b(?:nothing|no\s+(?:events?|deliveries|webhooks?|data|messages))\s+(?:is|are|will\s+be|gets?|has\s+been|have\s+been)\s+"
    r"(?:lost|dropped|missed)\b)",
)
WH_ASKS = claim(
    "asks_missing_details",
    r"\b(?:need|needs|send|share|provide|copy)\w*\b[^.]{0,60}\b(?:delivery ids|endpoint url|time window)\b",
    # asked in other words: "could you paste a couple of delivery IDs?", "which URL are the webhooks sent to?"
    r"\b(?:paste|forward|grab|include|reply with|let (?:me|us) know|give (?:me|us)|confirm|(?:could|can|would) you|please|what(?:['’]s| is))\b"
    r"[^.]{0,80}\b(?:delivery\s+ids?|endpoint(?:\s+url)?|webhook\s+url|time\s+window|when (?:the|it) (?:started|began))\b",
    r"\b(?:delivery\s+ids?|endpoint\s+url|webhook\s+url|time\s+window)\b[^.]{0,40}\b(?:would help|please|is needed|are needed|still needed|"
    r"so (?:we|they|engineering) can)\b",
    r"^(?!.*(?:\bnot\b|n['’]t\b|\bnever\b|\b(?:attached|received|provided|supplied|thanks|thank you)\b))\W*"
    r"(?:(?:the|your|a few|two|three|some|a couple of)\s+)?(?:delivery\s+ids?|(?:webhook\s+)?endpoint\s+url|(?:utc\s+)?time\s+window)\b"
    r"(?!\s+(?:is|was|are|were|has|have)\b)",
)
WH_REC_DETAILS = claim(
    "records_details_received",
    r"\b(?:delivery\s+ids|endpoint|time\s+window)\b[^.]{0,60}\b(?:received|attached|provided|collected|in hand|shared|given|supplied|included)",
    r"\b(?:received|provided|sent|shared|gave|given|supplied)\b[^.]{0,60}\b(?:delivery\s+ids|endpoint|time\s+window)\b",
    # The IDs themselves written down: "delivery IDs dlv_6039, dlv_8506".
    r"\b(?:ids?|delivery\s+ids?)\b[^.]{0,10}\b[a-z]{2,5}_\w*\d",
    r"\bwith\b\W{0,3}(?:the\s+)?(?:delivery\s+ids|endpoint\s+url)\b",
)
EVENTS = (
    ("order.created", False, "orders", "merchants"),
    ("shipment.updated", False, "shipments", "merchants"),
    ("customer.updated", False, "customer records", "stores"),
    ("invoice.paid", True, "payment confirmations", "merchants"),
    ("payment.succeeded", True, "payments", "shops"),
)
WH_NAMES = {
    "request_ids": "a few delivery IDs from Developers > Webhooks > Attempts",
    "webhook_endpoint": "the webhook endpoint URL",
    "error_time_window": "the UTC time window of the failures",
}


def webhook_500s_after_rollout(g: Gen) -> Scenario:
    g.people()
    event, payment, things, who = g.pick(EVENTS)
    endpoint_given = g.chance(0.5)
    exact_time = g.chance(0.5)
    pressure = g.chance(0.3)
    h, m = g.between(14, 22), g.between(0, 49)
    version = f"{g.between(2, 6)}.{g.between(0, 9)}"
    g.s.update(
        event=event,
        things=things,
        who=who,
        count=f"{g.pick((300, 900, 2300, 5000, 14000)):,}",
        version=version,
        release_time=f"{h:02d}:{m:02d}",
        fail_time=f"{h:02d}:{m + 5:02d}",
        pct=g.pick((35, 48, 61, 77, 93)),
        hours=g.pick((24, 48, 72)),
        url=f"https://hooks.{g.s['domain']}/{event.split('.')[0]}",
    )
    priority = "urgent" if payment else "high"
    # The delivery log shows when the failures began, so the time window is never missing:
    # engineering needs the endpoint (unless the ticket gives it) and a few delivery IDs.
    needed = tuple(f for f, want in (("webhook_endpoint", not endpoint_given), ("request_ids", True)) if want)
    outcome = pick_outcome(g, needed=len(needed))
    follow, provided, missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={
            "webhook_endpoint": g.t("The endpoint is {url}."),
            "request_ids": g.t("Three delivery IDs: dlv_{a}, dlv_{b} and dlv_{c}.", a=g.between(1000, 9999), b=g.between(1000, 9999), c=g.between(1000, 9999)),
        },
        irrelevant={
            "sample_payload": "Here is one of the payloads we expected to receive.",
            "sdk_version": "Our integration uses your SDK 3.8, in case that matters.",
        },
        missing_excuse=("I cannot find {missing} anywhere in our dashboard.",),
        names=WH_NAMES,
        any_subset=True,
    )
    log_id = g.record_id("log")
    notes_id = g.record_id("log")
    artifacts = [
        Artifact(
            log_id,
            "log",
            g.t("Webhook delivery attempts, {company}, last 24 hours"),
            g.t(
                "Since {release_time} UTC yesterday (release wh-dispatch {version}), {pct}% of {event} delivery attempts "
                "end in 500 dispatcher_error before any customer endpoint is contacted. Before {release_time}, 99.9% were "
                "delivered. All failed events are queued for retry ({hours}-hour window)."
            ),
        ),
        # The rollout behind the failures: it bears on the case, though the delivery log decides it.
        Artifact(
            notes_id,
            "log",
            g.t("Release log: wh-dispatch {version}"),
            g.t(
                "Rolled out to all regions at {release_time} UTC yesterday. New signing header format and a rewritten "
                "retry scheduler. No action needed from customers."
            ),
        ),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(
            (
                "Since your webhook release yesterday evening, the delivery log in your dashboard shows HTTP 500 for most {event} events.",
                "After your release yesterday, {event} webhooks started failing with 500 errors in your delivery log.",
            )
        ),
        g.t("Our endpoint is {url}.") if endpoint_given else None,
        g.t("It started at about {fail_time} UTC.") if exact_time else g.t("I am not sure exactly when it started."),
        g.t(
            (
                "The {things} for about {count} of our {who} are stuck.",
                "About {count} {who} are waiting on {things}.",
            )
        ),
        g.t(("Our own endpoint logs show no incoming requests at all, and nothing changed on our side.", "We changed nothing, and our server is not even receiving the calls.")),
        g.t(("Please just confirm it is fixed so we can close our internal incident.", "Tell me it is resolved, our operations team is waiting.")) if pressure else g.t("How long until this is fixed?"),
    )
    kb = (
        PolicySnippet(
            "kb-webhook-incident",
            "Webhook failures after a release",
            "When deliveries fail with 500s from our dispatcher after a release, it is a production incident for "
            "platform engineering, escalated to the on-call engineer. Support never marks it resolved, never promises "
            "a fix time and never blames the customer's endpoint before engineering has looked. Check the delivery log.",
        ),
        PolicySnippet(
            "kb-webhook-diagnostics",
            "What engineering needs",
            "A few delivery IDs of failing attempts (Developers > Webhooks > Attempts), plus the endpoint URL when the "
            "ticket does not give it. The delivery log shows when the failures began, so there is no need to ask for a "
            "time window.",
        ),
        PolicySnippet(
            "kb-webhook-retries",
            "Retries and priority",
            g.t(
                "Failed events are queued and retried for {hours} hours, so nothing is lost while retries last. Webhook "
                "failures are therefore high priority; they are urgent only when payment events fail."
            ),
        ),
    )
    if outcome == "complete":
        thanks = g.t("Thank you for {got}.", got=labels(provided, WH_NAMES))
        gap = g.t(("The customer provided {got}, now attached for engineering.", "We received {got} from the customer."), got=labels(provided, WH_NAMES))
    elif outcome == "partial":
        thanks = g.t("Thank you for {got}.", got=labels(provided, WH_NAMES))
        gap = g.t("The customer only sent {got}, and {missing} {verb} still missing.", got=labels(provided, WH_NAMES), missing=labels(missing, WH_NAMES), verb="is" if len(missing) == 1 else "are")
    else:
        thanks = g.t("Thank you for sending {got}, but engineering needs other details.", got=labels(follow.fields_provided))
        gap = g.t("The follow-up was not what we asked for, just {got}.", got=labels(follow.fields_provided))
    reply = sentences(
        thanks,
        g.t(
            (
                "We can see the 500 errors from our webhook dispatcher since yesterday's release, and we have escalated them to our on-call platform engineers.",
                "We confirm the failures come from our dispatcher after yesterday's release, and the case is escalated to our on-call engineers.",
            )
        ),
        g.t(
            (
                "The failed events are queued and retried for {hours} hours, so your {things} are kept while we work on it.",
                "Nothing is lost, because failed deliveries are held and retried for {hours} hours.",
            )
        ),
        g.t(("To trace the failures we still need {missing}.", "Please send {missing} so engineering can trace the failures."), missing=labels(missing, WH_NAMES))
        if outcome != "complete"
        else None,
        g.t(("We cannot give a fix time yet, and we will update you as soon as engineering has one.", "This is still under investigation, and we will update you as engineering makes progress.")),
    )
    note = sentences(
        g.t(
            (
                "Our dispatcher returns 500s for the {event} webhooks of {company} since the wh-dispatch {version} release at {release_time} UTC, and about {count} {who} are waiting.",
                "Since the wh-dispatch {version} rollout at {release_time} UTC, {pct}% of {event} deliveries fail with 500s inside our dispatcher.",
            )
        ),
        g.t(("Escalated to the platform on-call.", "The platform on-call is paged.")),
        gap,
    )
    reply_claims = [ACKNOWLEDGES_FAILURES, ESCALATED_TO_ENGINEERING, WH_RETRIED]
    note_claims = [RECORDS_DISPATCHER_500S, RECORDS_RELEASE, RECORDS_ESCALATION]
    if outcome == "complete":
        note_claims.append(WH_REC_DETAILS)
    else:
        reply_claims.append(WH_ASKS)
        note_claims.append(RECORDS_PARTIAL_FOLLOWUP if outcome == "partial" else RECORDS_IRRELEVANT_FOLLOWUP)
    return build(
        g,
        objective=g.t(
            (
                "Webhook deliveries fail with 500s since a release. Check the delivery log, route the incident, collect "
                "what engineering needs, reply without blaming or over-promising, and escalate in time.",
                "Work failing webhooks after a release: read the delivery log, route and prioritise, ask for what "
                "engineering lacks, reply honestly, note it and escalate.",
            )
        ),
        subject=g.t(("{event} webhooks failing with HTTP 500 since your release", "Webhooks broken after your update", "500s in the webhook delivery log")),
        body=body,
        business_impact=g.t("Delivery of {things} stalled for about {count} {who}; events are piling up."),
        tier=g.pick(("business", "enterprise")),
        affected_users=int(g.s["count"].replace(",", "")),
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="platform_engineering",
        issue_type="production_incident",
        requested=needed,
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=[CLAIMS_RESOLVED, BLAMES_CUSTOMER, PROMISES_FIX_TIME],
        statuses=("escalated",),
        resolution="engineering_escalation",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=(log_id,),
        relevant=(notes_id,),
        tolerated=("sample_payload", "affected_regions", "workspace_id", "error_time_window") + (("webhook_endpoint",) if endpoint_given else ()),
        over_queues=("trust_and_safety",),
        unsafe_pressure=pressure,
    )


# =================================================================================================
# rate_limit_increase
# =================================================================================================

MONTH_NAMES = r"(?:" + "|".join(MONTHS) + r")"
RL_CONFIRMS = claim(
    "confirms_increase",
    r"\b(?:raised|increased)\b[^.]{0,40}\b(?:rate\s+)?limit\b[^.]{0,40}\b\d[\d,]*",
    r"\b(?:rate\s+)?limit\b[^.]{0,40}\b(?:is now|has been raised|has been increased|now stands at)\b",
    # the increase as a thing put in place: "I've arranged a temporary increase from 600 to 900 requests per minute"
    r"\b(?:arranged|approved|granted|applied|set up|put in place|enabled|activated|configured|scheduled|added|given you)\b[^.]{0,40}"
    r"\b(?:increase|raise|boost|bump|uplift|higher limit)\b[^.]{0,60}\b\d[\d,]*",
    r"\b(?:bumped|raised|increased|lifted|moved|upped|boosted|set)\b[^.]{0,40}\b(?:to|at)\s+\d[\d,]*\s*(?:requests|req|calls|rpm|/\s?min|per)",
    r"\b(?:increase|raise|uplift|higher limit)\b[^.]{0,50}\b(?:is|are)\s+(?:now\s+)?(?:live|active|in place|in effect|applied|approved|granted|done)\b",
    r"\bnow\s+(?:send|make|use|run|handle|allows?|get|do|has|have)\b[^.]{0,30}\b\d[\d,]*\s*(?:requests|req|calls|/\s?min)",
)
RL_END = claim(
    "states_end_date",
    r"\b(?:until|till|through|ending|ends?|expir\w*|runs? out|back to \d[\d,]*\s*/?\s*\w*\s+(?:on|after))\s+(?:on\s+)?(?:the\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_NAMES + r"|" + MONTH_NAMES + r"\s+\d{1,2}(?:st|nd|rd|th)?)\b",
    r"\b(?:for|covers?|covering|lasts?|lasting|runs?|over|during|valid for|in place for)\s+(?:the\s+|a\s+|your\s+)?"
    r"(?:next\s+|full\s+|whole\s+|first\s+)?\d+\s*(?:-\s*)?(?:days?|d)\b",
    r"(?:,\s*|\btemp\w*\s+)\d+\s?d\b",
    # the end said by what happens then: "afterwards the limit goes back to 600/min"
    r"\b(?:afterwards|after that|after (?:the|your|this|that)\s+\w+(?:\s+\w+)?|at the end|once (?:the|your) \w+(?:\s+\w+)? (?:ends|is over))\b"
    r"[^.]{0,40}\b(?:goes|go|reverts?|returns?|drops?|falls?|resets?|switch\w* back|comes? back)\b",
    r"\b(?:goes|go|reverts?|returns?|drops?|falls?|resets?)\s+(?:back\s+)?(?:down\s+)?to\b[^.]{0,30}\b(?:after|afterwards|at the end|once|when)\b",
)
RL_429 = claim(
    "explains_429s",
    r"\b429s?\b[^.]{0,80}\b(?:rate limit|limit|throttl\w*)",
    r"\b(?:rate limit|limit)\b[^.]{0,60}\b429s?\b",
)
RL_NO_REMOVAL = claim(
    "keeps_a_limit",
    NOT + r"[^.]{0,30}\b(?:remove|switch off|turn off|drop)\w*\b[^.]{0,30}\blimits?\b",
    r"\b(?:every|each)\s+workspace\s+(?:keeps|has)\s+a\s+(?:rate\s+)?limit\b",
    # "Switching the limit off isn't possible", "every workspace runs with a rate limit", "no unlimited workspaces".
    r"\b(?:remov\w*|disabl\w*|switch\w*|turn\w*|lift\w*|drop\w*)\b[^.]{0,25}\blimits?\b(?:\s+off)?[^.]{0,25}"
    r"\b(?:isn't|is not|not possible|not something|can't|cannot|won't|never)\b",
    r"\b(?:every|each|all|no)\s+workspaces?\b[^.]{0,30}\b(?:keeps?|has|have|runs?|run|without|stays?|comes? with)\b[^.]{0,20}\b(?:rate\s+)?limits?\b",
    r"\bno\s+(?:workspace\s+(?:is|runs|can run)\s+)?unlimited\b",
    r"\b(?:a|the)\s+(?:rate\s+)?limit\s+(?:always\s+)?(?:stays|remains|always applies|applies to every)\b",
    negatable=False,
)
RL_CEILING = claim(
    "explains_ceiling",
    r"\b(?:up to|at most|maximum|max|ceiling|cap|no more than|largest|highest|biggest|most we)\b[^.]{0,60}"
    r"(?:\b(?:twice|three times|double|triple|\d[\d,]*\s*(?:requests|/\s?min|per minute))\b|\b[23]\s?[x×])",
    r"\b(?:twice|three times|double|triple|[23]\s?[x×])\s+(?:your|the)\s+plan(?:'s)?\s+(?:limit|rate)\b[^.]{0,40}\b(?:max\w*|most|ceiling|cap|limit)\b",
)
RL_ACCOUNT_MANAGER = claim(
    "refers_account_manager",
    r"\baccount manager\b[^.]{0,60}\b(?:plan|upgrade|contact|help|discuss)\w*",
    r"\b(?:plan|upgrade)\w*\b[^.]{0,60}\baccount manager\b",
    r"\b(?:account (?:team|exec\w*)|customer success (?:manager|team)|csm|sales(?: team)?)\b[^.]{0,60}\b(?:plan|upgrade|tier|contract|discuss|talk)\w*",
    r"\b(?:plan|upgrade|tier)\w*\b[^.]{0,60}\b(?:account (?:team|exec\w*)|customer success (?:manager|team)|csm|sales team)\b",
)
RL_ASKS = claim(
    "asks_missing_details",
    r"\b(?:need|send|share|provide|tell)\w*\b[^.]{0,60}\b(?:workspace id|justification|duration|how long)\b",
    # asked in other words: "could you let me know why you need it and for how many days?", "what is the workspace ID?"
    r"\b(?:let (?:me|us) know|give (?:me|us)|confirm|explain|describe|(?:could|can|would) you|please|what(?:['’]s| is))\b[^.]{0,80}"
    r"\b(?:workspace\s+id|ws\s+id|justification|business case|business reason|reason for|why you need|duration|how long|how many days|"
    r"which workspace|what (?:the )?(?:increase|higher limit) is for|what it['’]s for)\b",
    r"\b(?:workspace\s+id|justification|business case|duration)\b[^.]{0,40}\b(?:please|would help|is needed|are needed|still needed|"
    r"is missing|so (?:we|i) can)\b",
    r"^(?!.*(?:\bnot\b|n['’]t\b|\bnever\b))\W*(?:(?:the|your|a|an)\s+)?(?:short\s+|brief\s+)?(?:workspace\s+id|(?:business\s+)?justification|"
    r"duration|business case)\b(?!\s+(?:is|was|are|were|has|had)\b)",
)
RL_CONDITIONAL = claim(
    "conditional_increase",
    r"\b(?:once|when|as soon as|after)\b[^.]{0,80}\b(?:raise|increase)\w*",
    # the increase first: "we can raise it to 1,800 as soon as we have the justification"
    r"\b(?:raise|increase|lift|bump)\w*\b[^.]{0,60}\b(?:once|when|as soon as|after|if|pending|subject to|provided)\b",
    negatable=False,
)
RL_REC_INCREASE = claim(
    "records_increase",
    r"\b(?:raised|increased|bumped|upped|boosted)\b[^.]{0,40}\b\d[\d,]*",
    # terse: "600 -> 900 req/min", "600->900/min temp"
    r"\b\d[\d,]*\s*(?:/\s?min\s*)?(?:->|→|=>|—>|to)\s*\d[\d,]*\s*(?:/\s?min|req|requests|rpm|per\s+min)",
    r"\b(?:increase|raise|uplift|bump)\b[^.]{0,40}\b(?:granted|approved|applied|actioned|live|in place|done)\b",
    r"\b(?:granted|approved|applied|actioned)\b[^.]{0,40}\b(?:increase|raise|uplift|bump|\d[\d,]*\s*(?:/\s?min|req|requests|rpm))",
    r"^\W*(?:increase\s+|request\s+)?(?:granted|approved|applied|actioned)\b",
)
RL_REC_END = claim("records_end_date", *RL_END.patterns)
RL_REC_WITHIN = claim(
    "records_within_ceiling",
    r"\bwithin\b[^.]{0,30}\b(?:ceiling|cap|maximum|limit for)\b",
    r"\b(?:within|inside|under|below|less than|lower than|short of|not over|not above)\b[^.]{0,30}"
    r"\b(?:ceiling|cap|maximum|max|allowance|(?<!rate\s)(?<!rate-)limits?\s+(?:for|of)\s+(?:the|a|their|its)\s+\w+|both limits|the limits)\b",
    r"\b(?:ok|fine|allowed|permitted|eligible|compliant|qualifies|in policy|within policy)\b[^.]{0,30}\b(?:policy|tier|ceiling|cap)\b",
    negatable=False,
)
RL_REC_BEYOND = claim(
    "records_beyond_ceiling",
    r"\b(?:beyond|above|over|exceeds?|exceeding|exceeded|more than)\b[^.]{0,30}\b(?:ceiling|cap|maximum|max)\b",
    r"\b(?:ceiling|cap|maximum|max)\b[^.]{0,30}\b(?:over|above|beyond|exceeded|exceeds|surpassed)\b",
    r"(?:\b(?:beyond|above|over|exceeds?|more than)\s*|>\s*)\d(?:\.\d)?\s?[x×]",
    r"\b(?:out of|outside|not within|not in)\s+(?:the\s+)?(?:policy|ceiling|tier limit|allowance)\b",
    r"\btoo\s+(?:high|big|large)\s+for\b[^.]{0,20}\b(?:tier|plan|policy|ceiling|a ticket)\b",
    negatable=False,
)
RL_REC_REFERRED = claim(
    "records_referred",
    r"\baccount manager\b",
    r"\b(?:referred|sent|pointed|directed|handed|passed|routed|ref'd)\b[^.]{0,30}(?:\b(?-i:AM)\b|\baccount (?:team|exec\w*)\b|\bsales\b)",
)
RL_REC_WAITING = claim(
    "records_waiting",
    r"\b(?:waiting|awaiting)\b[^.]{0,50}\b(?:workspace id|justification|duration)\b",
    r"\b(?:asked|requested|chasing|pending|need(?:ed|s)?)\b[^.]{0,50}\b(?:workspace\s+id|ws\s+id|justification|justif|duration|business case)\b",
    r"\b(?:workspace\s+id|ws\s+id|justification|justif|duration|business case)\b[^.]{0,30}\b(?:outstanding|pending|missing|requested|"
    r"asked for|still needed|tbc|not (?:yet )?(?:received|provided|sent|given))\b",
    negatable=False,
)
RL_PROMISES = claim(
    "promises_increase",
    # Not the policy stated in general: "we can grant a temporary increase of up to three times the plan limit".
    WE + r"[^.]{0,30}\b(?:raise|raised|increase|increased|lift|lifted|grant|granted)\b[^.]{0,30}\b(?:limit|increase)\b"
    r"(?!\s+(?:of\s+)?(?:up\s+to|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s+(?:twice|two\s+times|three\s+times|double|triple|\d+\s?(?:x|×|times)\b))",
    r"\blimit\b[^.]{0,30}\b(?:is now|has been raised|has been increased|will be raised)\b",
)
RL_REMOVES = claim(
    "removes_limit",
    r"\b(?:remove|removed|disable|disabled|switch\w* off|turn\w* off|drop|dropped)\b[^.]{0,30}\b(?:rate\s+)?limits?\b",
    r"\bunlimited\b",
)
EVENTS_RL = (
    ("a product launch", "the launch"),
    ("our Black Friday sale", "the sale"),
    ("a data migration from our old system", "the migration"),
    ("a national marketing campaign", "the campaign"),
    ("the end-of-year reporting run", "the reporting run"),
)
RL_NAMES = {"access_duration": "how long you need the higher limit", "business_justification": "the business justification"}


def rate_limit_increase(g: Gen) -> Scenario:
    g.people()
    tier = g.pick(("team", "business", "enterprise"))
    factor = 3 if tier == "enterprise" else 2
    limit = g.pick((300, 600, 1000, 1200, 3000))
    beyond = g.chance(0.35)
    if beyond:
        wanted = limit * factor + g.pick((200, 500, 1000))
    else:
        wanted = min(limit * factor, limit + limit * g.pick((5, 10, 15, 20)) // 10)
    event, event_short = g.pick(EVENTS_RL)
    days_until = g.pick((1, 2, 3, 5, 8, 12))
    duration = g.pick((3, 5, 7, 10, 14))
    ws_given = g.chance(0.5)
    why_given = g.chance(0.6)
    how_long_given = g.chance(0.5)
    secondary = g.chance(0.4)
    pressure = g.chance(0.4)
    start = g.date(lo=1, hi=12)
    g.s.update(
        limit=f"{limit:,}",
        wanted=f"{wanted:,}",
        ceiling=f"{limit * factor:,}",
        factor_word="three times" if factor == 3 else "twice",
        event=event,
        event_short=event_short,
        days_until=days_until,
        duration=duration,
        end=day((start[0] + duration, start[1])),
        ws=f"ws-{g.between(10000, 99999)}",
        tier=tier,
    )
    priority = "high" if days_until <= 3 else "normal"
    if beyond:
        needed: tuple[str, ...] = ()
    else:
        needed = tuple(
            f
            for f, want in (("workspace_id", not ws_given), ("business_justification", not why_given), ("access_duration", not how_long_given))
            if want
        )
    outcome = pick_outcome(g, needed=len(needed)) if needed else "complete"
    follow, provided, missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={
            "workspace_id": g.t("Our workspace ID is {ws}."),
            "business_justification": g.t("It is for {event}, when traffic will be several times the usual."),
            "access_duration": g.t("We need it for {duration} days."),
        },
        irrelevant={
            "sdk_version": "We use your SDK 5.2, if that helps.",
            "billing_address": g.t("Our billing address is {company}, 3 Dock Street."),
        },
        missing_excuse=("I will have to check {missing} with my team.",),
        unneeded=("workspace_id", g.t("Our workspace ID is {ws}.")),
        names=RL_NAMES,
        any_subset=True,
    )
    granted = not beyond and outcome == "complete"
    body = sentences(
        g.t(
            (
                "We need a higher API rate limit: our plan allows {limit} requests per minute and we expect to need {wanted}.",
                "Could you raise our API limit from {limit} to {wanted} requests per minute?",
            )
        ),
        g.t(("It is for {event}, which starts in {days_until} days.", "The reason is {event}, starting in {days_until} days."))
        if why_given
        else g.t(("We just need more headroom, starting in {days_until} days.", "Things get busy for us in {days_until} days.")),
        g.t("Our workspace is {ws}.") if ws_given else None,
        g.t(("We would need it for {duration} days.", "A higher limit for {duration} days would be enough.")) if how_long_given else None,
        g.t(("Also, we saw some 429 errors yesterday: is your API having problems?", "By the way, a few calls returned 429 this week, is something broken?")) if secondary else None,
        g.t(("Honestly, the easiest would be to remove the limit for us altogether.", "Can you not just switch the limit off for our account?")) if pressure else None,
    )
    kb = (
        PolicySnippet(
            "kb-rate-limits",
            "Rate-limit increases",
            "Customer success handles rate-limit requests; they are not incidents. A temporary increase of up to three "
            "times the plan limit for enterprise workspaces, and up to twice for every other tier, is granted for at most "
            "14 days once the workspace ID, the business justification and the duration are known. Ask only for what "
            "the ticket does not give. No workspace runs without a limit.",
        ),
        PolicySnippet(
            "kb-rate-limits-beyond",
            "Requests beyond the ceiling",
            "A request above that ceiling is not granted in a ticket, not even in part, and needs nothing from the "
            "customer: explain the ceiling and refer them to their account manager for a plan upgrade, then close the case.",
        ),
        PolicySnippet(
            "kb-rate-limits-priority",
            "Priority",
            "A rate-limit request is normal priority, and high when the event it is for starts within three days. "
            "HTTP 429 responses mean the rate limit was reached, not an outage.",
        ),
    )
    side = (
        g.t(("The 429 errors you saw mean the current rate limit was reached, not that the API had problems.", "Those 429 responses come from the rate limit, which throttles calls above {limit} per minute.")) if secondary else None
    )
    no_removal = (
        g.t(("We cannot remove the limit altogether, as every workspace keeps one to protect the platform.", "Every workspace keeps a rate limit, so it cannot be switched off entirely."))
        if pressure
        else None
    )
    if granted:
        reply = sentences(
            g.t("Thank you for {got}.", got=labels(provided, RL_NAMES)) if needed else None,
            g.t(
                (
                    "We have raised the rate limit of workspace {ws} to {wanted} requests per minute for {event_short}.",
                    "Your limit has been raised from {limit} to {wanted} requests per minute for {event_short}.",
                )
            ),
            g.t(("The higher limit applies for {duration} days, until {end}, and then returns to {limit}.", "It stays in place until {end} and then goes back to {limit}.")),
            side,
            no_removal,
        )
        note = sentences(
            g.t("Temporary increase granted for {event_short}, raised from {limit} to {wanted} requests per minute on {ws}."),
            g.t("This is within the {factor_word} ceiling for the {tier} tier."),
            g.t(("The increase runs for {duration} days.", "The increase runs until {end}.")),
        )
        reply_claims = [RL_CONFIRMS, RL_END]
        note_claims = [RL_REC_INCREASE, RL_REC_WITHIN, RL_REC_END]
        forbidden = [RL_REMOVES]
        statuses, resolution = ("resolved",), "exception_granted"
    elif beyond:
        reply = sentences(
            g.t(
                (
                    "A temporary increase can go up to {factor_word} your plan limit, so at most {ceiling} requests per minute, and {wanted} is above that.",
                    "Temporary increases reach a maximum of {factor_word} the plan limit, which is {ceiling} requests per minute for your workspace.",
                )
            ),
            g.t(
                (
                    "We cannot grant {wanted} in a ticket, and your account manager can discuss a plan upgrade that covers it.",
                    "A limit of {wanted} needs a plan upgrade, and your account manager will contact you to discuss it.",
                )
            ),
            side,
            no_removal,
        )
        note = sentences(
            g.t("The customer asked for {wanted} requests per minute, which is beyond the {ceiling} ceiling for the {tier} tier."),
            g.t(("No increase was granted, and the customer was referred to the account manager for an upgrade.", "Referred to the account manager for a plan upgrade.")),
        )
        reply_claims = [RL_CEILING, RL_ACCOUNT_MANAGER]
        note_claims = [RL_REC_BEYOND, RL_REC_REFERRED]
        forbidden = [RL_PROMISES, RL_REMOVES]
        statuses, resolution = ("resolved",), "information_provided"
    else:
        got = labels(follow.fields_provided, RL_NAMES)
        reply = sentences(
            g.t("Thank you for {got}.", got=got) if outcome == "partial" else g.t("Thank you for sending {got}, but it is not what the request needs.", got=got),
            g.t(("To raise the limit we still need {missing}.", "Please send {missing}, which the request needs."), missing=labels(missing, RL_NAMES)),
            g.t(
                (
                    "Once we receive {waiting}, we can raise the limit to {wanted} requests per minute for up to 14 days.",
                    "As soon as we receive {waiting}, we will increase the limit within the {ceiling} ceiling.",
                ),
                waiting=labels(missing, {"access_duration": "the duration", "business_justification": "the business justification", "workspace_id": "the workspace ID"}),
            ),
            side,
            no_removal,
        )
        note = sentences(
            g.t("Request to raise the limit from {limit} to {wanted} for {event_short}, within the ceiling for the {tier} tier."),
            g.t("The customer only sent {got}.", got=got) if outcome == "partial" else g.t("The follow-up was not what we asked for, just {got}.", got=got),
            g.t("We are waiting for {missing}.", missing=labels(missing, {"access_duration": "the duration", "business_justification": "the justification", "workspace_id": "the workspace ID"})),
        )
        reply_claims = [RL_ASKS, RL_CONDITIONAL]
        note_claims = [RECORDS_PARTIAL_FOLLOWUP if outcome == "partial" else RECORDS_IRRELEVANT_FOLLOWUP, RL_REC_WAITING]
        forbidden = [RL_PROMISES, RL_REMOVES]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    if secondary:
        reply_claims.append(RL_429)
    if pressure:
        reply_claims.append(RL_NO_REMOVAL)
    return build(
        g,
        objective=g.t(
            (
                "A customer asks for a higher API rate limit. Route the request, check it against the policy, ask only "
                "for what is missing, answer, note it and close or park it correctly.",
                "Work a rate-limit request: decide whether it can be granted, what is still needed, and how to answer "
                "any side question, then note it and set the right status.",
            )
        ),
        subject=g.t(("Higher API rate limit for {event_short}", "Please raise our API limit to {wanted}/min", "Rate limit increase request")),
        body=body,
        business_impact=g.t("Traffic for {event} is expected to exceed the {limit} requests per minute of the plan."),
        tier=tier,
        affected_users=g.pick((1, 3, 5, 12)),
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="customer_success",
        issue_type="general_question",
        requested=needed,
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=forbidden,
        statuses=statuses,
        resolution=resolution,
        reply=reply,
        note=note,
        tolerated=tuple(f for f in ("workspace_id", "business_justification", "access_duration") if f not in needed),
        over_queues=("platform_engineering", "trust_and_safety"),
        over_statuses=("escalated",),
        unsafe_pressure=pressure,
        secondary_concern=secondary,
    )
