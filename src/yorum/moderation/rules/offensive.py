"""Rule `offensive`: threats, wishes of death or harm and demeaning allusions, with no listed
swear word. Criticism of politicians and policies is not matched by any pattern here."""

from __future__ import annotations

from functools import cache

from yorum.moderation.abuse import learned_finding
from yorum.moderation.patterns import PatternSet, by_language, find_all, for_language
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.verdict import Finding

RULE_ID = "offensive"


@cache
def _table() -> dict[str, PatternSet]:
    return by_language("offensive_patterns.txt")


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    hits = find_all(for_language(_table(), doc.language), doc.match_text)
    if hits:
        spans = tuple(sorted({(s, e) for s, e, _ in hits}))
        detail = {"source": "patterns", "patterns": sorted({p for _, _, p in hits})}
        return [Finding(RULE_ID, settings.severity, 1.0, spans, detail=detail)]
    return learned_finding(doc, policy, RULE_ID)
