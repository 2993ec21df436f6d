"""A stand-in engine that answers like DESIGN §2 while the real rules are being written.

Markers in the text pick the decision: ``gorusme`` (Turkish without its letters) is rejected
with a fix, ``HOLD`` goes to review, ``PIS`` is rejected with no fix; anything else passes.
"""

from __future__ import annotations

from yorum import messages
from yorum.moderation.fixes import apply_fixes
from yorum.moderation.policy import Policy
from yorum.moderation.verdict import Fix, Verdict, Violation

ASCII_FIXES = {"gorusme": "görüşme", "cok": "çok", "onemli": "önemli", "adim": "adım"}


def fake_moderate(text: str, policy: Policy | None = None) -> Verdict:
    violations: list[Violation] = []
    lower = text.lower()
    if "gorusme" in lower:
        fixes = []
        for word, right in ASCII_FIXES.items():
            start = lower.find(word)
            while start >= 0:
                fixes.append(Fix(start, start + len(word), right))
                start = lower.find(word, start + 1)
        fixes.sort(key=lambda f: f.start)
        violations.append(
            Violation(
                rule="turkish_chars",
                severity="block",
                score=0.97,
                spans=tuple((f.start, f.end) for f in fixes),
                words=tuple(text[f.start : f.end] for f in fixes),
                message=messages.rule_message("turkish_chars"),
                suggestion=apply_fixes(text, fixes),
                fixes=tuple(fixes),
            )
        )
    if "PIS" in text:
        start = text.index("PIS")
        violations.append(
            Violation(
                rule="insult",
                severity="block",
                score=0.91,
                spans=((start, start + 3),),
                words=("PIS",),
                message=messages.rule_message("insult"),
                suggestion=None,
            )
        )
    if "HOLD" in text:
        start = text.index("HOLD")
        violations.append(
            Violation(
                rule="offensive",
                severity="review",
                score=0.62,
                spans=((start, start + 4),),
                words=("HOLD",),
                message=messages.rule_message("offensive"),
                suggestion=None,
            )
        )
    severities = {v.severity for v in violations}
    decision = "rejected" if "block" in severities else "review" if severities else "approved"
    fixes_all = [f for v in violations for f in v.fixes]
    return Verdict(
        decision=decision,
        language="tr",
        language_confidence=0.99,
        violations=tuple(violations),
        suggestion=apply_fixes(text, fixes_all) if fixes_all else None,
    )
