from __future__ import annotations

import logging

import requests
from requests.adapters import BaseAdapter


class FileAdapter(BaseAdapter):
    def send(self, request, **kwargs):
        raise NotImplementedError

    def close(self) -> None:
        pass


class SoapTransport:
    """Handles all communication with the SOAP server."""

    def __init__(self, cache=None, timeout: int = 300, operation_timeout=None, session=None) -> None:
        self.cache = cache
        self.load_timeout = timeout
        self.operation_timeout = operation_timeout
        self.logger = logging.getLogger(__name__)

        self.session = session or requests.Session()  # LEAK
        self.session.mount("file://", FileAdapter())
        self.session.headers["User-Agent"] = "soapclient/1.0"

    def get(self, address: str, params: dict, headers: dict):
        return self.session.get(address, params=params, headers=headers, timeout=self.operation_timeout)

    def post(self, address: str, message: bytes, headers: dict):
        if self.logger.isEnabledFor(logging.DEBUG):
            self.logger.debug("HTTP POST to %s:\n%s", address, message.decode("utf-8", "replace"))
        return self.session.post(address, data=message, headers=headers, timeout=self.operation_timeout)
