"""Phrase fragments shared by every pack's claim patterns (authored and generated).

One definition each: a pack that needs a wider fragment widens it here, for all.
"""

from __future__ import annotations

# Who acts: the agent or the team ("our warehouse" ships, "our billing team" refunds).
WE = (
    r"\b(?:we|we've|we have|we will|we'll|we are|we're|i|i've|i have|i will|i'll|"
    r"our\s+(?:[\w&-]+\s+){0,2}?(?:team|warehouse|department|colleagues|specialists))\b"
)
NOT = (
    r"\b(?:cannot|can't|can not|won't|will not|unable to|not able to|not going to|do not|don't|"
    r"must not|not)\b"
)
DAYS = (
    r"\b(?:\d+\s*(?:-|–|—|to)\s*\d+|\d+|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"fourteen|thirty)(?:\s*(?:-|–|to)\s*(?:five|seven|ten|fourteen))?\s+"
    r"(?:(?:business\s+|working\s+|calendar\s+|banking\s+)?days|bd|wd)\b"
)
# A gap inside one sentence that may cross a decimal amount ("EUR 34.90").
GAP = r"(?:[^.]|\.(?=\d))"
AMOUNT = r"(?:(?:eur|usd|gbp|€|\$|£)\s?\d[\d,]*|\b\d[\d,]*(?:\.\d\d)?\s?(?:eur|usd|gbp|euros?|dollars|pounds)\b)"
MFA = r"\b(?:two[- ]step|two[- ]factor|2-step|2-factor|2fa|mfa|multi-?factor|multi factor|authenticator)\b"
# What a parcel can arrive as.
DAMAGE = r"(?:damaged|broken|cracked|chipped|shattered|smashed|crushed|squashed|dented|bent|split|torn|ripped|scratched)"
# A 5xx status, by number ("500s", "503") or class ("5xx").
SERVER_ERRORS = r"(?:5\d\d|5xx)s?"
