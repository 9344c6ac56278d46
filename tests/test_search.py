from caseops.scenario import PolicySnippet
from caseops.search import NOTHING_FOUND, answer, render, search, terms

LIBRARY = (
    PolicySnippet("replace", "Damaged items", "Items damaged on arrival are replaced free of charge."),
    PolicySnippet("returns", "Returns", "Items above the threshold must be returned before a refund."),
    PolicySnippet("refunds", "Refund timing", "Refunds reach the card in five to ten business days."),
)


def test_the_best_matching_snippets_come_first():
    assert [s.id for s in search(LIBRARY, "item arrived damaged, replacement?")] == ["replace", "returns"]
    assert search(LIBRARY, "how long do refunds take")[0].id == "refunds"


def test_ranking_is_deterministic():
    assert search(LIBRARY, "refund items") == search(LIBRARY, "refund items")


def test_empty_or_nonsense_query_finds_nothing_and_says_so():
    assert search(LIBRARY, "") == []
    assert search(LIBRARY, "the of and") == []
    assert search(LIBRARY, "zebra quantum") == []
    assert render([]) == NOTHING_FOUND


def test_terms_drop_stopwords_and_plural_s():
    assert terms("The refunds of items") == ["refund", "item"]


def test_answer_is_the_rendered_search_and_is_remembered() -> None:
    first = answer(LIBRARY, "how long do refunds take")
    assert first == render(search(LIBRARY, "how long do refunds take")) and "[refunds]" in first
    assert answer(LIBRARY, "how long do refunds take") is first
    assert answer(LIBRARY, "zebra quantum") == NOTHING_FOUND
