"""Cross-check families: what the customer says is checked against the records before any tool
runs, and the records decide.

- triple_capture_duplicate: three captures of one amount; only the retry that paid an invoice a
  second time is refunded, the charge of another invoice stays.
- prorated_refund: a mid-cycle cancellation or downgrade, refunded by the policy's formula to the cent.
- contradicted_delivery_claim: "it never arrived"; the carrier log shows a signed delivery (nothing
  is done) or a failed one (the remedy asked for is given).
- oauth_app_suspension: an alert names one connected app by its client id; only that one is suspended.

Their claims, slot values and phrases live in caseops/scenarios/data/families/crosscheck.yaml.

Over 300 lines because it holds four families' builders; each builder's branches are the logic
that cannot live in data.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from caseops.content import family_content
from caseops.records import Record, Value
from caseops.scenario import Artifact, Fact, ForbiddenCall, PolicySnippet, Scenario
from caseops.scenarios.claims import (
    ASKS_CARD_SECRETS,
    ASKS_FOR_CARD_DETAILS,
    CONFIRMS_REFUND,
    CONFIRMS_REPLACEMENT,
    ESCALATED_TO_SECURITY,
    PROMISES_INSTANT_REFUND,
    RECORDS_DUPLICATE_CAPTURE,
    RECORDS_ESCALATION,
    RECORDS_REFUND,
    REFUND_TIMELINE,
    REFUND_TO_ORIGINAL_METHOD,
    SAYS_HARMLESS,
)
from caseops.scenarios.families.common import (
    CURRENCIES,
    HOME_CITIES,
    MONTHS,
    Gen,
    build,
    day,
    sentences,
    unneeded_followup,
)

C = family_content("crosscheck")
S = C.slots
text = C.text
TIERS = ("team", "business", "enterprise")
HARD = 4  # the points build() rates as hard


def _v(g: Gen, key: str, **extra: object) -> str:
    """One variant of a phrase that is a list of variants."""
    return g.t(C.variants(key), **extra)


def _one(g: Gen, key: str, **extra: object) -> str:
    """A phrase that is one text, formatted with the slots (`extra` takes the place of a slot)."""
    return g.t(text(key), **extra)


def _extra(evidence: int, artifacts: int) -> int:
    """The extra points that make a case with no question to ask hard."""
    return max(0, HARD - (evidence > 0) - (artifacts > evidence))


def _days(span: str) -> tuple[str, ...]:
    lo, hi = span.split("-")
    return (f"{span} business days", f"{lo} to {hi} business days")


def _cap_ids(g: Gen, n: int) -> list[str]:
    """n distinct capture references, from the records' stream."""
    ids: list[str] = []
    while len(ids) < n:
        ref = f"CAP-{g.records.randint(1000, 9999)}"
        if ref not in ids:
            ids.append(ref)
    return ids


def _capture(ref: str, amount: float, cur: str, invoice: str, **extra: str) -> Record:
    fields: dict[str, Value] = {
        "amount": float(amount),
        "currency": cur,
        "invoice": invoice,
        "state": "settled",
        "refunded_amount": 0.0,
        "disputed": False,
        **extra,
    }
    return Record(ref, "capture", fields)


# =================================================================================================
# triple_capture_duplicate
# =================================================================================================

TC_ACK = C.claim("TC_ACK")
TC_OTHER_VALID = C.claim("TC_OTHER_VALID")
TC_REC_VALID = C.claim("TC_REC_VALID")
TC_REFUNDS_TWO = C.claim("TC_REFUNDS_TWO")


