from __future__ import annotations

import traceback
from typing import Any, Callable, Dict, List


class JobRunner:
    def __init__(self) -> None:
        self.failures: List[Dict[str, str]] = []

    def run(self, name: str, job: Callable[[], Any]) -> Any:
        try:
            return job()
        except Exception as exc:
            self.failures.append({"job": name, "error": repr(exc), "traceback": traceback.format_exc()})
            return None
