from __future__ import annotations

from functools import cached_property
from typing import Set

import pandas as pd


class Traffic:
    def __init__(self, data: pd.DataFrame) -> None:
        self.data = data

    @cached_property
    def start_time(self) -> pd.Timestamp:
        return self.data.timestamp.min()

    @cached_property
    def end_time(self) -> pd.Timestamp:
        return self.data.timestamp.max()

    @cached_property
    def callsigns(self) -> Set[str]:
        return set(self.data.callsign.dropna())
