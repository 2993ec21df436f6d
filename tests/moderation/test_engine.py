import json
import threading

import pytest

import yorum
from yorum.moderation.engine import InputError
from yorum.moderation.policy import default_policy
from yorum.moderation.prepare import MAX_CHARS


def test_verdict_json_has_the_contract_fields() -> None:
    verdict = yorum.moderate("BU HABER TAMAMEN YALAN VE ÇARPITMA")
    data = json.loads(json.dumps(verdict.to_dict()))
    assert set(data) >= {"decision", "language", "violations", "suggestion"}
    assert data["decision"] == "rejected"
    v = data["violations"][0]
    assert set(v) >= {"rule", "severity", "score", "spans", "message", "suggestion"}
    assert set(v["message"]) == {"tr", "en"}


def test_every_rule_runs_and_reports() -> None:
    verdict = yorum.moderate("SEN TAM BIR GERIZEKALISIN SIKTIR GIT")
    assert {"insult", "profanity", "all_caps"} <= set(verdict.rules())


def test_clean_comments_are_approved() -> None:
    for text in [
        "Bu görüşme çok önemli bir adım.",
        "Evet, bu bir haber.",
        "Great reporting, thank you.",
        "Bakan istifa etmeli, bu politika yanlış.",
    ]:
        assert yorum.moderate(text).decision == "approved", text


def test_disabled_rule_does_not_run() -> None:
    policy = default_policy().with_rule("all_caps", enabled=False)
    assert yorum.moderate("BU HABER TAMAMEN YALAN VE ÇARPITMA", policy).decision == "approved"


def test_advice_does_not_block() -> None:
    policy = default_policy().with_rule("all_caps", severity="advice")
    verdict = yorum.moderate("BU HABER TAMAMEN YALAN VE ÇARPITMA", policy)
    assert verdict.decision == "approved"
    assert verdict.violations[0].severity == "advice"


def test_review_severity_holds_the_comment() -> None:
    policy = default_policy().with_rule("all_caps", severity="review")
    assert yorum.moderate("BU HABER TAMAMEN YALAN VE ÇARPITMA", policy).decision == "review"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "\x00\x01\x02\xff\xfe",
        "a\ud800b",
        "\u202eevil\u202c \u200b\u200b",
        "Привет мир, это тест",
        "مرحبا بالعالم",
        "😀😀😀 🔥",
        "Bu haber ve this news 新闻 together",
        "a" * 5000,
        "kelime " * 3000,
    ],
)
def test_odd_input_gets_a_sane_verdict(text: str) -> None:
    verdict = yorum.moderate(text)
    assert verdict.decision in ("approved", "rejected", "review")
    for v in verdict.violations:
        for start, end in v.spans:
            assert 0 <= start <= end <= len(text)


def test_too_long_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="too long"):
        yorum.moderate("a" * (MAX_CHARS + 1))


def test_not_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not valid text"):
        yorum.moderate(b"bytes")  # type: ignore[arg-type]


def test_same_verdict_from_many_threads() -> None:
    text = "Bu gorusme cok onemli, SIKTIR GIT"
    expected = yorum.moderate(text).to_dict()
    results: list[dict[str, object]] = []

    def work() -> None:
        for _ in range(20):
            results.append(yorum.moderate(text).to_dict())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


@pytest.mark.parametrize(
    "text",
    [
        "Ahmet Bey'in götürü usulü vergilendirildiği ortaya çıktı.",  # model: P 0.62 with götürü
        "Müzede Osmanlı sikke koleksiyonu sergileniyor.",
        "Amcam Amasya'dan ananas getirdi.",
    ],
)
def test_innocent_lookalikes_stay_approved_with_the_shipped_policy(text: str) -> None:
    # The model's score is asked again without the look-alike word (DESIGN §3: never flagged).
    assert yorum.moderate(text).decision == "approved"
