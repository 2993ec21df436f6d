"""Word lists with Turkish suffixes, matched against evasion-folded words.

A list file has one entry per line; ``#`` starts a comment. An entry is one or more words:

- ``aptal+``   the stem with any chain of Turkish suffixes (aptallar, aptalsın, aptalların)
- ``siktir*``  the stem with any continuation at all
- ``amk``      exactly this word

Matching is on squeezed forms (repeated letters collapsed) so ``aptaaaal`` is ``aptal``. A
word typed without Turkish letters also matches the ASCII form of an entry, unless the
ASCII form is itself an innocent Turkish word (``sikildim`` is ``sıkıldım``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from yorum.lang.fold import Unit, deleet, fold_chars, squeeze
from yorum.lang.tr.text import ascii_fold

# Turkish inflectional and common derivational suffixes, as surface strings (after squeezing).
_SUFFIXES = sorted(
    dict.fromkeys(
        line.strip()
        for line in resources.files("yorum.lang.tr.data")
        .joinpath("suffixes.txt")
        .read_text("utf-8")
        .splitlines()
        if line.strip() and not line.startswith("#")
    ),
    key=len,
    reverse=True,
)
_MULTI = "|".join(x for x in _SUFFIXES if len(x) > 1)
_SINGLE = "[" + "".join(x for x in _SUFFIXES if len(x) == 1) + "]"
# One-letter suffixes (ı, m, n, a, …) never follow each other: that would match any word.
SUFFIX_CHAIN = re.compile(f"(?:(?:{_MULTI})|{_SINGLE}(?=(?:{_MULTI})))*{_SINGLE}?")


def collapse_runs(word: str) -> str:
    """Collapse runs of three or more of a letter to one, keeping doubles (aptallar)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        j = i
        while j < len(word) and word[j] == word[i]:
            j += 1
        out.append(word[i] * (1 if j - i >= 3 else j - i))
        i = j
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Piece:
    stem: str  # squeezed, folded
    mode: str  # "exact", "suffix", "prefix"

    def matches(self, word: str) -> bool:
        if self.mode == "exact":
            return word == self.stem
        if not word.startswith(self.stem):
            return False
        if self.mode == "prefix":
            return True
        if self.mode == "soft" and word[len(self.stem) : len(self.stem) + 1] not in VOWELS:
            return False
        return SUFFIX_CHAIN.fullmatch(word, len(self.stem)) is not None


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    pieces: tuple[Piece, ...]


def _piece(raw: str, ascii_only: bool, squeezed: bool = True) -> Piece:
    mode = "exact"
    if raw.endswith("+"):
        mode, raw = "suffix", raw[:-1]
    elif raw.endswith("*"):
        mode, raw = "prefix", raw[:-1]
    stem = deleet(fold_chars(raw))
    stem = squeeze(stem) if squeezed else stem
    return Piece(ascii_fold(stem) if ascii_only else stem, mode)


SOFTENED = {"k": "ğ", "p": "b", "ç": "c", "t": "d"}
VOWELS = frozenset("aeıioöuü")


def parse_entries(lines: Iterable[str]) -> list[Entry]:
    entries: list[Entry] = []
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text:
            pieces = tuple(_piece(w, False) for w in text.split())
            entries.append(Entry(text, pieces))
            last = pieces[-1]
            if last.mode == "suffix" and len(last.stem) >= 4 and last.stem[-1:] in SOFTENED:
                # köpek → köpeğim, kitap → kitabı: the last consonant of a noun of more than
                # one syllable softens before a vowel, so the softened stem takes suffixes that
                # begin with one.
                soft = Piece(last.stem[:-1] + SOFTENED[last.stem[-1]], "soft")
                entries.append(Entry(text, (*pieces[:-1], soft)))
    return entries


def parse_exceptions(lines: Iterable[str]) -> list[Piece]:
    """Innocent words, one per line, matched on the folded word as written (not squeezed)."""
    return [_piece(w, False, squeezed=False) for w in lines if w.strip()]


