import asyncio
from typing import Any, Awaitable, Set
from weakref import WeakSet


class ValidationError(Exception):
    pass


class BaseService:
    def __init__(self) -> None:
        self._child_services: Set["BaseService"] = set()
        self._tasks: "WeakSet[asyncio.Future[Any]]" = WeakSet()
        self.is_running = False
        self.is_cancelled = False

    async def _run(self) -> None:
        raise NotImplementedError

    async def run(self) -> None:
        self.is_running = True
        try:
            await self._run()
        finally:
            self.is_running = False
            self.is_cancelled = True

    def run_task(self, awaitable: Awaitable[Any]) -> None:
        self._tasks.add(asyncio.ensure_future(awaitable))

    def run_child_service(self, child_service: "BaseService") -> None:
        if child_service.is_running or child_service.is_cancelled:
            raise ValidationError("%r cannot be started again" % (child_service,))
        self._child_services.add(child_service)  # LEAK
        self.run_task(child_service.run())

    async def cleanup(self) -> None:
        await asyncio.gather(
            *[child.cancel() for child in list(self._child_services)],
            *list(self._tasks),
            return_exceptions=True,
        )

    async def cancel(self) -> None:
        self.is_cancelled = True
        for task in list(self._tasks):
            task.cancel()
