from __future__ import annotations


class BatchSimulator:
    def __init__(self, config: dict, controls: dict, results: list) -> None:
        self.config = config
        self.control_keys = tuple(controls)
        self.result_keys = tuple(results)
        self.finished: list = []

        def callback(*args, **kwargs) -> None:  # LEAK
            self.finished.append((args, kwargs))

        self.callback = callback  # LEAK
