"""Scaling: time and memory against comment length (one core) and batch size (every core).

- Length: comments of 10 to 10,000 characters built from real sentences and tweets (distinct
  texts at each length, cut at a space), moderated one by one in a child pinned to one core;
  median time per comment, and the peak Python allocation of one call (tracemalloc).
- Batch: 1 to 100,000 comments, each two of the speed mix joined so that none repeats (to
  10,000 with --quick), a fresh child per
  size that maps ``yorum.moderate`` over a fork pool of every core (``yorum check --input``
  has no jobs option); wall time including the pool start and each worker's first load, and
  peak resident memory of the parent and of the largest worker (shared pages count in both).
  A size predicted (from the previous one) to take over 5 minutes is skipped, with a note.

The slope of log(time) against log(size) is fitted over the sizes where fixed costs no longer
dominate (100 characters and more; 1,000 comments and more), and for each step. The verdict
"faster than linear" needs a fitted slope above 1.1, or a largest step above 1.1 (single steps
between small sizes are noisy: texts of different lengths are different texts).

    .venv/bin/python -m benchmarks.scaling [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from benchmarks import common

LENGTHS = (10, 30, 100, 300, 1000, 3000, 10_000)
BATCHES = (1, 10, 100, 1000, 10_000, 100_000)
QUICK_BATCHES = (1, 10, 100, 1000, 10_000)
LINEAR_SLACK = 1.1
MAX_BATCH_SECONDS = 300.0  # a batch size predicted to take longer is skipped, and says so
FIT_FROM_LENGTH = 100
FIT_FROM_BATCH = 1000


def texts_of_length(data: Path, length: int, count: int, seed: int = 3) -> list[str]:
    """``count`` distinct texts of about ``length`` characters, cut at a space."""
    from benchmarks.engine_speed import comment_mix

    pool = comment_mix(data, 4000, seed=seed)
    rng = random.Random(length)
    out: list[str] = []
    while len(out) < count:
        parts: list[str] = []
        size = 0
        while size < length:
            parts.append(rng.choice(pool))
            size += len(parts[-1]) + 1
        text = " ".join(parts)[:length]
        cut = text.rfind(" ")
        out.append(text[:cut] if cut > length * 0.8 else text)
    return out


def fit_slope(xs: list[float], ys: list[float]) -> float:
    lx = [math.log10(x) for x in xs]
    ly = [math.log10(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / den if den else 0.0


def slopes(xs: list[float], ys: list[float], fit_from: float) -> dict[str, Any]:
    steps = {
        f"{int(xs[i])}→{int(xs[i + 1])}": fit_slope(xs[i : i + 2], ys[i : i + 2])
        for i in range(len(xs) - 1)
    }
    keep = [i for i, x in enumerate(xs) if x >= fit_from]
    overall = fit_slope([xs[i] for i in keep], [ys[i] for i in keep]) if len(keep) > 1 else 0.0
    faster = [
        k for k, v in steps.items() if v > LINEAR_SLACK and float(k.split("→")[0]) >= fit_from
    ]
    last = list(steps.values())[-1] if steps else 0.0
    return {
        "slope": overall,
        "fitted_from": fit_from,
        "step_slopes": steps,
        "steps_above_linear": faster,
        # the verdict: the fitted slope, and the largest step (where growth shows)
        "superlinear": overall > LINEAR_SLACK or last > LINEAR_SLACK,
    }


def length_worker(data: Path) -> dict[str, Any]:
    import yorum

    core = common.pin_one_core()
    yorum.moderate("Bu gorusme cok onemli, s1kt1r git")
    rows = []
    for length in LENGTHS:
        count = max(10, min(300, 100_000 // length))
        texts = texts_of_length(data, length, 2 * count)
        for text in texts[count:]:  # other texts of this length: word caches warm, as in use
            yorum.moderate(text)
        peak = 0
        for text in texts[count : count + 3]:
            tracemalloc.start()
            yorum.moderate(text + " ")  # a new text: the whole-text caches miss
            peak = max(peak, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        times = []
        for text in texts[:count]:
            t = time.perf_counter()
            yorum.moderate(text)
            times.append(time.perf_counter() - t)
        rows.append(
            {
                "chars": length,
                "mean_chars": statistics.fmean(len(t) for t in texts[:count]),
                "comments": count,
                "median_ms": 1000 * statistics.median(times),
                "mean_ms": 1000 * statistics.fmean(times),
                "p90_ms": 1000 * common.percentile(sorted(times), 90),
                "alloc_peak_kib": peak / 1024,
            }
        )
    return {"core": core, "rows": rows, "peak_rss_mb": common.peak_rss_mb()}


def _decision(text: str) -> str:
    import yorum

    return yorum.moderate(text).decision


def distinct_comments(data: Path, size: int) -> list[str]:
    """``size`` comments, each two of the speed mix joined: none repeats, so no whole-text
    cache answers (the mix alone repeats its 1,100 UD sentences at this scale)."""
    from benchmarks.engine_speed import comment_mix

    mix = comment_mix(data, 2 * size, seed=size)
    return [f"{mix[2 * i]} {mix[2 * i + 1]}" for i in range(size)]


def batch_worker(data: Path, size: int, jobs: int) -> dict[str, Any]:
    texts = distinct_comments(data, size)
    t = time.perf_counter()
    with get_context("fork").Pool(jobs) as pool:
        decisions = pool.map(_decision, texts, chunksize=max(1, size // (jobs * 16)))
    wall = time.perf_counter() - t
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "comments": size,
        "mean_chars": sum(map(len, texts)) / size,
        "jobs": jobs,
        "seconds": wall,
        "comments_per_s": size / wall,
        "parent_peak_rss_mb": common.peak_rss_mb(),
        "largest_worker_peak_rss_mb": children,
        "approved_share": decisions.count("approved") / size,
    }


def _child(args: list[str], timeout: float) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.scaling", *args],
        capture_output=True,
        text=True,
        cwd=common.ROOT,
        timeout=timeout,
        env=common.one_core_env(),
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def run(cfg: common.Config) -> dict[str, Any]:
    why = common.engine_status()
    if why is not None:
        return {"error": f"yorum did not run: {why}"}
    length = _child(["--length-worker", "--data", str(cfg.data)], 600)
    if "rows" in length:
        rows = length["rows"]
        length["time"] = slopes(
            [r["chars"] for r in rows], [r["median_ms"] for r in rows], FIT_FROM_LENGTH
        )
        length["memory"] = slopes(
            [r["chars"] for r in rows], [r["alloc_peak_kib"] for r in rows], FIT_FROM_LENGTH
        )
    batches: list[dict[str, Any]] = []
    for size in QUICK_BATCHES if cfg.quick else BATCHES:
        done = [b for b in batches if "error" not in b and "skipped" not in b]
        if done and size / done[-1]["comments_per_s"] > MAX_BATCH_SECONDS:
            guess = size / done[-1]["comments_per_s"]
            batches.append(
                {"comments": size, "skipped": f"would take about {guess:.0f} s on this machine"}
            )
            continue
        args = ["--batch-worker", str(size), "--jobs", str(cfg.jobs), "--data", str(cfg.data)]
        batches.append(_child(args, 900))
    batch: dict[str, Any] = {"rows": batches}
    ok = [b for b in batches if "error" not in b and "skipped" not in b]
    if len(ok) > 1:
        batch["time"] = slopes(
            [b["comments"] for b in ok], [b["seconds"] for b in ok], FIT_FROM_BATCH
        )
    return common.rounded({"length": length, "batch": batch, "cores": common.cores()})


def main() -> None:
    if "--length-worker" in sys.argv or "--batch-worker" in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument("--length-worker", action="store_true")
        parser.add_argument("--batch-worker", type=int)
        parser.add_argument("--jobs", type=int, default=common.cores())
        parser.add_argument("--data", type=Path, default=common.DEFAULT_DATA)
        args = parser.parse_args()
        if args.length_worker:
            print(json.dumps(length_worker(args.data)))
        else:
            print(json.dumps(batch_worker(args.data, args.batch_worker, args.jobs)))
        return
    common.section_main("scaling", run, __doc__)


if __name__ == "__main__":
    main()
