"""Rebuild the shipped model (same as `yorum train`): python training/train.py [--data DIR]."""

from __future__ import annotations

import argparse
from pathlib import Path

from yorum.model.train import main

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[1] / "../shared/data")
    parser.add_argument("--out", type=Path, default=None, help="default: the package's weights/")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    main(args.data.resolve(), args.out, args.seed)
