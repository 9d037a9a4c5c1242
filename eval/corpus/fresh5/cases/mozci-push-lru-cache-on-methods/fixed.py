from __future__ import annotations

from typing import Any, Callable, List, Optional


class memoized_property:
    """Computes the value once per instance and stores it in the instance's __dict__."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class Push:
    def __init__(self, rev: str, branch: str = "autoland") -> None:
        self.rev = rev
        self.branch = branch
        self._regressions: dict = {}

    @memoized_property
    def tasks(self) -> List[dict]:
        return [{"label": f"test-{n}", "push": self.rev} for n in range(1000)]

    @memoized_property
    def parent(self) -> Optional["Push"]:
        return Push(self.rev + "^", self.branch)

    def get_regressions(self, option: str) -> List[str]:
        if option not in self._regressions:
            self._regressions[option] = [task["label"] for task in self.tasks if option in task["label"]]
        return self._regressions[option]
