"""The shared regex fragments (data/fragments.yaml), by name, for patterns still built in Python.

Content files name them as `{{NAME}}`; this module gives the same strings to Python code.
"""

from __future__ import annotations

from caseops.content import shared_fragments

_FRAGMENTS = shared_fragments()

WE: str = _FRAGMENTS["WE"]
NOT: str = _FRAGMENTS["NOT"]
DAYS: str = _FRAGMENTS["DAYS"]
GAP: str = _FRAGMENTS["GAP"]
AMOUNT: str = _FRAGMENTS["AMOUNT"]
MFA: str = _FRAGMENTS["MFA"]
DAMAGE: str = _FRAGMENTS["DAMAGE"]
SERVER_ERRORS: str = _FRAGMENTS["SERVER_ERRORS"]