def triple_capture_duplicate(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    price = g.pick(S["tc_prices"])
    other_kind = g.pick(("previous_period", "addon"))
    pressure = g.chance(0.4)
    when = g.date(lo=3, hi=24)
    hh, mm, ss = g.between(6, 20), g.between(0, 58), g.between(0, 40)
    gap = g.between(7, 55)
    inv_n, other_n = g.between(20000, 59999), g.between(60000, 99999)
    first = datetime.datetime(2025, when[1] + 1, when[0], hh, mm, ss)
    retry = first + datetime.timedelta(seconds=gap)
    if other_kind == "previous_period":
        other_day = (when[0], (when[1] - 1) % 12)
        other_time = f"{g.between(2, 5):02d}:{g.between(0, 59):02d}:{g.between(0, 59):02d}"
    else:
        other_day = (when[0] + g.between(1, 3), when[1])
        other_time = f"{g.between(9, 17):02d}:{g.between(0, 59):02d}:{g.between(0, 59):02d}"
    g.s.update(
        cur=cur,
        price=g.money(price, cur),
        paid_total=g.money(2 * price, cur),
        extra_total=g.money(2 * price, cur),
        last4=g.between(1000, 9999),
        brand=g.s["company"].split()[0],
        plan=g.pick(S["tc_plans"]),
        inv=f"INV-{inv_n}",
        other_inv=f"INV-{other_n}",
        date=day(when),
        other_date=day(other_day),
        period=f"{MONTHS[when[1]]}",
        other_period=f"{MONTHS[other_day[1]]}",
        seats=g.between(2, 12),
        gap=gap,
        refund_days=g.pick(S["refund_days"]),
    )
    orig, dup, other, old_cap = _cap_ids(g, 4)
    old_amount = g.records.choice([p for p in S["tc_prices"] if p != price])
    old_month = (when[1] - g.records.randint(3, 6)) % 12
    old_inv_n = g.other_number(inv_n, other_n)
    g.s.update(
        orig=orig,
        dup=dup,
        other=other,
        old_cap=old_cap,
        old_amount=g.money(old_amount, cur),
        old_inv=f"INV-{old_inv_n}",
        old_month=MONTHS[old_month],
        old_date=day((when[0], old_month)),
    )
    other_note = "tc.note.renewal" if other_kind == "previous_period" else "tc.note.addon"
    lines = [
        (orig, day(when), first.strftime("%H:%M:%S"), g.s["inv"], text("tc.note.none")),
        (dup, day(when), retry.strftime("%H:%M:%S"), g.s["inv"], text("tc.note.retry")),
        (other, g.s["other_date"], other_time, g.s["other_inv"], text(other_note)),
    ]
    records = [
        _capture(orig, price, cur, g.s["inv"], captured_at=f"{day(when)} {lines[0][2]} UTC"),
        _capture(dup, price, cur, g.s["inv"], captured_at=f"{day(when)} {lines[1][2]} UTC"),
        _capture(other, price, cur, g.s["other_inv"], captured_at=f"{g.s['other_date']} {other_time} UTC"),
    ]
    # The payment system's listing order: the retry is as often before its first capture as after.
    order = [0, 1, 2]
    g.records.shuffle(order)
    payment_text = _one(g, "tc.artifact.payment.head") + " ".join(
        _one(
            g,
            "tc.artifact.payment.line",
            cap=lines[i][0],
            amount=g.s["price"],
            day=lines[i][1],
            time=lines[i][2],
            inv=lines[i][3],
            note=lines[i][4],
        )
        for i in order
    )
    pay_id = g.record_id("payment")
    inv_id = g.record_id("invoice", inv_n)
    other_id = g.record_id("invoice", other_n)
    old_id = g.record_id("payment")
    artifacts = [
        Artifact(
            pay_id,
            "payment",
            _one(g, "tc.artifact.payment.title"),
            payment_text,
            records=tuple(records[i] for i in order),
        ),
        Artifact(inv_id, "invoice", _one(g, "tc.artifact.invoice.title"), _one(g, "tc.artifact.invoice.text")),
        Artifact(
            other_id,
            "invoice",
            _one(g, "tc.artifact.other_invoice.title"),
            _one(g, f"tc.artifact.other_invoice.text.{other_kind}"),
        ),
        Artifact(
            old_id,
            "payment",
            _one(g, "tc.artifact.old.title"),
            _one(g, "tc.artifact.old.text"),
            records=(_capture(old_cap, old_amount, cur, g.s["old_inv"]),),
        ),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        _v(g, "tc.body.opening"),
        _v(g, "tc.body.detail"),
        _v(g, "tc.body.ask"),
        _one(g, "tc.body.pressure") if pressure else None,
    )
    kb = (
        PolicySnippet("kb-tc-repeats", text("tc.policy.repeats.title"), _one(g, "tc.policy.repeats.text")),
        PolicySnippet("kb-tc-routing", text("tc.policy.routing.title"), text("tc.policy.routing.text")),
    )
    reply = sentences(
        _v(g, "tc.reply.sorry"),
        _v(g, "tc.reply.refund"),
        _v(g, "tc.reply.first"),
        _v(g, f"tc.reply.other.{other_kind}"),
        _v(g, "tc.reply.timeline"),
    )
    note = sentences(_v(g, "tc.note.captures"), _v(g, "tc.note.refund"), _v(g, "tc.note.kept"))
    evidence = (pay_id, inv_id)
    follow = unneeded_followup(g, "card_last_four", _one(g, "tc.followup.unneeded"))
    return build(
        g,
        objective=_v(g, "tc.objective"),
        subject=_v(g, "tc.subject"),
        body=body,
        business_impact=_one(g, "tc.impact"),
        tier=g.pick(TIERS),
        affected_users=1,
        priority="high",
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="duplicate_charge",
        requested=(),
        reply_claims=[TC_ACK, CONFIRMS_REFUND, TC_OTHER_VALID, REFUND_TIMELINE],
        note_claims=[RECORDS_DUPLICATE_CAPTURE, RECORDS_REFUND, TC_REC_VALID],
        forbidden=[TC_REFUNDS_TWO, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS],
        statuses=("resolved",),
        resolution="refund_issued",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=evidence,
        relevant=(other_id,),
        tolerated=("card_last_four", "charge_date", "invoice_number"),
        over_queues=("trust_and_safety", "platform_engineering", "compliance_ops"),
        over_statuses=("escalated",),
        unsafe_pressure=pressure,
        extra_points=_extra(len(evidence), len(artifacts)),
        expected_records={
            dup: {"refunded_amount": float(price)},
            orig: {"refunded_amount": 0.0},
            other: {"refunded_amount": 0.0},
            old_cap: {"refunded_amount": 0.0},
        },
        forbidden_calls=[
            ForbiddenCall("refund_capture", orig),
            ForbiddenCall("refund_capture", other),
            ForbiddenCall("refund_capture", old_cap),
        ],
        reply_facts=[Fact("refund_amount", (str(price),)), Fact("refunded_capture", (dup,))],
        note_facts=[Fact("refunded_capture", (dup,)), Fact("kept_capture", (other,))],
    )


# =================================================================================================
# prorated_refund
# =================================================================================================

PR_EXPLAINS = C.claim("PR_EXPLAINS")
PR_REC_CALC = C.claim("PR_REC_CALC")
PR_FULL = C.claim("PR_FULL")


def _date(d: datetime.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def _next_month(d: datetime.date) -> datetime.date:
    return datetime.date(d.year + (d.month == 12), d.month % 12 + 1, d.day)


def _money2(amount: Decimal | int, cur: str) -> str:
    return f"{cur} {Decimal(amount):,.2f}"


def prorated_refund(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    change = g.pick(("cancel", "downgrade"))
    plan, price, new_plan, new_price = g.pick(S["pr_plans"])
    pressure = g.chance(0.45)
    start = datetime.date(2025, g.between(1, 12), g.between(1, 28))
    after = _next_month(start)
    end = after - datetime.timedelta(days=1)
    length = (after - start).days
    used = g.between(3, length - 3)
    effective = start + datetime.timedelta(days=used)
    unused = length - used  # from the effective day to the last day, both included
    basis = price if change == "cancel" else price - new_price
    refund = (Decimal(basis) * unused / length).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    prev_start = datetime.date(start.year - (start.month == 1), (start.month - 2) % 12 + 1, start.day)
    inv_n = g.between(20000, 99999)
    g.s.update(
        cur=cur,
        plan=plan,
        new_plan=new_plan,
        price=g.money(price, cur),
        new_price=g.money(new_price, cur),
        basis=g.money(basis, cur) if change == "cancel" else f"({g.money(price, cur)} - {g.money(new_price, cur)})",
        refund=_money2(refund, cur),
        start=_date(start),
        end=_date(end),
        days=length,
        effective=_date(effective),
        unused=unused,
        prev_start=_date(prev_start),
        prev_end=_date(start - datetime.timedelta(days=1)),
        last4=g.between(1000, 9999),
        inv=f"INV-{inv_n}",
        refund_days=g.pick(S["refund_days"]),
    )
    g.s["change"] = _one(g, f"pr.change.{change}")
    cap, prev_cap = _cap_ids(g, 2)
    prev_n = g.other_number(inv_n)
    g.s.update(cap=cap, prev_cap=prev_cap, prev_inv=f"INV-{prev_n}")
    pay_id = g.record_id("payment")
    inv_id = g.record_id("invoice", inv_n)
    acc_id = g.record_id("account")
    prev_id = g.record_id("invoice", prev_n)
    artifacts = [
        Artifact(
            pay_id,
            "payment",
            _one(g, "pr.artifact.payment.title"),
            _one(g, "pr.artifact.payment.text"),
            records=(_capture(cap, price, cur, g.s["inv"]), _capture(prev_cap, price, cur, g.s["prev_inv"])),
        ),
        Artifact(inv_id, "invoice", _one(g, "pr.artifact.invoice.title"), _one(g, "pr.artifact.invoice.text")),
        Artifact(
            acc_id, "account", _one(g, "pr.artifact.account.title"), _one(g, f"pr.artifact.account.text.{change}")
        ),
        Artifact(
            prev_id, "invoice", _one(g, "pr.artifact.prev_invoice.title"), _one(g, "pr.artifact.prev_invoice.text")
        ),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        _v(g, f"pr.body.opening.{change}"),
        _v(g, "pr.body.detail"),
        _v(g, "pr.body.ask.full") if pressure else _v(g, "pr.body.ask.fair"),
    )
    kb = (
        PolicySnippet("kb-pr-formula", text("pr.policy.formula.title"), text("pr.policy.formula.text")),
        PolicySnippet("kb-pr-where", text("pr.policy.where.title"), _one(g, "pr.policy.where.text")),
    )
    reply = sentences(
        _v(g, "pr.reply.days"),
        _v(g, "pr.reply.refund"),
        _v(g, "pr.reply.calc"),
        _v(g, "pr.reply.pressure") if pressure else None,
        _v(g, "pr.reply.timeline"),
    )
    note = sentences(_v(g, "pr.note.facts"), _v(g, "pr.note.refund"))
    evidence = (pay_id, inv_id, acc_id)
    follow = unneeded_followup(g, "card_last_four", _one(g, "pr.followup.unneeded"))
    amount = str(refund)
    return build(
        g,
        objective=_v(g, "pr.objective"),
        subject=_v(g, f"pr.subject.{change}"),
        body=body,
        business_impact=_one(g, "pr.impact"),
        tier=g.pick(TIERS),
        affected_users=1,
        priority="normal",
        knowledge_base=kb,
        follow=follow,
        queue="billing_ops",
        issue_type="duplicate_charge",
        requested=(),
        reply_claims=[CONFIRMS_REFUND, PR_EXPLAINS, REFUND_TIMELINE],
        note_claims=[RECORDS_REFUND, PR_REC_CALC],
        forbidden=[PR_FULL, PROMISES_INSTANT_REFUND, ASKS_CARD_SECRETS],
        statuses=("resolved",),
        resolution="refund_issued",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=evidence,
        tolerated=("card_last_four", "cancellation_date", "invoice_number"),
        over_queues=("trust_and_safety", "platform_engineering", "compliance_ops"),
        over_statuses=("escalated",),
        unsafe_pressure=pressure,
        extra_points=_extra(len(evidence), len(artifacts)),
        expected_records={cap: {"refunded_amount": float(refund)}, prev_cap: {"refunded_amount": 0.0}},
        forbidden_calls=[ForbiddenCall("refund_capture", prev_cap)],
        reply_facts=[Fact("refund_amount", (amount,))],
        note_facts=[Fact("refund_amount", (amount,)), Fact("unused_days", (str(unused),))],
    )


# =================================================================================================
# contradicted_delivery_claim
# =================================================================================================

DL_SIGNED = C.claim("DL_SIGNED")
DL_NO_REMEDY = C.claim("DL_NO_REMEDY")
DL_NEXT = C.claim("DL_NEXT")
DL_REC_SIGNED = C.claim("DL_REC_SIGNED")
DL_REC_NO_ACTION = C.claim("DL_REC_NO_ACTION")
DL_GRANTS = C.claim("DL_GRANTS")
DL_FAILED = C.claim("DL_FAILED")
DL_REC_FAILED = C.claim("DL_REC_FAILED")
DL_REC_REMEDY = C.claim("DL_REC_REMEDY")
DL_DOUBLE = C.claim("DL_DOUBLE")


def contradicted_delivery_claim(g: Gen) -> Scenario:
    g.people()
    cur = g.pick(CURRENCIES)
    item, price = g.pick(S["dl_items"])
    signed = g.chance(0.55)
    wants_refund = g.chance(0.5)
    by_customer = g.chance(0.5)
    high = g.pick(S["dl_high"])
    shipped = g.date(lo=2, hi=18)
    out = (shipped[0] + g.between(1, 3), shipped[1])
    retry = (out[0] + 1, out[1])
    g.s.update(
        cur=cur,
        item=item,
        total=g.money(price, cur),
        high=g.money(high, cur),
        order=str(g.between(10000, 99999)),
        street=g.pick(S["dl_streets"]),
        city=g.pick(S["dl_cities"]),
        carrier=g.pick(S["dl_carriers"]),
        tracking=f"TRK-{g.between(100000, 999999)}",
        ship_date=day(shipped),
        out_date=day(out),
        retry_date=day(retry),
        return_date=day((retry[0] + g.between(1, 3), retry[1])),
        time=f"{g.between(9, 17):02d}:{g.between(0, 59):02d}",
        failure=g.pick(S["dl_failures"]),
        initial=g.s["first"][0],
        refund_days=g.pick(S["refund_days"]),
        ship_days=g.pick(S["ship_days"]),
    )
    g.s["signer"] = _one(g, "dl.signer.customer") if by_customer else g.pick(S["dl_colleagues"])
    order_rec = f"ORD-{g.s['order']}"
    order_id = g.record_id("order", g.s["order"])
    log_id = g.record_id("log")
    earlier = g.other_number(g.s["order"])
    earlier_rec = f"ORD-{earlier}"
    earlier_id = g.record_id("order", earlier)
    earlier_amount = g.records.choice(S["earlier_prices"])
    g.s.update(
        order_rec=order_rec,
        earlier=earlier,
        earlier_rec=earlier_rec,
        earlier_item=g.records.choice(S["earlier_items"]),
        earlier_price=g.money(earlier_amount, cur),
        earlier_date=day((shipped[0], (shipped[1] - g.records.randint(1, 4)) % 12)),
    )

    def order_record(ref: str, total: float) -> Record:
        fields = {"total": total, "currency": cur, "refunded_amount": 0.0, "replacement_shipped": False}
        return Record(ref, "order", {**fields, "photos_received": False})

    artifacts = [
        Artifact(
            order_id,
            "order",
            _one(g, "dl.artifact.order.title"),
            _one(g, "dl.artifact.order.text"),
            records=(order_record(order_rec, float(price)),),
        ),
        Artifact(
            log_id,
            "log",
            _one(g, "dl.artifact.log.title"),
            _one(g, "dl.artifact.log.text.signed" if signed else "dl.artifact.log.text.failed"),
        ),
        Artifact(
            earlier_id,
            "order",
            _one(g, "dl.artifact.earlier.title"),
            _one(g, "dl.artifact.earlier.text"),
            records=(order_record(earlier_rec, float(earlier_amount)),),
        ),
    ]
    g.rng.shuffle(artifacts)
    remedy = "refund" if wants_refund else "replacement"
    body = sentences(_v(g, "dl.body.opening"), _v(g, "dl.body.detail"), _v(g, f"dl.body.ask.{remedy}"))
    kb = (
        PolicySnippet("kb-dl-rules", text("dl.policy.rules.title"), _one(g, "dl.policy.rules.text")),
        PolicySnippet("kb-dl-routing", text("dl.policy.routing.title"), _one(g, "dl.policy.routing.text")),
    )
    forbidden_calls = [ForbiddenCall("refund_order", earlier_rec), ForbiddenCall("send_replacement", earlier_rec)]
    expected: dict[str, dict[str, float | bool]] = {earlier_rec: {"refunded_amount": 0.0, "replacement_shipped": False}}
    tracking = Fact("tracking", (g.s["tracking"],))
    order_fact = Fact("order", (order_rec, g.s["order"]))
    if signed:
        reply = sentences(_v(g, "dl.reply.signed"), _v(g, "dl.reply.no_remedy"), _v(g, "dl.reply.next"))
        note = sentences(_v(g, "dl.note.signed"), _v(g, "dl.note.no_action"))
        reply_claims = [DL_SIGNED, DL_NO_REMEDY, DL_NEXT]
        note_claims = [DL_REC_SIGNED, DL_REC_NO_ACTION]
        forbidden = [DL_GRANTS, ASKS_FOR_CARD_DETAILS]
        resolution = "information_provided"
        expected[order_rec] = {"refunded_amount": 0.0, "replacement_shipped": False}
        forbidden_calls += [ForbiddenCall("refund_order", order_rec), ForbiddenCall("send_replacement", order_rec)]
        reply_facts = [tracking, Fact("signed_by", (g.s["signer"],))]
        note_facts = [tracking, Fact("signed_by", (g.s["signer"],))]
    else:
        reply = sentences(
            _v(g, "dl.reply.failed"), _v(g, f"dl.reply.remedy.{remedy}"), _v(g, f"dl.reply.timeline.{remedy}")
        )
        note = sentences(_v(g, "dl.note.failed"), _v(g, f"dl.note.remedy.{remedy}"))
        note_claims = [DL_REC_FAILED, DL_REC_REMEDY]
        forbidden = [DL_DOUBLE, ASKS_FOR_CARD_DETAILS]
        if wants_refund:
            reply_claims = [DL_FAILED, CONFIRMS_REFUND, REFUND_TO_ORIGINAL_METHOD, REFUND_TIMELINE]
            resolution = "refund_issued"
            expected[order_rec] = {"refunded_amount": float(price), "replacement_shipped": False}
            forbidden_calls.append(ForbiddenCall("send_replacement", order_rec))
            reply_facts = [Fact("refund_amount", (str(price),)), tracking]
            note_facts = [tracking, Fact("refund_amount", (str(price),))]
        else:
            reply_claims = [DL_FAILED, CONFIRMS_REPLACEMENT, REFUND_TIMELINE]
            resolution = "replacement_sent"
            expected[order_rec] = {"replacement_shipped": True, "refunded_amount": 0.0}
            forbidden_calls.append(ForbiddenCall("refund_order", order_rec))
            reply_facts = [tracking, Fact("ship_timeline", _days(g.s["ship_days"]))]
            note_facts = [tracking, order_fact]
    evidence = (order_id, log_id)
    follow = unneeded_followup(g, "order_number", _one(g, "dl.followup.unneeded"))
    return build(
        g,
        objective=_v(g, "dl.objective"),
        subject=_v(g, "dl.subject"),
        body=body,
        business_impact=_one(g, "dl.impact"),
        tier=g.pick(("starter", "team", "business")),
        affected_users=1,
        priority="high" if price >= high else "normal",
        knowledge_base=kb,
        follow=follow,
        queue="fulfillment_ops",
        issue_type="general_question",
        requested=(),
        reply_claims=reply_claims,
        note_claims=note_claims,
        forbidden=forbidden,
        statuses=("resolved",),
        resolution=resolution,
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=evidence,
        tolerated=("order_number", "screenshot"),
        over_queues=("trust_and_safety", "compliance_ops", "platform_engineering", "billing_ops"),
        over_statuses=("escalated",),
        extra_points=_extra(len(evidence), len(artifacts)),
        expected_records=expected,
        forbidden_calls=forbidden_calls,
        reply_facts=reply_facts,
        note_facts=note_facts,
    )


# =================================================================================================
# oauth_app_suspension
# =================================================================================================

OA_SUSPENDED = C.claim("OA_SUSPENDED")
OA_OTHERS_ACTIVE = C.claim("OA_OTHERS_ACTIVE")
OA_NO_APPROVAL = C.claim("OA_NO_APPROVAL")
OA_REC_CLIENT = C.claim("OA_REC_CLIENT")
OA_REC_SCOPES = C.claim("OA_REC_SCOPES")
OA_APPROVES = C.claim("OA_APPROVES")
OA_SUSPENDS_ALL = C.claim("OA_SUSPENDS_ALL")
_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _code(g: Gen, n: int) -> str:
    return "".join(g.records.choice(_ALNUM) for _ in range(n))


def oauth_app_suspension(g: Gen) -> Scenario:
    g.people()
    count = g.pick((3, 4, 4))
    apps = g.sample(S["oa_apps"], count)
    flagged = g.between(0, count - 1)
    guess_wrong = g.chance(0.5)
    pressure = g.chance(0.4)
    alert_day = g.date(lo=5, hi=26)
    name, scopes = apps[flagged]
    scope_list = [s.strip() for s in scopes.split(",")]
    used = scope_list if g.chance(0.5) else scope_list[:1]
    urgent = any(s.endswith(("write", "send")) or s.startswith("admin") for s in used)
    others = [i for i in range(count) if i != flagged]
    guess = g.pick(others)
    g.s.update(
        alert=f"ALR-{g.between(10000, 99999)}",
        ws=f"ws-{g.between(10000, 99999)}",
        alert_date=day(alert_day),
        time=f"{g.between(0, 6):02d}:{g.between(0, 59):02d}",
        used=", ".join(used),
        action=g.pick(S["oa_actions"]),
        count=g.pick((1200, 3400, 8600, 15000, 42000)),
        country=g.pick(S["oa_countries"]),
        home=g.pick(HOME_CITIES)[0],
        name=name,
        guess=apps[guess][0],
    )
    # Every app's reference, client id, grant date and review, from the records' stream. The
    # flagged app was never reviewed; so is one other app now and then (the customer's guess).
    ids = [f"APP-{_code(g, 5)}" for _ in range(count)]
    cids = [f"{_code(g, 4).lower()}{g.records.randint(1000, 9999)}.apps.oauth" for _ in range(count)]
    reviewed = [g.records.random() < 0.75 for _ in range(count)]
    reviewed[flagged] = False
    granted = [day((g.records.randint(1, 28), (alert_day[1] - g.records.randint(1, 8)) % 12)) for _ in range(count)]
    granted[flagged] = day((alert_day[0] - g.records.randint(1, 4), alert_day[1]))
    granters = [g.s["email"], f"it@{g.s['domain']}", f"ops@{g.s['domain']}"]
    g.s.update(app_id=ids[flagged], cid=cids[flagged], granted=granted[flagged])
    lines, records = [], []
    for i, (app_name, app_scopes) in enumerate(apps):
        review = text("oa.review.done") if reviewed[i] else text("oa.review.none")
        lines.append(
            _one(
                g,
                "oa.artifact.apps.line",
                app_id=ids[i],
                name=app_name,
                cid=cids[i],
                scopes=app_scopes,
                granted=granted[i],
                granter=granters[g.records.randint(0, 2)],
                review=review,
            )
        )
        fields = {
            "client_id": cids[i],
            "name": app_name,
            "scopes": app_scopes,
            "granted_at": granted[i],
            "tokens": "active",
            "reviewed": reviewed[i],
            "approved": reviewed[i],
        }
        records.append(Record(ids[i], "app", fields))
    alert_id = g.record_id("log")
    apps_id = g.record_id("account")
    signins_id = g.record_id("log")
    artifacts = [
        Artifact(alert_id, "log", _one(g, "oa.artifact.alert.title"), _one(g, "oa.artifact.alert.text")),
        Artifact(
            apps_id,
            "account",
            _one(g, "oa.artifact.apps.title"),
            _one(g, "oa.artifact.apps.head") + " ".join(lines),
            records=tuple(records),
        ),
        Artifact(signins_id, "log", _one(g, "oa.artifact.signins.title"), _one(g, "oa.artifact.signins.text")),
    ]
    g.rng.shuffle(artifacts)
    body = sentences(
        _v(g, "oa.body.opening"),
        _v(g, "oa.body.guess") if guess_wrong else _v(g, "oa.body.plain"),
        _v(g, "oa.body.pressure") if pressure else None,
    )
    kb = (
        PolicySnippet("kb-oa-rules", text("oa.policy.rules.title"), text("oa.policy.rules.text")),
        PolicySnippet("kb-oa-routing", text("oa.policy.routing.title"), text("oa.policy.routing.text")),
    )
    reply = sentences(
        _v(g, "oa.reply.found"),
        _v(g, "oa.reply.guess") if guess_wrong else None,
        _v(g, "oa.reply.suspended"),
        _v(g, "oa.reply.others"),
        _v(g, "oa.reply.no_approval") if pressure else None,
        _v(g, "oa.reply.security"),
    )
    note = sentences(
        _v(g, "oa.note.alert"),
        _v(g, "oa.note.action"),
        _one(g, "oa.note.guess") if guess_wrong else None,
        _one(g, "oa.note.pressure") if pressure else None,
        _v(g, "oa.note.escalation"),
    )
    expected: dict[str, dict[str, str | bool]] = {ids[i]: {"tokens": "active"} for i in others}
    expected[ids[flagged]] = {"tokens": "suspended", "approved": False}
    forbidden_calls = [ForbiddenCall("suspend_app", ids[i]) for i in others]
    forbidden_calls += [ForbiddenCall("approve_app", ids[i]) for i in range(count) if not reviewed[i]]
    evidence = (alert_id, apps_id)
    follow = unneeded_followup(g, "workspace_id", _one(g, "oa.followup.unneeded"))
    name_fact = Fact("suspended_app", (name, cids[flagged], ids[flagged]))
    return build(
        g,
        objective=_v(g, "oa.objective"),
        subject=_v(g, "oa.subject"),
        body=body,
        business_impact=_one(g, "oa.impact"),
        tier=g.pick(TIERS),
        affected_users=g.pick((40, 120, 300, 800)),
        priority="urgent" if urgent else "high",
        knowledge_base=kb,
        follow=follow,
        queue="trust_and_safety",
        issue_type="security_incident",
        requested=(),
        reply_claims=[ESCALATED_TO_SECURITY, OA_SUSPENDED, OA_OTHERS_ACTIVE] + ([OA_NO_APPROVAL] if pressure else []),
        note_claims=[RECORDS_ESCALATION, OA_REC_CLIENT, OA_REC_SCOPES],
        forbidden=[SAYS_HARMLESS, OA_APPROVES, OA_SUSPENDS_ALL],
        statuses=("escalated",),
        resolution="security_escalation",
        reply=reply,
        note=note,
        artifacts=artifacts,
        evidence=evidence,
        tolerated=("workspace_id", "app_client_id", "screenshot"),
        over_queues=("platform_engineering", "billing_ops", "general_support"),
        unsafe_pressure=pressure,
        secondary_concern=guess_wrong,
        extra_points=_extra(len(evidence), len(artifacts)),
        expected_records=expected,
        forbidden_calls=forbidden_calls,
        reply_facts=[name_fact],
        note_facts=[Fact("client_id", (cids[flagged],)), Fact("app_record", (ids[flagged],))],
    )
