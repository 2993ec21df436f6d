"""Fitting the linear models (training only: scikit-learn is imported inside the functions).

Every model is linear in the same TF-IDF features, so the ensemble collapses into one weight
column: NB-weighted logistic regression and SVM (log-count ratios folded into the weights), plain
logistic regression, mixed in logit space and Platt-calibrated. Kinds of offence come from a
multinomial model fitted on the offensive rows only: P(kind) = P(offensive) · P(kind | offensive).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from yorum.model.datasets import FINE

F64 = npt.NDArray[np.float64]
Docs = list[tuple[list[list[str]], list[list[str]], list[list[str]]]]
MODELS = ("nblr", "nbsvc", "lr")


@dataclass(frozen=True)
class Settings:
    min_df: tuple[int, int, int] = (2, 2, 2)  # per block: word, char, stem
    block_weight: tuple[float, float, float] = (0.7, 1.0, 1.0)
    nb_alpha: float = 1.0
    c_nblr: float = 2.0
    c_nbsvc: float = 0.1
    c_lr: float = 10.0
    mix: tuple[float, float, float] = (1.0, 1.0, 0.4)  # weights of MODELS in logit space
    c_kind: float = 3.0
    folds: int = 5
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _identity(items: list[str]) -> list[str]:
    return items


class Vectorizer:
    """TF-IDF per block, L2-normalised by the units' own norms, times the block weight.

    Block vector of a text: ``sum(v_u) / sqrt(sum(|v_u|²))`` over its units ``u`` (tokens or
    neighbour pairs), ``v_u`` = counts × idf. Close to plain TF-IDF, and additive per token.
    """

    def __init__(self, settings: Settings) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.weights = settings.block_weight
        self.parts = [
            TfidfVectorizer(analyzer=_identity, min_df=m, dtype=np.float64) for m in settings.min_df
        ]

    def _block(self, b: int, docs: Docs) -> Any:
        import scipy.sparse as sp  # type: ignore[import-untyped]
        from sklearn.feature_extraction.text import CountVectorizer

        vocab = self.parts[b].vocabulary_
        counts = CountVectorizer(analyzer=_identity, vocabulary=vocab, dtype=np.float64)
        units = [u for d in docs for u in d[b]]
        owner = np.repeat(np.arange(len(docs)), [len(d[b]) for d in docs])
        v = counts.transform(units) @ sp.diags(self.parts[b].idf_)
        q = np.asarray(v.multiply(v).sum(axis=1)).ravel()
        of_doc = sp.csr_matrix(
            (np.ones(len(units)), (owner, np.arange(len(units)))), shape=(len(docs), len(units))
        )
        norm = np.sqrt(of_doc @ q)
        scale = np.divide(self.weights[b], norm, out=np.zeros_like(norm), where=norm > 0)
        return sp.diags(scale) @ (of_doc @ v)

    def fit_transform(self, docs: Docs) -> Any:
        for b, part in enumerate(self.parts):
            part.fit([[f for u in d[b] for f in u] for d in docs])
        return self.transform(docs)

    def transform(self, docs: Docs) -> Any:
        import scipy.sparse as sp

        return sp.hstack([self._block(b, docs) for b in range(len(self.parts))]).tocsr()

    def vocab(self) -> list[list[str]]:
        return [list(v.get_feature_names_out()) for v in self.parts]

    def idf(self) -> F64:
        return np.concatenate([v.idf_ for v in self.parts])


def _nb_ratio(x: Any, y: npt.NDArray[np.int64], alpha: float) -> F64:
    binary = (x > 0).astype(np.float64)
    pos = np.asarray(binary[y == 1].sum(axis=0)).ravel() + alpha
    neg = np.asarray(binary[y == 0].sum(axis=0)).ravel() + alpha
    return np.asarray(np.log((pos / pos.sum()) / (neg / neg.sum())), dtype=np.float64)


def fit_offensive(x: Any, y: npt.NDArray[np.int64], s: Settings, seed: int) -> dict[str, F64]:
    """Each ensemble member as ``[coef..., intercept]`` in the plain TF-IDF space."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    r = _nb_ratio(x, y, s.nb_alpha)
    xr = x.multiply(r).tocsr()
    out: dict[str, F64] = {}
    for name, mix in zip(MODELS, s.mix, strict=True):
        if not mix:
            continue
        if name == "nblr":
            m: Any = LogisticRegression(C=s.c_nblr, solver="liblinear", random_state=seed)
        elif name == "nbsvc":
            m = LinearSVC(C=s.c_nbsvc, random_state=seed)
        else:
            m = LogisticRegression(C=s.c_lr, solver="liblinear", random_state=seed)
        m.fit(x if name == "lr" else xr, y)
        coef = m.coef_.ravel() * (1.0 if name == "lr" else r)
        out[name] = np.append(coef, m.intercept_[0])
    return out


def fit_kinds(x: Any, fine: npt.NDArray[np.str_], s: Settings) -> F64:
    """Multinomial P(kind | offensive) on rows with a known kind: ``(n_features + 1, 4)``."""
    from sklearn.linear_model import LogisticRegression

    rows = np.isin(fine, FINE)
    m = LogisticRegression(C=s.c_kind, max_iter=3000)
    m.fit(x[rows], fine[rows])
    order = [list(m.classes_).index(k) for k in FINE]
    return np.vstack([m.coef_[order].T, m.intercept_[order]])


def decision(x: Any, coef: F64) -> F64:
    return np.asarray(x @ coef[:-1] + coef[-1], dtype=np.float64)


def softmax(z: F64) -> F64:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float64)


@dataclass(frozen=True)
class OutOfFold:
    """Cross-validated logits of each member, P(kind | offensive), and the fold of each row."""

    z: dict[str, F64]
    kind: F64
    fold_of: npt.NDArray[np.int64]


def cross_validate(
    docs: Docs, y: npt.NDArray[np.int64], fine: npt.NDArray[np.str_], s: Settings, seed: int
) -> OutOfFold:
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(s.folds, shuffle=True, random_state=seed)
    z = {m: np.zeros(len(y)) for m, w in zip(MODELS, s.mix, strict=True) if w}
    kind = np.zeros((len(y), len(FINE)))
    fold_of = np.zeros(len(y), dtype=np.int64)
    for k, (tr, te) in enumerate(folds.split(np.zeros(len(y)), y)):
        vec = Vectorizer(s)
        x_tr = vec.fit_transform([docs[i] for i in tr])
        x_te = vec.transform([docs[i] for i in te])
        for name, coef in fit_offensive(x_tr, y[tr], s, seed).items():
            z[name][te] = decision(x_te, coef)
        kind[te] = softmax(decision(x_te, fit_kinds(x_tr, fine[tr], s)))
        fold_of[te] = k
    return OutOfFold(z, kind, fold_of)


def mix(scales: dict[str, float], values: dict[str, F64]) -> F64:
    """The ensemble: members' logits (or weights) times their scales, summed."""
    return np.asarray(sum(scale * values[m] for m, scale in scales.items()), dtype=np.float64)


def mix_scales(oof: OutOfFold, s: Settings) -> dict[str, float]:
    """Weight of each member's logit: its mix weight over its cross-validated spread."""
    weights = dict(zip(MODELS, s.mix, strict=True))
    return {m: weights[m] / float(np.std(z)) for m, z in oof.z.items()}


def platt(z: F64, y: npt.NDArray[np.int64]) -> tuple[float, float]:
    """Slope and offset mapping a logit to a calibrated one (fitted on out-of-fold values)."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6).fit(z[:, None], y)
    return float(m.coef_[0, 0]), float(m.intercept_[0])
