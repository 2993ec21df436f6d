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

# Words confused with another that sounds the same, told apart by the next word...
_FOLLOWED_BY: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "their": (
        ("they're", frozenset({"going", "gonna", "not", "always", "never", "just", "all"})),
        ("there", frozenset({"is", "was", "are", "were", "will", "has", "have", "must"})),
    ),
    "there": (("they're", frozenset({"going", "gonna"})),),
    "your": (
        (
            "you're",
            frozenset(
                {
                    "welcome",
                    "going",
                    "gonna",
                    "right",
                    "wrong",
                    "not",
                    "so",
                    "being",
                    "just",
                    "a",
                    "an",
                }
            ),
        ),
    ),
    "its": (
        (
            "it's",
            frozenset(
                {"a", "an", "not", "been", "going", "time", "just", "so", "too", "about", "the"}
                | {"really", "never", "always", "ridiculous", "getting", "very", "obvious"}
            ),
        ),
    ),
    "could": (("could have", frozenset({"of"})),),
    "should": (("should have", frozenset({"of"})),),
    "would": (("would have", frozenset({"of"})),),
    "must": (("must have", frozenset({"of"})),),
    "loose": (("lose", frozenset({"their", "his", "her", "my", "your", "our", "weight"})),),
}
# ...or by the word before it: "will loose" → "will lose", "higher then" → "higher than".
_COMPARATIVES = (
    "more", "less", "rather", "better", "worse", "higher", "lower", "bigger", "smaller",
    "larger", "greater", "fewer", "older", "younger", "cheaper", "faster", "slower", "longer",
    "shorter", "stronger", "weaker", "richer", "poorer", "harder", "easier", "earlier",
    "later", "safer", "riskier", "further", "farther",
)  # fmt: skip
_BEFORE_A_VERB = (
    "will", "would", "could", "might", "may", "to", "not", "never", "cannot", "can't",
    "won't", "don't", "didn't", "we", "they", "i", "you",
)  # fmt: skip
_PRECEDED_BY: dict[str, tuple[str, frozenset[str]]] = {
    "then": ("than", frozenset(_COMPARATIVES)),
    "loose": ("lose", frozenset(_BEFORE_A_VERB)),
}
TWO_EDITS_FROM = 7  # letters from which words two edits away are looked for (not selfie → self)
COMMON_ZIPF = 3.5  # a correction of an unknown capitalised word must be this common

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
def is_misspelt(word_lower: str, capitalised: bool = False, opens: bool = False) -> bool:
    """True for a word in no English list, or a rare variant of a much more common word.

    A capitalised word that wordfreq knows (Eid, Brexit) is a name, whatever is near it; an
    unknown one opening a sentence (Penistone) is a name unless it is near a common word.
    """
    word = word_lower.replace("’", "'")
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isalpha() or not word.isascii():
        return False
    spell = checker()
    if word in spell.word_frequency.dictionary or word in rule_errors():
        return word in rule_errors()
    if word in accepted():
        return False
    zipf = _zipf(word)
    if zipf < KNOWN_ZIPF:
        return not (capitalised or opens) or any(_zipf(w) >= COMMON_ZIPF for w in _near(word))
    if capitalised:
        return False
    return any(_zipf(w) - zipf >= MORE_COMMON_BY for w in _near(word))  # definately, tommorow


_CALENDAR = (
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
)  # fmt: skip
CALENDAR = frozenset(_CALENDAR)


@lru_cache(maxsize=4096)
def calendar_slip(word_lower: str) -> str | None:
    """A month or day name misspelt (Febuary, Wensday): capitalised, so no longer a name."""
    if len(word_lower) < 5 or word_lower in checker().word_frequency.dictionary:
        return None
    if _zipf(word_lower) >= KNOWN_ZIPF:
        return None
    found = sorted(_near(word_lower) & CALENDAR)
    return found[0] if len(found) == 1 else None


def _near(word: str) -> set[str]:
    """Known words one edit away, else (in longer words) two edits away where the first is a
    deletion or a swap (tommorow, publically, reccomend): all second edits cost a second a word."""
    spell = checker()
    near: set[str] = spell.known(spell.edit_distance_1(word))
    if near or len(word) < TWO_EDITS_FROM:
        return near
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    first = {a + b[1:] for a, b in splits if b} | {
        a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1
    }
    return {w for e in first for w in spell.known(spell.edit_distance_1(e)) if w != word}


@lru_cache(maxsize=1)
def accepted() -> frozenset[str]:
    """Current news words the dictionaries lack (doxxed, femicide, deepfake)."""
    from yorum.lang.lexicon import read_list

    return frozenset(read_list("yorum.lang.en.data", "spelling_accepted.txt"))


@lru_cache(maxsize=1)
def rule_errors() -> dict[str, str]:
    """Two words written as one (alot → a lot)."""
    from yorum.lang.lexicon import read_list

    lines = read_list("yorum.lang.en.data", "spelling_rule_errors.txt")
    return dict(line.split("\t") for line in lines)


@lru_cache(maxsize=4096)
def correction(word_lower: str) -> str | None:
    """The clearly best known word one edit away, or None when unsure."""
    if word_lower in rule_errors():
        return rule_errors()[word_lower]
    spell = checker()
    candidates = _near(word_lower)
    freq = spell.word_frequency.dictionary
    ranked = sorted(((freq.get(c, 0), c) for c in candidates if c != word_lower), reverse=True)
    if not ranked or ranked[0][0] == 0:
        return None
    if len(ranked) > 1 and ranked[0][0] < CLEAR_WIN * ranked[1][0]:
        return None
    return str(ranked[0][1])


def pair_error(first: str, second: str) -> str | None:
    """``their going`` → ``they're going``, ``could of`` → ``could have``, ``will loose`` →
    ``will lose``; None when fine."""
    for fixed, nexts in _FOLLOWED_BY.get(first, ()):
        if second in nexts:
            return fixed if second == "of" else f"{fixed} {second}"
    before = _PRECEDED_BY.get(second)
    if before is not None and first in before[1]:
        return f"{first} {before[0]}"
    return None
