from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yorum.lang.tr import deasciify
from yorum.lang.tr.deasciify import apply_mask, mask_of, restore, restore_word
from yorum.lang.tr.text import ascii_fold

DATA = resources.files("yorum.lang.tr.data")

# Correctly written Turkish news-comment sentences; the input is their ASCII fold.
SENTENCES = [
    "Bu görüşme çok önemli, herkesin okuması gerekir.",
    "Hükümetin açıkladığı ekonomik önlemler yeterli değil.",
    "Belediye başkanı seçimden önce verdiği sözleri unuttu.",
    "Öğretmenlerin maaşları enflasyonun altında kaldı.",
    "Şu anda İstanbul'da trafik çok yoğun.",
    "Haberi okuduktan sonra çok üzüldüm, geçmiş olsun.",
    "Gazetecilerin özgürce çalışabilmesi demokrasinin şartıdır.",
    "Depremzedelere yardım kampanyası düzenlendi mi?",
    "Türkiye'nin dış politikası yeniden tartışılıyor.",
    "Çocukların eğitimi için daha fazla okul yapılmalı.",
]


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:['’]\w+)*", text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("gorusme", "görüşme"),
        ("Gorusme", "Görüşme"),
        ("GORUSME", "GÖRÜŞME"),
        ("Istanbul", "İstanbul"),
        ("ISTANBUL", "İSTANBUL"),
        ("cok", "çok"),
        ("ogrenciler", "öğrenciler"),
        ("gorusemediklerimizden", "görüşemediklerimizden"),  # not in the lexicon as a whole
        ("ikiyuzkirkyedi", "ikiyüzkırkyedi"),
        ("Kibris'in", "Kıbrıs'ın"),
        ("Turkiye'de", "Türkiye'de"),
        ("Kibris’in", "Kıbrıs’ın"),
        ("3'u", "3'ü"),
        ("ABD'nin", "ABD'nin"),
    ],
)
def test_restores_words_and_keeps_case(typed: str, expected: str) -> None:
    restored, confidence = restore_word(typed)
    assert restored == expected
    assert 0.9 <= confidence <= 1.0


@pytest.mark.parametrize("word", ["görüşme", "hâlâ", "Çok", "bir", "Trump", "2024", "e_posta"])
def test_leaves_written_and_plain_words(word: str) -> None:
    assert restore_word(word)[0] == word


@pytest.mark.parametrize(
    ("before", "particle", "expected"),
    [("var", "mi", "mı"), ("geldi", "mi", "mi"), ("okul", "mu", "mu"), ("guzel", "mu", "mü")],
)
def test_question_particle_follows_vowel_harmony(before: str, particle: str, expected: str) -> None:
    assert restore_word(particle, prev=before)[0] == expected


def test_neighbours_settle_an_ambiguous_word() -> None:
    assert restore_word("su", next="anda")[0] == "şu"
    assert restore_word("su", prev="bardak")[0] == "su"
    assert restore_word("ise", next="yaramaz")[0] == "işe"
    _, alone = restore_word("yasa")
    assert alone < 0.98  # yasa and yaşa are both common: no strong claim without context


def test_neighbours_count_as_folded_whatever_their_letters() -> None:
    assert restore_word("su", prev="soğuk") == restore_word("su", prev="soguk")
    assert restore_word("su", prev="soguk")[0] == "su"
    assert restore_word("su", prev="Ankara’ya") == restore_word("su", prev="ankara'ya")


def test_restores_sentences() -> None:
    total = right = 0
    for gold in SENTENCES:
        got = restore(ascii_fold(gold))
        assert len(got) == len(gold)
        for want, have in zip(words(gold), words(got), strict=True):
            total += 1
            right += want == have
    assert right / total >= 0.97


def test_restore_leaves_urls_and_mentions() -> None:
    text = "@gorusme https://ornek.com/cok-onemli gorusme"
    assert restore(text) == "@gorusme https://ornek.com/cok-onemli görüşme"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefgiIklmnoprsStuyzCGOU '.,", max_size=40))
def test_restore_only_changes_letters_to_their_turkish_forms(text: str) -> None:
    restored = restore(text)
    assert len(restored) == len(text)
    assert ascii_fold(restored) == text


@pytest.mark.parametrize("word", ["görüşme", "çığlık", "kitap", "öğrenciler", "ş"])
def test_mask_round_trip(word: str) -> None:
    assert apply_mask(ascii_fold(word), mask_of(word)) == word


def test_lexicon_file_is_well_formed() -> None:
    with DATA.joinpath("deasciify_lexicon.npz").open("rb") as fh:
        npz = np.load(fh)
        source = str(npz["source"])
        keys = npz["keys"].tobytes().decode("ascii").split("\n")
        offsets = npz["offsets"]
        masks, scores, flags = npz["masks"], npz["scores"], npz["flags"]
    assert source.startswith("# Source:") and "Apache-2.0" in source and "CC BY" in source
    assert keys == sorted(keys) and len(set(keys)) == len(keys), "keys sorted, no duplicates"
    assert all(re.fullmatch("[a-z]+", k) for k in keys[:: max(1, len(keys) // 5000)])
    assert len(offsets) == len(keys) + 1 and offsets[0] == 0 and offsets[-1] == len(masks)
    assert (np.diff(offsets) > 0).all()
    assert len(scores) == len(masks) == len(flags)
    for i in range(0, len(keys), max(1, len(keys) // 5000)):
        spellings = masks[offsets[i] : offsets[i + 1]].tolist()
        width = sum(ch in "cgiosu" for ch in keys[i])
        assert len(set(spellings)) == len(spellings), f"duplicate spelling of {keys[i]}"
        assert all(0 <= m < 2**width for m in spellings)
        ranked = scores[offsets[i] : offsets[i + 1]]
        assert (np.diff(ranked.astype(int)) <= 0).all(), "most frequent spelling first"


def test_data_is_built_from_sources_open_to_commercial_use() -> None:
    with DATA.joinpath("deasciify_lexicon.npz").open("rb") as fh:
        headers = [str(np.load(fh)["source"])]
    for name in ("deasciify_context.tsv", "deasciify_chars.tsv"):
        headers.append(DATA.joinpath(name).read_text("utf-8").split("\n", 1)[0])
    for header in headers:
        assert header.startswith("# Source:")
        assert "-NC" not in header and "NonCommercial" not in header, header
        assert "IMST" not in header, header  # UD Turkish-IMST is CC BY-NC-SA


@pytest.mark.parametrize(
    ("name", "key_fields"), [("deasciify_context.tsv", 3), ("deasciify_chars.tsv", 1)]
)
def test_text_data_files_are_well_formed(name: str, key_fields: int) -> None:
    lines = DATA.joinpath(name).read_text("utf-8").splitlines()
    assert lines[0].startswith("# Source:")
    data = [line for line in lines if not line.startswith("#")]
    rows = [line.split("\t") for line in data]
    assert rows
    counts = 1 if key_fields == 3 else 2
    for row in rows:
        assert len(row) == key_fields + counts, row
        assert all(x.isdigit() for x in row[key_fields:]), row
    keys = [tuple(r[:key_fields]) for r in rows]
    assert len(set(keys)) == len(keys), "no duplicates"
    if name == "deasciify_chars.tsv":
        assert data == sorted(data), "sorted, for the binary search"


def test_data_loads_afresh() -> None:
    # Load time is part of the cold start measured by benchmarks/engine_speed.py.
    deasciify._data.cache_clear()
    assert deasciify.restore("Bu gorusme cok onemli") == "Bu görüşme çok önemli"
