"""Reported speech: quoted threats and insults of others are not the writer's own."""

from __future__ import annotations

import pytest

from yorum import moderate
from yorum.moderation.prepare import Prepared
from yorum.moderation.quotes import reported_spans


def _reported(text: str) -> list[str]:
    doc = Prepared(text)
    return [doc.text[s:e] for s, e in reported_spans(doc)]


def test_quotation_marks_of_every_style_but_not_apostrophes() -> None:
    assert _reported('He shouted "I\'ll kill you all" and ran.') == ["I'll kill you all"]
    assert _reported("He shouted 'I'll kill you all' and ran.") == ["I'll kill you all"]
    assert _reported("Sanık «hepinizi gebertirim» diye bağırdı.") == ["hepinizi gebertirim"]
    assert _reported("Bakan “hain” dedi.") == ["hain"]
    assert _reported("İzmir'de ve Ankara'da dedi ki.") == []  # suffix apostrophes
    assert _reported("The players' wages, the fans' songs, he said.") == []


def test_a_quote_is_reported_only_with_a_word_that_reports_speech() -> None:
    assert _reported('Bu adam tam bir "hain".') == []  # scare quotes, no report
    assert _reported('Duvara "hain" yazmışlar, pankart da asılmış.') == ["hain"]
    assert _reported('He is an "idiot", I said it.') == []  # the writer quoting themselves


@pytest.mark.parametrize(
    "text",
    [
        'The suspect reportedly shouted "I\'ll kill you all" before fleeing.',
        'He called the minister an "idiot" on live TV? Wow.',
        'Sanık mahkemede "hepinizi gebertirim" diye bağırmış, tutuklanmalı.',
        "Haberde saldırganın 'seni bulacağım' diye bağırdığı yazıyor. Bu tehdit dikkate alınmalı.",
        'The atheists were called "idiots" by the preacher, shameful.',
        "Acil serviste doktora 'seni yakacağım' diyen kişiye verilen ceza hafif kalmış.",
    ],
)
def test_reported_threats_and_insults_are_approved(text: str) -> None:
    assert moderate(text).decision == "approved"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ('Fans chanted "fuck the referee" all night.', "profanity"),  # the word itself is banned
        ('Onlara "gerizekalı" dedi, ben de katılıyorum, gerizekalılar.', "insult"),
        ("I'll kill you all.", "offensive"),
        ('O bir "gerizekalı", ben dedim.', "insult"),
    ],
)
def test_swearing_and_abuse_outside_a_report_still_count(text: str, rule: str) -> None:
    verdict = moderate(text)
    assert verdict.decision != "approved" and rule in verdict.rules()
