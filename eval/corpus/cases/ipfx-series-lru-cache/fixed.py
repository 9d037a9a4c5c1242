from __future__ import annotations


class SweepData:
    def __init__(self, nwb_file, notebook) -> None:
        self.nwb = nwb_file
        self.notebook = notebook
        self._series_cache: dict[int, dict] = {}

    def _series(self, sweep_number: int) -> dict:
        if sweep_number not in self._series_cache:
            raw = self.nwb.acquisition[f"sweep_{sweep_number}"]
            self._series_cache[sweep_number] = {"data": raw.data[:], "rate": raw.rate}
        return self._series_cache[sweep_number]

    def sweep(self, sweep_number: int) -> dict:
        return self._series(sweep_number)
