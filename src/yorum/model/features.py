"""Text → model features: Turkish normalisation, word n-grams, char n-grams inside words.

Pure stdlib at run time. Training and scoring both call these functions, so the model sees the
same features in both. The folding is the model's own (not ``yorum.lang.fold``) on purpose: a change
to shared folding would silently shift the features the shipped weights were trained on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from yorum.lang.tr.text import ascii_fold, tr_lower

FEATURES_VERSION = 2
BLOCKS = ("word", "char", "stem")
CHAR_LO, CHAR_HI = 1, 5
STEM_LEN = 5
USER = "<user>"
URL = "<url>"

# url | mention | a word with inner joiners (s.i.k, a*q, Kim'in) | one symbol such as an emoji
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+|\bURL\b)"
    r"|(?P<user>@\w+)"
    r"|(?P<word>[\w@$]+(?:[.*\-_'’+][\w@$]+)*)"
    r"|(?P<sym>[^\w\s.,;:!?'\"()\[\]{}<>/\\|%&=+\-*’“”«»…])"
)
_JOINERS = re.compile(r"[.*\-_'’+]")
_LOOKALIKE = str.maketrans(
    "аеорсухіјѕкмнтвαειοκνρτυχ",
    "aeopcyxijskmhtbaeioknptux",
)
_LEET = str.maketrans("0134578@$€", "oieastbase")
_PIECE = re.compile(r"[\w@$]+")
_RUNS = re.compile(r"([^\W\d_])\1{2,}")
_SPACED_GAP = re.compile(r"[\s.*\-_]{1,3}")


class Tok(NamedTuple):
    """One normalised token and where it came from: ``text[start:end]``."""

    norm: str
    start: int
    end: int
    kind: str  # "word", "user", "url", "sym"


Part = tuple[str, int, int]  # normal form, start and end relative to the raw word
_PARTS: dict[str, tuple[Part, ...]] = {}
_PARTS_MAX = 100_000


def fold_word(raw: str) -> str:
    """Turkish lower case, look-alike letters, leetspeak digits, long letter runs squeezed."""
    word = tr_lower(raw).translate(_LOOKALIKE)
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    if any(c.isalpha() for c in word) and not word.isalpha():
        word = word.translate(_LEET)
    return _RUNS.sub(r"\1", word)


def _split_word(raw: str) -> tuple[Part, ...]:
    """Join ``s.i.k`` / ``a*q`` (all parts ≤ 2 chars or apostrophe suffixes), else split."""
    parts = _JOINERS.split(raw)
    joined = all(len(p) <= 2 or p.isdigit() for p in parts) or "'" in raw or "’" in raw
    if len(parts) == 1 or joined:
        norm = fold_word("".join(parts))
        return ((norm, 0, len(raw)),) if norm else ()
    found = ((fold_word(m.group()), m.start(), m.end()) for m in _PIECE.finditer(raw))
    return tuple(p for p in found if p[0])


def word_parts(raw: str) -> tuple[Part, ...]:
    """The normalised parts of one raw word (memoised: words repeat)."""
    got = _PARTS.get(raw)
    if got is None:
        got = _split_word(raw)
        if len(_PARTS) >= _PARTS_MAX:
            _PARTS.clear()
        _PARTS[raw] = got
    return got


def _join_spaced(toks: list[Tok], text: str) -> list[Tok]:
    """``s i k t i r`` (≥ 3 single letters in a row) becomes one word."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        j = i
        while (
            j < len(toks)
            and toks[j].kind == "word"
            and len(toks[j].norm) == 1
            and toks[j].norm.isalpha()
            and (j == i or _SPACED_GAP.fullmatch(text[toks[j - 1].end : toks[j].start]))
        ):
            j += 1
        if j - i >= 3:
            norm = "".join(t.norm for t in toks[i:j])
            out.append(Tok(norm, toks[i].start, toks[j - 1].end, "word"))
            i = j
        else:
            out.append(toks[i])
            i += 1
    return out


def tokenize(text: str) -> list[Tok]:
    """Normalised tokens with spans into ``text``."""
    return list(_tokenize(text))


@lru_cache(maxsize=256)  # both models read the same comment, one after the other
def _tokenize(text: str) -> tuple[Tok, ...]:
    toks: list[Tok] = []
    append = toks.append
    singles = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        start = m.start()
        if kind == "word":
            for norm, a, b in word_parts(m.group()):
                append(Tok(norm, start + a, start + b, "word"))
                singles += len(norm) == 1
        elif kind == "sym":
            if unicodedata.category(m.group())[0] == "S":
                append(Tok(m.group(), start, m.end(), "sym"))
        else:
            append(Tok(USER if kind == "user" else URL, start, m.end(), kind or "url"))
    return tuple(_join_spaced(toks, text) if singles >= 3 else toks)


def char_ngrams(word: str, lo: int, hi: int) -> list[str]:
    """Char n-grams of the ASCII-folded word padded with spaces (never across words)."""
    padded = f" {ascii_fold(word)} "
    n_chars = len(padded)
    return [padded[i : i + n] for n in range(lo, hi + 1) for i in range(n_chars - n + 1)]


def stem(norm: str) -> str:
    """Poor man's stem: the first letters of the ASCII-folded word (Turkish suffixes trail)."""
    return norm if norm in (USER, URL) else ascii_fold(norm)[:STEM_LEN]


def has_chars(tok: Tok) -> bool:
    """Whether a token gets char n-grams (words with a letter; not mentions, links, symbols)."""
    return tok.kind == "word" and not tok.norm.isdigit()


Units = list[list[str]]


def _grams(units: list[str]) -> Units:
    return [[u] for u in units] + [[f"{a} {b}"] for a, b in pairwise(units)]


def doc_units(text: str) -> tuple[Units, Units, Units]:
    """The feature units of a text per block (training view).

    A unit is what one token (or one pair of neighbours) adds: its word, its char n-grams, its
    stem; the word and stem bigrams of each pair. The model normalises a block by the units'
    own norms, so a token's share of every score can be computed once and cached.
    """
    toks = tokenize(text)
    chars = [char_ngrams(t.norm, CHAR_LO, CHAR_HI) for t in toks if has_chars(t)]
    return _grams([t.norm for t in toks]), chars, _grams([stem(t.norm) for t in toks])
