"""From findings to one decision: a blocking finding rejects, a doubtful one holds for review."""

from __future__ import annotations

from collections.abc import Iterable

from yorum.moderation.verdict import Decision, Finding


def decide(findings: Iterable[Finding]) -> Decision:
    severities = {f.severity for f in findings}
    if "block" in severities:
        return "rejected"
    if "review" in severities:
        return "review"
    return "approved"
