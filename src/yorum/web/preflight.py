"""Production mode (``YORUM_ENV=production``): the settings a public server must not run with.

``yorum serve`` and ``create_app`` refuse to start on any of them and say why in one line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from yorum.web.config import Settings
from yorum.web.signing import SECRET_FILE

MIN_SECRET = 32  # characters of YORUM_SECRET_KEY, and of YORUM_API_KEY
TEMP_DIRS = ("/tmp", "/var/tmp", "/dev/shm", "/run")
VOLATILE_FS = ("tmpfs", "ramfs")
MOUNTS = Path("/proc/mounts")


def problems(settings: Settings) -> list[str]:
    """Why this configuration is unsafe in production (empty when it is fine, or not production)."""
    if not settings.production:
        return []
    found: list[str] = []
    if settings.demo:
        found.append("demo mode is on (set YORUM_DEMO=0)")
    if settings.cookie_secure is False:
        found.append("cookies would be sent over plain HTTP (remove YORUM_COOKIE_SECURE=0)")
    if settings.secret is not None and len(settings.secret) < MIN_SECRET:
        found.append(f"YORUM_SECRET_KEY is shorter than {MIN_SECRET} characters")
    if settings.api_key is not None and len(settings.api_key) < MIN_SECRET:
        found.append(f"YORUM_API_KEY is shorter than {MIN_SECRET} characters")
    found.extend(_file_problems(settings))
    db = sqlite_path(settings.database_url)
    if db is not None and (db == "" or _volatile(Path(db))):
        shown = db or ":memory:"
        found.append(
            f"the SQLite database {shown} does not survive a restart "
            "(set YORUM_DATA_DIR to a persistent folder, or YORUM_DATABASE_URL)"
        )
    return found


def _file_problems(settings: Settings) -> list[str]:
    found: list[str] = []
    folder = settings.data_dir
    if folder.is_dir() and folder.stat().st_mode & stat.S_IWOTH:
        found.append(f"the data folder {folder} is writable by everyone (chmod 700 it)")
    key = folder / SECRET_FILE
    if settings.secret is None and key.exists():
        mode = stat.S_IMODE(key.stat().st_mode)
        if mode & 0o077:
            found.append(f"{key} can be read by others (mode {mode:o}; chmod 600 it)")
    return found


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL (``""`` for an in-memory one); ``None`` for other databases."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database or ""
    return "" if name in ("", ":memory:") or "mode=memory" in url else name


def _volatile(path: Path) -> bool:
    """On a temporary folder, or a file system kept in memory."""
    real = Path(os.path.realpath(path))
    temps = {*TEMP_DIRS, os.path.realpath(tempfile.gettempdir())}
    if any(real.is_relative_to(t) for t in temps):
        return True
    return _mount_type(real) in VOLATILE_FS


def _mount_type(path: Path) -> str:
    """The file system type of the mount holding ``path`` (Linux), or ``""``."""
    try:
        lines = MOUNTS.read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if path.is_relative_to(point) and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def refusal(settings: Settings) -> str | None:
    """The one line ``yorum serve`` prints before it refuses to start, or ``None``."""
    found = problems(settings)
    return "refusing to start in production mode: " + "; ".join(found) if found else None
