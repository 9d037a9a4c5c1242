import logging
import time
from typing import Any, Callable, Dict, Iterable


class ProxyLoggingMiddleware:
    def __init__(self, app: Callable[..., Iterable[bytes]], logger: logging.Logger) -> None:
        self.app = app
        self.logger = logger

    def log_request(self, env: Dict[str, Any], status: int, start: float) -> None:
        self.logger.info("%s %s %d %.3f", env.get("REQUEST_METHOD"), env.get("PATH_INFO"), status, time.time() - start)

    def __call__(self, env: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        start_time = time.time()
        try:
            iterable = self.app(env, start_response)
        except Exception:
            self.log_request(env, 500, start_time)
            raise
        self.log_request(env, 200, start_time)
        return iterable
