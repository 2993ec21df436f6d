"""Moderating a JSONL file: one {"id", "text", ...} per line in, the same plus the verdict out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from yorum import messages
from yorum.moderation.engine import InputError, moderate
from yorum.moderation.policy import Policy


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def _parse(line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from exc
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    if not isinstance(item.get("text"), str):
        raise ValueError("field 'text' missing or not a string")
    return item


def moderate_line(line: str, policy: Policy) -> dict[str, Any]:
    item = _parse(line)
    try:
        verdict = moderate(item["text"], policy)
    except InputError as exc:
        raise ValueError(str(exc)) from exc
    return {**item, **verdict.to_dict()}


def run_batch(path: Path, out: TextIO, policy: Policy, progress: bool = True) -> int:
    """Moderate every line; bad lines are reported on stderr by number and skipped.

    Returns the exit code: 0 when every line was moderated, 1 when some were skipped,
    2 when the input could not be read at all.
    """
    try:
        total = _count_lines(path)
        fh = path.open("rb")
    except OSError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2
    bad = done = 0
    columns = (
        TextColumn("moderating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    console = Console(stderr=True)
    with fh, Progress(*columns, console=console, disable=not progress) as bar:
        task = bar.add_task("moderating", total=total)
        for number, raw in enumerate(fh, start=1):
            bar.advance(task)
            if not raw.strip():
                continue
            try:
                result = moderate_line(raw.decode("utf-8"), policy)
            except (ValueError, UnicodeError) as exc:
                bad += 1
                console.print(
                    messages.ERR_BAD_JSON_LINE.format(line=number, reason=exc),
                    markup=False,
                    highlight=False,
                )
                continue
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            done += 1
    print(f"{done} comments moderated, {bad} lines skipped", file=sys.stderr)
    return 1 if bad else 0
