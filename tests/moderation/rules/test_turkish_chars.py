from __future__ import annotations

import pytest

from tests.moderation.rules.helpers import flagged_words
from yorum import moderate
from yorum.lang.tr.text import ascii_fold
from yorum.moderation.policy import Policy, default_policy, parse_policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules.turkish_chars import RULE_ID, check


def only_this_rule(**changes: object) -> Policy:
    """The default policy with every other rule off, so end-to-end tests test this rule."""
    policy = Policy(rules={RULE_ID: default_policy().rule(RULE_ID)})
    return policy.with_rule(RULE_ID, **changes) if changes else policy


# Realistic comments, written properly; the tests type them without Turkish letters.
COMMENTS = [
    "Bu görüşme çok önemli, herkes okumalı.",
    "Hükümet bu konuda ne düşünüyor acaba?",
    "Seçim sonuçları açıklandı, muhalefet itiraz edecek.",
    "Ekonomi çok kötü durumda, fiyatlar sürekli artıyor.",
    "Belediye başkanı istifa etmeli, şehir perişan.",
    "Öğretmenlere yapılan zam yetersiz kaldı.",
]


@pytest.mark.parametrize("comment", COMMENTS)
def test_catches_turkish_typed_without_its_letters(comment: str) -> None:
    typed = ascii_fold(comment)
    findings = check(Prepared(typed), default_policy())
    assert len(findings) == 1
    finding = findings[0]
    assert finding.rule == RULE_ID and finding.severity == "block"
    assert 0.9 <= finding.score <= 1.0
    changed = [w for w, t in zip(comment.split(), typed.split(), strict=True) if w != t]
    assert len(finding.spans) == len(finding.fixes) >= len(changed) - 1


@pytest.mark.parametrize("comment", COMMENTS)
def test_fix_restores_the_comment(comment: str) -> None:
    verdict = moderate(ascii_fold(comment), only_this_rule())
    assert verdict.rules() == (RULE_ID,)
    assert verdict.decision == "rejected"
    assert verdict.suggestion == comment


@pytest.mark.parametrize(
    "text",
    [
        "Evet, bu bir haber.",
        "Bu görüşme çok önemli.",
        "Yeni yasa meclisten geçti.",  # yasa/yaşa: both words
        "Sac levha fiyatları arttı.",  # sac/saç: both words
        "Trump ve Putin bugün görüştü.",  # names
        "Bu film için tek kelime: amazing.",  # an English word
        "Kaynak: https://ornek.com/gorusme-cok-onemli @gazeteci",  # URL and mention
    ],
)
def test_leaves_alone(text: str) -> None:
    assert flagged_words(RULE_ID, text) == []


def test_flags_only_the_words_that_lost_their_letters() -> None:
    assert flagged_words(RULE_ID, "Çok guzel bir haber, tesekkurler.") == ["guzel", "tesekkurler"]
    assert flagged_words(RULE_ID, "Bu film cok iyi, best movie ever.") == ["cok"]


def test_a_lower_case_word_that_is_only_a_name_as_typed_is_restored() -> None:
    # "Sabir" is a name, so "sabir" is in the lexicon; in lower case it can only be "sabır".
    assert flagged_words(RULE_ID, "Allah rahmet eylesin, ailesine sabir diliyorum.") == ["sabir"]
    assert flagged_words(RULE_ID, "Sabir Bey dün konuştu.") == []  # the name, capitalised


def test_keeps_capitalisation() -> None:
    (finding,) = check(Prepared("GORUSME COK ONEMLI, Istanbul halki bekliyor"), default_policy())
    replacements = [f.replacement for f in finding.fixes]
    assert replacements == ["GÖRÜŞME", "ÇOK", "ÖNEMLİ", "İstanbul", "halkı"]


def test_spans_and_fixes_are_offsets_into_the_text() -> None:
    doc = Prepared("Ama bu gorusme cok onemli.")
    (finding,) = check(doc, default_policy())
    assert [doc.text[s:e] for s, e in finding.spans] == ["gorusme", "cok", "onemli"]
    assert [(f.start, f.end) for f in finding.fixes] == list(finding.spans)


def test_offsets_with_zero_width_characters() -> None:
    raw = "Bu gor\u200bus\u200cme cok\u200d onemli"
    verdict = moderate(raw, only_this_rule())
    (violation,) = verdict.violations
    assert [raw[s:e] for s, e in violation.spans] == ["gor\u200bus\u200cme", "cok", "onemli"]
    assert verdict.suggestion == "Bu görüşme çok\u200d önemli"


def test_allowed_words_are_not_flagged() -> None:
    policy = parse_policy({"words": {"allowed": ["Gorusme"]}}, base=default_policy())
    findings = check(Prepared("Bu gorusme cok onemli"), policy)
    assert [f.replacement for f in findings[0].fixes] == ["çok", "önemli"]


def test_min_words_and_severity_come_from_the_policy() -> None:
    doc = Prepared("Bu gorusme cok onemli")
    strict = default_policy().with_rule(RULE_ID, settings={"min_words": 4.0})
    assert check(doc, strict) == []
    lenient = default_policy().with_rule(RULE_ID, severity="review")
    assert check(doc, lenient)[0].severity == "review"


def test_english_comments_are_left_alone() -> None:
    verdict = moderate("This is a great article about the economy.", only_this_rule())
    assert verdict.language == "en"
    assert verdict.violations == ()


@pytest.mark.parametrize(
    "text",
    [
        "YSK'nin açıkladığı kesin sonuçlara göre katılım yüksek.",  # read "ye-se-ka": not ours
        "Kravat takınca iyi hâl mi oluyor?",  # a particle's harmony, not letters left out
    ],
)
def test_acronym_suffixes_and_particles_of_writers_with_turkish_letters(text: str) -> None:
    assert check(Prepared(text), default_policy()) == []
