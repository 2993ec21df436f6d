"""Turkish word validity by morphology: a known stem, then suffixes the suffix automaton accepts.

The data (``data/morph_stems.txt``, ``data/morph_suffixes.txt``) is derived offline from zemberek's
lexicon and analyses by ``training/build_spelling.py``: each stem has a class (morphotactic state
and the attributes its suffixes depend on), and the automaton's edges are the suffix surfaces seen
between zemberek's morphotactic states. Surfaces are stored with vowel harmony and d/t, c/ç
assimilation abstracted (``lArImIzDAn``), so a suffix seen after one stem generalises to all.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_BACK = frozenset("aıou")
_ROUND = frozenset("oöuü")
VOWELS = frozenset("aeıioöuü")
_VOICELESS = frozenset("çfhkpsşt")
_A = {v: ("a" if v in _BACK else "e") for v in VOWELS}
_I = {
    v: ("u" if v in _ROUND else "ı") if v in _BACK else ("ü" if v in _ROUND else "i")
    for v in VOWELS
}
# Assimilating consonants: (after a voiceless letter, after anything else) → abstract letter.
_ASSIMILATING = {("t", True): "D", ("d", False): "D", ("ç", True): "C", ("c", False): "C"}
_REALISE = {("D", True): "t", ("D", False): "d", ("C", True): "ç", ("C", False): "c"}
CONTEXTS = "aoeö"  # stem context codes; upper case when the stem ends in a voiceless consonant
_CIRCUMFLEX = str.maketrans("âîû", "aiu")
ACCEPT = ""  # the edge label meaning "a word may end in this state"


def abstract(tail: str, ctx: str, voiceless: bool) -> str:
    """Replace harmonising vowels by A/I and assimilating d/t, c/ç by D/C."""
    out: list[str] = []
    v, unvoiced = ctx, voiceless
    for ch in tail:
        if ch in VOWELS:
            out.append("A" if ch == _A[v] else "I" if ch == _I[v] else ch)
            v = ch
        else:
            out.append(_ASSIMILATING.get((ch, unvoiced), ch))
        unvoiced = ch in _VOICELESS
    return "".join(out)


def realise(pattern: str, ctx: str, voiceless: bool) -> str:
    """The inverse of :func:`abstract` in one context (used to generalise at build time)."""
    out: list[str] = []
    v, unvoiced = ctx, voiceless
    for ch in pattern:
        if ch == "A" or ch == "I":
            ch = (_A if ch == "A" else _I)[v]
        elif ch in "DC":
            ch = _REALISE[(ch, unvoiced)]
        if ch in VOWELS:
            v = ch
        unvoiced = ch in _VOICELESS
        out.append(ch)
    return "".join(out)


Stems = dict[str, tuple[tuple[str, str], ...]]  # surface → (start state, context code)
# Kinds of stems, by the name of their start state: "content" (nouns, adjectives: they may open
# a compound written as one word, buzdolabı), "function" (adverbs, conjunctions, pronouns,
# determiners, postpositions), "verb", "other".
KIND_PREFIXES = (
    ("c:noun_S||", "content"),
    ("c:adjectiveRoot_ST||", "content"),
    ("c:v", "verb"),  # verbRoot, vDeYeRoot (demek, yemek), vImplicit...
    ("c:imek", "verb"),
    ("c:advRoot", "function"),
    ("c:conjRoot", "function"),
    ("c:pron", "function"),
    ("c:detRoot", "function"),
    ("c:postpRoot", "function"),
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    stems: Stems
    edges: dict[str, dict[str, tuple[str, ...]]]  # state → abstract surface → next states
    kinds: dict[str, str]  # start state id → kind (see KIND_PREFIXES)
    longest_stem: int
    longest_edge: int


_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def _read(name: str) -> list[str]:
    text = resources.files("yorum.lang.tr").joinpath("data", name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _stems(name: str) -> Stems:
    stems: Stems = {}
    parsed: dict[str, tuple[tuple[str, str], ...]] = {}  # few distinct code lists: parse each once
    for line in _read(name):
        surface, codes = line.split("\t")
        entry = parsed.get(codes)
        if entry is None:
            entry = parsed[codes] = tuple((c[:-1], c[-1]) for c in codes.split(" "))
        stems[surface] = entry
    return stems


def _load() -> Lexicon:
    edges: dict[str, dict[str, tuple[str, ...]]] = {}
    kinds: dict[str, str] = {}
    for line in _read("morph_suffixes.txt"):
        state, name, *items = line.split("\t")
        out: dict[str, tuple[str, ...]] = {}
        for item in items:
            surface, _, targets = item.partition(">")
            out[surface] = tuple(targets.split(",")) if targets else ()
        edges[state] = out
        if name.startswith("c:"):
            kinds[state] = next((k for p, k in KIND_PREFIXES if name.startswith(p)), "other")
    stems = _stems("morph_stems.txt")
    longest = max((len(s) for e in edges.values() for s in e), default=0)
    return Lexicon(stems, edges, kinds, max(map(len, stems)), longest)


def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once (thread-safe)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _load()
    return _LEXICON


def accepts(lex: Lexicon, start: str, tail: str) -> bool:
    """Does the suffix automaton accept the abstract ``tail`` from state ``start``?"""
    stack = [(start, 0)]
    seen: set[tuple[str, int]] = set()
    n = len(tail)
    while stack:
        state, pos = stack.pop()
        edges = lex.edges.get(state)
        if edges is None or (state, pos) in seen:
            continue
        seen.add((state, pos))
        if pos == n:
            if ACCEPT in edges:
                return True
            continue
        for end in range(pos + 1, min(n, pos + lex.longest_edge) + 1):
            targets = edges.get(tail[pos:end])
            if targets:
                stack.extend((t, end) for t in targets)
    return False


def _analyses(stems: Stems, word: str, longest: int) -> list[tuple[str, str, str]]:
    """(stem, start state, suffixes) for every analysis, longest stem first."""
    lex = lexicon()
    out: list[tuple[str, str, str]] = []
    for i in range(min(len(word), longest), 0, -1):
        tail = word[i:]
        for start, code in stems.get(word[:i], ()):
            if accepts(lex, start, abstract(tail, code.lower(), code.isupper())):
                out.append((word[:i], start, tail))
    return out


def splits(word: str) -> list[tuple[str, str]]:
    """Every (stem, suffixes) analysis of a word, longest stem first."""
    lex = lexicon()
    return [
        (s, t) for s, _, t in _analyses(lex.stems, word.translate(_CIRCUMFLEX), lex.longest_stem)
    ]


@lru_cache(maxsize=100_000)
def is_valid(word_lower: str) -> bool:
    """True when the (Turkish lower-case) word is a well-formed Turkish word."""
    word = word_lower.translate(_CIRCUMFLEX)
    if not word.isalpha():
        return False
    lex = lexicon()
    for i in range(min(len(word), lex.longest_stem), 0, -1):
        entries = lex.stems.get(word[:i])
        if entries:
            tail = word[i:]
            for start, code in entries:
                if accepts(lex, start, abstract(tail, code.lower(), code.isupper())):
                    return True
    return False


@cache
def _names() -> Stems:
    with _LOCK:
        return _stems("morph_names.txt")


@lru_cache(maxsize=20_000)
def is_name_form(word_lower: str) -> bool:
    """A known proper name, bare or with suffixes (``türkler``, ``amerikalı``, ``ankaralı``)."""
    word = word_lower.translate(_CIRCUMFLEX)
    return bool(word.isalpha() and _analyses(_names(), word, len(word)))


def name_splits(word_lower: str) -> list[tuple[str, str]]:
    """Every (name, suffixes) analysis as a proper name, longest name first."""
    word = word_lower.translate(_CIRCUMFLEX)
    if not word.isalpha():
        return []
    return [(s, t) for s, _, t in _analyses(_names(), word, len(word))]


@lru_cache(maxsize=20_000)
def kinds(word_lower: str) -> frozenset[str]:
    """The kinds of the stems of every analysis (``bunun`` → function, ``diyor`` → verb)."""
    lex = lexicon()
    word = word_lower.translate(_CIRCUMFLEX)
    found = _analyses(lex.stems, word, lex.longest_stem)
    return frozenset(lex.kinds.get(start, "other") for _, start, _ in found)


def is_content_stem(word: str) -> bool:
    """A bare noun or adjective stem (``eğlence``, ``buz``)."""
    lex = lexicon()
    return any(lex.kinds.get(start) == "content" for start, _ in lex.stems.get(word, ()))


@lru_cache(maxsize=20_000)
def is_compound(word_lower: str) -> bool:
    """Two words written as one compound: a noun or adjective, then a valid word (buzdolabına)."""
    if word_lower.endswith(("da", "de")) and is_valid(word_lower[:-2]):
        return False  # durumdada: a clitic written joined, not a compound
    for i in range(3, len(word_lower) - 3):
        head = word_lower[:i]
        if is_content_stem(head) and is_valid(head) and is_valid(word_lower[i:]):
            return True
    return False
