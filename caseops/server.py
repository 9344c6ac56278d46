"""The CaseOps server: openenv's app plus the routes CaseOps adds.

openenv-core provides /reset, /step, /state, /schema, /health, /metadata and the /ws sessions.
CaseOps adds GET /tasks, GET /episodes/{episode_id} (an HTTP episode's full state), and maps its
own errors to clear 4xx answers instead of a 500.
"""

from __future__ import annotations

import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from openenv.core.env_server.http_server import create_app
from openenv.core.env_server.types import ConcurrencyConfig

from caseops.environment import CaseOpsEnvironment, build_state, find_episode
from caseops.errors import CaseOpsError
from caseops.models import SupportDeskAction, SupportDeskObservation, SupportDeskState
from caseops.scenarios import TASKS



def concurrency_from_env() -> ConcurrencyConfig:
    return ConcurrencyConfig(
        max_concurrent_envs=int(os.environ.get("CASEOPS_MAX_SESSIONS", "64")),
        session_timeout=float(os.environ.get("CASEOPS_SESSION_TIMEOUT_S", "600")),
    )


def task_list() -> list[dict[str, str]]:
    return [
        {"task_id": s.task_id, "difficulty": s.difficulty, "objective": s.objective, "max_steps": str(s.max_steps)}
        for s in TASKS.values()
    ]


def build_app() -> FastAPI:
    app = create_app(
        CaseOpsEnvironment,
        SupportDeskAction,
        SupportDeskObservation,
        env_name="caseops",
        concurrency_config=concurrency_from_env(),
    )

    @app.exception_handler(CaseOpsError)
    async def caseops_error(_: Request, exc: CaseOpsError) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, content={"detail": str(exc)})

    @app.get("/tasks", tags=["Environment Info"], summary="List the tasks, in their fixed order")
    async def tasks() -> list[dict[str, str]]:
        return task_list()

    @app.get(
        "/episodes/{episode_id}",
        response_model=SupportDeskState,
        tags=["State Management"],
        summary="The full state of an episode started over HTTP",
    )
    async def episode_state(episode_id: str) -> SupportDeskState:
        episode = find_episode(episode_id)
        with episode.lock:
            return build_state(episode)

    return app


app = build_app()


def main(host: str = "0.0.0.0", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port)
