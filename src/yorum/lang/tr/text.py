"""Turkish casing and the folding used for matching.

Python's ``str.lower`` maps ``I`` to ``i`` and ``İ`` to ``i̇`` (two code points); Turkish needs
``I``→``ı`` and ``İ``→``i``. Everything in yorum that changes case goes through these functions.
"""

from __future__ import annotations

_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})

TURKISH_LETTERS = frozenset("çğıöşüÇĞİÖŞÜ")
ASCII_FOLD = str.maketrans("çğıöşüÇĞİÖŞÜâîûÂÎÛ", "cgiosuCGIOSUaiuAIU")


def tr_lower(text: str) -> str:
    return text.translate(_LOWER).lower()


def tr_upper(text: str) -> str:
    return text.translate(_UPPER).upper()


def tr_capitalize(word: str) -> str:
    """Upper-case the first letter only, Turkish-style (``istanbul`` → ``İstanbul``)."""
    return tr_upper(word[:1]) + word[1:] if word else word


def ascii_fold(text: str) -> str:
    """Replace the Turkish letters with their ASCII look-alikes (``görüşme`` → ``gorusme``)."""
    return text.translate(ASCII_FOLD)


def has_turkish_letters(text: str) -> bool:
    return any(ch in TURKISH_LETTERS for ch in text)
