"""Normalisation and features: the same text gives the same features at training and run time."""

from __future__ import annotations

import pytest

from yorum.model.features import char_ngrams, doc_units, stem, tokenize


def norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("s.i.k.t.i.r git", ["siktir", "git"]),
        ("s i k t i r lan", ["siktir", "lan"]),
        ("s1kt1r $erefsiz", ["siktir", "serefsiz"]),
        ("ssssiktirrr", ["siktir"]),
        ("аmк", ["amk"]),  # Cyrillic а and к
        ("ŞEREFSİZ IRMAK", ["şerefsiz", "ırmak"]),  # Turkish casing, never str.lower
        ("Kemal'in evi", ["kemalin", "evi"]),
        ("@USER bak URL", ["<user>", "bak", "<url>"]),
        ("güzel.ama pahalı", ["güzel", "ama", "pahalı"]),
        ("2.000 TL", ["2000", "tl"]),
    ],
)
def test_normalisation(text: str, expected: list[str]) -> None:
    assert norms(text) == expected


def test_spans_point_into_the_text() -> None:
    text = "Sen tam bir s.i.k.t.i.r  ŞEREFSİZsin 🤬 https://x.co/a"
    raw = [text[t.start : t.end] for t in tokenize(text)]
    assert raw == ["Sen", "tam", "bir", "s.i.k.t.i.r", "ŞEREFSİZsin", "🤬", "https://x.co/a"]


def test_symbols_are_tokens_punctuation_is_not() -> None:
    assert [t.kind for t in tokenize("ne?! 🤬")] == ["word", "sym"]


def test_char_ngrams_stay_inside_the_word() -> None:
    grams = char_ngrams("şok", 1, 5)
    assert " sok " in grams  # ASCII-folded, padded
    assert all(len(g) <= 5 for g in grams)
    assert all(" " not in g.strip() for g in grams)


def test_stems_and_units() -> None:
    assert stem("gerizekalılar") == "geriz"
    assert stem("<user>") == "<user>"
    words, chars, stems = doc_units("mal mısın sen")
    assert words == [["mal"], ["mısın"], ["sen"], ["mal mısın"], ["mısın sen"]]
    assert len(chars) == 3
    assert stems[-1] == ["misin sen"]


def test_empty_text() -> None:
    assert tokenize("") == []
    assert doc_units("  ...  ") == ([], [], [])
