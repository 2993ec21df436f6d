"""Disguising words the ways writers do, to measure how well the filters see through it.

Used by the evasion benchmark and tests; deterministic for a given random generator.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from yorum.lang.tr.text import tr_upper

LEET = {"i": "1", "o": "0", "a": "4", "e": "3", "s": "5", "t": "7"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "s": "ѕ", "x": "х"}
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
SEPARATORS = (".", "-", "_", " ", "*", ".")


def separators(word: str, rng: random.Random) -> str:
    sep = rng.choice(SEPARATORS)
    return sep.join(word)


def digits(word: str, rng: random.Random) -> str:
    out = [LEET.get(c, c) if rng.random() < 0.6 else c for c in word]
    if out == list(word):
        i = next((k for k, c in enumerate(word) if c in LEET), None)
        if i is not None:
            out[i] = LEET[word[i]]
    return "".join(out)


def repeats(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    return word[:i] + word[i] * rng.randint(2, 5) + word[i:]


def lookalikes(word: str, rng: random.Random) -> str:
    return "".join(CYRILLIC.get(c, c) if rng.random() < 0.7 else c for c in word)


def zero_width(word: str, rng: random.Random) -> str:
    i = rng.randint(1, max(1, len(word) - 1))
    return word[:i] + rng.choice(ZERO_WIDTH) + word[i:]


def mixed_case(word: str, rng: random.Random) -> str:
    return "".join(tr_upper(c) if rng.random() < 0.5 else c for c in word)


TRICKS: dict[str, Callable[[str, random.Random], str]] = {
    "separators": separators,
    "digits": digits,
    "repeats": repeats,
    "lookalikes": lookalikes,
    "zero_width": zero_width,
    "mixed_case": mixed_case,
}

SUFFIXES = ("", "", "ler", "lar", "ler", "in", "e", "sin", "ı")


def disguise(word: str, rng: random.Random, tricks: int = 1) -> tuple[str, str]:
    """Return (disguised, trick names). Tricks that split letters apply last."""
    names = rng.sample(sorted(TRICKS), k=tricks)
    names.sort(key=lambda n: n in ("separators", "zero_width"))
    out = word
    for name in names:
        out = TRICKS[name](out, rng)
    return out, "+".join(names)
