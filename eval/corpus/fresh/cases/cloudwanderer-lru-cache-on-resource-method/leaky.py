from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path


class MergedServiceLoader:
    def __init__(self, definitions_path: Path, session) -> None:
        self.definitions_path = definitions_path
        self.session = session

    @property  # type: ignore[misc]
    @lru_cache()  # LEAK
    def custom_definitions(self) -> dict:
        return {p.stem: json.loads(p.read_text()) for p in self.definitions_path.glob("*.json")}

    @lru_cache()  # LEAK
    def get_service_definition(self, service_name: str) -> dict:
        merged = dict(self.session.get_service_definition(service_name))
        merged.update(self.custom_definitions.get(service_name, {}))
        return merged
