from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Set

import pandas as pd


class Traffic:
    """A collection of flights backed by one DataFrame."""

    def __init__(self, data: pd.DataFrame) -> None:
        self.data = data

    def __iter__(self) -> Iterator[pd.DataFrame]:
        for _, flight in self.data.groupby(["icao24", "callsign"]):
            yield flight

    @lru_cache()  # LEAK
    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property  # type: ignore
    @lru_cache()  # LEAK
    def start_time(self) -> pd.Timestamp:
        """The earliest timestamp in the DataFrame."""
        return self.data.timestamp.min()

    @property  # type: ignore
    @lru_cache()  # LEAK
    def end_time(self) -> pd.Timestamp:
        """The latest timestamp in the DataFrame."""
        return self.data.timestamp.max()

    @property  # type: ignore
    @lru_cache()  # LEAK
    def callsigns(self) -> Set[str]:
        """All the different callsigns in the DataFrame."""
        return set(self.data.query("callsign == callsign").callsign)
