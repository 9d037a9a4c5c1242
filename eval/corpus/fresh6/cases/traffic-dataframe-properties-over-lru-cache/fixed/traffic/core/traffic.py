from __future__ import annotations

from typing import Iterator, Set

import pandas as pd

from .cache import property_cache


class Traffic:
    """A collection of flights backed by one DataFrame."""

    def __init__(self, data: pd.DataFrame) -> None:
        self.data = data

    def __iter__(self) -> Iterator[pd.DataFrame]:
        for _, flight in self.data.groupby(["icao24", "callsign"]):
            yield flight

    @property_cache
    def length(self) -> int:
        return sum(1 for _ in self)

    def __len__(self) -> int:
        return self.length

    @property_cache
    def start_time(self) -> pd.Timestamp:
        """The earliest timestamp in the DataFrame."""
        return self.data.timestamp.min()

    @property_cache
    def end_time(self) -> pd.Timestamp:
        """The latest timestamp in the DataFrame."""
        return self.data.timestamp.max()

    @property_cache
    def callsigns(self) -> Set[str]:
        """All the different callsigns in the DataFrame."""
        return set(self.data.query("callsign == callsign").callsign)
