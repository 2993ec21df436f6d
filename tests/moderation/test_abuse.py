"""The learned models' findings: policy thresholds, spans, allowed words, the stronger wins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from yorum.moderation.abuse import learned_finding, news_finding
from yorum.moderation.policy import Policy, default_policy
from yorum.moderation.prepare import Prepared

THREAT = "I hope every one of those protesters ends up in a hospital bed."


def _with(rule_id: str, **settings: float) -> Policy:
    policy = default_policy()
    rule = policy.rule(rule_id)
    return policy.with_rule(rule_id, settings={**rule.settings, **settings})


def test_news_model_sends_a_threat_to_review_or_blocks_it() -> None:
    doc = Prepared(THREAT)
    score = doc.comment_scores.abusive if doc.comment_scores else 0.0
    review = news_finding(
        doc, _with("offensive", news_review_at=0.0, news_block_at=1.01), "offensive"
    )
    assert [f.severity for f in review] == ["review"]
    assert review[0].score == score
    assert review[0].detail == {"source": "news-model"}
    assert all(0 <= s < e <= len(THREAT) for s, e in review[0].spans)
    block = news_finding(
        doc, _with("offensive", news_review_at=0.0, news_block_at=0.0), "offensive"
    )
    assert [f.severity for f in block] == ["block"]


def test_news_model_is_off_when_the_policy_leaves_out_its_thresholds() -> None:
    policy = _with("offensive", news_review_at=1.01, news_block_at=1.01)
    assert news_finding(Prepared(THREAT), policy, "offensive") == []


def test_a_score_below_review_is_no_finding() -> None:
    doc = Prepared("The new bridge opened to traffic this morning.")
    assert news_finding(doc, default_policy(), "offensive") == []
    assert news_finding(doc, default_policy(), "belief_attack") == []


def test_allowed_words_are_taken_out_before_scoring() -> None:
    doc = Prepared(THREAT)
    policy = _with("offensive", news_review_at=0.0, news_block_at=1.01)
    before = news_finding(doc, policy, "offensive")[0].score
    words = frozenset({"hope", "hospital", "bed", "protesters", "ends"})
    after = news_finding(doc, replace(policy, allowed_words=words), "offensive")
    assert not after or after[0].score != before


def test_the_stronger_finding_wins() -> None:
    doc = Prepared(THREAT)
    blocking = _with("offensive", news_review_at=0.0, news_block_at=0.0)
    found = learned_finding(doc, blocking, "offensive")
    assert [(f.severity, f.detail["source"]) for f in found] == [("block", "news-model")]


@pytest.mark.parametrize(
    "text",
    [
        "CHP'li vekil konuştu.",
        "Müslümanlar bayram namazı kıldı.",
        "Kadın hakem maçı yönetti.",
        "They should pay their taxes.",
        "Bunlar vergilerini ödemeli.",
        "Onların çocukları bu okulda.",
        "Adam haklı ama üslubu sert.",
        "That guy is right.",
    ],
)
def test_a_short_comment_that_only_names_people_faith_or_a_pronoun_is_no_model_finding(
    text: str,
) -> None:
    from yorum import moderate

    assert moderate(text).decision == "approved"


def test_mentions_are_masked_only_in_short_comments() -> None:
    from yorum.moderation.abuse import MENTION_WORDS, _mention_spans

    short = Prepared("Vekil dün konuştu.")
    assert [short.text[s:e] for s, e in _mention_spans(short)] == ["Vekil"]
    long = Prepared("Vekil dün meclis kürsüsünde uzun uzun konuştu ve alkışlandı.")
    assert len(long.words) > MENTION_WORDS and _mention_spans(long) == []


@pytest.mark.parametrize("text", ["What a save!", "He's cooking.", "Döktürmüş yine."])
def test_a_short_comment_whose_score_rests_on_function_words_is_no_model_finding(
    text: str,
) -> None:
    from yorum import moderate
    from yorum.moderation.abuse import _mention_spans

    doc = Prepared(text)
    assert _mention_spans(doc)  # "What", "a"; "He's"; "yine"
    assert moderate(text).decision == "approved"


@pytest.mark.parametrize(
    "text", ["What a clown.", "What an idiot!", "Defol git be!", "Go to hell, you."]
)
def test_a_short_insult_is_found_beside_function_words(text: str) -> None:
    from yorum import moderate

    assert moderate(text).decision != "approved"


def test_an_attack_on_a_group_is_not_taken_for_a_mention() -> None:
    from yorum import moderate

    verdict = moderate("Suriyeliler ülkelerine dönsün.")
    assert verdict.decision != "approved" and "offensive" in verdict.rules()


@pytest.mark.parametrize(
    "text", ["They should all die.", "Bunlar geberse iyi olur.", "You are an idiot."]
)
def test_a_short_attack_through_a_pronoun_is_still_found(text: str) -> None:
    from yorum import moderate

    assert moderate(text).decision != "approved"


def test_idioms_are_read_without_their_insult_word() -> None:
    from yorum.moderation.abuse import idiom_spans

    doc = Prepared("Bu dizinin senaristi izleyiciyi aptal yerine koyuyor.")
    assert [doc.text[s:e] for s, e in idiom_spans(doc)] == ["aptal yerine koyuyor"]
    doc = Prepared("Alevi vatandaşlar hain saldırıyı kınadı.")
    assert [doc.text[s:e] for s, e in idiom_spans(doc)] == ["hain saldırıyı"]
    assert idiom_spans(Prepared("Sen bir hainsin.")) == []
