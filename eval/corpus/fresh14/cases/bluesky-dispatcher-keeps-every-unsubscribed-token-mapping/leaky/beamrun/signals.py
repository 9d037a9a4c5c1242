from itertools import count
from typing import Any, Callable, Dict, List, Tuple


class SignalTable:
    """Connects callables to named signals and hands out integer ids."""

    def __init__(self, allowed: Tuple[str, ...]) -> None:
        self._allowed = allowed
        self._ids = count()
        self._slots: Dict[str, Dict[int, Callable[..., Any]]] = {name: {} for name in allowed}
        self._owner: Dict[int, str] = {}

    def connect(self, signal: str, func: Callable[..., Any]) -> int:
        if signal not in self._allowed:
            raise ValueError(signal)
        cid = next(self._ids)
        self._slots[signal][cid] = func
        self._owner[cid] = signal
        return cid

    def disconnect(self, cid: int) -> None:
        signal = self._owner.pop(cid, None)
        if signal is not None:
            self._slots[signal].pop(cid, None)

    def emit(self, signal: str, *args: Any) -> List[BaseException]:
        failures: List[BaseException] = []
        for func in list(self._slots[signal].values()):
            try:
                func(*args)
            except Exception as exc:  # consumers must not stop the run
                failures.append(exc)
        return failures
