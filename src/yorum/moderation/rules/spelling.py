"""Rule `spelling`: misspelt words and the common spelling-rule errors, each with a correction.

Turkish words are checked by morphology (agglutination rules out a flat word list), English ones
by dictionary. Names (capitalised inside a sentence, or with an apostrophe suffix), numbers, links
and the policy's allowed words are never errors; a word that only lacks ç ğ ı ö ş ü belongs to
the `turkish_chars` rule. A few errors in a long comment are advice (see the policy settings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from yorum.lang.en import spelling as en
from yorum.lang.tr import clitics, morphology
from yorum.lang.tr import spelling as tr
from yorum.lang.tr.text import ascii_fold, has_turkish_letters, tr_capitalize, tr_lower, tr_upper
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared, Token
from yorum.moderation.verdict import Finding, Fix

RULE_ID = "spelling"
SENTENCE_END = frozenset(".!?…:\n")
CLAUSE_END = frozenset(',;.!?…:\n()"')
MARKS = ("'", "’")  # apostrophes
# Case and copula suffixes that are written after an apostrophe, never as a word of their own.
DETACHED_SUFFIX = re.compile(
    r"y?[ae]|y?[ıiuü]|[dt][ae]n?|n?[ıiuü]n|y?l[ae]|[dt][ıiuü]r|[dt][ae]ki|l[ae]r"
)
# A case, possessive, plural or -li ending written straight onto an acronym or a number
# (NATOnun, TBMMde, CHPli, 2023te): TDK writes it after an apostrophe.
CODE_SUFFIX = re.compile(
    r"(?P<code>[A-ZÇĞİÖŞÜ]{2,}|[0-9]+)"
    r"(?P<tail>n?[ıiuü]n|y?[ıiuü]|y?[ae]|[dt][ae]n?|[dt][ae]ki|l[ae]r[ıi]?n?|l[ae]r[dt][ae]n?"
    r"|l[ıiuü]k?|l[ıiuü]l[ae]r|[ıiuü]?nc[ıiuü]|c[ıiuü]|s[ıiuü]n?)"
)
START_FIX = 350  # Zipf × 100 a correction of a capitalised first word must have (Hükümte)
START_MIN = 5  # letters it must have
QUESTION_REACH = 2  # words between a glued question particle and its "?" (yeterlimi sizce?)
GLUED_RARER_BY = 250  # Zipf × 100: yeterlimi (never) and doğrumu are far rarer than their host
MIN_LETTERS = 3  # shorter unknown tokens are abbreviations and units (km, tl, vb)
MAX_LETTERS = 40  # longer tokens are no words (and would make corrections slow)
CACHE = 50_000
SCORES = {"rule": 0.95, "clitic": 0.9, "word": 0.75}
SHOUTED = 0.7  # share of capital letters from which all-capital words are checked too
MIN_SHOUT = 8  # capital letters needed for that


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


def _cased(original: str, fixed: str, english: bool = False) -> str:
    """Give the correction the capitalisation of the original word (Turkish casing by default)."""
    if len(original) > 1 and original == (original.upper() if english else tr_upper(original)):
        return fixed.upper() if english else tr_upper(fixed)
    if not original[:1].isupper():
        return fixed
    return fixed[:1].upper() + fixed[1:] if english else tr_capitalize(fixed)


def _sentence_start(doc: Prepared, token: Token) -> bool:
    if token.index == 0:
        return True
    gap = doc.text[doc.tokens[token.index - 1].end : token.start]
    return any(ch in SENTENCE_END for ch in gap)


def _shouted(doc: Prepared) -> bool:
    caps = sum(map(str.isupper, doc.text))
    return caps >= MIN_SHOUT and caps >= SHOUTED * sum(map(str.isalpha, doc.text))


def _listed(doc: Prepared, token: Token) -> bool:
    """Swear words and insults are the abuse rules' business: never "correct" them."""
    return any(s < token.end and token.start < e for s, e in doc.abuse_spans)


def _mode(doc: Prepared, token: Token, policy: Policy, shouted: bool) -> str:
    """ "word": check it; "name": capitalised inside a sentence, only clitics; "": leave it."""
    text = token.text
    if not text.isalpha() or policy.is_allowed(token.lower) or _listed(doc, token):
        return ""  # numbers, apostrophe suffixes (Putin'in), allowed words, listed abuse
    rest = text[1:]
    if rest != rest.lower():
        return "word" if shouted and len(text) > 3 else ""  # else an acronym or a brand
    if not text[0].isupper() or _sentence_start(doc, token):
        return "word"
    return "name"


