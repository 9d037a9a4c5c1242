import json
import os
from typing import Any, Dict


class Settings:
    def __init__(self, skill: Any) -> None:
        self._skill = skill  # LEAK
        self._settings: Dict[str, Any] = {}
        path = os.path.join(skill.root_dir, "settings.json")
        if os.path.exists(path):
            with open(path) as handle:
                self._settings = json.load(handle)

    def __getitem__(self, key: str) -> Any:
        return self._settings[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._settings[key] = value

    def as_dict(self) -> Dict[str, Any]:
        return dict(self._settings)

    def store(self) -> None:
        with open(os.path.join(self._skill.root_dir, "settings.json"), "w") as handle:
            json.dump(self._settings, handle)
