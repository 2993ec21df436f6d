"""Applying fixes to a text: non-overlapping replacements, right to left."""

from __future__ import annotations

from collections.abc import Iterable

from yorum.moderation.verdict import Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.start, -f.end)):
        if chosen and fix.start < chosen[-1].end:
            continue  # overlapping: the earlier, wider fix wins
        chosen.append(fix)
    out = text
    for fix in reversed(chosen):
        out = out[: fix.start] + fix.replacement + out[fix.end :]
    return out
