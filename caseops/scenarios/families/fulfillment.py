"""Fulfilment family: an item damaged in transit, decided from the order record and the photos."""

from __future__ import annotations

from caseops.scenario import Artifact, PolicySnippet, Scenario
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
    claim,
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
from caseops.scenarios.phrases import AMOUNT, DAYS, GAP, WE

DD_LABEL = claim(
    "prepaid_return_label",
    r"\bprepaid\s+(?:return\s+)?(?:label|shipping label)\b",
    r"\breturn\s+label\b[^.]{0,40}\b(?:free|at no cost|prepaid|paid by us|on us)\b",
    # "a pre-paid label", "a free returns label", "a label to send it back at our cost", "postage-paid label"
    r"\b(?:pre-paid|postage[- ]paid|free|freepost|paid)\s+(?:returns?\s+)?(?:shipping\s+|postage\s+)?label\b",
    r"\blabel\b[^.]{0,50}\b(?:send|ship|post)\w*\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+back\b[^.]{0,30}\b(?:free|at no cost|at our (?:cost|expense)|on us)\b",
    r"\b(?:return|send\w* (?:it|the \w+) back)\b[^.]{0,40}\b(?:costs you nothing|at our (?:cost|expense)|on us|free of charge)\b[^.]{0,40}\blabel\b",
    r"\blabel\b[^.]{0,40}\b(?:return|send\w* (?:it|the \w+) back)\b[^.]{0,30}\b(?:costs you nothing|at our (?:cost|expense)|on us|free of charge)\b",
)
DD_TIMELINE = claim("timeline", DAYS)
DD_ASKS_PHOTOS = claim(
    "asks_for_photos",
    r"\b(?:need|send|share|upload|attach)\w*\b[^.]{0,40}\b(?:photos?|pictures?|images?)\b",
    # asked in other words: "could you take a couple of snaps of the box?", "a photo of the damage would help"
    r"\b(?:take|snap|grab|email|forward|include|reply with|let (?:me|us) see|show (?:me|us)|(?:could|can|would) you|please)\b[^.]{0,60}"
    r"\b(?:photos?|pictures?|images?|snaps?|shots?|photographs?)\b",
    r"\b(?:photos?|pictures?|images?|photographs?)\b[^.]{0,60}\b(?:would help|please|are needed|is needed|still needed|so (?:we|i) can)\b",
)
DD_CONDITIONAL = claim(
    "conditional_remedy",
    r"\b(?:once|when|as soon as|after)\b[^.]{0,60}\b(?:photos?|pictures?)\b[^.]{0,80}\b(?:replacement|refund|send|ship)\w*",
    # the remedy first: "we'll send a replacement as soon as we've seen the photos"
    r"\b(?:replacement|refund|send|ship|arrange)\w*\b[^.]{0,60}\b(?:once|when|as soon as|after|if)\b[^.]{0,40}\b(?:photos?|pictures?|images?)\b",
    negatable=False,
)
DD_REC_PRICE = claim(
    "records_price_vs_threshold",
    r"\b(?:under|below|less than|above|over|more than)\b[^.]{0,25}(?:\bthreshold\b|\blimit\b|" + AMOUNT + r")",
    r"(?:<|>|≤|≥|=<|>=)\s*" + AMOUNT,
    r"\b(?:threshold|limit)\s+(?:of\s+)?" + AMOUNT + r"[^.]{0,30}\b(?:under|below|above|over|exceed\w*)\b",
    AMOUNT + r"[^.]{0,30}\b(?:under|below|above|over|exceeds?|within)\s+(?:the\s+)?(?:return\s+)?(?:threshold|limit|cut-?off)\b",
    # A comparison is recorded whichever way it reads: "no return (<EUR 40)", "not above the EUR 40 threshold".
    negatable=False,
)
DD_REC_RETURN = claim(
    "records_return_decision",
    r"\bno\s+return\b",
    r"\breturn\s+(?:is\s+)?not\s+(?:needed|required)",
    r"\b(?:prepaid|return)\s+label\b",
    # the decision by what the customer does with the item: "customer keeps/recycles it", "no need to send it back"
    r"\b(?:keeps?|keeping|kept|recycles?|recycling|dispos\w+ of|bins?)\b[^.]{0,20}\b(?:it|item|the \w+|them)\b",
    r"\b(?:keep|recycle)s?\s*/\s*(?:recycle|keep|bin|dispose)s?\b",
    r"\b(?:no need|doesn['’]t need|does not need|don['’]t need|do not need|not need)\s+to\s+(?:send|return|post|ship)\b",
    r"\b(?:send|return|post|ship)\w*\s+(?:it|the \w+(?:\s+\w+)?)\s+back\b",
    negatable=False,
)
DD_REC_REMEDY = claim(
    "records_remedy",
    r"\breplacement\b[^.]{0,30}\b(?:sent|shipped|dispatched|arranged|ordered|raised|created|booked|ships|shipping|goes out|"
    r"to ship|will ship|on (?:its|the) way|posted)\b",
    # the new item shipped without the word: "fulfilment ships one grinder at our cost"
    r"\b(?:ships?|shipping|shipped|sends?|sending|sent|dispatch\w*|post\w*|mail\w*)\b[^.]{0,30}"
    r"\b(?:at our (?:cost|expense)|free of charge|at no (?:extra\s+)?(?:cost|charge)|on us)\b",
    r"\b(?:replac\w+|new one|another one|new unit|fresh one)\b[^.]{0,30}\b(?:ships?|shipping|on (?:its|the) way|going out|dispatched|posted|in the post)\b",
    r"\b(?:sent|shipped|dispatched|arranged|raised|created|booked)\s+(?:a\s+|the\s+)?(?:free\s+)?replacement\b",
    r"\b(?:sending|shipping|dispatching|arranging|ordering)\s+(?:you\s+|her\s+|him\s+|them\s+)?(?:a\s+|the\s+)?(?:free\s+)?replacement\b",
    r"\breplacement\b[^.]{0,30}\b(?:at our (?:cost|expense)|free of charge|at no (?:extra\s+)?cost|on us|approved|agreed|going out)\b",
    r"\b(?:remedy|resolution|outcome)\b\W{0,3}(?:a\s+)?(?:free\s+)?(?:replacement|refund)\b",
    r"\brefund\w*\b" + GAP + r"{0,40}\b(?:issued|processed|sent)\b",
    r"\b(?:issued|processed)\s+(?:a\s+|the\s+)?refund\b",
)
DD_REC_PHOTOS_MISSING = claim(
    "records_photos_missing",
    r"\b(?:photos?|pictures?)\b[^.]{0,40}\b(?:missing|outstanding|not\s+(?:yet\s+)?(?:received|sent|provided)|still\s+needed)",
    r"\b(?:no|without)\s+(?:photos?|pictures?)\b",
    r"\b(?:waiting|awaiting)\b[^.]{0,30}\b(?:photos?|pictures?)\b",
    r"\b(?:asked|requested|chasing|pending|need(?:ed|s)?)\b[^.]{0,30}\b(?:photos?|pictures?|images?)\b",
    r"\b(?:photos?|pictures?|images?)\b[^.]{0,20}\b(?:pending|requested|asked for|tbc|not in|to follow)\b",
    negatable=False,
)
DD_CUSTOMER_PAYS = claim(
    "customer_pays_return",
    r"\bat\s+your\s+(?:own\s+)?(?:cost|expense)\b",
    r"\byou\s+(?:pay|cover)\b[^.]{0,20}\b(?:return|postage|shipping)\b",
)
DD_DOUBLE = claim(
    "promises_double_remedy",
    r"\brefund\w*\b" + GAP + r"{0,60}\b(?:and|as well as|plus|also)\b" + GAP + r"{0,40}\b(?:replacement|new one)\b",
    r"\b(?:replacement|new one)\b" + GAP + r"{0,60}\b(?:and|as well as|plus|also)\b" + GAP + r"{0,40}\brefund\w*",
)
DD_PROMISES_NOW = claim(
    "promises_remedy_before_photos",
    WE + r"[^.]{0,30}\b(?:sent|shipped|dispatched|issued|refunded|arranged)\b[^.]{0,30}\b(?:replacement|refund|new)\b",
    r"\b(?:replacement|refund)\b[^.]{0,30}\b(?:has been|is on its way|is being)\b",
)
ITEMS = (
    # item, part, damage, hazard
    ("glass cake stand", "dome", "cracked", True),
    ("ceramic serving bowl", "rim", "chipped", False),
    ("desk lamp", "shade", "dented", False),
    ("wall mirror", "glass", "shattered", True),
    ("espresso grinder", "hopper", "cracked", False),
    ("oak bookshelf", "side panel", "split", False),
    ("porcelain tea set", "teapot lid", "broken", False),
    ("glass vase", "neck", "cracked", True),
    ("floor lamp", "power cable", "torn", True),
    ("steel bread bin", "lid", "bent", False),
)
OTHER_ITEMS = ("pack of 50 cake boxes", "set of table napkins", "box of candles", "roll of gift wrap", "pair of oven gloves")


