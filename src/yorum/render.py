"""A verdict as text for a terminal."""

from __future__ import annotations

from yorum.moderation.verdict import Verdict

_MARK = {"approved": "✔ approved", "rejected": "✘ rejected", "review": "… held for review"}


def render_verdict(text: str, verdict: Verdict) -> str:
    lines = [f"{_MARK[verdict.decision]}  (language: {verdict.language})"]
    for v in verdict.violations:
        words = ", ".join(repr(w) for w in v.words[:10])
        more = f" (+{len(v.words) - 10} more)" if len(v.words) > 10 else ""
        lines.append(f"  - {v.rule} [{v.severity}, {v.score:.2f}]: {v.message['en']}")
        lines.append(f"    {v.message['tr']}")
        if words:
            lines.append(f"    words: {words}{more}")
    if verdict.suggestion is not None:
        lines.append(f"  suggestion: {verdict.suggestion}")
    return "\n".join(lines)
