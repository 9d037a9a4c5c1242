from __future__ import annotations

import asyncio
from typing import Any

from .nexus_fs_core import NexusFSCoreMixin


class NexusFS(NexusFSCoreMixin):
    def __init__(self, backend, workflow_engine: Any = None) -> None:
        self.backend = backend
        self.workflow_engine = workflow_engine
        # webhook subscriptions (set by the server)
        self.subscription_manager: Any = None
        # event tasks stay referenced until done (their done callback removes them)
        self._event_tasks: "set[asyncio.Task]" = set()
