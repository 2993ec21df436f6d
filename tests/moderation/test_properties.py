"""Property-based tests of the engine over arbitrary Unicode."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yorum
from yorum.moderation.rules import RULES

FIXABLE = {r.id for r in RULES if r.fixable}

# Text drawn from everything, plus text built from Turkish-news-like pieces, which reaches
# the rules' deeper paths far more often than random code points do.
pieces = st.sampled_from(
    [
        "Bu", "gorusme", "cok", "onemli", "HABER", "YALAN", "siktir", "s.i.k.t.i.r", "mal",
        "mısın", "herkez", "birşey", "ABD", "NATO", "Putin'in", "\u200b", "\u202e", "İ", "ı",
        "ölsün", "müslümanlar", "pislik", "idiot", "you", "are", "😀", " ", "\n", ".", ",",
    ]
)  # fmt: skip
news_like = st.lists(pieces, max_size=25).map(" ".join)
any_text = st.text(max_size=300)
texts = st.one_of(any_text, news_like)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_crashes_and_spans_stay_inside(text: str) -> None:
    verdict = yorum.moderate(text)
    assert verdict.decision in ("approved", "rejected", "review")
    for v in verdict.violations:
        assert v.spans, v.rule
        for start, end in v.spans:
            assert 0 <= start < end <= len(text)
        for fix in v.fixes:
            assert 0 <= fix.start <= fix.end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_same_verdict_twice(text: str) -> None:
    assert yorum.moderate(text).to_dict() == yorum.moderate(text).to_dict()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_applying_the_suggestion_leaves_nothing_fixable(text: str) -> None:
    verdict = yorum.moderate(text)
    if verdict.suggestion is None:
        return
    again = yorum.moderate(verdict.suggestion)
    left = [v for v in again.violations if v.rule in FIXABLE and v.fixes]
    assert not left, (verdict.suggestion, [(v.rule, v.words, v.fixes) for v in left])
