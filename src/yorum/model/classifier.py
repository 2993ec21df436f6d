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
F64 = npt.NDArray[np.float64]
_N = len(OUTPUTS)
_Q = 3 * _N  # a token's row: pushes of the word, char and stem units, then their squared norms
_ROW = _Q + 3
_NO_PAIR = np.zeros(0)
EVIDENCE_MAX = 3  # spans per score
EVIDENCE_SHARE = 0.2  # a word must carry at least this share of the top word's push
_TOKEN_CACHE_MAX = 200_000
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ModelOutput:
    """Scores in [0, 1] under ``OUTPUTS`` keys, and per key the spans that drove the score most."""

    scores: dict[str, float]
    evidence: dict[str, tuple[Span, ...]]


class Scorer:
    """Scores texts with loaded weights; a token's share of each block is computed once."""

    def __init__(self, weights: Weights) -> None:
        self.w = weights
        self._vec = (weights.idf[:, None] * weights.coef).astype(np.float64)  # idf × coef
        self._sq = (weights.idf.astype(np.float64)) ** 2
        self._tokens: dict[str, F64] = {}
        self._pairs: dict[tuple[str, str], F64] = {}

    def _token(self, tok: Tok) -> F64:
        """Per block, the token's unit: its push on every output, and its squared norm."""
        words, charv, stems = self.w.vocab
        unit = stem(tok.norm)
        row = np.zeros(_ROW)
        for b, feats in enumerate(
            (
                [words.get(tok.norm, -1)],
                [charv.get(g, -1) for g in char_ngrams(tok.norm, CHAR_LO, CHAR_HI)]
                if has_chars(tok)
                else [],
                [stems.get(unit, -1)],
            )
        ):
            found, counts = np.unique(np.array(feats, dtype=np.int64), return_counts=True)
            keep = found >= 0
            found, counts = found[keep], counts[keep]
            row[b * _N : (b + 1) * _N] = counts @ self._vec[found]
            row[_Q + b] = float(counts**2 @ self._sq[found])
        if len(self._tokens) >= _TOKEN_CACHE_MAX:
            self._tokens.clear()
        self._tokens[tok.norm] = row
        return row

    def _pair(self, a: str, b: str, key: tuple[str, str]) -> F64:
        """The unit of a neighbour pair: its word and stem bigrams (memoised; empty if unknown)."""
        words, _, stems = self.w.vocab
        row = np.zeros(_ROW)
        j = words.get(f"{a} {b}")
        k = stems.get(f"{stem(a)} {stem(b)}")
        if j is not None:
            row[:_N] = self._vec[j]
            row[_Q] = self._sq[j]
        if k is not None:
            row[2 * _N : _Q] = self._vec[k]
            row[_Q + 2] = self._sq[k]
        got = row if j is not None or k is not None else _NO_PAIR
        if len(self._pairs) >= _TOKEN_CACHE_MAX:
            self._pairs.clear()
        self._pairs[key] = got
        return got

    def score(self, text: str) -> ModelOutput:
        toks = tokenize(text)
        w = self.w
        if not toks:
            return _output(toks, w.intercept.astype(np.float64), np.zeros((0, _N)))
        get = self._tokens.get
        rows: list[F64] = []
        for t in toks:
            row = get(t.norm)
            rows.append(self._token(t) if row is None else row)
        n = len(rows)
        pair_get = self._pairs.get
        at: list[int] = []
        for i in range(n - 1):
            key = (toks[i].norm, toks[i + 1].norm)
            pair = pair_get(key)
            if pair is None:
                pair = self._pair(*key, key)
            if len(pair):
                rows.append(pair)
                at.append(i)
        table = np.array(rows)
        sq = table[:, _Q:].sum(axis=0)
        scale = np.divide(w.block_weight, np.sqrt(sq), out=np.zeros(3), where=sq > 0)
        pushes = (table[:, :_Q].reshape(-1, 3, _N) * scale[:, None]).sum(axis=1)
        logits = pushes.sum(axis=0) + w.intercept
        per_tok = pushes[:n]  # a pair's push goes half to each of its tokens
        if at:
            half = pushes[n:] / 2
            per_tok[at] += half
            per_tok[[i + 1 for i in at]] += half
        return _output(toks, logits, per_tok)


def _output(
    toks: list[Tok], logits: npt.NDArray[np.float64], per_tok: npt.NDArray[np.float64]
) -> ModelOutput:
    z = [float(v) for v in logits]
    p_off = 1.0 / (1.0 + math.exp(-z[0]))
    top = max(z[1:])
    exps = [math.exp(v - top) for v in z[1:]]
    total = sum(exps)
    scores = {"offensive": p_off}
    for key, e in zip(OUTPUTS[1:], exps, strict=True):
        scores[key] = p_off * e / total
    if not toks:
        return ModelOutput(scores, {key: () for key in OUTPUTS})
    # A word's push on a kind: on "offensive", plus on that kind against the other kinds.
    kinds = per_tok[:, 1:]
    push = np.empty_like(per_tok)
    push[:, 0] = per_tok[:, 0]
    push[:, 1:] = per_tok[:, :1] + kinds - kinds.mean(axis=1, keepdims=True)
    order = np.argsort(-push, axis=0, kind="stable")[:EVIDENCE_MAX]
    values = np.take_along_axis(push, order, axis=0)
    keep = (values >= EVIDENCE_SHARE * values[0]) & (values[0] > 0)
    evidence: dict[str, tuple[Span, ...]] = {}
    for key, rows, oks in zip(OUTPUTS, order.T.tolist(), keep.T.tolist(), strict=True):
        chosen = sorted(i for i, ok in zip(rows, oks, strict=True) if ok)
        evidence[key] = tuple((toks[i].start, toks[i].end) for i in chosen)
    return ModelOutput(scores, evidence)


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
