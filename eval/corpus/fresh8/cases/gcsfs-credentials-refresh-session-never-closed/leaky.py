from __future__ import annotations

import logging
import threading

import requests
from google.auth.transport.requests import Request

logger = logging.getLogger("cloudfs.credentials")


class CloudCredentials:
    def __init__(self, credentials=None) -> None:
        self.credentials = credentials
        self.heads: dict = {}
        self.lock = threading.Lock()

    def maybe_refresh(self) -> None:
        # blocking: uses requests
        if self.credentials is None:
            return  # anonymous
        if self.credentials.valid:
            return
        req = Request(requests.Session())  # LEAK
        with self.lock:
            if self.credentials.valid:
                return  # another thread refreshed meanwhile
            logger.debug("token refresh")
            self.credentials.refresh(req)
            self.apply(self.heads)

    def apply(self, out: dict) -> None:
        """Insert the credential headers into a dictionary, refreshing first if needed."""
        self.maybe_refresh()
        if self.credentials is not None:
            self.credentials.apply(out)
