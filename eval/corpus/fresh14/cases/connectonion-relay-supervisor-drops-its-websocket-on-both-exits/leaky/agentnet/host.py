import asyncio
import logging
import random
from typing import Any, Callable, Dict, Optional

from . import relay

log = logging.getLogger(__name__)


def create_relay_supervisor(relay_url: str, addr_data: Dict[str, Any],
                            make_announce: Callable[[], Dict[str, Any]],
                            session_handler: Optional[relay.SessionHandler] = None) -> Callable[[], Any]:
    async def relay_loop() -> None:
        failures = 0
        while True:
            try:
                ws = await relay.connect(relay_url)  # LEAK
                await relay.serve_loop(
                    ws, make_announce(), addr_data=addr_data, session_handler=session_handler
                )
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failures += 1
                delay = min(2 ** min(failures - 1, 5), 30)
                if failures > 1:
                    delay += random.uniform(0, 1.0)
                log.warning("relay connection error (%r); reconnecting in %.0fs", exc, delay)
                await asyncio.sleep(delay)
                continue
            await asyncio.sleep(1)

    return relay_loop
