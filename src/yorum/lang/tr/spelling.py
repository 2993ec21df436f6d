"""Turkish spelling, word by word: known words, common rule errors, clitics written joined, fixes.

Validity comes from :mod:`yorum.lang.tr.morphology`; this module adds the lists around it (rule
errors, frequencies, names, foreign words) and the corrections. All data loads once, lazily.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from yorum.lang.tr import morphology
from yorum.lang.tr.text import ascii_fold

ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
SPECIAL = frozenset("çğıöşü")
COMMON_FIX = 300  # Zipf x 100 a correction must have: rarer neighbours are likely real words...
CLEAR_WIN = 50  # ...and it must beat the next candidate by this much
LONG_WORD = 6  # from this length, a unique valid word one edit away is a confident fix
NUMBERS = (
    "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", "on", "yirmi", "otuz",
    "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan", "yüz", "bin", "milyon", "milyar",
    "buçuk",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Data:
    rule_words: dict[str, str]  # wrong → correct (also as typed without Turkish letters)
    rule_stems: tuple[tuple[str, str], ...]  # (wrong, correct) of "*" entries: suffixes follow
    rule_pairs: dict[tuple[str, str], str]  # two words written apart → correct
    pair_stems: tuple[tuple[tuple[str, str], str], ...]  # the same, suffixes may follow
    frequency: dict[str, int]  # valid word → Zipf x 100
    accepted: frozenset[str]  # common English words, real words the morphology misses


_LOCK = threading.Lock()
_DATA: Data | None = None


def read_list(name: str) -> list[str]:
    """Lines of a data file, without comments and blank lines."""
    text = resources.files("yorum.lang.tr").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _load() -> Data:
    words: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    pairs: dict[tuple[str, str], str] = {}
    pair_stems: list[tuple[tuple[str, str], str]] = []
    for line in read_list("spelling_rule_errors.txt"):
        wrong, correct, _ = line.split("\t")
        inflects = wrong.endswith("*")
        wrong, correct = wrong.rstrip("*"), correct.rstrip("*")
        if " " in wrong:
            first, second = wrong.split(" ")
            pairs[(first, second)] = correct
            if inflects:
                pair_stems.append(((first, second), correct))
            continue
        # Typed without Turkish letters too (yanliz, birsey): restoring them would not fix it.
        for form in {wrong, ascii_fold(wrong)}:
            words[form] = correct
            if inflects:
                stems.append((form, correct))
    freq: dict[str, int] = {}
    for line in read_list("spelling_frequent.txt"):
        word, value = line.split("\t")
        freq[word] = int(value)
    stems.sort(key=lambda s: -len(s[0]))
    return Data(
        rule_words=words,
        rule_stems=tuple(stems),
        rule_pairs=pairs,
        pair_stems=tuple(pair_stems),
        frequency=freq,
        accepted=frozenset(read_list("spelling_accepted.txt")),
    )


def data() -> Data:
    global _DATA
    if _DATA is None:
        with _LOCK:
            if _DATA is None:
                _DATA = _load()
                morphology.lexicon()
    return _DATA


def rule_error(word: str) -> str | None:
    """The correction of a listed rule error (``herkezin`` → ``herkesin``), or None."""
    d = data()
    if word in d.rule_words:
        return d.rule_words[word]
    if not word.startswith(_rule_stem_heads()):  # one C-level test for the common case
        return None
    for wrong, correct in d.rule_stems:
        if word.startswith(wrong) and len(word) > len(wrong):
            fixed = correct + word[len(wrong) :]
            if morphology.is_valid(fixed.rsplit(" ", 1)[-1]):
                return fixed
    return None


@cache
def _rule_stem_heads() -> tuple[str, ...]:
    return tuple(wrong for wrong, _ in data().rule_stems)


def pair_error(first: str, second: str) -> str | None:
    """The correction of two listed words written apart (``bir çok`` → ``birçok``), or None."""
    d = data()
    fixed = d.rule_pairs.get((first, second))
    if fixed is not None:
        return fixed
    for (a, b), correct in d.pair_stems:
        if first == a and second.startswith(b) and morphology.is_valid(correct + second[len(b) :]):
            return correct + second[len(b) :]
    return None


def is_known(word: str) -> bool:
    """Valid by morphology, a compound or number written as one word, or a common foreign word."""
    return (
        morphology.is_valid(word)
        or word in data().accepted
        or _is_number(word)
        or morphology.is_compound(word)
    )


def _is_number(word: str) -> bool:
    """Numbers written as one word (``onbeş``, ``ikibinüç``): not worth flagging."""
    for n in NUMBERS:
        rest = word[len(n) :]
        if not word.startswith(n) or not rest.startswith(NUMBERS):
            continue
        if morphology.is_valid(rest) or _is_number(rest):
            return True
    return False


# Case endings (and -deki, the copula -dir) that a proper name takes after an apostrophe.
CASE_ENDING = re.compile(r"y?[ae]|y?[ıiuü]|n?[ıiuü]n|[dt][ae]n?|[dt][ae]ki|y?l[ae]|[dt][ıiuü]r")
MIN_NAME = 4  # shorter names clash with colloquial words (Valla: Val'la?)
MIN_ENDING = 2  # one vowel (Halide: Halid'e?) is as often the end of a name missing from the list
# Language names (Türkçe), -isms and dynasties are no proper names to the apostrophe rule (TDK).
# (Fenerbahçe, Bahçelievler: a garden, not a language.)
NOT_NAMES = re.compile(r".*(?:(?<!bah)[cç][ae]|[iı]zm|osmanlı)|ibn")


@lru_cache(maxsize=20_000)
def missing_apostrophe(word: str) -> str | None:
    """``türkiyede`` → ``türkiye'de``: a name with a case ending and no apostrophe, or None.

    Not for words that are also common words (``denizde``) or names as they stand (``mersin``),
    nor for derivations that take no apostrophe (``ankaralı``, ``türkler``, ``türkçe``).
    """
    if morphology.is_valid(word) or word in data().accepted:
        return None  # not is_known: a name may split as a compound (atatürkün: ata + türkün)
    found = morphology.name_splits(word)
    if not found or any(not tail for _, tail in found):
        return None
    name, tail = found[0]
    if len(name) < MIN_NAME or len(tail) < MIN_ENDING or NOT_NAMES.fullmatch(name):
        return None
    if not CASE_ENDING.fullmatch(tail):
        return None
    return f"{name}'{tail}"


# Spoken endings written down: future gelicem/yapacam/gidecez, progressive yapıyom/gidiyon.
SPOKEN_FUTURE = re.compile(r"[aeıi]?([cç])[ae]([mz])$")
SPOKEN_PROGRESSIVE = re.compile(r"yo([mn])$")
SPOKEN_NARROWED = re.compile(r"[ıiuü][cç][ae][mz]$")  # gidicem, yapıcaz: never a written word
NARROWED_NEGATIVE = re.compile(r"m[ıi]y([ae])c")


@lru_cache(maxsize=20_000)
def colloquial(word: str) -> str | None:
    """The written form of a spoken ending (``gelicem`` → ``geleceğim``), when it is a word."""
    m = SPOKEN_PROGRESSIVE.search(word)
    if m is not None:
        cand = word[: m.start()] + ("yorum" if m.group(1) == "m" else "yorsun")
        return cand if is_known(cand) else None
    m = NARROWED_NEGATIVE.search(word)
    if m is not None:  # ayırmıyacak → ayırmayacak, gelmiyecek → gelmeyecek
        a = m.group(1)
        cand = f"{word[: m.start()]}m{a}y{a}c{word[m.end() :]}"
        return cand if not is_known(word) and is_known(cand) else None
    m = SPOKEN_FUTURE.search(word)
    if m is None or m.start() < 2:
        return None
    stem, c, person = word[: m.start()], m.group(1), m.group(2)
    for a, i in (("e", "i"), ("a", "ı")):
        for buffer in ("y",) if stem[-1] in morphology.VOWELS else ("",):
            cand = f"{stem}{buffer}{a}{c}{a}ğ{i}{person}"
            if is_known(cand):
                return cand
    return None


def is_name(word: str) -> bool:
    """A proper name of the lexicon, bare or with suffixes (``amerikalı``)."""
    return morphology.is_name_form(word)


@lru_cache(maxsize=20_000)
def lacks_letters(word: str) -> bool:
    """True when restoring ç ğ ı ö ş ü alone makes the word valid (the ``turkish_chars`` rule's)."""
    if not any(ch in "cgiosu" for ch in word):
        return False
    from yorum.lang.tr.deasciify import restore_word

    restored = restore_word(ascii_fold(word))[0]
    return restored != word and _restores(restored, word, ascii_fold(word)) and is_known(restored)


@lru_cache(maxsize=4096)
def suggest(word: str) -> str | None:
    """A confident correction one edit away, preferring frequent words; None if unsure."""
    freq = data().frequency
    fold = ascii_fold(word)
    # Restoring letters is the turkish_chars rule's job: edits that only do that are not fixes.
    known = [e for e in freq.keys() & _edits(word) if not _restores(e, word, fold)]
    ranked = sorted(((freq[e], e) for e in known), reverse=True)
    if ranked:
        clear = len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= CLEAR_WIN
        return ranked[0][1] if clear and ranked[0][0] >= COMMON_FIX else None
    valid = _valid_cheap_edits(word)
    if len(valid) == 1 and len(word) >= LONG_WORD:
        return valid[0]  # a rare inflection of a word: kitaplarımızdn → kitaplarımızdan
    return None if valid else _split(word)


def _restores(edit: str, word: str, fold: str) -> bool:
    """Whether an edit only puts back ç ğ ı ö ş ü (the turkish_chars rule's business); taking a
    wrong one away (ekonomı → ekonomi) is a spelling fix."""
    return ascii_fold(edit) == fold and sum(ch in SPECIAL for ch in edit) >= sum(
        ch in SPECIAL for ch in word
    )


def _valid_cheap_edits(word: str) -> list[str]:
    """Valid words one deletion, transposition or doubled consonant away (at most two: callers
    need 0, 1, many).

    Morphology is checked only on these few edits: on every edit it cost tens of ms a word.
    """
    fold = ascii_fold(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    cheap = {a + b[1:] for a, b in splits if b}
    cheap |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    cheap |= {a + b[0] + b for a, b in splits if b and b[0] not in morphology.VOWELS}  # müteahhit
    cheap.discard(word)
    found: list[str] = []
    for e in sorted(cheap):
        if ascii_fold(e) != fold and morphology.is_valid(e):
            found.append(e)
            if len(found) == 2:
                break
    return found


def _split(word: str) -> str | None:
    """Two common words written as one (``ihalelerialan`` → ``ihaleleri alan``)."""
    freq = data().frequency
    best = max(
        ((min(freq[word[:i]], freq[word[i:]]), i) for i in range(2, len(word) - 1)
         if freq.get(word[:i], 0) >= COMMON_FIX and freq.get(word[i:], 0) >= COMMON_FIX),
        default=None,
    )  # fmt: skip
    return None if best is None else f"{word[: best[1]]} {word[best[1] :]}"


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    out.discard(word)
    return out
