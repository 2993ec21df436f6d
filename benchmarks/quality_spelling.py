"""spelling: de/da clitic and suffix-spacing errors, false flags on clean text, beside the peers.

- Detection and correction per gold edit on tr-deda-clitic-errors dev (M2; ``rule_1`` = de/da
  written attached, ``rule_6`` = suffix written apart), read with benchmarks/spelling.py; flags on
  the clean copies of the same sentences; flags outside any gold edit.
- False flags: the share of clean UD Turkish dev sentences with any finding.

yorum is the ``spelling`` rule on the text taken as Turkish (benchmarks/spelling.py's ``run``,
so the rule is measured, not the language detector), any severity. hunspell is the
``hunspell`` command with Debian's ``hunspell-tr`` dictionary: a token is flagged when hunspell
rejects it (``-L``, one token per line), and its correction is hunspell's first suggestion
(``-a``). zemberek-python's TurkishSpellChecker is tried and reported when it cannot run.

    .venv/bin/python -m benchmarks.quality_spelling [--quick]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks import common

WORD = re.compile(r"\w+(?:['’]\w+)*")
DEDA = "tr-deda-clitic-errors/boun_source_dev.txt"
HUNSPELL_DICT = "tr_TR"
Edit = tuple[int, int, str, str]  # start, end (characters), kind, correction


def _yorum(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int, str], ...]]:
    """The rule's spans and fixes, as plain tuples (cheap to send between processes)."""
    from benchmarks.spelling import run as spelling_finding

    finding = spelling_finding(text)
    if finding is None:
        return (), ()
    return tuple(finding.spans), tuple((f.start, f.end, f.replacement) for f in finding.fixes)


def deda_sentences(data: Path) -> list[tuple[str, list[Edit]]]:
    """Each sentence with its gold edits as character spans."""
    from benchmarks.spelling import _offsets, read_m2

    out: list[tuple[str, list[Edit]]] = []
    for text, edits in read_m2(data / DEDA):
        offsets = _offsets(text)
        spans = [
            (offsets[s][0], offsets[max(e - 1, s)][1], kind, corr) for s, e, kind, corr in edits
        ]
        out.append((text, spans))
    return out


# ── hunspell ───────────────────────────────────────────────────────────────────────────────


def hunspell_missing() -> str | None:
    if shutil.which("hunspell") is None:
        return "hunspell not installed (apt-get install hunspell hunspell-tr)"
    probe = subprocess.run(
        ["hunspell", "-d", HUNSPELL_DICT, "-l"], input="ev\n", capture_output=True, text=True
    )
    if probe.returncode != 0 or "Can't open" in probe.stderr:
        return f"hunspell dictionary {HUNSPELL_DICT} missing (apt-get install hunspell-tr)"
    return None


