import threading
import time
from typing import Any, Dict, List, Optional

from .ticker import TickTimer


class RegisterPoller:
    def __init__(self, drive: Any, channels: int) -> None:
        self.drive = drive
        self.channels = channels
        self.period = 0.0
        self.size = 0
        self.timer: Optional[TickTimer] = None
        self.running = False
        self.mapping: Dict[int, Any] = {}
        self.lock = threading.Lock()
        self.stamps: List[float] = []
        self.samples: List[List[float]] = []

    def configure(self, period: float, size: int) -> None:
        if self.running:
            raise RuntimeError("poller is running")
        self.period = period
        self.size = size
        self.stamps = []
        self.samples = [[] for _ in range(self.channels)]

    def map_channel(self, channel: int, register: Any) -> None:
        if self.running:
            raise RuntimeError("poller is running")
        self.mapping[channel] = register

    def start(self) -> None:
        if self.running:
            raise RuntimeError("poller already running")
        self.timer = TickTimer(self.period, self._sample)
        self.timer.start()
        self.running = True

    def stop(self) -> None:
        if self.running and self.timer is not None:
            self.timer.cancel()
        self.running = False

    def _sample(self) -> None:
        with self.lock:
            self.stamps.append(time.monotonic())
            for channel, register in self.mapping.items():
                self.samples[channel].append(self.drive.read(register))
            if len(self.stamps) > self.size:
                del self.stamps[0]
                for row in self.samples:
                    if row:
                        del row[0]
