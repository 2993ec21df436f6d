"""Rule `spelling`: what must be caught, what must be left alone, offsets and fixes."""

from __future__ import annotations

import pytest

import yorum
from yorum.moderation.policy import default_policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules import spelling
from yorum.moderation.verdict import Finding


def check(text: str, language: str = "tr") -> Finding | None:
    doc = Prepared(text)
    doc.language = language  # the rule, not the language detector, is under test
    found = spelling.check(doc, default_policy())
    assert len(found) <= 1
    return found[0] if found else None


def flagged(text: str, language: str = "tr") -> list[str]:
    finding = check(text, language)
    return [text[s:e] for s, e in finding.spans] if finding else []


def fixed(text: str, language: str = "tr") -> dict[str, str]:
    finding = check(text, language)
    assert finding is not None
    return {text[f.start : f.end]: f.replacement for f in finding.fixes}


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Bu konuda birşey söylemeyeceğim.", "birşey", "bir şey"),
        ("Herkez bunu biliyor.", "Herkez", "Herkes"),
        ("Kendimi çok yanlız hissediyorum.", "yanlız", "yalnız"),
        ("Bu ürün orjinal değil.", "orjinal", "orijinal"),
        ("Şuan evdeyim.", "Şuan", "Şu an"),
        ("Malesef gelemedim.", "Malesef", "Maalesef"),
        ("Çay yada kahve içelim.", "yada", "ya da"),
        ("Hiçbirşey değişmedi.", "Hiçbirşey", "Hiçbir şey"),
        ("Yarın gelecekmisin bize?", "gelecekmisin", "gelecek misin"),
        ("Bu sorunun çözümü açısındanda önemli.", "açısındanda", "açısından da"),
        ("Bunu söyledi hemde bağırarak.", "hemde", "hem de"),
        ("Bir çok kişi katıldı.", "Bir çok", "Birçok"),
        ("Odada ki masa kırık.", "Odada ki", "Odadaki"),
        ("Toplantı Ankara 'da yapıldı.", "Ankara 'da", "Ankara'da"),
        ("Putin Rusya'yada sevilmiyor.", "Rusya'yada", "Rusya'ya da"),
        ("BİRŞEY DEMEDİM.", "BİRŞEY", "BİR ŞEY"),
        ("Bu yıl dahada kötü geçti.", "dahada", "daha da"),
        ("Anlaşma Sırbistan' ın onayına sunuldu.", "Sırbistan' ın", "Sırbistan'ın"),
        ("İki ülke ara sında anlaşma imzalandı.", "ara sında", "arasında"),
        ("Kararı Cumhuriyet Savcılığıda inceledi.", "Savcılığıda", "Savcılığı da"),
        ("Ona yanliz kalmasını söyledim.", "yanliz", "yalnız"),
        ("Haberi okuyunca bende çok şaşırdım.", "bende", "ben de"),  # verb agrees: "me too"
        ("Sizde şaşırdınız mı?", "Sizde", "Siz de"),
        ("Valla sende haklısın.", "sende", "sen de"),  # second person copula
        ("Bende sabahtan beri kuyruktayım.", "Bende", "Ben de"),  # first person copula
        ("Bizde evdeyiz bu akşam.", "Bizde", "Biz de"),
        ("Yarın maça gidiyormusun? Biletler çok pahalı.", "gidiyormusun", "gidiyor musun"),
        ("Sizce bu zam yeterlimi? Bence değil.", "yeterlimi", "yeterli mi"),
        ("Bu zam yeterlimi sizce?", "yeterlimi", "yeterli mi"),  # "?" two words on
        ("Sürücü sarhoşmuymuş acaba?", "sarhoşmuymuş", "sarhoş muymuş"),
        ("Bakan dediki ekonomi düzelecek.", "dediki", "dedi ki"),
        ("Bizimkide aynı durumda.", "Bizimkide", "Bizimki de"),
        ("Atatürkün kurduğu okul kapanmasın.", "Atatürkün", "Atatürk'ün"),  # no compound
        ("Bu okul Atatürkün eseri.", "Atatürkün", "Atatürk'ün"),
        ("Karadenizde fırtına var.", "Karadenizde", "Karadeniz'de"),
        ("Yarın ki toplantıda konuşulacak.", "Yarın ki", "Yarınki"),
        ("Ben de gelicem yarın.", "gelicem", "geleceğim"),  # spoken endings
        ("Bunu hiç anlamıyom.", "anlamıyom", "anlamıyorum"),
        ("Türkiyede enflasyon çok yüksek.", "Türkiyede", "Türkiye'de"),  # name: apostrophe
        ("Toplantı yarın Ankaradaki binada.", "Ankaradaki", "Ankara'daki"),
        ("NATOnun zirvesi bitti.", "NATOnun", "NATO'nun"),  # a suffix on an acronym
        ("Karar TBMMde kabul edildi.", "TBMMde", "TBMM'de"),
        ("2023te başlayan inşaat bitmedi.", "2023te", "2023'te"),  # ... or on a number
        ("İzmir'de ki esnaf bekliyor.", "İzmir'de ki", "İzmir'deki"),
        ("Fenerbahçenin yeni hocası geldi.", "Fenerbahçenin", "Fenerbahçe'nin"),
        ("Duyan yokki.", "yokki", "yok ki"),
        ("Yarın hastaneye gidicem.", "gidicem", "gideceğim"),  # parses as a word, but spoken
        ("Belediye bütçe ayırmıyacak.", "ayırmıyacak", "ayırmayacak"),
        ("Meydanda kutlama olcak.", "olcak", "olacak"),
        ("Tarlada taraktörün lastiği patladı.", "taraktörün", "traktörün"),
        ("Kış turizimi canlandı.", "turizimi", "turizmi"),
        ("Yazın rezarvasyonlar erken doldu.", "rezarvasyonlar", "rezervasyonlar"),
        ("Misafirlere hoşgeldiniz dedik.", "hoşgeldiniz", "hoş geldiniz"),
    ],
)
def test_rule_errors_are_caught_with_a_fix(text: str, wrong: str, right: str) -> None:
    finding = check(text)
    assert finding is not None and finding.message == "spelling.rule_error"
    assert fixed(text)[wrong] == right


