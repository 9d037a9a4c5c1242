from __future__ import annotations


class Schema:
    def __init__(self, fields: dict, context: dict | None = None) -> None:
        self.fields = fields
        self.context = context or {}

    def _has_processors(self, tag: str) -> bool:
        return any(getattr(field, "tag", None) == tag for field in self.fields.values())

    def load(self, data: dict) -> dict:
        if self._has_processors("pre_load"):
            data = dict(data)
        return {name: data.get(name) for name in self.fields}
