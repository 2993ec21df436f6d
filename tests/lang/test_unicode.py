from yorum.lang.unicode import clean


def test_zero_width_and_bidi_are_removed_and_spans_map_back() -> None:
    raw = "a\u200bb\u202ec d"
    c = clean(raw)
    assert c.text == "abc d"
    start, end = c.span(0, 3)
    assert raw[start:end] == "a\u200bb\u202ec"


def test_nfc_of_decomposed_letters_keeps_offsets() -> None:
    raw = "go\u0308ru\u0308s\u0327me ok"  # görüşme typed with combining marks
    c = clean(raw)
    assert c.text == "görüşme ok"
    start, end = c.span(0, 7)
    assert raw[start:end] == raw[:-3]


def test_lone_surrogates_and_nul_are_dropped() -> None:
    c = clean("a\ud800b\x00c")
    assert c.text == "abc"


def test_empty_text() -> None:
    c = clean("")
    assert c.text == ""
    assert c.span(0, 0) == (0, 0)