def test_a_rule_error_never_flags_its_own_correct_form_typed_without_letters() -> None:
    assert check("Yeni program ve unvan listesi açıklandı.") is None


def test_a_doubled_consonant_left_out_is_corrected_even_at_a_sentence_start() -> None:
    text = "Müteahitlerin hepsi yargılanmalı."
    assert fixed(text) == {"Müteahitlerin": "Müteahhitlerin"}
    assert check("Kılıçdaroğlu dün konuştu.") is None  # a capitalised unknown word is a name


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Hükümte yine bir şey vermedi.", "Hükümte", "Hükümet"),  # letters swapped
        ("Metoroloji uyarı verdi.", "Metoroloji", "Meteoroloji"),  # a letter left out
        ("Ekonomı düzelmedi.", "Ekonomı", "Ekonomi"),  # a wrong ı is no missing letter
        ("Sahil yolu açıkmı, yoksa su mu var?", "açıkmı", "açık mı"),  # a name form too
        ("Eczanede ilaç varmı diye sordum.", "varmı", "var mı"),  # "diye" asks too
        ("Bu haberi internet te gördüm.", "internet te", "internette"),  # the clitic is no "te"
        ("Okullar tatil oldu, bizde evde kaldık.", "bizde", "biz de"),  # kaldık: a verb
        ("Bizde proje ödevini birlikte yapıcaz.", "Bizde", "Biz de"),  # spoken verb, read
    ],
)
def test_slips_and_clitics_are_caught_with_a_fix(text: str, wrong: str, right: str) -> None:
    assert fixed(text)[wrong] == right


def test_misspelt_word_with_a_correction() -> None:
    text = "Bu haber gerçekten çok önmeli bence."
    assert flagged(text) == ["önmeli"]
    assert fixed(text) == {"önmeli": "önemli"}


