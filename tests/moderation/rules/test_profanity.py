import pytest

import yorum
from tests.moderation.rules.helpers import flagged_words, run_rule
from yorum.moderation.policy import default_policy, parse_policy


@pytest.mark.parametrize(
    "text",
    [
        "siktir git buradan",
        "s.i.k.t.i.r git",
        "s1kt1r lan",
        "ssssiktir",
        "s i k t i r",
        "ѕiktir",  # Cyrillic s
        "sik\u200btir",  # zero-width space inside
        "amına koyayım bunun",
        "orospu çocukları",
        "ne biçim adam amk",
        "Another tax hike? F*ck this.",  # letters hidden behind asterisks
        "Holy sh*t, a 3,000 lira ticket?",
        "Water cut again, f***ing brilliant.",
        "Üç saattir bekliyorum, s.ktir edip yürüyeceğim.",  # a dot for the hidden letter
        "boook gibi bir maç",  # a stretched list word
        "Admininiz satılık bir yav*şak.",  # an asterisk put between the letters
        "senin gotune",
        "what the fuck is this",
        "this is bullshit",
        "The ferry was late again, for f*ck's sake.",  # an apostrophe suffix on a masked word
        "Piss-poor organisation at the festival.",
        "You absolute bellend.",
    ],
)
def test_swearing_is_caught(text: str) -> None:
    findings = run_rule("profanity", text)
    assert findings and findings[0].severity == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Kargoyu yarın götürmek lazım.",
        "Müzede Osmanlı sikke koleksiyonu var.",
        "Amcam Amasya'dan ananas getirdi.",
        "Bu aralar çok sıkıntı var.",
        "Malzeme fiyatları arttı.",
        "canim cok sikildim bugun",
        "Şikayet ediyorum, sık sık arıza yapıyor.",
        "I got the message.",
        "Sikke ve amca ve götürdü",
        "Not *that* again, 5*3 is fifteen.",
        "Interesting article on shiitake farming.",
        "Reading Dickens at the library book club this month.",  # book is no "bok"
        "We must alleviate poverty, Camille said.",
        "See e.g. page 3, it costs 1.500 lira.",
    ],
)
def test_innocent_look_alikes_are_left_alone(text: str) -> None:
    assert flagged_words("profanity", text) == []


def test_spans_point_at_the_word_in_the_original_text() -> None:
    text = "Haber güzel ama s.i.k.t.i.r git."
    verdict = yorum.moderate(text)
    v = next(v for v in verdict.violations if v.rule == "profanity")
    assert [text[s:e] for s, e in v.spans] == ["s.i.k.t.i.r"]


def test_zero_width_span_maps_to_original() -> None:
    text = "sik\u200btir git"
    verdict = yorum.moderate(text)
    v = next(v for v in verdict.violations if v.rule == "profanity")
    assert v.words == ("sik\u200btir",)


def test_site_banned_and_allowed_words() -> None:
    policy = parse_policy({"words": {"banned": ["zıkkım"], "allowed": ["amk"]}}, default_policy())
    assert run_rule("profanity", "zıkkımlar", policy)
    assert not run_rule("profanity", "amk", policy)
