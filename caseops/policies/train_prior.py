"""What a policy could learn from the train split alone: the prior of the `universal_template`
adversary.

A trainer who optimises a template on train seeds ends up with one text per issue type that
pleases every family of that type, and a status and resolution per issue type. This module
builds that template from the train split's reference texts, as the strongest such template
could be. It reads train seeds only: the cases the adversary plays (test, held out) are never
looked at (a test checks it).
"""

from __future__ import annotations

import functools
from collections import Counter

from caseops.scenario import Scenario
from caseops.scenarios.generator import SPLIT_FAMILIES, TRAIN_SEEDS, generate
from caseops.text import sentences

SEEDS_PER_FAMILY = 4


@functools.cache
def learned_templates() -> dict[str, tuple[str, str, str, str]]:
    """Per issue type: (reply, note, status, resolution).

    The texts join, sentence by sentence without repeats, the reference texts of a few train
    seeds of every family with that issue type; status and resolution are the most common.
    """
    by_type: dict[str, list[Scenario]] = {}
    for family in SPLIT_FAMILIES:
        for seed in TRAIN_SEEDS[:SEEDS_PER_FAMILY]:
            scenario = generate(family, seed)
            by_type.setdefault(scenario.gold.issue_type, []).append(scenario)
    learned = {}
    for issue_type, cases in by_type.items():
        reply = " ".join(dict.fromkeys(s for c in cases for s in sentences(c.gold.reference_reply)))
        note = " ".join(dict.fromkeys(s for c in cases for s in sentences(c.gold.reference_note)))
        status = Counter(sorted(c.gold.final_statuses)[0] for c in cases).most_common(1)[0][0]
        resolution = Counter(c.gold.resolution_code for c in cases).most_common(1)[0][0]
        learned[issue_type] = (reply, note, status, resolution)
    return learned
