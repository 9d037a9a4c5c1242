from __future__ import annotations

from functools import lru_cache
from typing import List, Optional


class Push:
    def __init__(self, rev: str, branch: str = "autoland") -> None:
        self.rev = rev
        self.branch = branch

    @property
    @lru_cache(maxsize=None)  # LEAK
    def tasks(self) -> List[dict]:
        return [{"label": f"test-{n}", "push": self.rev} for n in range(1000)]

    @property
    @lru_cache(maxsize=None)  # LEAK
    def parent(self) -> Optional["Push"]:
        return Push(self.rev + "^", self.branch)

    @lru_cache(maxsize=None)  # LEAK
    def get_regressions(self, option: str) -> List[str]:
        return [task["label"] for task in self.tasks if option in task["label"]]
