"""What `yorum serve`, `yorum editor add` and `yorum purge` do."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import typer
from sqlalchemy.exc import SQLAlchemyError

from yorum import messages
from yorum.storage import Conflict, Database, editors
from yorum.web import preflight
from yorum.web.auth import hash_password
from yorum.web.config import ConfigError, Settings
from yorum.web.demo import seed_demo_editor, seed_demo_story

MIN_PASSWORD = 10
_NAME = re.compile(r"[\w.-]{1,64}")


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        typer.echo(messages.CLI_CONFIG.format(reason=exc), err=True)
        raise typer.Exit(2) from exc


def _where(url: str) -> str:
    """The database for people, without a password."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return preflight.sqlite_path(url) or url  # sqlite:////srv/y.db → /srv/y.db
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{':' + str(parts.port) if parts.port else ''}{parts.path}"


def _open(settings: Settings) -> Database:
    db = Database(settings.database_url)
    try:
        db.ensure_ready()
    except SQLAlchemyError as exc:
        cause = getattr(exc, "orig", None) or exc
        reason = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        typer.echo(
            messages.CLI_DB_DOWN.format(where=_where(settings.database_url), reason=reason),
            err=True,
        )
        raise typer.Exit(1) from exc
    return db


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Migrate, seed the demo, print how to use it, and run uvicorn."""
    import uvicorn

    from yorum.web.app import create_app

    settings = _settings()
    refused = preflight.refusal(settings)
    if refused:  # production mode on an unsafe configuration: one line, exit 2
        typer.echo(messages.CLI_CONFIG.format(reason=refused), err=True)
        raise typer.Exit(2)
    db = _open(settings)
    base = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"
    lines = [messages.CLI_SERVE_READY.format(url=base + "/")]
    if settings.demo:
        story_id = seed_demo_story(db)
        lines.append(messages.CLI_SERVE_STORY.format(url=f"{base}/stories/{story_id}"))
    lines.append(messages.CLI_SERVE_QUEUE.format(url=base + "/moderation"))
    lines.append(messages.CLI_SERVE_DB.format(where=_where(settings.database_url)))
    demo_db = settings.demo and not settings.production and not os.environ.get("YORUM_DATABASE_URL")
    password = seed_demo_editor(db) if demo_db else None
    if password:
        lines.append(messages.CLI_SERVE_DEMO_EDITOR.format(name="demo", password=password))
    else:
        with db.transaction() as s:
            if editors.count_editors(s) == 0:
                lines.append(messages.CLI_SERVE_NO_EDITOR)
    typer.echo("\n".join(lines))
    uvicorn.run(create_app(settings, db=db), host=host, port=port, log_level="info")


def add_editor(name: str, password: str) -> None:
    """Create an editor (argon2 hash); exit 2 on a bad name or password, 1 if taken."""
    name = name.strip()
    if not _NAME.fullmatch(name):
        typer.echo(messages.CLI_EDITOR_BAD_NAME, err=True)
        raise typer.Exit(2)
    if len(password) < MIN_PASSWORD:
        typer.echo(messages.CLI_EDITOR_BAD_PASSWORD.format(n=MIN_PASSWORD), err=True)
        raise typer.Exit(2)
    db = _open(_settings())
    try:
        with db.transaction() as s:
            editors.add_editor(s, name, hash_password(password))
    except Conflict as exc:
        typer.echo(messages.CLI_EDITOR_EXISTS.format(name=name), err=True)
        raise typer.Exit(1) from exc
    finally:
        db.dispose()
    typer.echo(messages.CLI_EDITOR_CREATED.format(name=name))


def purge(days: int | None = None) -> None:
    """Blank IP addresses older than the retention period (YORUM_IP_RETENTION_DAYS, law 5651)."""
    settings = _settings()
    keep = settings.ip_retention_days if days is None else days
    if keep < 0:
        typer.echo(messages.CLI_CONFIG.format(reason="--days must not be negative"), err=True)
        raise typer.Exit(2)
    db = _open(settings)
    try:
        with db.transaction() as s:
            n = editors.purge_ips(s, days=keep)
    finally:
        db.dispose()
    typer.echo(messages.CLI_PURGED.format(n=n, days=keep))
