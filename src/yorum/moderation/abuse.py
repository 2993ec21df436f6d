"""The learned model's findings, shared by the four abuse rules.

A rule whose lists found nothing asks the model: a score at or above the policy's ``block_at``
is a finding with the rule's severity, one at or above ``review_at`` goes to an editor.
"""

from __future__ import annotations

from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.verdict import Finding


def model_finding(doc: Prepared, policy: Policy, rule_id: str, key: str) -> list[Finding]:
    scores = doc.model_scores
    if scores is None:
        return []
    score = scores.scores.get(key, 0.0)
    settings = policy.rule(rule_id)
    spans = scores.evidence.get(key, ())
    if score >= settings.get("block_at", 1.01):
        severity = settings.severity
    elif score >= settings.get("review_at", 1.01):
        severity = "review"
    else:
        return []
    return [Finding(rule_id, severity, score, spans, detail={"source": "model"})]


def model_belief_finding(doc: Prepared, policy: Policy, rule_id: str) -> list[Finding]:
    """Group offence aimed at a belief, from the model's belief score."""
    if doc.model_scores is None:
        return []
    from yorum.model.classifier import belief_score

    score, spans = belief_score(doc.text)
    settings = policy.rule(rule_id)
    if score >= settings.get("block_at", 1.01):
        severity = settings.severity
    elif score >= settings.get("review_at", 1.01):
        severity = "review"
    else:
        return []
    return [Finding(rule_id, severity, score, spans, detail={"source": "model"})]
