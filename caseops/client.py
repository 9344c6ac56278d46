"""CaseOpsEnv: the typed client. It speaks openenv's WebSocket protocol to a CaseOps server.

    async with CaseOpsEnv(base_url="http://localhost:8000") as env:
        result = await env.reset(task_id="billing_refund_easy")   # or reset(split="test", index=12)
        result = await env.step(SupportDeskAction(operation="classify", ...))

or synchronously with `CaseOpsEnv(base_url=...).sync()`. A server-side error (unknown task,
refused message) raises RuntimeError with the server's message.
"""

from __future__ import annotations

from typing import Any

from openenv.core.client_types import StepResult
from openenv.core.env_client import EnvClient

from caseops.models import SupportDeskAction, SupportDeskObservation, SupportDeskState


class CaseOpsEnv(EnvClient[SupportDeskAction, SupportDeskObservation, SupportDeskState]):
    def _step_payload(self, action: SupportDeskAction) -> dict[str, Any]:
        return action.model_dump(exclude_none=True, exclude={"metadata"})

    def _parse_result(self, payload: dict[str, Any]) -> StepResult[SupportDeskObservation]:
        observation = SupportDeskObservation(
            **payload["observation"], reward=payload.get("reward"), done=payload.get("done", False)
        )
        return StepResult(observation=observation, reward=observation.reward, done=observation.done)

    def _parse_state(self, payload: dict[str, Any]) -> SupportDeskState:
        return SupportDeskState(**payload)


# The names OpenEnv's AutoEnv and AutoAction infer from the distribution "openenv-caseops": they
# import caseops.client and look for <Name>Env, <Name>Action and <Name>Observation there.
CaseopsEnv = CaseOpsEnv
CaseopsAction = SupportDeskAction
CaseopsObservation = SupportDeskObservation
