"""The seven clauses of the house rule. Every rule has the same shape:

    check(doc: Prepared, policy: Policy) -> list[Finding]

pure, with its data loaded once. The order below is the order findings are shown and fixes are
applied (casing before letters before spelling), in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from yorum.moderation.policy import Policy
from yorum.moderation.prepare import Prepared
from yorum.moderation.rules import (
    all_caps,
    belief_attack,
    insult,
    offensive,
    profanity,
    spelling,
    turkish_chars,
)
from yorum.moderation.verdict import Finding

Check = Callable[[Prepared, Policy], list[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    check: Check
    languages: frozenset[str] | None  # None: every language
    fixable: bool


RULES: tuple[Rule, ...] = (
    Rule("profanity", profanity.check, None, False),
    Rule("insult", insult.check, None, False),
    Rule("offensive", offensive.check, None, False),
    Rule("belief_attack", belief_attack.check, None, False),
    Rule("all_caps", all_caps.check, None, True),
    Rule("turkish_chars", turkish_chars.check, frozenset({"tr"}), True),
    Rule("spelling", spelling.check, frozenset({"tr", "en"}), True),
)
