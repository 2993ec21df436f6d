import pytest

import yorum
from tests.moderation.rules.helpers import flagged_words, run_rule


@pytest.mark.parametrize(
    "text",
    [
        "BU HABER TAMAMEN YALAN VE ÇARPITMA",
        "HÜKÜMET İSTİFA ETSİN ARTIK",
        "THIS IS A DISGRACE AND EVERYONE KNOWS IT",
    ],
)
def test_shouting_is_caught(text: str) -> None:
    assert run_rule("all_caps", text)


@pytest.mark.parametrize(
    "text",
    [
        "ABD ve NATO toplantısı bugün TBMM'de konuşuldu.",
        "Bu haber KESİNLİKLE yalan değil arkadaşlar.",
        "Evet.",
        "OK",
        "The NATO summit in the USA was about AI.",
    ],
)
def test_acronyms_and_one_stressed_word_pass(text: str) -> None:
    assert flagged_words("all_caps", text) == []


@pytest.mark.parametrize("text", ["HAKEM İSTİFA!", "ŞAMPİYON TRABZONSPOR!", "SHUT UP, IDIOT"])
def test_a_short_comment_shouted_whole_is_caught(text: str) -> None:
    assert run_rule("all_caps", text)


@pytest.mark.parametrize("text", ["TBMM ABD", "NATO AB", "LOL", "OK GO", "Hakem İSTİFA!"])
def test_short_acronyms_a_word_or_a_few_letters_are_no_shouting(text: str) -> None:
    assert flagged_words("all_caps", text) == []


def test_fix_uses_turkish_casing() -> None:
    findings = run_rule("all_caps", "İSTANBUL'DA TRAFİK ÇOK KÖTÜ IRMAK TAŞTI")
    replacements = [f.replacement for f in findings[0].fixes]
    assert replacements[0] == "İstanbul'da"
    assert "ırmak" in replacements and "trafik" in replacements


def test_english_fix_keeps_i() -> None:
    verdict = yorum.moderate("I THINK THIS IS A TERRIBLE IDEA")
    assert verdict.suggestion is not None
    assert verdict.suggestion.startswith("I think this is a terrible idea")
