"""Rule `spelling` (placeholder until implemented)."""

from __future__ import annotations

from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.verdict import Finding

RULE_ID = "spelling"


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    return []
