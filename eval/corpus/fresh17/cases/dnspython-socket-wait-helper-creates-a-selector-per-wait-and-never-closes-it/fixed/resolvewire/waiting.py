import selectors
import ssl
import time
from typing import Any, Optional


class Timeout(Exception):
    pass


def wait_for(sock: Any, readable: bool, writable: bool, expiration: Optional[float]) -> None:
    if readable and isinstance(sock, ssl.SSLSocket) and sock.pending() > 0:
        return
    with selectors.DefaultSelector() as sel:
        events = 0
        if readable:
            events |= selectors.EVENT_READ
        if writable:
            events |= selectors.EVENT_WRITE
        if events:
            sel.register(sock, events)
        if expiration is None:
            timeout = None
        else:
            timeout = expiration - time.time()
            if timeout <= 0.0:
                raise Timeout
        if not sel.select(timeout):
            raise Timeout


def wait_readable(sock: Any, expiration: Optional[float]) -> None:
    wait_for(sock, True, False, expiration)


def wait_writable(sock: Any, expiration: Optional[float]) -> None:
    wait_for(sock, False, True, expiration)
