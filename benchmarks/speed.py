"""Engine speed on one core, yorum beside the peers: comments/s, latency, cold start, memory.

Every tool runs in its own child process pinned to one core (one BLAS/OpenMP thread), over the
same comment mix drawn from ../shared/data (benchmarks/engine_speed.py's ``comment_mix``). A
tenth of the mix is run first untimed (warm caches, as in a server that has been up a while).
Peak memory is the child's peak resident set, the interpreter included. For yorum, the mean
time of each stage (prepare, model, each rule, fixes) on a third of the mix shows where the
time goes. Cold start is the
wall time of ``.venv/bin/yorum check --json "…"`` (best and median of several runs).

    .venv/bin/python -m benchmarks.speed [--quick]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import common, peers

TOOLS = ("yorum", *peers.ALL_PEERS)
TARGET_CPS = 2000.0
TARGET_VS_SWEARING = 5.0
TARGET_COLD_S = 2.0
TARGET_RSS_MB = 500.0


def cold_start(runs: int) -> dict[str, float]:
    exe = common.VENV_BIN / "yorum"
    argv = [str(exe), "check", "--json", "Bu gorusme cok onemli, BUNU HERKES BILIYOR"]
    subprocess.run(argv, capture_output=True, check=False)  # page cache warm, as after a deploy
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False, env=common.one_core_env())
        times.append(time.perf_counter() - t)
    return {"best_s": min(times), "median_s": statistics.median(times), "runs": runs}


def _make_tool(name: str, data: Path, tfidf: Path | None) -> Any:
    if name == "yorum":
        import yorum

        return yorum.moderate
    return peers.make(name, data, tfidf).flags


def worker(name: str, mix_path: Path, data: Path, tfidf: Path | None) -> dict[str, Any]:
    """Runs in the pinned child: load, warm, time every comment."""
    core = common.pin_one_core()
    mix: list[str] = json.loads(mix_path.read_text("utf-8"))
    t = time.perf_counter()
    check = _make_tool(name, data, tfidf)
    check("Bu gorusme cok onemli, s1kt1r git")
    load = time.perf_counter() - t
    for text in mix[: len(mix) // 10]:
        check(text)
    latencies = []
    start = time.perf_counter()
    for text in mix:
        t = time.perf_counter()
        check(text)
        latencies.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    latencies.sort()
    out: dict[str, Any] = {
        "core": core,
        "comments": len(mix),
        "comments_per_s": len(mix) / total,
        "latency_p50_ms": 1000 * common.percentile(latencies, 50),
        "latency_p99_ms": 1000 * common.percentile(latencies, 99),
        "latency_max_ms": 1000 * latencies[-1],
        "load_s": load,
    }
    if name == "tfidf":
        model = peers.TfidfPeer.load(tfidf) if tfidf else None
        if model is not None:
            t = time.perf_counter()
            model.predict(mix)
            out["batched_comments_per_s"] = len(mix) / (time.perf_counter() - t)
    if name == "yorum":
        try:
            out["stage_us"] = stage_times(mix[: len(mix) // 3])
        except Exception as exc:  # the engine's internals moved: the rest still counts
            out["stage_us"] = {"error": f"{type(exc).__name__}: {exc}"}
    out["peak_rss_mb"] = common.peak_rss_mb()
    return out


def stage_times(mix: list[str]) -> dict[str, float]:
    """Mean µs per comment in each stage of the engine: where the time goes.

    The model's whole-text cache is emptied first, so the model pays for every comment;
    "fixes and rest" is a second, full ``moderate`` pass (model scores now cached) minus the
    other stages: mostly the re-checks of the suggested text.
    """
    import yorum
    from yorum.moderation.policy import default_policy
    from yorum.moderation.prepare import Prepared
    from yorum.moderation.rules import RULES

    try:
        from yorum.model import classifier

        classifier.classify.cache_clear()
    except (ImportError, AttributeError):
        pass
    policy = default_policy()
    totals: dict[str, float] = {"prepare": 0.0, "model": 0.0}
    totals.update({rule.id: 0.0 for rule in RULES})
    for text in mix:
        t = time.perf_counter()
        doc = Prepared(text)
        _ = doc.units, doc.match_text
        totals["prepare"] += time.perf_counter() - t
        t = time.perf_counter()
        _ = doc.model_scores
        totals["model"] += time.perf_counter() - t
        for rule in RULES:
            if rule.languages is not None and doc.language not in rule.languages:
                continue
            t = time.perf_counter()
            rule.check(doc, policy)
            totals[rule.id] += time.perf_counter() - t
    t = time.perf_counter()
    for text in mix:
        yorum.moderate(text)
    whole = time.perf_counter() - t
    out = {k: 1e6 * v / len(mix) for k, v in totals.items()}
    # the full pass found the model's scores cached: its time is everything but the model
    rest = 1e6 * whole / len(mix) - sum(v for k, v in out.items() if k != "model")
    out["fixes and rest"] = max(0.0, rest)
    return out


def _child(name: str, mix: Path, cfg: common.Config, tfidf: Path | None) -> dict[str, Any]:
    argv = [sys.executable, "-m", "benchmarks.speed", "--worker", name, "--mix", str(mix)]
    argv += ["--data", str(cfg.data)]
    if tfidf is not None:
        argv += ["--tfidf", str(tfidf)]
    proc = subprocess.run(
        argv, capture_output=True, text=True, env=common.one_core_env(), cwd=common.ROOT
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _train_tfidf(cfg: common.Config, path: Path) -> str | None:
    """Train on the whole OffensEval-TR training set in a child (its memory is not ours)."""
    if peers.missing("tfidf"):
        return peers.missing("tfidf")
    argv = [sys.executable, "-m", "benchmarks.speed", "--train-tfidf", str(path)]
    proc = subprocess.run(
        [*argv, "--data", str(cfg.data)], capture_output=True, text=True, cwd=common.ROOT
    )
    if proc.returncode != 0:
        return (proc.stderr.strip().splitlines() or ["training failed"])[-1]
    return None


def ratios(tools: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Each peer's numbers divided by yorum's (comments/s > 1: the peer is faster)."""
    base = tools.get("yorum", {})
    out: dict[str, dict[str, float]] = {}
    keys = ("comments_per_s", "latency_p50_ms", "latency_p99_ms", "peak_rss_mb", "load_s")
    for name, numbers in tools.items():
        if name == "yorum" or "error" in numbers or "error" in base:
            continue
        out[name] = {k: numbers[k] / base[k] for k in keys if base.get(k)}
    return out


