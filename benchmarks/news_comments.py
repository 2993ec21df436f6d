"""Quality on a small hand-written set of news comments (benchmarks/data/news_comments.jsonl).

The set was written by the developers who wrote the rules, so it shows what works, not how
well yorum generalises; the data-set benchmarks do that.

    .venv/bin/python -m benchmarks.news_comments
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import yorum

DATA = Path(__file__).parent / "data" / "news_comments.jsonl"


def run(path: Path = DATA, verbose: bool = True) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    clean_ok = clean_n = bad_caught = bad_n = 0
    per_rule: Counter[str] = Counter()
    per_rule_hit: Counter[str] = Counter()
    misses: list[str] = []
    for row in rows:
        verdict = yorum.moderate(row["text"])
        found = set(verdict.rules())
        if row["expect"] == "approved":
            clean_n += 1
            if verdict.decision == "approved":
                clean_ok += 1
            else:
                misses.append(f"false flag {row['id']}: {sorted(found)} {row['text']}")
        else:
            bad_n += 1
            bad_caught += verdict.decision != "approved"
            for rule in row["rules"]:
                per_rule[rule] += 1
                if rule in found:
                    per_rule_hit[rule] += 1
                else:
                    misses.append(f"missed {rule} {row['id']}: {row['text']}")
    result = {
        "clean_approved": clean_ok / clean_n,
        "bad_not_approved": bad_caught / bad_n,
        "clause_recall": {r: per_rule_hit[r] / per_rule[r] for r in sorted(per_rule)},
        "n_clean": clean_n,
        "n_bad": bad_n,
    }
    if verbose:
        print(json.dumps(result, indent=2))
        print("\n".join(misses))
    return result


if __name__ == "__main__":
    run()
