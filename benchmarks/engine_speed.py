"""Engine speed: comments/s on one core, latency p50/p99, cold start of `yorum check`, memory.

The comment mix is drawn from ../shared/data: OffensEval-TR tweets, clean UD sentences, the
same sentences typed without Turkish letters and in capitals, and the hand-written English
and Turkish news comments in benchmarks/data.

    .venv/bin/python -m benchmarks.engine_speed [--data ../shared/data] [--n 3000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
WARM_UP = (
    "Bu gorusme cok onemli, SIKTIR",
    "Bu görüşme çok önemli, herkez birşey biliyor.",
    "This decison is definately wrong, you idiot.",
    "Supurgen nerede, bagislayin.",
)
ROOT = HERE.parent


def comment_mix(data: Path, n: int, seed: int = 7) -> list[str]:
    from yorum.lang.tr.text import ascii_fold, tr_upper

    rng = random.Random(seed)
    tweets: list[str] = []
    with (data / "offenseval2020-tr" / "offenseval-tr-training-v1.tsv").open(
        encoding="utf-8"
    ) as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        tweets = [row[1] for row in reader if len(row) > 1]
    sentences: list[str] = []
    with (data / "tr-clean-text-ud" / "ud_imst_dev.tsv").open(encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        col = header.index("text") if "text" in header else len(header) - 1
        sentences = [row[col] for row in reader if len(row) > col]
    hand = [
        json.loads(line)["text"]
        for line in (HERE / "data" / "news_comments.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    mix: list[str] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            mix.append(rng.choice(tweets))
        elif r < 0.7:
            mix.append(rng.choice(sentences))
        elif r < 0.8:
            mix.append(ascii_fold(rng.choice(sentences)))
        elif r < 0.85:
            mix.append(tr_upper(rng.choice(sentences)))
        else:
            mix.append(rng.choice(hand))
    return mix


def cold_start(runs: int = 3) -> float:
    exe = ROOT / ".venv" / "bin" / "yorum"
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [str(exe), "check", "--json", "Bu gorusme cok onemli"],
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - t)
    return min(times)


def model_load(runs: int = 3) -> float:
    """Seconds to read the shipped weights file (best of ``runs``; issue target < 1 s)."""
    from yorum.model.classifier import weights_path
    from yorum.model.store import load

    times = []
    for _ in range(runs):
        t = time.perf_counter()
        load(weights_path())
        times.append(time.perf_counter() - t)
    return min(times)


def run(data: Path, n: int) -> dict[str, Any]:
    import yorum

    mix = comment_mix(data, n)
    t = time.perf_counter()
    # Load every lazily loaded table once (Turkish, ASCII Turkish, English, misspellings).
    for text in WARM_UP:
        yorum.moderate(text)
    load = time.perf_counter() - t
    latencies = []
    start = time.perf_counter()
    for text in mix:
        t = time.perf_counter()
        yorum.moderate(text)
        latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    latencies.sort()
    return {
        "comments": n,
        "comments_per_s": n / total,
        "latency_p50_ms": 1000 * statistics.median(latencies),
        "latency_p99_ms": 1000 * latencies[int(0.99 * (n - 1))],
        "first_call_load_s": load,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "mean_chars": sum(map(len, mix)) / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    result = run(args.data, args.n)
    result["model_load_s"] = model_load()
    result["cold_start_check_s"] = cold_start()
    print(json.dumps(result, indent=2))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
