from __future__ import annotations

import csv

_BAR_CACHE: dict = {}  # LEAK


def load_ticker_bars(ticker: str, root: str = "bars") -> list:
    if ticker not in _BAR_CACHE:
        with open(f"{root}/{ticker}.csv", newline="") as handle:
            _BAR_CACHE[ticker] = list(csv.DictReader(handle))  # LEAK
    return _BAR_CACHE[ticker]
