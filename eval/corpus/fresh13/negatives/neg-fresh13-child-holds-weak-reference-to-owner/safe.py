import weakref
from typing import Any, Dict, Optional


class TrialNode:
    def __init__(self, trial: "Trial") -> None:
        self._trial = weakref.ref(trial)

    @property
    def trial(self) -> Optional["Trial"]:
        return self._trial()


class Trial:
    def __init__(self) -> None:
        self.node = TrialNode(self)
        self.data: Dict[str, Any] = {}
