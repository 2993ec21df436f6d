"""Spelling rule quality and speed.

    python benchmarks/spelling.py [--data ../shared/data] [--show 20]

- false flags: share of clean UD *dev* sentences (not used to build the data) with any finding;
- de/da clitic and suffix-spacing errors (tr-deda-clitic-errors dev, M2): detection and correction
  per edit, and false flags on the clean copies of the same sentences;
- load time (cold, in a subprocess) and microseconds per comment once loaded.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from yorum.moderation.fixes import apply_fixes
from yorum.moderation.policy import default_policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules import spelling
from yorum.moderation.verdict import Finding, Fix

ROOT = Path(__file__).resolve().parents[1]
COMMENT_WORDS = 30
POLICY = default_policy()


def run(text: str, language: str = "tr") -> Finding | None:
    """The rule's finding, with spans and fixes mapped to offsets into ``text``."""
    doc = Prepared(text)
    doc.language = language  # the rule is measured, not the language detector
    found = spelling.check(doc, POLICY)
    if not found:
        return None
    f = found[0]
    spans = tuple(doc.span(s, e) for s, e in f.spans)
    fixes = tuple(Fix(*doc.span(x.start, x.end), x.replacement) for x in f.fixes)
    return replace(f, spans=spans, fixes=fixes)


def ud_sentences(data: Path) -> list[str]:
    out: list[str] = []
    for path in sorted((data / "tr-clean-text-ud").glob("*_dev.tsv")):
        with path.open(encoding="utf-8") as f:
            out.extend(row["text"] for row in csv.DictReader(f, delimiter="\t"))
    return out


def false_flags(sentences: list[str], show: int) -> None:
    flagged, words = 0, Counter[str]()
    for text in sentences:
        finding = run(text)
        if finding is not None:
            flagged += 1
            words.update(text[s:e] for s, e in finding.spans)
    share = flagged / len(sentences)
    print(f"UD dev: {flagged}/{len(sentences)} clean sentences flagged ({share:.2%})")
    if show:
        print("  most flagged:", ", ".join(f"{w} ({n})" for w, n in words.most_common(show)))


def read_m2(path: Path) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    out: list[tuple[str, list[tuple[int, int, str, str]]]] = []
    for block in path.read_text("utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].startswith("S "):
            continue
        edits = []
        for line in lines[1:]:
            span, kind, correction, *_ = line[2:].split("|||")
            start, end = map(int, span.split())
            edits.append((start, end, kind, correction))
        out.append((lines[0][2:], edits))
    return out


def _offsets(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for tok in text.split(" "):
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return spans


def _corrected(text: str, gold: tuple[int, int, str], fixes: tuple[Fix, ...]) -> bool:
    gs, ge, correction = gold
    mine = [f for f in fixes if f.start < ge and f.end > gs]
    if not mine:
        return False
    us, ue = min(gs, *(f.start for f in mine)), max(ge, *(f.end for f in mine))
    local = [Fix(f.start - us, f.end - us, f.replacement) for f in mine]
    return apply_fixes(text[us:ue], local) == text[us:gs] + correction + text[ge:ue]


def deda(data: Path, show: int) -> None:
    seen: Counter[str] = Counter()
    found: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    clean = clean_flagged = stray = 0
    misses: list[str] = []
    for text, edits in read_m2(data / "tr-deda-clitic-errors/boun_source_dev.txt"):
        finding = run(text)
        spans = finding.spans if finding else ()
        if not edits:
            clean += 1
            clean_flagged += finding is not None
            continue
        offsets = _offsets(text)
        golds = []
        for start, end, kind, correction in edits:
            gs, ge = offsets[start][0], offsets[max(end - 1, start)][1]
            golds.append((gs, ge))
            seen[kind] += 1
            if any(s < ge and e > gs for s, e in spans):
                found[kind] += 1
                fixed[kind] += _corrected(
                    text, (gs, ge, correction), finding.fixes if finding else ()
                )
            elif len(misses) < show:
                misses.append(f"{text[gs:ge]!r}→{correction!r}")
        stray += sum(1 for s, e in spans if not any(s < ge and e > gs for gs, ge in golds))
    for kind in sorted(seen):
        n = seen[kind]
        print(
            f"deda dev {kind}: {n} edits, detected {found[kind] / n:.1%}, "
            f"corrected {fixed[kind] / n:.1%}"
        )
    print(f"deda dev clean copies: {clean_flagged}/{clean} flagged ({clean_flagged / clean:.2%})")
    print(f"deda dev flags outside gold edits in error sentences: {stray}")
    if show:
        print("  missed:", "; ".join(misses))


def speed(sentences: list[str]) -> None:
    code = (
        "import time; t = time.perf_counter(); from yorum.lang.tr import spelling; "
        "spelling.data(); print(time.perf_counter() - t)"
    )
    loads = sorted(
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(3)
    )
    print(f"load of the Turkish spelling data (fresh process, best of 3): {loads[0]:.3f} s")
    comments, current = [], ""
    for s in sentences:  # ~30-word comments made of consecutive clean sentences
        current = f"{current} {s}".strip()
        if len(current.split()) >= COMMENT_WORDS:
            comments.append(current)
            current = ""
    docs = [Prepared(c) for c in comments]
    for doc in docs:
        doc.language = "tr"
    for doc in docs:
        spelling.check(doc, POLICY)  # warm: caches filled as a long-running server has them
    t = time.perf_counter()
    for doc in docs:
        spelling.check(doc, POLICY)
    warm = (time.perf_counter() - t) / len(docs) * 1e6
    words = sum(len(d.words) for d in docs) / len(docs)
    print(f"rule time, warm caches: {warm:.0f} µs per comment ({words:.1f} words on average)")
    spelling_cold_cache(docs)


def spelling_cold_cache(docs: list[Prepared]) -> None:
    from yorum.lang.tr import morphology
    from yorum.lang.tr import spelling as tr

    caches = (
        morphology.is_valid,
        morphology.kinds,
        morphology.is_name_form,
        morphology.is_compound,
    )
    caches += (tr.lacks_letters, tr.suggest, spelling._word_fix, spelling._pair_fix)
    for fn in caches:
        fn.cache_clear()
    t = time.perf_counter()
    for doc in docs:
        spelling.check(doc, POLICY)
    cold = (time.perf_counter() - t) / len(docs) * 1e6
    print(f"rule time, empty word caches: {cold:.0f} µs per comment")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    sentences = ud_sentences(args.data)
    false_flags(sentences, args.show)
    deda(args.data, args.show)
    speed(sentences)


if __name__ == "__main__":
    main()
