"""Evasion recall and clean-text false flags.

Recall: listed swear words and insults, with Turkish suffixes, disguised by one or two tricks
(separators, digits, repeated letters, look-alike Cyrillic letters, zero-width characters,
mixed case), each inside a short sentence. False flags: every clean sentence in
../shared/data/tr-clean-text-ud flagged by an abuse rule.

    .venv/bin/python -m benchmarks.evasion [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import yorum
from yorum.moderation.evasion import SUFFIXES, disguise

ROOT = Path(__file__).resolve().parents[1]
ABUSE = {"profanity", "insult", "offensive", "belief_attack"}
BAD_WORDS = (
    "siktir", "orospu", "yavşak", "pezevenk", "kahpe", "gerizekalı", "şerefsiz", "salak",
    "aptal", "ibne", "kaltak", "dangalak", "haysiyetsiz", "puşt", "gavat", "amcık",
)  # fmt: skip
FRAMES = ("{} herkes biliyor", "bu adam {}", "hepsi {} bunların", "{}")


def evasion_recall(n: int = 2000, seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[str] = []
    for _ in range(n):
        word = rng.choice(BAD_WORDS) + rng.choice(SUFFIXES)
        disguised, trick = disguise(word, rng, tricks=rng.choice((1, 1, 2)))
        text = rng.choice(FRAMES).format(disguised)
        total[trick] += 1
        if ABUSE & set(yorum.moderate(text).rules()):
            hit[trick] += 1
        elif len(missed) < 20:
            missed.append(text)
    return {
        "recall": sum(hit.values()) / n,
        "by_trick": {k: round(hit[k] / total[k], 4) for k in sorted(total)},
        "examples_missed": missed,
    }


def clean_sentences(data: Path) -> list[str]:
    out: list[str] = []
    for path in sorted((data / "tr-clean-text-ud").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            out.extend(row["text"] for row in reader if row.get("text"))
    return out


def false_flags(data: Path) -> dict[str, Any]:
    sentences = clean_sentences(data)
    flagged: Counter[str] = Counter()
    examples: list[str] = []
    n_flagged = 0
    for text in sentences:
        rules = ABUSE & set(yorum.moderate(text).rules())
        if rules:
            n_flagged += 1
            flagged.update(rules)
            if len(examples) < 25:
                examples.append(f"{sorted(rules)} {text}")
    return {
        "sentences": len(sentences),
        "flagged_share": n_flagged / len(sentences),
        "by_rule": dict(flagged),
        "examples": examples,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    print(
        json.dumps(
            {"evasion": evasion_recall(), "clean": false_flags(args.data)},
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
