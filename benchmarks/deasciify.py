"""Accuracy and speed of the Turkish deasciifier on ASCII-folded UD Turkish sentences.

    .venv/bin/python benchmarks/deasciify.py [--data ../shared/data] [--no-zemberek] [--held-out]

Each UD dev sentence is folded to ASCII (ç→c, ğ→g, ı→i, İ→I, ö→o, ş→s, ü→u; â î û, which
Turkish writers often leave out, are folded in the reference too), restored, and compared word by
word with the original. "ambiguous" words are those whose folded form has one of c g i o s u,
i.e. that could need a letter restored; "changed" words are those that did need one. None of
these sentences is used to build the data or to tune it (training/build_deasciifier.py reads no
UD text). For tuning, ``--held-out`` scores the tweets that ``build_deasciifier.py --hold-out``
leaves out instead (the data must have been built with --hold-out).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from yorum.lang.tr import deasciify
from yorum.lang.tr.text import ascii_fold

ROOT = Path(__file__).resolve().parents[1]
DEV_FILES = ("ud_imst_dev.tsv", "ud_boun_dev.tsv", "ud_penn_dev.tsv", "ud_kenet_dev.tsv")
WORD = re.compile(r"\w+(?:['’]\w+)*")
CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")


def read_sentences(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row["text"].translate(CIRCUMFLEX) for row in reader]


def score(
    restore: Callable[[str], str], sentences: list[str], errors: Counter[str]
) -> Counter[str]:
    c: Counter[str] = Counter()
    for gold in sentences:
        folded = ascii_fold(gold)
        out = restore(folded)
        for m in WORD.finditer(gold):
            want, got = m.group(), out[m.start() : m.end()]
            ok = want == got
            c["words"] += 1
            c["words_ok"] += ok
            if any(ch in "cgiosuCGIOSU" for ch in folded[m.start() : m.end()]):
                c["ambiguous"] += 1
                c["ambiguous_ok"] += ok
            if want != folded[m.start() : m.end()]:
                c["changed"] += 1
                c["changed_ok"] += ok
            if not ok:
                errors[f"{want}→{got}"] += 1
    return c


def row(name: str, c: Counter[str]) -> str:
    cells = [f"{name:22s}", f"{c['words']:6d}"]
    for kind in ("words", "ambiguous", "changed"):
        cells.append(f"{100 * c[kind + '_ok'] / max(c[kind], 1):7.2f}%")
    return "  ".join(cells)


def run(name: str, restore: Callable[[str], str], data: Path, show: int) -> None:
    print(f"\n{name}")
    print(f"{'file':22s}  {'words':>6s}  {'all':>8s}  {'ambig.':>8s}  {'changed':>8s}")
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    started = time.perf_counter()
    for f in DEV_FILES:
        c = score(restore, read_sentences(data / "tr-clean-text-ud" / f), errors)
        print(row(f, c))
        total += c
    elapsed = time.perf_counter() - started
    print(row("all", total))
    print(f"{1e6 * elapsed / total['words']:.1f} µs per word (one pass, caches cold)")
    if show:
        print("most frequent errors:", ", ".join(f"{e} ×{n}" for e, n in errors.most_common(show)))


def zemberek() -> Callable[[str], str]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from zemberek.normalization.deasciifier.deasciifier import Deasciifier

    def restore(text: str) -> str:
        return str(Deasciifier(text).convert_to_turkish())

    return restore


def held_out(data: Path) -> list[str]:
    """The tweets ``training/build_deasciifier.py --hold-out`` leaves out, for tuning."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build", ROOT / "training" / "build_deasciifier.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    sys.modules["build"] = build
    spec.loader.exec_module(build)
    tweets: list[str] = build.trusted_tweets(data / build.TWEETS_FILE, "held_out")
    return [t.translate(CIRCUMFLEX) for t in tweets]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--no-zemberek", action="store_true", help="skip the comparison")
    parser.add_argument("--errors", type=int, default=25, help="show this many frequent errors")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="score the tweets build_deasciifier.py --hold-out leaves out (for tuning), not UD dev",
    )
    args = parser.parse_args()
    if args.held_out:
        errors: Counter[str] = Counter()
        c = score(deasciify.restore, held_out(args.data), errors)
        print(row("held-out tweets", c))
        print(
            "most frequent errors:",
            ", ".join(f"{e} ×{n}" for e, n in errors.most_common(args.errors)),
        )
        return
    started = time.perf_counter()
    deasciify.restore("yukleniyor")
    print(f"yorum data loaded in {time.perf_counter() - started:.3f} s")
    run("yorum.lang.tr.deasciify", deasciify.restore, args.data, args.errors)
    if not args.no_zemberek:
        run("zemberek-python TurkishDeasciifier", zemberek(), args.data, args.errors)


if __name__ == "__main__":
    main()
