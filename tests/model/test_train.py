"""Training: same data and seed give the same bytes; run time scores match training's features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.model.synthetic import write_offenseval
from yorum.model.classifier import Scorer
from yorum.model.store import OUTPUTS, WEIGHTS_NAME, load

pytest.importorskip("sklearn")

from yorum.model.fit import Settings, Vectorizer, softmax
from yorum.model.train import featurize, main


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("train")
    data = write_offenseval(root / "data")
    main(data, root / "a", seed=7)
    main(data, root / "b", seed=7)
    return data, root / "a", root / "b"


def test_same_data_and_seed_give_identical_weights(trained: tuple[Path, Path, Path]) -> None:
    _, a, b = trained
    assert (a / WEIGHTS_NAME).read_bytes() == (b / WEIGHTS_NAME).read_bytes()


def test_weights_are_plain_arrays(trained: tuple[Path, Path, Path]) -> None:
    with np.load(trained[1] / WEIGHTS_NAME, allow_pickle=False) as data:
        assert all(data[name].dtype != object for name in data.files)


def test_card_records_data_settings_and_scores(trained: tuple[Path, Path, Path]) -> None:
    card = json.loads((trained[1] / "card.json").read_text("utf-8"))
    assert card["data"]["rows"] == 240
    assert card["settings"]["folds"] == 5
    assert card["seed"] == 7
    assert 0.9 <= card["cv"]["macro_f1_best"] <= 1.0  # the synthetic signal is clear
    assert card["weights"]["features"] > 0


def test_runtime_scores_equal_training_features(trained: tuple[Path, Path, Path]) -> None:
    weights = load(trained[1] / WEIGHTS_NAME)
    texts = ["@USER bugün siktir hava", "salak salak kitap", "", "!!!", "deniz çay akşam güzel"]
    vec = Vectorizer(Settings())
    start = 0
    for b, part in enumerate(vec.parts):
        part.vocabulary_ = {k: v - start for k, v in weights.vocab[b].items()}
        part.idf_ = weights.idf[start : start + len(part.vocabulary_)].astype(np.float64)
        start += len(part.vocabulary_)
    z = vec.transform(featurize(texts)) @ weights.coef.astype(np.float64) + weights.intercept
    p_off = 1.0 / (1.0 + np.exp(-z[:, 0]))
    expected = np.column_stack([p_off, p_off[:, None] * softmax(z[:, 1:])])
    scorer = Scorer(weights)
    got = np.array([[scorer.score(t).scores[k] for k in OUTPUTS] for t in texts])
    np.testing.assert_allclose(got, expected, atol=1e-6)


def test_synthetic_model_scores_its_signal(trained: tuple[Path, Path, Path]) -> None:
    scorer = Scorer(load(trained[1] / WEIGHTS_NAME))
    out = scorer.score("bugün siktir git")
    assert out.scores["offensive"] > 0.5
    assert max(OUTPUTS[1:], key=out.scores.__getitem__) == "profanity"
    assert out.evidence["profanity"] == ((6, 12),)
    assert scorer.score("bugün hava güzel").scores["offensive"] < 0.5


def test_eval_without_file_cross_validates(
    trained: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from yorum.model.evaluate import main as evaluate

    evaluate(None, trained[0])
    out = capsys.readouterr().out
    assert "5-fold stratified cross-validation" in out
    assert "threshold chosen on other folds" in out
