from __future__ import annotations

import asyncio
import threading


class Live:
    _loop = asyncio.new_event_loop()  # LEAK
    _thread = threading.Thread(target=_loop.run_forever, name="live-loop", daemon=True)

    def __init__(self, key: str) -> None:
        self.key = key
        if not Live._thread.is_alive():
            Live._thread.start()
