"""Phrase fragments shared by the authored packs' claim patterns."""

from __future__ import annotations

WE = r"\b(?:we|we've|we have|we will|we'll|we are|we're|i|i've|i have|i will|i'll|our team)\b"
NOT = r"\b(?:cannot|can't|can not|won't|will not|unable to|not able to|not going to|do not|don't|not)\b"
DAYS = r"\b(?:\d+\s*(?:-|–|to)\s*\d+|\d+|a few|five|seven|ten|two|three)\s+(?:business\s+|working\s+)?days\b"
