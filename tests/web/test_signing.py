"""The site secret, signed values, CSRF tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from yorum.web.signing import Csrf, Signer, load_secret


def test_signer_round_trip_and_tamper() -> None:
    signer = Signer(b"k" * 32, "session")
    value = signer.dumps({"e": 1}, max_age=60)
    assert signer.loads(value) == {"e": 1, "exp": signer.loads(value)["exp"]}  # type: ignore[index]
    assert signer.loads(value + "x") is None
    assert signer.loads("garbage") is None
    assert Signer(b"other" * 8, "session").loads(value) is None
    assert Signer(b"k" * 32, "csrf").loads(value) is None  # keys differ per purpose
    assert signer.loads(signer.dumps({"e": 1}, max_age=-1)) is None


def test_csrf_double_submit() -> None:
    csrf = Csrf(b"k" * 32)
    nonce = csrf.new_nonce()
    token = csrf.token(nonce)
    assert csrf.valid(nonce, token)
    assert not csrf.valid(csrf.new_nonce(), token)
    assert not csrf.valid(nonce, nonce)
    assert not csrf.valid(None, token) and not csrf.valid(nonce, None)


def test_load_secret_makes_one_and_keeps_it(tmp_path: Path) -> None:
    first = load_secret(tmp_path)
    assert len(first) >= 32 and load_secret(tmp_path) == first
    (tmp_path / "secret.key").write_bytes(b"short")
    with pytest.raises(RuntimeError):
        load_secret(tmp_path)
