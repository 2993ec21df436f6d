"""Abuse (profanity, insult, offensive): OffensEval-TR, 5-fold CV, yorum beside the peers.

"Offensive" for yorum: one of insult / profanity / offensive / belief_attack is in the verdict
with a severity that stops approval (block or review). Metrics: macro-F1 of OFF vs NOT, and the
share flagged in each TROFF category (prof = swearing, ind = at a person, grp = at a group,
oth = other; for non it is the false-flag rate), as the mean over 5 stratified folds.

yorum's learned model was trained on this very set, so the shipped engine scores in-sample
rows here. Three yorum rows keep that honest:

- ``yorum (rules only)``: the verdict's word-list and pattern findings, no model: nothing in it
  was fitted to these rows (a list was written by people who may have read some of them);
- ``yorum (5-fold CV)``: where ``benchmarks.yorum_cv`` can train the model per fold, the engine
  with each fold's model on the held-out fold; otherwise absent, with the reason;
- ``yorum (shipped, in-sample)``: the engine as shipped, optimistic; and the model card's own
  cross-validated numbers, quoted from ``src/yorum/model/card.json`` when it exists.

The lexicon peers learn nothing; the TF-IDF peer is trained on each fold's training part.

    .venv/bin/python -m benchmarks.quality_abuse [--quick]
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks import common, metrics, peers, yorum_cv

FOLDS = 5
LEARNED = ("model", "news-model")  # finding sources refitted per fold (see yorum_cv): the
# news-comment model learns the clean tweets as negatives
FULL_ROWS = 20_000  # of 31,753: keeps `make bench` near 15 minutes on two cores (--limit 0: all)
QUICK_ROWS = 6000
SEED = 13
CATEGORIES = ("prof", "ind", "grp", "oth", "non")


def _flag_peer(name: str, texts: list[str], data: Path, jobs: int) -> list[int]:
    return common.pmap(peers.flag_with, [(name, str(data), t) for t in texts], jobs)


def _folds(labels: list[int]) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedKFold

    skf = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return [(list(a), list(b)) for a, b in skf.split(labels, labels)]


def _score(
    name: str, pred: list[int], rows: common.OffensEval, folds: list[tuple[list[int], list[int]]]
) -> dict[str, Any]:
    per_fold = []
    for _, test in folds:
        gold = [rows.offensive[i] for i in test]
        got = [pred[i] for i in test]
        scores = metrics.binary(gold, got)
        cats = metrics.recall_by([rows.fine[i] for i in test], got)
        scores.update({f"flagged_{c}": cats.get(c, 0.0) for c in CATEGORIES})
        per_fold.append(scores)
    out = metrics.summarise(per_fold)
    out["tool"] = name
    return out


def _at_false_flag_rate(
    scores: list[float],
    reference: list[int],
    gold: list[int],
    folds: list[tuple[list[int], list[int]]],
) -> list[int]:
    """Flags from ``scores`` with, in each fold, the threshold that flags the same share of the
    fold's inoffensive rows as ``reference`` does: the peer at yorum's operating point.
    (The threshold is set on the test fold itself: this compares operating points, it is not
    a result a tuned peer would get blind.)"""
    out = [0] * len(scores)
    for _, test in folds:
        negatives = sorted((scores[i] for i in test if not gold[i]), reverse=True)
        flagged = sum(reference[i] for i in test if not gold[i])
        threshold = negatives[flagged] if flagged < len(negatives) else -1.0
        for i in test:
            out[i] = int(scores[i] > threshold)
    return out


def _rule_breakdown(
    detail: list[dict[str, tuple[str, str]]], fine: list[str]
) -> dict[str, dict[str, float]]:
    """For each TROFF category, the share of rows on which each abuse rule stops approval."""
    table: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
    sizes = Counter(fine)
    for found, cat in zip(detail, fine, strict=True):
        if cat not in table:
            continue
        for rule, (severity, source) in found.items():
            if rule in common.ABUSE and severity != "advice":
                table[cat][f"{rule} ({'model' if source == 'model' else 'rules'})"] += 1
    return {
        c: {k: v / sizes[c] for k, v in sorted(table[c].items())} for c in CATEGORIES if sizes[c]
    }


def _card() -> dict[str, Any] | None:
    """The model card's own cross-validated numbers (the model alone, not the engine)."""
    if not common.MODEL_CARD.exists():
        return None
    card: dict[str, Any] = json.loads(common.MODEL_CARD.read_text("utf-8"))
    cv = card.get("cv", {})
    out: dict[str, Any] = {"date": card.get("date"), "rows": cv.get("rows")}
    for key in ("macro_f1_at_0.5", "macro_f1_best", "macro_f1_threshold_crossfit"):
        if key in cv:
            out[key] = cv[key]
    out["recall_at_0.5"] = {
        k: v["at_0.5"]["recall"] for k, v in cv.get("outputs", {}).items() if "at_0.5" in v
    }
    return out


