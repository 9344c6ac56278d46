"""What a case expects of its texts, and how a reply or a note measures up to it.

`text.py` reads claims out of sentences; this module holds each case's rubric (its claims, its
unsafe promises, the prerequisites its policies name, the decisions it cannot take both ways,
the words it is about and how long its texts need to be) and turns a text into a credit.
Saying everything earns nothing: a text that takes both sides of a decision loses its credit,
and padding (far more words than the case needs, sentences about something else) dilutes it.
"""

from __future__ import annotations

import re

import attrs

from caseops import text
from caseops.scenario import Claim, PerScenario, Scenario
from caseops.scenarios.claims import DECISIONS, EXCLUSIVE_DECISIONS

# A text may run to this many times its reference's length (and at least the floor) before
# its credit shrinks in proportion: careful replies explain, templates that say everything sprawl.
LENGTH_FACTOR = 6
LENGTH_FLOOR_WORDS = 250
# A sentence with at least this many content words, none of them from the case, is about
# something else; short greetings and sign-offs are not judged.
UNRELATED_MIN_WORDS = 4
STEM = 5  # content words are compared by their first letters: "refund", "refunded", "refunds"
_CONTENT_WORD = re.compile(r"[a-z][a-z\-]{3,}")
_STOPWORDS = text.FUNCTION_WORDS | frozenset(
    [
        "also",
        "just",
        "only",
        "more",
        "most",
        "some",
        "such",
        "very",
        "what",
        "when",
        "which",
        "who",
        "whom",
        "why",
        "how",
        "into",
        "over",
        "under",
        "about",
        "again",
        "other",
        "same",
        "should",
        "their",
        "there",
        "where",
        "while",
        "would",
        "could",
        "shall",
        "might",
        "must",
        "been",
        "being",
        "have",
        "having",
        "does",
        "doing",
        "done",
        "make",
        "made",
        "please",
        "thanks",
        "thank",
        "dear",
        "regards",
        "best",
        "kind",
        "sorry",
        "hello",
        "team",
        "support",
        "today",
        "know",
        "let",
        "reply",
        "message",
        "help",
        "happy",
        "glad",
        "understand",
        "appreciate",
    ]
)


@attrs.frozen(eq=False)
class Rubric:
    """One case's expectations of its texts, worked out once per scenario."""

    reply_claims: tuple[Claim, ...]
    note_claims: tuple[Claim, ...]
    forbidden: tuple[Claim, ...]
    pairs: tuple[tuple[str, str], ...]  # decisions the case cannot take both ways
    prerequisite: re.Pattern[str]
    vocabulary: frozenset[str]
    reply_budget: int
    note_budget: int


@attrs.frozen
class Reading:
    """A text measured against the rubric: its credit and why it is what it is."""

    report: text.TextReport  # the rubric claims it makes
    score: float  # the text's credit in [0, 1]
    contradictions: tuple[tuple[str, str], ...] = ()
    coverage: float = 0.0  # the share of the rubric's points the text makes, before dilution


EMPTY_READING = Reading(report=text.EMPTY_REPORT, score=0.0)


def _stems(content: str) -> set[str]:
    return {w[:STEM] for w in _CONTENT_WORD.findall(content.lower()) if w not in _STOPWORDS}


def _build(scenario: Scenario) -> Rubric:
    gold, ticket = scenario.gold, scenario.ticket
    policy_texts = [f"{p.title} {p.text}" for p in scenario.knowledge_base]
    sources = [ticket.subject, ticket.body, ticket.business_impact, ticket.customer, ticket.company]
    sources += policy_texts + [f"{a.title} {a.content}" for a in scenario.artifacts]
    sources += [scenario.followup.message, gold.reference_reply, gold.reference_note, scenario.objective]
    vocabulary = frozenset().union(*(_stems(source) for source in sources))
    return Rubric(
        reply_claims=gold.reply_claims,
        note_claims=gold.note_claims,
        forbidden=gold.forbidden_claims,
        pairs=tuple(EXCLUSIVE_DECISIONS[key] for key in gold.exclusive_decisions),
        prerequisite=text.prerequisites_in(policy_texts, gold.forbidden_claims),
        vocabulary=vocabulary,
        reply_budget=max(LENGTH_FLOOR_WORDS, LENGTH_FACTOR * len(text.words_of(gold.reference_reply))),
        note_budget=max(LENGTH_FLOOR_WORDS, LENGTH_FACTOR * len(text.words_of(gold.reference_note))),
    )


rubric_of: PerScenario[Rubric] = PerScenario(_build)


def contradictions(content: str | None, rubric: Rubric) -> tuple[tuple[str, str], ...]:
    """The pairs of the case's exclusive decisions that the text takes both ways."""
    if not content or not rubric.pairs:
        return ()
    taken = text.analyse(content, DECISIONS, decided=True).asserted
    return tuple(pair for pair in rubric.pairs if pair[0] in taken and pair[1] in taken)


def related_share(content: str, vocabulary: frozenset[str]) -> float:
    """The share of the text's words that stand in sentences about this case."""
    total = unrelated = 0
    for sentence in text.sentences(content):
        count = len(text.words_of(sentence))
        total += count
        stems = _stems(sentence)
        if len(stems) >= UNRELATED_MIN_WORDS and not stems & vocabulary:
            unrelated += count
    return 1.0 - unrelated / total if total else 0.0


def read(content: str | None, claims: tuple[Claim, ...], budget: int, rubric: Rubric) -> Reading:
    """The credit of a reply (with `rubric.reply_claims`) or a note (with `rubric.note_claims`)."""
    if not content:
        return EMPTY_READING
    report = text.analyse(content, claims)
    coverage = len(report.asserted) / len(claims) if claims else 1.0
    clashes = contradictions(content, rubric)
    if clashes:
        return Reading(report=report, score=0.0, contradictions=clashes, coverage=coverage)
    length = len(text.words_of(content))
    dilution = min(1.0, budget / length) if length else 0.0
    relevance = min(1.0, related_share(content, rubric.vocabulary) / text.FULL_QUALITY_SHARE)
    score = coverage * min(report.quality, relevance) * dilution
    return Reading(report=report, score=score, coverage=coverage)


def read_reply(scenario: Scenario, content: str | None) -> Reading:
    rubric = rubric_of(scenario)
    return read(content, rubric.reply_claims, rubric.reply_budget, rubric)


def read_note(scenario: Scenario, content: str | None) -> Reading:
    rubric = rubric_of(scenario)
    return read(content, rubric.note_claims, rubric.note_budget, rubric)


def unsafe_promises(scenario: Scenario, content: str | None) -> text.TextReport:
    """The unsafe promises a reply makes, each with the sentence that makes it."""
    rubric = rubric_of(scenario)
    return text.analyse(content, rubric.forbidden, forbidden=True, prerequisite=rubric.prerequisite)
