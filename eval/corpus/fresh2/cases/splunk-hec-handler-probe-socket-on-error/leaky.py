from __future__ import annotations

import logging
import socket
from typing import Any

import requests


class SplunkHecHandler(logging.Handler):
    URL_PATTERN = "{0}://{1}:{2}/services/collector{3}"
    TIMEOUT = 30

    def __init__(self, host: str, token: str, **kwargs: Any) -> None:
        self.host = host
        self.token = token
        self.port = int(kwargs.get("port", 443))
        self.proto = kwargs.get("proto", "https")
        self.endpoint = kwargs.get("endpoint", "")
        self.hostname = kwargs.get("hostname", socket.gethostname())
        try:
            s = socket.socket()  # LEAK
            s.settimeout(kwargs.get("timeout", self.TIMEOUT))
            s.connect((self.host, self.port))
            # the collector is reachable: set up the HTTP session
            self.r = requests.session()
            self.r.max_redirects = 1
            self.r.headers["Authorization"] = "Splunk {}".format(self.token)
            logging.Handler.__init__(self)
        except Exception as err:
            logging.debug("Failed to connect to remote Splunk server (%s:%s). Exception: %s",
                          self.host, self.port, err)
            raise err
        else:
            self.url = self.URL_PATTERN.format(self.proto, self.host, self.port, self.endpoint)
            s.close()

    def emit(self, record: logging.LogRecord) -> None:
        event = {"host": self.hostname, "event": {"message": record.getMessage()}}
        self.r.post(self.url, json=event, timeout=self.TIMEOUT, headers={"Connection": "close"})
