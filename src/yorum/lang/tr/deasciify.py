"""Restore the Turkish letters of text typed without them (``gorusme`` → ``görüşme``).

Known words come from a lexicon of spellings with frequencies; an ambiguous word (``su``/``şu``)
is settled by its neighbours (counts from a bigram language model and from tweets) and, for the
question particle, by vowel harmony. An unknown word is decoded letter by letter with a character
model learned from the lexicon, favouring spellings whose beginning is a known word. Data:
``data/deasciify_*`` (built by ``training/build_deasciifier.py``).
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from yorum.lang.tr.text import ascii_fold, tr_lower, tr_upper

AMBIGUOUS = "cgiosu"
ACCENT = {"c": "ç", "g": "ğ", "i": "ı", "o": "ö", "s": "ş", "u": "ü"}
VOWELS = frozenset("aeıioöuü")
_FRONT = frozenset("eiöü")
_DATA = "yorum.lang.tr.data"
_LOCK = threading.Lock()

# Character model: contexts grow alternately on the left (restored) and right (folded) side.
_CHAIN = ((0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (4, 3), (4, 4), (5, 4), (5, 5))
_SMOOTH = 1.0  # pseudo-count pulling a context's estimate towards its shorter context's
_BEAM = 4
_PREFIX_BONUS = 4.0  # natural-log bonus for a restored beginning that is a known word
_PREFIX_MIN = 3
_SEED = 1.0  # letter score given to a known beginning that fell out of the beam
_OFF_LEXICON = -2.0  # bonus of a beginning whose key is known but not its spelling
_CONTEXT_PRIOR = 5.0  # pseudo-count of the frequency prior against neighbour counts
_KNOWN_PLAIN = 0.99  # confidence in a spelling that is the only one of its key

# The question particle and its personal endings: its vowel follows the word before it.
_PARTICLE = re.compile(
    r"^m[iu](?:y[iu]m|s[iu]n|y[iu]z|s[iu]n[iu]z|d[iu]r|d[iu]rlar|yd[iu](?:m|n|k|n[iu]z|lar)?"
    r"|ym[iu]s|ys[ae]|ler|lar)?$"
)
_SKIP = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|[@#]\w+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_APOSTROPHE = re.compile("(['’])")
_UNITS = ("sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_NUMERALS = tuple(
    sorted(
        ((ascii_fold(w), w) for w in (*_UNITS[1:], *_TENS[1:], "yüz", "bin", "milyon", "milyar")),
        key=lambda fw: -len(fw[0]),
    )
)


def mask_of(word: str) -> int:
    """Bit i is set when the i-th of the word's c g i o s u letters (folded) is accented."""
    mask = bit = 0
    for ch in word:
        if ch in "çğıöşü":
            mask |= 1 << bit
            bit += 1
        elif ch in AMBIGUOUS:
            bit += 1
    return mask


def apply_mask(key: str, mask: int) -> str:
    if not mask:
        return key
    out = []
    bit = 0
    for ch in key:
        if ch in AMBIGUOUS:
            out.append(ACCENT[ch] if mask >> bit & 1 else ch)
            bit += 1
        else:
            out.append(ch)
    return "".join(out)


def quantise(log10_freq: float) -> int:
    return max(0, min(255, round((log10_freq + 10.0) * 20.0)))


def _log_freq(score: int) -> float:
    """Natural-log frequency of a quantised score."""
    return (score / 20.0 - 10.0) * math.log(10.0)


def char_context_keys(left: str, folded: str, p: int) -> Iterator[str]:
    """Contexts of ``folded[p]``, shortest first; ``left`` is the restored text before it."""
    ch = folded[p]
    vowel = ""
    if ch in "iuo":
        vowel = next((c for c in reversed(left) if c in VOWELS), "-")
    last = ""
    for a, b in _CHAIN:
        ctx = f"{left[max(0, p - a) : p]}|{ch}|{folded[p + 1 : p + 1 + b]}|{vowel}"
        if ctx != last:
            yield ctx
        last = ctx


