"""Attacks on a belief: offence (the model) aimed at a religion, sect, believers or non-believers.

A text scores only when it names a belief target from ``data/belief_terms.txt``; the score is then
P(offensive) · (½ + ½ · P(group | offensive)), since an offence beside a belief word is most often
aimed at the believers as a group. The spans are the belief words and the model's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from yorum.lang.tr.text import ascii_fold
from yorum.model.classifier import ModelOutput, Span, classify
from yorum.model.features import tokenize

TERMS_FILE = "belief_terms.txt"
GROUP_FLOOR = 0.5  # share of P(offensive) kept when the offence is not aimed at a group
# Turkish (ASCII-folded) and English suffixes that may follow a belief word, in any chain.
_SUFFIX_TEXT = (
    "lar ler lari leri larin lerin lara lere larda lerde lardan lerden i u a e in un nin nun im um "
    "imiz umuz iniz unuz miz muz niz nuz si su ni nu ne na ye ya yi yu de da te ta den dan ten tan "
    "nde nda nden ndan le la yle yla ce ca ci cu cik cuk lik luk lig lug li lu siz suz ki dir dur "
    "tir tur mis mus y n s es ism ity ic ist"
)
_SUFFIXES = _SUFFIX_TEXT.split()
_CHAIN = re.compile("(?:" + "|".join(sorted(set(_SUFFIXES), key=len, reverse=True)) + ")*")


@dataclass(frozen=True)
class BeliefTerms:
    stems: frozenset[str]  # word or word + suffixes
    exact: frozenset[str]
    excluded: frozenset[str]

    def matches(self, word: str) -> bool:
        """Whether a Turkish-lower-cased word names a belief target."""
        w = ascii_fold(word).replace("'", "").replace("’", "")
        if w in self.excluded:
            return False
        if w in self.exact or w in self.stems:
            return True
        return any(
            w[:k] in self.stems and _CHAIN.fullmatch(w, k) is not None for k in range(3, len(w))
        )


def parse_terms(lines: list[str]) -> BeliefTerms:
    stems: set[str] = set()
    exact: set[str] = set()
    excluded: set[str] = set()
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        target = {"=": exact, "!": excluded}.get(line[0], stems)
        word = ascii_fold(line.lstrip("=!")).replace("'", "")
        target.add(word)
    return BeliefTerms(frozenset(stems), frozenset(exact), frozenset(excluded))


@cache
def belief_terms() -> BeliefTerms:
    text = (resources.files("yorum.model") / "data" / TERMS_FILE).read_text(encoding="utf-8")
    return parse_terms(text.splitlines())


def belief_targets(text: str) -> tuple[Span, ...]:
    """Spans of the words naming a religion, sect, believers, non-believers or holy things."""
    terms = belief_terms()
    return tuple(
        (t.start, t.end) for t in tokenize(text) if t.kind == "word" and terms.matches(t.norm)
    )


def belief_score(
    text: str, model: Callable[[str], ModelOutput] = classify
) -> tuple[float, tuple[Span, ...]]:
    """How likely the text attacks a belief, with the target words and the words that offend."""
    targets = belief_targets(text)
    if not targets:
        return 0.0, ()
    out = model(text)
    p_off = out.scores["offensive"]
    p_group = out.scores["group"] / p_off if p_off > 0 else 0.0
    score = p_off * (GROUP_FLOOR + (1.0 - GROUP_FLOOR) * p_group)
    spans = tuple(sorted(set(targets) | set(out.evidence["offensive"])))
    return score, spans
