from __future__ import annotations

import uuid
from typing import Any, Callable, Dict


class JobRunner:
    def __init__(self) -> None:
        self.running: Dict[str, dict] = {}

    def run(self, work: Callable[[], Any]) -> Any:
        job_id = uuid.uuid4().hex
        self.running[job_id] = {"status": "running"}
        try:
            return work()
        finally:
            self.running.pop(job_id, None)