@pytest.mark.parametrize(
    "text",
    [
        "Putin'in açıklaması Rusya'ya yönelikti.",  # apostrophe suffixes
        "Dün Kılıçdaroğlu ile Erdoğan görüştü.",  # capitalised names inside a sentence
        "Kitaplarımızdan birini gerizekalılar okumamış, gelemeyeceklermiş.",  # agglutination
        "Toplantı online yapılacakmış, link paylaşıldı.",  # common English words
        "Enflasyon %85 oldu, 2023'te 1.500 TL zam geldi.",  # numbers
        "Detaylar https://example.com adresinde, @haber hesabında.",  # links, mentions
        "Bende de aynı sorun var, sende mi?",  # ambiguous clitics stay
        "Bende bir kalem var.",  # "in me": no verb of the same person
        "Bende köyüm var.",  # köyüm: a possessive, no copula (no y after a head of its own)
        "Kahveleri bende içelim.",  # "at my place": "içelim" is "we"
        "Sende kalsın bu kitap.",  # "kalsın" is the third person
        "Bunu kim yaptı, annemi?",  # "annemi" is a word of its own as often
        "Annemi gördün mü dün?",  # a question two words on, but annemi is a word
        "Kumuymuş o, çakıl değil.",  # kumu + ymuş: the head is no word of its own
        "Metrobüs yine tıklım tıklımdı.",  # a doubled word
        "Dün Ankaralı bir öğrenciyle konuştum, Türkçeyi çok iyi biliyor.",  # no apostrophe
        "Türkler ve Kürtler kardeştir, Marksizmin tarihi uzundur.",
        "Denizde yüzdük, Halide Hanım da geldi.",  # common word; a name missing from the list
        "Valla bilmiyorum.",
        "Evde kimse yok, Yahuda da gelmedi.",  # a name ending in -da is no glued clitic
        "Karşıki evde oturan Telerate adlı şirketin müdürü geldi.",  # -ki suffix; a name
        "Toplantı 1 milyon $'lık bir bütçeyle onbeş gün sürdü.",  # suffix after a mark
        "Evet, bu bir haber.",
        "Bu çok güzel bir gelişme.",
        "Vehibe Hanım dün geldi, Evenlerin köyü de Stas da uzak.",  # names opening sentences
        "Merkel dün açıklama yaptı.",
        "Kocam ve hocam geldi.",  # -cam: no spoken future
        "5km yürüdüm, 10kg verdim, 3G çekmiyor.",  # units are no suffixes
        "Bizde böyle adetler yoktu, dedem anlatırdı.",  # "with us": no verb of ours
        "Fenerbahçe'nin bahçesinde fasulye yetişiyor.",
    ],
)
def test_clean_turkish_is_left_alone(text: str) -> None:
    assert check(text) is None


def test_words_without_turkish_letters_are_for_the_turkish_chars_rule() -> None:
    assert check("Bu cok guzel bir gorusme oldu.") is None
    assert "gorusme" not in flagged("Bu görüşme çok güzel, gorusme iptal.")


def test_allowed_words_are_skipped() -> None:
    policy = default_policy()
    text = "Bizim köyde herkez böyle."
    assert check(text) is not None
    allowed = type(policy)(policy.rules, policy.banned_words, frozenset({"herkez"}))
    doc = Prepared(text)
    doc.language = "tr"
    assert spelling.check(doc, allowed) == []


def test_spans_are_offsets_into_the_text() -> None:
    text = "Çay  yada   kahve, herkez içer."
    finding = check(text)
    assert finding is not None
    assert [text[s:e] for s, e in finding.spans] == ["yada", "herkez"]


