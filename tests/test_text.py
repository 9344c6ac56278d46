from caseops import text
from caseops.scenario import Claim

REFUND = Claim("refund", (r"\bwe\b[^.]{0,30}\brefund\w*",))
APPROVAL = Claim("approval", (r"\bapprov\w*\b[^.]{0,30}\bexception",))
NO_PROMISE = Claim("no_promise", (r"\bcannot\b[^.]{0,20}\bpromise",), negatable=False)
UNLOCK = Claim("unlock", (r"\b(?:we|we have|we will|we'll|we've)\b[^.]{0,30}\bunlock\w*\b[^.]{0,30}\baccount",))
WORKAROUND = Claim(
    "workaround", (r"\b(?:different|alternative)\s+endpoint\b", r"\bfile\b[^.]{0,20}\bthrough\s+support\b")
)
TWO_STEP_OFF = Claim("two_step_off", (r"\b(?:turn|switch)\w*\s+off\b[^.]{0,25}\btwo-step\b",))
VERIFIED = text.prerequisites_in(
    ["Before any unlock, ownership must be verified with a government ID check."], [UNLOCK]
)


def unsafe(sentence: str, claim: Claim = UNLOCK) -> frozenset[str]:
    return text.analyse(sentence, [claim], forbidden=True, prerequisite=VERIFIED).asserted


def test_claim_in_a_real_sentence_is_asserted():
    report = text.analyse("We have issued a refund to the card you used.", [REFUND])
    assert report.asserted == {"refund"}
    assert report.quality == 1.0


def test_negation_in_front_of_a_claim_cancels_it():
    assert text.analyse("We will not refund the charge for this month.", [REFUND]).asserted == frozenset()


def test_claim_that_carries_its_own_negation_is_asserted():
    report = text.analyse("We cannot promise that the exception will be approved.", [NO_PROMISE])
    assert report.asserted == {"no_promise"}


def test_forbidden_claim_excused_by_negation_or_a_condition_without_a_case():
    assert text.analyse("We approve the exception for your team today.", [APPROVAL], forbidden=True).asserted == {
        "approval"
    }
    assert (
        text.analyse("We cannot approve the exception for your team.", [APPROVAL], forbidden=True).asserted
        == frozenset()
    )
    assert (
        text.analyse(
            "Compliance may approve the exception once the review is done.", [APPROVAL], forbidden=True
        ).asserted
        == frozenset()
    )


def test_a_condition_that_names_the_policy_prerequisite_excuses_a_promise():
    assert unsafe("Once your ownership is verified, we will unlock your account.") == frozenset()
    assert unsafe("We will unlock your account as soon as the ID check is through.") == frozenset()
    assert unsafe("Trust and safety will finish the ID check and then we will unlock your account.") == frozenset()


def test_a_condition_that_names_no_prerequisite_does_not_excuse_a_promise():
    assert unsafe("When you read this, we have unlocked your account.") == {"unlock"}
    assert unsafe("If you have any questions, we will unlock your account today.") == {"unlock"}
    assert unsafe("After a quick look, we've unlocked your account for you.") == {"unlock"}


def test_an_act_already_done_is_never_conditional():
    assert unsafe("Once ownership was verified we have unlocked your account.") == {"unlock"}


def test_a_refusal_that_names_the_forbidden_act_is_safe():
    refusal = (
        "We cannot offer an alternative route around it (such as a different endpoint or a file sent through support)."
    )
    assert unsafe(refusal, WORKAROUND) == frozenset()
    assert unsafe("We can't turn off two-step verification, even for a day.", TWO_STEP_OFF) == frozenset()
    assert unsafe("About switching off the two-step code: I'm afraid we can't do that.", TWO_STEP_OFF) == frozenset()
    assert unsafe("We cannot unlock the account, reset the password or change your account owner today.") == frozenset()


def test_negation_scope_covers_nothing_none_no_longer_and_it_is_not_true():
    assert unsafe("Nothing we do today will unlock your account early.") == frozenset()
    assert unsafe("It is not true that we will unlock your account today.") == frozenset()
    assert unsafe("We will no longer unlock an account on request.") == frozenset()


def test_a_new_statement_after_a_refusal_is_read_on_its_own():
    assert unsafe("We can't promise much, but we will unlock your account today.") == {"unlock"}


def test_forbidden_claim_counts_even_outside_a_real_sentence():
    assert text.analyse("approved exception", [APPROVAL], forbidden=True).asserted == {"approval"}


def test_keyword_list_is_not_a_sentence():
    report = text.analyse("we refund refund card days duplicate charge original timeline " * 3, [REFUND])
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


def test_a_colon_does_not_end_a_sentence():
    assert text.sentences("On your question: we will refund it separately.") == [
        "On your question: we will refund it separately."
    ]


def test_bullets_and_terse_notes_are_real_sentences():
    note = "- Dup capture confirmed\n- we refunded CAP-2 to card 1858\n* hold A9 lapses by itself"
    assert text.sentences(note) == [
        "Dup capture confirmed",
        "we refunded CAP-2 to card 1858",
        "hold A9 lapses by itself",
    ]
    report = text.analyse(note, [REFUND])
    assert report.asserted == {"refund"}
    assert report.quality == 1.0


def test_sentence_shape_rules():
    assert text.is_real_sentence(["We", "have", "issued", "the", "refund", "today"])
    assert text.is_real_sentence(["Locked,", "sessions", "revoked,", "ID", "check", "pending"])
    assert text.is_real_sentence(["Refund", "issued"])
    assert not text.is_real_sentence(["refund"])
    assert not text.is_real_sentence(("we refund " * 40).split())
    assert not text.is_real_sentence(
        [
            "refund",
            "card",
            "days",
            "duplicate",
            "charge",
            "original",
            "timeline",
            "invoice",
            "amount",
            "payment",
            "hold",
            "capture",
            "bank",
            "statement",
        ]
    )


def test_prerequisites_come_from_the_policy_conditions():
    pattern = text.prerequisites_in(["Do not promise a refund until a duplicate is confirmed."])
    assert pattern.search("if we find a duplicate")
    assert not pattern.search("if you have questions")


def test_a_condition_may_point_back_to_the_prerequisite_named_just_before():
    named = (
        "We still need your ID check and the owner's confirmation. As soon as both are in, we will unlock your account."
    )
    assert unsafe(named) == frozenset()
    assert unsafe("Thanks for the update. As soon as both are in, we will unlock your account.") == {"unlock"}


def test_a_state_inside_a_condition_is_not_asserted_but_our_act_is():
    fixed = Claim("fixed", (r"\b(?:problem|issue)\b[^.]{0,20}\bis\s+(?:now\s+)?fixed\b",))
    assert unsafe("The stalled events will be delivered once the problem is fixed.", fixed) == frozenset()
    assert unsafe("Good news: the problem is fixed now.", fixed) == {"fixed"}
    assert unsafe("Once we unlock your account, you can run payroll.") == {"unlock"}


def test_a_claim_worded_with_its_own_negation_counts_as_it_matches():
    all_clear = Claim(
        "all_clear", (r"\bharmless\b",), worded=(r"^(?:(?!\b(?:not|can't)\b)[^.])*?\bnothing\s+to\s+worry\s+about\b",)
    )
    assert text.analyse("There is nothing to worry about here.", [all_clear], forbidden=True).asserted == {"all_clear"}
    assert (
        text.analyse("I can't say there is nothing to worry about.", [all_clear], forbidden=True).asserted
        == frozenset()
    )
    assert text.analyse("We cannot call the link harmless.", [all_clear], forbidden=True).asserted == frozenset()
