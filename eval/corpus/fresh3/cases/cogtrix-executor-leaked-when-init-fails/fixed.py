from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any


class ChatSessionManager:
    def __init__(self, data_dir: str) -> None:
        if not data_dir:
            raise ValueError("missing data dir")
        self.data_dir = data_dir


class WorkflowRegistry:
    def __init__(self, config: dict) -> None:
        self.workflows = dict(config["workflows"])


class AssistantService:
    def __init__(self, config: dict, data_dir: str, max_concurrent: int = 10) -> None:
        self._executor = ThreadPoolExecutor(max_workers=max_concurrent, thread_name_prefix="asst_svc_worker")
        try:
            self._session_manager = ChatSessionManager(data_dir)
            self._workflow_registry = WorkflowRegistry(config)
        except Exception:
            # the instance will never be returned: release its worker threads now
            self._executor.shutdown(wait=False)
            raise

    def submit(self, job: Any) -> Any:
        return self._executor.submit(job)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
