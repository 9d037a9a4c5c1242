from __future__ import annotations

import functools
from typing import Any, Callable, Dict, List, Optional


def memoize(method: Callable[..., Any]) -> Callable[..., Any]:
    """Per-instance memoization: results are stored on the instance, not on the function."""
    attr = f"_memo_{method.__name__}"

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any) -> Any:
        cache = self.__dict__.setdefault(attr, {})
        if args not in cache:
            cache[args] = method(self, *args)
        return cache[args]

    return wrapper


class Push:
    def __init__(self, rev: str, branch: str = "autoland") -> None:
        self.rev = rev
        self.branch = branch
        self.tasks: List[Dict[str, str]] = [{"label": f"test-{n}", "result": "passed"} for n in range(1000)]

    @memoize
    def get_regressions(self, runnable_type: str) -> Dict[str, int]:
        """All regressions, both likely and definite."""
        return {t["label"]: 1 for t in self.tasks if runnable_type in t["label"] and t["result"] != "passed"}

    @memoize
    def get_shadow_scheduler_tasks(self, name: str) -> Optional[List[str]]:
        """Tasks the given shadow scheduler would have scheduled, or None if it did not run."""
        return [t["label"] for t in self.tasks if t["label"].startswith(name)] or None
