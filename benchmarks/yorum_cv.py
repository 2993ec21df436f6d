"""yorum's abuse flags under k-fold CV: the engine with models trained without the held-out fold.

For each fold, ``yorum.model.train.fit_all`` fits the tweet model's ensemble on the fold's
training rows (vocabulary, idf, members, kinds) and ``yorum.model.store.save`` writes it; the
news-comment model is refitted on the writers' comments and the clean tweets among those rows
(it learns clean tweets as negatives); the engine then moderates the held-out rows with both
swapped in (``classifier.weights_path``, ``comments.comments_path``). The
ensemble's member scales and Platt calibration (five numbers) are taken from the shipped model
card instead of an inner cross-validation per fold, which would take five times as long; they
were fitted on out-of-fold scores of all rows, so the leak is five scalars, not the weights.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import common

_CURRENT: list[str] = [""]
_SHIPPED: list[Path] = [Path()]
_SHIPPED_NEWS: list[Path] = [Path()]
ROOT = Path(__file__).resolve().parents[1]
_DOCS: list[Any] = []  # every row's model features, computed once before the pool forks
_NEWS: list[Any] = []  # the writers' comments: (targets, features), likewise once


def news_path(path: str) -> Path:
    """Where the news-comment model of the fold whose tweet model is at ``path`` lives."""
    return Path(path).with_suffix(".news.npz")


def _install(path: str) -> None:
    """Make the engine's models the ones of ``path`` (in this process)."""
    from yorum.model import classifier, comments

    if _CURRENT[0] == path:
        return
    classifier.weights_path = lambda: Path(path)  # scorer() loads (and keeps) per path
    news = news_path(path)
    comments.comments_path = lambda: news if news.exists() else _SHIPPED_NEWS[0]  # type: ignore[method-assign]
    for cached in (classifier.scorer, classifier.classify, comments.comment_scores):
        clear = getattr(cached, "cache_clear", None)
        if clear is not None:
            clear()
    _CURRENT[0] = path


def _abuse_with(job: tuple[str, str]) -> int:
    path, text = job
    _install(path)
    return int(common.fires(common.verdict_rules(text), common.ABUSE))


def _why_not() -> str | None:
    try:
        from yorum.model import classifier, fit, store, train
    except ImportError as exc:
        return f"yorum.model training code not importable ({exc})"
    needed = (
        (train, "featurize"),
        (train, "fit_all"),
        (train, "CrossValidated"),
        (fit, "Settings"),
        (store, "save"),
        (classifier, "weights_path"),
        (classifier, "scorer"),
    )
    gone = [f"{m.__name__}.{name}" for m, name in needed if not hasattr(m, name)]
    if gone:
        return f"yorum.model lacks {', '.join(gone)}"
    if not classifier.weights_path().exists():
        return "no shipped weights (src/yorum/model/weights)"
    card = common.MODEL_CARD
    if not card.exists() or "ensemble" not in json.loads(card.read_text("utf-8")):
        return "no model card with the ensemble's scales and calibration"
    return None


def _settings(kind: Any, saved: dict[str, Any]) -> Any:
    """The shipped model's training settings (from its card), else the defaults."""
    try:
        return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in saved.items()})
    except TypeError:
        return kind()


def _fit_fold(job: tuple[list[int], list[str], list[int], list[str], str]) -> str:
    """Fit on one fold's training rows; write the weights; their path."""
    import numpy as np

    from yorum.model import classifier, fit, store, train
    from yorum.model.datasets import Labelled

    rows, texts, offensive, fine, path = job
    card = json.loads(common.MODEL_CARD.read_text("utf-8"))
    ensemble: dict[str, Any] = card["ensemble"]
    settings = _settings(fit.Settings, card.get("settings", {}))
    data = Labelled(texts, offensive, fine, "benchmark fold", "")
    docs = [_DOCS[i] for i in rows]
    cv = train.CrossValidated(
        oof=None,  # type: ignore[arg-type]  # fit_all reads only scales and calibration
        scales=dict(ensemble["member_scales"]),
        slope=float(ensemble["platt"][0]),
        offset=float(ensemble["platt"][1]),
    )
    seed = int(card.get("seed", 13))
    vocab, idf, coef, intercept = train.fit_all(data, docs, cv, settings, seed)
    meta = dict(store.load(classifier.weights_path()).meta)
    meta["benchmark_fold"] = True
    store.save(Path(path), vocab, idf, np.array(settings.block_weight), coef, intercept, meta)
    _fit_news(docs, offensive, news_path(path), seed)
    return path


def _fit_news(tweets: list[Any], offensive: list[int], path: Path, seed: int) -> None:
    """The news-comment model as ``yorum train`` fits it, with only these rows' clean tweets."""
    from yorum.model import train_comments as tc

    targets, docs = _NEWS
    negatives = [d for d, off in zip(tweets, offensive, strict=True) if not off]
    tc.write_weights(path, docs, targets, seed, negatives)


def _news_corpus() -> tuple[Any, list[Any]]:
    from yorum.model import train_comments as tc
    from yorum.model.features import doc_units

    corpus = tc.load_corpus([ROOT / s for s in tc.COMMENT_SOURCES])
    return corpus.targets, [doc_units(t) for t in corpus.texts]


def predict(
    rows: common.OffensEval,
    folds: list[tuple[list[int], list[int]]],
    rules_flags: list[int],
    jobs: int,
) -> tuple[list[int] | None, str]:
    """Out-of-fold abuse flags of the whole engine, and a note saying how they were made.

    ``rules_flags``: rows the word lists and patterns already flag (the shipped engine's
    non-model findings); the model cannot unflag them, so only the others are moderated again.
    """
    why = _why_not()
    if why is not None:
        return None, f"no per-fold yorum CV: {why}"
    from yorum.model import classifier, comments

    _SHIPPED[0] = classifier.weights_path()
    _SHIPPED_NEWS[0] = comments.comments_path()
    from yorum.model import train as model_train
    from yorum.model.datasets import FINE

    fine = [f if f in FINE or f == "non" else "" for f in rows.fine]
    _DOCS[:] = model_train.featurize(rows.texts)
    _NEWS[:] = _news_corpus()
    pred = list(rules_flags)  # a word-list or pattern finding stands whatever the model says
    with tempfile.TemporaryDirectory(prefix="yorum-bench-cv-") as tmp:
        fit_jobs = [
            (
                train,
                [rows.texts[i] for i in train],
                [rows.offensive[i] for i in train],
                [fine[i] for i in train],
                str(Path(tmp) / f"fold{k}.npz"),
            )
            for k, (train, _) in enumerate(folds)
        ]
        paths = common.pmap(_fit_fold, fit_jobs, jobs, chunk=1)
        _DOCS.clear()
        _NEWS.clear()
        order = [(k, i) for k, (_, test) in enumerate(folds) for i in test if not rules_flags[i]]
        flags = common.pmap(_abuse_with, [(paths[k], rows.texts[i]) for k, i in order], jobs)
        for (_, i), flag in zip(order, flags, strict=True):
            pred[i] = flag
    if jobs <= 1:  # the folds' models were swapped into this very process: put the shipped back
        _install(str(_SHIPPED[0]))
    return pred, (
        "yorum (5-fold CV): the engine with the model refitted on each fold's training rows; "
        "the ensemble's 5 calibration numbers come from the shipped card (see yorum_cv.py)"
    )
