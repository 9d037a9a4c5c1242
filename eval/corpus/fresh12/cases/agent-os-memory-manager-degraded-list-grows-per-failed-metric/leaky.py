import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MemoryDegradation:
    component: str
    operation: str
    error: str
    count: int = 1

    def as_dict(self) -> Dict[str, Union[str, int]]:
        payload: Dict[str, Union[str, int]] = {"component": self.component, "operation": self.operation,
                                               "error": self.error}
        if self.count > 1:
            payload["count"] = self.count
        return payload


@dataclass
class MemoryManager:
    agent_id: str
    db_path: Path
    store: Any
    degraded: List[MemoryDegradation] = field(default_factory=list, init=False)

    def _record_degradation(self, *, component: str, operation: str, error: Exception) -> None:
        message = str(error)
        self.degraded.append(MemoryDegradation(component=component, operation=operation, error=message))  # LEAK
        log.warning("memory_manager.degraded agent=%s component=%s operation=%s error=%s",
                    self.agent_id, component, operation, message)

    async def status(self) -> Dict[str, Any]:
        async def metric(component: str, operation: str, fn: Any, default: Any) -> Any:
            try:
                return await fn()
            except Exception as exc:
                self._record_degradation(component=component, operation=operation, error=exc)
                return default

        status: Dict[str, Any] = {
            "agent_id": self.agent_id,
            "db_path": str(self.db_path),
            "file_count": await metric("store", "file_count", self.store.file_count, 0),
            "chunk_count": await metric("store", "chunk_count", self.store.chunk_count, 0),
            "total_size_bytes": await metric("store", "total_size", self.store.total_size, 0),
            "source_counts": await metric("store", "source_counts", self.store.source_counts, {}),
        }
        status["degraded"] = [d.as_dict() for d in self.degraded]
        return status
