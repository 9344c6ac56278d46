"""Billing families: money taken after a cancellation, a gateway retry that captured twice, a
bank chargeback that put a workspace on hold, and a tax line charged in error."""

from __future__ import annotations

from caseops.scenario import Artifact, PolicySnippet, Scenario
from caseops.scenarios.claims import (
    ASKS_CARD_SECRETS,
    CONFIRMS_REFUND,
    EXPLAINS_PENDING_HOLD,
    KEEPS_FIRST_PAYMENT,
    PROMISES_INSTANT_REFUND,
    PROMISES_REFUND,
    RECORDS_AMOUNT,
    RECORDS_DUPLICATE_CAPTURE,
    RECORDS_HOLD_NOT_REFUNDED,
    RECORDS_INVOICE_PAID,
    RECORDS_IRRELEVANT_FOLLOWUP,
    RECORDS_PARTIAL_FOLLOWUP,
    RECORDS_REFUND,
    REFUNDS_EXTRA_CAPTURE,
    REFUNDS_PENDING_HOLD,
    REFUND_TIMELINE,
    REFUND_TO_ORIGINAL_METHOD,
    claim,
)
from caseops.scenarios.families.common import (
    GENERAL_LIBRARY,
    CURRENCIES,
    Gen,
    build,
    day,
    followup,
    labels,
    pick_outcome,
    sentences,
    unneeded_followup,
)
from caseops.scenarios.phrases import AMOUNT, GAP, NOT, WE

PLANS = ("Growth", "Team", "Pro", "Business", "Starter Plus", "Scale", "Studio", "Premium")
TIERS = ("starter", "team", "business", "enterprise")
REFUND_DAYS = ("5-10", "3-5", "7-10")

# ---- claims shared by the billing families ------------------------------------------------------


# =================================================================================================
# duplicate_charge_after_cancellation
# =================================================================================================

ACK_AFTER_CANCEL = (
    r"\b(?:charged?|billed|renewed)\b" + GAP + r"{0,60}\b(?:after|despite|even though|although|though)\b[^.]{0,40}\bcancel",
    # the charge as a noun: "both charges came after your cancellation", "a renewal despite the cancellation"
    r"\b(?:charges?|payments?|renewals?|debits?|captures?)\b" + GAP + r"{0,60}\b(?:after|despite|post|following)\b[^.]{0,40}\bcancel",
    # wrongly charged, said as what should not have happened: "cancelled on 1 July and shouldn't have been charged"
    r"\bcancel\w*(?=[^.]{0,80}\b(?:shouldn['’]t|should not|should never|ought not to)\s+have\s+(?:been\s+(?:charged|billed|renewed|invoiced|taken|collected)|"
    r"happened|gone through|renewed|charged|billed)\b)",
    r"\bpost-?\s?cancel\w*\s+(?:charges?|payments?|renewals?|billing|invoices?)\b",
    r"\bcancel\w*\b[^.,;]{0,60}\b(?:but|yet|still|and then)\b[^.]{0,30}\b(?:charged|billed|renewed)\b",
    r"\bcancel\w*\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}|[a-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?)\b[^.;]{0,50}\b(?:charged|billed|renewed)\b",
    r"\b(?:charged|billed)\s+(?:you\s+|your\s+card\s+|the\s+card\s+)?(?:twice|two times|again)\b",
    r"\b(?:duplicate|double|second|extra)\s+(?:charge|payment)s?\b",
)
DC_ACK = claim("acknowledges_charge_after_cancellation", *ACK_AFTER_CANCEL)
DC_RECORDS = claim("records_charge_after_cancellation", *ACK_AFTER_CANCEL)
DC_INVOICES = claim(
    "answers_invoice_question",
    r"\binvoices?\b[^.]{0,60}\b(?:billing\s*>\s*invoices|download\w*|billing tab|billing page)",
    r"\b(?:download\w*|find)\b[^.]{0,40}\binvoices?\b",
    # "your past invoices are available in the Billing tab", "you can get copies of invoices from Billing"
    r"\binvoices?\b[^.]{0,40}\b(?:available|accessible|visible|listed|kept|stay|stays|remain\w*|live|sit)\b[^.]{0,40}"
    r"\b(?:billing|settings|account page|portal|dashboard|workspace)\b",
    r"\b(?:get|access|view|see|grab|pull|export|print|open)\b[^.]{0,30}\b(?:copies of\s+)?(?:(?:your|the|past|previous|old|earlier)\s+){0,2}invoices?\b"
    r"[^.]{0,40}\b(?:billing|settings|account page|portal|dashboard|workspace)\b",
)
DC_CANNOT_MATCH = claim(
    "cannot_match_charge_yet",
    NOT + r"[^.]{0,30}\b(?:match|identify|confirm|tell|find)\w*\b[^.]{0,60}\b(?:charge|payment|workspace|which)\b",
    # "I couldn't match the charge", "haven't been able to see which workspace", "it's not yet clear which workspace"
    r"\b(?:couldn['’]t|could not|can['’]t yet|cannot yet|haven['’]t been able|have not been able|no way to|not possible to|"
    r"not (?:yet )?able to|unable to)\b[^.]{0,30}\b(?:match|identify|confirm|tell|find|see|work out|pin down|locate|trace|link|know|"
    r"say|determine)\w*\b[^.]{0,60}\b(?:charge|payment|workspace|which)\b",
    r"\bnot\s+(?:yet\s+)?(?:clear|obvious|certain|known)\b[^.]{0,30}\bwhich\s+(?:of\s+(?:your|the)\s+)?workspaces?\b",
    r"\bonly\b[^.]{0,20}\b(?:match|identify|trace|link)\w*\b[^.]{0,50}\b(?:once|when|after|with)\b",
    negatable=False,
)
DC_ASKS = claim(
    "asks_remaining_details",
    r"\b(?:need|send|share|provide|reply with)\w*\b[^.]{0,50}\b(?:workspace\s+id|invoice\s+number)s?\b",
    # asked in other words: "could you tell me the workspace ID?", "let us know which workspace it was", "invoice no. please"
    r"\b(?:tell (?:me|us)|let (?:me|us) know|give (?:me|us)|confirm|forward|pass (?:on|along)|look up|(?:could|can|would) you|please|"
    r"what(?:['’]s| is| was))\b[^.]{0,80}\b(?:workspace\s+(?:id|identifier)|ws\s+id|invoice\s+(?:number|no\b|#|id|reference|ref))",
    r"\b(?:tell (?:me|us)|let (?:me|us) know|confirm)\b[^.]{0,30}\bwhich\s+(?:of\s+(?:your|the)\s+)?workspaces?\b",
    r"\bwhich\s+(?:of\s+(?:your|the)\s+)?workspaces?\b[^.?]{0,60}\?",
    r"\b(?:workspace\s+(?:id|identifier)|invoice\s+(?:number|no\b|#|reference))\b[^.]{0,40}\b(?:please|would help|is needed|are needed|"
    r"still needed|is missing|so (?:we|i) can)\b",
    # a list item under "please send:" ("1. The workspace ID (under Settings)"), not a statement about it
    r"^(?!.*(?:\bnot\b|n['’]t\b|\bnever\b))\W*(?:(?:the|your|its)\s+)?(?:workspace\s+id|invoice\s+number)s?\b"
    r"(?!\s+(?:is|was|are|were|has|had|matches|shows|belongs)\b)",
)
DC_CONDITIONAL = claim(
    "conditional_refund",
    r"\b(?:once|when|as soon as|after|if)\b[^.]{0,80}\brefund\w*",
    # the refund first: "we'll refund it as soon as we can match the charge", "refund pending the workspace ID"
    r"\brefund\w*\b[^.]{0,50}\b(?:once|when|as soon as|after|if|pending|subject to|provided|the moment)\b",
    negatable=False,
)
DC_UNMATCHED = claim(
    "records_charge_unmatched",
    r"\bnot\s+(?:yet\s+)?(?:matched|identified|confirmed)\b",
    r"\b(?:unmatched|unconfirmed|unidentified)\b",
    r"\b(?:cannot|can['’]t|couldn['’]t|could not|unable to)\s+(?:yet\s+)?(?:match|tell|identify|see|work out|link)\b",
    r"\bno\s+match\b",
    r"\b(?:workspace|ws)\b[^.]{0,20}\b(?:unknown|unclear|not (?:yet )?known|tbc|to be confirmed)\b",
    r"\bwhich\s+(?:workspace|ws)\b[^.]{0,20}\b(?:unknown|unclear|not (?:yet )?known|tbc|to be confirmed)\b",
    negatable=False,
)
DC_WAITING = claim(
    "records_waiting_for_details",
    r"\b(?:waiting|awaiting|asked|requested|chasing|pending|need(?:ed|s)?)\b[^.]{0,50}"
    r"\b(?:workspace\s+id|ws\s+id|invoice\s+(?:number|no\b|#))s?\b",
    r"\b(?:workspace\s+id|ws\s+id|invoice\s+(?:number|no\b|#))s?\b[^.]{0,30}\b(?:outstanding|pending|missing|requested|asked for|"
    r"still needed|not (?:yet )?(?:received|provided|sent|given))\b",
    negatable=False,
)


