"""The shipped news-comment model: loads safely, scores in [0, 1], and knows its two clauses."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from yorum.model.comments import OUTPUTS, comment_scores, comments_path, model
from yorum.model.store import WEIGHTS_NAME


def test_shipped_weights_are_the_news_model() -> None:
    m = model()
    assert m.scorer.w.outputs == OUTPUTS
    assert comments_path().stat().st_size < 25_000_000


def test_the_tweet_weights_are_refused_as_a_news_model() -> None:
    with pytest.raises(ValueError, match="not a news-comment model"):
        model(comments_path().parent / WEIGHTS_NAME)


@pytest.mark.parametrize("text", ["", "   ", "🙂", "a" * 5000, "\x00\x01 test"])
def test_any_text_gets_probabilities(text: str) -> None:
    out = comment_scores(text)
    assert sum(out.scores.values()) == pytest.approx(1.0)
    assert all(0.0 <= v <= 1.0 for v in out.scores.values())
    for key in OUTPUTS[1:]:
        assert all(0 <= s < e <= len(text) for s, e in out.spans(key))


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Bu hakimin evini biliyoruz, kararı bozmazsa sonuçlarına katlanır.", "offensive"),
        ("I hope every one of those protesters ends up in a hospital bed.", "offensive"),
        ("Bunların dini de kitabı da uydurma, inananlar koyun sürüsü.", "belief_attack"),
        ("Their prophet was a fraud and his followers are still falling for it.", "belief_attack"),
    ],
)
def test_clear_cases_lean_to_their_clause(text: str, clause: str) -> None:
    out = comment_scores(text)
    assert out.scores[clause] > 0.5
    assert out.spans(clause)


@pytest.mark.parametrize(
    "text",
    [
        "Belediye başkanı bu yolu yıllardır yapmadı, istifa etmeli.",
        "Bayramınız mübarek olsun, herkese sağlıklı günler.",
        "The court sentenced the attacker to life in prison.",
        "Attacks on places of worship must be condemned by everyone.",
    ],
)
def test_criticism_faith_and_news_of_violence_lean_clean(text: str) -> None:
    assert comment_scores(text).scores["clean"] > 0.5


def test_weights_path_is_inside_the_package() -> None:
    assert Path(__file__).parents[2] / "src" / "yorum" in comments_path().parents


def test_a_clause_is_named_by_its_share_of_the_abusive_probability() -> None:
    from yorum.model.comments import CommentOutput, clause_share

    scores = {"clean": 0.2, "offensive": 0.45, "belief_attack": 0.3, "insult": 0.05}
    out = CommentOutput({**scores, "profanity": 0.0}, [], np.zeros((0, len(OUTPUTS))))
    assert out.abusive == pytest.approx(0.8)
    assert out.names("offensive") and out.names("belief_attack")  # both hold their share
    assert not out.names("insult") and not out.names("profanity")
    assert 0.05 < clause_share("insult") * out.abusive <= 0.3


def test_offensive_is_named_from_a_smaller_share() -> None:
    from yorum.model.comments import CommentOutput, clause_share

    scores = {"clean": 0.1, "offensive": 0.1, "belief_attack": 0.7, "insult": 0.1}
    out = CommentOutput({**scores, "profanity": 0.0}, [], np.zeros((0, len(OUTPUTS))))
    assert clause_share("offensive") < clause_share("insult")
    assert out.names("offensive") and out.names("belief_attack")  # 0.1 of 0.9
    assert not out.names("insult")  # the same 0.1 is not enough for an insult


@pytest.mark.parametrize(
    "text",
    [
        "Gazeteci bakana bir soru yöneltti.",
        "Müslümanlar bayram namazı kıldı.",
        "Hristiyanlar Noel'i kutladı.",
        "Vekil konuştu.",
        "The minister spoke today.",
    ],
)
def test_short_neutral_mentions_of_people_and_faith_are_approved(text: str) -> None:
    """Found in the fourth session: a model that learned insults aimed at roles and groups
    flagged bare mentions of them; short clean mentions were added to its training data."""
    from yorum import moderate

    assert moderate(text).decision == "approved"
