"""Rule `profanity`: swearing, found through evasion (s.i.k.t.i.r, s1kt1r, ѕiktir, suffixes)."""

from __future__ import annotations

from yorum.moderation import lists
from yorum.moderation.abuse import learned_finding
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.verdict import Finding

RULE_ID = "profanity"


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    settings = policy.rule(RULE_ID)
    hits = doc.find(lists.profanity(), policy.allowed_words)
    if policy.banned_words:
        hits += doc.find(lists.banned(policy.banned_words), policy.allowed_words)
    if hits:
        spans = tuple(sorted({(h.start, h.end) for h in hits}))
        return [
            Finding(
                RULE_ID,
                settings.severity,
                1.0,
                spans,
                detail={"source": "lexicon", "entries": sorted({h.entry for h in hits})},
            )
        ]
    return learned_finding(doc, policy, RULE_ID)
