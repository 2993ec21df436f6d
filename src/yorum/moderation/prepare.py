"""Turn raw text into the one value every rule reads. Work done here is never redone by a rule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from yorum.lang.detect import detect
from yorum.lang.fold import Unit, match_units
from yorum.lang.tr.text import has_turkish_letters, tr_lower

if TYPE_CHECKING:
    from yorum.lang.lexicon import Hit, Lexicon
    from yorum.model.classifier import ModelOutput
    from yorum.model.comments import CommentOutput
from yorum.lang.unicode import Cleaned, clean

# A word: letters/digits, with an inner apostrophe for Turkish suffixes (Putin'in, Kim’in).
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<email>[\w.+-]+@[\w-]+\.[\w.]+)"
    r"|(?P<tag>[@#]\w+)"
    r"|(?P<word>\w+(?:['’]\w+)*)"
)

MAX_CHARS = 100_000  # a comment longer than this is refused (InputError), never cut silently


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written (cleaned)
    lower: str  # Turkish lower case
    start: int  # offsets into Prepared.text
    end: int
    kind: str  # "word", "url", "email", "tag"
    index: int  # position among tokens

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def alpha(self) -> bool:
        return self.kind == "word" and self.text.replace("'", "").replace("’", "").isalpha()


class Prepared:
    """NFC text with invisibles removed, tokens with offsets, the language."""

    def __init__(self, raw: str, language: tuple[str, float] | None = None) -> None:
        """``language``: the (language, confidence) when known already (a fixed-up copy)."""
        self.raw = raw
        self.cleaned: Cleaned = clean(raw)
        self.text: str = self.cleaned.text
        self.tokens: tuple[Token, ...] = tuple(_tokenize(self.text))
        self.language, self.language_confidence = language or detect(self.text)
        # Results rules share that depend on the policy too (the model's route), by key.
        self.memo: dict[object, Any] = {}

    @cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @cached_property
    def lower(self) -> str:
        """Lower case of the whole text: Turkish casing unless the text is English."""
        if self.language == "en":
            return self.text.replace("İ", "i").lower()
        return tr_lower(self.text)

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """Evasion-folded words, plus words rebuilt from spread-out letters."""
        return tuple(match_units(self.text))

    @cached_property
    def match_text(self) -> str:
        """Lower-case text for phrase patterns, Turkish letters restored when they were left out.

        Same length as ``text``: restoration swaps letters one for one.
        """
        lowered = self.lower
        if self.language != "tr" or len(lowered) != len(self.text):
            return lowered
        if has_turkish_letters(self.text):
            return lowered  # a writer with Turkish letters uses them: nothing to restore
        from yorum.lang.tr.deasciify import restore

        restored = tr_lower(restore(self.text))
        return restored if len(restored) == len(lowered) else lowered

    def find(self, lexicon: Lexicon, allowed: frozenset[str] = frozenset()) -> tuple[Hit, ...]:
        """Where ``lexicon`` matches the units, skipping ``allowed`` words (asked once per pair)."""
        key = ("find", lexicon, allowed)
        hits: tuple[Hit, ...] | None = self.memo.get(key)
        if hits is None:
            hits = self.memo[key] = tuple(lexicon.find(self.units, allowed))
        return hits

    @cached_property
    def abuse_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the swear-word and insult lists match, whatever the site allows."""
        from yorum.moderation import lists

        hits = self.find(lists.profanity()) + self.find(lists.insult())
        return tuple((h.start, h.end) for h in hits)

    @cached_property
    def model_scores(self) -> ModelOutput | None:
        """The abuse model's scores, computed once for the four rules that read them.

        The model learned Turkish tweets: other languages rely on the lists and patterns.
        """
        if self.language != "tr" or not self.text.strip():
            return None
        from yorum.model.classifier import classify

        return classify(self.text)

    @cached_property
    def comment_scores(self) -> CommentOutput | None:
        """The news-comment model's scores (threats, belief attacks), Turkish and English."""
        if self.language not in ("tr", "en") or not self.text.strip():
            return None
        from yorum.model.comments import comment_scores

        return comment_scores(self.text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.cleaned.span(start, end)


def _tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "word"
        word = m.group()
        out.append(Token(word, tr_lower(word), m.start(), m.end(), kind, len(out)))
    return out


def prepare(raw: str) -> Prepared:
    return Prepared(raw)
