"""moderate(): every enabled rule on one prepared text, then one decision."""

from __future__ import annotations

from yorum import messages
from yorum.moderation.decide import decide
from yorum.moderation.fixes import apply_fixes
from yorum.moderation.policy import Policy, default_policy
from yorum.moderation.prepare import MAX_CHARS, Prepared
from yorum.moderation.rules import RULES
from yorum.moderation.verdict import Finding, Fix, Verdict, Violation

FIX_ROUNDS = 3  # fixes can enable others (lowered capitals then restored letters)


class InputError(ValueError):
    """The input cannot be moderated; the message says why, for the writer."""


def _findings(doc: Prepared, policy: Policy, fixable_only: bool = False) -> list[Finding]:
    found: list[Finding] = []
    for rule in RULES:
        if fixable_only and not rule.fixable:
            continue
        if not policy.rule(rule.id).enabled:
            continue
        if rule.languages is not None and doc.language not in rule.languages:
            continue
        found.extend(rule.check(doc, policy))
    return found


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _violation(doc: Prepared, finding: Finding) -> Violation:
    spans = _merge([doc.span(s, e) for s, e in finding.spans])
    fixes = tuple(Fix(*doc.span(f.start, f.end), f.replacement) for f in finding.fixes)
    return Violation(
        rule=finding.rule,
        severity=finding.severity,
        score=finding.score,
        spans=spans,
        words=tuple(doc.raw[s:e] for s, e in spans),
        message=messages.rule_message(finding.message or finding.rule),
        suggestion=apply_fixes(doc.raw, fixes) if fixes else None,
        fixes=fixes,
        detail=finding.detail,
    )


def _suggest(first: Prepared, violations: tuple[Violation, ...], policy: Policy) -> str | None:
    fixes = [f for v in violations for f in v.fixes]
    if not fixes:
        return None
    text = first.raw
    current = apply_fixes(text, fixes)
    language = (first.language, first.language_confidence)  # fixes do not change the language
    for _ in range(FIX_ROUNDS - 1):
        doc = Prepared(current, language)
        more = [
            Fix(*doc.span(f.start, f.end), f.replacement)
            for finding in _findings(doc, policy, fixable_only=True)
            for f in finding.fixes
        ]
        if not more:
            break
        current = apply_fixes(current, more)
    return current if current != text else None


def check_input(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(messages.ERR_NOT_TEXT)
    if len(text) > MAX_CHARS:
        raise InputError(messages.ERR_TOO_LONG.format(length=len(text), limit=MAX_CHARS))
    return text


def moderate(text: str, policy: Policy | None = None) -> Verdict:
    """Check one comment against every clause of the house rule. Pure and thread-safe."""
    text = check_input(text)
    policy = policy or default_policy()
    doc = Prepared(text)
    findings = _findings(doc, policy)
    violations = tuple(_violation(doc, f) for f in findings)
    decision = decide(f for f in findings if f.severity != "advice")
    return Verdict(
        decision=decision,
        language=doc.language,
        language_confidence=doc.language_confidence,
        violations=violations,
        suggestion=_suggest(doc, violations, policy),
    )
