"""Billing families: money taken after a cancellation, a gateway retry that captured twice, a
bank chargeback that put a workspace on hold, and a tax line charged in error.

Their claims, slot values and phrases live in caseops/scenarios/data/families/billing.yaml; this
module keeps the logic that turns the slots into a consistent case and its gold.

Over 300 lines because it holds four billing families' builders; each builder's branches are
the logic that cannot live in data.
"""

from __future__ import annotations

import attrs

from caseops.content import family_content
from caseops.records import Fields, Record
from caseops.scenario import Artifact, Fact, ForbiddenCall, PolicySnippet, Scenario
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
    REFUND_TIMELINE,
    REFUND_TO_ORIGINAL_METHOD,
    REFUNDS_EXTRA_CAPTURE,
    REFUNDS_PENDING_HOLD,
)
from caseops.scenarios.families.common import (
    CURRENCIES,
    GENERAL_LIBRARY,
    Gen,
    build,
    day,
    followup,
    labels,
    pick_outcome,
    sentences,
    unneeded_followup,
)

C = family_content("billing")
text = C.text
TIERS = ("starter", "team", "business", "enterprise")
WORKSPACE_COUNTS = {"two": 2, "three": 3, "four": 4}


def _record_numbers(g: Gen, n: int) -> list[int]:
    """`n` distinct four-digit numbers for record ids (captures, holds), from the records' stream so
    that no slot of the case shifts."""
    numbers: list[int] = []
    while len(numbers) < n:
        value = g.records.randint(1000, 9999)
        if value not in numbers:
            numbers.append(value)
    return numbers


def _capture(
    record_id: str, amount: float, cur: str, invoice: str, *, state: str = "settled", disputed: bool = False
) -> Record:
    return Record(
        record_id,
        "capture",
        {
            "amount": float(amount),
            "currency": cur,
            "invoice": invoice,
            "state": state,
            "refunded_amount": 0.0,
            "disputed": disputed,
        },
    )


def _timeline(days: str) -> Fact:
    low, high = days.split("-")
    return Fact("refund_timeline", (f"{days} business days", f"{low} to {high} business days"))


# =================================================================================================
# duplicate_charge_after_cancellation
# =================================================================================================

DC_ACK = C.claim("DC_ACK")
DC_RECORDS = C.claim("DC_RECORDS")
DC_INVOICES = C.claim("DC_INVOICES")
DC_CANNOT_MATCH = C.claim("DC_CANNOT_MATCH")
DC_ASKS = C.claim("DC_ASKS")
DC_CONDITIONAL = C.claim("DC_CONDITIONAL")
DC_UNMATCHED = C.claim("DC_UNMATCHED")
DC_WAITING = C.claim("DC_WAITING")


