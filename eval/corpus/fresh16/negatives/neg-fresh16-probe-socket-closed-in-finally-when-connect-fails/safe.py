import socket


class ProbeError(Exception):
    pass


def outgoing_address(host: str, port: int = 9) -> str:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.connect((host, port))
        except OSError as exc:
            raise ProbeError(str(exc)) from exc
        return sock.getsockname()[0]
    finally:
        sock.close()
