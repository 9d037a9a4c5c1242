import socket
from typing import Dict, Tuple


class TunnelError(Exception):
    pass


def open_tunnel(proxy: Tuple[str, int], target: bytes, pool: Dict[bytes, socket.socket]) -> socket.socket:
    sock = socket.create_connection(proxy, timeout=10)
    try:
        sock.sendall(b"CONNECT " + target + b" HTTP/1.1\r\nHost: " + target + b"\r\n\r\n")
        reply = sock.recv(4096)
        if not reply.startswith(b"HTTP/1.1 200"):
            raise TunnelError(reply.split(b"\r\n", 1)[0].decode("latin-1"))
    except Exception:
        sock.close()
        raise
    pool[target] = sock
    return sock
