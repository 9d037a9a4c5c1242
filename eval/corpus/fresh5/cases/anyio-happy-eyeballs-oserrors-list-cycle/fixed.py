from __future__ import annotations

import socket
from typing import List, Optional, Tuple


def _try_connect(addr: Tuple[str, int], timeout: float) -> socket.socket:
    return socket.create_connection(addr, timeout=timeout)


def connect_tcp(remote_host: str, remote_port: int, happy_eyeballs_delay: float = 0.25) -> socket.socket:
    target_addrs = [(info[4][0], remote_port) for info in socket.getaddrinfo(remote_host, remote_port,
                                                                             type=socket.SOCK_STREAM)]
    oserrors: List[OSError] = []
    connected_stream: Optional[socket.socket] = None
    try:
        for addr in target_addrs:
            try:
                connected_stream = _try_connect(addr, happy_eyeballs_delay)
                break
            except OSError as exc:
                oserrors.append(exc)

        if connected_stream is None:
            cause = oserrors[0] if len(oserrors) == 1 else OSError(f"{len(oserrors)} connection attempts failed")
            raise OSError("All connection attempts failed") from cause
    finally:
        # the raised error's traceback holds this frame: do not let the frame hold the errors
        oserrors.clear()
    return connected_stream
