"""One held-out fold of OffensEval-TR through the whole engine, both learned models refitted.

A quicker check than ``quality_abuse`` (one fold instead of five): the tweet model and the
news-comment model are fitted without the held-out fifth (``yorum_cv``; the news-comment model
learns the writers' comments and the clean tweets of the other four fifths, as ``yorum train``
does with all of them), then ``moderate()`` flags the fifth (any abuse rule firing).
``--without-news`` runs the engine without the news-comment model, as before it existed.

    python -m benchmarks.engine_fold [--without-news]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks import common, metrics, yorum_cv

FOLD = 0  # which fifth of quality_abuse's folds is held out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=common.DEFAULT_DATA)
    parser.add_argument("--without-news", action="store_true")
    args = parser.parse_args()
    if args.without_news:
        from yorum.moderation import prepare

        prepare.Prepared.comment_scores = property(lambda self: None)  # type: ignore[assignment,method-assign]
    from benchmarks.quality_abuse import LEARNED, _folds

    rows = common.offenseval(args.data)
    train, test = _folds(rows.offensive)[FOLD]
    rules = [0] * len(rows.texts)
    for i in test:
        d = common.verdict_sources(rows.texts[i])
        rules[i] = int(
            any(
                r in common.ABUSE and s != "advice" and src not in LEARNED
                for r, (s, src) in d.items()
            )
        )
    pred, note = yorum_cv.predict(rows, [(train, test)], rules, jobs=1)
    assert pred is not None, note
    gold = [rows.offensive[i] for i in test]
    got = [pred[i] for i in test]
    out = {
        "fold": FOLD,
        "rows": len(test),
        "news_model": not args.without_news,
        "lists_and_patterns": metrics.binary(gold, [rules[i] for i in test]),
        "engine": metrics.binary(gold, got),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
