import socket
from contextlib import closing


def publish(host: str, port: int, payload: bytes) -> bool:
    try:
        with closing(socket.create_connection((host, port), timeout=5)) as conn:
            conn.sendall(payload)
    except OSError:
        return False
    return True
