from __future__ import annotations

from fysom import Fysom


class Door:
    def __init__(self) -> None:
        self.opened_count = 0
        self.state_machine = Fysom(
            initial="closed",
            events=[("open", "closed", "opened"), ("close", "opened", "closed")],
            callbacks={"onopened": self._on_opened, "onclosed": self._on_closed},
        )

    def _on_opened(self, *args) -> None:
        self.opened_count += 1

    def _on_closed(self, *args) -> None:
        pass
