import pytest

from tests.moderation.rules.helpers import flagged_words, run_rule


@pytest.mark.parametrize(
    "text",
    [
        "Sen tam bir gerizekalısın.",
        "şerefsizler hepsi",
        "sen mal mısın",
        "hayvan herif ne yaptığını bilmiyor",
        "bu adam aptal",
        "you are an idiot",
        "what a moron",
        "you are so stupid",
        "Vali koca bir beceriksiz.",
        "Senin gibi cahiller yüzünden ilerleyemiyoruz.",
        "Git işine ezik.",
        "What a clueless, brainless commentator.",
        "Only a pathetic loser would defend this.",
        "The minister is an incompetent clown.",
        "Nobody asked you, you ignorant fool.",
        "Sen ne kadar cahil bir adamsın.",
        "That mayor is a brain-dead clown.",
        "Pathetic loser, nobody listens to you.",
        "Then our brain-dead goalkeeper decided to dribble.",
        "These politicians are scum.",
        "Köşe yazarınız ukala bir soytarıdan ibarettir.",
        "Ermeni dölü bunlar.",
        "Bu trafik magandaları yüzünden yola çıkılmıyor.",
        "The mayor is a lying piece of shit.",
        "A bunch of backward fanatics run this town.",
        "Bu cahil sürüsü yine aynı şeye oy verdi.",
        "Typical gammon response, red-faced and shouting.",
        "Snowflakes crying again because someone said something mean.",
        "Stupid bastard, get off the pitch.",
        "The dumbest referee in the league.",
        "These scroungers live off our taxes.",
    ],
)
def test_insults_are_caught(text: str) -> None:
    assert run_rule("insult", text)


@pytest.mark.parametrize(
    "text",
    [
        "Mal fiyatları bu yıl çok arttı.",
        "Hayvan hakları için yürüdüler.",
        "Köpeğim hastalandı, veterinere götürdüm.",
        "What a stupid decision by the council.",
        "Bakan istifa etmeli, bu politika yanlış.",
        "Bu dizinin senaristi izleyiciyi aptal yerine koyuyor.",  # an idiom
        "Cahillik en büyük düşmanımız, eğitime yatırım şart.",
        "The patient was declared brain dead yesterday.",
        "The total losers in this budget are pensioners.",
        "Pond scum covered the lake.",
        "Sığır sürüsü otoyola çıktı, trafik durdu.",
        "Öğretmen 'aptal yerine konmak' deyimini anlattı.",
        "Gammon and eggs for breakfast.",
        "Snowflakes fell all night in Erzurum.",
    ],
)
def test_innocent_senses_are_left_alone(text: str) -> None:
    assert flagged_words("insult", text) == []


def test_a_look_alike_the_news_model_holds_for_review_is_never_rejected() -> None:
    """Short and close to name-calling: the news-comment model asks an editor (a known limit);
    the lists and patterns leave it alone and nothing rejects it."""
    from yorum import moderate

    text = "Do you find this plan stupid?"
    found = run_rule("insult", text)
    assert all(f.severity == "review" and f.detail["source"] == "news-model" for f in found)
    assert moderate(text).decision != "rejected"
