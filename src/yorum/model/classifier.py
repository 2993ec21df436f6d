"""The shipped offensive-language model at run time: pure numpy, loaded once, thread-safe.

``classify(text)`` gives the probability that a text is offensive and, for the offence kinds, the
probability of offensive-and-that-kind, with the spans of the words that drove each score.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from yorum.model.features import (
    CHAR_HI,
    CHAR_LO,
    Tok,
    char_ngrams,
    has_chars,
    stem,
    tokenize,
)
from yorum.model.store import OUTPUTS, WEIGHTS_NAME, Weights, load

Span = tuple[int, int]
I64 = npt.NDArray[np.int64]
EVIDENCE_MAX = 3  # spans per score
EVIDENCE_SHARE = 0.2  # a word must carry at least this share of the top word's push
_TOKEN_CACHE_MAX = 200_000
_LOCK = threading.Lock()
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class ModelOutput:
    """Scores in [0, 1] under ``OUTPUTS`` keys, and per key the spans that drove the score most."""

    scores: dict[str, float]
    evidence: dict[str, tuple[Span, ...]]


class Scorer:
    """Turns tokens into feature indices with the model's vocabularies, and scores them."""

    def __init__(self, weights: Weights) -> None:
        self.w = weights
        self._tokens: dict[str, I64] = {}

    def _token_features(self, tok: Tok) -> I64:
        """Unigram, stem and char n-gram indices of one token (cached by its normal form)."""
        found = self._tokens.get(tok.norm)
        if found is None:
            words, charv, stems = self.w.vocab
            feats = [words.get(tok.norm, -1), stems.get(stem(tok), -1)]
            if has_chars(tok):
                feats.extend(charv.get(g, -1) for g in char_ngrams(tok.norm, CHAR_LO, CHAR_HI))
            found = np.array([f for f in feats if f >= 0], dtype=np.int64)
            if len(self._tokens) >= _TOKEN_CACHE_MAX:
                self._tokens.clear()
            self._tokens[tok.norm] = found
        return found

    def _occurrences(self, toks: list[Tok]) -> tuple[I64, I64, I64]:
        """Feature index of every occurrence, and the first and last token it came from."""
        per_tok = [self._token_features(t) for t in toks]
        lens = np.fromiter((len(a) for a in per_tok), dtype=np.int64, count=len(per_tok))
        own = np.repeat(np.arange(len(toks), dtype=np.int64), lens)
        words, _, stems = self.w.vocab
        pairs: list[int] = []
        firsts: list[int] = []
        stem_units = [stem(t) for t in toks]
        for i in range(len(toks) - 1):
            for vocab, a, b in (
                (words, toks[i].norm, toks[i + 1].norm),
                (stems, stem_units[i], stem_units[i + 1]),
            ):
                j = vocab.get(f"{a} {b}", -1)
                if j >= 0:
                    pairs.append(j)
                    firsts.append(i)
        first = np.array(firsts, dtype=np.int64)
        idx = np.concatenate([*per_tok, np.array(pairs, dtype=np.int64)]) if toks else _EMPTY
        return idx, np.concatenate([own, first]), np.concatenate([own, first + 1])

    def score(self, text: str) -> ModelOutput:
        toks = tokenize(text)
        idx, own_a, own_b = self._occurrences(toks)
        w = self.w
        logits = w.intercept.astype(np.float64)
        per_tok = np.zeros((len(toks), len(OUTPUTS)))
        if len(idx):
            uniq, inv, counts = np.unique(idx, return_inverse=True, return_counts=True)
            x = (1.0 + np.log(counts)) * w.idf[uniq]
            blocks = w.block_of[uniq]
            norms = np.sqrt(np.bincount(blocks, x * x, minlength=len(w.block_weight)))
            x *= (w.block_weight / np.where(norms > 0, norms, 1.0))[blocks]
            contrib = x[:, None] * w.coef[uniq]
            logits = logits + contrib.sum(axis=0)
            occ = contrib[inv] / (2.0 * counts[inv])[:, None]
            np.add.at(per_tok, own_a, occ)
            np.add.at(per_tok, own_b, occ)
        return _output(toks, logits, per_tok)


def _output(
    toks: list[Tok], logits: npt.NDArray[np.float64], per_tok: npt.NDArray[np.float64]
) -> ModelOutput:
    p_off = 1.0 / (1.0 + math.exp(-float(logits[0])))
    cat = logits[1:] - logits[1:].max()
    cond = np.exp(cat) / np.exp(cat).sum()
    scores = {"offensive": p_off}
    pushes = {"offensive": per_tok[:, 0]}
    centred = per_tok[:, 1:] - per_tok[:, 1:].mean(axis=1, keepdims=True)
    for k, key in enumerate(OUTPUTS[1:]):
        scores[key] = p_off * float(cond[k])
        pushes[key] = per_tok[:, 0] + centred[:, k]
    evidence = {key: _spans(toks, push) for key, push in pushes.items()}
    return ModelOutput(scores, evidence)


def _spans(toks: list[Tok], push: npt.NDArray[np.float64]) -> tuple[Span, ...]:
    if not len(push) or push.max() <= 0:
        return ()
    floor = EVIDENCE_SHARE * float(push.max())
    top = [int(i) for i in np.argsort(-push, kind="stable")[:EVIDENCE_MAX] if push[i] >= floor]
    return tuple((toks[i].start, toks[i].end) for i in sorted(top))


def weights_path() -> Path:
    return Path(str(resources.files("yorum.model") / "weights" / WEIGHTS_NAME))


@cache
def scorer(path: Path | None = None) -> Scorer:
    """The model, loaded once per path (the shipped weights by default)."""
    with _LOCK:
        return Scorer(load(path or weights_path()))


@lru_cache(maxsize=4096)
def classify(text: str) -> ModelOutput:
    """Score an NFC-cleaned text with the shipped model (results cached: rules share them)."""
    return scorer().score(text)
