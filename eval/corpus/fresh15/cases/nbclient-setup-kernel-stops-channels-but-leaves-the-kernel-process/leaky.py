import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, List, Optional

from jupyter_client.manager import AsyncKernelManager

log = logging.getLogger("nbrun")


class NotebookRunner:
    def __init__(self, nb: Dict[str, Any], kernel_name: str = "python3", startup_timeout: float = 60) -> None:
        self.nb = nb
        self.kernel_name = kernel_name
        self.startup_timeout = startup_timeout
        self.extra_arguments: List[str] = []
        self.km: Optional[AsyncKernelManager] = None
        self.kc: Any = None

    def start_kernel_manager(self) -> AsyncKernelManager:
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        self.km.client_class = "jupyter_client.asynchronous.AsyncKernelClient"
        return self.km

    async def start_new_kernel_client(self, **kwargs: Any) -> Any:
        assert self.km is not None
        await self.km.start_kernel(extra_arguments=self.extra_arguments, **kwargs)  # LEAK
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            await self.kc.wait_for_ready(timeout=self.startup_timeout)
        except RuntimeError:
            self.kc.stop_channels()
            await self.km.shutdown_kernel()
            raise
        self.kc.allow_stdin = False
        return self.kc

    @asynccontextmanager
    async def setup_kernel(self, **kwargs: Any) -> AsyncIterator[None]:
        if self.km is None:
            self.start_kernel_manager()
        assert self.km is not None
        if not self.km.has_kernel:
            await self.start_new_kernel_client(**kwargs)
        try:
            yield
        finally:
            self.kc.stop_channels()
            self.kc = None

    async def execute_cell(self, cell: Dict[str, Any], index: int) -> None:
        if cell.get("cell_type") != "code":
            return
        msg_id = self.kc.execute(cell["source"])
        reply = await self.kc.get_shell_msg(timeout=None)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = await self.kc.get_shell_msg(timeout=None)
        cell["execution_count"] = reply["content"].get("execution_count")

    async def execute(self, **kwargs: Any) -> Dict[str, Any]:
        async with self.setup_kernel(**kwargs):
            log.info("Executing notebook with kernel: %s", self.kernel_name)
            for index, cell in enumerate(self.nb["cells"]):
                await self.execute_cell(cell, index)
        return self.nb
