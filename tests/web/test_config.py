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
