from __future__ import annotations

import asyncio
import threading


class Live:
    _loop = None
    _thread = None
    _lock = threading.Lock()

    def __init__(self, key: str) -> None:
        self.key = key
        with Live._lock:
            if Live._loop is None:
                Live._loop = asyncio.new_event_loop()
                Live._thread = threading.Thread(target=Live._loop.run_forever, name="live-loop", daemon=True)
                Live._thread.start()
