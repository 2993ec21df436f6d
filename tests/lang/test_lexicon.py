import pytest

from yorum.lang.fold import match_units
from yorum.lang.lexicon import Lexicon, parse_entries, parse_exceptions, read_list

LISTS = [
    ("yorum.lang.tr.data", "profanity.txt"),
    ("yorum.lang.tr.data", "profanity_exceptions.txt"),
    ("yorum.lang.tr.data", "profanity_innocent_ascii.txt"),
    ("yorum.lang.tr.data", "insult.txt"),
    ("yorum.lang.tr.data", "insult_context.txt"),
    ("yorum.lang.tr.data", "belief_groups.txt"),
    ("yorum.lang.tr.data", "belief_abuse.txt"),
    ("yorum.lang.tr.data", "belief_slurs.txt"),
    ("yorum.lang.tr.data", "acronyms.txt"),
    ("yorum.lang.tr.data", "insult_exceptions.txt"),
    ("yorum.lang.tr.data", "suffixes.txt"),
    ("yorum.lang.tr.data", "insult_patterns.txt"),
    ("yorum.lang.tr.data", "offensive_patterns.txt"),
    ("yorum.lang.tr.data", "belief_patterns.txt"),
    ("yorum.lang.en.data", "insult_patterns.txt"),
    ("yorum.lang.en.data", "offensive_patterns.txt"),
    ("yorum.lang.en.data", "profanity.txt"),
    ("yorum.lang.en.data", "insult.txt"),
]


@pytest.mark.parametrize(("package", "name"), LISTS)
def test_word_lists_have_a_source_and_no_duplicates(package: str, name: str) -> None:
    from importlib import resources

    raw = resources.files(package).joinpath(name).read_text("utf-8")
    assert raw.startswith("# Source:"), f"{name} must start with a '# Source:' header"
    entries = read_list(package, name)
    assert entries, f"{name} is empty"
    assert len(entries) == len(set(entries)), f"{name} has duplicates"
    for entry in entries:
        assert entry == entry.strip() and "\t" not in entry


def lex(*lines: str, exceptions: tuple[str, ...] = (), innocent: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(parse_entries(lines), innocent, parse_exceptions(exceptions))


def found(lexicon: Lexicon, text: str) -> list[str]:
    return [text[h.start : h.end] for h in lexicon.find(match_units(text))]


def test_suffix_entries_take_turkish_suffixes_but_not_any_letters() -> None:
    lexicon = lex("aptal+")
    assert found(lexicon, "aptallar geldi") == ["aptallar"]
    assert found(lexicon, "sen aptalsın") == ["aptalsın"]
    assert found(lexicon, "aptalxyz") == []


def test_exact_entries_match_only_the_word() -> None:
    assert found(lex("amk"), "amk ya") == ["amk"]
    assert found(lex("amk"), "amkara") == []


def test_exceptions_protect_innocent_words() -> None:
    lexicon = lex("göt+", exceptions=("götür*",))
    assert found(lexicon, "götürmek") == []
    assert found(lexicon, "götü") == ["götü"]


def test_ascii_forms_match_unless_innocent() -> None:
    assert found(lex("göt+"), "senin gotun") == ["gotun"]
    assert found(lex("göt+", innocent=("got",)), "I got it") == []


def test_multi_word_entries() -> None:
    lexicon = lex("geri zekalı+")
    assert found(lexicon, "bu geri zekalılar") == ["geri zekalılar"]
    assert found(lexicon, "geri döndü") == []


def test_softened_stems_take_suffixes() -> None:
    lexicon = lex("köpek+")
    assert found(lexicon, "köpeğim hasta") == ["köpeğim"]
    assert found(lexicon, "köpekler") == ["köpekler"]
