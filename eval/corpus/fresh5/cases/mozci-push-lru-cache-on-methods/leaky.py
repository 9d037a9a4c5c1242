from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional


class Push:
    def __init__(self, rev: str, branch: str = "autoland") -> None:
        self.rev = rev
        self.branch = branch
        self.tasks: List[Dict[str, str]] = [{"label": f"test-{n}", "result": "passed"} for n in range(1000)]

    @lru_cache(maxsize=None)  # LEAK
    def get_regressions(self, runnable_type: str) -> Dict[str, int]:
        """All regressions, both likely and definite."""
        return {t["label"]: 1 for t in self.tasks if runnable_type in t["label"] and t["result"] != "passed"}

    @lru_cache(maxsize=None)  # LEAK
    def get_shadow_scheduler_tasks(self, name: str) -> Optional[List[str]]:
        """Tasks the given shadow scheduler would have scheduled, or None if it did not run."""
        return [t["label"] for t in self.tasks if t["label"].startswith(name)] or None
