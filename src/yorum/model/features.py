"""Text → model features: Turkish normalisation, word n-grams, char n-grams inside words.

Pure stdlib at run time. Training and scoring both call these functions, so the model sees the
same features in both. The folding is the model's own (not ``yorum.lang.fold``) on purpose: a change
to shared folding would silently shift the features the shipped weights were trained on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from yorum.lang.tr.text import ascii_fold, tr_lower

FEATURES_VERSION = 1
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
_RUNS = re.compile(r"([^\W\d_])\1{2,}")
_SPACED_GAP = re.compile(r"[\s.*\-_]{1,3}")


@dataclass(frozen=True, slots=True)
class Tok:
    """One normalised token and where it came from: ``text[start:end]``."""

    norm: str
    start: int
    end: int
    kind: str  # "word", "user", "url", "sym"


def fold_word(raw: str) -> str:
    """Turkish lower case, look-alike letters, leetspeak digits, long letter runs squeezed."""
    word = tr_lower(raw).translate(_LOOKALIKE)
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    if any(c.isalpha() for c in word) and not word.isalpha():
        word = word.translate(_LEET)
    return _RUNS.sub(r"\1", word)


def _word_parts(raw: str, start: int) -> list[Tok]:
    """Join ``s.i.k`` / ``a*q`` (all parts ≤ 2 chars or apostrophe suffixes), else split."""
    parts = _JOINERS.split(raw)
    if (
        len(parts) == 1
        or all(len(p) <= 2 or p.isdigit() for p in parts)
        or "'" in raw
        or "’" in raw
    ):
        joined = "".join(parts)
        return [Tok(fold_word(joined), start, start + len(raw), "word")] if joined else []
    out: list[Tok] = []
    for m in re.finditer(r"[\w@$]+", raw):
        out.append(Tok(fold_word(m.group()), start + m.start(), start + m.end(), "word"))
    return out


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
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        if kind == "word":
            toks.extend(t for t in _word_parts(m.group(), m.start()) if t.norm)
        elif kind == "sym":
            if unicodedata.category(m.group())[0] == "S":
                toks.append(Tok(m.group(), m.start(), m.end(), "sym"))
        else:
            toks.append(Tok(USER if kind == "user" else URL, m.start(), m.end(), kind))
    return _join_spaced(toks, text)


def char_ngrams(word: str, lo: int, hi: int) -> list[str]:
    """Char n-grams of the ASCII-folded word padded with spaces (never across words)."""
    padded = f" {ascii_fold(word)} "
    n_chars = len(padded)
    return [padded[i : i + n] for n in range(lo, hi + 1) for i in range(n_chars - n + 1)]


def grams(units: list[str]) -> list[str]:
    """Unigrams then bigrams; bigram ``i`` joins units ``i`` and ``i + 1``."""
    return units + [f"{a} {b}" for a, b in pairwise(units)]


def stem(tok: Tok) -> str:
    """Poor man's stem: the first letters of the ASCII-folded word (Turkish suffixes trail)."""
    return ascii_fold(tok.norm)[:STEM_LEN] if tok.kind == "word" else tok.norm


def has_chars(tok: Tok) -> bool:
    """Whether a token gets char n-grams (words with a letter; not mentions, links, symbols)."""
    return tok.kind == "word" and not tok.norm.isdigit()


def doc_features(text: str) -> tuple[list[str], list[str], list[str]]:
    """The three feature blocks of a text (training view): words, chars, stems."""
    toks = tokenize(text)
    chars = [g for t in toks if has_chars(t) for g in char_ngrams(t.norm, CHAR_LO, CHAR_HI)]
    return grams([t.norm for t in toks]), chars, grams([stem(t) for t in toks])
