"""Evasion folding: undo the tricks writers use to slip a word past a filter.

Look-alike Cyrillic and Greek letters become Latin, digits and symbols inside words become the
letters they imitate, and case is Turkish-lowered. Turkish letters are kept (``sık`` is not
``sik``); callers that also want ASCII matching fold further with ``ascii_fold``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from itertools import pairwise

from yorum.lang.tr.text import tr_lower

_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "һ": "h", "ү": "y",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w",
        # Latin look-alikes
        "ı": "ı", "ɑ": "a", "ǝ": "e", "ß": "ss",
    }
)  # fmt: skip

# Digits and symbols used for letters, only when inside or next to letters.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
SEPARATORS = frozenset(".-_*+~^'`´’|/\\,:;")


def _compat(ch: str) -> str:
    if ch.isascii():
        return ch
    # Fullwidth and styled letters (ｓｉｋ, 𝐬𝐢𝐤) decompose to plain ones; keep Turkish letters.
    if ch in "çğıöşüÇĞİÖŞÜâîûÂÎÛ":
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded.isalpha() else ch


def fold_chars(text: str) -> str:
    """Look-alikes to Latin and Turkish lower case; same length as ``text`` for 1:1 maps."""
    lowered = tr_lower("".join(_compat(c) for c in text))
    return lowered.translate(_CONFUSABLES)


def deleet(word: str) -> str:
    """Digits/symbols to letters when the word also has letters (``s1kt1r`` → ``siktir``)."""
    if not any(c.isalpha() for c in word):
        return word
    return "".join(LEET.get(c, c) for c in word)


def squeeze(word: str) -> str:
    """Collapse every run of a repeated letter to one (``ssssiktirrr`` → ``siktir``)."""
    out: list[str] = []
    for c in word:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class Unit:
    """A word as a filter should see it: folded, with its span in the text it came from."""

    __slots__ = ("end", "folded", "joined", "squeezed", "start", "surface")

    def __init__(
        self,
        surface: str,
        folded: str,
        start: int,
        end: int,
        joined: bool,
        squeezed: str | None = None,
    ) -> None:
        self.surface = surface
        self.folded = folded
        self.start = start
        self.end = end
        self.joined = joined  # built from letters spread out with separators or spaces
        self.squeezed = squeeze(folded) if squeezed is None else squeezed

    def __repr__(self) -> str:
        return f"Unit({self.folded!r}, {self.start}, {self.end})"


def _is_wordish(c: str) -> bool:
    return c.isalnum() or c in LEET


# Runs of characters that are not space; inside them, runs of word-ish ones (see _is_wordish).
_CHUNK = re.compile(r"\S+")
_PIECE = re.compile(r"(?:[^\W_]|[!$@])+")  # alphanumerics and the LEET symbols


def _chunks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CHUNK.finditer(text)]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a chunk on separators and punctuation into word-ish pieces."""
    return [m.span() for m in _PIECE.finditer(text, start, end)]


_FOLDED: dict[str, tuple[str, str] | None] = {}
_FOLDED_MAX = 100_000
_MISSING = ("", "")


def _fold_surface(surface: str) -> tuple[str, str] | None:
    """(folded, squeezed) of a piece of text, None when no letter is left (memoised)."""
    kept = "".join(c for c in surface if _is_wordish(c))
    # Trailing "!" or "1" after letters is emphasis more often than a letter: strip it.
    kept = kept.rstrip("!")
    # A word typed in plain ASCII capitals uses "I" for both i and ı: lower it the ASCII way,
    # and let the ASCII forms of list entries decide.
    folded = deleet(kept.lower() if kept.isascii() else fold_chars(kept))
    if not any(c.isalpha() for c in folded):
        return None
    return folded, squeeze(folded)


def _unit(text: str, start: int, end: int, joined: bool) -> Unit | None:
    surface = text[start:end]
    got = _FOLDED.get(surface, _MISSING)
    if got is _MISSING:
        got = _fold_surface(surface)
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        _FOLDED[surface] = got
    return None if got is None else Unit(surface, got[0], start, end, joined, got[1])


