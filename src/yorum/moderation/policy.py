"""The site's policy: which rules run, how severe each is, thresholds, extra word lists."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from yorum.lang.tr.text import tr_lower
from yorum.moderation.verdict import Severity

RULE_IDS = (
    "insult",
    "profanity",
    "offensive",
    "belief_attack",
    "spelling",
    "turkish_chars",
    "all_caps",
)
SEVERITIES: tuple[Severity, ...] = ("block", "review", "advice")


class PolicyError(ValueError):
    """The policy file is malformed; the message says where."""


@dataclass(frozen=True, slots=True)
class RulePolicy:
    enabled: bool = True
    severity: Severity = "block"
    settings: dict[str, float] = field(default_factory=dict)

    def get(self, name: str, default: float) -> float:
        return self.settings.get(name, default)


@dataclass(frozen=True, slots=True)
class Policy:
    rules: dict[str, RulePolicy]
    banned_words: frozenset[str] = frozenset()
    allowed_words: frozenset[str] = frozenset()

    def rule(self, rule_id: str) -> RulePolicy:
        return self.rules.get(rule_id, RulePolicy(enabled=False))

    def with_rule(self, rule_id: str, **changes: Any) -> Policy:
        rules = dict(self.rules)
        rules[rule_id] = replace(self.rule(rule_id), **changes)
        return replace(self, rules=rules)

    def is_allowed(self, word_lower: str) -> bool:
        return word_lower in self.allowed_words


def _parse_rule(rule_id: str, raw: Any) -> RulePolicy:
    if not isinstance(raw, dict):
        raise PolicyError(f"[rules.{rule_id}] must be a table")
    enabled = raw.get("enabled", True)
    severity = raw.get("severity", "block")
    if not isinstance(enabled, bool):
        raise PolicyError(f"rules.{rule_id}.enabled must be true or false")
    if severity not in SEVERITIES:
        raise PolicyError(f"rules.{rule_id}.severity must be one of {', '.join(SEVERITIES)}")
    settings: dict[str, float] = {}
    for key, value in raw.items():
        if key in ("enabled", "severity"):
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PolicyError(f"rules.{rule_id}.{key} must be a number")
        settings[key] = float(value)
    return RulePolicy(enabled=enabled, severity=severity, settings=settings)


def _words(raw: Any, key: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise PolicyError(f"words.{key} must be a list of strings")
    return frozenset(tr_lower(w.strip()) for w in raw if w.strip())


def parse_policy(data: dict[str, Any], base: Policy | None = None) -> Policy:
    """Build a policy from parsed TOML; keys missing here keep the base (default) values."""
    unknown = set(data) - {"rules", "words"}
    if unknown:
        raise PolicyError(f"unknown policy section(s): {', '.join(sorted(unknown))}")
    rules = dict(base.rules) if base else {}
    raw_rules = data.get("rules", {})
    if not isinstance(raw_rules, dict):
        raise PolicyError("[rules] must be a table")
    for rule_id, raw in raw_rules.items():
        if rule_id not in RULE_IDS:
            raise PolicyError(f"unknown rule {rule_id!r}; known rules: {', '.join(RULE_IDS)}")
        parsed = _parse_rule(rule_id, raw)
        if base and rule_id in base.rules:
            merged = {**base.rules[rule_id].settings, **parsed.settings}
            parsed = replace(parsed, settings=merged)
        rules[rule_id] = parsed
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise PolicyError("[words] must be a table")
    unknown_words = set(words) - {"banned", "allowed"}
    if unknown_words:
        raise PolicyError(f"unknown key(s) in [words]: {', '.join(sorted(unknown_words))}")
    banned = _words(words["banned"], "banned") if "banned" in words else frozenset()
    allowed = _words(words["allowed"], "allowed") if "allowed" in words else frozenset()
    if base:
        banned |= base.banned_words
        allowed |= base.allowed_words
    return Policy(rules=rules, banned_words=banned, allowed_words=allowed)


def _load_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{where}: {exc}") from exc


@cache
def default_policy() -> Policy:
    text = resources.files("yorum.moderation").joinpath("default_policy.toml").read_text("utf-8")
    return parse_policy(_load_toml(text, "default policy"))


def load_policy(path: str | Path) -> Policy:
    """Read a site policy file; what it leaves out keeps the shipped default."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read policy file {p}: {exc}") from exc
    return parse_policy(_load_toml(text, str(p)), base=default_policy())