def test_one_error_in_a_long_comment_is_advice() -> None:
    short = "Bu işe herkez şaşırdı."
    long = " ".join(["Bu konuda söylenecek çok söz var ve hepsi önemli."] * 5) + " Herkez şaşırdı."
    short_finding, long_finding = check(short), check(long)
    assert short_finding is not None and short_finding.severity == "block"
    assert long_finding is not None and long_finding.severity == "advice"
    policy = default_policy().with_rule("spelling", settings={"min_errors": 2.0})
    doc = Prepared(short)
    doc.language = "tr"
    assert spelling.check(doc, policy)[0].severity == "advice"


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("Their going to raise the fares again.", "They're going to raise the fares again."),
        ("Your welcome to join.", "You're welcome to join."),
        ("Its a shame.", "It's a shame."),
        ("He could of won.", "He could have won."),
        ("Inportant news today.", "Important news today."),  # English casing: I, not İ
        ("Definately wrong.", "Definitely wrong."),
        ("THE GOVERMENT MUST EXPLAIN THIS", "The government must explain this"),  # shouted
        ("THEIR GOING HOME NOW", "They're going home now"),  # lowered first, then fixed
    ],
)
def test_english_confusions_and_casing(text: str, right: str) -> None:
    assert yorum.moderate(text).suggestion == right


def test_english_names_opening_a_sentence_are_no_errors() -> None:
    assert yorum.moderate("Eid Mubarak to all Muslim readers.").decision == "approved"
    for text in (
        "Penistone and Scunthorpe both saw heavy snow overnight.",
        "Nkosazana Dlamini-Zuma spoke at the summit.",
        "Kylian Mbappé scored twice for Real Madrid.",
        "Mardin is stunning in spring.",  # a Turkish name opening the sentence
        "Alevis have asked for recognition of cemevis for decades.",
        "The company raised its prices again.",
    ):
        assert check(text, "en") is None, text


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("They will loose the match.", "will loose", "will lose"),
        ("Prices are higher then last year.", "higher then", "higher than"),
        ("Workers may loose their jobs.", "loose their", "lose their"),
        ("Your a genius, thanks for the article.", "Your a", "You're a"),
        ("Their is no money left.", "Their is", "There is"),
        ("We spent alot on heating.", "alot", "a lot"),  # "alot" parses as Turkish
        ("Forecasters say tommorow will be cold.", "tommorow", "tomorrow"),  # two edits
        ("The mayor publically apologised.", "publically", "publicly"),
        ("Prices rise again in Febuary.", "Febuary", "February"),  # no name: a month
        ("Its about time they fixed the roads.", "Its about", "It's about"),
        ("The council are loosing money.", "loosing", "losing"),
    ],
)
def test_english_pairs_and_two_edit_slips(text: str, wrong: str, right: str) -> None:
    assert fixed(text, "en")[wrong] == right


def test_current_news_words_the_dictionaries_lack_pass() -> None:
    assert check("The streamer was doxxed and the deepfake spread.", "en") is None
    assert check("Another femicide case shook the city.", "en") is None


def test_loose_and_your_in_their_right_senses_pass() -> None:
    for text in ("The screw came loose.", "She wore her hair loose.", "Your article was good."):
        assert check(text, "en") is None, text


def test_english_misspellings() -> None:
    text = "I definately agree with the goverment on this."
    assert flagged(text, "en") == ["definately", "goverment"]
    assert fixed(text, "en") == {"definately": "definitely", "goverment": "government"}
    assert check("Elon Musk tweeted about Bitcoin and NATO today.", "en") is None


def test_end_to_end_suggestion() -> None:
    verdict = yorum.moderate("Bu konuda birşey söylemeyeceğim, herkez biliyor zaten.")
    assert verdict.decision == "rejected"
    violation = next(v for v in verdict.violations if v.rule == "spelling")
    assert violation.words == ("birşey", "herkez")
    assert verdict.suggestion == "Bu konuda bir şey söylemeyeceğim, herkes biliyor zaten."


def test_end_to_end_clean_comment_is_approved() -> None:
    verdict = yorum.moderate("Kitaplarımızdan birini okudum, çok beğendim.")
    assert "spelling" not in verdict.rules()


def test_turkish_words_in_an_english_comment_are_no_english_errors() -> None:
    # Found by the property test: "you idiot herkes" is English, and "herkes" is no "heroes".
    verdict = yorum.moderate("you idiot herkes")
    assert "spelling" not in verdict.rules()
