"""What every benchmark section shares: paths, data readers, one-core pinning, output.

A section is a module with ``run(cfg) -> dict`` and ``main()``; ``section_main`` gives each the
same command line (``--data``, ``--quick``, ``--out``) and writes its JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar, cast

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
VENV_BIN = ROOT / ".venv" / "bin"
# the shipped model card (YORUM_BENCH_CARD: the card of weights from `yorum train --out DIR`)
MODEL_CARD = Path(
    os.environ.get("YORUM_BENCH_CARD") or ROOT / "src" / "yorum" / "model" / "card.json"
)
ABUSE = frozenset({"insult", "profanity", "offensive", "belief_attack"})
UD_DEV = ("ud_boun_dev.tsv", "ud_imst_dev.tsv", "ud_kenet_dev.tsv", "ud_penn_dev.tsv")
T = TypeVar("T")
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True)
class Config:
    data: Path
    quick: bool
    out: Path | None
    jobs: int
    limit: int | None = None  # rows a quality section reads (None: its default; 0: all)


# ── running ────────────────────────────────────────────────────────────────────────────────


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def one_core_env() -> dict[str, str]:
    """The environment of a child that must use one thread (BLAS, OpenMP)."""
    env = dict(os.environ)
    env.update({name: "1" for name in THREAD_VARS})
    env["PYTHONHASHSEED"] = "0"
    return env


def pin_one_core() -> int | None:
    """Pin this process to one core (the last one: the shell and editors tend to use core 0)."""
    for name in THREAD_VARS:
        os.environ[name] = "1"
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def load_average() -> float | None:
    """The 1-minute load average: above the number of cores, other work competed for them."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB.

    ``VmHWM`` rather than ``ru_maxrss``: after fork + exec, ``ru_maxrss`` keeps the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pmap(fn: Callable[[Any], Any], items: Sequence[Any], jobs: int, chunk: int = 64) -> list[Any]:
    """``map`` over a fork pool (or in process for one job); order kept."""
    if jobs <= 1 or len(items) < 2 * chunk:
        return [fn(x) for x in items]
    with get_context("fork").Pool(jobs) as pool:
        return pool.map(fn, items, chunksize=chunk)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence (q in 0..100)."""
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


# ── the engine, reduced to what the quality sections compare ─────────────────────────────


def verdict_rules(text: str) -> dict[str, str]:
    """``{rule: severity}`` of one comment's verdict (the strongest severity per rule)."""
    import yorum

    rank = {"advice": 0, "review": 1, "block": 2}
    out: dict[str, str] = {}
    for v in yorum.moderate(text).violations:
        if v.rule not in out or rank[v.severity] > rank[out[v.rule]]:
            out[v.rule] = v.severity
    return out


def verdict_sources(text: str) -> dict[str, tuple[str, str]]:
    """``{rule: (severity, source)}``; source is ``model`` for the learned model's findings."""
    import yorum

    rank = {"advice": 0, "review": 1, "block": 2}
    out: dict[str, tuple[str, str]] = {}
    for v in yorum.moderate(text).violations:
        source = str(v.detail.get("source", "rules")) if v.detail else "rules"
        if v.rule not in out or rank[v.severity] > rank[out[v.rule][0]]:
            out[v.rule] = (v.severity, source)
    return out


def fires(rules: dict[str, str], wanted: Iterable[str]) -> bool:
    """Whether one of ``wanted`` is in the verdict with a severity that stops approval."""
    return any(rules.get(r) in ("block", "review") for r in wanted)


def engine_status() -> str | None:
    """``None`` when ``yorum.moderate`` runs, else why not (the model may not have landed)."""
    try:
        import yorum

        yorum.moderate("Bu bir deneme.")
    except Exception as exc:  # any failure is reported, not raised
        return f"{type(exc).__name__}: {exc}"
    return None


# ── data ───────────────────────────────────────────────────────────────────────────────────


def read_tsv_column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row[column] for row in reader if row.get(column)]


def ud_dev_sentences(data: Path) -> list[str]:
    """Clean Turkish sentences from the UD dev splits (none is used to build yorum's data)."""
    out: list[str] = []
    for name in UD_DEV:
        out.extend(read_tsv_column(data / "tr-clean-text-ud" / name, "text"))
    return out


@dataclass(frozen=True)
class OffensEval:
    texts: list[str]
    offensive: list[int]
    fine: list[str]  # non / prof / ind / grp / oth / "" (unknown)


def offenseval_path(data: Path) -> Path:
    return data / "offenseval2020-tr" / "offenseval-tr-training-v1.troff-labels.tsv"


def offenseval(data: Path) -> OffensEval:
    """OffensEval-TR training rows with TROFF fine labels (the 3 rows in the test set dropped),
    read by the same code that trains yorum's model."""
    from yorum.model.datasets import load_offenseval

    rows = load_offenseval(data)
    return OffensEval(rows.texts, rows.offensive, rows.fine)


def subsample(n_total: int, n: int, seed: int = 5) -> list[int]:
    """``n`` row indices out of ``n_total``, sorted (all of them when n >= n_total)."""
    if n >= n_total:
        return list(range(n_total))
    return sorted(random.Random(seed).sample(range(n_total), n))


# ── output ─────────────────────────────────────────────────────────────────────────────────


def config_from_args(description: str, argv: list[str] | None = None) -> Config:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    parser.add_argument("--quick", action="store_true", help="smaller inputs, a few minutes")
    parser.add_argument("--out", type=Path, help="write the section's JSON here")
    parser.add_argument("--jobs", type=int, default=cores(), help="processes for quality runs")
    parser.add_argument("--limit", type=int, help="rows a quality section reads (0: all)")
    args = parser.parse_args(argv)
    return Config(args.data, args.quick, args.out, max(1, args.jobs), args.limit)


def section_main(name: str, run: Callable[[Config], dict[str, Any]], doc: str | None) -> None:
    """Run one section from the command line; print and write its JSON."""
    cfg = config_from_args((doc or name).strip().splitlines()[0])
    started = time.perf_counter()
    load_before = load_average()
    result = run(cfg)
    result["section_seconds"] = round(time.perf_counter() - started, 1)
    result["quick"] = cfg.quick
    result["load_average"] = {"before": load_before, "after": load_average(), "cores": cores()}
    text = json.dumps(result, indent=2, ensure_ascii=False)
    out = cfg.out or RESULTS / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    if cfg.out is None:
        print(text)
        print(f"written to {out.relative_to(ROOT)}", file=sys.stderr)


def rounded(value: T, digits: int = 4) -> T:
    """Floats rounded, recursively (JSON that people read)."""
    return cast(T, _rounded(value, digits))


def _rounded(value: Any, digits: int) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v, digits) for v in value]
    return value
