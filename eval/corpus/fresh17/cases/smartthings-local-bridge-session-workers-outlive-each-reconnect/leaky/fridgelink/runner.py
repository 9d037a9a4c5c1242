import signal
import threading
from typing import Any, List

from .bridge import ApplianceBridge


def serve(bridges: List[ApplianceBridge]) -> None:
    stopping = threading.Event()

    def shutdown(*_: Any) -> None:
        stopping.set()
        for bridge in bridges:
            bridge.stop.set()
            try:
                bridge.publish("availability", "offline")
            except Exception:
                pass

    signal.signal(signal.SIGTERM, shutdown)
    threads = [threading.Thread(target=bridge.run, name=bridge.name) for bridge in bridges]
    for thread in threads:
        thread.start()
    stopping.wait()
    for thread in threads:
        thread.join()