def run(cfg: common.Config) -> dict[str, Any]:
    rows = common.offenseval(cfg.data)
    total = len(rows.texts)
    limit = cfg.limit if cfg.limit is not None else (QUICK_ROWS if cfg.quick else FULL_ROWS)
    if limit and limit < len(rows.texts):
        keep = common.subsample(len(rows.texts), limit)
        rows = common.OffensEval(
            [rows.texts[i] for i in keep],
            [rows.offensive[i] for i in keep],
            [rows.fine[i] for i in keep],
        )
    folds = _folds(rows.offensive)
    tools: list[dict[str, Any]] = []
    notes: list[str] = []
    timings: dict[str, float] = {}
    cv_pred: list[int] | None = None
    result: dict[str, Any] = {
        "data": "OffensEval-TR training set (offenseval2020-tr), TROFF fine labels",
        "rows": len(rows.texts),
        "rows_in_set": total,
        "offensive_share": sum(rows.offensive) / len(rows.offensive),
        "categories": dict(Counter(rows.fine)),
        "folds": FOLDS,
    }

    why = common.engine_status()
    if why is None:
        t = time.perf_counter()
        detail = common.pmap(common.verdict_sources, rows.texts, cfg.jobs)
        timings["yorum"] = time.perf_counter() - t
        shipped = [int(any(r in common.ABUSE and s != "advice" for r, (s, _) in d.items()))
                   for d in detail]  # fmt: skip
        rules_only = [
            int(any(r in common.ABUSE and s != "advice" and src not in LEARNED
                    for r, (s, src) in d.items()))
            for d in detail
        ]  # fmt: skip
        tools.append(_score("yorum (rules only)", rules_only, rows, folds))
        t = time.perf_counter()
        cv_pred, cv_note = yorum_cv.predict(rows, folds, rules_only, cfg.jobs)
        if cv_pred is not None:
            timings["yorum 5-fold CV"] = time.perf_counter() - t
            tools.append(_score("yorum (5-fold CV)", cv_pred, rows, folds))
        notes.append(cv_note)
        tools.append(_score("yorum (shipped, in-sample)", shipped, rows, folds))
        result["yorum_rules_by_category"] = _rule_breakdown(detail, rows.fine)
    else:
        notes.append(f"yorum did not run: {why}")

    for name in peers.ALL_PEERS:
        if (gone := peers.missing(name)) is not None:
            notes.append(gone)
            continue
        t = time.perf_counter()
        matched: list[int] | None = None
        if name == "tfidf":
            scores = [0.0] * len(rows.texts)
            for train, test in folds:
                model = peers.TfidfPeer.fit(
                    [rows.texts[i] for i in train], [rows.offensive[i] for i in train]
                )
                for i, p in zip(test, model.scores([rows.texts[i] for i in test]), strict=True):
                    scores[i] = p
            pred = [int(p >= 0.5) for p in scores]
            if cv_pred is not None:
                matched = _at_false_flag_rate(scores, cv_pred, rows.offensive, folds)
        else:
            pred = _flag_peer(name, rows.texts, cfg.data, cfg.jobs)
        timings[name] = time.perf_counter() - t
        tools.append(_score(name, pred, rows, folds))
        if matched is not None:
            tools.append(_score("tfidf at yorum's false-flag rate", matched, rows, folds))

    card = _card()
    if card is not None:
        result["model_card"] = card
    else:
        notes.append("src/yorum/model/card.json not found: no shipped model numbers to quote")
    result.update({"tools": tools, "notes": notes, "seconds": timings})
    return common.rounded(result)


def main() -> None:
    common.section_main("quality_abuse", run, __doc__)


if __name__ == "__main__":
    main()
