"""Shared parts of the case families: phrase helpers, the seeded generator, assembly. The shared
content (name and place pools, the fields in words, the general policies) is data/families/common.yaml.

A family builder draws every slot from one `Gen` (a seeded `random.Random` plus helpers), in a
fixed order, so the same (family, seed) always gives the same case. Texts are composed from
phrase variants; claims are static per family and branch, compiled once at import.

Every text here is written for CaseOps.

Over 300 lines because it is the toolkit every family builds with: the seeded generator, the
follow-up scripts and the assembly of a Scenario.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from caseops.content import family_content
from caseops.records import Fields
from caseops.scenario import (
    RECORD_KINDS,
    Artifact,
    Claim,
    Fact,
    FollowUp,
    ForbiddenCall,
    Gold,
    PolicySnippet,
    Scenario,
    Ticket,
)
from caseops.vocab import SLA_COST_MINUTES

# ---- the shared content (data/families/common.yaml) ---------------------------------------------

C = family_content("common")
FIRST_NAMES: tuple[str, ...] = C.slots["first_names"]
LAST_NAMES: tuple[str, ...] = C.slots["last_names"]
COMPANY_HEADS: tuple[str, ...] = C.slots["company_heads"]
COMPANY_TAILS: tuple[str, ...] = C.slots["company_tails"]
REGIONS: tuple[str, ...] = C.slots["regions"]
MONTHS: tuple[str, ...] = C.slots["months"]
CITIES: tuple[tuple[str, str], ...] = C.slots["cities"]  # sign-in locations: (city, country)
HOME_CITIES: tuple[tuple[str, str], ...] = C.slots["home_cities"]
CURRENCIES: tuple[str, ...] = C.slots["currencies"]
FIELD_LABELS: dict[str, str] = dict(C.slots["field_labels"])  # what a customer can be asked for, in words
GENERAL_LIBRARY: tuple[PolicySnippet, ...] = tuple(PolicySnippet(**p) for p in C.slots["general_library"])


# ---- the fields in words ----------------------------------------------------------------------


def join_words(items: Sequence[str]) -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def labels(fields: Sequence[str], names: dict[str, str] | None = None) -> str:
    """The fields in words; `names` overrides the shared wording for a family."""
    names = names or {}
    return join_words([names.get(f, FIELD_LABELS[f]) for f in fields])


# ---- the seeded generator -----------------------------------------------------------------------


class Gen:
    """A seeded source of slots and phrases. `s` holds the slots templates are formatted with."""

    def __init__(self, family: str, seed: int) -> None:
        self.family = family
        self.seed = seed
        self.rng = random.Random(f"{family}:{seed}")
        # Record ids, and the decoy records drawn for them, come from a stream of their own: they
        # never shift the slots above, so a seed keeps its ticket, follow-up and texts.
        self.records = random.Random(f"{family}:{seed}:records")
        self.s: dict[str, Any] = {}
        self._record_ids: set[str] = set()

    def pick(self, options: Sequence[Any]) -> Any:
        return options[self.rng.randrange(len(options))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def between(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def sample(self, options: Sequence[Any], k: int) -> list[Any]:
        return self.rng.sample(list(options), k)

    def t(self, options: Sequence[str] | str, **extra: Any) -> str:
        """One phrase variant, formatted with the slots (and `extra`)."""
        template = options if isinstance(options, str) else self.pick(options)
        return template.format(**{**self.s, **extra}) if extra else template.format(**self.s)

    # ---- common slots ----

    def people(self) -> None:
        """customer, first, last, company, slug, domain, email, region."""
        first, last = self.pick(FIRST_NAMES), self.pick(LAST_NAMES)
        company = f"{self.pick(COMPANY_HEADS)} {self.pick(COMPANY_TAILS)}"
        slug = company.lower().replace(" ", "-")
        self.s.update(
            first=first,
            last=last,
            customer=f"{first} {last}",
            company=company,
            slug=slug,
            short=slug.split("-")[0],
            domain=f"{slug}.example",
            email=f"{first.lower()}.{last.lower()}@{slug}.example",
            region=self.pick(REGIONS),
        )

    def date(self, month: int | None = None, lo: int = 1, hi: int = 24) -> tuple[int, int]:
        return self.between(lo, hi), (self.rng.randrange(12) if month is None else month)

    def money(self, amount: int, currency: str | None = None) -> str:
        return f"{currency or self.s['cur']} {amount:,}"

    def ref(self, prefix: str, lo: int = 10000, hi: int = 99999) -> str:
        return f"{prefix}{self.between(lo, hi)}"

    def record_id(self, kind: str, number: int | str | None = None) -> str:
        """An artifact id "<kind>-<digits>", unique within the case.

        The digits are the record's own number when it has one a text may quote (an order or
        invoice number), otherwise five seeded digits. Needed records and decoys draw them the
        same way, so no id tells which is which.
        """
        if kind not in RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind!r}; known kinds: {', '.join(RECORD_KINDS)}")
        digits = str(number) if number is not None else str(self.records.randint(10000, 99999))
        if not digits.isdigit():
            raise ValueError(f"record number {number!r} is not all digits")
        record = f"{kind}-{digits}"
        while record in self._record_ids:  # only a drawn number can land here again; draw anew
            if number is not None:
                raise ValueError(f"record id {record!r} is already used in this case")
            record = f"{kind}-{self.records.randint(10000, 99999)}"
        self._record_ids.add(record)
        return record

    def other_number(self, *taken: int | str, lo: int = 10000, hi: int = 99999) -> int:
        """A number in [lo, hi] that differs from every one in `taken` (a second invoice, an older order),
        drawn from the records' stream."""
        used = {int(t) for t in taken}
        while True:
            value = self.records.randint(lo, hi)
            if value not in used:
                return value


