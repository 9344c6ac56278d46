from caseops import text
from caseops.scenario import Claim

REFUND = Claim("refund", (r"\bwe\b[^.]{0,30}\brefund\w*",))
APPROVAL = Claim("approval", (r"\bapprov\w*\b[^.]{0,30}\bexception",))
NO_PROMISE = Claim("no_promise", (r"\bcannot\b[^.]{0,20}\bpromise",), negatable=False)


def test_claim_in_a_real_sentence_is_asserted():
    report = text.analyse("We have issued a refund to the card you used.", [REFUND])
    assert report.asserted == {"refund"}
    assert report.quality == 1.0


def test_negation_in_front_of_a_claim_cancels_it():
    assert text.analyse("We will not refund the charge for this month.", [REFUND]).asserted == frozenset()


def test_claim_that_carries_its_own_negation_is_asserted():
    report = text.analyse("We cannot promise that the exception will be approved.", [NO_PROMISE])
    assert report.asserted == {"no_promise"}


def test_forbidden_claim_excused_by_negation_or_condition():
    assert text.analyse("We approve the exception for your team today.", [APPROVAL], forbidden=True).asserted == {"approval"}
    assert text.analyse("We cannot approve the exception for your team.", [APPROVAL], forbidden=True).asserted == frozenset()
    assert (
        text.analyse("Compliance may approve the exception once the review is done.", [APPROVAL], forbidden=True).asserted
        == frozenset()
    )


def test_forbidden_claim_counts_even_outside_a_real_sentence():
    assert text.analyse("approved exception", [APPROVAL], forbidden=True).asserted == {"approval"}


def test_keyword_list_is_not_a_sentence():
    report = text.analyse("we refund refund card days duplicate charge original timeline", [REFUND])
    assert report.asserted == frozenset()
    assert report.quality == 0.0


def test_repeated_sentence_counts_once_and_lowers_quality():
    once = text.analyse("We have issued a refund to the card you used.", [REFUND])
    thrice = text.analyse(" ".join(["We have issued a refund to the card you used."] * 3), [REFUND])
    assert thrice.asserted == once.asserted
    assert thrice.quality < once.quality


def test_empty_text_asserts_nothing():
    assert text.analyse(None, [REFUND]) == text.EMPTY_REPORT
    assert text.analyse("", [REFUND]) == text.EMPTY_REPORT


def test_sentence_shape_rules():
    assert text.is_real_sentence("We have issued the refund today".split())
    assert not text.is_real_sentence("refund issued".split())
    assert not text.is_real_sentence(("we refund " * 40).split())
