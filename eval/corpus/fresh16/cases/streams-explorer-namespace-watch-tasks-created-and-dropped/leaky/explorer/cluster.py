import asyncio
import logging
from typing import Any, List, Optional

from .resources import WatchedKind, default_kinds

log = logging.getLogger(__name__)


class ClusterWatcher:
    def __init__(self, explorer: Any, apps: Any, batch: Any, namespaces: List[str]) -> None:
        self.explorer = explorer
        self.kinds = default_kinds(apps, batch, explorer)
        self.namespaces = namespaces

    async def watch(self) -> None:
        for kind in self.kinds:
            await asyncio.sleep(kind.delay)
            for namespace in self.namespaces:
                asyncio.create_task(self._watch_namespace(namespace, kind))  # LEAK

    async def _watch_namespace(self, namespace: str, kind: WatchedKind, version: Optional[int] = None) -> None:
        try:
            async for event in kind.lister(namespace, resource_version=version):
                await kind.callback(event)
        except Exception as exc:
            log.error("watch of %s in %s failed: %s", kind.type_name, namespace, exc)
            raise
