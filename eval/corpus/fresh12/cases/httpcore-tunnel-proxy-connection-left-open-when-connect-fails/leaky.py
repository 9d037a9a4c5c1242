import logging
from typing import Dict, List, Optional, Tuple

logger = logging.getLogger("httpcore")


class ProxyError(Exception):
    pass


class HTTPConnection:
    def __init__(self, origin: Tuple[bytes, bytes, int], socket=None) -> None:
        self.origin = origin
        self.socket = socket

    def request(self, method: bytes, url, headers: List, ext: Dict):
        raise NotImplementedError

    def start_tls(self, hostname: bytes, timeout: Optional[Dict] = None) -> None:
        raise NotImplementedError

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()


class HTTPProxy:
    def __init__(self, proxy_origin, proxy_headers: List) -> None:
        self.proxy_origin = proxy_origin
        self.proxy_headers = proxy_headers
        self._pool: Dict = {}

    def _tunnel_request(self, method: bytes, url, ext: Dict):
        origin = url.origin
        connection = self._pool.get(origin)
        if connection is None:
            scheme, host, port = origin
            proxy_connection = HTTPConnection(origin=self.proxy_origin)  # LEAK
            target = b"%b:%d" % (host, port)
            connect_headers = [(b"Host", target)] + list(self.proxy_headers)
            status, _, stream, _ = proxy_connection.request(
                b"CONNECT", self.proxy_origin + (target,), headers=connect_headers, ext=ext
            )
            for _ in stream:
                pass
            if status < 200 or status > 299:
                raise ProxyError("%d" % status)
            if scheme == b"https":
                proxy_connection.start_tls(host, ext.get("timeout"))
            connection = HTTPConnection(origin=origin, socket=proxy_connection.socket)
            self._pool[origin] = connection
        return connection.request(method, url, headers=[], ext=ext)
