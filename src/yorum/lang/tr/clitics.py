"""The clitics de/da, ki and mi written joined or apart: the clear cases, with their corrections.

"bende" (in me / me too) is ambiguous alone, but not before a verb of the same person
("bende çok şaşırdım" → "ben de"); "gelecekmisin", "açısındanda", "dahada", "evde ki",
"Rusya'yada" and "ara sında" are clear too.
"""

from __future__ import annotations

import re

from yorum.lang.tr import morphology, spelling

COMMON_HOST = 450  # Zipf x 100 from which a host word's glued "da" is taken as the clitic...
RARER_BY = 200  # ...when the glued form is this much rarer (Zipf x 100) than the host
CLITIC_MI = ("mi", "mı", "mu", "mü")
VOICELESS = frozenset("pçtkfhsş")  # after these the locative is -ta/-te
# Suffixes after an apostrophe that a clitic de/da cannot follow directly (Rusya'ya-da).
KI_HOSTS = ("da", "de", "ta", "te", "n", "m", "a", "e", "ı", "i", "u", "ü")
GLUE_HEAD = re.compile(r"y?[ae]|y?[ıiuü]|[dt][ae]n?|n[ıiuü]n|y?l[ae]")
# A pronoun with "de" glued, and the person ending of a verb that agrees with the pronoun.
PRONOUN_DE = {
    "bende": ("ben", re.compile(r"(?<!l[ıi])m$")),  # şaşırdım, geliyorum; not içelim (we)
    # geldin, biliyorsun, gidersin, gelsen; not kalsın (the third person's imperative)
    "sende": (
        "sen",
        re.compile(
            r"(?:[dt][ıiuü]n|(?:yor|[aeıiuü]r|[cç][ae]k|m[ıiuü]ş|m[ae]l[ıi])s[ıiuü]n|s[ae]n)$"
        ),
    ),
    "bizde": ("biz", re.compile(r"(?:[^n][ıiuü]z|k)$")),  # geliyoruz, yaptık
    "sizde": ("siz", re.compile(r"n[ıiuü]z$")),  # şaşırdınız
}
# The copula endings of the second person, which no possessive ending looks like.
COPULA = {"sen": re.compile(r"s[ıiuü]n$"), "siz": re.compile(r"s[ıiuü]n[ıiuü]z$")}
# The copula of "ben" and "biz" after a vowel or a locative (haklıyım, kuyruktayız): a possessive
# takes no "y" there (haklım). The head, of three letters or more, is a word of its own.
COPULA_Y = {"ben": "m", "biz": "z"}
_COPULA_Y = re.compile(r"(.{3,}?(?:[dt][ae]|[aeıioöuü]))y[ıiuü]([mz])")
VERB_REACH = 6  # words after the pronoun in which its verb is looked for
PAST_PLURAL = re.compile(r"[dt][ıiuü]k$")  # kaldık, gittik: a verb even where a noun reading exists


QUESTION_COPULA = re.compile(r"(.{3,}?)(m([ıiuü])y(?:d\3|m\3ş|\3m|\3z))")


def glued_question_copula(word: str) -> str | None:
    """``sarhoşmuymuş`` → ``sarhoş muymuş``: mi with a copula ending never joins its host."""
    m = QUESTION_COPULA.fullmatch(word)
    if m is None:
        return None
    head, tail = m.group(1), m.group(2)
    if not morphology.is_valid(head) or "verb" in morphology.kinds(head):
        return None
    return f"{head} {tail}" if harmonises(head, m.group(3)) else None


def glued_by_frequency(word: str) -> str | None:
    """``dahada`` → ``daha da``: valid as written, but rare, while its host is very common."""
    head, clitic = word[:-2], word[-2:]
    freq = spelling.data().frequency
    host = freq.get(head, 0)
    if clitic not in ("da", "de") or host < COMMON_HOST or host - freq.get(word, 0) < RARER_BY:
        return None
    if "function" not in morphology.kinds(head):
        return None  # eğlencede, yedide, düzenlemede: a locative is as likely
    return f"{head} {clitic}" if harmonises(head, clitic[1], a_vowel=True) else None