def _turkish(doc: Prepared, policy: Policy) -> list[Error]:
    errors: list[Error] = []
    ascii_text = not has_turkish_letters(doc.text)
    shouted = _shouted(doc)
    words = doc.words
    modes = [_mode(doc, t, policy, shouted) for t in words]
    i = 0
    while i < len(words):
        token = words[i]
        if modes[i] == "word" and i + 1 < len(words):
            pair = _pair(doc, token, words[i + 1])
            if pair is not None:
                errors.append(pair)
                i += 2
                continue
        error = _apostrophe(doc, token, words[i - 1] if i else None) or _code_suffix(token)
        if error is None and i + 1 < len(words):
            error = _name_ki(doc, token, words[i + 1])
            if error is not None:
                errors.append(error)
                i += 2
                continue
        if error is None and modes[i] == "word" and token.lower in clitics.PRONOUN_DE:
            error = _pronoun_de(doc, words, i)
        if error is None and modes[i] == "word" and _asks(doc, words, i):
            error = _glued_question(token)  # yeterlimi? / yeterlimi sizce? → yeterli mi
        doubled = i > 0 and _reduplicated(words[i - 1].lower, token.lower)  # tıklım tıklımdı
        after_mark = doc.text[token.start - 1 : token.start] in MARKS
        if error is None and modes[i] and not doubled and not after_mark:
            error = _turkish_word(token, ascii_text, shouted, modes[i] == "name")
        if error is not None:
            errors.append(error)
        i += 1
    return errors


def _pronoun_de(doc: Prepared, words: tuple[Token, ...], i: int) -> Error | None:
    """``bende çok şaşırdım`` → ``ben de``: the verb of the clause agrees with the pronoun."""
    following: list[str] = []
    for prev, nxt in zip(words[i : i + clitics.VERB_REACH], words[i + 1 :], strict=False):
        if any(ch in CLAUSE_END for ch in doc.text[prev.end : nxt.start]):
            break
        following.append(doc.match_text[nxt.start : nxt.end])  # letters restored if left out
    fixed = clitics.pronoun_de(words[i].lower, following)
    if fixed is None:
        return None
    return Error(words[i].start, words[i].end, "clitic", _cased(words[i].text, fixed))


def _asks(doc: Prepared, words: tuple[Token, ...], i: int) -> bool:
    """Whether a "?" ends the word's clause within QUESTION_REACH more words, or ``diye``
    follows it (``varmı diye sordum``)."""
    if i + 1 < len(words) and words[i + 1].lower == "diye" and doc.text[words[i].end] == " ":
        return True
    if "?" not in doc.text:
        return False
    for j in range(i, min(i + QUESTION_REACH + 1, len(words))):
        end = words[j + 1].start if j + 1 < len(words) else len(doc.text)
        gap = doc.text[words[j].end : end].strip()
        if gap:
            return gap.startswith("?")
    return False


def _glued_question(token: Token) -> Error | None:
    """A question particle written on the last word before "?" (``yeterlimi?``)."""
    word = token.lower
    head, tail = word[:-2], word[-2:]
    if tail not in clitics.CLITIC_MI or len(head) < 3 or not clitics.harmonises(head, tail[1]):
        return None
    if not tr.is_known(head) or "verb" in morphology.kinds(word):
        return None
    freq = tr.data().frequency
    if freq.get(head, 0) - freq.get(word, 0) < GLUED_RARER_BY:
        return None  # annemi?, kızımı?: as common a word of its own (my mother, accusative)
    return Error(token.start, token.end, "clitic", _cased(token.text, f"{head} {tail}"))


def _reduplicated(prev: str, word: str) -> bool:
    return len(prev) >= 3 and word != prev and word.startswith(prev)


def _pair(doc: Prepared, token: Token, nxt: Token) -> Error | None:
    """Two words that belong together (``bir çok``), or a relative ``ki`` written apart."""
    if not (nxt.text.isalpha() and nxt.text.islower()) or doc.text[token.end : nxt.start] != " ":
        return None
    found = _pair_fix(token.lower, nxt.lower)
    if found is None:
        return None
    kind, fixed = found
    return Error(token.start, nxt.end, kind, _cased(token.text, fixed))


