"""Input checks in front of the engine."""

from __future__ import annotations

import pytest

from yorum.moderation.prepare import MAX_CHARS
from yorum.web.errors import ApiError
from yorum.web.moderator import clean_author, clean_reason, clean_text


def test_input_checks() -> None:
    assert clean_text("  Merhaba\n") == "  Merhaba\n"  # never rewritten
    for bad, status in (("", 422), (" \t", 422), ("a\x00", 400), ("x" * (MAX_CHARS + 1), 413)):
        with pytest.raises(ApiError) as err:
            clean_text(bad)
        assert err.value.status == status
    assert clean_author("  Ayşe   Yılmaz ") == "Ayşe Yılmaz"
    with pytest.raises(ApiError):
        clean_author("x" * 81)
    assert clean_reason(None) == ""
