from __future__ import annotations

import json


class BaseResult(dict):
    _save_funcs = ("save_to_json", "save_to_str")

    def __init__(self, data: dict) -> None:
        super().__init__(data)

    def save_to_json(self, path: str) -> None:
        with open(path + ".json", "w") as handle:
            json.dump(dict(self), handle)

    def save_to_str(self, path: str) -> None:
        with open(path + ".txt", "w") as handle:
            handle.write(str(dict(self)))

    def save_all(self, path: str) -> None:
        for name in self._save_funcs:
            getattr(self, name)(path)
