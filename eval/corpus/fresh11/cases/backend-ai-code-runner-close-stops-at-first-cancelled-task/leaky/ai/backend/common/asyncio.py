import asyncio
from typing import Callable

current_loop: Callable[[], asyncio.AbstractEventLoop] = asyncio.get_running_loop
