from typing import Callable, List, Optional


class Pending:
    def __init__(self, rows: List[List[float]], order: Optional[List[int]]) -> None:
        self._rows = rows
        self.callbacks: List[Callable[[List[List[float]]], List[List[float]]]] = []
        if order is not None:
            self.callbacks.append(lambda rows: [rows[i] for i in order])

    def wait(self) -> List[List[float]]:
        result = self._rows
        for callback in self.callbacks:
            result = callback(result)
        return result
