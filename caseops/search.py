"""Policy search: ranks a pack's policy library against a query, deterministically.

A small BM25 over titles and texts: no model, no randomness, the same query always gives the
same snippets. A query with no meaningful word in common with the library finds nothing, and
says so.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from caseops.scenario import PolicySnippet

TOP_K = 2
K1, B = 1.2, 0.75
_TOKEN = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "is",
        "are",
        "be",
        "was",
        "were",
        "it",
        "this",
        "that",
        "what",
        "how",
        "when",
        "do",
        "does",
        "can",
        "i",
        "we",
        "you",
        "our",
        "your",
        "my",
        "me",
        "us",
        "they",
        "them",
        "if",
        "at",
        "by",
        "from",
        "as",
        "not",
        "no",
        "any",
    ]
)
NOTHING_FOUND = "No policy matches that query."


def terms(text: str) -> list[str]:
    """Lower-cased words without stopwords, crudely stemmed so "refunds" finds "refund"."""
    words = (w for w in _TOKEN.findall(text.lower()) if w not in _STOPWORDS)
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


@functools.lru_cache(maxsize=256)
def _index(library: tuple[PolicySnippet, ...]) -> tuple[list[Counter[str]], float, Counter[str]]:
    """Term counts, average length and document frequencies: built once per library."""
    documents = [Counter(terms(f"{s.title} {s.text}")) for s in library]
    average = sum(sum(d.values()) for d in documents) / len(documents)
    frequency = Counter(t for d in documents for t in d)
    return documents, average, frequency


def search(library: Sequence[PolicySnippet], query: str, k: int = TOP_K) -> list[PolicySnippet]:
    wanted = set(terms(query))
    if not wanted or not library:
        return []
    library = tuple(library)
    documents, average, frequency = _index(library)
    scored = []
    for snippet, document in zip(library, documents, strict=False):
        length = sum(document.values())
        score = 0.0
        for term in wanted & document.keys():
            idf = math.log(1 + (len(documents) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            tf = document[term]
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
        if score > 0:
            scored.append((-score, snippet.id, snippet))
    return [snippet for _, _, snippet in sorted(scored)[:k]]


ANSWER_CACHE_SIZE = 1024


@functools.lru_cache(maxsize=ANSWER_CACHE_SIZE)
def answer(library: tuple[PolicySnippet, ...], query: str) -> str:
    """What `search_policy` shows the agent: pure in (library, query), and agents repeat their
    queries, so recent answers are remembered."""
    return render(search(library, query))


def render(results: Sequence[PolicySnippet]) -> str:
    if not results:
        return NOTHING_FOUND
    return "\n".join(f"[{s.id}] {s.title}: {s.text}" for s in results)