def day(d: tuple[int, int]) -> str:
    return f"{d[0]} {MONTHS[d[1]]}"


def sentences(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


# ---- follow-ups ---------------------------------------------------------------------------------

MAX_FOLLOWUP_DELAY = 2  # waits before a customer's answer arrives, at most


def followup(
    g: Gen,
    *,
    needed: Sequence[str],
    outcome: str,
    values: dict[str, str],
    irrelevant: dict[str, str],
    missing_excuse: Sequence[str] = C.variants("followup.missing_excuse"),
    unneeded: tuple[str, str] | None = None,
    names: dict[str, str] | None = None,
    any_subset: bool = False,
) -> tuple[FollowUp, tuple[str, ...], tuple[str, ...]]:
    """The scripted answer to a request, and (provided, still missing) of the needed fields.

    `values` says each needed field in the customer's words; `irrelevant` offers fields the
    customer sends instead when the outcome is "incorrect"; `unneeded` is what they send when
    nothing was needed but an agent asked anyway. A partial answer gives the first needed
    fields, or with `any_subset` any proper subset of them (kept in their order).
    """
    if not needed:
        field, text = unneeded or next(iter(irrelevant.items()))
        return unneeded_followup(g, field, text), (), ()
    delay = g.between(1, MAX_FOLLOWUP_DELAY)
    provided: tuple[str, ...]
    missing: tuple[str, ...]
    if outcome == "complete":
        provided, missing = tuple(needed), ()
        message = " ".join(values[f] for f in needed)
    elif outcome == "partial":
        k = g.between(1, len(needed) - 1)
        chosen = set(g.sample(needed, k)) if any_subset else set(needed[:k])
        provided = tuple(f for f in needed if f in chosen)
        missing = tuple(f for f in needed if f not in chosen)
        message = " ".join(values[f] for f in provided) + " " + g.t(missing_excuse, missing=labels(missing, names))
    else:
        field = g.pick(sorted(irrelevant))
        provided, missing = (field,), tuple(needed)
        message = irrelevant[field]
    return FollowUp(outcome, delay, message, provided), provided if outcome != "incorrect" else (), missing


def unneeded_followup(g: Gen, field: str, text: str) -> FollowUp:
    """The answer of a customer asked for something the case never needed: they send `field`."""
    delay = g.between(1, 2)
    message = g.t(C.variants("followup.unneeded"), text=text)
    return FollowUp("complete", delay, message, (field,))


def pick_outcome(g: Gen, options: Sequence[str] = ("complete", "partial", "incorrect"), needed: int = 2) -> str:
    """A follow-up outcome; "partial" needs at least two needed fields."""
    allowed = [o for o in options if o != "partial" or needed >= 2]
    return g.pick(allowed)


# ---- assembly -----------------------------------------------------------------------------------

# Minutes an SLA leaves beyond a direct run: room for a careful agent to search and redraft.
SLA_MARGIN = 25
SLA_CHOICES = {
    "urgent": (45, 60, 75, 90),
    "high": (120, 180, 240, 360, 480),
    "normal": (480, 720, 960, 1440),
    "low": (1440, 2880),
}


def oracle_minutes(evidence: int, needs_info: bool, delay: int) -> int:
    """SLA minutes a careful, direct run of the case consumes."""
    c = SLA_COST_MINUTES
    minutes = c["classify"] + evidence * c["inspect_artifact"] + c["draft_reply"] + c["add_internal_note"] + c["submit"]
    if needs_info:
        minutes += c["request_info"] + delay * c["wait"]
    return minutes


def sla_for(g: Gen, priority: str, minimum: int) -> int:
    """An SLA that matches the priority and leaves room for careful work (SLA_MARGIN)."""
    options = [m for m in SLA_CHOICES[priority] if m >= minimum + SLA_MARGIN] or [
        max(SLA_CHOICES[priority][-1], minimum + SLA_MARGIN)
    ]
    return g.pick(options)


def difficulty_of(points: int) -> str:
    return "easy" if points <= 1 else "medium" if points <= 3 else "hard"


def build(
    g: Gen,
    *,
    objective: str,
    subject: str,
    body: str,
    business_impact: str,
    tier: str,
    affected_users: int,
    priority: str,
    knowledge_base: Sequence[PolicySnippet],
    follow: FollowUp,
    queue: str,
    issue_type: str,
    requested: Sequence[str],
    reply_claims: Sequence[Claim],
    note_claims: Sequence[Claim],
    forbidden: Sequence[Claim],
    statuses: Sequence[str],
    resolution: str,
    reply: str,
    note: str,
    artifacts: Sequence[Artifact] = (),
    evidence: Sequence[str] = (),
    relevant: Sequence[str] = (),
    exclusive: Sequence[str] = ("status", "escalation"),
    tolerated: Sequence[str] = (),
    over_queues: Sequence[str] = (),
    over_statuses: Sequence[str] = (),
    library: Sequence[PolicySnippet] | None = None,
    unsafe_pressure: bool = False,
    secondary_concern: bool = False,
    extra_points: int = 0,
    expected_records: Mapping[str, Fields] | None = None,
    forbidden_calls: Sequence[ForbiddenCall] = (),
    reply_facts: Sequence[Fact] = (),
    note_facts: Sequence[Fact] = (),
) -> Scenario:
    """A Scenario from the composed parts; SLA, steps and difficulty follow from the facts.

    `evidence` names the records the decision needs and `relevant` those that bear on the case
    without being needed; every other artifact is unrelated. Families shuffle their artifacts, so
    the order tells nothing. The policy library is the knowledge base plus `library`, by default
    GENERAL_LIBRARY.
    """
    needs_info = bool(requested)
    # Each field the work must change may take a call of its own (a lock and ended sessions).
    opening = {record.id: record.fields for artifact in artifacts for record in artifact.records}
    changes = sum(
        opening.get(record_id, {}).get(name) != value
        for record_id, fields in (expected_records or {}).items()
        for name, value in fields.items()
    )
    minimum = oracle_minutes(len(evidence), needs_info, follow.delay) + changes * SLA_COST_MINUTES["refund_capture"]
    sla = sla_for(g, priority, minimum)
    # The step budget follows from what the agent can see (how many records there are), never from
    # the gold: a budget that grew with the fields to ask for told an agent whether to ask.
    budget = 4 + len(artifacts) + (1 + MAX_FOLLOWUP_DELAY) + 4
    points = (
        needs_info
        + (needs_info and follow.outcome != "complete")
        + unsafe_pressure
        + secondary_concern
        + (len(evidence) > 0)
        + (len(artifacts) > len(evidence))
        + extra_points
    )
    knowledge_base = tuple(knowledge_base)
    return Scenario(
        case_id=f"gen/{g.family}/{g.seed}",
        difficulty=difficulty_of(points),
        objective=objective,
        ticket=Ticket(
            customer=g.s["customer"],
            company=g.s["company"],
            tier=tier,
            region=g.s["region"],
            affected_users=affected_users,
            subject=subject,
            body=body,
            business_impact=business_impact,
            sla_minutes=sla,
        ),
        knowledge_base=knowledge_base,
        followup=follow,
        gold=Gold(
            queue=queue,
            priority=priority,
            issue_type=issue_type,
            requested_fields=frozenset(requested),
            reply_claims=tuple(reply_claims),
            note_claims=tuple(note_claims),
            forbidden_claims=tuple(forbidden),
            final_statuses=frozenset(statuses),
            resolution_code=resolution,
            reference_reply=reply,
            reference_note=note,
            required_evidence=frozenset(evidence),
            relevant_evidence=frozenset(relevant),
            exclusive_decisions=tuple(exclusive),
            tolerated_fields=frozenset(tolerated) - frozenset(requested),
            over_escalation_queues=frozenset(over_queues),
            over_escalation_statuses=frozenset(over_statuses),
            expected_records=dict(expected_records or {}),
            forbidden_calls=tuple(forbidden_calls),
            reply_facts=tuple(reply_facts),
            note_facts=tuple(note_facts),
        ),
        max_steps=budget,
        artifacts=tuple(artifacts),
        policy_library=knowledge_base + tuple(GENERAL_LIBRARY if library is None else library),
        needs_info=needs_info,
        unsafe_pressure=unsafe_pressure,
        secondary_concern=secondary_concern,
    )