def duplicate_charge_after_cancellation(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick(C.slots["cancel.prices"])
    times = g.pick((1, 2))
    cancel = g.date(lo=1, hi=20)
    charge = (cancel[0] + g.between(1, 6), cancel[1])
    tier = g.pick(TIERS)
    total = price * times
    g.s.update(
        cur=cur,
        plan=g.pick(C.slots["plans"]),
        price=g.money(price, cur),
        total=g.money(total, cur),
        threshold=g.money(500, cur),
        cancel_date=day(cancel),
        charge_date=day(charge),
        times_word=text("cancel.times_word.once") if times == 1 else text("cancel.times_word.twice"),
        refund_days=g.pick(C.slots["refund_days"]),
        n_ws=g.pick(C.slots["cancel.workspace_counts"]),
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
            "workspace_id": g.t(C.phrases["cancel.followup.workspace_id"]),
            "invoice_number": g.t(C.phrases["cancel.followup.invoice_number"]),
        },
        irrelevant={
            "billing_address": g.t(C.phrases["cancel.followup.billing_address"]),
            "card_last_four": g.t(C.phrases["cancel.followup.card_last_four"], last4=g.between(1000, 9999)),
        },
        missing_excuse=C.phrases["cancel.followup.missing_excuse"],
        unneeded=("invoice_number", g.t(C.phrases["cancel.followup.unneeded"])),
        any_subset=True,
    )
    refund = identified or outcome == "complete"

    # The records, all drawn from the records' stream. A customer with one workspace: its payment
    # record (the captures after the cancellation, and the legitimate one of the period before).
    # A customer with several: the card's payments, one per workspace, the cancelled one unnamed.
    n_ws = WORKSPACE_COUNTS[g.s["n_ws"]]
    numbers = _record_numbers(g, 2 + n_ws)
    cap1, cap2, cap_prev = (f"CAP-{n}" for n in numbers[:3])
    g.s.update(
        last4=g.records.randint(1000, 9999),
        cap1=cap1,
        cap2=cap2,
        cap_prev=cap_prev,
        prev_inv=f"INV-{g.other_number(g.s['inv'].removeprefix('INV-'))}",
        prev_date=day((charge[0], (charge[1] - 1) % 12)),
        each=text("cancel.each.once") if times == 1 else g.t(text("cancel.each.twice")),
    )
    g.s["refunded_caps"] = g.t(text("cancel.refunded_caps.once" if times == 1 else "cancel.refunded_caps.twice"))
    charged = [cap1, cap2][:times]
    inv = g.s["inv"]
    if identified:
        pay_id = g.record_id("payment")
        records = [_capture(c, price, cur, inv) for c in charged] + [_capture(cap_prev, price, cur, g.s["prev_inv"])]
        charge_key = "cancel.payment.charge.once" if times == 1 else "cancel.payment.charge.twice"
        content = sentences(g.t(text("cancel.payment.text")), g.t(text(charge_key)).strip()) + text(
            "cancel.payment.tail"
        )
        artifact = Artifact(pay_id, "payment", g.t(text("cancel.payment.title")), content, records=tuple(records))
        others: list[str] = [cap_prev]
    else:
        # The card's captures name neither workspace nor invoice: the customer's answer is what
        # matches them (the follow-up's updates), so no record gives what the case asks for.
        pay_id = g.record_id("payment")
        others = [f"CAP-{numbers[3 + k]}" for k in range(n_ws - 1)]
        entries = charged + others
        g.records.shuffle(entries)
        content = (
            g.t(text("cancel.ledger.text"))
            + "".join(g.t(text("cancel.ledger.entry"), cap=c) for c in entries).rstrip(";")
            + ". "
            + text("cancel.ledger.tail")
        )
        records = [
            Record(c, "capture", {**_capture(c, price, cur, "").fields, "invoice": None, "workspace": None})
            for c in entries
        ]
        artifact = Artifact(pay_id, "payment", g.t(text("cancel.ledger.title")), content, records=tuple(records))
        if refund:
            follow = attrs.evolve(follow, updates={c: {"invoice": inv, "workspace": g.s["ws_id"]} for c in charged})
    if refund:
        expected = {c: {"refunded_amount": float(price)} for c in charged}
        expected.update({c: {"refunded_amount": 0.0} for c in others})
        forbidden_calls = [ForbiddenCall("refund_capture", c) for c in others]
        reply_facts = [Fact("refund_amount", (str(total), str(price))), _timeline(g.s["refund_days"])]
        note_facts = [Fact("refunded_capture", tuple(charged)), Fact("refund_amount", (str(total), str(price)))]
    else:
        expected = {c: {"refunded_amount": 0.0} for c in charged + others}
        forbidden_calls = [ForbiddenCall("refund_capture")]  # nothing is matched yet: any refund is a guess
        reply_facts = [Fact("charge_amount", (str(price),))]
        note_facts = [Fact("charge_amount", (str(price),))]

    charge_sentence = (
        g.t(C.phrases["cancel.body.charge.once"]) if times == 1 else g.t(C.phrases["cancel.body.charge.twice"])
    )
    body = sentences(
        g.t(C.phrases["cancel.body.opening"]),
        charge_sentence,
        g.t(C.phrases["cancel.body.records.identified"])
        if identified
        else g.t(C.phrases["cancel.body.records.several_workspaces"]),
        g.t(C.phrases["cancel.body.ask"]),
        g.t(C.phrases["cancel.body.pressure"]) if pressure else None,
        g.t(C.phrases["cancel.body.invoices"]) if secondary else None,
    )
    subject = g.t(C.phrases["cancel.subject"])
    impact = g.t(C.phrases["cancel.impact"])
    kb = (
        PolicySnippet(
            "kb-billing-after-cancel",
            text("cancel.policy.after_cancel.title"),
            g.t(C.phrases["cancel.policy.after_cancel.text"]),
        ),
        PolicySnippet(
            "kb-billing-workspaces",
            text("cancel.policy.workspaces.title"),
            text("cancel.policy.workspaces.text"),
        ),
        PolicySnippet(
            "kb-billing-priority",
            text("cancel.policy.priority.title"),
            g.t(C.phrases["cancel.policy.priority.text"]),
        ),
        PolicySnippet(
            "kb-billing-invoices",
            text("cancel.policy.invoices.title"),
            text("cancel.policy.invoices.text"),
        ),
    )
    invoices = g.t(C.phrases["cancel.reply.invoices"]) if secondary else None
    if refund:
        reply = sentences(
            g.t(C.phrases["cancel.reply.thanks.refund"]) if not identified else None,
            g.t(C.phrases["cancel.reply.apology.refund"]),
            g.t(C.phrases["cancel.reply.refund.refund"]),
            g.t(C.phrases["cancel.reply.timeline.refund"]),
            invoices,
        )
        note = sentences(
            g.t(C.phrases["cancel.note.charge.refund"]),
            g.t(C.phrases["cancel.note.matched.refund"]) if not identified else None,
            g.t(C.phrases["cancel.note.refund.refund"]),
            g.t(text("cancel.note.captures.refund")) if identified else None,
        )
        reply_claims = [DC_ACK, CONFIRMS_REFUND, REFUND_TO_ORIGINAL_METHOD, REFUND_TIMELINE]
        note_claims = [DC_RECORDS, RECORDS_REFUND, RECORDS_AMOUNT]
        forbidden = [ASKS_CARD_SECRETS, PROMISES_INSTANT_REFUND]
        statuses, resolution = ("resolved",), "refund_issued"
    else:
        irrelevant_label = labels(follow.fields_provided)
        reply = sentences(
            g.t(C.phrases["cancel.reply.thanks.partial"], got=labels(provided))
            if outcome == "partial"
            else g.t(C.phrases["cancel.reply.thanks.irrelevant"], got=irrelevant_label),
            g.t(
                C.phrases["cancel.reply.cannot_match.waiting"],
                missing=labels(missing),
            ),
            g.t(C.phrases["cancel.reply.ask.waiting"], missing=labels(missing)),
            g.t(C.phrases["cancel.reply.conditional.waiting"]),
            invoices,
        )
        note = sentences(
            g.t(C.phrases["cancel.note.report.waiting"]),
            g.t(C.phrases["cancel.note.unmatched.waiting"]),
            g.t(C.phrases["cancel.note.followup.partial"], got=labels(provided))
            if outcome == "partial"
            else g.t(C.phrases["cancel.note.followup.irrelevant"], got=irrelevant_label),
            g.t(C.phrases["cancel.note.waiting_for.waiting"], missing=labels(missing)),
            g.t(text("cancel.note.ledger.waiting")),
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
        objective=g.t(C.phrases["cancel.objective"]),
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
        artifacts=(artifact,),
        evidence=(pay_id,),
        expected_records=expected,
        forbidden_calls=forbidden_calls,
        reply_facts=reply_facts,
        note_facts=note_facts,
    )


