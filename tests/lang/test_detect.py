"""Language detection: Turkish (with or without its letters), English, other scripts."""

from __future__ import annotations

import pytest

from yorum.lang.detect import detect


@pytest.mark.parametrize(
    "text",
    [
        "Bu karar çok yanlış, kimse düşünmemiş.",
        "Bu karar cok yanlis, kimse dusunmemis.",  # typed without its letters
        "Izmir cok guzel",
        "Yarin Izmir e gidiyoruz",
        "Antalya bu yaz cok sicak",
        "Sen bir salaksin",
        "Ne diyorsun sen",
    ],
)
def test_turkish_with_or_without_its_letters(text: str) -> None:
    assert detect(text)[0] == "tr"


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new budget last night.",
        "Stay safe, Izmir.",  # the name alone made it Turkish
        "Istanbul is great.",
        "Kadıköy's street musicians are the best part of living there.",
        "Rent in Kadıköy is now higher than Berlin.",
        "Can't get a signal anywhere in Göcek, this network is awful.",
    ],
)
def test_english_that_names_turkish_places_is_english(text: str) -> None:
    assert detect(text)[0] == "en"


def test_other_scripts_and_no_letters() -> None:
    assert detect("Привет, как дела у всех сегодня?")[0] == "other"
    assert detect("12345 !!!")[0] == "other"