@lru_cache(maxsize=CACHE)
def _pair_fix(first: str, second: str) -> tuple[str, str] | None:
    fixed = tr.pair_error(first, second)
    if fixed is not None:
        return "rule", fixed
    if second == "ki" and clitics.is_relative_ki(first):
        return "clitic", first + "ki"
    if clitics.is_detached_suffix(first, second):
        return "clitic", first + second  # "ara sında" → "arasında", "kitap ta" → "kitapta"
    return None


def _code_suffix(token: Token) -> Error | None:
    """``NATOnun`` → ``NATO'nun``, ``2023te`` → ``2023'te``."""
    m = CODE_SUFFIX.fullmatch(token.text)
    if m is None:
        return None
    return Error(token.start, token.end, "rule", f"{m['code']}'{m['tail']}")


def _name_ki(doc: Prepared, token: Token, nxt: Token) -> Error | None:
    """``İzmir'de ki esnaf`` → ``İzmir'deki``: the adjective -ki of a name's locative."""
    if nxt.text != "ki" or doc.text[token.end : nxt.start] != " ":
        return None
    name, mark, suffix = next(
        (token.text.partition(m) for m in MARKS if m in token.text), ("", "", "")
    )
    if not name or not re.fullmatch(r"[dt][ae]", suffix):
        return None
    return Error(token.start, nxt.end, "clitic", f"{name}{mark}{suffix}ki")


def _apostrophe(doc: Prepared, token: Token, prev: Token | None) -> Error | None:
    """A suffix cut off by a space (``Ankara 'da``) or a clitic glued to one (``Rusya'yada``)."""
    if prev is not None and prev.is_word:
        gap = doc.text[prev.end : token.start]
        if gap.strip() in MARKS and gap != gap.strip() and DETACHED_SUFFIX.fullmatch(token.text):
            return Error(prev.start, token.end, "clitic", f"{prev.text}'{token.text}")
    for mark in MARKS:
        if mark in token.text:
            name, _, suffix = token.text.partition(mark)
            head = clitics.glued_clitic(suffix)
            if head is not None:
                return Error(token.start, token.end, "clitic", f"{name}{mark}{head}")
    return None


def _turkish_word(token: Token, ascii_text: bool, shouted: bool, name: bool) -> Error | None:
    found = _name_fix(token.text) if name else _word_fix(token.text, ascii_text, shouted)
    return None if found is None else Error(token.start, token.end, *found)


@lru_cache(maxsize=CACHE)
def _name_fix(text: str) -> tuple[str, str | None] | None:
    """A capitalised word inside a sentence is a name, but a clitic may be glued to it."""
    word = tr_lower(text)
    if len(word) > MAX_LETTERS:
        return None
    found = _apostrophe_fix(text, word)
    if found is not None or tr.is_known(word) or tr.is_name(word):
        return found
    fixed = clitics.split_clitic(word)  # Savcılığıda → Savcılığı da, but not Yahuda → Yahu da
    if fixed is None or not all(tail for _, tail in morphology.splits(fixed.split(" ")[0])):
        return None
    return "clitic", _cased(text, fixed)


def _apostrophe_fix(text: str, word: str) -> tuple[str, str | None] | None:
    """A capitalised name with its case ending written on: ``Türkiyede`` → ``Türkiye'de``."""
    fixed = tr.missing_apostrophe(word)
    if fixed is None:
        return None
    cut = fixed.index("'")
    return "rule", f"{text[:cut]}'{text[cut:]}"


