from __future__ import annotations

import logging
from typing import Optional


class RateLimiter:
    SOCKET_LIMIT = 50

    def __init__(self) -> None:
        self.buckets: dict = {}

    def add_socket(self, server_details, capacity: int, refill: int, interval: float) -> None:
        self.buckets[server_details] = [capacity, refill, interval]


class RustSocket:
    def __init__(self, server_details, ratelimiter: Optional[RateLimiter] = None, command_options=None,
                 debug: bool = False) -> None:
        self.server_details = server_details
        self.command_options = command_options
        self.logger = logging.getLogger("rustplus.py")

        if not self.logger.handlers:
            console_handler = logging.StreamHandler()
            console_handler.setLevel(logging.DEBUG)
            console_handler.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s"))
            self.logger.addHandler(console_handler)
            self.logger.setLevel(logging.DEBUG)
        self.seq = 1
        self.ratelimiter = ratelimiter or RateLimiter()
        self.ratelimiter.add_socket(self.server_details, RateLimiter.SOCKET_LIMIT, RateLimiter.SOCKET_LIMIT, 1)

    def connection_interrupted(self, reason: str) -> None:
        self.logger.warning("Connection Interrupted: %s", reason)