@dataclass(frozen=True, slots=True)
class Spelling:
    word: str
    log_freq: float  # natural log
    dictionary: bool  # a dictionary word or seen in edited text, not only a typing habit


@dataclass(frozen=True, slots=True)
class _Data:
    keys: list[str]
    offsets: list[int]
    masks: list[int]
    scores: list[int]
    flags: list[int]
    context: dict[tuple[str, str, str], int]
    context_total: dict[tuple[str, str], int]
    chars: list[str]


def _text_lines(name: str) -> list[str]:
    text = resources.files(_DATA).joinpath(name).read_text("utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


@cache
def _data() -> _Data:
    with _LOCK:
        with resources.files(_DATA).joinpath("deasciify_lexicon.npz").open("rb") as fh:
            npz = np.load(fh)
            keys = npz["keys"].tobytes().decode("ascii").split("\n")
            offsets, masks = npz["offsets"].tolist(), npz["masks"].tolist()
            scores, flags = npz["scores"].tolist(), npz["flags"].tolist()
        context: dict[tuple[str, str, str], int] = {}
        total: dict[tuple[str, str], int] = {}
        for line in _text_lines("deasciify_context.tsv"):
            side, neighbour, word, n = line.split("\t")
            context[side, neighbour, word] = int(n)
            total[side, word] = total.get((side, word), 0) + int(n)
        chars = _text_lines("deasciify_chars.tsv")
        return _Data(keys, offsets, masks, scores, flags, context, total, chars)


@lru_cache(maxsize=65536)
def spellings(key: str) -> tuple[Spelling, ...]:
    """Known spellings of a folded lower-case word, most frequent first; () if unknown."""
    data = _data()
    i = bisect_left(data.keys, key)
    if i == len(data.keys) or data.keys[i] != key:
        return ()
    return tuple(
        Spelling(apply_mask(key, data.masks[j]), _log_freq(data.scores[j]), bool(data.flags[j]))
        for j in range(data.offsets[i], data.offsets[i + 1])
    )


@lru_cache(maxsize=65536)
def _char_counts(ctx: str) -> tuple[int, int] | None:
    chars = _data().chars
    probe = ctx + "\t"
    i = bisect_left(chars, probe)
    if i == len(chars) or not chars[i].startswith(probe):
        return None
    _, plain, accented = chars[i].split("\t")
    return int(plain), int(accented)


def _p_accent(left: str, folded: str, p: int) -> float:
    prob = 0.5
    for ctx in char_context_keys(left, folded, p):
        counts = _char_counts(ctx)
        if counts is None:
            break
        plain, accented = counts
        prob = (accented + _SMOOTH * prob) / (plain + accented + _SMOOTH)
    return min(max(prob, 1e-4), 1 - 1e-4)


def _prefix_bonus(key: str) -> dict[str, float]:
    """Known spellings of ``key`` with a bonus that is highest for the most frequent one."""
    known = spellings(key)
    if not known:
        return {}
    top = known[0].log_freq
    return {s.word: _PREFIX_BONUS + max(s.log_freq - top, -3 * math.log(10)) for s in known}


@lru_cache(maxsize=32768)
def _decode(left: str, key: str) -> tuple[str, float]:
    """Beam-decode ``key`` after the restored ``left``; returns the spelling and its posterior.

    A hypothesis scores its letters' log-probabilities plus a bonus set by the longest of its
    beginnings that is a known key: high for a known spelling of it, negative for another.
    """
    folded = "^" + ascii_fold(left) + key + "$"
    start = len(left) + 1
    hyps: list[tuple[float, float, str]] = [(0.0, 0.0, "^" + left)]
    for p in range(start, len(folded) - 1):
        ch = folded[p]
        prefix = not left and p - start >= _PREFIX_MIN - 1 and p < len(folded) - 2
        bonus = _prefix_bonus(folded[start : p + 1]) if prefix else {}
        grown: list[tuple[float, float, str]] = []
        for score, extra, text in hyps:
            if ch in AMBIGUOUS:
                prob = _p_accent(text, folded, p)
                options = [(score + math.log(1 - prob), text + ch)]
                options.append((score + math.log(prob), text + ACCENT[ch]))
            else:
                options = [(score, text + ch)]
            for s, t in options:
                grown.append((s, bonus.get(t[1:], _OFF_LEXICON) if bonus else extra, t))
        if bonus:
            top = max(h[0] for h in grown)
            have = {h[2] for h in grown}
            grown.extend((top - _SEED, b, "^" + w) for w, b in bonus.items() if "^" + w not in have)
        grown.sort(key=lambda h: -(h[0] + h[1]))
        hyps = grown[:_BEAM]
    best = hyps[0][0] + hyps[0][1]
    total = sum(math.exp(s + e - best) for s, e, _ in hyps)
    return hyps[0][2][start:], 1.0 / total


def _numeral(key: str) -> str | None:
    """A number written as one word (``ikiyuzkirkyedi``), restored; None if it is not one."""
    out: list[str] = []
    rest = key
    while rest:
        for folded, word in _NUMERALS:
            if rest.startswith(folded):
                out.append(word)
                rest = rest[len(folded) :]
                break
        else:
            return None
    return "".join(out) if len(out) > 1 else None


def _last_vowel(word: str) -> str | None:
    return next((c for c in reversed(word) if c in VOWELS), None)


def _harmonise(key: str, before: str) -> str | None:
    """The particle ``key`` (mi, mu, misin, …) front or back after ``before``'s last vowel."""
    vowel = _last_vowel(before)
    if vowel is None:
        return None
    if vowel in _FRONT:
        return key.replace("u", "ü")
    return key.replace("i", "ı")


def _posterior(scores: dict[str, float]) -> tuple[str, float]:
    best = max(scores, key=scores.__getitem__)
    return best, 1.0 / sum(math.exp(v - scores[best]) for v in scores.values())


@lru_cache(maxsize=65536)
def _alone(key: str) -> tuple[str, float, bool]:
    """Restore a folded lower-case word without context: spelling, confidence, ambiguous."""
    known = spellings(key)
    if len(known) == 1:
        return known[0].word, _KNOWN_PLAIN, False
    if known:
        return *_posterior({s.word: s.log_freq for s in known}), True
    numeral = _numeral(key)
    if numeral:
        return numeral, _KNOWN_PLAIN, False
    return *_decode("", key), False


@lru_cache(maxsize=65536)
def _in_context(key: str, before: str | None, after: str | None) -> tuple[str, float]:
    """Choose among a key's spellings by the words around it (folded lower case)."""
    known = spellings(key)
    if before and _PARTICLE.match(key):
        harmonised = _harmonise(key, best_spelling(before))
        if harmonised and any(s.word == harmonised for s in known):
            return harmonised, _KNOWN_PLAIN
    data = _data()
    top = known[0].log_freq
    weights = {s.word: math.exp(s.log_freq - top) for s in known}
    norm = sum(weights.values())
    scores: dict[str, float] = {}
    for word, w in weights.items():
        prior = w / norm
        score = math.log(prior)
        for side, neighbour in (("L", before or "<s>"), ("R", after or "</s>")):
            seen = sum(data.context.get((side, neighbour, s.word), 0) for s in known)
            if seen:
                n = data.context.get((side, neighbour, word), 0)
                score += math.log((n + _CONTEXT_PRIOR * prior) / (seen + _CONTEXT_PRIOR) / prior)
        scores[word] = score
    return _posterior(scores)


@lru_cache(maxsize=65536)
def best_spelling(word_lower: str) -> str:
    """The most likely spelling of a lower-case word, without context."""
    if not word_lower.isascii():
        return word_lower
    key = ascii_fold(word_lower)
    known = spellings(key)
    return known[0].word if known else _decode("", key)[0]


def _number_word(digits: str) -> str:
    """How a number ends when read aloud (for the suffix after ``5'``, ``100'``)."""
    n = int(digits[-12:])
    for size, name in ((10**9, "milyar"), (10**6, "milyon"), (1000, "bin"), (100, "yüz")):
        if n and n % size == 0:
            return name
    if n % 10 == 0 and n:
        return _TENS[n // 10 % 10]
    return _UNITS[n % 10]


def _reading(part: str, restored: str) -> str:
    """The restored word as it sounds, for the vowel harmony of a suffix after an apostrophe."""
    if part.isdigit():
        return _number_word(part)
    spelled = part.isupper() and not re.search("[bcçdfgğhjklmnprsştvyz][aeıioöuü]", restored)
    if spelled and restored[-1] not in VOWELS:
        return restored + ("a" if restored[-1] == "k" else "e")  # ABD'nin: "abede"
    return restored


def _recase(original: str, restored: str) -> str:
    return "".join(
        tr_upper(r) if o.isupper() else r for o, r in zip(original, restored, strict=True)
    )


@lru_cache(maxsize=65536)
def _fold_key(word: str | None) -> str | None:
    """The folded lower-case form of an ASCII word, or None for anything else."""
    if not word or not word.isascii() or not word.isalpha():
        return None
    return ascii_fold(tr_lower(word))


@lru_cache(maxsize=65536)
def _neighbour_key(word: str | None) -> str | None:
    """A neighbour as the context statistics have it: folded, lower case, suffix included."""
    if not word:
        return None
    word = word.replace("’", "'")
    return ascii_fold(tr_lower(word)) if word.replace("'", "").isalpha() else None


@lru_cache(maxsize=65536)  # the turkish_chars rule and the patterns' text ask for the same words
def restore_word(word: str, prev: str | None = None, next: str | None = None) -> tuple[str, float]:
    """The word with its Turkish letters restored, case kept, and the confidence in [0, 1].

    A word that already has non-ASCII letters is returned as it is. ``prev`` and ``next`` are
    the neighbouring words as written; they settle ambiguous words (``su``/``şu``).
    """
    if not (word.isascii() and word.isalpha()):
        return _restore_parts(word)
    key = _fold_key(word) or ""
    restored, confidence, ambiguous = _alone(key)
    if ambiguous and (prev or next):
        restored, confidence = _in_context(key, _neighbour_key(prev), _neighbour_key(next))
    return (restored if word.islower() else _recase(word, restored)), confidence


def _restore_parts(word: str) -> tuple[str, float]:
    """A word with digits or an apostrophe suffix (``Kibris'in``, ``3'u``)."""
    if not word.replace("’", "'").isascii():
        return word, 1.0
    out: list[str] = []
    confidence = 1.0
    reading = ""
    for i, part in enumerate(_APOSTROPHE.split(word)):
        key = _fold_key(part)
        if i % 2 or key is None:
            out.append(part)
            if i == 0 and part.isdigit():
                reading = _number_word(part)
            continue
        if i == 0:
            restored, conf, _ = _alone(key)
            reading = _reading(part, restored)
        else:
            restored, conf = _decode(reading, key)
            reading += restored
        confidence = min(confidence, conf)
        out.append(_recase(part, restored))
    return "".join(out), confidence


def is_known(word: str) -> bool:
    """Whether the word (before any apostrophe) is in the lexicon in some spelling."""
    key = _fold_key(_APOSTROPHE.split(word, 1)[0])
    return bool(key and spellings(key))


def is_plain_word(word: str) -> bool:
    """Whether the word as typed, without Turkish letters, is itself a dictionary word (yasa)."""
    key = _fold_key(_APOSTROPHE.split(word, 1)[0])
    return bool(key) and any(s.dictionary and s.word == key for s in spellings(key or ""))


def _words(text: str) -> Iterator[re.Match[str]]:
    skip = [m.span() for m in _SKIP.finditer(text)]
    for m in _WORD.finditer(text):
        if not any(s <= m.start() < e for s, e in skip):
            yield m


def restore(text: str) -> str:
    """The whole text with Turkish letters restored; same length, URLs and mentions untouched."""
    matches = list(_words(text))
    out = list(text)
    for i, m in enumerate(matches):
        prev = matches[i - 1].group() if i else None
        nxt = matches[i + 1].group() if i + 1 < len(matches) else None
        restored, _ = restore_word(m.group(), prev, nxt)
        out[m.start() : m.end()] = restored
    return "".join(out)
