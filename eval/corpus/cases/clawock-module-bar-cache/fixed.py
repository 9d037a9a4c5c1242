from __future__ import annotations

import csv
import functools


@functools.lru_cache(maxsize=256)
def load_ticker_bars(ticker: str, root: str = "bars") -> tuple:
    with open(f"{root}/{ticker}.csv", newline="") as handle:
        return tuple(csv.DictReader(handle))
