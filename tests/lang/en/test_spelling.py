"""English spelling by dictionary."""

from __future__ import annotations

import pytest

from yorum.lang.en import spelling as en


@pytest.mark.parametrize(
    ("word", "fix"),
    [("recieve", "receive"), ("definately", "definitely"), ("goverment", "government")],
)
def test_misspelt_words_get_a_correction(word: str, fix: str) -> None:
    assert en.is_misspelt(word)
    assert en.correction(word) == fix


@pytest.mark.parametrize(
    "word", ["the", "online", "covid", "brexit", "bitcoin", "selfie", "don't", "ok", "3d", "naïve"]
)
def test_known_words_and_short_or_odd_tokens_are_not_errors(word: str) -> None:
    assert not en.is_misspelt(word)


def test_no_correction_when_unsure() -> None:
    assert en.correction("xqzvbnw") is None
