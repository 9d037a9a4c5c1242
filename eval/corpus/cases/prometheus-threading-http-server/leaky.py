from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn


class _ThreadingSimpleServer(ThreadingMixIn, HTTPServer):  # LEAK
    """Thread per request HTTP server."""


def start_http_server(port: int, handler: type = BaseHTTPRequestHandler) -> None:
    httpd = _ThreadingSimpleServer(("", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