@lru_cache(maxsize=CACHE)
def _word_fix(text: str, ascii_text: bool, shouted: bool) -> tuple[str, str | None] | None:
    """(kind, correction) for a misspelt word, None for a good one (or one left to others)."""
    word = tr_lower(text)
    if len(word) > MAX_LETTERS:
        return None
    fixed = tr.rule_error(word)
    if fixed is not None:
        return "rule", _cased(text, fixed)
    if text[0].isupper():
        found = _apostrophe_fix(text, word)  # Atatürkün opening a sentence
        if found is not None:
            return found
    if tr.SPOKEN_NARROWED.search(word):  # gidicem parses as a word, but is spoken future
        fixed = tr.colloquial(word)
        if fixed is not None:
            return "rule", _cased(text, fixed)
    if tr.is_known(word):
        fixed = clitics.glued_question_copula(word) or clitics.glued_by_frequency(word)
        return None if fixed is None else ("clitic", _cased(text, fixed))
    if len(word) < MIN_LETTERS or (shouted and text.isupper()):
        return None
    split = clitics.split_clitic(word)
    tail = "" if split is None or ascii_text else split.split(" ")[-1]
    asks = split is not None and tail.startswith(clitics.CLITIC_MI)
    if split is not None and asks and not text[0].isupper():
        return "clitic", _cased(text, split)  # gidiyormusun, açıkmı (with Turkish letters)
    if tr.is_name(word):
        # A name (in lower case it should take its capital: too often a false alarm).
        return _apostrophe_fix(text, word) if text[0].isupper() else None
    if ascii_text and word.isascii() and any(ch in "cgiosu" for ch in word):
        return None  # typed without Turkish letters: the turkish_chars rule's
    if split is not None and asks:
        return "clitic", _cased(text, split)
    if tr.lacks_letters(word):
        return None
    fixed = tr.colloquial(word)  # gelicem → geleceğim
    if fixed is not None:
        return "rule", _cased(text, fixed)
    if split is not None:
        return "clitic", _cased(text, split)
    fixed = tr.suggest(word)
    if fixed is None:
        return None  # nothing near: a rare or foreign word is likelier than a typo
    if text[0].isupper() and not _doubled(word, fixed) and not _common_slip(word, fixed):
        return None  # capitalised: opens a sentence, likely a name unless near a common word
    return "word", _cased(text, fixed)


def _common_slip(word: str, fixed: str) -> bool:
    """Whether a capitalised first word is a slip of the hand on a common word: a letter left
    out, added or swapped (Hükümte, Metoroloji, Futbolcualr), or a wrong ı ö ü (Ekonomı).
    Other substitutions and splits are as likely a name (Evenlerin, Vehibe)."""
    if " " in fixed or len(word) < START_MIN or tr.data().frequency.get(fixed, 0) < START_FIX:
        return False
    if len(fixed) != len(word):
        return True  # one edit: a letter added or left out
    diff = [i for i, (a, b) in enumerate(zip(word, fixed, strict=True)) if a != b]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return True  # two letters swapped
    return len(diff) == 1 and ascii_fold(word[diff[0]]) == fixed[diff[0]]


def _doubled(word: str, fixed: str) -> bool:
    """Whether ``fixed`` is ``word`` with one consonant doubled (müteahit → müteahhit)."""
    return len(fixed) == len(word) + 1 and any(
        fixed[i] == fixed[i + 1] and fixed[:i] + fixed[i + 1 :] == word for i in range(len(word))
    )


def _english(doc: Prepared, policy: Policy) -> list[Error]:
    errors: list[Error] = []
    words = doc.words
    lower = {t.index: t.text.lower() for t in words}  # English casing: "Its" is "its", not "ıts"
    for token, nxt in pairwise(words):
        if doc.text[token.end : nxt.start] != " " or token.text.isupper():
            continue  # shouted words are lowered first (all_caps), then checked again
        fixed = en.pair_error(lower[token.index], lower[nxt.index])
        if fixed is not None and not policy.is_allowed(lower[token.index]):
            errors.append(Error(token.start, nxt.end, "rule", _cased(token.text, fixed, True)))
    shouted = _shouted(doc)  # THE GOVERMENT: shouted words are checked too
    for i, token in enumerate(words):
        word = lower[token.index]
        # A capitalised word opening a sentence before another one (Eid Mubarak) is a name.
        after = words[i + 1].text if i + 1 < len(words) else ""
        opens = token.text[:1].isupper() and not shouted  # (inside a sentence it is a name)
        capitalised = opens and after[:1].isupper()
        mode = _mode(doc, token, policy, shouted)
        if mode == "name" and (month := en.calendar_slip(word)) is not None:
            errors.append(Error(token.start, token.end, "word", _cased(token.text, month, True)))
            continue
        if mode != "word" or not en.is_misspelt(word, capitalised, opens):
            continue
        if tr.is_known(token.lower) and word not in en.rule_errors():
            continue  # a Turkish word in an English comment (herkes, mal): no English error
        if token.text[:1].isupper() and tr.is_name(token.lower):
            continue  # a Turkish name opening a sentence (Mardin is stunning in spring.)
        fixed = en.correction(word)
        cased = None if fixed is None else _cased(token.text, fixed, True)
        errors.append(Error(token.start, token.end, "word", cased))
    return errors
