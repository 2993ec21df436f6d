"""The word lists the abuse rules share, loaded once per process."""

from __future__ import annotations

from functools import cache

from yorum.lang.lexicon import Lexicon, parse_entries, parse_exceptions, read_list

TR = "yorum.lang.tr.data"
EN = "yorum.lang.en.data"


@cache
def innocent_ascii() -> frozenset[str]:
    """ASCII spellings that are innocent words (``sikildim`` = sıkıldım, ``got``)."""
    return frozenset(read_list(TR, "profanity_innocent_ascii.txt"))


@cache
def profanity() -> Lexicon:
    entries = parse_entries(read_list(TR, "profanity.txt") + read_list(EN, "profanity.txt"))
    exceptions = parse_exceptions(read_list(TR, "profanity_exceptions.txt") + _doubles())
    return Lexicon(entries, innocent_ascii(), exceptions)


@cache
def insult() -> Lexicon:
    entries = parse_entries(read_list(TR, "insult.txt") + read_list(EN, "insult.txt"))
    exceptions = parse_exceptions(read_list(TR, "insult_exceptions.txt") + _doubles())
    return Lexicon(entries, innocent_ascii(), exceptions)


@cache
def insult_context_words() -> tuple[str, ...]:
    return tuple(read_list(TR, "insult_context.txt"))


def banned(words: frozenset[str]) -> Lexicon:
    """A site's extra banned words, each with Turkish suffixes."""
    return _banned(tuple(sorted(words)))


@cache
def _banned(words: tuple[str, ...]) -> Lexicon:
    return Lexicon(parse_entries(w if w.endswith(("+", "*")) else w + "+" for w in words))


def _doubles() -> list[str]:
    return read_list(TR, "innocent_doubles.txt")


@cache
def belief_groups() -> Lexicon:
    groups = parse_entries(read_list(TR, "belief_groups.txt"))
    return Lexicon(groups, innocent_ascii(), parse_exceptions(_doubles()))


@cache
def mentions() -> Lexicon:
    """Words that name people by role, party, origin, group or faith, or refer to them by a
    pronoun (people_words.txt, belief_groups.txt, pronouns.txt): mentioning them is no abuse."""
    words = read_list(TR, "people_words.txt") + read_list(TR, "belief_groups.txt")
    words += read_list(TR, "pronouns.txt")
    return Lexicon(parse_entries(words), innocent_ascii(), parse_exceptions(_doubles()))


@cache
def function_words() -> frozenset[str]:
    """Particles, conjunctions, auxiliaries and interjections (function_words.txt, Turkish and
    English), lower case: no abuse of their own, whatever a model makes of them."""
    return frozenset(read_list(TR, "function_words.txt") + read_list(EN, "function_words.txt"))


@cache
def belief_abuse() -> Lexicon:
    words = read_list(TR, "belief_abuse.txt") + [w + "+" for w in insult_context_words()]
    return Lexicon(parse_entries(words), innocent_ascii())


@cache
def belief_slurs() -> Lexicon:
    return Lexicon(parse_entries(read_list(TR, "belief_slurs.txt")), innocent_ascii())


@cache
def ambiguous_words() -> Lexicon:
    """Words that insult only in some senses (insult_context.txt), with suffixes, and the
    innocent words that look like a listed one (götürü, sikke, amca: the exception lists)."""
    context = [w + "+" for w in insult_context_words()]
    lookalikes = read_list(TR, "profanity_exceptions.txt") + read_list(TR, "insult_exceptions.txt")
    return Lexicon(parse_entries(context + lookalikes), innocent_ascii())


@cache
def reporting_words() -> Lexicon:
    """Words that report someone else's speech (said, shouted, dedi, diye bağırdı)."""
    return Lexicon(parse_entries(read_list(TR, "reporting_words.txt")), innocent_ascii())