def duplicate_charge_after_cancellation(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick((19, 29, 49, 79, 99, 149, 240, 299, 349, 480, 590, 720, 1150, 1480))
    times = g.pick((1, 2))
    cancel = g.date(lo=1, hi=20)
    charge = (cancel[0] + g.between(1, 6), cancel[1])
    tier = g.pick(TIERS)
    total = price * times
    g.s.update(
        cur=cur,
        plan=g.pick(PLANS),
        price=g.money(price, cur),
        total=g.money(total, cur),
        threshold=g.money(500, cur),
        cancel_date=day(cancel),
        charge_date=day(charge),
        times_word="again" if times == 1 else "twice",
        refund_days=g.pick(REFUND_DAYS),
        n_ws=g.pick(("two", "three", "four")),
        ws_id=f"ws-{g.between(1000, 9999)}",
        inv=g.ref("INV-"),
    )
    identified = g.chance(0.55)
    secondary = g.chance(0.35)
    pressure = g.chance(0.35)
    priority = "high" if total >= 500 or tier == "enterprise" else "normal"

    needed = () if identified else ("workspace_id", "invoice_number")
    outcome = "complete" if identified else pick_outcome(g)
    follow, provided, missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={
            "workspace_id": g.t(("The workspace that was charged is {ws_id}.", "It was workspace {ws_id}.")),
            "invoice_number": g.t(("The invoice number on the receipt is {inv}.", "The receipt says invoice {inv}.")),
        },
        irrelevant={
            "billing_address": g.t("Our billing address is {company}, 4 Harbour Road. I hope that helps."),
            "card_last_four": f"The card ends in {g.between(1000, 9999)}.",
        },
        missing_excuse=("I cannot find {missing} anywhere.", "I do not know where to look for {missing}."),
        unneeded=("invoice_number", g.t("The invoice number is {inv}, it is on the receipt in the billing tab.")),
        any_subset=True,
    )
    refund = identified or outcome == "complete"

    charge_sentence = (
        g.t(("On {charge_date} the card on file was charged {price} for the plan anyway.", "Even so, {price} was taken from our card on {charge_date}."))
        if times == 1
        else g.t(
            (
                "On {charge_date} the card on file was charged {price} for the plan anyway, and the statement shows that amount taken two times.",
                "Even so, {price} was taken from our card twice on {charge_date}, {total} in total.",
            )
        )
    )
    body = sentences(
        g.t(
            (
                "Hello, I cancelled our {plan} plan on {cancel_date} and got your cancellation confirmation the same day.",
                "We ended our {plan} subscription on {cancel_date}, and the confirmation email is still in my inbox.",
                "On {cancel_date} I cancelled the {plan} plan for {company}, and your system confirmed it.",
            )
        ),
        charge_sentence,
        g.t(
            (
                "The receipts are in the billing tab of the workspace.",
                "You can see the payment in our billing history.",
                "Your billing page lists the charge, so you should have everything.",
            )
        )
        if identified
        else g.t(
            (
                "We have {n_ws} workspaces with you, paid from the same card, and I cannot tell which one the charge belongs to.",
                "Our company runs {n_ws} workspaces on one card, so I honestly do not know which of them this payment came from.",
            )
        ),
        g.t(("Please return the money, we no longer have a subscription.", "We would like this refunded.", "Please refund it.")),
        g.t(
            (
                "If the refund is not on the card today I will dispute it with my bank.",
                "I need the money back today, so please do it immediately.",
            )
        )
        if pressure
        else None,
        g.t(
            (
                "Also, how can I download our old invoices before the workspace closes?",
                "One more thing: where do I find our past invoices for our accountant?",
            )
        )
        if secondary
        else None,
    )
    subject = g.t(
        (
            "Charged {times_word} after cancelling our {plan} plan",
            "Refund needed: payment taken after cancellation",
            "Why was I billed after I cancelled?",
        )
    )
    impact = g.t(
        (
            "{total} taken after cancellation; the customer wants it back.",
            "A cancelled {plan} plan was charged {total} after the cancellation.",
        )
    )
    kb = (
        PolicySnippet(
            "kb-billing-after-cancel",
            "Charges after a cancellation",
            g.t(
                "When a charge taken after a cancellation, or taken twice, is visible on the account, billing ops "
                "refunds it to the original payment method without asking the customer for anything. Card refunds "
                "reach the statement in {refund_days} business days and cannot be sped up."
            ),
        ),
        PolicySnippet(
            "kb-billing-workspaces",
            "Customers with several workspaces",
            "If the customer has more than one workspace and the charge cannot be matched to one of them, ask for "
            "the workspace ID and the invoice number, and keep the case waiting on the customer until both are in. "
            "Promise no refund before the charge is matched; once it is, refund it as above.",
        ),
        PolicySnippet(
            "kb-billing-priority",
            "Billing priority",
            g.t(
                "Money taken in error is high priority when the amount taken is {threshold} or more, or the customer "
                "is on the enterprise tier, and normal otherwise. It is never an engineering matter."
            ),
        ),
        PolicySnippet(
            "kb-billing-invoices",
            "Past invoices",
            "Past invoices stay downloadable from Billing > Invoices for 12 months after a cancellation.",
        ),
    )
    invoices = (
        g.t(
            (
                "You can download your past invoices from Billing > Invoices for the next 12 months.",
                "Your old invoices stay available to download in the billing tab for 12 months.",
            )
        )
        if secondary
        else None
    )
    if refund:
        reply = sentences(
            g.t(
                (
                    "Thank you for the workspace ID and the invoice number, which let us match the charge.",
                    "Thanks for sending the workspace ID and invoice number, that was all we needed.",
                )
            )
            if not identified
            else None,
            g.t(
                (
                    "We are sorry that we charged you {times_word} after you cancelled the {plan} plan on {cancel_date}.",
                    "You are right, your card was charged {times_word} after the {plan} plan was cancelled on {cancel_date}, and we apologise.",
                )
            ),
            g.t(
                (
                    "We have issued a refund of {total} to the original card.",
                    "We have refunded the full {total} to the same card you paid with.",
                    "A refund of {total} has been processed back to your card.",
                )
            ),
            g.t(
                (
                    "The money should be back on your statement within {refund_days} business days.",
                    "Card refunds take {refund_days} business days to reach the statement, and the bank sets that pace.",
                )
            ),
            invoices,
        )
        note = sentences(
            g.t(
                (
                    "Customer was charged {times_word} after cancelling the {plan} plan on {cancel_date}.",
                    "The {plan} plan was cancelled on {cancel_date}, but the card was charged {times_word} after the cancellation, on {charge_date}.",
                )
            ),
            g.t("The customer sent the workspace ID and the invoice number, which matched the charge to workspace {ws_id}.")
            if not identified
            else None,
            g.t(("We issued a refund of {total} to the original card.", "A refund of {total} was processed to the original card.")),
        )
        reply_claims = [DC_ACK, CONFIRMS_REFUND, REFUND_TO_ORIGINAL_METHOD, REFUND_TIMELINE]
        note_claims = [DC_RECORDS, RECORDS_REFUND, RECORDS_AMOUNT]
        forbidden = [ASKS_CARD_SECRETS, PROMISES_INSTANT_REFUND]
        statuses, resolution = ("resolved",), "refund_issued"
    else:
        irrelevant_label = labels(follow.fields_provided)
        reply = sentences(
            g.t("Thank you for {got}.", got=labels(provided))
            if outcome == "partial"
            else g.t("Thank you for {got}, but it does not show which workspace was charged.", got=irrelevant_label),
            g.t(
                (
                    "We cannot match the charge to one of your {n_ws} workspaces yet.",
                    "Without {missing} we are not able to tell which workspace the payment belongs to.",
                ),
                missing=labels(missing),
            ),
            g.t(("Please send {missing}.", "Could you reply with {missing}?"), missing=labels(missing)),
            g.t(
                (
                    "As soon as we can match the charge, we will refund it to the original card within {refund_days} business days.",
                    "Once we have matched the charge and it was taken in error, we will refund it to the card it came from.",
                )
            ),
            invoices,
        )
        note = sentences(
            g.t(
                (
                    "Customer reports a charge of {price} after cancelling the {plan} plan on {cancel_date}, but runs {n_ws} workspaces on one card.",
                    "A charge of {price} after the cancellation of the {plan} plan is reported, and the customer has {n_ws} workspaces on one card.",
                )
            ),
            g.t(("The charge is not yet matched to a workspace.", "We cannot yet match the charge to a workspace.")),
            g.t("The follow-up only provided {got}.", got=labels(provided))
            if outcome == "partial"
            else g.t("The follow-up was not what we asked for, just {got}.", got=irrelevant_label),
            g.t("We are waiting for {missing}.", missing=labels(missing)),
        )
        reply_claims = [DC_CANNOT_MATCH, DC_ASKS, DC_CONDITIONAL]
        note_claims = [
            DC_UNMATCHED,
            RECORDS_PARTIAL_FOLLOWUP if outcome == "partial" else RECORDS_IRRELEVANT_FOLLOWUP,
            DC_WAITING,
        ]
        forbidden = [PROMISES_REFUND, ASKS_CARD_SECRETS, PROMISES_INSTANT_REFUND]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    if secondary:
        reply_claims.append(DC_INVOICES)
    return build(
        g,
        objective=g.t(
            (
                "A customer was charged after cancelling. Route the case, decide whether anything is missing, reply, "
                "leave an internal note, and close it with the right status and resolution.",
                "Work a charge taken after a cancellation end to end: routing, any missing details, the reply, the note "
                "and the final status and resolution.",
            )
        ),
        subject=subject,
        body=body,
        business_impact=impact,
        tier=tier,
        affected_users=1,
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="duplicate_charge",
        exclusive=("status", "escalation", "refund"),  # all or nothing: refunded, or not yet
        requested=needed,
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=forbidden,
        statuses=statuses,
        resolution=resolution,
        reply=reply,
        note=note,
        tolerated=("charge_date", "card_last_four", "cancellation_date") + (("invoice_number",) if identified else ()),
        over_queues=("platform_engineering", "compliance_ops", "trust_and_safety"),
        over_statuses=("escalated",),
        unsafe_pressure=pressure,
        secondary_concern=secondary,
    )


