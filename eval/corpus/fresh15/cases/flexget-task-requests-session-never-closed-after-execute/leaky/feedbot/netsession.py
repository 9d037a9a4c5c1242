import time
from typing import Any, Dict, Optional
from urllib.parse import urlparse

import requests


class DomainLimiter:
    def __init__(self, domain: str, interval: float) -> None:
        self.domain = domain
        self.interval = interval
        self._last = 0.0

    def wait(self) -> None:
        delay = self._last + self.interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()


class Session(requests.Session):
    """A requests session with a default timeout, retries and per-domain limits."""

    def __init__(self, timeout: int = 30, max_retries: int = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.timeout = timeout
        self.adapters["http://"].max_retries = max_retries
        self.adapters["https://"].max_retries = max_retries
        self.domain_limiters: Dict[str, DomainLimiter] = {}
        self.headers.update({"User-Agent": "feedbot/3"})

    def add_domain_limiter(self, domain: str, interval: float) -> None:
        self.domain_limiters[domain] = DomainLimiter(domain, interval)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", self.timeout)
        limiter: Optional[DomainLimiter] = self.domain_limiters.get(urlparse(url).netloc)
        if limiter is not None:
            limiter.wait()
        response = super().request(method, url, *args, **kwargs)
        response.raise_for_status()
        return response
