from pathlib import Path

import pytest

from yorum.moderation.policy import RULE_IDS, PolicyError, default_policy, load_policy


def test_default_policy_enables_every_rule() -> None:
    policy = default_policy()
    assert set(policy.rules) == set(RULE_IDS)
    assert all(policy.rule(r).enabled for r in RULE_IDS)


def test_site_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(
        '[rules.spelling]\nseverity = "advice"\n[words]\nallowed = ["Yorumköy"]\n',
        encoding="utf-8",
    )
    policy = load_policy(path)
    assert policy.rule("spelling").severity == "advice"
    assert policy.rule("spelling").get("min_errors", 0) == 1  # kept from the default
    assert policy.rule("insult").severity == "block"
    assert "yorumköy" in policy.allowed_words


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[rules.nonsense]\nenabled = true\n", "unknown rule"),
        ('[rules.insult]\nseverity = "loud"\n', "severity"),
        ('[rules.insult]\nblock_at = "high"\n', "number"),
        ("[extra]\n", "unknown policy section"),
        ("[rules.insult\n", "policy.toml"),
        ("[words]\nbanned = [1]\n", "list of strings"),
    ],
)
def test_malformed_policy_files_say_what_is_wrong(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        load_policy(path)


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "nope.toml")
