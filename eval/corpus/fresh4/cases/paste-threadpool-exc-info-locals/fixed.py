from __future__ import annotations

import socketserver
import sys


class ServerExit(SystemExit):
    """Raised to ask the server to stop."""


class ThreadPoolMixIn:
    def handle_error(self, request, client_address):
        if sys.exc_info()[0] is ServerExit:
            # a request to stop the server
            raise
        return super().handle_error(request, client_address)

    def process_request_in_thread(self, request, client_address):
        try:
            self.finish_request(request, client_address)
            self.close_request(request)
        except BaseException as e:
            self.handle_error(request, client_address)
            self.close_request(request)
            if isinstance(e, (MemoryError, KeyboardInterrupt)):
                raise


class WSGIThreadPoolServer(ThreadPoolMixIn, socketserver.TCPServer):
    pass
