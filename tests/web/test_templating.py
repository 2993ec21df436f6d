"""The safe highlighter used on every page that shows user text."""

from __future__ import annotations

from markupsafe import Markup

from yorum.web.templating import highlight, merge_spans


def test_highlight_escapes_and_marks() -> None:
    out = highlight("a <b> c & d", [[2, 5], [4, 7], [100, 200], [3, 3]])
    assert isinstance(out, Markup)
    assert str(out) == "a <mark>&lt;b&gt; c</mark> &amp; d"
    assert str(highlight("<script>", [])) == "&lt;script&gt;"
    assert merge_spans([[5, 9], [0, 2], [1, 3]], 8) == [(0, 3), (5, 8)]