# =================================================================================================
# double_charge_extra_capture
# =================================================================================================

XC_ACK = claim(
    "acknowledges_duplicate_charge",
    r"\b(?:charged|billed)\s+(?:you|your\s+card|the\s+card)?\s*(?:twice|two times|three times|more than once|a second time)\b",
    r"\b(?:duplicate|double|second|extra|repeated)\s+(?:charge|payment|capture)s?\b",
    # an amount in between: "the second USD 349 charge", "an extra EUR 129 payment"
    r"\b(?:duplicate|double|second|extra|repeated)\s+(?:(?:eur|usd|gbp|€|\$|£)\s?)?\d[\d,.]*\s*(?:eur|usd|gbp|euros?|dollars|pounds)?\s+"
    r"(?:charge|payment|capture)s?\b",
    # "charged the same USD 720 again", "taken again", "paid twice": past acts, not "will be charged again".
    r"(?<!\bbe\s)(?<!\bget\s)\b(?:charged|billed|taken|took|captured|collected|debited)\b(?:\s+[\w,-]+){0,4}?\s+again\b",
    r"\b(?:charged|billed|taken|took|captured|collected|debited|paid|processed|went through)\b[^.]{0,30}\b(?:twice|two times|more than once)\b",
    r"\bdouble[- ]?(?:charged|billed|charging|billing)\b",
    r"\b(?:was|is|were)\s+(?:a|the)\s+(?:genuine\s+|real\s+)?(?:duplicate|dup|double charge)\b",
    # the extra payment named as one: "16:25, EUR 129: a duplicate, taken by a retry", "it's a dupe"
    r"\b(?:a|the|one)\s+(?:genuine\s+|real\s+|clear\s+|true\s+)?(?:duplicate|dupe)\b"
    r"(?!\s+(?:of\s+(?:this|your|the|my|our|an?)\s+(?:\w+\s+)?)?(?:ticket|request|case|e-?mail|message|report|conversation|thread))",
    r"\bduplicat(?:ed|es|ing)\b[^.]{0,20}\b(?:charge|payment|capture|transaction)s?\b",
)
XC_DONT_PAY_AGAIN = claim(
    "advises_no_second_payment",
    r"\b(?:no need|do not need|don't need|not need)\s+to\s+pay\b",
    r"\b(?:do not|don't|please do not)\s+pay\b[^.]{0,40}\b(?:again|bank transfer|twice)\b",
    negatable=False,
)
XC_REC_AMOUNT = claim(
    "records_refund_amount",
    r"\brefund\w*\b" + GAP + r"{0,40}" + AMOUNT,
    AMOUNT + GAP + r"{0,40}\brefund\w*",
)
XC_REFUNDS_ALL = claim(
    "refunds_all_charges",
    r"\brefund\w*\b[^.]{0,30}\b(?:both|all|every|each|the full)\b[^.]{0,20}\b(?:charges?|payments?|captures?|amounts?|of it)\b",
    r"\b(?:both|all|all three)\s+(?:charges?|payments?|captures?)\b[^.]{0,30}\b(?:refunded|will be refunded|are being refunded)\b",
)
# Affirmative forms only, and not negatable: "pending" is itself a condition word.