def read_list(package: str, name: str) -> list[str]:
    """Lines of a shipped list file, comments and blanks removed."""
    raw = resources.files(package).joinpath(name).read_text("utf-8")
    return [s for line in raw.splitlines() if (s := line.split("#", 1)[0].strip())]


@dataclass(frozen=True, slots=True)
class Hit:
    entry: str
    start: int
    end: int


class Lexicon:
    """Entries indexed by the first letters of their first word, for quick lookup."""

    def __init__(
        self,
        entries: Sequence[Entry],
        innocent: Iterable[str] = (),
        exceptions: Sequence[Piece] = (),
    ) -> None:
        self.entries = tuple(entries)
        # Innocent words that a stem would otherwise catch (götürmek, sikke, amca).
        self.exceptions = tuple(exceptions)
        self._ascii_exceptions = tuple(Piece(ascii_fold(p.stem), p.mode) for p in exceptions)
        self._ascii = tuple(
            Entry(e.text, tuple(Piece(ascii_fold(p.stem), p.mode) for p in e.pieces))
            for e in entries
        )
        # Entries by the first three letters of their first stem (stems of two letters: both).
        self._index: dict[str, list[int]] = {}
        for i, e in enumerate(self.entries):
            head = e.pieces[0].stem[:3]
            for key in {head, ascii_fold(head)}:
                self._index.setdefault(key, []).append(i)
        self.innocent = frozenset(squeeze(w) for w in innocent)

    def _forms(self, unit: Unit, ascii_level: bool) -> tuple[str, str, bool]:
        """(squeezed, with doubles kept, whether ASCII forms of entries apply)."""
        word = unit.squeezed
        # Typed without Turkish letters: the ASCII forms of entries apply too.
        use_ascii = ascii_level and ascii_fold(word) == word and word not in self.innocent
        return word, collapse_runs(unit.folded), use_ascii

    def find(
        self,
        units: Sequence[Unit],
        allowed: frozenset[str] = frozenset(),
        ascii_level: bool = True,
    ) -> list[Hit]:
        hits: list[Hit] = []
        index = self._index
        forms: dict[int, tuple[str, str, bool]] = {}
        for i, unit in enumerate(units):
            word = unit.squeezed
            candidates = index.get(word[:3], []) + index.get(word[:2], [])
            if not candidates:
                continue
            if unit.folded in allowed or word in allowed or self._excepted(unit.folded):
                continue
            for idx in candidates:
                hit = self._match(units, forms, i, idx, ascii_level)
                if hit is not None:
                    hits.append(hit)
                    break
        return hits

    def _excepted(self, folded: str) -> bool:
        if any(p.matches(folded) for p in self.exceptions):
            return True
        return ascii_fold(folded) == folded and any(
            p.matches(folded) for p in self._ascii_exceptions
        )

    def _match(
        self,
        units: Sequence[Unit],
        forms: dict[int, tuple[str, str, bool]],
        i: int,
        idx: int,
        ascii_level: bool,
    ) -> Hit | None:
        for table, use_ascii in ((self.entries, False), (self._ascii, True)):
            pieces = table[idx].pieces
            j, ok, prev_end = i, True, -1
            for piece in pieces:
                # Skip units nested inside the previous one (letters of a joined unit).
                while j < len(units) and units[j].start < prev_end:
                    j += 1
                if j >= len(units):
                    ok = False
                    break
                if j not in forms:
                    forms[j] = self._forms(units[j], ascii_level)
                word, loose, ascii_ok = forms[j]
                if use_ascii and not ascii_ok:
                    ok = False
                    break
                if not (piece.matches(word) or piece.matches(loose)):
                    ok = False
                    break
                prev_end = units[j].end
                j += 1
            if ok:
                return Hit(table[idx].text, units[i].start, units[j - 1].end)
        return None
