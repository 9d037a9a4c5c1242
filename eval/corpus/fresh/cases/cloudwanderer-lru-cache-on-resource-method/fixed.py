from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path


class MergedServiceLoader:
    def __init__(self, definitions_path: Path, session) -> None:
        self.definitions_path = definitions_path
        self.session = session
        self._service_definitions: dict[str, dict] = {}

    @cached_property
    def custom_definitions(self) -> dict:
        return {p.stem: json.loads(p.read_text()) for p in self.definitions_path.glob("*.json")}

    def get_service_definition(self, service_name: str) -> dict:
        if service_name not in self._service_definitions:
            merged = dict(self.session.get_service_definition(service_name))
            merged.update(self.custom_definitions.get(service_name, {}))
            self._service_definitions[service_name] = merged
        return self._service_definitions[service_name]
