from __future__ import annotations

import errno
import socket


def open_socket(addresses: list[tuple], timeout: float | None) -> socket.socket:
    last_error: OSError | None = None
    for family, socktype, proto, _, address in addresses:
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except OSError as error:
            sock.close()
            if error.errno == errno.ECONNREFUSED:
                last_error = error
                continue
            raise
        return sock
    raise last_error or OSError("no address to connect to")
