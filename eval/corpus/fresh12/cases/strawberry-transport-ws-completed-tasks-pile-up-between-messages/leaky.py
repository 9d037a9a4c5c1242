import asyncio
import logging
from contextlib import suppress
from typing import Any, Dict, Optional


class Operation:
    __slots__ = ["handler", "id", "task", "completed"]

    def __init__(self, handler, operation_id: str) -> None:
        self.handler = handler
        self.id = operation_id
        self.task: Optional[asyncio.Task] = None
        self.completed = False


class BaseGraphQLTransportWSHandler:
    def __init__(self, websocket, schema, connection_init_wait_timeout: float = 60.0) -> None:
        self.websocket = websocket
        self.schema = schema
        self.connection_init_wait_timeout = connection_init_wait_timeout
        self.connection_init_timeout_task: Optional[asyncio.Task] = None
        self.operations: Dict[str, Operation] = {}
        self.task_logger = logging.getLogger("strawberry.ws")
        self.completed_tasks: list = []

    async def handle(self) -> None:
        self.connection_init_timeout_task = asyncio.create_task(self.handle_connection_init_timeout())
        try:
            async for message in self.websocket.iter_json():
                await self.handle_message(message)
        finally:
            for operation_id in list(self.operations.keys()):
                await self.cleanup_operation(operation_id)
            await self.reap_completed_tasks()

    async def handle_connection_init_timeout(self) -> None:
        task = asyncio.current_task()
        try:
            await asyncio.sleep(self.connection_init_wait_timeout)
            await self.websocket.close(code=4408, reason="Connection initialisation timeout")
        finally:
            self.completed_tasks.append(task)  # LEAK

    async def handle_message(self, message: Dict[str, Any]) -> None:
        try:
            if message["type"] == "subscribe":
                operation = Operation(self, message["id"])
                self.operations[operation.id] = operation
                operation.task = asyncio.create_task(self.run_operation(operation, message["payload"]))
            elif message["type"] == "complete":
                await self.cleanup_operation(message["id"])
        finally:
            await self.reap_completed_tasks()

    async def run_operation(self, operation: Operation, payload: Dict[str, Any]) -> None:
        try:
            async for result in self.schema.subscribe(payload["query"], payload.get("variables")):
                await self.websocket.send_json({"id": operation.id, "type": "next", "payload": result})
            await self.websocket.send_json({"id": operation.id, "type": "complete"})
        finally:
            # add this task to a list to be reaped later
            task = asyncio.current_task()
            self.completed_tasks.append(task)  # LEAK

    async def reap_completed_tasks(self) -> None:
        """Await tasks that have completed."""
        tasks, self.completed_tasks = self.completed_tasks, []
        for task in tasks:
            with suppress(BaseException):
                await task

    async def cleanup_operation(self, operation_id: str) -> None:
        operation = self.operations.pop(operation_id, None)
        if operation is None or operation.task is None:
            return
        operation.task.cancel()
        with suppress(BaseException):
            await operation.task
