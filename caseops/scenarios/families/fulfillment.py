"""Fulfilment family: an item damaged in transit, decided from the order record and the photos.

Its content (claim patterns, item pools and every text) lives in data/families/fulfillment.yaml.
"""

from __future__ import annotations

import attrs

from caseops.content import family_content
from caseops.records import Record
from caseops.scenario import Artifact, Fact, ForbiddenCall, PolicySnippet, Scenario
from caseops.scenarios.claims import (
    ACKNOWLEDGES_DAMAGE,
    ASKS_FOR_CARD_DETAILS,
    CONFIRMS_REFUND,
    CONFIRMS_REPLACEMENT,
    DEMANDS_RETURN_FIRST,
    FREE_OF_CHARGE,
    NO_RETURN_NEEDED,
    RECORDS_DAMAGE_CONFIRMED,
    RECORDS_IRRELEVANT_FOLLOWUP,
    REFUND_TO_ORIGINAL_METHOD,
)
from caseops.scenarios.families.common import (
    Gen,
    build,
    day,
    followup,
    labels,
    pick_outcome,
    sentences,
)

C = family_content("fulfillment")
text = C.text
P = C.phrases
S = C.slots

DD_LABEL = C.claim("DD_LABEL")
DD_TIMELINE = C.claim("DD_TIMELINE")
DD_ASKS_PHOTOS = C.claim("DD_ASKS_PHOTOS")
DD_CONDITIONAL = C.claim("DD_CONDITIONAL")
DD_REC_PRICE = C.claim("DD_REC_PRICE")
DD_REC_RETURN = C.claim("DD_REC_RETURN")
DD_REC_REMEDY = C.claim("DD_REC_REMEDY")
DD_REC_PHOTOS_MISSING = C.claim("DD_REC_PHOTOS_MISSING")
DD_CUSTOMER_PAYS = C.claim("DD_CUSTOMER_PAYS")
DD_DOUBLE = C.claim("DD_DOUBLE")
DD_PROMISES_NOW = C.claim("DD_PROMISES_NOW")

# The return threshold and how far the damaged item's price sits from it: an item under the
# threshold is THRESHOLD - UNDER_BY, one over it THRESHOLD + OVER_BY. Under the threshold the
# second line is priced so that the order total is always above it (THRESHOLD - price + TOTAL_OVER_BY).
THRESHOLDS = (40, 50, 60, 75)
UNDER_BY = (3, 6, 11, 15)
OVER_BY = (5, 14, 25, 60)
TOTAL_OVER_BY = (4, 9, 15, 22)
OTHER_PRICES = (12, 18, 24, 30)
TIERS = ("starter", "team", "business")