def split_clitic(word: str) -> str | None:
    """``gelecekmisin`` → ``gelecek misin``, ``açısındanda`` → ``açısından da``, or None."""
    for i in range(len(word) - 2, 1, -1):
        head, tail = word[:i], word[i:]
        if tail[:2] not in CLITIC_MI or not harmonises(head, tail[1]):
            continue
        if morphology.is_valid(tail) and morphology.is_valid(head):
            return f"{head} {tail}"
    head, clitic = word[:-2], word[-2:]
    if len(head) < 2 or not morphology.is_valid(head):
        return None
    if clitic in ("da", "de") and harmonises(head, clitic[1], a_vowel=True):
        return f"{head} {clitic}"
    if clitic == "ki" and "verb" in morphology.kinds(head) and not head.endswith(KI_HOSTS):
        return f"{head} {clitic}"  # diyorki; but karşıki, evdeki, benimki take the suffix -ki
    return None


def harmonises(head: str, vowel: str, a_vowel: bool = False) -> bool:
    last = next((ch for ch in reversed(head) if ch in morphology.VOWELS), "e")
    expected = morphology.realise("A" if a_vowel else "I", last, False)
    return vowel == expected


def is_relative_ki(word: str) -> bool:
    """A locative that a following ``ki`` belongs to (``evde ki`` → ``evdeki``)."""
    head = word[:-2]
    return (
        word[-2:] in ("da", "de", "ta", "te")
        and len(head) > 1
        and morphology.is_valid(word)
        and morphology.is_valid(head)
    )


def glued_clitic(suffix: str) -> str | None:
    """``yada`` (after ``Rusya'``) → ``ya da``: a clitic glued to an apostrophe suffix."""
    head, clitic = suffix[:-2], suffix[-2:]
    if clitic in ("da", "de") and GLUE_HEAD.fullmatch(head) and harmonises(head, clitic[1], True):
        return f"{head} {clitic}"
    return None


def is_detached_suffix(first: str, second: str) -> bool:
    """``ara sında``, ``sayesin de``, ``kitap ta``: a part that is no word, then both one word."""
    if len(first) < 2:
        return False
    joined = first + second
    if second in ("da", "de"):  # the clitic, unless the first part is no word on its own
        return not spelling.is_known(first) and morphology.is_valid(joined)
    if spelling.is_known(second) and second not in ("ta", "te"):
        return False
    if second in ("ta", "te") and first[-1] in VOICELESS and spelling.is_known(first):
        return spelling.is_known(joined)  # internet te: the clitic is never "te"
    return joined in spelling.data().frequency and morphology.is_valid(joined)


def _copula_y(word: str) -> str | None:
    """The person ("m", "z") of a y-copula on a valid head (haklıyım → "m"), or None."""
    m = _COPULA_Y.fullmatch(word)
    if m is None or not morphology.is_valid(m.group(1)):
        return None
    return m.group(2)


def pronoun_de(word: str, following: list[str]) -> str | None:
    """``bende`` + ``çok şaşırdım`` → ``ben de``: the first verb after it agrees with the pronoun.

    ``following`` are the next words of the same clause, lower case.
    """
    got = PRONOUN_DE.get(word)
    if got is None:
        return None
    pronoun, ending = got
    for word_after in following[:VERB_REACH]:
        nxt = spelling.colloquial(word_after) or word_after  # yapıcaz → yapacağız
        kinds = morphology.kinds(nxt)
        copula = COPULA.get(pronoun)
        if copula and copula.search(nxt) and "verb" not in kinds and morphology.is_valid(nxt):
            return f"{pronoun} de"  # sende haklısın: -sın, -sınız are no possessive endings
        person = COPULA_Y.get(pronoun)
        if person is not None and "verb" not in kinds and _copula_y(nxt) == person:
            return f"{pronoun} de"  # bende kuyruktayım, bizde haklıyız
        if "verb" not in kinds:
            continue
        if kinds != {"verb"} and not (pronoun == "biz" and PAST_PLURAL.search(nxt)):
            return None  # kaldı, var: a noun reading too, so not clear enough
        return f"{pronoun} de" if ending.search(nxt) else None
    return None
