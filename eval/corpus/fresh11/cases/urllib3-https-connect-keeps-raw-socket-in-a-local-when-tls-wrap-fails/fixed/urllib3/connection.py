import socket
from http.client import HTTPConnection as _HTTPConnection

from urllib3.util import connection
from urllib3.util.ssl_ import _ssl_wrap_socket_and_match_hostname


class HTTPConnection(_HTTPConnection):
    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, **kw):
        super().__init__(host, port, timeout=timeout)
        self._dns_host = host
        self._tunnel_host = None
        self.proxy = kw.get("proxy")
        self.proxy_config = kw.get("proxy_config")

    def _new_conn(self) -> socket.socket:
        """Establish a socket connection and set nodelay settings on it."""
        return connection.create_connection((self._dns_host, self.port), self.timeout)

    def _is_using_tunnel(self):
        return self._tunnel_host


class HTTPSConnection(HTTPConnection):
    cert_reqs = None
    ca_certs = None
    ssl_context = None
    tls_in_tls_required = False

    def connect(self) -> None:
        self._connecting_to_proxy = bool(self.proxy)

        self.sock = sock = self._new_conn()
        hostname: str = self.host
        tls_in_tls = False

        if self._is_using_tunnel():
            if self.tls_in_tls_required:
                self.sock = sock = self._connect_tls_proxy(hostname, sock)
                tls_in_tls = True

            self._connecting_to_proxy = False

            # Calls self._set_hostport(), so self.host is self._tunnel_host below.
            self._tunnel()
            self.auto_open = 0
            hostname = self._tunnel_host

        sock_and_verified = _ssl_wrap_socket_and_match_hostname(
            sock=sock,
            cert_reqs=self.cert_reqs,
            ca_certs=self.ca_certs,
            server_hostname=hostname,
            ssl_context=self.ssl_context,
            tls_in_tls=tls_in_tls,
        )
        self.sock = sock_and_verified.socket
        self.is_verified = sock_and_verified.is_verified
        self._connecting_to_proxy = False

    def _connect_tls_proxy(self, hostname: str, sock: socket.socket):
        """Establish a TLS connection to the proxy using the provided SSL context."""
        sock_and_verified = _ssl_wrap_socket_and_match_hostname(
            sock, cert_reqs=self.cert_reqs, server_hostname=hostname,
            ssl_context=self.proxy_config.ssl_context)
        return sock_and_verified.socket
