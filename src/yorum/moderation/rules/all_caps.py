"""Rule `all_caps`: comments written in capital letters (shouting), in Turkish and English.

Acronyms (ABD, NATO, TBMM) and a stressed word or two are fine; the fix lowers the capitals
with Turkish casing for Turkish text and capitalises sentence starts.
"""

from __future__ import annotations

from functools import cache

from yorum.lang.lexicon import read_list
from yorum.lang.tr.text import has_turkish_letters, tr_capitalize, tr_lower, tr_upper
from yorum.moderation.policy import Policy, RulePolicy
from yorum.moderation.prepare import Prepared, Token
from yorum.moderation.verdict import Finding, Fix

RULE_ID = "all_caps"
SENTENCE_END = ".!?…\n"


@cache
def _acronyms() -> frozenset[str]:
    return frozenset(read_list("yorum.lang.tr.data", "acronyms.txt"))


def _stem(token: Token) -> str:
    """The word without an apostrophe suffix (ABD'nin → ABD)."""
    for mark in "'’":
        if mark in token.text:
            return token.text.split(mark, 1)[0]
    return token.text


def _is_caps(word: str, turkish: bool) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = tr_upper(word) if turkish else word.upper()
    return word == upper and word != (tr_lower(word) if turkish else word.lower())


def _sentence_start(doc: Prepared, token: Token) -> bool:
    before = doc.text[: token.start].rstrip(" \t\"'“”«»()-–—")
    return not before or before[-1] in SENTENCE_END


def _lowered(doc: Prepared, token: Token, turkish: bool) -> str:
    # A writer with no Turkish letter anywhere types "I" for both i and ı: lower it to "i" and
    # let the turkish_chars fix choose between i and ı from the restored word.
    ascii_writer = not has_turkish_letters(doc.text)
    low = tr_lower(token.text) if turkish and not ascii_writer else token.text.lower()
    if not turkish and low == "i":
        return "I"
    if _sentence_start(doc, token):
        return tr_capitalize(low) if turkish else low[:1].upper() + low[1:]
    return low


def _enough(settings: RulePolicy, shouted: int, words: int, letters: int) -> bool:
    """Most words shouted in a text long enough, or a short one shouted whole (HAKEM İSTİFA!)."""
    if shouted == words:
        return shouted >= settings.get("whole_min_words", 2) and letters >= settings.get(
            "whole_min_letters", 6
        )
    return (
        shouted >= settings.get("min_words", 3)
        and shouted * 2 >= words
        and letters >= settings.get("min_letters", 12)
    )


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    least = min(settings.get("min_words", 3), settings.get("whole_min_words", 2))
    if sum(map(str.isupper, doc.text)) < 2 * least:
        return []  # too few capitals for enough shouted words of two letters or more
    turkish = doc.language == "tr"
    words = [t for t in doc.tokens if t.is_word and sum(c.isalpha() for c in t.text) >= 2]
    letters = sum(c.isalpha() for t in words for c in t.text)
    acronyms = _acronyms()
    shouted = [t for t in words if _is_caps(t.text, turkish) and _stem(t) not in acronyms]
    if not _enough(settings, len(shouted), len(words), letters):
        return []
    # Single capital letters ("A", Turkish "O") are lowered too, but never English "I".
    singles = [
        t
        for t in doc.tokens
        if t.is_word
        and len(t.text) == 1
        and t.text.isupper()
        and not (t.text == "I" and not turkish)
    ]
    fixed = sorted(shouted + singles, key=lambda t: t.start)
    fixes = tuple(Fix(t.start, t.end, _lowered(doc, t, turkish)) for t in fixed)
    score = min(1.0, len(shouted) / max(1, len(words)))
    return [
        Finding(RULE_ID, settings.severity, score, tuple((t.start, t.end) for t in shouted), fixes)
    ]
