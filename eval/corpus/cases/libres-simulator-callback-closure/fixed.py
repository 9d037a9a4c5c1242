from __future__ import annotations

import weakref


class BatchSimulator:
    def __init__(self, config: dict, controls: dict, results: list, callback=None) -> None:
        self.config = config
        self.control_keys = tuple(controls)
        self.result_keys = tuple(results)
        self.finished: list = []
        self._callback = weakref.ref(callback) if callback is not None else None

    def notify(self, *args, **kwargs) -> None:
        self.finished.append((args, kwargs))
        callback = self._callback() if self._callback is not None else None
        if callback is not None:
            callback(*args, **kwargs)
