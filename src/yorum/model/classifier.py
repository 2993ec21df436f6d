"""The shipped offensive-language model at run time: pure numpy, loaded once, thread-safe.

``classify(text)`` gives the probability that a text is offensive and, for the offence kinds, the
probability of offensive-and-that-kind, with the spans of the words that drove each score.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from functools import cache, cached_property, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from yorum.model.features import (
    CHAR_HI,
    CHAR_LO,
    URL,
    USER,
    Tok,
    char_ngrams,
    has_chars,
    stem,
    tokenize,
)
from yorum.model.store import OUTPUTS, WEIGHTS_NAME, Weights, load

Span = tuple[int, int]
F64 = npt.NDArray[np.float64]
EVIDENCE_MAX = 3  # spans per score
EVIDENCE_SHARE = 0.2  # a word must carry at least this share of the top word's push
_TOKEN_CACHE_MAX = 50_000  # words outside the shipped table only
_LOCK = threading.Lock()
_SCORERS: dict[Path, Scorer] = {}


@lru_cache(maxsize=16384)  # both models read the same new words, one after the other
def _char_grams(norm: str) -> tuple[str, ...]:
    return tuple(char_ngrams(norm, CHAR_LO, CHAR_HI))


class ModelOutput:
    """Scores in [0, 1] under ``OUTPUTS`` keys, and per key the spans that drove the score most.

    "offensive" is P(offensive); each kind is P(offensive and that kind), so kinds sum to it.
    The evidence is worked out when first asked for (most texts never need it). Results are
    cached and shared between callers: read them, never mutate the dicts.
    """

    def __init__(self, scores: dict[str, float], toks: list[Tok], per_tok: F64) -> None:
        self.scores = scores
        self._toks = toks
        self._per_tok = per_tok

    @cached_property
    def evidence(self) -> dict[str, tuple[Span, ...]]:
        return _evidence(self._toks, self._per_tok)


class Scorer:
    """Scores texts with loaded weights; a token's share of each block is computed once.

    A token's row holds its pushes on every output from its word, char and stem units, then the
    three squared norms. ``score`` reads the offensive model's outputs; ``logits`` any model's.
    """

    def __init__(self, weights: Weights) -> None:
        self.w = weights
        self.n = n = int(weights.coef.shape[1])
        self._q = 3 * n
        self._row = 3 * n + 3
        self._vec = (weights.idf[:, None] * weights.coef).astype(np.float64)  # idf × coef
        self._sq = (weights.idf.astype(np.float64)) ** 2
        self._tokens: dict[str, tuple[F64, str]] = {}
        self._table = weights.table
        self._table_rows = weights.table_rows.astype(np.float64)

    def word_table(self) -> tuple[list[str], F64]:
        """The rows of every word of the vocabulary, to ship with the weights (see store)."""
        words = [
            w
            for w in self.w.vocab[0]
            if " " not in w and w not in (USER, URL) and any(c.isalnum() for c in w)
        ]
        rows = [self._token(Tok(w, 0, len(w), "word"))[0] for w in words]
        return words, np.array(rows).reshape(len(words), self._row)

    def _token(self, tok: Tok) -> tuple[F64, str]:
        """A token's units per block (push on every output, squared norm), and its stem."""
        words, charv, stems = self.w.vocab
        unit = stem(tok.norm)
        n, q = self.n, self._q
        row = np.zeros(self._row)
        for b, j in ((0, words.get(tok.norm)), (2, stems.get(unit))):
            if j is not None:
                row[b * n : (b + 1) * n] = self._vec[j]
                row[q + b] = self._sq[j]
        if has_chars(tok):
            grams = map(charv.get, _char_grams(tok.norm))
            found = [f for f in grams if f is not None]
            if found:
                counts = Counter(found)
                idx = list(counts)
                times = np.fromiter(counts.values(), dtype=np.float64, count=len(idx))
                row[n : 2 * n] = times @ self._vec[idx]
                row[q + 1] = (times * times) @ self._sq[idx]
        got = (row, unit)
        if len(self._tokens) >= _TOKEN_CACHE_MAX:
            self._tokens.clear()
        self._tokens[tok.norm] = got
        return got

    def _pairs(self, norms: list[str], units: list[str]) -> tuple[F64, list[int]]:
        """Units of the known word and stem bigrams, and the first token of each."""
        words, _, stems = self.w.vocab
        at_w: list[int] = []
        at_s: list[int] = []
        idx_w: list[int] = []
        idx_s: list[int] = []
        for i in range(len(norms) - 1):
            j = words.get(f"{norms[i]} {norms[i + 1]}")
            if j is not None:
                at_w.append(i)
                idx_w.append(j)
            k = stems.get(f"{units[i]} {units[i + 1]}")
            if k is not None:
                at_s.append(i)
                idx_s.append(k)
        n, q = self.n, self._q
        rows = np.zeros((len(idx_w) + len(idx_s), self._row))
        if idx_w:
            rows[: len(idx_w), :n] = self._vec[idx_w]
            rows[: len(idx_w), q] = self._sq[idx_w]
        if idx_s:
            rows[len(idx_w) :, 2 * n : q] = self._vec[idx_s]
            rows[len(idx_w) :, q + 2] = self._sq[idx_s]
        return rows, at_w + at_s

    def score(self, text: str) -> ModelOutput:
        """The offensive model's scores (P(offensive), then P(offensive and kind))."""
        return _output(*self.logits(text))

    def logits(self, text: str) -> tuple[list[Tok], F64, F64]:
        """Tokens, the logit of every output, and each token's push on each output."""
        toks = tokenize(text)
        w = self.w
        n, q = self.n, self._q
        if not toks:
            return toks, w.intercept.astype(np.float64), np.zeros((0, n))
        get = self._tokens.get
        rows: list[F64] = []
        units: list[str] = []
        norms = [t.norm for t in toks]
        known = self._table
        for t in toks:
            got = get(t.norm)
            if got is None and t.kind == "word" and t.norm in known:
                got = self._table_rows[known[t.norm]], stem(t.norm)
            row, unit = self._token(t) if got is None else got
            rows.append(row)
            units.append(unit)
        n_tok = len(rows)
        pairs, at = self._pairs(norms, units)
        table = np.concatenate([np.array(rows), pairs]) if at else np.array(rows)
        sq = table[:, q:].sum(axis=0)
        scale = np.divide(w.block_weight, np.sqrt(sq), out=np.zeros(3), where=sq > 0)
        pushes = (table[:, :q].reshape(-1, 3, n) * scale[:, None]).sum(axis=1)
        logits = pushes.sum(axis=0) + w.intercept
        per_tok = pushes[:n_tok]  # a pair's push goes half to each of its tokens
        if at:
            half = pushes[n_tok:] / 2
            first = np.array(at, dtype=np.int64)
            np.add.at(per_tok, first, half)
            np.add.at(per_tok, first + 1, half)
        return toks, logits, per_tok


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
    return ModelOutput(scores, toks, per_tok)


def _evidence(toks: list[Tok], per_tok: F64) -> dict[str, tuple[Span, ...]]:
    if not toks:
        return {key: () for key in OUTPUTS}
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
    return evidence


@cache
def weights_path() -> Path:
    return Path(__file__).resolve().parent / "weights" / WEIGHTS_NAME


def scorer(path: Path | None = None) -> Scorer:
    """The model, loaded once per path (the shipped weights by default), safely across threads."""
    key = path or weights_path()
    got = _SCORERS.get(key)
    if got is None:
        with _LOCK:
            got = _SCORERS.get(key)
            if got is None:
                got = _SCORERS[key] = Scorer(load(key))
    return got


@lru_cache(maxsize=4096)
def classify(text: str) -> ModelOutput:
    """Score an NFC-cleaned text with the shipped model (results cached: rules share them)."""
    return scorer().score(text)


def belief_score(text: str) -> tuple[float, tuple[Span, ...]]:
    """Attack on a belief, with spans (see :func:`yorum.model.belief.belief_score`)."""
    from yorum.model.belief import belief_score as score

    return score(text)