def hunspell_rejects(tokens: set[str]) -> set[str]:
    """The tokens hunspell rejects (any part of them, as it splits at apostrophes)."""
    lines = sorted(t for t in tokens if "\n" not in t)
    proc = subprocess.run(
        ["hunspell", "-d", HUNSPELL_DICT, "-L"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return set(proc.stdout.splitlines())


def _suggest_chunk(words: list[str]) -> dict[str, str]:
    proc = subprocess.run(
        ["hunspell", "-d", HUNSPELL_DICT, "-a"],
        input="".join(f"^{w}\n" for w in words),
        capture_output=True,
        text=True,
        check=True,
    )
    blocks = proc.stdout.split("\n\n")
    out: dict[str, str] = {}
    body = [b for b in (blocks[0].split("\n", 1)[1:] + blocks[1:]) if b.strip()]
    for word, block in zip(words, body, strict=False):
        # one line per part of the word; the first rejected part's first suggestion fixes it
        for line in block.splitlines():
            if line.startswith("&"):
                part, suggestions = line[2:].split(":", 1)
                first = suggestions.split(",")[0].strip()
                out[word] = word.replace(part.split()[0], first, 1)
                break
    return out


def hunspell_suggestions(words: list[str], jobs: int) -> dict[str, str]:
    """First suggestion per word (the word with its rejected part replaced)."""
    chunks = [words[i::jobs] for i in range(jobs) if words[i::jobs]]
    out: dict[str, str] = {}
    for part in common.pmap(_suggest_chunk, chunks, jobs, chunk=1):
        out.update(part)
    return out


def hunspell_flags(
    texts: list[str], rejected: set[str]
) -> list[tuple[tuple[tuple[int, int], ...], str]]:
    return [(tuple(m.span() for m in WORD.finditer(t) if m.group() in rejected), t) for t in texts]


# ── scoring ────────────────────────────────────────────────────────────────────────────────


def _overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def score_deda(
    sentences: list[tuple[str, list[Edit]]],
    spans_of: list[tuple[tuple[int, int], ...]],
    fixes_of: list[tuple[tuple[int, int, str], ...]],
) -> dict[str, Any]:
    from benchmarks.spelling import _corrected
    from yorum.moderation.verdict import Fix

    seen: Counter[str] = Counter()
    found: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    clean = clean_flagged = stray = 0
    for (text, edits), spans, fixes in zip(sentences, spans_of, fixes_of, strict=True):
        if not edits:
            clean += 1
            clean_flagged += bool(spans)
            continue
        fx = tuple(Fix(s, e, r) for s, e, r in fixes)
        for start, end, kind, correction in edits:
            seen[kind] += 1
            if _overlaps(spans, start, end):
                found[kind] += 1
                fixed[kind] += _corrected(text, (start, end, correction), fx)
        stray += sum(1 for s, e in spans if not any(s < ge and e > gs for gs, ge, *_ in edits))
    n = sum(seen.values())
    return {
        "edits": n,
        "detected": sum(found.values()) / max(n, 1),
        "corrected": sum(fixed.values()) / max(n, 1),
        "by_kind": {
            k: {"edits": seen[k], "detected": found[k] / seen[k], "corrected": fixed[k] / seen[k]}
            for k in sorted(seen)
        },
        "clean_copies_flagged": clean_flagged / max(clean, 1),
        "flags_outside_gold_edits": stray,
    }


def zemberek_status() -> str:
    """Whether zemberek-python's spell checker starts here (it needs numpy < 2)."""
    code = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from zemberek import TurkishMorphology, TurkishSpellChecker\n"
        "TurkishSpellChecker(TurkishMorphology.create_with_defaults()).check('ev')\n"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=180
        )
    except subprocess.TimeoutExpired:
        return "zemberek TurkishSpellChecker: did not start within 180 s"
    if proc.returncode == 0:
        return "zemberek TurkishSpellChecker starts, but is not scored here"
    last = (proc.stderr.strip().splitlines() or ["failed"])[-1]
    import numpy

    return (
        f"zemberek TurkishSpellChecker cannot run with numpy {numpy.__version__}: {last} "
        "(zemberek-python 0.2.3 needs numpy < 2; .venv keeps numpy 2)"
    )


def run(cfg: common.Config) -> dict[str, Any]:
    sentences = deda_sentences(cfg.data)
    clean = common.ud_dev_sentences(cfg.data)
    if cfg.quick:
        sentences = [sentences[i] for i in common.subsample(len(sentences), 500)]
        clean = [clean[i] for i in common.subsample(len(clean), 800)]
    texts = [t for t, _ in sentences]
    tools: list[dict[str, Any]] = []
    notes: list[str] = []
    seconds: dict[str, float] = {}
    why = common.engine_status()
    if why is None:
        t = time.perf_counter()
        deda = common.pmap(_yorum, texts, cfg.jobs)
        ud = common.pmap(_yorum, clean, cfg.jobs)
        seconds["yorum"] = time.perf_counter() - t
        tools.append(
            {
                "tool": "yorum spelling",
                "clean_ud_flagged": sum(bool(s) for s, _ in ud) / len(clean),
                **score_deda(sentences, [s for s, _ in deda], [f for _, f in deda]),
            }
        )
    else:
        notes.append(f"yorum did not run: {why}")
    if (gone := hunspell_missing()) is None:
        t = time.perf_counter()
        tokens = {m.group() for x in texts + clean for m in WORD.finditer(x)}
        rejected = hunspell_rejects(tokens)
        deda_flags = hunspell_flags(texts, rejected)
        ud_flags = hunspell_flags(clean, rejected)
        # suggestions only for rejected words inside gold edits: hunspell -a is slow in Turkish
        in_edits = sorted(
            {
                t[s:e]
                for (t, edits), (spans, _) in zip(sentences, deda_flags, strict=True)
                for s, e in spans
                if any(s < ge and e > gs for gs, ge, *_ in edits)
            }
        )
        suggestion = hunspell_suggestions(in_edits, cfg.jobs)
        fixes = [
            tuple((s, e, suggestion[t[s:e]]) for s, e in spans if t[s:e] in suggestion)
            for spans, t in deda_flags
        ]
        seconds["hunspell"] = time.perf_counter() - t
        tools.append(
            {
                "tool": "hunspell (hunspell-tr)",
                "clean_ud_flagged": sum(bool(s) for s, _ in ud_flags) / len(clean),
                **score_deda(sentences, [s for s, _ in deda_flags], fixes),
            }
        )
    else:
        notes.append(gone)
    notes.append(zemberek_status())
    return common.rounded(
        {
            "data": "tr-deda-clitic-errors dev (M2) and UD Turkish dev sentences",
            "deda_sentences": len(sentences),
            "clean_ud_sentences": len(clean),
            "tools": tools,
            "notes": notes,
            "seconds": seconds,
        }
    )


def main() -> None:
    common.section_main("quality_spelling", run, __doc__)


if __name__ == "__main__":
    main()
