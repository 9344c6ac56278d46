"""Phrase fragments shared by every pack's claim patterns (authored and generated).

One definition each: a pack that needs a wider fragment widens it here, for all.
"""

from __future__ import annotations

# Who acts: the agent or the team ("our warehouse" ships, "our billing team" refunds).
WE = (
    r"\b(?:we|we've|we have|we will|we'll|we are|we're|i|i've|i have|i will|i'll|"
    r"our\s+(?:team|warehouse|billing team))\b"
)
NOT = (
    r"\b(?:cannot|can't|can not|won't|will not|unable to|not able to|not going to|do not|don't|"
    r"must not|not)\b"
)
DAYS = (
    r"\b(?:\d+\s*(?:-|–|to)\s*\d+|\d+|a few|one|two|three|four|five|seven|ten)\s+"
    r"(?:business\s+|working\s+|calendar\s+)?days\b"
)
# A gap inside one sentence that may cross a decimal amount ("EUR 34.90").
GAP = r"(?:[^.]|\.(?=\d))"
AMOUNT = r"(?:eur|usd|gbp|€|\$|£)\s?\d[\d,]*"
MFA = r"\b(?:two-step|two-factor|2fa|mfa)\b"
# What a parcel can arrive as.
DAMAGE = r"(?:damaged|broken|cracked|chipped|shattered|smashed|dented|bent|split|torn)"
# A 5xx status, by number ("500s", "503") or class ("5xx").
SERVER_ERRORS = r"(?:5\d\d|5xx)s?"
