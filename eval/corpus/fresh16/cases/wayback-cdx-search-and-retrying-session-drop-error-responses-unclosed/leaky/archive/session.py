import time
from typing import Any

import requests


class RetryingSession(requests.Session):
    handleable = (requests.exceptions.ConnectionError, requests.exceptions.HTTPError)
    retryable_statuses = {413, 421, 500, 502, 503, 504, 599}

    def __init__(self, retries: int = 6, backoff: float = 2.0) -> None:
        super().__init__()
        self.retries = retries
        self.backoff = backoff

    def send(self, *args: Any, **kwargs: Any) -> requests.Response:
        attempt = 0
        while True:
            try:
                result = super().send(*args, **kwargs)
                if attempt >= self.retries or result.status_code not in self.retryable_statuses:
                    return result
            except self.handleable as error:  # LEAK
                if attempt >= self.retries:
                    raise
            if attempt > 0:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            attempt += 1
