import logging
import threading
import time
from typing import Any, Callable, List, Optional

from .workers import PeriodicWorker, Pinger

log = logging.getLogger(__name__)

JOIN_WITHIN = 2.0


class ApplianceBridge:
    def __init__(self, name: str, open_session: Callable[[], Any], publish: Callable[[str, Any], None]) -> None:
        self.name = name
        self.open_session = open_session
        self.publish = publish
        self.stop = threading.Event()
        self.pinger: Optional[Pinger] = None
        self._session_lock = threading.Lock()
        self._session_stop: Optional[threading.Event] = None

    def request_stop(self) -> None:
        self.stop.set()
        with self._session_lock:
            if self._session_stop is not None:
                self._session_stop.set()

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
        session_stop = threading.Event()
        with self._session_lock:
            self._session_stop = session_stop
            if self.stop.is_set():
                session_stop.set()
        workers = (
            threading.Thread(target=poller.run_forever, args=(session_stop,), daemon=True, name=self.name + "-poll"),
            threading.Thread(target=pinger.run_forever, args=(session_stop,), daemon=True, name=self.name + "-ping"),
            threading.Thread(target=refresher.run_forever, args=(session_stop,), daemon=True, name=self.name + "-refresh"),
        )
        started: List[threading.Thread] = []
        try:
            for worker in workers:
                worker.start()
                started.append(worker)
            session.join()
        finally:
            pinger.on_reachable = None
            pinger.on_unreachable = None
            session_stop.set()
            deadline = time.monotonic() + JOIN_WITHIN
            for worker in started:
                worker.join(max(0.0, deadline - time.monotonic()))
                if worker.is_alive():
                    log.warning("session worker did not stop: %s", worker.name)
            self.pinger = None
            with self._session_lock:
                if self._session_stop is session_stop:
                    self._session_stop = None
