"""belief_attack: the word list, suffixes, and the score combining it with the model."""

from __future__ import annotations

from importlib import resources

import pytest

from yorum.model import belief_score, belief_targets
from yorum.model.belief import TERMS_FILE, belief_terms, parse_terms


def test_list_has_a_source_and_no_duplicates() -> None:
    text = (resources.files("yorum.model") / "data" / TERMS_FILE).read_text("utf-8")
    assert text.startswith("# Source:")
    entries = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(entries) == len(set(entries))
    assert all(e == e.lower() for e in entries)


@pytest.mark.parametrize(
    "word",
    ["Müslümanlara", "Yahudilerin", "hristiyanlığa", "camiye", "ateistler", "Alevi'ler",
     "kiliselerde", "christians", "gavurlar", "musluman", "dinsizler"],
)  # fmt: skip
def test_targets_with_suffixes(word: str) -> None:
    assert belief_terms().matches(word.replace("I", "ı").lower())


@pytest.mark.parametrize(
    "word", ["camia", "dinle", "dinlemek", "şiir", "sikke", "allah", "papatya", "kabul", "jewel"]
)
def test_not_targets(word: str) -> None:
    assert not belief_terms().matches(word)


def test_parse_terms_forms() -> None:
    terms = parse_terms(["# Source: test", "kilise", "=din", "!kilisem"])
    assert terms.matches("kiliseler")
    assert terms.matches("din") and not terms.matches("dinler")
    assert not terms.matches("kilisem")


def test_spans_of_targets() -> None:
    text = "Kilise ile cami yan yana."
    assert [text[s:e] for s, e in belief_targets(text)] == ["Kilise", "cami"]


@pytest.mark.parametrize(
    "text",
    [
        "Bayramınız mübarek olsun",
        "Kilise ile cami yan yana duruyor, ne güzel.",
        "Ramazan ayında camiler doldu taştı.",
        "Bu maçı kaybeden şerefsiz hakem",  # offensive, but no belief target
    ],
)
def test_mentioning_faith_is_not_an_attack(text: str) -> None:
    assert belief_score(text)[0] < 0.3


def test_an_attack_on_believers_scores_high_with_spans() -> None:
    text = "Bu yahudiler hepsi şerefsiz, geberin it soyu"
    score, spans = belief_score(text)
    assert score > 0.5
    assert "yahudiler" in [text[s:e] for s, e in spans]
