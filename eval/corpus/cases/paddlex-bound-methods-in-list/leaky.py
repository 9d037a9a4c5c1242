from __future__ import annotations

import json


class BaseResult(dict):
    def __init__(self, data: dict) -> None:
        super().__init__(data)
        self._save_funcs: list = []
        self._save_funcs.append(self.save_to_json)  # LEAK
        self._save_funcs.append(self.save_to_str)  # LEAK

    def save_to_json(self, path: str) -> None:
        with open(path + ".json", "w") as handle:
            json.dump(dict(self), handle)

    def save_to_str(self, path: str) -> None:
        with open(path + ".txt", "w") as handle:
            handle.write(str(dict(self)))

    def save_all(self, path: str) -> None:
        for func in self._save_funcs:
            func(path)
