"""Settings from YORUM_* variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from yorum.web.config import ConfigError, Settings


def test_settings_from_env(tmp_path: Path) -> None:
    env = {
        "YORUM_DATA_DIR": str(tmp_path / "d"),
        "YORUM_API_KEY": " k ",
        "YORUM_IP_RETENTION_DAYS": "365",
        "YORUM_DEMO": "0",
    }
    s = Settings.from_env(env)
    assert s.data_dir == tmp_path / "d" and s.data_dir.is_dir()
    assert s.database_url == f"sqlite:///{tmp_path / 'd' / 'yorum.db'}"
    assert (s.api_key, s.ip_retention_days, s.demo) == ("k", 365, False)
    defaults = Settings.from_env({"YORUM_DATA_DIR": str(tmp_path)})
    assert defaults.ip_retention_days == 730 and defaults.api_key is None
    with pytest.raises(ConfigError):
        Settings.from_env({**env, "YORUM_IP_RETENTION_DAYS": "two years"})


def test_production_rates_and_cookie_settings(tmp_path: Path) -> None:
    base = {"YORUM_DATA_DIR": str(tmp_path)}
    s = Settings.from_env(base)
    assert not s.production and s.cookie_secure is None
    assert s.secure_cookies("http") is False and s.secure_cookies("https") is True
    s = Settings.from_env({**base, "YORUM_ENV": "Production", "YORUM_RATE_COMMENT": "50/2.5"})
    assert s.production and s.secure_cookies("http") is True  # behind a TLS proxy
    assert (s.rates["comment"].burst, s.rates["comment"].every) == (50, 2.5)
    assert s.rates["login"].burst == 10  # the others keep their defaults
    assert Settings.from_env({**base, "YORUM_COOKIE_SECURE": "0"}).secure_cookies("https") is False
    for name, bad in (
        ("YORUM_RATE_LOGIN", "fast"),
        ("YORUM_RATE_LOGIN", "0/1"),
        ("YORUM_RATE_LOGIN", "5/0"),
        ("YORUM_RATE_LOGIN", "5/nan"),
        ("YORUM_DEMO", "maybe"),
        ("YORUM_COOKIE_SECURE", "sometimes"),
    ):
        with pytest.raises(ConfigError, match=name):
            Settings.from_env({**base, name: bad})
