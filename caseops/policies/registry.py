"""Every policy by name: `make_policy(name, seed)` builds a fresh one.

    oracle     reads the gold (upper bound; tests and calibration only)
    heuristic  the honest, gold-free baseline
    random     seeded random actions (the seed matters only here)
    llm        an OpenAI-compatible chat model, configured by environment variables:
               API_BASE_URL, MODEL_NAME and a key in HF_TOKEN, OPENAI_API_KEY or API_KEY
    noop, keyword_stuffing, always_escalate, always_resolve, copy_ticket, comply_unsafe
               the adversaries of `caseops.policies.adversaries`
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from caseops.models import SupportDeskAction, SupportDeskObservation
from caseops.policies.adversaries import ADVERSARIES, ADVERSARY_NAMES
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy

Policy = Callable[[SupportDeskObservation], SupportDeskAction]

LLM_KEY_VARS = ("HF_TOKEN", "OPENAI_API_KEY", "API_KEY")
POLICY_NAMES: tuple[str, ...] = ("oracle", "heuristic", "random", "llm", *ADVERSARY_NAMES)
# Policies whose actions depend on the seed: an evaluation seeds them by trial.
STOCHASTIC: frozenset[str] = frozenset({"random"})


class PolicyConfigError(ValueError):
    """An unknown policy name, or a policy that cannot be built as configured."""


def llm_settings(environ: Mapping[str, str]) -> tuple[str, str, str]:
    """(base_url, model, api_key) from the environment, or PolicyConfigError naming what is missing."""
    base_url = environ.get("API_BASE_URL", "").strip()
    model = environ.get("MODEL_NAME", "").strip()
    key = next((environ[name].strip() for name in LLM_KEY_VARS if environ.get(name, "").strip()), "")
    missing = [name for name, value in (("API_BASE_URL", base_url), ("MODEL_NAME", model)) if not value]
    if not key:
        missing.append("/".join(LLM_KEY_VARS))
    if missing:
        raise PolicyConfigError(f"policy 'llm' is not configured: set {', '.join(missing)}")
    return base_url, model, key


def make_policy(name: str, seed: int = 0, *, environ: Mapping[str, str] | None = None) -> Policy:
    if name == "oracle":
        return OraclePolicy()
    if name == "heuristic":
        return HeuristicPolicy()
    if name == "random":
        return RandomPolicy(seed)
    if name == "llm":
        from caseops.policies.llm import LLMPolicy

        base_url, model, key = llm_settings(os.environ if environ is None else environ)
        return LLMPolicy(base_url=base_url, api_key=key, model=model)
    if name in ADVERSARIES:
        return ADVERSARIES[name]()
    raise PolicyConfigError(f"unknown policy {name!r}; known policies: {', '.join(POLICY_NAMES)}")
