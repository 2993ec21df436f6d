"""Language of a comment: Turkish, English or other, with a confidence.

lingua, limited to the two languages yorum moderates, is accurate on short comments and on
Turkish typed without its letters. Text mostly in another script is "other" without asking it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache
from typing import Any

from yorum.lang.tr.text import has_turkish_letters

_LOCK = threading.Lock()
# Letters unique to Turkish among the languages yorum knows: a strong hint on their own.
_TR_ONLY = frozenset("ğĞışŞİ")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _detector() -> Any:
    with _LOCK:
        from lingua import Language, LanguageDetectorBuilder

        return LanguageDetectorBuilder.from_languages(Language.TURKISH, Language.ENGLISH).build()


def _latin_share(text: str) -> tuple[int, int]:
    """(letters, Latin letters) of the text."""
    letters = sum(map(str.isalpha, text))
    if text.isascii():
        return letters, letters
    foreign = sum(
        1
        for ch in _NON_ASCII.findall(text)
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, "")
    )
    return letters, letters - foreign


def detect(text: str) -> tuple[str, float]:
    """Return ("tr" | "en" | "other", confidence in [0, 1])."""
    sample = text[:2000]
    letters, latin = _latin_share(sample)
    if letters == 0:
        return "other", 1.0
    if latin / letters < 0.5:
        return "other", 1 - latin / letters
    values = _detector().compute_language_confidence_values(sample)
    scores = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
    tr, en = scores.get("tr", 0.0), scores.get("en", 0.0)
    if any(ch in _TR_ONLY for ch in sample) and tr >= 0.2:
        return "tr", max(tr, 0.9)
    if tr >= en:
        return "tr", tr
    if has_turkish_letters(sample) and en < 0.9:
        return "tr", 1 - en
    return "en", en
