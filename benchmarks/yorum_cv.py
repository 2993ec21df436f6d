"""yorum's abuse flags under k-fold CV: train the model on each fold's training part.

Uses ``yorum.model.train`` when it can fit a model on given rows; otherwise says why, and the
abuse section falls back to the rules-only row and the model card's numbers.
"""

from __future__ import annotations

from benchmarks import common


def predict(
    rows: common.OffensEval, folds: list[tuple[list[int], list[int]]], jobs: int
) -> tuple[list[int] | None, str]:
    try:
        from yorum.model import train  # noqa: F401
    except ImportError as exc:
        return None, f"no per-fold yorum CV: yorum.model.train not importable ({exc})"
    return None, "no per-fold yorum CV: yorum.model.train exposes no per-fold training"
