from __future__ import annotations

import socket


class LineClient:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port))

    def send_line(self, line: str) -> None:
        self.sock.sendall(line.encode() + b"\n")

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> "LineClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