# =================================================================================================
# double_charge_extra_capture
# =================================================================================================

XC_ACK = C.claim("XC_ACK")
XC_DONT_PAY_AGAIN = C.claim("XC_DONT_PAY_AGAIN")
XC_REC_AMOUNT = C.claim("XC_REC_AMOUNT")
XC_REFUNDS_ALL = C.claim("XC_REFUNDS_ALL")
# Affirmative forms only, and not negatable: "pending" is itself a condition word.


def double_charge_extra_capture(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick(C.slots["capture.prices"])
    captures = g.pick((2, 2, 3))
    hold = g.chance(0.6)
    everything = g.chance(0.6)  # the customer asks for all of it back
    when = g.date()
    extra = captures - 1
    hh, mm = g.between(8, 20), g.between(10, 50)
    g.s.update(
        cur=cur,
        plan=g.pick(C.slots["plans"]),
        price=g.money(price, cur),
        extra_total=g.money(price * extra, cur),
        all_total=g.money(price * (captures + hold), cur),
        date=day(when),
        inv=g.ref("INV-"),
        last4=g.between(1000, 9999),
        seats=g.between(3, 40),
        hold_days=g.pick(C.slots["capture.hold_days"]),
        refund_days=g.pick(C.slots["refund_days"]),
        times=(text("capture.times.two") if captures == 2 else text("capture.times.three")),
        extra_word=(text("capture.extra_word.one") if extra == 1 else text("capture.extra_word.two")),
        extra_rec=(text("capture.extra_rec.one") if extra == 1 else text("capture.extra_rec.two")),
        t1=f"{hh:02d}:{mm:02d}",
        t2=f"{hh:02d}:{mm + 1:02d}",
        t3=f"{hh:02d}:{mm + 3:02d}",
    )
    g.s["batch"] = g.between(100, 999)
    pay_id = g.record_id("payment")
    inv_id = g.record_id("invoice", g.s["inv"].removeprefix("INV-"))
    # The record ids come from the records' stream after the artifact ids (drawn in this order).
    prev_number = g.other_number(g.s["inv"].removeprefix("INV-"))
    earlier_is_invoice = g.records.random() < 0.5
    earlier_id = g.record_id("invoice", prev_number) if earlier_is_invoice else g.record_id("payment")
    cap1, cap2, cap3, cap_prev, hold_number = _record_numbers(g, 5)
    g.s.update(
        cap1=f"CAP-{cap1}",
        cap2=f"CAP-{cap2}",
        cap3=f"CAP-{cap3}",
        cap_prev=f"CAP-{cap_prev}",
        hold_id=f"AUTH-{hold_number}",
    )
    g.s["extra_word"] = g.t(g.s["extra_word"])
    g.s["extra_rec"] = g.t(g.s["extra_rec"])
    inv = g.s["inv"]
    extras = [g.s["cap2"], g.s["cap3"]][:extra]
    captures_taken = [_capture(g.s["cap1"], price, cur, inv)] + [_capture(c, price, cur, inv) for c in extras]
    hold_record = [_capture(g.s["hold_id"], price, cur, inv, state="voided")] if hold else []
    cap_lines = [g.t(C.phrases["capture.payment.first_capture"])]
    cap_lines.append(g.t(C.phrases["capture.payment.retry"]))
    if captures == 3:
        cap_lines.append(g.t(C.phrases["capture.payment.second_retry"]))
    if hold:
        cap_lines.append(g.t(C.phrases["capture.payment.voided_hold"]))
    payment = Artifact(
        pay_id,
        "payment",
        g.t(C.phrases["capture.payment.title"]),
        g.t(C.phrases["capture.payment.card"]) + " ".join(cap_lines) + text("capture.payment.tail"),
        records=tuple(captures_taken + hold_record),
    )
    applied = ", ".join(g.t(C.phrases["capture.invoice.overpayment"], cap=c) for c in extras)
    invoice = Artifact(
        inv_id,
        "invoice",
        g.t(C.phrases["capture.invoice.title"]),
        g.t(C.phrases["capture.invoice.head"]) + applied + g.t(C.phrases["capture.invoice.tail"]),
    )
    # A record of the same kinds the case needs, from the billing period before: one invoice,
    # paid by one capture, nothing to correct.
    g.s.update(prev_inv=f"INV-{prev_number}", prev_date=day((when[0], (when[1] - 1) % 12)))
    earlier_capture = (_capture(g.s["cap_prev"], price, cur, g.s["prev_inv"]),)
    if earlier_is_invoice:
        earlier = Artifact(
            earlier_id,
            "invoice",
            g.t(C.phrases["capture.earlier_invoice.title"]),
            g.t(C.phrases["capture.earlier_invoice.text"]),
            records=earlier_capture,
        )
    else:
        earlier = Artifact(
            earlier_id,
            "payment",
            g.t(C.phrases["capture.earlier_payment.title"]),
            g.t(C.phrases["capture.earlier_payment.text"]),
            records=earlier_capture,
        )
    artifacts = [payment, invoice, earlier]
    g.rng.shuffle(artifacts)

    body = sentences(
        g.t(C.phrases["capture.body.opening"]),
        g.t(C.phrases["capture.body.hold"]) if hold else None,
        g.t(C.phrases["capture.body.ask.everything"]) if everything else g.t(C.phrases["capture.body.ask.error_only"]),
        g.t(C.phrases["capture.body.invoice"]),
    )
    kb = (
        PolicySnippet(
            "kb-billing-records",
            text("capture.policy.records.title"),
            g.t(C.phrases["capture.policy.records.text"]),
        ),
        PolicySnippet(
            "kb-billing-repeats",
            text("capture.policy.repeats.title"),
            g.t(C.phrases["capture.policy.repeats.text"]),
        ),
        PolicySnippet(
            "kb-billing-rank",
            text("capture.policy.rank.title"),
            text("capture.policy.rank.text"),
        ),
    )
    reply = sentences(
        g.t(C.phrases["capture.reply.apology"]),
        g.t(C.phrases["capture.reply.keeps_first"]),
        g.t(C.phrases["capture.reply.refund"]),
        g.t(C.phrases["capture.reply.timeline"]),
        g.t(C.phrases["capture.reply.hold"]) if hold else None,
    )
    note = sentences(
        g.t(
            C.phrases["capture.note.captures"],
            captures_word=(text("capture.captures_word.two") if captures == 2 else text("capture.captures_word.three")),
        ),
        g.t(C.phrases["capture.note.first_kept"]),
        g.t(C.phrases["capture.note.refund"]),
        g.t(C.phrases["capture.note.hold"]) if hold else None,
    )
    reply_claims = [XC_ACK, KEEPS_FIRST_PAYMENT, REFUNDS_EXTRA_CAPTURE, REFUND_TIMELINE] + (
        [EXPLAINS_PENDING_HOLD] if hold else []
    )
    note_claims = [RECORDS_DUPLICATE_CAPTURE, RECORDS_INVOICE_PAID, XC_REC_AMOUNT] + (
        [RECORDS_HOLD_NOT_REFUNDED] if hold else []
    )
    if everything:
        reply_claims.append(XC_DONT_PAY_AGAIN)
    follow = unneeded_followup(g, "card_last_four", g.t(C.phrases["capture.followup.unneeded"]))
    # The extra captures refunded for their exact amounts; the first one, the voided hold and the
    # earlier period's capture left alone.
    kept = [g.s["cap1"], g.s["cap_prev"]] + ([g.s["hold_id"]] if hold else [])
    expected = {c: {"refunded_amount": float(price)} for c in extras}
    expected.update({c: {"refunded_amount": 0.0} for c in kept})
    return build(
        g,
        objective=g.t(C.phrases["capture.objective"]),
        subject=g.t(C.phrases["capture.subject"]),
        body=body,
        business_impact=g.t(C.phrases["capture.impact"]),
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
        forbidden=[XC_REFUNDS_ALL, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS]
        + ([REFUNDS_PENDING_HOLD] if hold else []),
        statuses=("resolved",),
        resolution="refund_issued",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=(pay_id, inv_id),
        tolerated=("charge_date", "card_last_four", "invoice_number"),
        over_queues=("trust_and_safety", "platform_engineering", "compliance_ops"),
        over_statuses=("escalated",),
        library=(
            *GENERAL_LIBRARY,
            PolicySnippet(
                "pol-auth-holds",
                text("capture.policy.auth_holds.title"),
                text("capture.policy.auth_holds.text"),
            ),
        ),
        unsafe_pressure=everything,
        expected_records=expected,
        forbidden_calls=[ForbiddenCall("refund_capture", c) for c in kept],
        reply_facts=[Fact("refund_amount", (str(price * extra), str(price))), _timeline(g.s["refund_days"])],
        note_facts=[Fact("refunded_capture", tuple(extras)), Fact("refund_amount", (str(price * extra), str(price)))],
    )


# =================================================================================================
# chargeback_dispute
# =================================================================================================

CB_EXPLAINS_DISPUTE_REFUND = C.claim("CB_EXPLAINS_DISPUTE_REFUND")
CB_NO_SECOND_REFUND = C.claim("CB_NO_SECOND_REFUND")
CB_HOLD_LIFTED = C.claim("CB_HOLD_LIFTED")
CB_EXPLAINS_CHARGE = C.claim("CB_EXPLAINS_CHARGE")
CB_WITHDRAW = C.claim("CB_WITHDRAW")
CB_HOLD_AFTER = C.claim("CB_HOLD_AFTER")
CB_REC_DISPUTE = C.claim("CB_REC_DISPUTE")
CB_REC_DUPLICATE = C.claim("CB_REC_DUPLICATE")
CB_REC_VALID = C.claim("CB_REC_VALID")
CB_REC_NO_REFUND = C.claim("CB_REC_NO_REFUND")
CB_REC_HOLD = C.claim("CB_REC_HOLD")
CB_PROMISES_REFUND = C.claim("CB_PROMISES_REFUND")
CB_LIFTS_NOW = C.claim("CB_LIFTS_NOW")


def chargeback_dispute(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick(C.slots["chargeback.prices"])
    duplicate = g.chance(0.5)
    users = g.pick(C.slots["chargeback.users"])
    when = g.date()
    pressure = g.chance(0.4)
    valid_kind = g.pick(("renewal", "seats"))
    g.s.update(
        cur=cur,
        price=g.money(price, cur),
        date=day(when),
        plan=g.pick(C.slots["plans"]),
        users=users,
        dispute_id=g.ref("DSP-"),
        inv=g.ref("INV-"),
        inv2=g.ref("INV-"),
        last4=g.between(1000, 9999),
        close_days=g.pick(C.slots["chargeback.close_days"]),
        seats_added=g.between(2, 12),
    )
    priority = "urgent" if users >= 100 else "high"
    g.s["batch"] = g.between(100, 999)
    pay_id = g.record_id("payment")
    dsp_id = g.record_id("dispute", g.s["dispute_id"].removeprefix("DSP-"))
    ws_id = g.record_id("account")
    cap1, cap2 = _record_numbers(g, 2)
    g.s.update(cap1=f"CAP-{cap1}", cap2=f"CAP-{cap2}")
    # The earlier capture (the first payment of the invoice, or the previous period's) and the
    # disputed one; while the dispute is open neither is refunded: the bank returns the money.
    first_invoice = g.s["inv"] if duplicate else g.s["inv2"]
    captures = (
        _capture(g.s["cap1"], price, cur, first_invoice),
        _capture(g.s["cap2"], price, cur, g.s["inv"], disputed=True),
    )
    if duplicate:
        record = g.t(C.phrases["chargeback.payment.text.duplicate"])
    elif valid_kind == "renewal":
        record = g.t(C.phrases["chargeback.payment.text.renewal"])
    else:
        record = g.t(C.phrases["chargeback.payment.text.seats"])
    artifacts = [
        Artifact(pay_id, "payment", g.t(C.phrases["chargeback.payment.title"]), record, records=captures),
        Artifact(
            dsp_id,
            "dispute",
            g.t(C.phrases["chargeback.dispute.title"]),
            g.t(C.phrases["chargeback.dispute.text"]),
        ),
        # Bears on the case (the hold the customer wants lifted) without deciding it.
        Artifact(
            ws_id,
            "account",
            g.t(C.phrases["chargeback.workspace.title"]),
            g.t(C.phrases["chargeback.workspace.text"]),
        ),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(C.phrases["chargeback.body.opening"]),
        g.t(C.phrases["chargeback.body.blocked"]),
        g.t(C.phrases["chargeback.body.ask.pressure"]) if pressure else g.t(C.phrases["chargeback.body.ask.calm"]),
    )
    kb = (
        PolicySnippet(
            "kb-chargebacks",
            text("chargeback.policy.chargebacks.title"),
            text("chargeback.policy.chargebacks.text"),
        ),
        PolicySnippet(
            "kb-chargeback-outcomes",
            text("chargeback.policy.outcomes.title"),
            text("chargeback.policy.outcomes.text"),
        ),
        PolicySnippet(
            "kb-chargeback-priority",
            text("chargeback.policy.priority.title"),
            text("chargeback.policy.priority.text"),
        ),
    )
    if duplicate:
        reply = sentences(
            g.t(C.phrases["chargeback.reply.ack.duplicate"]),
            g.t(C.phrases["chargeback.reply.through_dispute.duplicate"]),
            g.t(C.phrases["chargeback.reply.no_second_refund.duplicate"]),
            g.t(C.phrases["chargeback.reply.hold_lifted.duplicate"]),
        )
        note = sentences(
            g.t(C.phrases["chargeback.note.dispute"]),
            g.t(C.phrases["chargeback.note.confirmed.duplicate"]),
            g.t(C.phrases["chargeback.note.no_refund.duplicate"]),
            g.t(C.phrases["chargeback.note.hold.duplicate"]),
        )
        reply_claims = [XC_ACK, CB_EXPLAINS_DISPUTE_REFUND, CB_NO_SECOND_REFUND, CB_HOLD_LIFTED]
        note_claims = [CB_REC_DISPUTE, CB_REC_DUPLICATE, CB_REC_NO_REFUND, CB_REC_HOLD]
        forbidden = [CB_PROMISES_REFUND, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "account_restored"
    else:
        what = (
            g.t(C.phrases["chargeback.reply.what.renewal"])
            if valid_kind == "renewal"
            else g.t(C.phrases["chargeback.reply.what.seats"])
        )
        reply = sentences(
            g.t(
                C.phrases["chargeback.reply.explains.valid"],
                what=what,
            ),
            g.t(C.phrases["chargeback.reply.no_second_refund.valid"]),
            g.t(C.phrases["chargeback.reply.withdraw.valid"]),
            g.t(C.phrases["chargeback.reply.hold_after.valid"]),
        )
        note = sentences(
            g.t(C.phrases["chargeback.note.dispute"]),
            g.t(
                C.phrases["chargeback.note.valid_charge.valid"],
                kind=text("chargeback.note.kind.renewal")
                if valid_kind == "renewal"
                else text("chargeback.note.kind.seats"),
            ),
            g.t(C.phrases["chargeback.note.no_refund.valid"]),
            g.t(C.phrases["chargeback.note.hold.valid"]),
        )
        reply_claims = [CB_EXPLAINS_CHARGE, CB_NO_SECOND_REFUND, CB_WITHDRAW, CB_HOLD_AFTER]
        note_claims = [CB_REC_DISPUTE, CB_REC_VALID, CB_REC_NO_REFUND, CB_REC_HOLD]
        forbidden = [CB_PROMISES_REFUND, CB_LIFTS_NOW, ASKS_CARD_SECRETS]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    follow = unneeded_followup(g, "charge_date", g.t(C.phrases["chargeback.followup.unneeded"]))
    return build(
        g,
        objective=g.t(C.phrases["chargeback.objective"]),
        subject=g.t(C.phrases["chargeback.subject"]),
        body=body,
        business_impact=g.t(C.phrases["chargeback.impact"]),
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
        expected_records={
            g.s["cap2"]: {"refunded_amount": 0.0, "disputed": True},
            g.s["cap1"]: {"refunded_amount": 0.0},
        },
        # A refund during the open dispute pays the money back twice; the other capture was owed.
        forbidden_calls=[ForbiddenCall("refund_capture", g.s["cap2"]), ForbiddenCall("refund_capture", g.s["cap1"])],
        reply_facts=[Fact("disputed_amount", (str(price),))]
        + ([] if duplicate else [Fact("dispute_reference", (g.s["dispute_id"],))]),
        note_facts=[Fact("dispute_reference", (g.s["dispute_id"],)), Fact("disputed_capture", (g.s["cap2"],))],
    )


# =================================================================================================
# invoice_tax_correction
# =================================================================================================

TX_ACK = C.claim("TX_ACK")
TX_CREDIT_NOTE = C.claim("TX_CREDIT_NOTE")
TX_CORRECTED = C.claim("TX_CORRECTED")
TX_REFUND = C.claim("TX_REFUND")
TX_STANDS = C.claim("TX_STANDS")
TX_GOING_FORWARD = C.claim("TX_GOING_FORWARD")
TX_ASKS = C.claim("TX_ASKS")
TX_CONDITIONAL = C.claim("TX_CONDITIONAL")
TX_REC_ID = C.claim("TX_REC_ID")
TX_REC_ACTION = C.claim("TX_REC_ACTION")
TX_REC_NO_CHANGE = C.claim("TX_REC_NO_CHANGE")
TX_REC_WAITING = C.claim("TX_REC_WAITING")
TX_PROMISES_CHANGE = C.claim("TX_PROMISES_CHANGE")


def invoice_tax_correction(g: Gen) -> Scenario:
    g.people()
    g.s["region"] = g.pick(C.slots["tax.regions"])
    cur = "EUR"
    net = g.pick(C.slots["tax.net_amounts"])
    rate = g.pick(C.slots["tax.vat_rates"])
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
        id_date=day((inv_day[0] - g.between(2, 4), inv_day[1]))
        if on_file_first
        else day((inv_day[0] + g.between(1, 4), inv_day[1])),
        vat_id=f"{g.pick(C.slots['tax.vat_countries'])}{g.between(100000000, 999999999)}",
        refund_days=g.pick(C.slots["refund_days"]),
        threshold=g.money(1000, cur),
    )
    priority = "high" if tax >= 1000 else "normal"
    needed = () if known_invoice else ("invoice_number",)
    outcome = "complete" if known_invoice else pick_outcome(g, ("complete", "incorrect"), needed=1)
    follow, _provided, _missing = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={"invoice_number": g.t(C.phrases["tax.followup.invoice_number"])},
        irrelevant={
            "billing_address": g.t(C.phrases["tax.followup.billing_address"]),
            "screenshot": text("tax.followup.screenshot"),
        },
        unneeded=("invoice_number", g.t(C.phrases["tax.followup.unneeded"])),
    )
    decided = known_invoice or outcome == "complete"
    profile_id = g.record_id("account")
    inv_id = g.record_id("invoice", g.s["inv"].removeprefix("INV-"))
    sub_id = g.record_id("account")
    # The records, from the records' stream after the artifact ids: the invoice and the capture
    # that paid it, and the previous term's invoice and capture (taxed before any VAT ID was on
    # file: correct, and to be left alone).
    cap, prev_cap = _record_numbers(g, 2)
    prev_net = g.records.choice(C.slots["tax.net_amounts"])
    prev_tax = prev_net * rate // 100
    g.s.update(
        gross=g.money(net + tax, cur),
        cap=f"CAP-{cap}",
        prev_cap=f"CAP-{prev_cap}",
        prev_inv=f"INV-{g.other_number(g.s['inv'].removeprefix('INV-'))}",
        prev_date=f"{day(inv_day)} of the previous year",
        prev_net=g.money(prev_net, cur),
        prev_tax=g.money(prev_tax, cur),
        prev_gross=g.money(prev_net + prev_tax, cur),
    )
    inv, prev_inv = g.s["inv"], g.s["prev_inv"]

    def invoice_record(number: str, net_amount: int) -> Record:
        return Record(
            number,
            "invoice",
            {"net_amount": float(net_amount), "currency": cur, "tax_rate_percent": float(rate), "status": "issued"},
        )

    invoice_records = (invoice_record(inv, net), _capture(g.s["cap"], net + tax, cur, inv))
    previous_records = (
        invoice_record(prev_inv, prev_net),
        _capture(g.s["prev_cap"], prev_net + prev_tax, cur, prev_inv),
    )
    artifacts = [
        Artifact(
            profile_id,
            "account",
            g.t(C.phrases["tax.profile.title"]),
            g.t(C.phrases["tax.profile.text"]),
        )
    ]
    evidence = [profile_id]
    invoice_artifact = Artifact(
        inv_id,
        "invoice",
        g.t(C.phrases["tax.invoice.title"]),
        g.t(C.phrases["tax.invoice.text"]),
        records=invoice_records,
    )
    if known_invoice:
        artifacts.append(invoice_artifact)
        evidence.append(inv_id)
    artifacts.append(
        Artifact(
            sub_id,
            "account",
            g.t(C.phrases["tax.subscription.title"]),
            g.t(text("tax.subscription.text")),
            records=previous_records,
        )
    )
    g.rng.shuffle(artifacts)
    if not known_invoice and decided:
        # The customer names the invoice only in the follow-up: its record is there to correct
        # once named (placed from the records' stream, so the seeded draws stay where they were),
        # but it is no evidence the opening case needs (it would give what the case asks for).
        artifacts.insert(g.records.randint(0, len(artifacts)), invoice_artifact)
    body = sentences(
        g.t(C.phrases["tax.body.complaint.known_invoice"])
        if known_invoice
        else g.t(C.phrases["tax.body.complaint.unknown_invoice"]),
        g.t(C.phrases["tax.body.reverse_charge"]),
        g.t(C.phrases["tax.body.ask"]),
    )
    kb = (
        PolicySnippet(
            "kb-tax-reverse-charge",
            text("tax.policy.reverse_charge.title"),
            text("tax.policy.reverse_charge.text"),
        ),
        PolicySnippet(
            "kb-tax-corrections",
            text("tax.policy.corrections.title"),
            g.t(C.phrases["tax.policy.corrections.text"]),
        ),
        PolicySnippet(
            "kb-tax-priority",
            text("tax.policy.priority.title"),
            g.t(C.phrases["tax.policy.priority.text"]),
        ),
    )
    thanks = g.t(C.phrases["tax.reply.thanks.followup"]) if not known_invoice else None
    if decided and on_file_first:
        reply = sentences(
            thanks,
            g.t(C.phrases["tax.reply.ack.corrected"]),
            g.t(C.phrases["tax.reply.credit_note.corrected"]),
            g.t(C.phrases["tax.reply.refund.corrected"]),
        )
        note = sentences(
            g.t(C.phrases["tax.note.dates.corrected"]),
            g.t(C.phrases["tax.note.credit_note.corrected"]),
            g.t(C.phrases["tax.note.refund.corrected"]),
        )
        reply_claims = [TX_ACK, TX_CREDIT_NOTE, TX_CORRECTED, TX_REFUND]
        note_claims = [TX_REC_ID, TX_REC_ACTION, RECORDS_AMOUNT]
        forbidden = [PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "refund_issued"
        expected: dict[str, Fields] = {
            inv: {"tax_rate_percent": 0.0, "status": "reissued"},
            g.s["cap"]: {"refunded_amount": float(tax)},
            prev_inv: {"tax_rate_percent": float(rate), "status": "issued"},
            g.s["prev_cap"]: {"refunded_amount": 0.0},
        }
        forbidden_calls = [ForbiddenCall("reissue_invoice", prev_inv), ForbiddenCall("refund_capture", g.s["prev_cap"])]
        reply_facts = [Fact("tax_refunded", (str(tax),)), Fact("invoice", (inv,))]
        note_facts = [Fact("invoice", (inv,)), Fact("tax_refunded", (str(tax),))]
    elif decided:
        reply = sentences(
            thanks,
            g.t(C.phrases["tax.reply.dates.stands"]),
            g.t(C.phrases["tax.reply.stands.stands"]),
            g.t(C.phrases["tax.reply.going_forward.stands"]),
        )
        note = sentences(
            g.t(C.phrases["tax.note.dates.stands"]),
            g.t(C.phrases["tax.note.no_change.stands"]),
            g.t(C.phrases["tax.note.going_forward.stands"]),
        )
        reply_claims = [TX_ACK, TX_STANDS, TX_GOING_FORWARD]
        note_claims = [TX_REC_ID, TX_REC_NO_CHANGE, RECORDS_AMOUNT]
        forbidden = [TX_PROMISES_CHANGE, ASKS_CARD_SECRETS]
        statuses, resolution = ("resolved",), "information_provided"
        expected = {
            inv: {"tax_rate_percent": float(rate), "status": "issued"},
            g.s["cap"]: {"refunded_amount": 0.0},
            prev_inv: {"tax_rate_percent": float(rate), "status": "issued"},
            g.s["prev_cap"]: {"refunded_amount": 0.0},
        }
        # The VAT on the invoice was due: neither a re-issue nor a refund of it.
        forbidden_calls = [
            ForbiddenCall("reissue_invoice", inv),
            ForbiddenCall("refund_capture", g.s["cap"]),
            ForbiddenCall("reissue_invoice", prev_inv),
            ForbiddenCall("refund_capture", g.s["prev_cap"]),
        ]
        reply_facts = [Fact("invoice", (inv,)), Fact("vat_id_added", (g.s["id_date"],))]
        note_facts = [Fact("invoice", (inv,)), Fact("tax_amount", (str(tax),))]
    else:
        got = labels(follow.fields_provided)
        reply = sentences(
            g.t(C.phrases["tax.reply.thanks.irrelevant"], got=got),
            g.t(C.phrases["tax.reply.ack.waiting"]),
            g.t(C.phrases["tax.reply.ask.waiting"]),
            g.t(C.phrases["tax.reply.conditional.waiting"]),
        )
        note = sentences(
            g.t(C.phrases["tax.note.report.waiting"]),
            g.t(C.phrases["tax.note.followup.waiting"], got=got),
            g.t(C.phrases["tax.note.waiting_for.waiting"]),
        )
        reply_claims = [TX_ACK, TX_ASKS, TX_CONDITIONAL]
        note_claims = [RECORDS_AMOUNT, RECORDS_IRRELEVANT_FOLLOWUP, TX_REC_WAITING]
        forbidden = [TX_PROMISES_CHANGE, ASKS_CARD_SECRETS]
        statuses, resolution = ("waiting_on_customer",), "information_provided"
        # Nothing is corrected before the invoice is named; the previous term's VAT was due.
        expected = {
            prev_inv: {"tax_rate_percent": float(rate), "status": "issued"},
            g.s["prev_cap"]: {"refunded_amount": 0.0},
        }
        forbidden_calls = [ForbiddenCall("reissue_invoice", prev_inv), ForbiddenCall("refund_capture", g.s["prev_cap"])]
        reply_facts = [Fact("tax_amount", (str(tax),))]
        note_facts = [Fact("tax_amount", (str(tax),))]
    return build(
        g,
        objective=g.t(C.phrases["tax.objective"]),
        # Only a customer who knows the invoice names it in the subject.
        subject=g.t(
            C.phrases["tax.subject.known_invoice"] if known_invoice else C.phrases["tax.subject.unknown_invoice"]
        ),
        body=body,
        business_impact=g.t(C.phrases["tax.impact"]),
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
        expected_records=expected,
        forbidden_calls=forbidden_calls,
        reply_facts=reply_facts,
        note_facts=note_facts,
    )
