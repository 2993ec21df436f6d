"""latest.json → latest.md with PNG plots beside it (matplotlib, Agg backend).

.venv/bin/python -m benchmarks.report [results/latest.json]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import common, plots

Row = Sequence[object]


def table(headers: Row, rows: list[Row]) -> str:
    lines = ["| " + " | ".join(map(str, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(str, r)) + " |" for r in rows]
    return "\n".join(lines)


def pct(x: Any) -> str:
    return f"{100 * x:.1f} %" if isinstance(x, int | float) else "–"


def num(x: Any, digits: int = 1) -> str:
    if not isinstance(x, int | float):
        return "–"
    return f"{x:,.{digits}f}"


def mark(ok: Any) -> str:
    return "✅ met" if ok is True else ("❌ missed" if ok is False else "–")


def _error(section: dict[str, Any]) -> str | None:
    return str(section["error"]) if "error" in section else None


# ── sections ───────────────────────────────────────────────────────────────────────────────


def speed_md(s: dict[str, Any]) -> list[str]:
    tools = s.get("tools", {})
    out = [
        "## 1. Engine speed (one core)",
        "",
        f"{s['mix']['comments']:,} comments of the speed mix "
        f"(mean {s['mix']['mean_chars']:.0f} characters), each tool in its own process pinned to "
        "one core. Ratio = peer ÷ yorum (comments/s above 1: the peer is faster).",
        "",
    ]
    ratio = s.get("ratio_to_yorum", {})
    rows: list[Row] = []
    for name, t in tools.items():
        if "error" in t:
            rows.append((name, f"not run: {t['error']}", "", "", "", "", ""))
            continue
        r = ratio.get(name, {})
        rows.append(
            (
                name,
                num(t["comments_per_s"], 0),
                num(r.get("comments_per_s"), 2) if name != "yorum" else "1",
                num(t["latency_p50_ms"], 2),
                num(t["latency_p99_ms"], 2),
                num(t["peak_rss_mb"], 0),
                num(t["load_s"], 2),
            )
        )
    out.append(
        table(("tool", "comments/s", "ratio", "p50 ms", "p99 ms", "peak RSS MB", "load s"), rows)
    )
    cold = s.get("cold_start_check", {})
    out += [
        "",
        f"Cold start of `.venv/bin/yorum check`: best {num(cold.get('best_s'), 2)} s, median "
        f"{num(cold.get('median_s'), 2)} s over {cold.get('runs')} runs.",
    ]
    tf = tools.get("tfidf", {})
    if "batched_comments_per_s" in tf:
        out.append(
            f"The TF-IDF peer scores {num(tf['batched_comments_per_s'], 0)} comments/s when given "
            "the whole mix at once (one call) rather than one comment per call."
        )
    stages = tools.get("yorum", {}).get("stage_us", {})
    if stages and "error" not in stages:
        total = sum(stages.values())
        out += ["", "Where yorum's time goes (mean µs per comment, model cache emptied):", ""]
        out.append(
            table(
                ("stage", "µs", "share"),
                [(k, num(v, 0), pct(v / total)) for k, v in stages.items()],
            )
        )
    out += ["", "![speed](speed.png)", ""]
    return out


def abuse_md(s: dict[str, Any]) -> list[str]:
    out = [
        "## 2a. Abuse: OffensEval-TR, 5-fold CV",
        "",
        f"{s['rows']:,} tweets (a seeded sample of the {s.get('rows_in_set', s['rows']):,} in the "
        f"set), {pct(s['offensive_share'])} offensive. Flagged share per TROFF "
        "category: prof = swearing, ind = at a person, grp = at a group, oth = other; "
        "non = false flags. Mean of 5 folds (± sd of macro-F1).",
        "",
    ]
    rows: list[Row] = [
        (
            t["tool"],
            f"{t['macro_f1']:.3f} ± {t['macro_f1_sd']:.3f}",
            pct(t["precision"]),
            pct(t["recall"]),
            pct(t.get("flagged_prof")),
            pct(t.get("flagged_ind")),
            pct(t.get("flagged_grp")),
            pct(t.get("flagged_oth")),
            pct(t.get("flagged_non")),
        )
        for t in s.get("tools", [])
    ]
    out.append(
        table(("tool", "macro-F1", "precision", "recall", "prof", "ind", "grp", "oth", "non"), rows)
    )
    if any("at yorum's" in t["tool"] for t in s.get("tools", [])):
        out += [
            "",
            "*tfidf at yorum's false-flag rate*: the TF-IDF model's threshold set, fold by fold, "
            "so that it flags as many inoffensive tweets as yorum (5-fold CV) does: the two at the "
            "same operating point. The threshold is chosen on the test fold, so this row is an "
            "upper bound for the peer, not a blind result.",
        ]
    card = s.get("model_card")
    if card:
        recall = ", ".join(f"{k} {pct(v)}" for k, v in card.get("recall_at_0.5", {}).items())
        out += [
            "",
            f"The model card (`src/yorum/model/card.json`, {card.get('date')}) reports, for the "
            f"model alone under its own 5-fold CV on {card.get('rows') or 0:,} rows: macro-F1 "
            f"{num(card.get('macro_f1_at_0.5'), 3)} at 0.5, "
            f"{num(card.get('macro_f1_threshold_crossfit'), 3)} with the threshold chosen on "
            f"other folds; recall at 0.5: {recall}.",
        ]
    breakdown = s.get("yorum_rules_by_category")
    if breakdown:
        rules = sorted({r for cat in breakdown.values() for r in cat})
        out += ["", "Which rule of the shipped engine stops each category (share of rows):", ""]
        out.append(
            table(
                ("category", *rules),
                [(c, *(pct(v.get(r, 0.0)) for r in rules)) for c, v in breakdown.items()],
            )
        )
    out += ["", "![abuse](abuse.png)", ""]
    return out + notes_md(s)


def evasion_md(s: dict[str, Any]) -> list[str]:
    out = [
        "## 2b. profanity and insult through evasion; innocent look-alikes",
        "",
        f"{s['disguised_texts']:,} short sentences with a swear word or insult disguised by one "
        "or two tricks (benchmarks/evasion.py's generator, written by yorum's developers); the "
        f"same sentences undisguised; {s['innocent_sentences']} innocent sentences with words "
        "such as götürmek, sikke, amca, Amasya, ananas, sıkıntı, malzeme; "
        f"{s['clean_ud_sentences']:,} clean UD sentences.",
        "",
    ]
    tricks = sorted({k for t in s.get("tools", []) for k in t["by_trick"]})
    rows: list[Row] = [
        (t["tool"], pct(t["recall_disguised"]), pct(t["recall_plain"]),
         pct(t["innocent_flagged"]), pct(t["clean_ud_flagged"]),
         *(pct(t["by_trick"].get(k)) for k in tricks))
        for t in s.get("tools", [])
    ]  # fmt: skip
    headers = ("tool", "disguised", "plain", "innocent flagged", "clean UD flagged", *tricks)
    out += [table(headers, rows), ""]
    for t in s.get("tools", []):
        if t["tool"] == "yorum" and t["innocent_examples_flagged"]:
            out.append("yorum flags: " + "; ".join(t["innocent_examples_flagged"]))
            out.append("")
    return out + notes_md(s)


def belief_md(s: dict[str, Any]) -> list[str]:
    out = [
        "## 2c. belief_attack: Mayda 2021, religion",
        "",
        f"{s['attacks']:,} religion-labelled hateful tweets; {s['not_attacks']:,} tweets from the "
        "religious-keyword sheets labelled as neither (mentioning a faith is allowed).",
        "",
    ]
    rows: list[Row] = [
        (t["tool"], pct(t["recall"]), pct(t["false_flag_rate"]), pct(t["precision"]),
         f"{t['f1']:.3f}", f"{t['macro_f1']:.3f}")
        for t in s.get("tools", [])
    ]  # fmt: skip
    out.append(table(("tool", "recall", "false flags", "precision", "F1", "macro-F1"), rows))
    for key, title in (("yorum_missed", "missed"), ("yorum_false_flags", "false flags")):
        if s.get(key):
            out += ["", f"<details><summary>yorum belief_attack, {title}</summary>", ""]
            out += [f"- {x}" for x in s[key]] + ["", "</details>"]
    return [*out, "", *notes_md(s)]


def letters_md(s: dict[str, Any]) -> list[str]:
    tc, caps = s["turkish_chars"], s["all_caps"]
    out = [
        "## 2d. turkish_chars: UD dev sentences folded to ASCII",
        "",
        f"{tc['sentences']:,} sentences, {tc['folded_sentences_with_lost_letters']:,} of which "
        "lose a letter when folded. Word accuracy is over the words of those sentences; "
        "'changed' words are those that needed a letter back.",
        "",
    ]
    rows: list[Row] = [
        (t["tool"], pct(t.get("detection")), pct(t.get("false_flags")),
         pct(t["word_accuracy"]), pct(t["changed_word_accuracy"]))
        for t in tc["tools"]
    ]  # fmt: skip
    out.append(table(("tool", "detection", "false flags", "word acc.", "changed-word acc."), rows))
    out += ["", *notes_md(tc), "## 2e. all_caps: the same sentences, upper-cased", ""]
    rows = [
        (t["tool"], pct(t["detection"]), pct(t["detection_long_enough"]), pct(t["false_flags"]))
        for t in caps["tools"]
    ]
    out.append(
        table(("tool", "detection", "detection (long enough for the policy)", "false flags"), rows)
    )
    out += [
        "",
        f"'Long enough': at least {caps['policy']['min_letters']} letters and "
        f"{caps['policy']['min_words']} words ({caps['long_enough_for_policy']:,} sentences); "
        "shorter texts are never shouting under the shipped policy.",
        "",
    ]
    return out


def spelling_md(s: dict[str, Any]) -> list[str]:
    out = [
        "## 2f. spelling: de/da clitics and suffix spacing",
        "",
        f"{s['deda_sentences']:,} sentences of tr-deda-clitic-errors dev (half with an injected "
        f"error), {s['clean_ud_sentences']:,} clean UD sentences.",
        "",
    ]
    rows: list[Row] = []
    for t in s.get("tools", []):
        kinds = t["by_kind"]
        rows.append(
            (
                t["tool"],
                pct(t["detected"]),
                pct(t["corrected"]),
                pct(kinds.get("rule_1", {}).get("detected")),
                pct(kinds.get("rule_6", {}).get("detected")),
                pct(t["clean_copies_flagged"]),
                pct(t["clean_ud_flagged"]),
            )
        )
    headers = ("tool", "detected", "corrected", "de/da (rule_1)", "suffix (rule_6)",
               "clean copies flagged", "clean UD flagged")  # fmt: skip
    out.append(table(headers, rows))
    return [*out, "", "![clauses](clauses.png)", "", *notes_md(s)]


def service_md(s: dict[str, Any]) -> list[str]:
    w = s.get("wrk", {})
    out = [
        "## 3. Service under load",
        "",
        f"wrk, {w.get('threads')} threads, {w.get('connections')} connections, "
        f"{w.get('seconds')} s per endpoint, on loopback, on a {s.get('cores')}-core machine "
        "(wrk and the server share the cores). One `yorum serve` process.",
        "",
    ]
    rows: list[Row] = []
    for db, endpoints in s.get("databases", {}).items():
        if "error" in endpoints:
            rows.append((db, f"not run: {endpoints['error']}", "", "", "", ""))
            continue
        for label, r in endpoints.items():
            if not isinstance(r, dict):
                continue
            if "error" in r:
                rows.append((db, label, f"wrk failed: {r['error']}", "", "", ""))
                continue
            rows.append(
                (
                    db,
                    f"`{label}`",
                    num(r["requests_per_s"], 0),
                    num(r["latency_p50_ms"], 1),
                    num(r["latency_p99_ms"], 1),
                    f"{r['errors']:,} of {r['requests']:,}",
                )
            )
    out.append(table(("database", "endpoint", "requests/s", "p50 ms", "p99 ms", "errors"), rows))
    return [*out, "", "![service](service.png)", "", *notes_md(s)]


def scaling_md(s: dict[str, Any]) -> list[str]:
    out = ["## 4. Scaling", ""]
    length, batch = s.get("length", {}), s.get("batch", {})
    if "time" in length:
        lt, lm = length["time"], length["memory"]
        for what, fit in (("time", lt), ("memory (peak allocation)", lm)):
            steps = fit["steps_above_linear"]
            out.append(
                f"- Length (one core), {what}: slope **{fit['slope']:.2f}** on a log-log fit from "
                f"{fit['fitted_from']} characters, last step "
                f"{list(fit['step_slopes'].values())[-1]:.2f}: "
                + ("**faster than linear**." if fit["superlinear"] else "linear or better.")
                + (f" Steps above 1.1: {', '.join(steps)}." if steps else "")
            )
        rows: list[Row] = [
            (f"{r['chars']:,}", num(r["median_ms"], 2), num(r["mean_ms"], 2),
             num(r["alloc_peak_kib"], 0))
            for r in length["rows"]
        ]  # fmt: skip
        out += ["", table(("characters", "median ms", "mean ms", "peak alloc KiB"), rows), ""]
    elif "error" in length:
        out.append(f"- Length: not run: {length['error']}")
    if "time" in batch:
        bt = batch["time"]
        out.append(
            f"- Batch ({s.get('cores')} cores, a pool over `yorum.moderate`; distinct comments, "
            f"each two of the speed mix joined): wall time grows with slope "
            f"**{bt['slope']:.2f}** from {bt['fitted_from']:,} comments: "
            + ("**faster than linear**." if bt["superlinear"] else "linear or better.")
            + " Small batches pay the pool's start and each worker's first load."
        )
    rows = []
    for r in batch.get("rows", []):
        if "skipped" in r or "error" in r:
            rows.append((f"{r.get('comments', 0):,}", r.get("skipped") or r.get("error"), "", ""))
            continue
        rows.append(
            (f"{r['comments']:,}", num(r["seconds"], 2), num(r["comments_per_s"], 0),
             f"{num(r['parent_peak_rss_mb'], 0)} / {num(r['largest_worker_peak_rss_mb'], 0)}")
        )  # fmt: skip
    if rows:
        out += [
            "",
            table(("comments", "seconds", "comments/s", "peak RSS MB parent / worker"), rows),
        ]
    return [*out, "", "![scaling](scaling.png)", ""]


def notes_md(s: dict[str, Any]) -> list[str]:
    notes = [n for n in s.get("notes", []) if n]
    return [*(f"> {n}" for n in notes), ""] if notes else []


# ── targets ────────────────────────────────────────────────────────────────────────────────


def _best_peer(tools: list[dict[str, Any]], key: str, yorum_name: str) -> tuple[Any, Any, Any]:
    peer_rows = [
        t for t in tools if not t["tool"].startswith("yorum") and "at yorum's" not in t["tool"]
    ]
    mine = next((t for t in tools if t["tool"] == yorum_name), None)
    if not peer_rows or mine is None:
        return None, None, None
    best = max(peer_rows, key=lambda t: t[key])
    return mine[key], best, mine[key] >= best[key]


def targets_md(sections: dict[str, Any]) -> list[str]:
    rows: list[Row] = []
    speed = sections.get("speed", {}).get("targets", {})
    for key, label in (
        ("comments_per_s", "engine comments/s per core"),
        ("vs_fastest_swearing_peer", "× the fastest swearing-only peer"),
        ("cold_start_s", "cold start of `yorum check` (s)"),
        ("peak_rss_mb", "peak memory (MB)"),
    ):
        if key in speed:
            rows.append((label, speed[key]["want"], num(speed[key]["got"], 2),
                         mark(speed["met"][key])))  # fmt: skip
    for db, t in sections.get("service", {}).get("targets", {}).items():
        light = (
            f" (2 connections: {num(t['light_load_rps'], 0)} /s, p99 "
            f"{num(t['light_load_p99_ms'])} ms)"
            if "light_load_p99_ms" in t
            else ""
        )
        rows.append(
            (
                f"service moderate calls ({db}, 16 connections)",
                f"{t['moderate_rps']['want']} /s, p99 {t['moderate_p99_ms']['want']} ms",
                f"{num(t['moderate_rps']['got'], 0)} /s, p99 "
                f"{num(t['moderate_p99_ms']['got'])} ms{light}",
                mark(t["met"]),
            )
        )
    quality = (
        ("quality_abuse", "abuse macro-F1 (OffensEval CV)", "macro_f1", None),
        ("quality_belief", "belief_attack F1 (Mayda religion)", "f1", "yorum belief_attack"),
    )
    for name, label, key, yorum_name in quality:
        tools = sections.get(name, {}).get("tools", [])
        if not tools:
            continue
        ys = [t for t in tools if t["tool"].startswith("yorum")]
        chosen = yorum_name or next(
            (t["tool"] for t in ys if "CV" in t["tool"]),
            next((t["tool"] for t in ys if "rules only" in t["tool"]), None),
        )
        mine, best, ok = _best_peer(tools, key, chosen or "")
        if best is not None:
            rows.append((f"{label}: {chosen}", f">= best peer ({best['tool']} "
                         f"{best[key]:.3f})", f"{mine:.3f}", mark(ok)))  # fmt: skip
    abuse = {t["tool"]: t for t in sections.get("quality_abuse", {}).get("tools", [])}
    same = abuse.get("tfidf at yorum's false-flag rate")
    mine = abuse.get("yorum (5-fold CV)")
    if same and mine:
        ok = mine["macro_f1"] >= same["macro_f1"]
        rows.append(
            (
                f"abuse macro-F1 at yorum's false-flag rate ({pct(mine['flagged_non'])})",
                f">= tfidf there {same['macro_f1']:.3f}",
                f"{mine['macro_f1']:.3f}",
                mark(ok),
            )
        )
    tc = sections.get("quality_letters", {}).get("turkish_chars", {}).get("tools", [])
    engine = next((t for t in tc if t["tool"] == "yorum (engine)"), None)
    zem = next((t for t in tc if t["tool"].startswith("zemberek")), None)
    if engine and zem:
        ok = engine["changed_word_accuracy"] >= zem["changed_word_accuracy"]
        rows.append(("turkish_chars restoration (changed words)",
                     f">= zemberek {pct(zem['changed_word_accuracy'])}",
                     pct(engine["changed_word_accuracy"]), mark(ok)))  # fmt: skip
    sp = sections.get("quality_spelling", {}).get("tools", [])
    mine_sp = next((t for t in sp if t["tool"].startswith("yorum")), None)
    hun = next((t for t in sp if t["tool"].startswith("hunspell")), None)
    if mine_sp and hun:
        ok = mine_sp["detected"] >= hun["detected"] and (
            mine_sp["clean_ud_flagged"] <= hun["clean_ud_flagged"]
        )
        rows.append(("spelling detection / clean false flags", f">= hunspell "
                     f"{pct(hun['detected'])} / <= {pct(hun['clean_ud_flagged'])}",
                     f"{pct(mine_sp['detected'])} / {pct(mine_sp['clean_ud_flagged'])}",
                     mark(ok)))  # fmt: skip
    if not rows:
        return []
    return ["## Targets", "", table(("target", "want", "measured", ""), rows), ""]


# ── the whole report ───────────────────────────────────────────────────────────────────────

SECTIONS = {
    "speed": speed_md,
    "quality_abuse": abuse_md,
    "quality_evasion": evasion_md,
    "quality_belief": belief_md,
    "quality_letters": letters_md,
    "quality_spelling": spelling_md,
    "service": service_md,
    "scaling": scaling_md,
}


def build(latest: dict[str, Any], out_dir: Path) -> Path:
    sections: dict[str, Any] = latest.get("sections", {})
    plots.draw_all(sections, out_dir)
    env = latest.get("environment", {})
    lines = [
        "# yorum benchmarks",
        "",
        f"Generated {latest.get('generated', '?')} by `make bench` "
        f"({'quick run' if latest.get('quick') else 'full run'}, "
        f"{latest.get('seconds', 0):.0f} s). Machine: {env.get('machine', '?')}. "
        "Raw numbers: `latest.json`.",
        "",
    ]
    if env.get("versions"):
        lines += [
            "Versions: " + ", ".join(f"{k} {v}" for k, v in env["versions"].items() if v) + ".",
            "",
        ]
    loads = [
        x
        for sec in sections.values()
        if isinstance(sec, dict)
        for k, x in (sec.get("load_average") or {}).items()
        if k in ("before", "after") and isinstance(x, int | float)
    ]
    if loads:
        lines += [
            f"Load average (1 min) seen across the run: {min(loads):.1f} to {max(loads):.1f} on "
            f"{common.cores()} cores; the run itself accounts for up to about 3 of it (a pool of "
            "one process per core, or wrk beside the server). Much more means other work shared "
            "the machine and the speed numbers are low.",
            "",
        ]
    lines += targets_md(sections)
    for name, render in SECTIONS.items():
        section = sections.get(name)
        if section is None:
            continue
        if (why := _error(section)) is not None:
            lines += [f"## {name}", "", f"Not run: {why}", ""]
            continue
        try:
            lines += render(section)
        except (KeyError, TypeError, ValueError) as exc:
            lines += [f"## {name}", "", f"(report failed for this section: {exc!r})", ""]
    path = out_dir / "latest.md"
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return path


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else common.RESULTS / "latest.json"
    latest = json.loads(src.read_text("utf-8"))
    print(build(latest, src.parent))


if __name__ == "__main__":
    main()