def damaged_delivery(g: Gen) -> Scenario:
    g.people()
    item, part, damage, hazard = g.pick(ITEMS)
    cur = g.pick(("EUR", "GBP", "USD"))
    threshold = g.pick((40, 50, 60, 75))
    under = g.chance(0.55)
    price = threshold - g.pick((3, 6, 11, 15)) if under else threshold + g.pick((5, 14, 25, 60))
    # Under the threshold, the order total is always above it: the total is not what decides.
    other = (threshold - price + g.pick((4, 9, 15, 22))) if under else g.pick((12, 18, 24, 30))
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
        other=g.pick(OTHER_ITEMS),
        other_price=g.money(other, cur),
        total=g.money(price + other, cur),
        order=str(g.between(10000, 99999)),
        delivered=day(delivered),
        reported=day((delivered[0] + 1, delivered[1])),
        ship_days=g.pick(("2-4", "3-5", "1-3")),
        refund_days=g.pick(("5-10", "3-5")),
        carrier=g.pick(("Parcelway", "SwiftPost", "Northline Couriers")),
        tracking=g.ref("TRK-"),
    )
    priority = "high" if hazard else "normal"
    needed = () if photos_given else ("damage_photo",)
    outcome = "complete" if photos_given else pick_outcome(g, ("complete", "incorrect"), needed=1)
    follow, _, _ = followup(
        g,
        needed=needed,
        outcome=outcome,
        values={"damage_photo": g.t("Here are the photos: the {part} of the {item} is {damage}, and the carton corner is crushed.")},
        irrelevant={
            "order_number": g.t("The order number is {order}, as I said. Is that not enough?"),
            "screenshot": g.t("Here is a screenshot of the tracking page showing it was delivered on {delivered}."),
        },
        unneeded=("order_number", g.t("The order number is {order}, and the photos are already uploaded to the ticket.")),
    )
    decided = photos_given or outcome == "complete"
    order_id = g.record_id("order", g.s["order"])
    photo_id = g.record_id("photo")
    # An earlier order of the same customer, delivered without trouble: a record of the kind the
    # case needs that has nothing to do with it.
    earlier = g.other_number(g.s["order"])
    earlier_id = g.record_id("order", earlier)
    g.s.update(
        earlier=earlier,
        earlier_item=g.records.choice([o for o in OTHER_ITEMS if o != g.s["other"]]),
        earlier_price=g.money(g.records.choice((9, 14, 19, 26, 32)), cur),
        earlier_date=day((delivered[0], (delivered[1] - g.records.randint(1, 5)) % 12)),
    )
    artifacts = [
        Artifact(
            order_id,
            "order",
            g.t("Order {order}"),
            g.t(
                "Order {order} for {company}, paid by card. Line 1: {item}, 1 unit, {price}. Line 2: {other}, 1 unit, "
                "{other_price}. Order total {total}, shipping free. Carrier {carrier}, tracking {tracking}. Delivered "
                "{delivered}, signed for by {first}. No earlier claims on this order."
            ),
        ),
        Artifact(
            earlier_id,
            "order",
            g.t("Order {earlier}"),
            g.t(
                "Order {earlier} for {company}, paid by card. Line 1: {earlier_item}, 1 unit, {earlier_price}. Shipping "
                "free. Carrier {carrier}. Delivered {earlier_date}, signed for by {first}. No claims on this order."
            ),
        ),
    ]
    evidence = [order_id]
    if photos_given:
        artifacts.append(
            Artifact(
                photo_id,
                "photo",
                g.t("Customer photos for order {order}"),
                g.t(
                    "Photo 1: the {item}, with the {part} clearly {damage}. Photo 2: the outer carton, one corner "
                    "crushed inward, label for order {order} visible. Photo 3: the {other}, undamaged. Uploaded {reported}."
                ),
            )
        )
        evidence.append(photo_id)
    g.rng.shuffle(artifacts)
    body = sentences(
        g.t(
            (
                "Hi, our order {order} came on {delivered}, but the {part} of the {item} is {damage}.",
                "Order {order} was delivered on {delivered} and the {item} arrived {damage}, the {part} specifically.",
            )
        ),
        g.t("The {other} is fine."),
        (
            g.t("The wires inside the cable are exposed, so it is not safe to plug in.")
            if part == "power cable"
            else g.t("There are sharp pieces of glass in the box, so we cannot use it safely.")
        )
        if hazard
        else None,
        g.t(("I have uploaded photos of the damage and of the box.", "Photos are uploaded to the ticket.")) if photos_given else g.t("I did not take photos yet."),
        g.t(("Could you send us a new one?", "Please replace it, we need it this week.")) if replacement else g.t(("I would rather have my money back for it.", "Please refund the {item}.")),
    )
    kb = (
        PolicySnippet(
            "kb-damage-claims",
            "Deciding a damage claim",
            "Before deciding, confirm on the order record what was bought and what the item cost, and confirm the "
            "damage on the customer's photos; ask for photos only when there are none. Damage claims are worked by "
            "the fulfilment team. A confirmed claim gets one remedy, the one the customer asked for: a replacement "
            "shipped at our cost or a refund of the item to the original payment method, never both.",
        ),
        PolicySnippet(
            "kb-damage-returns",
            "Returns of damaged items",
            g.t(
                "If the damaged item itself is priced under {threshold}, the customer keeps or recycles it and no return "
                "is asked for; the order total does not matter. Items priced at {threshold} or more come back with a "
                "prepaid return label we email, and the remedy is not held up waiting for the return. Replacements "
                "arrive in {ship_days} business days; refunds reach the card in {refund_days} business days."
            ),
        ),
        PolicySnippet(
            "kb-damage-pace",
            "Pace for damage claims",
            "A damaged item is normal priority, and high when it is a safety hazard such as broken glass or exposed "
            "wiring. It is not a billing matter, and no payment details are needed from the customer.",
        ),
    )
    forbidden = [DD_DOUBLE, ASKS_FOR_CARD_DETAILS]
    if decided:
        remedy = (
            g.t(
                (
                    "We have sent a replacement {item} to you at no cost, and it should arrive within {ship_days} business days.",
                    "We have shipped a new {item} free of charge, which will reach you in {ship_days} business days.",
                )
            )
            if replacement
            else g.t(
                (
                    "We have refunded the {price} for the {item} to the original payment method, and it reaches your card within {refund_days} business days.",
                    "A refund of {price} for the {item} has been issued to the card you paid with and arrives in {refund_days} business days.",
                )
            )
        )
        returning = (
            g.t(
                (
                    "There is no need to return the damaged {item}, so please keep it or recycle it safely.",
                    "You do not need to send it back, so please dispose of the {damage} {item} safely.",
                )
            )
            if under
            else g.t(
                (
                    "We have emailed you a prepaid return label for the damaged {item}, so the return costs you nothing.",
                    "A prepaid return label for the damaged {item} is in your inbox, free for you to use within 14 days.",
                )
            )
        )
        reply = sentences(
            g.t("Thank you for the photos.") if not photos_given else None,
            g.t(
                (
                    "We are sorry that your {item} arrived {damage}.",
                    "We are sorry about the {damage} {part} of your {item}, and the photos show the damage clearly.",
                )
            ),
            remedy,
            returning,
        )
        note = sentences(
            g.t("Order {order} included {a_item} priced at {price}, delivered on {delivered} and reported the next day."),
            g.t(
                (
                    "The customer's photos show the {part} {damage} and a crushed carton corner, so the damage happened in transit.",
                    "Damage confirmed on the photos, with the {part} {damage}.",
                )
            ),
            g.t("The item is priced under the {threshold} threshold, so no return is required even though the order total is {total}.")
            if under
            else g.t("The item is priced above the {threshold} threshold, so we emailed a prepaid return label."),
            g.t("We shipped a free replacement under the damaged goods policy.") if replacement else g.t("We issued a refund of {price} for the item only."),
        )
        reply_claims = [ACKNOWLEDGES_DAMAGE] + ([CONFIRMS_REPLACEMENT, FREE_OF_CHARGE] if replacement else [CONFIRMS_REFUND, REFUND_TO_ORIGINAL_METHOD]) + [DD_TIMELINE]
        reply_claims.append(NO_RETURN_NEEDED if under else DD_LABEL)
        note_claims = [RECORDS_DAMAGE_CONFIRMED, DD_REC_PRICE, DD_REC_RETURN, DD_REC_REMEDY]
        forbidden += [DEMANDS_RETURN_FIRST] if under else [DD_CUSTOMER_PAYS]
        statuses, resolution = ("resolved",), ("replacement_sent" if replacement else "refund_issued")
    else:
        got = labels(follow.fields_provided)
        reply = sentences(
            g.t("Thank you for sending {got}, but we still need to see the damage itself.", got=got),
            g.t("We are sorry that your {item} arrived {damage}."),
            g.t(("Please upload a few photos of the {item} and of the box.", "Could you send photos of the {damage} {part} and of the packaging?")),
            g.t(
                (
                    "As soon as the photos are in, we will arrange the {remedy} straight away.",
                    "Once we have the photos, we can send the {remedy} at no cost to you.",
                ),
                remedy="replacement" if replacement else "refund",
            ),
        )
        note = sentences(
            g.t("Order {order} included {a_item} priced at {price}, reported as {damage} on arrival."),
            g.t("The follow-up was not what we asked for, just {got}.", got=got),
            g.t(("We are waiting for photos of the damage before deciding.", "The photos are still missing, so no remedy yet.")),
        )
        reply_claims = [ACKNOWLEDGES_DAMAGE, DD_ASKS_PHOTOS, DD_CONDITIONAL]
        note_claims = [DD_REC_PHOTOS_MISSING, RECORDS_IRRELEVANT_FOLLOWUP]
        forbidden.append(DD_PROMISES_NOW)
        statuses, resolution = ("waiting_on_customer",), "information_provided"
    return build(
        g,
        objective=g.t(
            (
                "A customer received an item broken in transit. Check the records the decision rests on, route the "
                "case, answer the customer, leave a note for the team, and close it with the right status and resolution.",
                "Work a damage claim: read the order and any photos, decide the one remedy and whether a return is "
                "needed, reply, note it and set the right status.",
            )
        ),
        subject=g.t(("{item} arrived {damage}", "Damaged delivery, order {order}", "Broken {item} in our order")),
        body=body,
        business_impact=g.t("One {item} unusable; no money was taken in error."),
        tier=g.pick(("starter", "team", "business")),
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
    )
