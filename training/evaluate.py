"""Evaluate the model (same as `yorum eval`), or measure what each step adds (--ablation)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from yorum.model.evaluate import ablation, main

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path, nargs="?", default=None)
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[1] / "../shared/data")
    parser.add_argument("--ablation", action="store_true", help="one 5-fold CV per step (slow)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.ablation:
        print(json.dumps(ablation(args.data.resolve(), args.seed), ensure_ascii=False, indent=1))
    else:
        main(args.file, args.data.resolve())
