from typing import Dict

import attrs


@attrs.define
class Track:
    name: str


@attrs.define
class Tracker:
    window_size: int = 5
    _track_objects: Dict[int, Track] = attrs.field(factory=dict)

    def assign(self, track_id: int) -> Track:
        if track_id not in self._track_objects:
            self._track_objects[track_id] = Track(f"track_{track_id}")
        return self._track_objects[track_id]

    def reset(self) -> None:
        self._track_objects.clear()
