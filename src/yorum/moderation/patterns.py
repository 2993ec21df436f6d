"""Phrase patterns read from list files: one regular expression per line.

Patterns run on ``Prepared.match_text``: lower case, Turkish letters restored, same offsets as
the text. ``{W}``-style placeholders are filled from word lists by the rule that uses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from yorum.lang.lexicon import read_list
from yorum.moderation import lists


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    regex: re.Pattern[str]


def compile_patterns(lines: Iterable[str], **fill: str) -> tuple[Pattern, ...]:
    out: list[Pattern] = []
    for line in lines:
        text = line
        for key, value in fill.items():
            text = text.replace("{" + key + "}", value)
        out.append(Pattern(line, re.compile(text)))
    return tuple(out)


def load_patterns(package: str, name: str, **fill: str) -> tuple[Pattern, ...]:
    # Patterns contain "#" rarely; list files use "# " at line start for comments only.
    return compile_patterns(read_list(package, name), **fill)


def by_language(name: str, **fill: str) -> dict[str, tuple[Pattern, ...]]:
    """A rule's Turkish and English pattern files; other languages get both."""
    tr = load_patterns(lists.TR, name, **fill)
    en = load_patterns(lists.EN, name, **fill)
    return {"tr": tr, "en": en, "": tr + en}


def for_language(table: dict[str, tuple[Pattern, ...]], language: str) -> tuple[Pattern, ...]:
    return table.get(language, table[""])


def find_all(patterns: Iterable[Pattern], text: str) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    for p in patterns:
        for m in p.regex.finditer(text):
            if m.end() > m.start():
                hits.append((m.start(), m.end(), p.source))
    return hits
