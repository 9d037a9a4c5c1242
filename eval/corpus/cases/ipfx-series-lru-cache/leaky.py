from __future__ import annotations

from functools import lru_cache


class SweepData:
    def __init__(self, nwb_file, notebook) -> None:
        self.nwb = nwb_file
        self.notebook = notebook

    @lru_cache(maxsize=None)  # LEAK
    def _series(self, sweep_number: int) -> dict:
        raw = self.nwb.acquisition[f"sweep_{sweep_number}"]
        return {"data": raw.data[:], "rate": raw.rate}

    def sweep(self, sweep_number: int) -> dict:
        return self._series(sweep_number)
