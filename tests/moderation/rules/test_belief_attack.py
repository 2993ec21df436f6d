import pytest

from tests.moderation.rules.helpers import flagged_words, run_rule


@pytest.mark.parametrize(
    "text",
    [
        "müslümanlar pislik",
        "hristiyanların hepsi aptal",
        "gavurlar defolsun",
        "din yalan, kuran uydurma",
        "islam is cancer",
        "jews are scum",
        "ateistler hayvan",
        "Ateistler ahlaksız insanlardır, hepsi.",
        "Müslümanlar geri kafalı insanlar.",
        "Atheists are immoral people.",
        "Yahudilik bir din değil, bir çıkar örgütüdür.",
        "Şiiler gerçek Müslüman değil.",
        "Oruç tutmak çağ dışı bir işkencedir.",
        "Islam is a religion of violence.",
        "Anyone who still prays is living in the Stone Age.",
        "Alevilik bir inanç değil, sonradan uydurulmuş bir sapkınlık.",
        "Praying is just talking to an imaginary friend.",
        "Hâlâ gökteki hayalî arkadaşından yağmur bekleyenler var.",
        "Alevilerin cemde yaptığı şeye ibadet denmez.",
        "Şiilerin matem törenleri tam bir sirk gösterisi.",
        "Buddhist monks are just professional beggars in orange robes.",
        "Hindus worshipping cows while people starve.",
        "Jews own the banks and the media.",
        "Hoparlörler sussa iyi olur, sanki Allah sağır.",
        "Bu Yahudilerin soyu kurusun.",
    ],
)
def test_attacks_on_beliefs_are_caught(text: str) -> None:
    assert run_rule("belief_attack", text)


@pytest.mark.parametrize(
    "text",
    [
        "Bayramınız mübarek olsun.",
        "Kilise ile cami yan yana duruyor.",
        "Papa, İstanbul'da patrikle görüştü.",
        "Ramazan ayında camiler doldu.",
        "Müzik dinledim, sonra dinlendim.",
        "The mosque and the church organised a food bank together.",
        "Alevi vatandaşlar hain saldırıyı kınadı.",
        "Being an atheist doesn't make someone immoral.",  # the abuse is denied
        "Ateist olmak ahlaksız olmak demek değil.",
        "Şimdi siyasette ilkeli olmak zor.",  # no sect in şimdi/siyaset, no ilkel in ilkeli
        "Oruç tutanlara kolaylıklar dileriz, iftar saati yaklaştı.",
        "Kurban Bayramı'nda kurban kesmek isteyenler belediyenin alanlarını kullanmalı.",
        "Kurban Bayramı'nda hayvan kesimi belirlenen alanlarda yapılmalı.",  # hayvan: the animal
        "The Alevi association says it got calls, and the police must respond.",  # it: a pronoun
    ],
)
def test_mentioning_faith_is_not_an_attack(text: str) -> None:
    assert flagged_words("belief_attack", text) == []
