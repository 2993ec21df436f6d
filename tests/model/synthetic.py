"""A tiny synthetic OffensEval-style data folder, for training tests."""

from __future__ import annotations

import random
from pathlib import Path

HEADER = "id\ttweet\tsubtask_a\ttroff_label\ttext_also_in_official_test\n"
NEUTRAL = [
    "bugün",
    "hava",
    "güzel",
    "maç",
    "haber",
    "okul",
    "yol",
    "kitap",
    "çay",
    "akşam",
    "sabah",
    "şehir",
    "deniz",
]
BAD = {
    "prof": ["siktir", "amk", "lan"],
    "ind": ["gerizekalı", "şerefsiz", "salak"],
    "grp": ["hepsi", "bunlar", "milleti"],
    "oth": ["rezil", "berbat", "çöplük"],
}


def write_offenseval(root: Path, rows: int = 240, seed: int = 0) -> Path:
    """``root/offenseval2020-tr/…troff-labels.tsv`` with a clear signal for every label."""
    rng = random.Random(seed)
    kinds = ["non", "non", "non", "prof", "ind", "grp", "oth"]
    lines = [HEADER]
    for i in range(rows):
        kind = kinds[i % len(kinds)]
        words = rng.sample(NEUTRAL, 5)
        if kind != "non":
            words.insert(rng.randrange(6), rng.choice(BAD[kind]))
        label = "NOT" if kind == "non" else "OFF"
        lines.append(f"{i}\t@USER {' '.join(words)}\t{label}\t{kind}\t0\n")
    folder = root / "offenseval2020-tr"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "offenseval-tr-training-v1.troff-labels.tsv").write_text("".join(lines), "utf-8")
    return root
