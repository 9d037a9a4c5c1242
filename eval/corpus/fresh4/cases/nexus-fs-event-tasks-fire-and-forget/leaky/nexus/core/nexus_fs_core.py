from __future__ import annotations

import asyncio
import logging
from typing import Any

logger = logging.getLogger(__name__)


class NexusFSCoreMixin:
    """Write and delete operations; expects workflow_engine and subscription_manager on self."""

    workflow_engine: Any
    subscription_manager: Any

    def _fire_events(self, trigger: str, event_context: dict) -> None:
        try:
            asyncio.get_running_loop()
            asyncio.create_task(self.workflow_engine.fire_event(trigger, event_context))  # LEAK
            if self.subscription_manager:
                asyncio.create_task(  # LEAK
                    self.subscription_manager.broadcast(trigger, event_context,
                                                        event_context.get("tenant_id", "default"))
                )
        except RuntimeError:
            # no running loop (synchronous caller): run the workflow to completion here
            asyncio.run(self.workflow_engine.fire_event(trigger, event_context))

    def write(self, path: str, content: bytes, tenant_id: str = "default") -> None:
        self.backend.write(path, content)
        if self.workflow_engine:
            self._fire_events("file_write", {"file_path": path, "size": len(content), "tenant_id": tenant_id})

    def delete(self, path: str, tenant_id: str = "default") -> None:
        self.backend.delete(path)
        if self.workflow_engine:
            self._fire_events("file_delete", {"file_path": path, "tenant_id": tenant_id})
