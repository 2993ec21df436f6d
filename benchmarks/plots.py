"""The PNG plots of the report (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

YORUM_COLOUR = "#c0392b"
YORUM_SHADES = ("#c0392b", "#e74c3c", "#f1948a", "#fadbd8")
PEER_COLOURS = ("#2c3e50", "#7f8c8d", "#2980b9", "#16a085", "#8e44ad", "#d35400")


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"figure.dpi": 110, "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False})  # fmt: skip
    return plt


def _colours(names: Sequence[str]) -> list[str]:
    """yorum's rows in shades of red, the peers in other colours."""
    out, k, y = [], 0, 0
    for name in names:
        if name.startswith("yorum"):
            out.append(YORUM_SHADES[y % len(YORUM_SHADES)])
            y += 1
        else:
            out.append(PEER_COLOURS[k % len(PEER_COLOURS)])
            k += 1
    return out


def _plain_log(axis: Any) -> None:
    """Log axis labelled 1, 10, 1,000 rather than 10^3."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    axis.set_minor_formatter(NullFormatter())


def _bars(ax: Any, names: list[str], values: list[float], fmt: str, log: bool = False) -> None:
    bars = ax.barh(names, values, color=_colours(names))
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
        _plain_log(ax.xaxis)
    for bar, v in zip(bars, values, strict=True):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + fmt.format(v),
                va="center", fontsize=8)  # fmt: skip


def _grouped(ax: Any, groups: list[str], series: dict[str, list[float]], title: str) -> None:
    """Bars per group (x) for each tool (colour), values in [0, 1] shown as percentages."""
    n = max(len(series), 1)
    width = 0.8 / n
    colours = _colours(list(series))
    for k, (name, values) in enumerate(series.items()):
        xs = [i + (k - (n - 1) / 2) * width for i in range(len(groups))]
        ax.bar(xs, [100 * v for v in values], width, label=name, color=colours[k])
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(0, 100)
    ax.set_ylabel("%")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12),
              ncol=2)  # fmt: skip


def speed(s: dict[str, Any], path: Path) -> None:
    plt = _plt()
    tools = {k: v for k, v in s.get("tools", {}).items() if "error" not in v}
    if not tools:
        return
    names = list(tools)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
    _bars(axes[0], names, [tools[n]["comments_per_s"] for n in names], "{:,.0f}", log=True)
    axes[0].axvline(2000, color="grey", ls="--", lw=1)
    axes[0].set_title("comments/s on one core (log; target 2,000)", fontsize=10)
    _bars(axes[1], names, [tools[n]["latency_p99_ms"] for n in names], "{:.1f}", log=True)
    axes[1].set_title("p99 latency, ms (log)", fontsize=10)
    _bars(axes[2], names, [tools[n]["peak_rss_mb"] for n in names], "{:.0f}")
    axes[2].axvline(500, color="grey", ls="--", lw=1)
    axes[2].set_title("peak memory, MB (target 500)", fontsize=10)
    for ax in axes[1:]:
        ax.set_yticklabels([])
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def abuse(s: dict[str, Any], path: Path) -> None:
    plt = _plt()
    tools = s.get("tools", [])
    if not tools:
        return
    keys = ("macro_f1", "flagged_prof", "flagged_ind", "flagged_grp", "flagged_oth",
            "flagged_non")  # fmt: skip
    groups = ["macro-F1", "prof", "ind", "grp", "oth", "non (false flags)"]
    fig, ax = plt.subplots(figsize=(12, 4.2))
    _grouped(ax, groups, {t["tool"]: [t.get(k, 0.0) for k in keys] for t in tools},
             "OffensEval-TR, 5-fold CV: macro-F1 and share flagged per category")  # fmt: skip
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def clauses(sections: dict[str, Any], path: Path) -> None:
    plt = _plt()
    panels: list[tuple[str, list[str], dict[str, list[float]]]] = []
    evasion = sections.get("quality_evasion", {}).get("tools", [])
    if evasion:
        panels.append(("profanity/insult: evasion", ["disguised", "plain", "innocent", "clean UD"],
                       {t["tool"]: [t["recall_disguised"], t["recall_plain"],
                                    t["innocent_flagged"], t["clean_ud_flagged"]]
                        for t in evasion}))  # fmt: skip
    belief = sections.get("quality_belief", {}).get("tools", [])
    if belief:
        panels.append(("belief_attack (Mayda, religion)", ["recall", "false flags", "F1"],
                       {t["tool"]: [t["recall"], t["false_flag_rate"], t["f1"]]
                        for t in belief}))  # fmt: skip
    letters = sections.get("quality_letters", {})
    tc = letters.get("turkish_chars", {}).get("tools", [])
    if tc:
        panels.append(("turkish_chars (UD, folded)",
                       ["detection", "false flags", "changed-word acc."],
                       {t["tool"]: [t.get("detection", 0.0), t.get("false_flags", 0.0),
                                    t["changed_word_accuracy"]] for t in tc}))  # fmt: skip
    sp = sections.get("quality_spelling", {}).get("tools", [])
    if sp:
        panels.append(("spelling (de/da set; clean UD)",
                       ["detected", "corrected", "clean UD flagged"],
                       {t["tool"]: [t["detected"], t["corrected"], t["clean_ud_flagged"]]
                        for t in sp}))  # fmt: skip
    caps = letters.get("all_caps", {}).get("tools", [])
    if caps:
        panels.append(("all_caps (UD, upper-cased)", ["detection (long)", "false flags"],
                       {t["tool"]: [t["detection_long_enough"], t["false_flags"]]
                        for t in caps}))  # fmt: skip
    if not panels:
        return
    cols = min(3, len(panels))
    rows = (len(panels) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.4 * cols, 4.2 * rows), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, (title, groups, series) in zip(flat, panels, strict=False):
        _grouped(ax, groups, series, title)
    for ax in flat[len(panels) :]:
        ax.set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def service(s: dict[str, Any], path: Path) -> None:
    plt = _plt()
    dbs = {k: v for k, v in s.get("databases", {}).items() if "error" not in v}
    if not dbs:
        return
    endpoints = [k for k in next(iter(dbs.values())) if k.startswith(("GET", "POST"))]
    fig, axes = plt.subplots(1, 2, figsize=(12, 3.2))
    width = 0.8 / len(dbs)
    for k, (db, numbers) in enumerate(dbs.items()):
        xs = [i + (k - (len(dbs) - 1) / 2) * width for i in range(len(endpoints))]
        rps = [numbers.get(e, {}).get("requests_per_s", 0.0) for e in endpoints]
        p99 = [numbers.get(e, {}).get("latency_p99_ms", 0.0) for e in endpoints]
        axes[0].bar(xs, rps, width, label=db, color=PEER_COLOURS[k])
        axes[1].bar(xs, p99, width, label=db, color=PEER_COLOURS[k])
    short = [
        e.replace("/api/v1", "").replace("/stories/{id}", "/s/{id}").replace(" (", "\n(")
        for e in endpoints
    ]
    for ax, title, target in ((axes[0], "requests/s (moderate target 500)", 500),
                              (axes[1], "p99 latency, ms (moderate target 50)", 50)):  # fmt: skip
        ax.set_xticks(range(len(endpoints)), short, fontsize=8)
        ax.axhline(target, color="grey", ls="--", lw=1)
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _loglog(ax: Any, xs: list[float], ys: list[float], slope: float | None, label: str) -> None:
    ax.loglog(xs, ys, "o-", color=YORUM_COLOUR, label=label)
    _plain_log(ax.xaxis)
    _plain_log(ax.yaxis)
    if xs:
        ref = [ys[-1] * x / xs[-1] for x in xs]
        ax.loglog(xs, ref, "--", color="grey", lw=1, label="linear (through the last point)")
    if slope is not None:
        ax.text(0.04, 0.9, f"fitted slope {slope:.2f}", transform=ax.transAxes)
    ax.legend(fontsize=7, frameon=False, loc="lower right")


def scaling(s: dict[str, Any], path: Path) -> None:
    plt = _plt()
    length, batch = s.get("length", {}), s.get("batch", {})
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.4))
    rows = length.get("rows", [])
    if rows:
        xs = [r["chars"] for r in rows]
        _loglog(axes[0], xs, [r["median_ms"] for r in rows],
                length.get("time", {}).get("slope"), "median ms per comment")  # fmt: skip
        axes[0].set_title("time vs comment length (one core)", fontsize=10)
        axes[0].set_xlabel("characters")
        _loglog(axes[1], xs, [r["alloc_peak_kib"] for r in rows],
                length.get("memory", {}).get("slope"), "peak allocation, KiB")  # fmt: skip
        axes[1].set_title("memory vs comment length", fontsize=10)
        axes[1].set_xlabel("characters")
    done = [r for r in batch.get("rows", []) if "seconds" in r]
    if done:
        _loglog(axes[2], [r["comments"] for r in done], [r["seconds"] for r in done],
                batch.get("time", {}).get("slope"), "wall seconds")  # fmt: skip
        axes[2].set_title(f"time vs batch size ({s.get('cores')} cores)", fontsize=10)
        axes[2].set_xlabel("comments")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def draw_all(sections: dict[str, Any], out_dir: Path) -> list[str]:
    """Draw every plot the sections have data for; the file names written."""
    made: list[str] = []
    jobs: tuple[tuple[str, Callable[[Path], None], str | None], ...] = (
        ("speed.png", lambda p: speed(sections["speed"], p), "speed"),
        ("abuse.png", lambda p: abuse(sections["quality_abuse"], p), "quality_abuse"),
        ("clauses.png", lambda p: clauses(sections, p), None),
        ("service.png", lambda p: service(sections["service"], p), "service"),
        ("scaling.png", lambda p: scaling(sections["scaling"], p), "scaling"),
    )
    for name, draw, needs in jobs:
        if needs is not None and (needs not in sections or "error" in sections[needs]):
            continue
        path = out_dir / name
        draw(path)
        if path.exists():
            made.append(name)
    return made
