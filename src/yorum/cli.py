"""The `yorum` command: check comments, batch files, serve, train, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from yorum import messages

app = typer.Typer(
    help="yorum: moderate reader comments under the house rule.",
    no_args_is_help=True,
    add_completion=False,
)
editor_app = typer.Typer(help="Manage the editors who use the moderation queue.")
app.add_typer(editor_app, name="editor")

PolicyOpt = Annotated[
    Path | None, typer.Option("--policy", help="Policy TOML file (default: the shipped one).")
]


def _policy(path: Path | None) -> Any:
    from yorum.moderation.policy import PolicyError, default_policy, load_policy

    try:
        return load_policy(path) if path else default_policy()
    except PolicyError as exc:
        typer.echo(messages.ERR_POLICY.format(reason=exc), err=True)
        raise typer.Exit(2) from exc


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="The comment to check.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON.")] = False,
    input_file: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL file: one {id, text} per line.")
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write verdicts (JSONL).")
    ] = None,
    policy: PolicyOpt = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar (batch mode).")] = True,
) -> None:
    """Check one comment, or a JSONL file of comments with --input/--output."""
    from yorum.batch import run_batch
    from yorum.render import render_verdict

    pol = _policy(policy)
    if input_file is not None:
        out: TextIO
        if output_file is None:
            out = sys.stdout
            code = run_batch(input_file, out, pol, progress=progress)
        else:
            try:
                with output_file.open("w", encoding="utf-8") as out:
                    code = run_batch(input_file, out, pol, progress=progress)
            except OSError as exc:
                typer.echo(f"cannot write {output_file}: {exc}", err=True)
                raise typer.Exit(1) from exc
        raise typer.Exit(code)
    if text is None:
        if sys.stdin.isatty():
            typer.echo("Give a comment to check, or --input FILE.jsonl.", err=True)
            raise typer.Exit(2)
        text = sys.stdin.read()
    from yorum.moderation.engine import InputError, moderate

    if not text.strip():
        typer.echo(messages.ERR_EMPTY, err=True)
        raise typer.Exit(2)
    try:
        verdict = moderate(text, pol)
    except InputError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(verdict.to_dict(), ensure_ascii=False))
    else:
        typer.echo(render_verdict(text, verdict))
    raise typer.Exit(0 if verdict.decision == "approved" else 1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Start the web service (SQLite by default; YORUM_DATABASE_URL for PostgreSQL)."""
    from yorum.web.commands import serve as run_server

    run_server(host=host, port=port)


@editor_app.command("add")
def editor_add(
    name: Annotated[str, typer.Argument(help="The editor's login name.")],
    password: Annotated[
        str | None, typer.Option(help="Password (asked for when not given).")
    ] = None,
) -> None:
    """Create an editor who can log in to /moderation."""
    from yorum.web.commands import add_editor

    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    add_editor(name, password)


@app.command()
def purge(
    days: Annotated[
        int | None, typer.Option(help="Keep IP addresses this many days (default: the setting).")
    ] = None,
) -> None:
    """Erase stored IP addresses older than the retention period (law 5651)."""
    from yorum.web.commands import purge as run_purge

    run_purge(days)


@app.command()
def train(
    data: Annotated[Path, typer.Option(help="Folder of the shared data sets.")] = Path(
        "../shared/data"
    ),
    out: Annotated[Path | None, typer.Option(help="Where to write weights.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    only: Annotated[
        str, typer.Option(help="Which model: 'tweets' (OffensEval), 'comments' (news) or 'all'.")
    ] = "all",
    comments: Annotated[
        list[Path] | None,
        typer.Option(help="Folders of labelled news comments (default: the repository's)."),
    ] = None,
) -> None:
    """Rebuild the shipped models from the training data."""
    if only not in ("all", "tweets", "comments"):
        raise typer.BadParameter("--only must be all, tweets or comments")
    if only in ("all", "tweets"):
        from yorum.model.train import main as run_train

        run_train(data_dir=data, out_dir=out, seed=seed)
    if only in ("all", "comments"):
        from yorum.model.train_comments import COMMENT_SOURCES
        from yorum.model.train_comments import main as run_comments

        sources = comments or [Path(p) for p in COMMENT_SOURCES]
        run_comments(sources, out_dir=out, seed=seed, data_dir=data)


@app.command("eval")
def evaluate(
    file: Annotated[
        Path | None, typer.Argument(help="Labelled file (default: 5-fold CV of the training set).")
    ] = None,
    data: Annotated[Path, typer.Option(help="Folder of the shared data sets.")] = Path(
        "../shared/data"
    ),
) -> None:
    """Report macro-F1, per-category precision and recall, and a confusion table."""
    from yorum.model.evaluate import main as run_eval

    run_eval(file=file, data_dir=data)


if __name__ == "__main__":  # pragma: no cover
    app()
