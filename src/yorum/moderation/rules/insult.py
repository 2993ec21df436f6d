"""Rule `insult`: insults aimed at a person (gerizekalı, şerefsiz, mal mısın, idiot).

Words that insult in every sense come from a list; words that do so only in some senses (mal,
hayvan, köpek) count only inside patterns that aim them at someone.
"""

from __future__ import annotations

import re
from functools import cache

from yorum.moderation import lists
from yorum.moderation.abuse import idiom_spans, learned_finding
from yorum.moderation.patterns import PatternSet, by_language, find_all, for_language
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.quotes import unreported
from yorum.moderation.verdict import Finding

RULE_ID = "insult"


@cache
def _table() -> dict[str, PatternSet]:
    words = "|".join(re.escape(w) for w in lists.insult_context_words())
    return by_language("insult_patterns.txt", W=words)


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    idioms = idiom_spans(doc)
    spans = {
        (h.start, h.end)
        for h in doc.find(lists.insult(), policy.allowed_words)
        if not any(s <= h.start and h.end <= e for s, e in idioms)
    }
    for start, end, _ in find_all(for_language(_table(), doc.language), doc.match_text):
        if doc.lower[start:end] not in policy.allowed_words:
            spans.add((start, end))
    spans = unreported(doc, spans)
    if spans:
        return [
            Finding(
                RULE_ID, settings.severity, 1.0, tuple(sorted(spans)), detail={"source": "lexicon"}
            )
        ]
    return learned_finding(doc, policy, RULE_ID)
