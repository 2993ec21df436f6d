"""Running one rule on one text, for the rule tests."""

from __future__ import annotations

from yorum.moderation.policy import Policy, default_policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules import RULES
from yorum.moderation.verdict import Finding


def run_rule(rule_id: str, text: str, policy: Policy | None = None) -> list[Finding]:
    rule = next(r for r in RULES if r.id == rule_id)
    return rule.check(Prepared(text), policy or default_policy())


def flagged_words(rule_id: str, text: str) -> list[str]:
    doc = Prepared(text)
    rule = next(r for r in RULES if r.id == rule_id)
    return [doc.text[s:e] for f in rule.check(doc, default_policy()) for s, e in f.spans]
