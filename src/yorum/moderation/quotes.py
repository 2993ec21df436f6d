"""Reported speech: a threat or insult quoted from someone else is not the writer's own.

A span inside quotation marks is *reported* when the comment, outside every quotation, holds a
word that reports speech (``shouted``, ``called``, ``dedi``, ``diye bağırdı``): "The defendant
shouted 'I will kill you' in court" reports a threat. The insult, offensive and belief rules
leave their list and pattern hits inside reported spans aside, and the learned models read the
comment with those spans masked. Swearing counts wherever it stands: the house rule bans the
words themselves.
"""

from __future__ import annotations

import re

from yorum.moderation import lists
from yorum.moderation.prepare import Prepared

Span = tuple[int, int]
# Double quotes of any style, or single quotes that open after a space and close before one
# (an apostrophe inside a word, I'll or İzmir'de, is no quotation mark).
QUOTED = re.compile(
    r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]"
    r"|(?<![\w'‘’])['‘](?=\S)(.+?)(?<=\S)['’](?![\w'‘’])"
)

FIRST_PERSON = re.compile(r"\b(?:i|we)\s+(?:\w+\s+)?$")


def _quoted(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        spans.append((m.start(group), m.end(group)))
    return spans


def reported_spans(doc: Prepared) -> tuple[Span, ...]:
    """The quoted spans of a comment that reports speech (none when nothing is quoted)."""
    key = "reported"
    if key not in doc.memo:
        quoted = _quoted(doc.text)
        reported: tuple[Span, ...] = ()
        if quoted:
            cues = doc.find(lists.reporting_words())
            if any(
                not _inside(h.start, h.end, quoted) and not _first_person(doc, h.start)
                for h in cues
            ):
                reported = tuple(quoted)
        doc.memo[key] = reported
    spans: tuple[Span, ...] = doc.memo[key]
    return spans


def _first_person(doc: Prepared, start: int) -> bool:
    """``I said``, ``we called``: the writer quoting themselves."""
    return FIRST_PERSON.search(doc.lower[max(0, start - 12) : start]) is not None


def _inside(start: int, end: int, spans: tuple[Span, ...] | list[Span]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def unreported(doc: Prepared, spans: set[Span]) -> set[Span]:
    """The spans that do not lie inside reported speech."""
    reported = reported_spans(doc)
    if not reported:
        return spans
    return {(s, e) for s, e in spans if not _inside(s, e, reported)}
