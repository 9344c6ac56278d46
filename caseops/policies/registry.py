"""Every policy by name: `make_policy(name, seed)` builds a fresh one.

oracle     reads the gold (upper bound; tests and calibration only)
heuristic  the honest, gold-free baseline
random     seeded random actions (the seed matters only here)
llm        an OpenAI-compatible chat model, configured by environment variables (`llm_settings`):
           API_BASE_URL, MODEL_NAME, a key in API_KEY, HF_TOKEN or OPENAI_API_KEY (tried in that
           order), and optionally CASEOPS_LLM_MAX_TOKENS, CASEOPS_LLM_TIMEOUT_S,
           CASEOPS_LLM_RETRIES, CASEOPS_LLM_MODE and CASEOPS_LLM_FALLBACK
noop, keyword_stuffing, always_escalate, always_resolve, copy_ticket, comply_unsafe
           the adversaries of `caseops.policies.adversaries`
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from caseops.errors import PolicyConfigError
from caseops.policies import Policy
from caseops.policies.adversaries import ADVERSARIES, ADVERSARY_NAMES
from caseops.policies.heuristic import HeuristicPolicy
from caseops.policies.llm_settings import LLM_SETTING_VARS, LLMSettings, llm_settings
from caseops.policies.oracle import OraclePolicy
from caseops.policies.random_policy import RandomPolicy

# Policy (caseops.policies), PolicyConfigError (caseops.errors) and the LLM settings
# (caseops.policies.llm_settings) stay importable from here, where callers have always found them.
__all__ = [
    "LLM_SETTING_VARS",
    "POLICY_NAMES",
    "STOCHASTIC",
    "LLMSettings",
    "Policy",
    "PolicyConfigError",
    "llm_settings",
    "make_policy",
]

POLICY_NAMES: tuple[str, ...] = ("oracle", "heuristic", "random", "llm", *ADVERSARY_NAMES)

# Policies whose actions depend on the seed: an evaluation seeds them by trial.
STOCHASTIC: frozenset[str] = frozenset({"random"})


def make_policy(name: str, seed: int = 0, *, environ: Mapping[str, str] | None = None) -> Policy:
    if name == "oracle":
        return OraclePolicy()
    if name == "heuristic":
        return HeuristicPolicy()
    if name == "random":
        return RandomPolicy(seed)
    if name == "llm":
        from caseops.policies.llm import LLMPolicy

        return LLMPolicy.from_settings(llm_settings(os.environ if environ is None else environ))
    if name in ADVERSARIES:
        return ADVERSARIES[name]()
    raise PolicyConfigError(f"unknown policy {name!r}; known policies: {', '.join(POLICY_NAMES)}")
