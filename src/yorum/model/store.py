"""The weights file: one ``.npz`` of plain arrays (no pickle), written by training, read at runtime.

Arrays: ``vocab_<block>`` (UTF-8 bytes, one feature a line), ``idf`` and ``coef`` (one row per
feature, blocks in order), ``block_weight``, ``intercept``, ``meta`` (UTF-8 JSON bytes).
Columns of ``coef``: the offensive logit (calibrated), then the four category logits; a model
whose ``meta`` lists its own ``outputs`` (the news-comment model) has one column per output.
Optional ``table_words`` / ``table_rows``: the scorer's per-word rows worked out in advance for
the words of the vocabulary (derived from the arrays above, so that a word's first sight is cheap).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from yorum.model.features import BLOCKS

F32 = npt.NDArray[np.float32]
WEIGHTS_NAME = "offensive-tr.npz"
OUTPUTS = ("offensive", "profanity", "insult", "group", "other")


@dataclass(frozen=True)
class Weights:
    """A loaded model: per-block vocabularies into one global feature index, and the arrays."""

    vocab: tuple[dict[str, int], ...]
    idf: F32
    block_of: npt.NDArray[np.int64]
    block_weight: F32
    coef: F32
    intercept: F32
    meta: dict[str, Any]
    table: dict[str, int] = field(default_factory=dict)  # word → row of table_rows
    table_rows: F32 = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(self.meta.get("outputs", OUTPUTS))

    @property
    def n_features(self) -> int:
        return int(self.idf.shape[0])


def _blob(items: list[str]) -> npt.NDArray[np.uint8]:
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def save(
    path: Path,
    vocab: list[list[str]],
    idf: npt.NDArray[np.floating[Any]],
    block_weight: npt.NDArray[np.floating[Any]],
    coef: npt.NDArray[np.floating[Any]],
    intercept: npt.NDArray[np.floating[Any]],
    meta: dict[str, Any],
    table: tuple[list[str], npt.NDArray[np.floating[Any]]] | None = None,
) -> None:
    """Write the model; ``vocab[b]`` lists block ``b``'s features in index order."""
    arrays: dict[str, Any] = {
        f"vocab_{name}": _blob(v) for name, v in zip(BLOCKS, vocab, strict=True)
    }
    arrays.update(
        idf=idf.astype(np.float32),
        block_weight=block_weight.astype(np.float32),
        coef=coef.astype(np.float32),
        intercept=intercept.astype(np.float32),
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8),
    )
    if table is not None:
        arrays.update(table_words=_blob(table[0]), table_rows=table[1].astype(np.float32))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            # A fixed timestamp, so that the same weights give the same bytes (and checksum).
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(arrays[name]), allow_pickle=False)
            zf.writestr(info, buffer.getvalue())


def load(path: Path) -> Weights:
    """Read a weights file written by :func:`save` (never unpickles)."""
    with np.load(path, allow_pickle=False) as data:
        vocab: list[dict[str, int]] = []
        blocks: list[npt.NDArray[np.int64]] = []
        start = 0
        for b, name in enumerate(BLOCKS):
            raw = data[f"vocab_{name}"].tobytes().decode("utf-8")
            items = raw.split("\n") if raw else []
            vocab.append(dict(zip(items, range(start, start + len(items)), strict=True)))
            blocks.append(np.full(len(items), b, dtype=np.int64))
            start += len(items)
        weights = Weights(
            vocab=tuple(vocab),
            idf=data["idf"].astype(np.float32),
            block_of=np.concatenate(blocks),
            block_weight=data["block_weight"].astype(np.float32),
            coef=np.ascontiguousarray(data["coef"], dtype=np.float32),
            intercept=data["intercept"].astype(np.float32),
            meta=json.loads(data["meta"].tobytes().decode("utf-8")),
        )
        if "table_words" in data:
            words = data["table_words"].tobytes().decode("utf-8").split("\n")
            rows = np.ascontiguousarray(data["table_rows"], dtype=np.float32)
            if rows.shape[0] != len(words):
                raise ValueError(f"{path}: table_rows do not match table_words")
            weights = replace(weights, table=dict(zip(words, range(len(words)), strict=True)))
            weights = replace(weights, table_rows=rows)
    if weights.coef.shape != (start, len(weights.outputs)) or weights.idf.shape != (start,):
        raise ValueError(f"{path}: arrays do not match the vocabulary ({start} features)")
    return weights