@cache
def _masked_words() -> tuple[str, ...]:
    raw = resources.files("yorum.lang.tr.data").joinpath("masked_words.txt").read_text("utf-8")
    return tuple(w for line in raw.splitlines() if (w := line.strip()) and not w.startswith("#"))


_APOSTROPHE = re.compile("['’]")
_GAP = re.compile(r"\*+|(?<=\w)\.(?=\w)")


def unmask(surface: str) -> str | None:
    """The one listed swear word that fits a word with letters hidden (``sh*t`` → ``shit``)."""
    if not _GAP.search(surface):
        return None
    parts: list[str] = []
    last = 0
    for m in _GAP.finditer(surface):
        parts.append(re.escape(surface[last : m.start()].lower()))
        n = len(m.group())
        parts.append(f"\\w{{1,{n + 1}}}" if m.group().startswith("*") else "\\w")
        last = m.end()
    parts.append(re.escape(surface[last:].lower()))
    shape = re.compile("".join(parts))
    fits = [w for w in _masked_words() if shape.fullmatch(w)]
    return fits[0] if len(fits) == 1 else None


def _masked(text: str, pieces: list[tuple[int, int]]) -> bool:
    """Pieces of one word with only asterisks between them (``yav*şak``, ``a**mına``)."""
    gaps = (text[a[1] : b[0]] for a, b in pairwise(pieces))
    return all(0 < len(g) <= 2 and set(g) == {"*"} for g in gaps)


def _before_suffix(text: str, pieces: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """The pieces before an apostrophe suffix (none when the chunk has no apostrophe)."""
    m = _APOSTROPHE.search(text, pieces[0][1], end)
    return [] if m is None else [p for p in pieces if p[1] <= m.start()]


def match_units(text: str) -> list[Unit]:
    """Words of ``text`` for matching, plus words rebuilt from spread-out letters.

    ``s.i.k.t.i.r`` and ``s i k t i r`` each also yield one joined unit ``siktir``.
    """
    units: list[Unit] = []
    singles: list[tuple[int, int]] = []

    def flush() -> None:
        if len(singles) >= 3:
            u = _unit(text, singles[0][0], singles[-1][1], True)
            if u is not None:
                units.append(u)
        singles.clear()

    for c_start, c_end in _chunks(text):
        pieces = _pieces(text, c_start, c_end)
        if not pieces:
            flush()
            continue
        spread = sum(e - s == 1 for s, e in pieces)
        if len(pieces) >= 2 and (
            spread == len(pieces) or (len(pieces) >= 4 and spread >= len(pieces) - 1)
        ):
            flush()
            u = _unit(text, pieces[0][0], pieces[-1][1], True)
            if u is not None:
                units.append(u)
            continue
        core = _before_suffix(text, pieces, c_end)
        if len(core) >= 2 and all(e - s == 1 for s, e in core):
            # o.ç'lerle, a.q'nın: spread letters with an apostrophe suffix are a word too
            u = _unit(text, core[0][0], core[-1][1], True)
            if u is not None:
                units.append(u)
        if len(pieces) >= 2 and _masked(text, pieces):
            # yav*şak, a*mına: an asterisk put between letters; the pieces, joined, are a word too
            # (an asterisk hiding letters, f***ing, is read below).
            u = _unit(text, pieces[0][0], pieces[-1][1], True)
            if u is not None:
                units.append(u)
        if "*" in text[c_start:c_end] or "." in text[c_start:c_end]:
            stars = text[pieces[-1][1] : c_end].count("*")  # f***: the stars end the word
            surface = text[pieces[0][0] : pieces[-1][1] + stars]
            head = _APOSTROPHE.split(surface, maxsplit=1)[0]  # f*ck's sake: the suffix apart
            word = unmask(head)
            if word is not None:  # sh*t, f***ing, s.ktir: one swear word fits the gaps
                end = pieces[0][0] + len(head) if head != surface else pieces[-1][1]
                units.append(Unit(text[c_start:c_end], word, pieces[0][0], end, True))
        for p_start, p_end in pieces:
            if p_end - p_start == 1 and len(pieces) == 1:
                singles.append((p_start, p_end))
            else:
                flush()
            u = _unit(text, p_start, p_end, False)
            if u is not None:
                units.append(u)
    flush()
    units.sort(key=lambda u: (u.start, -u.end))
    return units
