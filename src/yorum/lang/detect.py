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
# Turkish names (Izmir, Kadıköy) pull English comments ("Stay safe, Izmir.") to Turkish. Text
# with no Turkish letter outside a name is English when at least two of its words are common in
# English and far less common in Turkish (wordfreq Zipf), and they are most of its words.
ENGLISH_ZIPF = 3.5
MORE_ENGLISH_BY = 1.0
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# A capitalised word with a Turkish letter (Kadıköy's, Göcek, Diyarbakır): a name, in any language.
_NAME = re.compile(r"\b[A-ZÇĞİÖŞÜ][^\W\d_]*[çğıöşüÇĞİÖŞÜ][^\W\d_]*(?:['’][^\W\d_]+)?")


def _letters_only_in_names(text: str) -> bool:
    return not has_turkish_letters(_NAME.sub(" ", text))


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


def _english_words(text: str) -> bool:
    """Whether most words, names aside, are common English words rare in Turkish."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in _WORD.findall(_NAME.sub(" ", text))]
    english = [
        w
        for w in words
        if (z := zipf_frequency(w, "en")) >= ENGLISH_ZIPF
        and z - zipf_frequency(w, "tr") >= MORE_ENGLISH_BY
    ]
    return len(english) >= 2 and 2 * len(english) > len(words)


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
    names_only = _letters_only_in_names(sample)  # no Turkish letter outside a name
    if names_only and _english_words(sample):
        return "en", en  # "Stay safe, Izmir.", "Kadıköy's street musicians are the best"
    if any(ch in _TR_ONLY for ch in sample) and tr >= 0.2:
        return "tr", max(tr, 0.9)
    if tr >= en:
        return "tr", tr
    if has_turkish_letters(sample) and en < 0.9:
        return "tr", 1 - en
    return "en", en
