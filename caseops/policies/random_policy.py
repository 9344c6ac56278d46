"""A seeded random agent: picks an allowed operation and fills it with random values.

Its texts are sentences lifted from the ticket and knowledge base, so it also stands for an
agent that writes plausible-looking but unconsidered text. The grader must keep it low.
"""

from __future__ import annotations

import random

from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.text import sentences


class RandomPolicy:
    name = "random"

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)

    def _text(self, observation: SupportDeskObservation) -> str:
        pool = sentences(observation.ticket.body) + [s for kb in observation.knowledge_base for s in sentences(kb.text)]
        return " ".join(self.rng.sample(pool, k=min(len(pool), self.rng.randint(1, 3))))

    def __call__(self, observation: SupportDeskObservation) -> SupportDeskAction:
        rng = self.rng
        operation = rng.choice(observation.allowed_operations or ["submit"])
        if operation == "classify":
            return SupportDeskAction(
                operation=operation,
                queue=rng.choice(observation.available_queues),
                priority=rng.choice(observation.available_priorities),
                issue_type=rng.choice(observation.available_issue_types),
            )
        if operation == "request_info":
            fields = rng.sample(observation.available_requested_fields, k=rng.randint(1, 4))
            return SupportDeskAction(operation=operation, requested_fields=fields)
        if operation == "draft_reply":
            return SupportDeskAction(operation=operation, reply=self._text(observation))
        if operation == "add_internal_note":
            return SupportDeskAction(operation=operation, internal_note=self._text(observation))
        if operation == "submit":
            return SupportDeskAction(
                operation=operation,
                status=rng.choice(observation.available_statuses),
                resolution_code=rng.choice(observation.available_resolution_codes),
            )
        if operation == "inspect_artifact":
            artifact_id = rng.choice(observation.available_artifacts or ["no-such-record"])
            return SupportDeskAction(operation=operation, artifact_id=artifact_id)
        if operation == "search_policy":
            words = observation.ticket.subject.split()
            return SupportDeskAction(operation=operation, query=" ".join(rng.sample(words, k=min(len(words), 3))))
        tool = next((t for t in observation.available_tools if t.name == operation), None)
        if tool is not None:
            records = [r.record_id for r in observation.records if r.kind == tool.record_kind] or ["no-such-record"]
            arguments = {
                a.name: rng.choice(a.choices) if a.type == "choice" else float(rng.randint(0, 500))
                for a in tool.arguments
            }
            return SupportDeskAction(operation=operation, record_id=rng.choice(records), arguments=arguments or None)
        return SupportDeskAction(operation=operation)
