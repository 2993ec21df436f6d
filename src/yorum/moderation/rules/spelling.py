"""Rule `spelling`: misspelt words and the common spelling-rule errors, each with a correction.

Turkish words are checked by morphology (agglutination rules out a flat word list), English ones
by dictionary. Names (capitalised inside a sentence, or with an apostrophe suffix), numbers, links
and the policy's allowed words are never errors; a word that only lacks ç ğ ı ö ş ü belongs to
the `turkish_chars` rule. A few errors in a long comment are advice (see the policy settings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yorum.lang.en import spelling as en
from yorum.lang.tr import clitics
from yorum.lang.tr import spelling as tr
from yorum.lang.tr.text import has_turkish_letters, tr_capitalize, tr_upper
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared, Token
from yorum.moderation.verdict import Finding, Fix

RULE_ID = "spelling"
SENTENCE_END = frozenset(".!?…:\n")
APOSTROPHES = "'’"
# Case and copula suffixes that are written after an apostrophe, never as a word of their own.
DETACHED_SUFFIX = re.compile(
    r"y?[ae]|y?[ıiuü]|[dt][ae]n?|n?[ıiuü]n|y?l[ae]|[dt][ıiuü]r|[dt][ae]ki|l[ae]r"
)
MIN_LETTERS = 3  # shorter unknown tokens are abbreviations and units (km, tl, vb)
SCORES = {"rule": 0.95, "clitic": 0.9, "word": 0.75}
SHOUTED = 0.7  # share of capital letters from which all-capital words are checked too


@dataclass(frozen=True, slots=True)
class Error:
    start: int
    end: int
    kind: str  # "rule" (listed rule error), "clitic" (de/da, ki, mi, suffixes), "word"
    fix: str | None


def check(doc: Prepared, policy: Policy) -> list[Finding]:
    if doc.language == "tr":
        errors = _turkish(doc, policy)
    elif doc.language == "en":
        errors = _english(doc, policy)
    else:
        return []
    if not errors:
        return []
    return [_finding(doc, policy, errors)]


def _finding(doc: Prepared, policy: Policy, errors: list[Error]) -> Finding:
    settings = policy.rule(RULE_ID)
    needed = settings.get("min_errors", 1)
    if len(doc.words) >= settings.get("long_comment_words", 40):
        needed = max(needed, settings.get("long_min_errors", 2))
    severity = settings.severity if len(errors) >= needed else "advice"
    rule_only = all(e.kind != "word" for e in errors)  # all from the common rule errors
    return Finding(
        rule=RULE_ID,
        severity=severity,
        score=max(SCORES[e.kind] for e in errors),
        spans=tuple((e.start, e.end) for e in errors),
        fixes=tuple(Fix(e.start, e.end, e.fix) for e in errors if e.fix is not None),
        message="spelling.rule_error" if rule_only else "spelling",
        detail={"errors": [{"word": doc.text[e.start : e.end], "fix": e.fix} for e in errors]},
    )


def _cased(original: str, fixed: str) -> str:
    """Give the correction the capitalisation of the original word."""
    if len(original) > 1 and original == tr_upper(original):
        return tr_upper(fixed)
    return tr_capitalize(fixed) if original[:1].isupper() else fixed


def _sentence_start(doc: Prepared, token: Token) -> bool:
    if token.index == 0:
        return True
    gap = doc.text[doc.tokens[token.index - 1].end : token.start]
    return any(ch in SENTENCE_END for ch in gap)


def _shouted(doc: Prepared) -> bool:
    letters = [ch for ch in doc.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= SHOUTED * len(letters)


def _checkable(doc: Prepared, token: Token, policy: Policy, shouted: bool = False) -> bool:
    """Lower-case words, and capitalised ones opening a sentence; never names or numbers."""
    if not token.alpha or policy.is_allowed(token.lower):
        return False
    if any(a in token.text for a in APOSTROPHES):
        return False
    rest = token.text[1:]
    if rest != rest.lower():
        return shouted and len(token.text) > 3  # else an acronym or mixed case: a name, a brand
    return not token.text[0].isupper() or _sentence_start(doc, token)


def _turkish(doc: Prepared, policy: Policy) -> list[Error]:
    errors: list[Error] = []
    ascii_text = not has_turkish_letters(doc.text)
    shouted = _shouted(doc)
    words = doc.words
    skip_next = False
    for i, token in enumerate(words):
        if skip_next:
            skip_next = False
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        pair = _pair(doc, token, nxt, policy)
        if pair is not None:
            errors.append(pair)
            skip_next = True
            continue
        error = _apostrophe(doc, token, words[i - 1] if i else None)
        if error is None and _checkable(doc, token, policy, shouted):
            error = _turkish_word(doc, token, ascii_text, shouted)
        if error is not None:
            errors.append(error)
    return errors


def _pair(doc: Prepared, token: Token, nxt: Token | None, policy: Policy) -> Error | None:
    """Two words that belong together (``bir çok``), or a relative ``ki`` written apart."""
    if nxt is None or not (token.alpha and nxt.alpha) or doc.text[token.end : nxt.start] != " ":
        return None
    if not (_checkable(doc, token, policy) and nxt.text.islower()):
        return None
    fixed = tr.pair_error(token.lower, nxt.lower)
    if fixed is not None:
        return Error(token.start, nxt.end, "rule", _cased(token.text, fixed))
    if nxt.lower == "ki" and clitics.is_relative_ki(token.lower):
        fixed = token.lower + "ki"
    elif clitics.is_detached_suffix(token.lower, nxt.lower):
        fixed = token.lower + nxt.lower  # "ara sında" → "arasında", "Aralık ta" → "Aralıkta"
    return (
        None if fixed is None else Error(token.start, nxt.end, "clitic", _cased(token.text, fixed))
    )


def _apostrophe(doc: Prepared, token: Token, prev: Token | None) -> Error | None:
    """A suffix cut off by a space (``Ankara 'da``) or a clitic glued to one (``Rusya'yada``)."""
    if prev is not None and prev.is_word and DETACHED_SUFFIX.fullmatch(token.text):
        gap = doc.text[prev.end : token.start]
        if gap.strip() in tuple(APOSTROPHES) and gap != gap.strip():
            return Error(prev.start, token.end, "clitic", f"{prev.text}'{token.text}")
    for mark in APOSTROPHES:
        if mark in token.text:
            name, _, suffix = token.text.partition(mark)
            head = clitics.glued_clitic(suffix)
            if head is not None:
                return Error(token.start, token.end, "clitic", f"{name}{mark}{head}")
    return None


def _turkish_word(doc: Prepared, token: Token, ascii_text: bool, shouted: bool) -> Error | None:
    word, capital = token.lower, token.text[0].isupper()
    fixed = tr.rule_error(word)
    if fixed is not None:
        return Error(token.start, token.end, "rule", _cased(token.text, fixed))
    if tr.is_known(word):
        fixed = clitics.glued_by_frequency(word)
        return (
            None
            if fixed is None
            else Error(token.start, token.end, "clitic", _cased(token.text, fixed))
        )
    if len(word) < MIN_LETTERS or (capital and tr.is_name(word)) or (shouted and token.text.isupper()):
        return None
    if ascii_text and word.isascii() and any(ch in "cgiosu" for ch in word):
        return None  # typed without Turkish letters: the turkish_chars rule's
    if tr.lacks_letters(word):
        return None
    fixed = clitics.split_clitic(word)
    if fixed is not None:
        return Error(token.start, token.end, "clitic", _cased(token.text, fixed))
    fixed = tr.suggest(word)
    if fixed is None:
        return None  # nothing near: a rare word, a name or a foreign word more likely than a typo
    return Error(token.start, token.end, "word", _cased(token.text, fixed))


def _english(doc: Prepared, policy: Policy) -> list[Error]:
    errors: list[Error] = []
    for token in doc.words:
        if not _checkable(doc, token, policy) or not en.is_misspelt(token.lower):
            continue
        fixed = en.correction(token.lower)
        cased = None if fixed is None else _cased(token.text, fixed)
        errors.append(Error(token.start, token.end, "word", cased))
    return errors
