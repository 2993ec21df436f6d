"""Rebuild the news-comment model (``yorum train``, ``make model``). Same data and seed → same weights.

Data: labelled news comments written for yorum, one file per writer (``training/data/
news_comments``, and the probe sets ``benchmarks/data/news_probes/set*.jsonl``). A file whose name
starts with ``heldout`` is never read: it stays unseen for the engine's own estimate.
Cross-validation leaves one writer out at a time, so its figures say how the model does on
the wording of a writer it never saw, which is what a newsroom's readers are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from yorum.model.comments import COMMENTS_NAME, OUTPUTS
from yorum.model.features import FEATURES_VERSION, doc_units
from yorum.model.fit import Docs, Settings, Vectorizer

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
CARD_NAME = "comments_card.json"
COMMENT_SOURCES = ("training/data/news_comments", "benchmarks/data/news_probes")  # from the root
SETTINGS = Settings(min_df=(1, 2, 1), block_weight=(1.0, 1.0, 0.7))
C = 10.0  # inverse regularisation of the multinomial logistic regression
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
LIMITATIONS = [
    "Written comments, not scraped ones: real readers' spelling and slang are wider.",
    "Cross-validation leaves one writer out; all writers were given the same house rule, so "
    "comments that read it differently from them will score lower.",
    "Threats and belief attacks only; swearing and insults are the tweet model's and the lists'.",
]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    labels: I64  # index into OUTPUTS
    groups: list[str]  # the writer (file) of each comment
    files: dict[str, str]  # file → sha256

    def __len__(self) -> int:
        return len(self.texts)


def label_of(row: dict[str, Any]) -> int:
    """``label`` (writers' files) or ``expect`` (probe sets) → clean, offensive, belief_attack.

    Comments that break only other clauses (an insult, a misspelling) are ``clean`` here: this
    model answers for two clauses only. A belief attack that also offends counts as belief.
    """
    if "label" in row:
        label = row["label"]
        return OUTPUTS.index(label) if label in OUTPUTS else 0
    expect = row.get("expect", "clean")
    clauses = [] if expect == "clean" else list(expect)
    if "belief_attack" in clauses:
        return 2
    return 1 if "offensive" in clauses else 0


def corpus_files(sources: list[Path]) -> list[Path]:
    files = sorted(p for src in sources for p in src.glob("*.jsonl"))
    return [p for p in files if not p.name.startswith("heldout")]


def load_corpus(sources: list[Path]) -> Corpus:
    texts: list[str] = []
    labels: list[int] = []
    groups: list[str] = []
    digests: dict[str, str] = {}
    for path in corpus_files(sources):
        raw = path.read_bytes()
        digests[f"{path.parent.name}/{path.name}"] = hashlib.sha256(raw).hexdigest()
        for n, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a labelled comment ({exc})") from exc
            texts.append(text)
            labels.append(label_of(row))
            groups.append(f"{path.parent.name}/{path.stem}")
    if not texts:
        raise ValueError(f"no labelled comments under {', '.join(map(str, sources))}")
    return Corpus(texts, np.array(labels, dtype=np.int64), groups, digests)


def fit(docs: Docs, labels: I64, seed: int) -> tuple[Vectorizer, F64, F64]:
    """Vectoriser, coef ``(n_features, 3)`` and intercept ``(3,)`` of the multinomial model."""
    from sklearn.linear_model import LogisticRegression

    vec = Vectorizer(SETTINGS)
    x = vec.fit_transform(docs)
    m = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=seed)
    m.fit(x, labels)
    order = [list(m.classes_).index(k) for k in range(len(OUTPUTS))]
    return vec, np.asarray(m.coef_[order].T), np.asarray(m.intercept_[order])


def leave_writer_out(docs: Docs, corpus: Corpus, seed: int) -> F64:
    """Out-of-writer probabilities ``(n, 3)``: each writer scored by a model fitted without it."""
    probs = np.zeros((len(corpus), len(OUTPUTS)))
    groups = np.array(corpus.groups)
    for g in sorted(set(corpus.groups)):
        held = groups == g
        train = np.flatnonzero(~held)
        vec, coef, intercept = fit([docs[i] for i in train], corpus.labels[train], seed)
        z = vec.transform([docs[i] for i in np.flatnonzero(held)]) @ coef + intercept
        e = np.exp(z - z.max(axis=1, keepdims=True))
        probs[held] = e / e.sum(axis=1, keepdims=True)
    return probs


def quality(probs: F64, corpus: Corpus) -> dict[str, Any]:
    """Per threshold: recall of each clause, clean comments flagged (either output ≥ t)."""
    y = corpus.labels
    out: dict[str, Any] = {}
    for t in THRESHOLDS:
        flagged = (probs[:, 1] >= t) | (probs[:, 2] >= t)
        out[f"{t:.1f}"] = {
            "offensive_recall": round(float(flagged[y == 1].mean()), 4),
            "belief_attack_recall": round(float(flagged[y == 2].mean()), 4),
            "own_clause_recall": {
                key: round(float((probs[y == k, k] >= t).mean()), 4)
                for k, key in enumerate(OUTPUTS)
                if k
            },
            "clean_flagged": round(float(flagged[y == 0].mean()), 4),
        }
    return out


def per_writer(probs: F64, corpus: Corpus, t: float) -> dict[str, dict[str, Any]]:
    groups = np.array(corpus.groups)
    flagged = (probs[:, 1] >= t) | (probs[:, 2] >= t)
    y = corpus.labels
    table: dict[str, dict[str, Any]] = {}
    for g in sorted(set(corpus.groups)):
        at = groups == g
        row: dict[str, Any] = {"comments": int(at.sum())}
        for k, key in enumerate(OUTPUTS):
            sel = at & (y == k)
            row[key] = f"{int(flagged[sel].sum())}/{int(sel.sum())} flagged"
        table[g] = row
    return table


def main(sources: list[Path], out_dir: Path | None, seed: int) -> dict[str, Any]:
    """Train on every writer's comments; write ``weights/news-comments.npz`` and the card."""
    from yorum.model.classifier import Scorer
    from yorum.model.store import load, save
    from yorum.model.train import package_dir

    corpus = load_corpus(sources)
    _log(f"news-comment model: {len(corpus)} comments from {len(corpus.files)} writers")
    docs = [doc_units(t) for t in corpus.texts]
    _log("leave-one-writer-out cross-validation")
    probs = leave_writer_out(docs, corpus, seed)
    q = quality(probs, corpus)
    _log("fitting on all comments")
    vec, coef, intercept = fit(docs, corpus.labels, seed)
    path = (out_dir or package_dir() / "weights") / COMMENTS_NAME
    meta = {"features_version": FEATURES_VERSION, "seed": seed, "outputs": list(OUTPUTS)}
    arrays = (vec.vocab(), vec.idf(), np.array(SETTINGS.block_weight), coef, intercept, meta)
    save(path, *arrays)
    table = Scorer(load(path)).word_table()  # derived from the weights just written
    save(path, *arrays, table)
    card = {
        "model": "yorum news-comments: multinomial logistic regression on word, char, stem n-grams",
        "date": dt.date.today().isoformat(),
        "seed": seed,
        "features_version": FEATURES_VERSION,
        "data": {
            "files": corpus.files,
            "comments": len(corpus),
            "labels": {OUTPUTS[k]: n for k, n in sorted(Counter(corpus.labels.tolist()).items())},
            "licence": "written for yorum (own work, the repository's licence)",
        },
        "settings": {**SETTINGS.as_dict(), "C": C, "class_weight": "balanced"},
        "weights": {
            "file": f"weights/{COMMENTS_NAME}",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "bytes": path.stat().st_size,
            "features": int(coef.shape[0]),
        },
        "leave_one_writer_out": q,
        "per_writer_at_0.5": per_writer(probs, corpus, 0.5),
        "limitations": LIMITATIONS,
    }
    card_path = (out_dir or package_dir()) / CARD_NAME
    card_path.write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    at = q["0.5"]
    _log(
        f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB); left-out writers at 0.5: offensive "
        f"{at['offensive_recall']:.1%}, belief {at['belief_attack_recall']:.1%}, "
        f"clean flagged {at['clean_flagged']:.1%}"
    )
    return card
