import datetime
from typing import Any, Dict


class ResourceProcessor:
    _owners: Dict[str, "ResourceProcessor"] = {}
    _timestamps: Dict[str, datetime.datetime] = {}

    def __init__(self, resource_id: str) -> None:
        self.resource_id = resource_id
        self._owner = self._owners.setdefault(resource_id, self)

    def __enter__(self) -> "ResourceProcessor":
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._owner is self:
            self._owners.pop(self.resource_id, None)
            self._timestamps.pop(self.resource_id, None)

    def processed(self, when: datetime.datetime) -> None:
        last = self._timestamps.get(self.resource_id, datetime.datetime.min)
        self._timestamps[self.resource_id] = max(when, last)