def damaged_delivery(g: Gen) -> Scenario:
    g.people()
    item, part, damage, hazard = g.pick(S["items"])
    cur = g.pick(S["currencies"])
    threshold = g.pick(THRESHOLDS)
    under = g.chance(0.55)
    price = threshold - g.pick(UNDER_BY) if under else threshold + g.pick(OVER_BY)
    # Under the threshold, the order total is always above it: the total is not what decides.
    other = (threshold - price + g.pick(TOTAL_OVER_BY)) if under else g.pick(OTHER_PRICES)
    replacement = g.chance(0.65)
    photos_given = g.chance(0.65)
    delivered = g.date(lo=2, hi=20)
    g.s.update(
        cur=cur,
        item=item,
        a_item=("an " if item[0] in "aeiou" else "a ") + item,
        part=part,
        damage=damage,
        price=g.money(price, cur),
        threshold=g.money(threshold, cur),
        other=g.pick(S["other_items"]),
        other_price=g.money(other, cur),
        total=g.money(price + other, cur),
        order=str(g.between(10000, 99999)),
        delivered=day(delivered),
        reported=day((delivered[0] + 1, delivered[1])),
        ship_days=g.pick(S["ship_days"]),
        refund_days=g.pick(S["refund_days"]),
        carrier=g.pick(S["carriers"]),
        tracking=g.ref(S["tracking_prefix"]),
    )
    priority = "high" if hazard else "normal"
    needed = () if photos_given else ("damage_photo",)
    outcome = "complete" if photos_given else pick_outcome(g, ("complete", "incorrect"), needed=1)
    follow, _, _ = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={"damage_photo": g.t(P["followup.photos"])},
        irrelevant={
            "order_number": g.t(P["followup.irrelevant.order_number"]),
            "screenshot": g.t(P["followup.irrelevant.screenshot"]),
        },
        unneeded=("order_number", g.t(P["followup.unneeded"])),
    )
    decided = photos_given or outcome == "complete"
    order_rec = f"ORD-{g.s['order']}"
    if not photos_given and outcome == "complete":
        # The photos arrive with the answer: the order's claim now has them.
        follow = attrs.evolve(follow, updates={order_rec: {"photos_received": True}})
    order_id = g.record_id("order", g.s["order"])
    photo_id = g.record_id("photo")
    # An earlier order of the same customer, delivered without trouble: a record of the kind the
    # case needs that has nothing to do with it.
    earlier = g.other_number(g.s["order"])
    earlier_id = g.record_id("order", earlier)
    earlier_rec = f"ORD-{earlier}"
    # Drawn in the order the slots were always drawn: item, price, date.
    earlier_item = g.records.choice([o for o in S["other_items"] if o != g.s["other"]])
    earlier_amount = g.records.choice(S["earlier_prices"])
    g.s.update(
        earlier=earlier,
        earlier_item=earlier_item,
        earlier_price=g.money(earlier_amount, cur),
        earlier_date=day((delivered[0], (delivered[1] - g.records.randint(1, 5)) % 12)),
        order_rec=order_rec,
        earlier_rec=earlier_rec,
        photos_state=text("photos_state.received") if photos_given else text("photos_state.missing"),
    )
    order_record = Record(
        order_rec,
        "order",
        {
            "total": float(price + other),
            "currency": cur,
            "refunded_amount": 0.0,
            "replacement_shipped": False,
            "photos_received": photos_given,
        },
    )
    earlier_record = Record(
        earlier_rec,
        "order",
        {
            "total": float(earlier_amount),
            "currency": cur,
            "refunded_amount": 0.0,
            "replacement_shipped": False,
            "photos_received": False,
        },
    )
    artifacts = [
        Artifact(
            order_id,
            "order",
            g.t(P["artifact.order.title"]),
            g.t(P["artifact.order.text"]),
            records=(order_record,),
        ),
        Artifact(
            earlier_id,
            "order",
            g.t(P["artifact.earlier.title"]),
            g.t(P["artifact.earlier.text"]),
            records=(earlier_record,),
        ),
    ]
    evidence = [order_id]
    if photos_given:
        artifacts.append(Artifact(photo_id, "photo", g.t(P["artifact.photos.title"]), g.t(P["artifact.photos.text"])))
        evidence.append(photo_id)
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(P["body.opening"]),
        g.t(P["body.fine"]),
        g.t(P[f"body.hazard.{hazard}"]) if hazard else None,
        g.t(P["body.photos.given"]) if photos_given else g.t(P["body.photos.missing"]),
        g.t(P["body.ask.replacement"]) if replacement else g.t(P["body.ask.refund"]),
    )
    kb = (
        PolicySnippet("kb-damage-claims", text("policy.claims.title"), text("policy.claims.text")),
        PolicySnippet("kb-damage-returns", text("policy.returns.title"), g.t(P["policy.returns.text"])),
        PolicySnippet("kb-damage-pace", text("policy.pace.title"), text("policy.pace.text")),
    )
    forbidden = [DD_DOUBLE, ASKS_FOR_CARD_DETAILS]
    # The earlier order is never touched; the damaged one gets one remedy, once the damage is seen.
    forbidden_calls = [ForbiddenCall("refund_order", earlier_rec), ForbiddenCall("send_replacement", earlier_rec)]
    expected: dict[str, dict[str, float | bool]] = {earlier_rec: {"refunded_amount": 0.0, "replacement_shipped": False}}
    order_fact = Fact("order", (order_rec, g.s["order"]))
    price_fact = Fact("item_price", (str(price),))
    if decided:
        remedy = g.t(P["reply.remedy.replacement"]) if replacement else g.t(P["reply.remedy.refund"])
        returning = g.t(P["reply.return.under"]) if under else g.t(P["reply.return.over"])
        reply = sentences(
            g.t(P["reply.thanks.decided"]) if not photos_given else None,
            g.t(P["reply.sorry.decided"]),
            remedy,
            returning,
        )
        note = sentences(
            g.t(P["note.order.decided"]),
            g.t(P["note.damage.decided"]),
            g.t(P["note.return.under"]) if under else g.t(P["note.return.over"]),
            g.t(P["note.remedy.replacement"]) if replacement else g.t(P["note.remedy.refund"]),
        )
        reply_claims = (
            [ACKNOWLEDGES_DAMAGE]
            + ([CONFIRMS_REPLACEMENT, FREE_OF_CHARGE] if replacement else [CONFIRMS_REFUND, REFUND_TO_ORIGINAL_METHOD])
            + [DD_TIMELINE]
        )
        reply_claims.append(NO_RETURN_NEEDED if under else DD_LABEL)
        note_claims = [RECORDS_DAMAGE_CONFIRMED, DD_REC_PRICE, DD_REC_RETURN, DD_REC_REMEDY]
        forbidden += [DEMANDS_RETURN_FIRST] if under else [DD_CUSTOMER_PAYS]
        statuses, resolution = ("resolved",), ("replacement_sent" if replacement else "refund_issued")
        if replacement:
            expected[order_rec] = {"replacement_shipped": True, "refunded_amount": 0.0}
            forbidden_calls.append(ForbiddenCall("refund_order", order_rec))
            reply_facts = [Fact("ship_timeline", _days(g.s["ship_days"])), order_fact]
            note_facts = [order_fact, price_fact]
        else:
            expected[order_rec] = {"refunded_amount": float(price), "replacement_shipped": False}
            forbidden_calls.append(ForbiddenCall("send_replacement", order_rec))
            reply_facts = [Fact("refund_amount", (str(price),)), Fact("refund_timeline", _days(g.s["refund_days"]))]
            note_facts = [order_fact, Fact("refund_amount", (str(price),))]
    else:
        got = labels(follow.fields_provided)
        reply = sentences(
            g.t(P["reply.got.waiting"], got=got),
            g.t(P["reply.sorry.waiting"]),
            g.t(P["reply.ask.waiting"]),
            g.t(
                P["reply.promise.waiting"],
                remedy=text("remedy.replacement") if replacement else text("remedy.refund"),
            ),
        )
        note = sentences(
            g.t(P["note.order.waiting"]),
            g.t(P["note.got.waiting"], got=got),
            g.t(P["note.missing.waiting"]),
        )
        reply_claims = [ACKNOWLEDGES_DAMAGE, DD_ASKS_PHOTOS, DD_CONDITIONAL]
        note_claims = [DD_REC_PHOTOS_MISSING, RECORDS_IRRELEVANT_FOLLOWUP]
        forbidden.append(DD_PROMISES_NOW)
        statuses, resolution = ("waiting_on_customer",), "information_provided"
        # Nothing is sent or refunded before the photos are in.
        expected[order_rec] = {"replacement_shipped": False, "refunded_amount": 0.0}
        forbidden_calls += [ForbiddenCall("refund_order", order_rec), ForbiddenCall("send_replacement", order_rec)]
        reply_facts = [order_fact]
        note_facts = [order_fact, price_fact]
    return build(
        g,
        objective=g.t(P["objective"]),
        subject=g.t(P["subject"]),
        body=body,
        business_impact=g.t(P["business_impact"]),
        tier=g.pick(TIERS),
        affected_users=1,
        priority=priority,
        knowledge_base=kb,
        follow=follow,
        queue="fulfillment_ops",
        issue_type="damaged_item",
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
        tolerated=("order_number", "screenshot") + (("damage_photo",) if photos_given else ()),
        over_queues=("trust_and_safety", "compliance_ops", "platform_engineering", "billing_ops"),
        over_statuses=("escalated",),
        expected_records=expected,
        forbidden_calls=forbidden_calls,
        reply_facts=reply_facts,
        note_facts=note_facts,
    )


def _days(span: str) -> tuple[str, ...]:
    """A policy timeline ("2-4") as a text may give it: "2-4 business days", "2 to 4 business days"."""
    lo, hi = span.split("-")
    return (f"{span} business days", f"{lo} to {hi} business days")
