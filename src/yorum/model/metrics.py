"""Small numpy metrics for evaluation: precision/recall/F1, macro-F1, thresholds, confusion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Arr = npt.NDArray[np.float64] | npt.NDArray[np.int64] | npt.NDArray[np.bool_]
GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int

    def row(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} n={self.support}"


def prf(truth: Arr, pred: Arr) -> PRF:
    """Precision, recall and F1 of the positive class."""
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(pred, dtype=bool)
    tp = int(np.sum(t & p))
    precision = tp / max(int(p.sum()), 1)
    recall = tp / max(int(t.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1, int(t.sum()))


def macro_f1(truth: Arr, pred: Arr) -> float:
    """Macro-F1 of a binary task (mean F1 of both classes), as OffensEval scores it."""
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(pred, dtype=bool)
    return (prf(t, p).f1 + prf(~t, ~p).f1) / 2


def best_threshold(truth: Arr, prob: Arr) -> tuple[float, float]:
    """The threshold on ``GRID`` with the best macro-F1, and that score."""
    scores = [macro_f1(truth, np.asarray(prob) >= t) for t in GRID]
    k = int(np.argmax(scores))
    return float(GRID[k]), float(scores[k])


def crossfit_macro_f1(truth: Arr, prob: Arr, fold_of: npt.NDArray[np.int64]) -> float:
    """Macro-F1 with each fold's threshold chosen on the other folds (an honest tuned score)."""
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(prob, dtype=np.float64)
    pred = np.zeros(len(t), dtype=bool)
    for k in np.unique(fold_of):
        held = fold_of == k
        thr, _ = best_threshold(t[~held], p[~held])
        pred[held] = p[held] >= thr
    return macro_f1(t, pred)


def threshold_for_precision(truth: Arr, prob: Arr, target: float) -> tuple[float, PRF] | None:
    """The lowest grid threshold whose precision reaches ``target`` (None if none does)."""
    for thr in GRID:
        pred = np.asarray(prob) >= thr
        if pred.sum() >= 5:
            got = prf(truth, pred)
            if got.precision >= target:
                return float(thr), got
    return None


def confusion(truth: list[str], pred: list[str], labels: tuple[str, ...]) -> str:
    """A text confusion table, rows = truth, columns = prediction."""
    index = {lab: i for i, lab in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for t, p in zip(truth, pred, strict=True):
        if t in index and p in index:
            table[index[t], index[p]] += 1
    width = max(6, *(len(lab) for lab in labels)) + 1
    lines = ["truth\\pred".ljust(width + 4) + "".join(lab.rjust(width) for lab in labels)]
    for lab, row in zip(labels, table, strict=True):
        lines.append(lab.ljust(width + 4) + "".join(str(v).rjust(width) for v in row))
    return "\n".join(lines)
