"""Reading the labelled data sets: OffensEval-TR (training), Mayda 2021 and JSONL (evaluation)."""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

OFFENSEVAL_DIR = "offenseval2020-tr"
OFFENSEVAL_FILE = "offenseval-tr-training-v1.troff-labels.tsv"
MAYDA_FILE = "tr-hate-speech-mayda2021/tr_hate_speech_mayda2021.csv"
FINE = ("prof", "ind", "grp", "oth")  # TROFF fine labels, in output order after "offensive"
OFF_LABELS = frozenset({"off", "offensive", "1", "true", "yes", "prof", "ind", "grp", "oth"})


@dataclass(frozen=True)
class Labelled:
    """Texts with a binary offensive label and, where known, a TROFF fine label ("" = unknown)."""

    texts: list[str]
    offensive: list[int]
    fine: list[str]
    source: str
    sha256: str

    def __len__(self) -> int:
        return len(self.texts)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_offenseval(data_dir: Path, drop_test_overlap: bool = True) -> Labelled:
    """OffensEval-TR training rows with TROFF fine labels (rows also in the test set dropped)."""
    path = data_dir / OFFENSEVAL_DIR / OFFENSEVAL_FILE
    texts: list[str] = []
    off: list[int] = []
    fine: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if drop_test_overlap and row[col["text_also_in_official_test"]] == "1":
                continue
            texts.append(row[col["tweet"]])
            off.append(int(row[col["subtask_a"]] == "OFF"))
            label = row[col["troff_label"]]
            fine.append(label if label in FINE or label == "non" else "")
    return Labelled(texts, off, fine, str(path), _digest(path))


def load_tsv(path: Path) -> Labelled:
    """OffensEval TSV: columns ``tweet`` and ``subtask_a`` (+ optional ``troff_label``)."""
    with path.open(encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    text_col = col.get("tweet", col.get("text", 1))
    label_col = col.get("subtask_a", col.get("label", len(header) - 1))
    fine_col = col.get("troff_label")
    texts = [r[text_col] for r in rows]
    off = [int(r[label_col].strip().lower() in OFF_LABELS) for r in rows]
    fine = [r[fine_col] if fine_col is not None else "" for r in rows]
    return Labelled(texts, off, fine, str(path), _digest(path))


def load_jsonl(path: Path) -> Labelled:
    """JSONL with ``text`` and ``label`` (OFF/NOT, 1/0, true/false, or a TROFF fine label)."""
    texts: list[str] = []
    off: list[int] = []
    fine: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            label = str(item["label"]).strip().lower()
            texts.append(str(item["text"]))
            off.append(int(label in OFF_LABELS))
            fine.append(label if label in FINE else ("non" if label not in OFF_LABELS else ""))
    return Labelled(texts, off, fine, str(path), _digest(path))


def load_labelled(path: Path) -> Labelled:
    return load_jsonl(path) if path.suffix in {".jsonl", ".json"} else load_tsv(path)


def load_mayda(data_dir: Path) -> tuple[list[str], list[str]]:
    """Mayda 2021 texts and a group each: "religion", "other" (hateful, not religious), "none"."""
    path = data_dir / MAYDA_FILE
    texts: list[str] = []
    groups: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["text"])
            if "dini" in row["sublabel"].split(","):
                groups.append("religion")
            elif row["label"] == "hiçbiri":
                groups.append("none")
            else:
                groups.append("other")
    return texts, groups
