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


class PatternSet(tuple[Pattern, ...]):
    """Patterns with one regex of them all: most texts match none, and one search says so."""

    any: re.Pattern[str]

    def __new__(cls, patterns: Iterable[Pattern]) -> PatternSet:
        self = super().__new__(cls, patterns)
        self.any = re.compile("|".join(f"(?:{p.regex.pattern})" for p in self) or "(?!)")
        return self


def load_patterns(package: str, name: str, **fill: str) -> PatternSet:
    # Patterns contain "#" rarely; list files use "# " at line start for comments only.
    return PatternSet(compile_patterns(read_list(package, name), **fill))


def by_language(name: str, **fill: str) -> dict[str, PatternSet]:
    """A rule's Turkish and English pattern files; other languages get both."""
    tr = load_patterns(lists.TR, name, **fill)
    en = load_patterns(lists.EN, name, **fill)
    return {"tr": tr, "en": en, "": PatternSet(tr + en)}


def for_language(table: dict[str, PatternSet], language: str) -> PatternSet:
    return table.get(language, table[""])


def find_all(patterns: Iterable[Pattern], text: str) -> list[tuple[int, int, str]]:
    if isinstance(patterns, PatternSet) and patterns.any.search(text) is None:
        return []
    hits: list[tuple[int, int, str]] = []
    for p in patterns:
        for m in p.regex.finditer(text):
            if m.end() > m.start():
                hits.append((m.start(), m.end(), p.source))
    return hits
