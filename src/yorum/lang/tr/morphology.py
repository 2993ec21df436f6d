"""Turkish word validity by morphology: a known stem followed by a suffix chain attested for its class.

The data (``data/morph_stems.txt``, ``data/morph_chains.txt``) is derived offline from zemberek's lexicon and
analyses by ``training/build_spelling.py``. Suffix chains are stored with vowel harmony and d/t,
c/ç assimilation abstracted away (``lArImIzDAn``), so a chain seen after one stem generalises to
every stem of the same class, whatever its vowels.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_BACK = frozenset("aıou")
_ROUND = frozenset("oöuü")
VOWELS = frozenset("aeıioöuü")
# Harmony context (a representative of the last vowel's class) → realisations of A and I.
_A = {v: ("a" if v in _BACK else "e") for v in VOWELS}
_I = {
    v: ("u" if v in _ROUND else "ı") if v in _BACK else ("ü" if v in _ROUND else "i") for v in VOWELS
}
_VOICELESS_FIRST = {"t": "D", "ç": "C"}
_VOICED_FIRST = {"d": "D", "c": "C"}
CONTEXTS = "aoeö"  # lower case: stem ends voiced or in a vowel; upper case: voiceless consonant
_CIRCUMFLEX = str.maketrans("âîû", "aiu")
EMPTY = "="  # the empty chain in the data file


def abstract(chain: str, ctx: str, voiceless: bool) -> str:
    """Replace harmonising vowels by A/I and an assimilating first d/t, c/ç by D/C."""
    out: list[str] = []
    v = ctx
    for i, ch in enumerate(chain):
        if ch in VOWELS:
            out.append("A" if ch == _A[v] else "I" if ch == _I[v] else ch)
            v = ch
        elif i == 0 and ch in (_VOICELESS_FIRST if voiceless else _VOICED_FIRST):
            out.append((_VOICELESS_FIRST if voiceless else _VOICED_FIRST)[ch])
        else:
            out.append(ch)
    return "".join(out)


def realise(pattern: str, ctx: str, voiceless: bool) -> str:
    """The inverse of :func:`abstract` for one context (used to generalise chains at build time)."""
    out: list[str] = []
    v = ctx
    for i, ch in enumerate(pattern):
        if ch == "A" or ch == "I":
            ch = (_A if ch == "A" else _I)[v]
        elif ch in "DC":
            ch = {"D": "td", "C": "çc"}[ch][0 if voiceless and i == 0 else 1]
        if ch in VOWELS:
            v = ch
        out.append(ch)
    return "".join(out)


def stem_context(surface: str) -> str:
    """Default context code for a stem: its last vowel's class, upper case after a voiceless end."""
    ctx = "e"
    for ch in reversed(surface):
        if ch in VOWELS:
            ctx = ("o" if ch in _ROUND else "a") if ch in _BACK else ("ö" if ch in _ROUND else "e")
            break
    return ctx.upper() if surface and surface[-1] in "çfhkpsşt" else ctx


@dataclass(frozen=True, slots=True)
class Lexicon:
    stems: dict[str, tuple[tuple[int, str], ...]]  # surface → (class, context code)
    chains: tuple[frozenset[str], ...]  # per class: abstracted suffix chains
    longest: int


_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def _read(name: str) -> list[str]:
    text = resources.files("yorum.lang.tr").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _load() -> Lexicon:
    chains: list[frozenset[str]] = []
    for line in _read("morph_chains.txt"):
        _, _, items = line.split("\t")
        chains.append(frozenset("" if c == EMPTY else c for c in items.split(" ")))
    stems: dict[str, tuple[tuple[int, str], ...]] = {}
    for line in _read("morph_stems.txt"):
        surface, codes = line.split("\t")
        stems[surface] = tuple((int(c[:-1]), c[-1]) for c in codes.split(" "))
    return Lexicon(stems, tuple(chains), max(map(len, stems)))


def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once (thread-safe)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _load()
    return _LEXICON


def split_stem(word: str) -> list[tuple[str, str]]:
    """Every (stem, chain) split of a valid word, shortest stem first."""
    lex = lexicon()
    out: list[tuple[str, str]] = []
    for i in range(1, min(len(word), lex.longest) + 1):
        entries = lex.stems.get(word[:i])
        if not entries:
            continue
        tail = word[i:]
        for cls, code in entries:
            if abstract(tail, code.lower(), code.isupper()) in lex.chains[cls]:
                out.append((word[:i], tail))
                break
    return out


@lru_cache(maxsize=100_000)
def is_valid(word_lower: str) -> bool:
    """True when the (Turkish lower-case) word is a well-formed Turkish word."""
    word = word_lower.translate(_CIRCUMFLEX)
    if not word or not word.isalpha():
        return False
    lex = lexicon()
    for i in range(min(len(word), lex.longest), 0, -1):
        entries = lex.stems.get(word[:i])
        if not entries:
            continue
        tail = word[i:]
        for cls, code in entries:
            if abstract(tail, code.lower(), code.isupper()) in lex.chains[cls]:
                return True
    return False
