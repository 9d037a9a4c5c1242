from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Optional


class FileSync:
    def __init__(self, src_dir: str, dest_dir: str, sync_interval: float = 1.0, check_interval: float = 5.0) -> None:
        self.src_dir = src_dir
        self.dest_dir = dest_dir
        self.sync_interval = sync_interval
        self.check_interval = check_interval
        self.sync_timer: Optional[threading.Timer] = None
        self.check_timer: Optional[threading.Timer] = None
        self.running = False
        self.last_comparison_time = datetime.now()

    def process_batched_operations(self) -> None:
        pass

    def compare_directories(self) -> None:
        self.last_comparison_time = datetime.now()

    def schedule_batch_processing(self) -> None:
        if not self.running:
            return
        self.process_batched_operations()
        self.sync_timer = threading.Timer(self.sync_interval, self.schedule_batch_processing)
        self.sync_timer.start()

    def schedule_sanity_check(self) -> None:
        if self.last_comparison_time < datetime.now() - timedelta(seconds=5):
            self.compare_directories()
        self.check_timer = threading.Timer(self.check_interval, self.schedule_sanity_check)
        self.check_timer.start()

    def start(self) -> None:
        self.running = True
        self.schedule_batch_processing()
        self.schedule_sanity_check()

    def stop(self) -> None:
        self.running = False
        if self.sync_timer:
            self.sync_timer.cancel()
        if self.check_timer:
            self.check_timer.cancel()
