"""belief_attack: religion-labelled hate in Mayda et al. 2021, yorum beside the peers.

Attacks: every row labelled hateful or offensive with the ``dini`` (religion) sub-label.
Not attacks: rows labelled ``hiçbiri`` (none) from the sheets collected with a religious keyword
(alevi, ateist, gavur, hristiyan, hıristiyan, müslüman, yahudi): they mention a faith without
attacking it, which must stay allowed. yorum is scored twice: the ``belief_attack`` rule alone,
and any abuse rule. The peers flag anything offensive (they have no notion of belief); the
TF-IDF peer is trained on the whole OffensEval-TR training set (no Mayda row is in it).

    .venv/bin/python -m benchmarks.quality_belief [--quick]
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

from benchmarks import common, metrics, peers

FILE = "tr-hate-speech-mayda2021/tr_hate_speech_mayda2021.csv"
RELIGION_SHEETS = frozenset(
    {"alevi", "ateist", "gavur", "hristiyan", "hıristiyan", "müslüman", "yahudi"}
)
EXAMPLES = 8


def mayda_religion(data: Path) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    gold: list[int] = []
    with (data / FILE).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            religious = "dini" in row["sublabel"].split(",")
            if row["label"] != "hiçbiri" and religious:
                texts.append(row["text"])
                gold.append(1)
            elif row["label"] == "hiçbiri" and row["keyword_sheet"] in RELIGION_SHEETS:
                texts.append(row["text"])
                gold.append(0)
    return texts, gold


def _examples(texts: list[str], gold: list[int], pred: list[int], want: int) -> list[str]:
    """A few misses (want=1) or false flags (want=0), shortened."""
    out = [t for t, g, p in zip(texts, gold, pred, strict=True) if g == want and p != want]
    return [" ".join(t.split())[:160] for t in out[:EXAMPLES]]


def run(cfg: common.Config) -> dict[str, Any]:
    texts, gold = mayda_religion(cfg.data)
    if cfg.quick:
        keep = common.subsample(len(texts), 1200)
        texts, gold = [texts[i] for i in keep], [gold[i] for i in keep]
    tools: list[dict[str, Any]] = []
    notes: list[str] = []
    result: dict[str, Any] = {
        "data": "Mayda 2021 (tr-hate-speech-mayda2021); licence: none stated, evaluation only",
        "attacks": sum(gold),
        "not_attacks": len(gold) - sum(gold),
    }
    seconds: dict[str, float] = {}
    why = common.engine_status()
    if why is None:
        t = time.perf_counter()
        found = common.pmap(common.verdict_rules, texts, cfg.jobs)
        seconds["yorum"] = time.perf_counter() - t
        belief = [int(common.fires(f, ("belief_attack",))) for f in found]
        anything = [int(common.fires(f, common.ABUSE)) for f in found]
        tools.append({"tool": "yorum belief_attack", **metrics.binary(gold, belief)})
        tools.append({"tool": "yorum any abuse rule", **metrics.binary(gold, anything)})
        result["yorum_missed"] = _examples(texts, gold, belief, 1)
        result["yorum_false_flags"] = _examples(texts, gold, belief, 0)
    else:
        notes.append(f"yorum did not run: {why}")
    for name in peers.ALL_PEERS:
        if (gone := peers.missing(name)) is not None:
            notes.append(gone)
            continue
        t = time.perf_counter()
        if name == "tfidf":
            model = peers.TfidfPeer.load(peers.tfidf_full_path(cfg.data))
            pred = model.predict(texts)
        else:
            pred = common.pmap(peers.flag_with, [(name, str(cfg.data), x) for x in texts], cfg.jobs)
        seconds[name] = time.perf_counter() - t
        tools.append({"tool": name, **metrics.binary(gold, pred)})
    result.update({"tools": tools, "notes": notes, "seconds": seconds})
    return common.rounded(result)


def main() -> None:
    common.section_main("quality_belief", run, __doc__)


if __name__ == "__main__":
    main()
