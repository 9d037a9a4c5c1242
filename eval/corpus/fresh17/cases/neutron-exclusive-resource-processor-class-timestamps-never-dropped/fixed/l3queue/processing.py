import datetime
import queue
from typing import Any, Dict, Iterator, Optional


class ResourceUpdate:
    def __init__(self, id: str, priority: int, resource: Any = None,
                 timestamp: Optional[datetime.datetime] = None) -> None:
        self.id = id
        self.priority = priority
        self.resource = resource
        self.timestamp = timestamp or datetime.datetime.utcnow()

    def __lt__(self, other: "ResourceUpdate") -> bool:
        if self.priority != other.priority:
            return self.priority < other.priority
        return self.timestamp < other.timestamp


class ExclusiveResourceProcessor:
    """The first processor created for an id owns that resource until it exits."""

    _primaries: Dict[str, "ExclusiveResourceProcessor"] = {}
    _resource_timestamps: Dict[str, datetime.datetime] = {}

    def __init__(self, id: str) -> None:
        self._id = id
        if id not in self._primaries:
            self._primaries[id] = self
            self._queue: "queue.PriorityQueue[ResourceUpdate]" = queue.PriorityQueue(-1)
        self._primary = self._primaries[id]

    def _i_am_primary(self) -> bool:
        return self is self._primary

    def __enter__(self) -> "ExclusiveResourceProcessor":
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._i_am_primary():
            del self._primaries[self._id]
            self._resource_timestamps.pop(self._id, None)

    def _get_resource_data_timestamp(self) -> datetime.datetime:
        return self._resource_timestamps.get(self._id, datetime.datetime.min)

    def fetched_and_processed(self, timestamp: datetime.datetime) -> None:
        new_timestamp = max(timestamp, self._get_resource_data_timestamp())
        self._resource_timestamps[self._id] = new_timestamp

    def queue_update(self, update: ResourceUpdate) -> None:
        self._primary._queue.put(update)

    def updates(self) -> Iterator[ResourceUpdate]:
        if not self._i_am_primary():
            return
        while not self._queue.empty():
            update = self._queue.get()
            if update.timestamp >= self._get_resource_data_timestamp():
                yield update
