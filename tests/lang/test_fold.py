import pytest

from yorum.lang.fold import deleet, fold_chars, match_units, squeeze


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("s.i.k.t.i.r lan", "siktir"),
        ("s i k t i r", "siktir"),
        ("s1kt1r", "siktir"),
        ("ѕіktіr", "siktir"),  # Cyrillic look-alikes
        ("ｓｉｋｔｉｒ", "siktir"),  # fullwidth
        ("a.q", "aq"),
        ("o.ç'lerle tartışmaya değmez", "oç"),  # spread letters, then an apostrophe suffix
        ("for f*ck's sake", "fuck"),  # a masked word with an apostrophe suffix
    ],
)
def test_disguised_words_are_rebuilt(text: str, word: str) -> None:
    assert word in [u.folded for u in match_units(text)]


def test_units_span_the_disguised_word() -> None:
    text = "ne s.i.k.t.i.r ya"
    joined = next(u for u in match_units(text) if u.folded == "siktir")
    assert text[joined.start : joined.end] == "s.i.k.t.i.r"


def test_turkish_letters_are_kept_and_lowered_the_turkish_way() -> None:
    assert fold_chars("SIKINTI") == "sıkıntı"
    assert fold_chars("İSTANBUL") == "istanbul"


def test_squeeze_and_deleet() -> None:
    assert squeeze("ssssiktirrr") == "siktir"
    assert deleet("2024") == "2024"  # numbers alone stay numbers
    assert deleet("g0t") == "got"
