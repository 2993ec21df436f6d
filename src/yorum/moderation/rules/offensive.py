"""Rule `offensive`: threats, wishes of death or harm and demeaning allusions, with no listed
swear word. Criticism of politicians and policies is not matched by any pattern here."""

from __future__ import annotations

from functools import cache

from yorum.moderation import lists
from yorum.moderation.abuse import model_finding
from yorum.moderation.patterns import Pattern, find_all, load_patterns
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.verdict import Finding

RULE_ID = "offensive"


@cache
def _patterns() -> tuple[Pattern, ...]:
    return load_patterns(lists.TR, "offensive_patterns.txt") + load_patterns(
        lists.EN, "offensive_patterns.txt"
    )


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    hits = find_all(_patterns(), doc.match_text)
    if hits:
        spans = tuple(sorted({(s, e) for s, e, _ in hits}))
        detail = {"source": "patterns", "patterns": sorted({p for _, _, p in hits})}
        return [Finding(RULE_ID, settings.severity, 1.0, spans, detail=detail)]
    return model_finding(doc, policy, RULE_ID)
