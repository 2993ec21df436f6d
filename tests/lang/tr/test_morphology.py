"""Turkish word validity by morphology, and the spelling lists shipped beside it."""

from __future__ import annotations

import pytest

from yorum.lang.tr import clitics, morphology
from yorum.lang.tr import spelling as tr
from yorum.lang.tr.morphology import abstract, is_valid, realise


@pytest.mark.parametrize(
    "word",
    [
        "kitaplarımızdan",
        "gerizekalılar",
        "geliyorum",
        "gelemeyeceklermiş",
        "güzelleştirilemeyebilecek",
        "bilgisayarlarımızdakiler",
        "çalışmalarından",
        "ülkemizdeki",
        "kitabı",
        "yaparken",
        "gelirken",
        "hâlâ",
        "evde",
        "maalesef",
        "değil",
    ],
)
def test_inflected_words_are_valid(word: str) -> None:
    assert is_valid(word)


@pytest.mark.parametrize(
    "word",
    [
        "kitapda",
        "kitaplerimizdan",
        "kitapı",
        "herkez",
        "gelecekmisin",
        "açısındanda",
        "deyil",
        "xq",
    ],
)
def test_misspelt_words_are_not(word: str) -> None:
    assert not is_valid(word)


def test_not_a_flat_word_list() -> None:
    """A stem seen with few suffixes still takes chains learnt from other stems."""
    stems = morphology.lexicon().stems
    assert len(stems) < 100_000
    assert is_valid("zeytinyağlarımızdan") and is_valid("pencerelerimizdekiler")


@pytest.mark.parametrize("ctx", list(morphology.CONTEXTS))
@pytest.mark.parametrize("voiceless", [False, True])
def test_realise_inverts_abstract(ctx: str, voiceless: bool) -> None:
    for pattern in ("lArImIzDAn", "AbIlIr", "Iyor", "DIr", "CA"):
        assert abstract(realise(pattern, ctx, voiceless), ctx, voiceless) == pattern


def test_harmony_is_abstracted() -> None:
    assert abstract("larımızdan", "a", False) == "lArImIzDAn"
    assert abstract("lerimizden", "e", False) == "lArImIzDAn"
    assert abstract("ta", "a", True) == "DA" and abstract("da", "a", True) == "dA"


def test_rule_error_list_is_well_formed() -> None:
    text = tr.read_list("spelling_rule_errors.txt")
    seen: set[str] = set()
    for line in text:
        wrong, correct, source = line.split("\t")
        assert wrong and correct and source.strip(), line
        assert wrong.endswith("*") == correct.endswith("*"), line
        assert wrong != correct, line
        assert wrong not in seen, f"duplicate: {wrong}"
        seen.add(wrong)
        for part in correct.rstrip("*").split(" "):
            assert is_valid(part), f"correction not valid by morphology: {line}"


@pytest.mark.parametrize(
    "name",
    [
        "spelling_rule_errors.txt",
        "spelling_frequent.txt",
        "spelling_accepted.txt",
        "morph_stems.txt",
        "morph_suffixes.txt",
        "morph_names.txt",
    ],
)
def test_data_files_name_their_source(name: str) -> None:
    from importlib import resources

    first = (
        resources.files("yorum.lang.tr").joinpath("data", name).read_text("utf-8").split("\n")[0]
    )
    assert first.startswith("# Source:")


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("herkez", "herkes"),
        ("herkezin", "herkesin"),
        ("birşey", "bir şey"),
        ("birşeyler", "bir şeyler"),
        ("hiçbirşey", "hiçbir şey"),
        ("yanlız", "yalnız"),
        ("orjinal", "orijinal"),
        ("şuan", "şu an"),
        ("malesef", "maalesef"),
        ("yada", "ya da"),
    ],
)
def test_rule_errors(wrong: str, right: str) -> None:
    assert tr.rule_error(wrong) == right


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("gelecekmisin", "gelecek misin"),
        ("açısındanda", "açısından da"),
        ("olmadığınıda", "olmadığını da"),
        ("diyorki", "diyor ki"),
    ],
)
def test_clitics_written_joined(word: str, split: str) -> None:
    assert clitics.split_clitic(word) == split


def test_ambiguous_clitics_are_left_alone() -> None:
    assert is_valid("bende") and is_valid("evde")  # "in me", "at home": valid as written


def test_lacks_letters() -> None:
    assert tr.lacks_letters("cok") and tr.lacks_letters("gorusme")
    assert not tr.lacks_letters("kitapda")
