"""The tools a newsroom would use instead, each behind one small interface.

- ``safetext``: SafeText with its own Turkish word list (no network: validation off).
- ``better-profanity``: better_profanity loaded with the Turkish LDNOOBW lists (CC BY 4.0 and
  CC0) from ../shared/data/tr-profanity-lexicons.
- ``tfidf``: word 1-2-gram + character 2-5-gram TF-IDF and a logistic regression (scikit-learn),
  trained on the OffensEval-TR training data: what a data scientist builds in an afternoon.

Each peer answers one question per text: offensive or not.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

LDNOOBW = ("ldnoobw-tr.txt", "ldnoobw-v2-tr.txt")
SWEARING_PEERS = ("safetext", "better-profanity")
ALL_PEERS = (*SWEARING_PEERS, "tfidf")
_LOWER = str.maketrans({"I": "ı", "İ": "i"})


class Peer(Protocol):
    name: str

    def flags(self, text: str) -> bool: ...


class SafeTextPeer:
    name = "safetext"

    def __init__(self) -> None:
        from safetext import SafeText

        self._st = SafeText(language="tr", validate_profanity=False)

    def flags(self, text: str) -> bool:
        return bool(self._st.check_profanity(text))


class BetterProfanityPeer:
    name = "better-profanity"

    def __init__(self, data: Path) -> None:
        from better_profanity import Profanity

        words: list[str] = []
        for name in LDNOOBW:
            path = data / "tr-profanity-lexicons" / name
            words.extend(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip())
        self._p = Profanity()
        self._p.load_censor_words(sorted(set(words)))

    def flags(self, text: str) -> bool:
        return bool(self._p.contains_profanity(text))


def turkish_lower(text: str) -> str:
    return text.translate(_LOWER).lower()


class TfidfPeer:
    """TF-IDF word + char n-grams, logistic regression; Turkish lower case."""

    name = "tfidf"

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[int], seed: int = 13) -> TfidfPeer:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        features = make_union(
            TfidfVectorizer(
                preprocessor=turkish_lower, ngram_range=(1, 2), min_df=2, sublinear_tf=True
            ),
            TfidfVectorizer(
                preprocessor=turkish_lower,
                analyzer="char_wb",
                ngram_range=(2, 5),
                min_df=3,
                max_features=300_000,
                sublinear_tf=True,
            ),
        )
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)
        pipeline = make_pipeline(features, model)
        pipeline.fit(list(texts), list(labels))
        return cls(pipeline)

    def scores(self, texts: Sequence[str]) -> list[float]:
        """P(offensive) of each text."""
        return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]

    def predict(self, texts: Sequence[str]) -> list[int]:
        return [int(x) for x in self.pipeline.predict(list(texts))]

    def flags(self, text: str) -> bool:
        return bool(self.pipeline.predict([text])[0])

    def save(self, path: Path) -> None:
        path.write_bytes(pickle.dumps(self.pipeline))

    @classmethod
    def load(cls, path: Path) -> TfidfPeer:
        return cls(pickle.loads(path.read_bytes()))  # our own file, just written


TFIDF_VERSION = 2  # bump when TfidfPeer.fit changes


def cache_dir() -> Path:
    """Where trained peers are kept between sections (``YORUM_BENCH_CACHE``, else the temp dir)."""
    path = Path(os.environ.get("YORUM_BENCH_CACHE") or Path(tempfile.gettempdir()) / "yorum-bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def tfidf_full_path(data: Path) -> Path:
    """The TF-IDF peer trained on the whole OffensEval-TR training set (trained once, cached)."""
    import sklearn

    from benchmarks.common import offenseval, offenseval_path

    source = offenseval_path(data)
    stat = source.stat()
    key = f"{TFIDF_VERSION}-{sklearn.__version__}-{source}-{stat.st_size}-{stat.st_mtime_ns}"
    path = cache_dir() / f"tfidf-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pkl"
    if not path.exists():
        rows = offenseval(data)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        TfidfPeer.fit(rows.texts, rows.offensive).save(tmp)
        tmp.replace(path)
    return path


def missing(name: str) -> str | None:
    """Why a peer cannot run here (``pip install`` it), or ``None``."""
    module = {"safetext": "safetext", "better-profanity": "better_profanity", "tfidf": "sklearn"}
    try:
        __import__(module[name])
    except ImportError:
        return f"{name} is not installed: pip install -e '.[bench]'"
    return None


def make(name: str, data: Path, tfidf_path: Path | None = None) -> Peer:
    if name == "safetext":
        return SafeTextPeer()
    if name == "better-profanity":
        return BetterProfanityPeer(data)
    if name == "tfidf":
        if tfidf_path is None:
            raise ValueError("the tfidf peer needs a trained model file")
        return TfidfPeer.load(tfidf_path)
    raise ValueError(f"unknown peer {name!r}")


_LOADED: dict[tuple[str, str], Peer] = {}


def flag_with(job: tuple[str, str, str]) -> int:
    """``(peer, data folder, text)`` → 0/1, the peer loaded once per process (for ``pmap``)."""
    name, data, text = job
    peer = _LOADED.get((name, data))
    if peer is None:
        peer = _LOADED[(name, data)] = make(name, Path(data))
    return int(peer.flags(text))
