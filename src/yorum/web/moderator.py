"""The engine as the web layer uses it: input checks with clear errors, then ``moderate``."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from yorum.moderation.engine import InputError, moderate
from yorum.moderation.policy import Policy
from yorum.moderation.prepare import MAX_CHARS
from yorum.moderation.verdict import Verdict
from yorum.web.errors import ApiError

log = logging.getLogger("yorum.web")
ModerateFn = Callable[[str, Policy], Verdict]
HELD_ON_ERROR = Verdict(
    decision="review", language="", language_confidence=0.0, violations=(), suggestion=None
)
MAX_AUTHOR = 80
MAX_REASON = 500
# C0 controls other than tab, newline, carriage return; DEL; lone surrogates: binary junk.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Clauses a name is held to: no swearing, insult or attack; spelling and casing are its own.
NAME_RULES_OFF = ("spelling", "turkish_chars", "all_caps")


def reject_junk(value: str) -> str:
    """Refuse control characters and broken surrogates (400): they are not text."""
    if _JUNK.search(value):
        raise ApiError(400, "not_text")
    return value


def clean_text(value: str) -> str:
    """A comment as given (never rewritten), or 400/413/422 with the reason."""
    reject_junk(value)
    if not value.strip():
        raise ApiError(422, "empty")
    if len(value) > MAX_CHARS:
        raise ApiError(413, "too_long", length=len(value), limit=MAX_CHARS)
    return value


def clean_line(value: str, *, limit: int, empty_key: str | None, long_key: str) -> str:
    """A one-line field (name, reason): whitespace collapsed, length checked."""
    value = " ".join(reject_junk(value).split())
    if not value and empty_key:
        raise ApiError(422, empty_key)
    if len(value) > limit:
        raise ApiError(422, long_key, limit=limit)
    return value


def clean_author(value: str) -> str:
    return clean_line(value, limit=MAX_AUTHOR, empty_key="author_empty", long_key="author_long")


def clean_reason(value: str | None) -> str:
    return clean_line(value or "", limit=MAX_REASON, empty_key=None, long_key="reason_long")


class Moderator:
    """The site's policy and the engine function (a stub in some tests)."""

    def __init__(self, policy: Policy, fn: ModerateFn = moderate) -> None:
        self.policy = policy
        self.fn = fn
        name_policy = policy
        for rule in NAME_RULES_OFF:
            name_policy = name_policy.with_rule(rule, enabled=False)
        self.name_policy = name_policy

    def check(self, text: str, *, hold_on_error: bool = False) -> Verdict:
        """Moderate a comment already passed through ``clean_text``.

        With ``hold_on_error`` a crash of the engine holds the comment for an editor instead
        of failing the request: nothing is published unchecked, nothing is lost.
        """
        try:
            return self.fn(text, self.policy)
        except InputError as exc:
            raise ApiError(422, "engine_input", reason=str(exc)) from exc
        except Exception:
            if not hold_on_error:
                raise
            log.exception("moderation engine failed; comment held for review")
            return HELD_ON_ERROR

    def name_allowed(self, name: str) -> bool:
        """Names are held to the abuse clauses only; an engine crash lets the name through
        (the comment itself is then held, see ``check``)."""
        try:
            return self.fn(name, self.name_policy).decision != "rejected"
        except InputError:
            return False
        except Exception:
            log.exception("moderation engine failed on an author name")
            return True
