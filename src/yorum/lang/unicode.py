"""Cleaning raw text while remembering where each character came from.

Rules match on cleaned text (NFC, no zero-width or bidi controls, no lone surrogates) but report
spans against the text as the writer gave it, so every cleaned character keeps its origin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters writers use to split a word past a filter, and bidi controls.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    # Cleaned character i came from original[starts[i]:ends[i]].
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the cleaned text back to the original text."""
        if not self.text:
            return (0, 0)
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else self.original_length
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


_NEEDS_WORK = re.compile(
    "[" + "".join(sorted(INVISIBLE)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)


def clean(raw: str) -> Cleaned:
    """NFC-normalise by grapheme-ish clusters and drop invisible and unusable characters."""
    if not _NEEDS_WORK.search(raw) and unicodedata.is_normalized("NFC", raw):
        n = len(raw)  # the common case: nothing to change, offsets are the identity
        return Cleaned(raw, tuple(range(n)), tuple(range(1, n + 1)), n)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch in INVISIBLE or _is_surrogate(ch) or ch == "\x00":
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]) and raw[j] not in INVISIBLE:
            j += 1
        cluster = raw[i:j]
        if j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
        for c in cluster:
            if unicodedata.category(c) == "Cc" and c not in "\n\t\r":
                c = " "
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return Cleaned("".join(out), tuple(starts), tuple(ends), n)
