"""Rule `belief_attack`: attacks on a religion, sect or belief, or on believers or
non-believers as such. Naming a faith is not an attack: a belief group counts only next to
abuse (within WINDOW words), in a slur, or in a pattern that denies or degrades the belief."""

from __future__ import annotations

import re
from functools import cache

from yorum.lang.fold import Unit
from yorum.moderation import lists
from yorum.moderation.abuse import learned_finding
from yorum.moderation.patterns import PatternSet, by_language, find_all, for_language
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.quotes import unreported
from yorum.moderation.verdict import Finding

RULE_ID = "belief_attack"
WINDOW = 6  # words between a belief group and abuse, inside one sentence
SENTENCE_END = frozenset(".!?…\n")
COMMON_ENGLISH_ZIPF = 5.0  # a Turkish list word this common in English is English there (it)
NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|n't|doesn't|don't|isn't|aren't)\b[^.!?,;]*$")
NEGATED_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}(?:değil|demek değil)\b")


@cache
def _table() -> dict[str, PatternSet]:
    return by_language("belief_patterns.txt")


def _positions(units: tuple[Unit, ...]) -> dict[int, int]:
    """Word position of each unit start, counting only top-level (not nested) units."""
    pos: dict[int, int] = {}
    n, prev_end = -1, -1
    for u in units:
        if u.start >= prev_end:
            n += 1
            prev_end = u.end
        pos.setdefault(u.start, n)
    return pos


def _near_abuse(doc: Prepared, policy: Policy) -> set[tuple[int, int]]:
    groups = doc.find(lists.belief_groups(), policy.allowed_words)
    if not groups:
        return set()
    belief_abuse = doc.find(lists.belief_abuse(), policy.allowed_words)
    if doc.language != "tr":  # "it" (cur) is also an English pronoun
        belief_abuse = tuple(
            h for h in belief_abuse if not _common_english(doc.lower[h.start : h.end])
        )
    abuse = (
        belief_abuse
        + doc.find(lists.profanity(), policy.allowed_words)
        + doc.find(lists.insult(), policy.allowed_words)
    )
    own = unreported(doc, {(a.start, a.end) for a in abuse})  # not quoted from someone else
    abuse = tuple(a for a in abuse if (a.start, a.end) in own)
    pos = _positions(doc.units)
    spans: set[tuple[int, int]] = set()
    for g in groups:
        for a in abuse:
            if (a.start, a.end) == (g.start, g.end) or abs(pos[g.start] - pos[a.start]) > WINDOW:
                continue
            between = doc.text[min(g.end, a.end) : max(g.start, a.start)]
            if not SENTENCE_END.intersection(between) and not _negated(doc, a.start, a.end):
                spans.update({(g.start, g.end), (a.start, a.end)})
    return spans


def _common_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(word, "en") >= COMMON_ENGLISH_ZIPF)


def _negated(doc: Prepared, start: int, end: int) -> bool:
    """``ahlaksız olmak demek değil``, ``doesn't make someone immoral``: the abuse is denied."""
    before = doc.lower[max(0, start - 40) : start]
    after = doc.lower[end : end + 30]
    return bool(NEGATED_BEFORE.search(before) or NEGATED_AFTER.match(after))


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    spans = _near_abuse(doc, policy)
    spans.update((h.start, h.end) for h in doc.find(lists.belief_slurs(), policy.allowed_words))
    phrases = find_all(for_language(_table(), doc.language), doc.match_text)
    spans.update((s, e) for s, e, _ in phrases)
    spans = unreported(doc, spans)
    if spans:
        return [
            Finding(
                RULE_ID, settings.severity, 1.0, tuple(sorted(spans)), detail={"source": "lexicon"}
            )
        ]
    return learned_finding(doc, policy, RULE_ID)
