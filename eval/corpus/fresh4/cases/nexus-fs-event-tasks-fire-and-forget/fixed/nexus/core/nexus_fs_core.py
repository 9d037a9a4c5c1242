from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

logger = logging.getLogger(__name__)


class NexusFSCoreMixin:
    """Write and delete operations; expects workflow_engine and subscription_manager on self."""

    workflow_engine: Any
    subscription_manager: Any
    _event_tasks: set

    def _create_tracked_event_task(self, coro: Any, timeout: float = 30.0,
                                   name: Optional[str] = None) -> asyncio.Task:
        """A task kept in self._event_tasks until done, bounded by a timeout."""

        async def wrapped_coro() -> Any:
            try:
                return await asyncio.wait_for(coro, timeout=timeout)
            except asyncio.TimeoutError:
                logger.warning("Event task timed out after %ss: %s", timeout, name or "unnamed")
            except Exception as e:
                logger.error("Event task failed: %s: %s", name or "unnamed", e)
            return None

        task = asyncio.create_task(wrapped_coro(), name=name)
        self._event_tasks.add(task)
        task.add_done_callback(self._event_tasks.discard)
        return task

    def _fire_events(self, trigger: str, event_context: dict) -> None:
        try:
            asyncio.get_running_loop()
            self._create_tracked_event_task(self.workflow_engine.fire_event(trigger, event_context),
                                            name="workflow:" + trigger)
            if self.subscription_manager:
                self._create_tracked_event_task(
                    self.subscription_manager.broadcast(trigger, event_context,
                                                        event_context.get("tenant_id", "default")),
                    name="webhook:" + trigger,
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