def targets(tools: dict[str, dict[str, Any]], cold: dict[str, float]) -> dict[str, Any]:
    y = tools.get("yorum", {})
    if "error" in y:
        return {"error": "yorum did not run"}
    swearing = [tools[p]["comments_per_s"] for p in peers.SWEARING_PEERS if "error" not in tools[p]]
    fastest = max(swearing) if swearing else float("nan")
    vs = y["comments_per_s"] / fastest
    return {
        "comments_per_s": {"want": f">= {TARGET_CPS:.0f}", "got": y["comments_per_s"]},
        "vs_fastest_swearing_peer": {"want": f">= {TARGET_VS_SWEARING}x", "got": vs},
        "cold_start_s": {"want": f"<= {TARGET_COLD_S}", "got": cold["best_s"]},
        "peak_rss_mb": {"want": f"<= {TARGET_RSS_MB:.0f}", "got": y["peak_rss_mb"]},
        "met": {
            "comments_per_s": y["comments_per_s"] >= TARGET_CPS,
            "vs_fastest_swearing_peer": vs >= TARGET_VS_SWEARING,
            "cold_start_s": cold["best_s"] <= TARGET_COLD_S,
            "peak_rss_mb": y["peak_rss_mb"] <= TARGET_RSS_MB,
        },
    }


def run(cfg: common.Config) -> dict[str, Any]:
    from benchmarks.engine_speed import comment_mix

    n = 1000 if cfg.quick else 3000
    mix = comment_mix(cfg.data, n)
    tools: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="yorum-bench-") as tmp:
        mix_path = Path(tmp) / "mix.json"
        mix_path.write_text(json.dumps(mix, ensure_ascii=False), "utf-8")
        tfidf_path = Path(tmp) / "tfidf.pkl"
        t = time.perf_counter()
        tfidf_error = _train_tfidf(cfg, tfidf_path)
        train_s = time.perf_counter() - t
        for name in TOOLS:
            why = peers.missing(name) if name != "yorum" else None
            why = why or (tfidf_error if name == "tfidf" else None)
            tools[name] = {"error": why} if why else _child(name, mix_path, cfg, tfidf_path)
    if "error" not in tools["tfidf"]:
        tools["tfidf"]["train_s"] = train_s
    cold = cold_start(3 if cfg.quick else 7)
    return common.rounded(
        {
            "mix": {"comments": n, "mean_chars": sum(map(len, mix)) / n},
            "tools": tools,
            "ratio_to_yorum": ratios(tools),
            "cold_start_check": cold,
            "targets": targets(tools, cold),
        }
    )


def main() -> None:
    if "--train-tfidf" in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument("--train-tfidf", type=Path, required=True)
        parser.add_argument("--data", type=Path, default=common.DEFAULT_DATA)
        args = parser.parse_args()
        shutil.copyfile(peers.tfidf_full_path(args.data), args.train_tfidf)
        return
    if "--worker" in sys.argv:
        parser = argparse.ArgumentParser()
        parser.add_argument("--worker", required=True, choices=TOOLS)
        parser.add_argument("--mix", type=Path, required=True)
        parser.add_argument("--data", type=Path, default=common.DEFAULT_DATA)
        parser.add_argument("--tfidf", type=Path)
        args = parser.parse_args()
        print(json.dumps(worker(args.worker, args.mix, args.data, args.tfidf)))
        return
    common.section_main("speed", run, __doc__)


if __name__ == "__main__":
    main()
