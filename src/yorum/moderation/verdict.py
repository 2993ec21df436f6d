"""The Verdict: the engine's answer, a plain JSON-serialisable value (DESIGN §2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Decision = Literal["approved", "rejected", "review"]
Severity = Literal["block", "review", "advice"]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule returns. Offsets are into the prepared (cleaned) text; the engine maps them."""

    rule: str
    severity: Severity
    score: float
    spans: tuple[Span, ...]
    fixes: tuple[Fix, ...] = ()
    message: str = ""  # key into yorum.messages; "" means the rule's own message
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    severity: Severity
    score: float
    spans: tuple[Span, ...]
    words: tuple[str, ...]
    message: dict[str, str]
    suggestion: str | None
    fixes: tuple[Fix, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "score": round(self.score, 4),
            "spans": [list(s) for s in self.spans],
            "words": list(self.words),
            "message": dict(self.message),
            "suggestion": self.suggestion,
            "fixes": [{"span": [f.start, f.end], "replacement": f.replacement} for f in self.fixes],
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Decision
    language: str
    language_confidence: float
    violations: tuple[Violation, ...]
    suggestion: str | None

    @property
    def approved(self) -> bool:
        return self.decision == "approved"

    def rules(self) -> tuple[str, ...]:
        return tuple(v.rule for v in self.violations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "language": self.language,
            "language_confidence": round(self.language_confidence, 4),
            "violations": [v.to_dict() for v in self.violations],
            "suggestion": self.suggestion,
        }