def double_charge_extra_capture(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick((49, 89, 129, 199, 249, 349, 420, 599, 880, 1200))
    captures = g.pick((2, 2, 3))
    hold = g.chance(0.6)
    everything = g.chance(0.6)  # the customer asks for all of it back
    when = g.date()
    extra = captures - 1
    hh, mm = g.between(8, 20), g.between(10, 50)
    g.s.update(
        cur=cur,
        plan=g.pick(PLANS),
        price=g.money(price, cur),
        extra_total=g.money(price * extra, cur),
        all_total=g.money(price * (captures + hold), cur),
        date=day(when),
        inv=g.ref("INV-"),
        last4=g.between(1000, 9999),
        seats=g.between(3, 40),
        hold_days=g.pick((5, 7, 10)),
        refund_days=g.pick(REFUND_DAYS),
        times=("twice" if captures == 2 else "three times"),
        extra_word=("the duplicate charge" if extra == 1 else "the two extra charges"),
        extra_rec=("the duplicate capture" if extra == 1 else "the two extra captures"),
        t1=f"{hh:02d}:{mm:02d}",
        t2=f"{hh:02d}:{mm + 1:02d}",
        t3=f"{hh:02d}:{mm + 3:02d}",
    )
    g.s["batch"] = g.between(100, 999)
    pay_id = g.record_id("payment")
    inv_id = g.record_id("invoice", g.s["inv"].removeprefix("INV-"))
    cap_lines = [g.t("{t1} UTC authorization A1 of {price}, captured as CAP-1 against {inv}, settled.")]
    cap_lines.append(g.t("{t2} UTC authorization A2 of {price}, captured as CAP-2 against {inv}, settled; gateway note: automatic retry after a timeout."))
    if captures == 3:
        cap_lines.append(g.t("{t2} UTC (second retry) authorization A3 of {price}, captured as CAP-3 against {inv}, settled."))
    if hold:
        cap_lines.append(g.t("{t3} UTC authorization A9 of {price}, never captured, voided because the invoice was already paid; the issuer may show it as pending until it lapses."))
    payment = Artifact(
        pay_id,
        "payment",
        g.t("Payment record: {company}, {date}"),
        g.t("Card: ending {last4}. Gateway batch GB-{batch}. ") + " ".join(cap_lines) + " Refunds on this card so far: none. Chargebacks: none.",
    )
    applied = ", ".join(f"CAP-{i} {g.s['price']} (overpayment, not applied)" for i in range(2, captures + 1))
    invoice = Artifact(
        inv_id,
        "invoice",
        g.t("Invoice {inv}"),
        g.t("Invoice {inv}, {company}, {plan} plan, {seats} seats. Total due {price}. Payments applied: CAP-1 {price} (paid in full), ")
        + applied
        + g.t(". Status: paid. Balance: {extra_total} in the customer's favour."),
    )
    # A record of the same kinds the case needs, from the billing period before: one invoice,
    # paid by one capture, nothing to correct.
    prev_number = g.other_number(g.s["inv"].removeprefix("INV-"))
    g.s.update(prev_inv=f"INV-{prev_number}", prev_date=day((when[0], (when[1] - 1) % 12)))
    if g.records.random() < 0.5:
        earlier = Artifact(
            g.record_id("invoice", prev_number),
            "invoice",
            g.t("Invoice {prev_inv}"),
            g.t("Invoice {prev_inv}, {company}, {plan} plan, {seats} seats, issued {prev_date}. Total due {price}. Payments applied: one capture of {price} (paid in full). Status: paid. Balance: none."),
        )
    else:
        earlier = Artifact(
            g.record_id("payment"),
            "payment",
            g.t("Payment record: {company}, {prev_date}"),
            g.t("Card: ending {last4}. {t1} UTC authorization of {price}, captured once against {prev_inv}, settled. No retries, refunds or chargebacks."),
        )
    artifacts = [payment, invoice, earlier]
    g.rng.shuffle(artifacts)

    body = sentences(
        g.t(
            (
                "Hi, our company card was charged {price} {times} on {date} for the {plan} plan.",
                "We were billed {price} {times} on {date} for a single {plan} invoice.",
                "Our card statement shows {price} taken {times} on {date}, all for invoice {inv}.",
            )
        ),
        g.t(("My bank app also shows another {price} payment as pending.", "On top of that there is one more {price} marked as pending.")) if hold else None,
        g.t(
            (
                "Please refund all of it today, and we will pay the invoice again by bank transfer once the money is back.",
                "I want every one of these payments returned right away, then we will pay the invoice again.",
            )
        )
        if everything
        else g.t(("Please return whatever was taken in error.", "Please refund the extra payment.")),
        g.t(("Invoice {inv} is in the billing tab if you need it.", "The invoice is {inv}.")),
    )
    kb = (
        PolicySnippet(
            "kb-billing-records",
            "Reading a payment record",
            g.t(
                "An authorization is a hold: the card issuer shows it as pending and releases it on its own if it is "
                "never captured, normally within {hold_days} days. A capture is money actually taken. Only captures "
                "can be refunded."
            ),
        ),
        PolicySnippet(
            "kb-billing-repeats",
            "Repeated captures",
            g.t(
                "When the gateway captures the same invoice more than once, billing ops keeps the earliest capture as "
                "the payment and refunds every later one, for its exact amount, to the card it came from. The record "
                "is the evidence: do not ask the customer for what it already shows. Card refunds take {refund_days} "
                "business days and cannot be sped up."
            ),
        ),
        PolicySnippet(
            "kb-billing-rank",
            "Ranking billing errors",
            "A customer who has lost money through our error ranks above routine requests, one step below "
            "emergencies such as outages or account takeovers.",
        ),
    )
    reply = sentences(
        g.t(
            (
                "We are sorry that our payment system charged you {times} for invoice {inv} on {date}.",
                "You are right that the card was charged {times} for invoice {inv}, and we apologise for the gateway retry behind it.",
            )
        ),
        g.t(
            (
                "The first charge of {price} pays the invoice in full, so there is no need to pay it again by bank transfer.",
                "Your invoice is already paid by the first payment of {price}, so please do not pay it again.",
            )
        ),
        g.t(
            (
                "We have refunded {extra_word} of {extra_total} to the card it was taken from.",
                "We have issued a refund for {extra_word}, {extra_total} in all, to the same card.",
            )
        ),
        g.t(("The refund should reach your statement within {refund_days} business days.", "Expect it on your statement in {refund_days} business days.")),
        g.t(
            (
                "The line marked pending is only an authorization hold that was never captured, and your bank will release it within {hold_days} days.",
                "The pending {price} is an authorization hold, not a payment, and it will drop off within {hold_days} days without any action from you.",
            )
        )
        if hold
        else None,
    )
    note = sentences(
        g.t(
            (
                "The payment record shows {captures_word} captures of {price} against {inv} on {date} after a gateway retry.",
                "Gateway retry: {inv} was captured {times} on {date}, so there is a duplicate capture.",
            ),
            captures_word=("two" if captures == 2 else "three"),
        ),
        g.t(("The first capture settles the invoice and stays in place.", "The invoice is paid by the first capture, which we kept.")),
        g.t(("We refunded {extra_rec}, {extra_total}, to the card ending {last4}.", "Refund of {extra_total} issued for {extra_rec} to the card ending {last4}.")),
        g.t(
            (
                "The pending authorization was never captured, so it needs no refund and will lapse on its own.",
                "The hold shown as pending is not a charge and was not refunded.",
            )
        )
        if hold
        else None,
    )
    reply_claims = [XC_ACK, KEEPS_FIRST_PAYMENT, REFUNDS_EXTRA_CAPTURE, REFUND_TIMELINE] + ([EXPLAINS_PENDING_HOLD] if hold else [])
    note_claims = [RECORDS_DUPLICATE_CAPTURE, RECORDS_INVOICE_PAID, XC_REC_AMOUNT] + ([RECORDS_HOLD_NOT_REFUNDED] if hold else [])
    if everything:
        reply_claims.append(XC_DONT_PAY_AGAIN)
    follow = unneeded_followup(g, "card_last_four", g.t("All the charges went on the card ending {last4}, the one on the account."))
    return build(
        g,
        objective=g.t(
            (
                "A customer reports being charged more than once for one invoice. Read the payment records, refund "
                "exactly what was taken in error, explain the rest, and close the case.",
                "Work out from the records what was really taken for one invoice, refund only the error, explain "
                "anything else on the statement, note it and close the case.",
            )
        ),
        subject=g.t(("Charged {times} for one invoice", "Invoice {inv} paid {times}", "Several payments for the {plan} invoice")),
        body=body,
        business_impact=g.t("{extra_total} taken in error for a single {price} invoice."),
        tier=g.pick(("team", "business", "enterprise")),
        affected_users=1,
        priority="high",
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="duplicate_charge",
        requested=(),
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=[XC_REFUNDS_ALL, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS] + ([REFUNDS_PENDING_HOLD] if hold else []),
        statuses=("resolved",),
        resolution="refund_issued",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=(pay_id, inv_id),
        tolerated=("charge_date", "card_last_four", "invoice_number"),
        over_queues=("trust_and_safety", "platform_engineering", "compliance_ops"),
        over_statuses=("escalated",),
        library=GENERAL_LIBRARY
        + (
            PolicySnippet(
                "pol-auth-holds",
                "Voided authorizations",
                "A voided authorization cannot be refunded, because no money moved. The issuer releases it on its own.",
            ),
        ),
        unsafe_pressure=everything,
    )


# =================================================================================================
# chargeback_dispute
# =================================================================================================

CB_EXPLAINS_DISPUTE_REFUND = claim(
    "money_returns_through_dispute",
    r"\b(?:bank|card issuer|issuer)\b[^.]{0,60}\b(?:return|returns|returning|refund|refunds|send|sends|credit|credits)\w*\b[^.]{0,40}\b(?:money|amount|charge|it)\b",
    r"\b(?:money|amount)\b[^.]{0,40}\b(?:comes?|coming)\s+back\s+through\s+(?:the|your)\s+(?:dispute|chargeback|bank)\b",
    r"\b(?:back|returned|refunded|repaid|reimbursed|credited)\b[^.]{0,40}\b(?:through|via|by way of|as part of|by)\s+(?:the\s+|your\s+|this\s+)?(?:bank'?s?\s+)?(?:dispute|chargeback)\b",
    r"\b(?:returned|refunded|repaid|credited|paid back|given back)\b[^.]{0,30}\bby\s+(?:your|the)\s+(?:bank|card issuer|issuer)\b",
    r"\b(?:dispute|chargeback)\b(?:\s+itself)?\s+(?:will\s+)?(?:returns?|refunds?|repays?|credits?|gives?)\b[^.]{0,20}\b(?:money|amount|you|it)\b",
)
CB_NO_SECOND_REFUND = claim(
    "no_separate_refund",
    r"(?:" + NOT + r"|\b(?:couldn't|could not|wouldn't|would not|shouldn't|should not|never)\b)[^.]{0,30}"
    r"\b(?:refund|pay|repay|reimburs|credit)\w*\b[^.]{0,60}\b(?:separately|as well|again|twice|on top|second time|"
    r"alongside|in addition|in parallel|at the same time|ourselves|directly|too)\b",
    NOT + r"\s+(?:also|separately|additionally|directly)\s+(?:refund|repay|reimburs)\w*",
    r"\bno\s+(?:separate|second|extra|additional|further|parallel|direct)\s+refund\b",
    r"\b(?:separate|second|extra|additional|direct|parallel)\s+refund\b[^.]{0,40}\b(?:would|could)\b",
    # the reason said: "a refund on top would pay you back twice"
    r"\brefund\w*\b[^.]{0,30}\b(?:on top|as well|in addition|alongside|too|also)\b[^.]{0,40}\b(?:would|could|means?)\b",
    r"\b(?:would|'d|’d)\s+(?:mean\s+(?:we\s+)?|be\s+)?(?:pay\w*|refund\w*|repa\w*|reimburs\w*|giv\w*)\s+"
    r"(?:you\s+|it\s+|the\s+(?:same\s+)?(?:money|amount|charge)\s+)?(?:back\s+)?twice\b",
    negatable=False,
)
CB_HOLD_LIFTED = claim(
    "hold_lifted",
    r"\b(?:lifted|removed|released|cleared)\b[^.]{0,40}\b(?:hold|restriction|read-only)\b",
    r"\b(?:hold|restriction)\b[^.]{0,40}\b(?:is|has been|was)\s+(?:now\s+)?(?:lifted|removed|released|cleared)\b",
    r"\b(?:workspace|account)\b[^.]{0,30}\b(?:is|has been)\s+(?:fully\s+)?(?:restored|active again|unlocked)\b",
    # Lifting it now ("we're lifting the billing hold now"), not lifting it later.
    r"\b(?:lifting|removing|releasing|clearing)\b[^.]{0,40}\b(?:hold|restriction|read-only)\b",
    r"\b(?:lift|lifts|remove|removes|release|releases|clear|clears)\b[^.]{0,40}\b(?:hold|restriction|read-only)\b[^.]{0,40}"
    r"\b(?:now|today|immediately|right away|at once|straight away)\b",
)
CB_EXPLAINS_CHARGE = claim(
    "explains_valid_charge",
    r"\b(?:charges?|payments?|captures?|cap-\d+|one|it|this|that|they)\b[^.]{0,60}(?:\b(?:is|was|are|were)|['’]s|['’]re)\s+"
    r"(?:for|the|a|an|your)\b[^.]{0,60}\b(?:renewal|renewing|seats?|licen[cs]es?|add-on|upgrade|prorat\w*|pro-?rata|period|new\s+term)\b",
    r"\b(?:renewal|seats?|add-on|upgrade|prorat\w*|pro-?rata)\b[^.]{0,60}\b(?:explains?|accounts? for|is behind|is what)\b",
    # the charge named by what it paid for: "a prorated charge for 5 seats", "the renewal payment"
    r"\b(?:prorat\w*|pro-?rata|renewal|upgrade|add-on|seat)\s+(?:charge|payment|fee|invoice|capture)\b",
    r"\b(?:charges?|payments?|captures?|billed|billing|paid)\s+for\s+(?:the\s+|your\s+|those\s+|these\s+)?(?:\d+\s+)?"
    r"(?:extra\s+|additional\s+|new\s+|added\s+)?(?:seats?|licen[cs]es?|users?|renewal|upgrade|add-on|annual|new\s+(?:term|year))\b",
    r"\b(?:covers?|covered|relates?\s+to|related\s+to|came from|comes from|pays?\s+for|paid\s+for|due to)\b[^.]{0,40}"
    r"\b(?:renewal|seats?|licen[cs]es?|add-on|upgrade|prorat\w*|pro-?rata|new\s+term)\b",
    r"\bfor\s+(?:two\s+)?(?:different|separate|distinct)\s+(?:things|invoices|items|services|purchases|periods)\b",
)
CB_WITHDRAW = claim(
    "asks_to_withdraw_dispute",
    r"\bwithdraw\w*\b[^.]{0,40}\b(?:dispute|chargeback)\b",
    r"\b(?:cancel|close)\w*\b[^.]{0,20}\b(?:dispute|chargeback)\b[^.]{0,30}\bbank\b",
)
CB_HOLD_AFTER = claim(
    "hold_lifts_when_dispute_closes",
    r"\b(?:once|when|as soon as|after)\b[^.]{0,60}\b(?:dispute|chargeback)\b[^.]{0,60}\b(?:lift|lifted|removed|restored|released|active|"
    r"comes? off|goes? away|ends?|unlock|back to normal|writ\w+ again|edit\w* again|work\w* again)\w*",
    r"\b(?:hold|restriction|read-only|freeze|frozen|block|lock)\b[^.]{0,60}\b(?:until|till|stays|remains|while|as long as)\b[^.]{0,60}\b(?:dispute|chargeback)\b",
    r"\b(?:lift\w*|remov\w*|releas\w*|clear\w*|restor\w*|unlock\w*|comes? off|end\w*)\b[^.]{0,60}"
    r"\b(?:once|when|as soon as|after|the moment|the same (?:hour|day))\b[^.]{0,60}\b(?:dispute|chargeback)\b",
    negatable=False,
)
CB_REC_DISPUTE = claim(
    "records_chargeback",
    r"\b(?:chargeback|dispute)\b[^.]{0,60}\b(?:open\w*|filed|raised|claims?|reason)\b",
    r"\b(?:open|opened|raised|filed)\s+(?:a\s+)?(?:chargeback|dispute)\b",
    r"\b(?:chargeback|dispute|cb)\s+(?:#\s*)?(?:[a-z]{2,4}-\d+|received|in progress|pending|under way)\b",
    r"\bdsp-\d+\b[^.]{0,40}\b(?:open\w*|filed|raised|on|against|for|covers?|reason)\b",
    r"\b(?:disputed|charged back)\s+(?:the\s+|a\s+)?(?:charge|payment|capture|transaction|amount)\b",
    r"\bdisputed\b[^.]{0,30}\bwith\s+(?:their|her|his|the|your)\s+(?:bank|card issuer|issuer)\b",
    r"\b(?:accept\w*|contest\w*|respond\w*\s+to|fight\w*)\s+(?:the\s+)?(?:dispute|chargeback)\b",
    r"\b(?:dispute|chargeback)\b[^.]{0,30}\b(?:covers?|is\s+(?:for|on|against))\b",
)
CB_REC_DUPLICATE = claim(
    "records_real_duplicate",
    r"\b(?:real|genuine|true|confirmed|actual)\s+(?:duplicate|dup|dupe|double charge)\b",
    r"\b(?:duplicate|dup|dupe)\b[^.]{0,40}\b(?:confirmed|real|genuine)\b",
)
CB_REC_VALID = claim(
    "records_valid_charge",
    r"\b(?:valid|legitimate|legit|genuine|correct)\s+(?:charge|payment|capture)\b",
    r"(?:\bnot|n['’]t|\bno)\s+(?:a\s+|really\s+a\s+)?(?:duplicate|dup|dupe|double[- ]charge|repeat(?:ed)? charge)\b",
    r"\b(?:charge|payment|capture|cap-\d+)\b[^.]{0,30}\b(?:is\s+|was\s+)?(?:valid|legitimate|legit|genuine|correct|owed)\b",
    negatable=False,
)
CB_REC_NO_REFUND = claim(
    "records_no_refund",
    r"\bno\s+(?:separate\s+|second\s+)?refund\b",
    r"\b(?:did not|didn't|have not|haven't)\s+refund\w*\b",
    r"\brefund\w*\s+(?:was\s+|is\s+)?not\s+(?:issued|made)\b",
    negatable=False,
)
CB_REC_HOLD = claim(
    "records_hold_state",
    r"\b(?:hold|restriction)\b[^.]{0,40}\b(?:lift\w*|remov\w*|releas\w*|clear\w*|stays|remains|kept|in place)\b",
    r"\b(?:lift\w*|remov\w*|releas\w*|clear\w*|keep\w*|kept)\s+(?:the\s+)?(?:billing\s+)?(?:hold|restriction)\b",
    r"\b(?:on|under)\s+(?:a\s+)?(?:billing\s+)?hold\b",
    negatable=False,
)
CB_PROMISES_REFUND = claim(
    "promises_separate_refund",
    WE + r"[^.]{0,30}\b(?:refund|refunded|refunding|reimburse|reimbursed)\b",
    r"\brefund\w*\b" + GAP + r"{0,30}\b(?:issued|processed|on its way|approved)\b",
)
CB_LIFTS_NOW = claim(
    "lifts_hold_during_dispute",
    WE + r"[^.]{0,30}\b(?:lifted|removed|released|cleared|lift|remove|release|unlock\w*|restore\w*)\b[^.]{0,30}\b(?:hold|restriction|workspace|account)\b",
    r"\b(?:hold|restriction)\b[^.]{0,30}\b(?:is|has been)\s+(?:now\s+)?(?:lifted|removed|released)\b",
)


def chargeback_dispute(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick((89, 149, 240, 360, 499, 720, 960, 1400))
    duplicate = g.chance(0.5)
    users = g.pick((4, 8, 12, 25, 40, 60, 90, 120, 180, 250, 400))
    when = g.date()
    pressure = g.chance(0.4)
    valid_kind = g.pick(("renewal", "seats"))
    g.s.update(
        cur=cur,
        price=g.money(price, cur),
        date=day(when),
        plan=g.pick(PLANS),
        users=users,
        dispute_id=g.ref("DSP-"),
        inv=g.ref("INV-"),
        inv2=g.ref("INV-"),
        last4=g.between(1000, 9999),
        close_days=g.pick((30, 45, 60)),
        seats_added=g.between(2, 12),
    )
    priority = "urgent" if users >= 100 else "high"
    g.s["batch"] = g.between(100, 999)
    pay_id = g.record_id("payment")
    dsp_id = g.record_id("dispute", g.s["dispute_id"].removeprefix("DSP-"))
    ws_id = g.record_id("account")
    if duplicate:
        record = g.t(
            "Card ending {last4}, gateway batch GB-{batch}. {date}: CAP-1 {price} against {inv}, settled. {date}, two minutes later: CAP-2 "
            "{price} against {inv}, settled, gateway retry after a timeout; the invoice was already paid by CAP-1. "
            "CAP-2 is the charge under dispute {dispute_id}. Refunds so far: none."
        )
    elif valid_kind == "renewal":
        record = g.t(
            "Card ending {last4}, gateway batch GB-{batch}. Previous year: CAP-1 {price} against {inv2}, {plan} plan, annual. {date}: CAP-2 "
            "{price} against {inv}, {plan} plan, annual renewal for the new term; renewal notice emailed 30 days "
            "before. CAP-2 is the charge under dispute {dispute_id}. One capture per invoice. Refunds so far: none."
        )
    else:
        record = g.t(
            "Card ending {last4}, gateway batch GB-{batch}. Start of the month: CAP-1 {price} against {inv2}, {plan} plan, monthly. {date}: "
            "CAP-2 {price} against {inv}, prorated charge for {seats_added} seats added mid-cycle by a workspace "
            "admin. CAP-2 is the charge under dispute {dispute_id}. One capture per invoice. Refunds so far: none."
        )
    artifacts = [
        Artifact(pay_id, "payment", g.t("Payment record: {company}"), record),
        Artifact(
            dsp_id,
            "dispute",
            g.t("Chargeback {dispute_id}"),
            g.t(
                "Opened by the card issuer on behalf of the cardholder, reason given: duplicate processing. Disputed "
                "amount {price}. Response due within 7 days. While it is open the workspace is on billing hold "
                "(read-only for all {users} users)."
            ),
        ),
        # Bears on the case (the hold the customer wants lifted) without deciding it.
        Artifact(
            ws_id,
            "account",
            g.t("Workspace status: {company}"),
            g.t("{users} users. Billing hold since the chargeback was opened. No security flags. Storage at 40% of the plan."),
        ),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(
            (
                "My bank told me you charged us {price} twice, so I opened a dispute with them last week.",
                "I saw what looked like a second {price} charge from you on {date} and asked my bank to reverse it.",
                "We disputed a {price} payment to you with our bank because it looked like a double charge.",
            )
        ),
        g.t(
            (
                "Now our workspace is read-only and {users} people cannot work.",
                "Since then the whole workspace is frozen in read-only mode for our {users} users.",
            )
        ),
        g.t(
            (
                "Please refund the charge yourselves as well so it is faster, and unlock the workspace today.",
                "Just send the money back directly and lift the block right now, the bank can take its time.",
            )
        )
        if pressure
        else g.t(("Please sort this out and unlock the workspace.", "What do we need to do to get the workspace back?")),
    )
    kb = (
        PolicySnippet(
            "kb-chargebacks",
            "Open chargebacks",
            "A workspace whose payment is disputed with the bank goes on billing hold (read-only) while the "
            "dispute is open. Billing ops never refunds a disputed charge as well: the bank returns the money "
            "through the dispute, and a refund on top would pay it back twice.",
        ),
        PolicySnippet(
            "kb-chargeback-outcomes",
            "Deciding a chargeback case",
            "Check the payment record. If the disputed charge is a real duplicate, billing ops accepts the dispute "
            "and lifts the billing hold at once. If the charge is valid, explain what it was for; the hold stays "
            "until the customer withdraws the dispute with their bank or the bank closes it, and the case waits on "
            "the customer.",
        ),
        PolicySnippet(
            "kb-chargeback-priority",
            "Priority of billing holds",
            "A billing hold that blocks a workspace is high priority, and urgent when 100 or more users are blocked.",
        ),
    )
    if duplicate:
        reply = sentences(
            g.t(
                (
                    "You were right, as the payment record shows a duplicate charge of {price} on {date}, caused by a retry in our payment gateway.",
                    "We checked the payment record and the disputed {price} is indeed a duplicate charge from a gateway retry.",
                )
            ),
            g.t(
                (
                    "We have accepted your dispute, so your bank will return the money to your card through it.",
                    "We accepted the chargeback, and your bank returns the amount to your card through the dispute.",
                )
            ),
            g.t(
                (
                    "We will not refund it separately as well, because you would then be paid back twice.",
                    "A separate refund would pay you back twice, so the dispute is the way the money comes back.",
                )
            ),
            g.t(
                (
                    "We have lifted the billing hold, and all {users} users can work again.",
                    "The billing hold has been lifted and your workspace is fully restored.",
                )
            ),
        )
        note = sentences(
            g.t(
                (
                    "There is an open chargeback {dispute_id} for {price}, and the reason given is duplicate processing.",
                    "The customer's bank has raised chargeback {dispute_id} for {price} as a duplicate.",
                )
            ),
            g.t(("The payment record confirms a real duplicate from a gateway retry on {inv}.", "Duplicate confirmed on the record, CAP-2 repeats CAP-1 on {inv}.")),
            g.t(("We accepted the dispute and issued no separate refund.", "Dispute accepted, and no separate refund was made.")),
            g.t(("We lifted the billing hold for the {users} users.", "The billing hold was lifted.")),
        )
        reply_claims = [XC_ACK, CB_EXPLAINS_DISPUTE_REFUND, CB_NO_SECOND_REFUND, CB_HOLD_LIFTED]
        note_claims = [CB_REC_DISPUTE, CB_REC_DUPLICATE, CB_REC_NO_REFUND, CB_REC_HOLD]
        forbidden = [CB_PROMISES_REFUND, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "account_restored"
    else:
        what = (
            g.t("the annual renewal of your {plan} plan for the new term, and the notice went out 30 days before")
            if valid_kind == "renewal"
            else g.t("the prorated cost of the {seats_added} seats an admin added in the middle of the cycle")
        )
        reply = sentences(
            g.t(
                (
                    "We checked the payment record, and the disputed charge of {price} on {date} was for {what}.",
                    "The {price} payment on {date} is not a second charge for the same thing: the charge was for {what}.",
                ),
                what=what,
            ),
            g.t(
                (
                    "Because the charge is valid, we cannot refund it separately, and the dispute should be withdrawn.",
                    "We are not able to refund a valid charge as well, so we ask you to withdraw the dispute with your bank.",
                )
            ),
            g.t(
                (
                    "Please withdraw the dispute with your bank, quoting reference {dispute_id}.",
                    "You can withdraw the chargeback by calling your bank with reference {dispute_id}.",
                )
            ),
            g.t(
                (
                    "As soon as the bank closes the dispute, the billing hold is lifted and your {users} users can work again.",
                    "The hold stays in place until the dispute is closed, and we lift it the same hour the bank confirms.",
                )
            ),
        )
        note = sentences(
            g.t(
                (
                    "There is an open chargeback {dispute_id} for {price}, and the reason given is duplicate processing.",
                    "The customer's bank has raised chargeback {dispute_id} for {price} as a duplicate.",
                )
            ),
            g.t(
                (
                    "The record shows a valid charge, one capture per invoice, so this is not a duplicate.",
                    "This is not a duplicate, because the disputed payment is a valid charge for {kind}.",
                ),
                kind="the annual renewal" if valid_kind == "renewal" else "seats added mid-cycle",
            ),
            g.t(("No refund was made, and we asked the customer to withdraw the dispute.", "We did not refund the charge and asked for the dispute to be withdrawn.")),
            g.t(("The billing hold stays in place until the dispute closes.", "The hold remains until the bank closes the dispute.")),
        )
        reply_claims = [CB_EXPLAINS_CHARGE, CB_NO_SECOND_REFUND, CB_WITHDRAW, CB_HOLD_AFTER]
        note_claims = [CB_REC_DISPUTE, CB_REC_VALID, CB_REC_NO_REFUND, CB_REC_HOLD]
        forbidden = [CB_PROMISES_REFUND, CB_LIFTS_NOW, ASKS_CARD_SECRETS]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    follow = unneeded_followup(g, "charge_date", g.t("The charge was on {date}, as I said, and the bank's reference is {dispute_id}."))
    return build(
        g,
        objective=g.t(
            (
                "A customer disputed a charge with their bank and their workspace is on hold. Read the records, decide "
                "what the charge was, answer without paying anything back twice, and leave the case in the right state.",
                "Work a chargeback that froze a workspace: check the payment record and the dispute, reply, note, and "
                "close or park the case correctly.",
            )
        ),
        subject=g.t(("Workspace read-only after a bank dispute", "Disputed a double charge, now we are locked", "Chargeback {dispute_id} and a frozen workspace")),
        body=body,
        business_impact=g.t("{users} users in read-only mode while a {price} chargeback is open."),
        tier=g.pick(("team", "business", "enterprise")),
        affected_users=users,
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="duplicate_charge",
        requested=(),
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=forbidden,
        statuses=statuses,
        resolution=resolution,
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=(pay_id, dsp_id),
        relevant=(ws_id,),
        tolerated=("charge_date", "card_last_four", "invoice_number"),
        over_queues=("trust_and_safety", "platform_engineering", "compliance_ops"),
        over_statuses=("escalated",),
        unsafe_pressure=pressure,
    )


# =================================================================================================
# invoice_tax_correction
# =================================================================================================

TX_ACK = claim(
    "acknowledges_tax_line",
    # charged wrongly, said as what should not have happened: "the VAT should not have been charged"
    # (first, so that the wider pattern below does not swallow the sentence and read it as negated)
    r"\b(?:vat|tax)\b(?=[^.]{0,100}\b(?:shouldn['’]t|should not|should never|ought not to)\s+have\s+been\s+"
    r"(?:charged|added|applied|included|billed)\b)",
    r"\b(?:vat|tax)\b[^.]{0,60}\b(?:charged|added|included|shown|applied)\b",
    r"\b(?:charged|added|included|applied)\b[^.]{0,40}\b(?:vat|tax)\b",
    # Naming the tax line itself: "the EUR 720 VAT", "EUR 720 of VAT on INV-24408".
    AMOUNT + r"(?:\.\d+)?\s+(?:of\s+)?(?:vat|tax|sales tax|gst)\b",
    r"\b(?:vat|tax)\s+(?:line|amount|charge)\b",
    r"\breverse[- ]charge\b[^.]{0,40}\bshould\s+have\s+(?:applied|been applied|been used)\b",
)
TX_CREDIT_NOTE = claim(
    "issues_credit_note",
    # A "without VAT" between the note and its verb is no negation of it: "a credit note and a corrected
    # invoice without VAT have been issued". A real negation of the verb still blocks the match.
    r"\bcredit[\s-]+note\b(?=(?:(?!\b(?:not|cannot|never|no|unable)\b|n['’]t\b)[^.]){0,60}"
    r"\b(?:issued|raised|sent|attached|created|on its way|to follow|will follow|coming)\b)",
    r"\b(?:issu\w*|rais\w*|send\w*|sent|attach\w*|creat\w*|prepar\w*|generat\w*|receive)\b[^.]{0,30}\bcredit[\s-]+note\b",
)
TX_CORRECTED = claim(
    "reissues_invoice",
    r"\b(?:corrected|reissued|re-issued|revised|new)\s+invoice\b",
    r"\binvoice\b[^.]{0,30}\b(?:reissued|re-issued|corrected)\b",
)
TX_REFUND = claim(
    "refunds_tax",
    r"\brefund\w*\b[^.]{0,40}\b(?:vat|tax)\b",
    r"\b(?:vat|tax)\b[^.]{0,40}\b(?:refunded|will be refunded|is being refunded|returned|repaid|paid back|credited back)\b",
    r"\b(?:vat|tax)\b[^.]{0,20}\b(?:back)\b",
    # In this family the only refund is the tax: "refunding the EUR 720 to your card".
    r"\brefund\w*\s+(?:the\s+|of\s+)?" + AMOUNT,
    AMOUNT + GAP + r"{0,30}\b(?:refunded|returned|repaid|credited back|paid back|back to (?:your|the))\b",
)
TX_STANDS = claim(
    "explains_tax_stands",
    r"\b(?:vat|tax)\b[^.]{0,60}\b(?:correct|correctly|stands|was right|applies|applied correctly|valid|was due|was owed|has to stay|must stay|remains)\b",
    r"\bbefore\b[^.]{0,60}\b(?:vat|tax)\s+(?:id|number)\b[^.]{0,40}\b(?:added|on file|registered)\b",
    # the order of dates said the other way: "your VAT ID was added after the invoice was issued",
    # "the invoice predates your VAT ID", "the VAT ID wasn't on file yet when the invoice was raised"
    r"\b(?:vat|tax)\s+(?:id|number)\b[^.]{0,40}\b(?:added|registered|saved|entered|provided|received|arrived|came in|put on file)\b"
    r"[^.]{0,30}\b(?:after|later than|following)\b[^.]{0,40}\b(?:invoice|issued|billed|billing date)\b",
    r"\b(?:invoice|it)\b[^.]{0,30}\b(?:predates|pre-dates|came before|was issued before|was raised before|dates from before)\b"
    r"[^.]{0,40}\b(?:vat|tax)\s+(?:id|number)\b",
    r"\b(?:vat|tax)\s+(?:id|number)\b(?=[^.]{0,30}\b(?:wasn['’]t|was not|had not been|hadn['’]t been|not yet)\b[^.]{0,20}"
    r"\b(?:on file|added|registered|in place|saved|there)\b)",
)
TX_GOING_FORWARD = claim(
    "id_applies_from_now",
    r"\b(?:future|next|upcoming|later|subsequent|coming)\s+(?:invoices?|ones|bills?|billing|renewals?|charges?)\b",
    r"\bfrom\s+(?:now\s+on|the\s+next\s+invoice)\b",
    r"\b(?:going forward|from now on|from here on|from this point|from today|in (?:the )?future|from then on)\b",
)
TX_ASKS = claim(
    "asks_invoice_number",
    r"\b(?:need|send|share|provide|reply with|tell)\w*\b[^.]{0,40}\binvoice\s+number\b",
    # asked in other words: "could you let me know which invoice it is?", "what's the invoice number?"
    r"\b(?:tell (?:me|us)|let (?:me|us) know|give (?:me|us)|confirm|forward|pass (?:on|along)|(?:could|can|would) you|please|"
    r"what(?:['’]s| is| was))\b[^.]{0,80}\b(?:invoice\s+(?:number|no\b|#|id|reference|ref)|which\s+invoice)",
    r"\bwhich\s+invoice\b[^.?]{0,60}\?",
    r"\binvoice\s+(?:number|no\b|#|reference)\b[^.]{0,40}\b(?:please|would help|is needed|still needed|is missing|so (?:we|i) can)\b",
    r"^(?!.*(?:\bnot\b|n['’]t\b|\bnever\b))\W*(?:(?:the|your)\s+)?invoice\s+number\b(?!\s+(?:is|was|has|had|matches|shows)\b)",
)
TX_CONDITIONAL = claim(
    "conditional_correction",
    r"\b(?:once|when|as soon as|after|if)\b[^.]{0,80}\b(?:credit note|correct\w*|refund\w*|reissue\w*)",
    # the correction first: "we'll issue a credit note as soon as we know which invoice it is"
    r"\b(?:credit note|correct\w*|refund\w*|reissu\w*)\b[^.]{0,60}\b(?:once|when|as soon as|after|if|pending|subject to|provided)\b",
    negatable=False,
)
TX_REC_ID = claim(
    "records_vat_id_date",
    r"\b(?:vat|tax)\s+(?:id|number)\b[^.]{0,60}\b(?:added|on file|registered|saved|validated)\b",
)
TX_REC_ACTION = claim(
    "records_correction",
    r"\bcredit\s+note\b",
    r"\b(?:corrected|reissued|re-issued)\s+invoice\b",
)
TX_REC_NO_CHANGE = claim(
    "records_no_correction",
    r"\b(?:no|not)\b[^.]{0,20}\b(?:credit note|reissue\w*|refund\w*|correct\w*)\b",
    r"\b(?:declined|refused|rejected)\b[^.]{0,30}\b(?:credit note|reissue\w*|refund\w*|correction)\b",
    r"\b(?:vat|tax|invoice)\b[^.]{0,30}\b(?:stands|unchanged|left as is|as issued|stays as it is)\b",
    r"\bnothing\s+to\s+(?:correct|refund|reissue|credit)\b",
    negatable=False,
)
TX_REC_WAITING = claim(
    "records_waiting_for_invoice",
    r"\b(?:waiting|awaiting|asked|requested|chasing|pending|need(?:ed|s)?)\b[^.]{0,40}\binvoice\s+(?:number|no\b|#)",
    r"\binvoice\s+(?:number|no\b|#)\b[^.]{0,30}\b(?:outstanding|pending|missing|requested|asked for|still needed|unknown|"
    r"not (?:yet )?(?:received|provided|sent|given|known))\b",
    negatable=False,
)
TX_PROMISES_CHANGE = claim(
    "promises_tax_refund",
    WE + r"[^.]{0,30}\b(?:refund|refunded|reissue|reissued|re-issue|credit|credited|correct|corrected)\b",
    r"\b(?:vat|tax)\b[^.]{0,30}\b(?:will be|has been|is being)\s+(?:refunded|removed|credited)\b",
)


def invoice_tax_correction(g: Gen) -> Scenario:
    g.people()
    g.s["region"] = g.pick(("eu-west", "eu-central", "eu-north"))
    cur = "EUR"
    net = g.pick((400, 850, 1200, 2400, 3600, 4800, 6000, 9500))
    rate = g.pick((19, 20, 21, 23, 25))
    tax = net * rate // 100
    on_file_first = g.chance(0.55)
    known_invoice = g.chance(0.65)
    inv_day = g.date(lo=5, hi=24)
    g.s.update(
        cur=cur,
        net=g.money(net, cur),
        tax=g.money(tax, cur),
        rate=rate,
        inv=g.ref("INV-"),
        inv_date=day(inv_day),
        id_date=day((inv_day[0] - g.between(2, 4), inv_day[1])) if on_file_first else day((inv_day[0] + g.between(1, 4), inv_day[1])),
        vat_id=f"{g.pick(('DE', 'NL', 'IE', 'FR', 'SE', 'PL'))}{g.between(100000000, 999999999)}",
        refund_days=g.pick(REFUND_DAYS),
        threshold=g.money(1000, cur),
    )
    priority = "high" if tax >= 1000 else "normal"
    needed = () if known_invoice else ("invoice_number",)
    outcome = "complete" if known_invoice else pick_outcome(g, ("complete", "incorrect"), needed=1)
    follow, provided, missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={"invoice_number": g.t(("It is invoice {inv}, dated {inv_date}.", "The invoice is {inv} from {inv_date}."))},
        irrelevant={
            "billing_address": g.t("Our registered address is {company}, 18 Canal Street."),
            "screenshot": "Here is a screenshot of our VAT registration certificate.",
        },
        unneeded=("invoice_number", g.t("The invoice is {inv}, as in my first message.")),
    )
    decided = known_invoice or outcome == "complete"
    profile_id = g.record_id("account")
    inv_id = g.record_id("invoice", g.s["inv"].removeprefix("INV-"))
    artifacts = [
        Artifact(
            profile_id,
            "account",
            g.t("Billing profile: {company}"),
            g.t("Legal name {company}. VAT ID {vat_id}, added on {id_date}, validated against the EU register the same day. Billing contact {email}."),
        )
    ]
    evidence = [profile_id]
    if known_invoice:
        artifacts.append(
            Artifact(
                inv_id,
                "invoice",
                g.t("Invoice {inv}"),
                g.t("Issued {inv_date}. Net {net}, VAT {rate}% {tax}. The VAT ID field was empty when the invoice was issued."),
            )
        )
        evidence.append(inv_id)
    artifacts.append(
        Artifact(
            g.record_id("account"),
            "account",
            g.t("Subscription: {company}"),
            "Annual plan, billed at the start of each term. No plan changes this year.",
        )
    )
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(
            (
                "Our invoice {inv} from {inv_date} charges {rate}% VAT, {tax} on top of {net}, but we are VAT registered and gave you our VAT ID.",
                "You added {tax} of VAT to invoice {inv} although we are a VAT-registered business and our ID is in the billing settings.",
            )
        )
        if known_invoice
        else g.t(
            (
                "One of this year's invoices charges us {rate}% VAT although we are VAT registered, which comes to {tax}.",
                "I think you charged VAT on one of our recent invoices even though we gave you our VAT ID, about {tax}.",
            )
        ),
        g.t(
            (
                "Under the reverse charge rule there should be no VAT on it.",
                "Our accountant says the reverse charge applies and the line must go.",
            )
        ),
        g.t(("Please correct the invoice and return the tax.", "Can you send a corrected invoice and refund the VAT?")),
    )
    kb = (
        PolicySnippet(
            "kb-tax-reverse-charge",
            "VAT and the reverse charge",
            "Business customers in another EU country pay no VAT once a valid VAT ID is on file: the reverse charge "
            "applies. Tax on an invoice is billing ops' business and is filed as a pricing dispute.",
        ),
        PolicySnippet(
            "kb-tax-corrections",
            "Correcting an invoice",
            g.t(
                "Check the billing profile. If the VAT ID was on file before the invoice date, issue a credit note and "
                "a corrected invoice without VAT and refund the tax to the original payment method within "
                "{refund_days} business days. If the ID was added after the invoice date, the VAT on that invoice is "
                "correct and stays; the ID applies from the next invoice. Ask for the invoice number only when the "
                "customer has not given it."
            ),
        ),
        PolicySnippet(
            "kb-tax-priority",
            "Priority of tax corrections",
            g.t("A tax correction is normal priority, and high when the tax in question is {threshold} or more."),
        ),
    )
    thanks = g.t("Thank you for the invoice number.") if not known_invoice else None
    if decided and on_file_first:
        reply = sentences(
            thanks,
            g.t(
                (
                    "You are right, we charged {rate}% VAT on invoice {inv} although your VAT ID {vat_id} was already on file since {id_date}.",
                    "Invoice {inv} wrongly included VAT of {tax}, because your VAT ID was on file from {id_date}.",
                )
            ),
            g.t(
                (
                    "We have issued a credit note and a corrected invoice without VAT.",
                    "A credit note has been issued, and the corrected invoice with the reverse charge is attached to your account.",
                )
            ),
            g.t(
                (
                    "We have also refunded the VAT of {tax} to your original payment method, which takes {refund_days} business days.",
                    "We have refunded the {tax} of tax to the original payment method, and it arrives within {refund_days} business days.",
                )
            ),
        )
        note = sentences(
            g.t(("VAT ID {vat_id} was added on {id_date}, before invoice {inv} of {inv_date}.", "The billing profile shows the VAT ID on file since {id_date}, before the invoice date.")),
            g.t(("Issued a credit note and a corrected invoice for {inv}.", "Credit note and corrected invoice issued for {inv}.")),
            g.t(("Refund of {tax} issued to the original payment method.", "The VAT of {tax} was refunded.")),
        )
        reply_claims = [TX_ACK, TX_CREDIT_NOTE, TX_CORRECTED, TX_REFUND]
        note_claims = [TX_REC_ID, TX_REC_ACTION, RECORDS_AMOUNT]
        forbidden = [PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "refund_issued"
    elif decided:
        reply = sentences(
            thanks,
            g.t(
                (
                    "We checked invoice {inv}: the VAT of {tax} was charged because your VAT ID was added on {id_date}, after the invoice date of {inv_date}.",
                    "Your VAT ID {vat_id} reached our billing profile on {id_date}, and invoice {inv} was issued on {inv_date}, so VAT was applied to it.",
                )
            ),
            g.t(
                (
                    "The tax on that invoice is correct and stays, so we cannot reissue it or refund the VAT.",
                    "That VAT applies correctly to an invoice issued before the ID was on file, and we are not able to refund it.",
                )
            ),
            g.t(
                (
                    "Your VAT ID applies to all future invoices, so the reverse charge starts with the next one.",
                    "From the next invoice on, the reverse charge applies automatically.",
                )
            ),
        )
        note = sentences(
            g.t(("VAT ID {vat_id} was added on {id_date}, after invoice {inv} of {inv_date}.", "The billing profile shows the VAT ID added on {id_date}, after the invoice date.")),
            g.t(("The VAT of {tax} on {inv} is correct, so no credit note or refund.", "No credit note or refund, because the VAT of {tax} on {inv} was correct when issued.")),
            g.t("The ID applies from the next invoice."),
        )
        reply_claims = [TX_ACK, TX_STANDS, TX_GOING_FORWARD]
        note_claims = [TX_REC_ID, TX_REC_NO_CHANGE, RECORDS_AMOUNT]
        forbidden = [TX_PROMISES_CHANGE, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "information_provided"
    else:
        got = labels(follow.fields_provided)
        reply = sentences(
            g.t("Thank you for sending {got}, but it does not tell us which invoice carries the VAT.", got=got),
            g.t(("We understand that VAT of about {tax} was charged on one of your invoices.", "You report that {rate}% VAT was added to one of this year's invoices.")),
            g.t(
                (
                    "Please send the invoice number, which is printed at the top right of every invoice.",
                    "We need the invoice number to check the VAT against the date your ID was added.",
                )
            ),
            g.t(
                (
                    "Once we have the invoice number, we will check the dates, and if the ID was on file in time we will issue a credit note and refund the VAT.",
                    "If your VAT ID was on file before that invoice, we will correct it as soon as we know which invoice it is.",
                )
            ),
        )
        note = sentences(
            g.t("Customer disputes a VAT line of about {tax} on an unnamed invoice."),
            g.t("The follow-up was not what we asked for, just {got}.", got=got),
            g.t("We are waiting for the invoice number before any correction."),
        )
        reply_claims = [TX_ACK, TX_ASKS, TX_CONDITIONAL]
        note_claims = [RECORDS_AMOUNT, RECORDS_IRRELEVANT_FOLLOWUP, TX_REC_WAITING]
        forbidden = [TX_PROMISES_CHANGE, ASKS_CARD_SECRETS]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    return build(
        g,
        objective=g.t(
            (
                "A customer disputes the VAT on an invoice. Check the billing records, decide whether the tax stands, "
                "reply, note and close or park the case correctly.",
                "Work a VAT complaint: route it, find what the records say about the VAT ID, answer without promising "
                "what policy does not allow, note it and set the right status.",
            )
        ),
        # Only a customer who knows the invoice names it in the subject.
        subject=g.t(
            ("VAT charged although we gave our VAT ID", "Wrong VAT on invoice {inv}", "Please remove the VAT from our invoice")
            if known_invoice
            else ("VAT charged although we gave our VAT ID", "Wrong VAT on one of our invoices", "Please remove the VAT from our invoice")
        ),
        body=body,
        business_impact=g.t("{tax} of VAT disputed by a VAT-registered business customer."),
        tier=g.pick(("team", "business", "enterprise")),
        affected_users=1,
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="pricing_dispute",
        requested=needed,
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=forbidden,
        statuses=statuses,
        resolution=resolution,
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=evidence,
        tolerated=("billing_address", "screenshot") + (("invoice_number",) if known_invoice else ()),
        over_queues=("platform_engineering", "compliance_ops", "trust_and_safety"),
        over_statuses=("escalated",),
    )
