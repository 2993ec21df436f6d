"""Rule `turkish_chars`: Turkish typed without ç ğ ı ö ş ü (``gorusme`` for ``görüşme``).

A word is flagged when it has no Turkish letter and the deasciifier restores it, confidently, to
something else. A word that is itself a dictionary word as typed (``yasa``/``yaşa``,
``sac``/``saç``) needs stronger evidence; an unknown capitalised word is taken for a name.
"""

from __future__ import annotations

from yorum.lang.tr import deasciify, morphology
from yorum.lang.tr.text import has_turkish_letters, tr_lower
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared, Token
from yorum.moderation.verdict import Finding, Fix

RULE_ID = "turkish_chars"
MIN_CONFIDENCE = 0.9
MIN_CONFIDENCE_PLAIN_WORD = 0.98  # when the word as typed is a dictionary word too
MIN_CONFIDENCE_UNKNOWN = 0.95  # when the word is not in the lexicon
# Question particles: with Turkish letters elsewhere, "mi" for "mı" is a harmony question
# (hâl mi, saat mi), not letters left out.
PARTICLES = frozenset({"mi", "mu", "misin", "musun", "miyim", "muyum", "miyiz", "muyuz"})


def _acronym_suffix(word: str) -> bool:
    """``YSK'nin``, ``SGK'ya``: capitals, then a suffix after an apostrophe."""
    head, mark, _ = word.replace("’", "'").partition("'")
    return bool(mark) and len(head) >= 2 and head.isupper()


def _threshold(token: Token, settings_min: float) -> float | None:
    """The confidence a restoration of this word needs; None when it is never flagged."""
    if not deasciify.is_known(token.text):
        if token.text[:1].isupper():
            return None
        return max(settings_min, MIN_CONFIDENCE_UNKNOWN)
    if deasciify.is_plain_word(token.text) and (
        token.text[:1].isupper() or morphology.is_valid(tr_lower(token.text))
    ):
        # yasa/yaşa. A lower-case word valid only as a name (sabir: Sabir) is no plain word.
        return max(settings_min, MIN_CONFIDENCE_PLAIN_WORD)
    return settings_min


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    min_confidence = settings.get("min_confidence", MIN_CONFIDENCE)
    words = doc.words
    spans: list[tuple[int, int]] = []
    fixes: list[Fix] = []
    confidence = 0.0
    writes_letters = has_turkish_letters(doc.text)
    for i, token in enumerate(words):
        if not token.text.replace("’", "'").isascii() or policy.is_allowed(token.lower):
            continue
        if _acronym_suffix(token.text) or (writes_letters and token.lower in PARTICLES):
            continue  # YSK'nin: the suffix follows how the letters are read; "hâl mi"
        prev = words[i - 1].text if i else None
        after = words[i + 1].text if i + 1 < len(words) else None
        restored, conf = deasciify.restore_word(token.text, prev, after)
        if restored == token.text:
            continue
        needed = _threshold(token, min_confidence)
        if needed is None or conf < needed:
            continue
        if not deasciify.is_known(token.text) and not morphology.is_valid(tr_lower(restored)):
            continue  # a guess that is no Turkish word either: the spelling rule's business
        spans.append((token.start, token.end))
        fixes.append(Fix(token.start, token.end, restored))
        confidence = max(confidence, conf)
    if not spans or len(spans) < settings.get("min_words", 1):
        return []
    return [
        Finding(
            rule=RULE_ID,
            severity=settings.severity,
            score=min(1.0, confidence),
            spans=tuple(spans),
            fixes=tuple(fixes),
            detail={"words": len(spans)},
        )
    ]
