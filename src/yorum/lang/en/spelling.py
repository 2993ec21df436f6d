"""English spelling by dictionary: pyspellchecker's word frequencies, wordfreq as a second opinion.

Conservative on purpose: a word is misspelt only when neither list knows it, and a correction is
offered only when one candidate clearly wins.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

KNOWN_ZIPF = 2.0  # wordfreq frequency from which a word may be real English (slang, brands)...
MORE_COMMON_BY = 1.5  # ...unless a word one edit away is this much more frequent (Zipf)
CLEAR_WIN = 3.0  # the best candidate must be this many times as frequent as the next one
MIN_LENGTH = 3
MAX_LENGTH = 30  # longer tokens are no words

# Words confused with another that sounds the same, told apart by the next word.
_FOLLOWED_BY: dict[str, tuple[str, frozenset[str]]] = {
    "their": ("they're", frozenset({"going", "gonna", "not", "always", "never", "just", "all"})),
    "there": ("they're", frozenset({"going", "gonna"})),
    "your": (
        "you're",
        frozenset({"welcome", "going", "gonna", "right", "wrong", "not", "so", "being", "just"}),
    ),
    "its": ("it's", frozenset({"a", "an", "not", "been", "going", "time", "just", "so", "too"})),
    "could": ("could have", frozenset({"of"})),
    "should": ("should have", frozenset({"of"})),
    "would": ("would have", frozenset({"of"})),
    "must": ("must have", frozenset({"of"})),
}

_LOCK = threading.Lock()
_CHECKER: Any = None


def checker() -> Any:
    """pyspellchecker's English checker, loaded once (thread-safe)."""
    global _CHECKER
    if _CHECKER is None:
        with _LOCK:
            if _CHECKER is None:
                from spellchecker import SpellChecker

                _CHECKER = SpellChecker(language="en", distance=1)  # distance 2 cost ~1 ms a word
    return _CHECKER


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=50_000)
def is_misspelt(word_lower: str, capitalised: bool = False) -> bool:
    """True for a word in no English list, or a rare variant of a much more common word.

    A capitalised word that wordfreq knows (Eid, Brexit) is a name, whatever is near it.
    """
    word = word_lower.replace("’", "'")
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isalpha() or not word.isascii():
        return False
    spell = checker()
    if word in spell.word_frequency.dictionary:
        return False
    zipf = _zipf(word)
    if zipf < KNOWN_ZIPF:
        return True
    if capitalised:
        return False
    near = spell.known(spell.edit_distance_1(word))
    return any(_zipf(w) - zipf >= MORE_COMMON_BY for w in near)  # definately, recieve, teh


@lru_cache(maxsize=4096)
def correction(word_lower: str) -> str | None:
    """The clearly best known word one edit away, or None when unsure."""
    spell = checker()
    candidates = spell.candidates(word_lower) or set()
    freq = spell.word_frequency.dictionary
    ranked = sorted(((freq.get(c, 0), c) for c in candidates if c != word_lower), reverse=True)
    if not ranked or ranked[0][0] == 0:
        return None
    if len(ranked) > 1 and ranked[0][0] < CLEAR_WIN * ranked[1][0]:
        return None
    return str(ranked[0][1])


def pair_error(first: str, second: str) -> str | None:
    """``their going`` → ``they're going``, ``could of`` → ``could have``; None when fine."""
    got = _FOLLOWED_BY.get(first)
    if got is None or second not in got[1]:
        return None
    fixed, _ = got
    return fixed if second == "of" else f"{fixed} {second}"
