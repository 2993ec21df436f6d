"""Training the news-comment model: labels, writers, determinism, run time equals training."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from yorum.model.comments import COMMENTS_NAME, OUTPUTS, model
from yorum.model.features import doc_units

pytest.importorskip("sklearn")

from tests.model.synthetic import write_offenseval
from yorum.model.fit import Vectorizer
from yorum.model.train_comments import (
    CARD_NAME,
    REPORT_AT,
    SETTINGS,
    clauses_of,
    clean_tweets,
    label_of,
    load_corpus,
    main,
)

THREATS = ["seni bulacağız", "we will find you", "evini yakarız", "you will pay for this"]
FAITH = ["dinleri saçmalık", "religion is a disease", "inananlar aptal", "their god is a joke"]
INSULTS = ["yazar tam bir salak", "the author is a clown", "hakem gerizekalı", "what an idiot"]
CLEAN = ["maç güzeldi", "the bridge opened today", "yağmur yağıyor", "prices went up again"]


def _write(folder: Path, name: str, rows: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _writer(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    banks = (
        ("offensive", THREATS),
        ("belief_attack", FAITH),
        ("insult", INSULTS),
        ("clean", CLEAN),
    )
    for label, bank in banks:
        for _ in range(15):
            filler = rng.choice(["bugün", "today", "yine", "again", "haber", "news"])
            rows.append({"text": f"{rng.choice(bank)} {filler}", "label": label})
    return rows


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("comments")
    for k in range(3):
        _write(root / "writers", f"w{k}.jsonl", _writer(k))
    probes = [
        {"text": "seni bulacağız haber", "expect": ["offensive"]},
        {"text": "inananlar aptal yine", "expect": ["belief_attack", "insult"]},
        {"text": "maç güzeldi bugün", "expect": "clean"},
    ]
    _write(root / "probes", "set1.jsonl", probes * 5)
    _write(root / "probes", "heldout.jsonl", [{"text": "never read", "expect": "clean"}])
    return root


@pytest.fixture(scope="module")
def trained(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("out")
    sources = [corpus_dir / "writers", corpus_dir / "probes"]
    main(sources, out / "a", seed=3)
    main(sources, out / "b", seed=3)
    return out / "a", out / "b"


def test_labels_from_writers_and_probe_sets() -> None:
    assert label_of({"label": "offensive"}) == 1
    assert label_of({"label": "belief_attack"}) == 2
    assert label_of({"label": "clean"}) == 0
    assert label_of({"expect": "clean"}) == 0
    assert label_of({"expect": ["spelling", "all_caps"]}) == 0  # not this model's clauses
    assert label_of({"expect": ["insult", "spelling"]}) == OUTPUTS.index("insult")
    assert label_of({"expect": ["profanity", "insult"]}) == OUTPUTS.index("insult")
    assert label_of({"expect": ["offensive", "belief_attack"]}) == 2


def test_a_comment_breaking_several_clauses_is_an_example_of_each(corpus_dir: Path) -> None:
    off, belief, insult = (OUTPUTS.index(c) for c in ("offensive", "belief_attack", "insult"))
    assert clauses_of({"labels": ["offensive", "belief_attack"]}) == (belief, off)
    assert clauses_of({"labels": []}) == (0,)
    assert clauses_of({"expect": ["all_caps"]}) == (0,)
    corpus = load_corpus([corpus_dir / "writers", corpus_dir / "probes"])
    both = corpus.texts.index("inananlar aptal yine")
    assert corpus.labels[both] == belief
    assert corpus.targets[both, belief] == corpus.targets[both, insult] == 0.5
    assert np.allclose(corpus.targets.sum(axis=1), 1.0)


def test_held_out_files_are_never_read(corpus_dir: Path) -> None:
    corpus = load_corpus([corpus_dir / "writers", corpus_dir / "probes"])
    assert "never read" not in corpus.texts
    assert sorted(set(corpus.groups)) == ["probes/set1", "writers/w0", "writers/w1", "writers/w2"]
    assert len(corpus) == 3 * 60 + 15


def test_a_malformed_line_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"text": "ok", "label": "clean"}\n{oops\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        load_corpus([tmp_path])


def test_same_data_and_seed_give_identical_weights(trained: tuple[Path, Path]) -> None:
    a, b = trained
    assert (a / COMMENTS_NAME).read_bytes() == (b / COMMENTS_NAME).read_bytes()
    with np.load(a / COMMENTS_NAME, allow_pickle=False) as data:
        assert all(data[name].dtype != object for name in data.files)


def test_card_reports_left_out_writers(trained: tuple[Path, Path]) -> None:
    card = json.loads((trained[0] / CARD_NAME).read_text("utf-8"))
    assert card["data"]["comments"] == 195
    assert set(card[f"per_writer_at_{REPORT_AT}"]) == {
        "probes/set1",
        "writers/w0",
        "writers/w1",
        "writers/w2",
    }
    assert sorted(map(len, card["folds_grouped_by_writer"])) == [1, 1, 1, 1]  # 4 writers
    at = card["cross_validated"]["0.5"]
    assert at["offensive"]["own_clause"] > 0.9 and at["belief_attack"]["flagged"] > 0.9
    # a clear signal; the probe rows that are belief attacks and insults count for insult too,
    # and to every writer that wording was a belief attack alone
    assert at["insult"]["own_clause"] >= 0.85
    assert at["clean_flagged"] < 0.1


def test_runtime_scores_equal_training_features(trained: tuple[Path, Path]) -> None:
    m = model(trained[0] / COMMENTS_NAME)
    weights = m.scorer.w
    vec = Vectorizer(SETTINGS)
    start = 0
    for b, part in enumerate(vec.parts):
        part.vocabulary_ = {k: v - start for k, v in weights.vocab[b].items()}
        part.idf_ = weights.idf[start : start + len(part.vocabulary_)].astype(np.float64)
        start += len(part.vocabulary_)
    texts = ["seni bulacağız yine", "religion is a disease", "maç güzeldi", "", "!!!"]
    z = vec.transform([doc_units(t) for t in texts]) @ weights.coef.astype(np.float64)
    z = z + weights.intercept
    e = np.exp(z - z.max(axis=1, keepdims=True))
    expected = e / e.sum(axis=1, keepdims=True)
    got = np.array([[m.score(t).scores[k] for k in OUTPUTS] for t in texts])
    np.testing.assert_allclose(got, expected, atol=1e-6)


def test_the_trained_model_finds_its_signal_and_names_the_words(trained: tuple[Path, Path]) -> None:
    m = model(trained[0] / COMMENTS_NAME)
    threat = m.score("evini yakarız bugün")
    assert max(OUTPUTS, key=threat.scores.__getitem__) == "offensive"
    assert (0, 5) in threat.spans("offensive") or (6, 13) in threat.spans("offensive")
    faith = m.score("religion is a disease")
    assert max(OUTPUTS, key=faith.scores.__getitem__) == "belief_attack"
    assert m.score("yağmur yağıyor").scores["clean"] > 0.5
    assert m.score("hakem gerizekalı").scores["profanity"] < 1e-6  # no profanity to learn from


def test_clean_tweets_are_negatives_that_add_no_features(corpus_dir: Path, tmp_path: Path) -> None:
    data = write_offenseval(tmp_path / "data")
    negatives = clean_tweets(data)
    assert 0 < len(negatives.texts) < 240  # only the rows labelled not offensive
    assert clean_tweets(None).texts == []
    sources = [corpus_dir / "writers", corpus_dir / "probes"]
    plain = main(sources, tmp_path / "plain", seed=3)
    mixed = main(sources, tmp_path / "mixed", seed=3, data_dir=data)
    assert mixed["weights"]["features"] == plain["weights"]["features"]  # comments' vocabulary
    assert mixed["data"]["clean_tweets"] == len(negatives.texts)
    assert "clean_tweets_flagged" in mixed["cross_validated"]["0.6"]
    assert "clean_tweets_flagged" not in plain["cross_validated"]["0.6"]
    a = np.load(tmp_path / "plain" / COMMENTS_NAME)
    b = np.load(tmp_path / "mixed" / COMMENTS_NAME)
    assert not np.allclose(a["coef"], b["coef"])  # the negatives moved the weights
