"""CaseOpsEnv: the typed client. It speaks openenv's WebSocket protocol to a CaseOps server.

    async with CaseOpsEnv(base_url="http://localhost:8000") as env:
        result = await env.reset(task_id="billing_refund_easy")
        result = await env.step(SupportDeskAction(operation="classify", ...))

or synchronously with `CaseOpsEnv(base_url=...).sync()`. A server-side error (unknown task,
refused message) raises RuntimeError with the server's message.
"""

from __future__ import annotations

from typing import Any

from openenv.core.client_types import StepResult
from openenv.core.env_client import EnvClient
from websockets.exceptions import ConnectionClosed

from caseops.models import SupportDeskAction, SupportDeskObservation, SupportDeskState


class CaseOpsEnv(EnvClient[SupportDeskAction, SupportDeskObservation, SupportDeskState]):
    async def _send_and_receive(self, message: dict[str, Any]) -> dict[str, Any]:
        """As openenv's, but a server that refuses the session (at capacity) and closes at once
        still gets its reason read: the refusal is queued before the close."""
        try:
            await self._send(message)
        except ConnectionClosed:
            pass
        response = await self._receive()
        if response.get("type") == "error":
            error = response.get("data", {})
            raise RuntimeError(f"Server error: {error.get('message', 'Unknown error')} (code: {error.get('code', 'UNKNOWN')})")
        return response

    def _step_payload(self, action: SupportDeskAction) -> dict[str, Any]:
        return action.model_dump(exclude_none=True, exclude={"metadata"})

    def _parse_result(self, payload: dict[str, Any]) -> StepResult[SupportDeskObservation]:
        observation = SupportDeskObservation(
            **payload["observation"], reward=payload.get("reward"), done=payload.get("done", False)
        )
        return StepResult(observation=observation, reward=observation.reward, done=observation.done)

    def _parse_state(self, payload: dict[str, Any]) -> SupportDeskState:
        return SupportDeskState(**payload)
