import logging
import threading
from typing import Any, Callable, Optional

from .workers import PeriodicWorker, Pinger

log = logging.getLogger(__name__)


class ApplianceBridge:
    def __init__(self, name: str, open_session: Callable[[], Any], publish: Callable[[str, Any], None]) -> None:
        self.name = name
        self.open_session = open_session
        self.publish = publish
        self.stop = threading.Event()
        self.pinger: Optional[Pinger] = None

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.session_once()
            except Exception:
                log.exception("%s: session failed, reconnecting", self.name)
            self.stop.wait(5.0)

    def session_once(self) -> None:
        session = self.open_session()
        poller = PeriodicWorker(30.0, lambda: self.publish("state", session.read_state()))
        pinger = Pinger(session, 20.0)
        pinger.on_unreachable = lambda: self.publish("availability", "offline")
        pinger.on_reachable = lambda: self.publish("availability", "online")
        refresher = PeriodicWorker(6 * 3600.0, session.refresh_observers)
        self.pinger = pinger
        threading.Thread(target=poller.run_forever, args=(self.stop,), daemon=True, name=self.name + "-poll").start()  # LEAK
        threading.Thread(target=pinger.run_forever, args=(self.stop,), daemon=True, name=self.name + "-ping").start()  # LEAK
        threading.Thread(target=refresher.run_forever, args=(self.stop,), daemon=True, name=self.name + "-refresh").start()  # LEAK
        try:
            session.join()
        finally:
            self.pinger = None
