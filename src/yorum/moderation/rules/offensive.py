"""Rule `offensive`: threats, wishes of death or harm and demeaning allusions, with no listed
swear word. Criticism of politicians and policies is not matched by any pattern here."""

from __future__ import annotations

from functools import cache

from yorum.moderation.abuse import learned_finding
from yorum.moderation.patterns import PatternSet, by_language, find_all, for_language
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.quotes import unreported
from yorum.moderation.verdict import Finding

RULE_ID = "offensive"


@cache
def _table() -> dict[str, PatternSet]:
    return by_language("offensive_patterns.txt")


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    hits = find_all(for_language(_table(), doc.language), doc.match_text)
    spans = unreported(doc, {(s, e) for s, e, _ in hits})
    if spans:
        names = sorted({p for s, e, p in hits if (s, e) in spans})
        detail = {"source": "patterns", "patterns": names}
        return [Finding(RULE_ID, settings.severity, 1.0, tuple(sorted(spans)), detail=detail)]
    return learned_finding(doc, policy, RULE_ID)
