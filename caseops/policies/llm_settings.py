"""How the LLM policy reaches its model: the settings, read from the environment.

Its own module so that the registry (which loads caseops.policies.llm, and with it openai, only
when the llm policy is asked for) and the policy itself both read it without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from caseops.errors import PolicyConfigError

# API_KEY first: it is what an evaluation proxy injects, and the proxy refuses any other key.
LLM_KEY_VARS = ("API_KEY", "HF_TOKEN", "OPENAI_API_KEY")
# The optional tuning of the LLM policy, with their defaults below.
LLM_OPTION_VARS = (
    "CASEOPS_LLM_MAX_TOKENS",
    "CASEOPS_LLM_TIMEOUT_S",
    "CASEOPS_LLM_RETRIES",
    "CASEOPS_LLM_MODE",
    "CASEOPS_LLM_FALLBACK",
)
# Every variable llm_settings reads (what a worker process must be handed).
LLM_SETTING_VARS = ("API_BASE_URL", "MODEL_NAME", *LLM_KEY_VARS, *LLM_OPTION_VARS)

DEFAULT_MAX_TOKENS = 4096  # room for a reasoning model's thinking before its answer
DEFAULT_TIMEOUT_S = 120.0  # per HTTP request; a reasoning model writing 4096 tokens needs it
DEFAULT_MAX_RETRIES = 3  # the openai client's retries (429, 5xx, connection errors), honouring Retry-After
LLM_MODES = ("auto", "tools", "json", "text")

_SWITCH = {"on": True, "true": True, "1": True, "yes": True, "off": False, "false": False, "0": False, "no": False}


@attrs.frozen
class LLMSettings:
    """How to reach the model and how to ask it; see `llm_settings` for the variables."""

    base_url: str
    model: str
    api_keys: tuple[str, ...]  # in the order tried: API_KEY, HF_TOKEN, OPENAI_API_KEY
    max_tokens: int = DEFAULT_MAX_TOKENS
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_retries: int = DEFAULT_MAX_RETRIES
    mode: str = "auto"  # auto: tools, else JSON mode, else plain text, whichever the server accepts
    fallback: bool = True  # on: a step the model fails is played by the heuristic; off: it is an error


def llm_settings(environ: Mapping[str, str]) -> LLMSettings:
    """The LLM policy's settings from the environment, or PolicyConfigError naming what is missing
    or malformed. MODEL_NAME has no default: a baseline must say which model it measured."""

    def get(name: str) -> str:
        return environ.get(name, "").strip()

    base_url, model = get("API_BASE_URL"), get("MODEL_NAME")
    keys = tuple(dict.fromkeys(get(name) for name in LLM_KEY_VARS if get(name)))  # ordered, no duplicates
    missing = [name for name, value in (("API_BASE_URL", base_url), ("MODEL_NAME", model)) if not value]
    if not keys:
        missing.append("/".join(LLM_KEY_VARS))
    if missing:
        raise PolicyConfigError(f"policy 'llm' is not configured: set {', '.join(missing)}")

    def number(name: str, default: float, kind: type[float], low: float) -> float:
        raw = get(name)
        if not raw:
            return default
        try:
            value = kind(raw)
        except ValueError:
            raise PolicyConfigError(f"{name}={raw!r} is not a{'n integer' if kind is int else ' number'}") from None
        if value < low:
            raise PolicyConfigError(f"{name}={raw!r} must be at least {low:g}")
        return value

    mode = get("CASEOPS_LLM_MODE").lower() or "auto"
    if mode not in LLM_MODES:
        raise PolicyConfigError(f"CASEOPS_LLM_MODE={mode!r}: expected one of {', '.join(LLM_MODES)}")
    switch = get("CASEOPS_LLM_FALLBACK").lower() or "on"
    if switch not in _SWITCH:
        raise PolicyConfigError(f"CASEOPS_LLM_FALLBACK={switch!r}: expected on or off")
    return LLMSettings(
        base_url=base_url,
        model=model,
        api_keys=keys,
        max_tokens=int(number("CASEOPS_LLM_MAX_TOKENS", DEFAULT_MAX_TOKENS, int, 1)),
        timeout_s=float(number("CASEOPS_LLM_TIMEOUT_S", DEFAULT_TIMEOUT_S, float, 0.001)),
        max_retries=int(number("CASEOPS_LLM_RETRIES", DEFAULT_MAX_RETRIES, int, 0)),
        mode=mode,
        fallback=_SWITCH[switch],
    )
