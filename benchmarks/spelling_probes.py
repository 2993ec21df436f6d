"""Spelling on hand-written comments whose every misspelt word is labelled with its correction.

``data/spelling_probes/*.jsonl`` rows: ``text``, ``lang``, ``expect`` ([] or ["spelling"]) and
``wrong`` ({misspelt span as written: correct form}). Each set was written by a writer who had
not seen the engine or its lists. Reported per set: correct comments left alone (no spelling
finding at any severity), misspelt comments caught, labelled words found (a finding span that
overlaps the word), and of those found, the share whose first suggestion is the right form.

    .venv/bin/python -m benchmarks.spelling_probes [FILE ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yorum

PROBES = Path(__file__).parent / "data" / "spelling_probes"


def _spelling(text: str) -> list[dict[str, Any]]:
    """The spelling errors the engine reports: word, span and suggestion."""
    verdict = yorum.moderate(text).to_dict()
    out: list[dict[str, Any]] = []
    for v in verdict["violations"]:
        if v["rule"] == "spelling":
            fixes = {tuple(f["span"]): f["replacement"] for f in v.get("fixes", [])}
            out += [{"span": tuple(s), "fix": fixes.get(tuple(s))} for s in v["spans"]]
    return out


def _where(text: str, word: str) -> tuple[int, int] | None:
    at = text.find(word)
    return None if at < 0 else (at, at + len(word))


def run(path: Path, verbose: bool = True) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    clean_n = clean_ok = bad_n = bad_hit = words_n = words_hit = fixed = 0
    notes: list[str] = []
    for row in rows:
        text, wrong = row["text"], row.get("wrong") or {}
        errors = _spelling(text)
        if not wrong:
            clean_n += 1
            clean_ok += not errors
            if errors:
                flagged = [text[a:b] for a, b in (e["span"] for e in errors)]
                notes.append(f"false flag {row['id']}: {flagged} {text}")
            continue
        bad_n += 1
        bad_hit += bool(errors)
        for word, right in wrong.items():
            words_n += 1
            span = _where(text, word)
            hit = next(
                (e for e in errors if span and e["span"][0] < span[1] and span[0] < e["span"][1]),
                None,
            )
            if hit is None:
                notes.append(f"missed {row['id']}: {word!r} → {right!r} in {text}")
                continue
            words_hit += 1
            if (hit["fix"] or "").lower() == right.lower():
                fixed += 1
    result = {
        "correct_left_alone": round(clean_ok / max(clean_n, 1), 4),
        "misspelt_caught": round(bad_hit / max(bad_n, 1), 4),
        "words_found": round(words_hit / max(words_n, 1), 4),
        "right_suggestion": round(fixed / max(words_hit, 1), 4),
        "n_correct": clean_n,
        "n_misspelt": bad_n,
        "n_words": words_n,
    }
    if verbose:
        print(json.dumps(result, indent=2))
        print("\n".join(notes))
    return result


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or sorted(PROBES.glob("*.jsonl"))
    for path in files:
        print(f"== {path.name}")
        run(path)


if __name__ == "__main__":
    main()
