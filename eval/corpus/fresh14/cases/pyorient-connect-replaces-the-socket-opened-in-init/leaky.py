import socket
import struct
from typing import Any, List, Optional, Union

SOCK_CONN_TIMEOUT = 30
SUPPORTED_PROTOCOL = 36


class ConnectionException(Exception):
    pass


class BadMethodCallException(Exception):
    pass


class OrientSocket:
    """The binary connection to the server; opened lazily on the first request."""

    def __init__(self, host: str, port: int) -> None:
        self.connected = False
        self.host = host
        self.port = port
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.protocol = -1
        self.session_id = -1

    def get_connection(self) -> socket.socket:
        if not self.connected:
            self.connect()
        return self._socket

    def connect(self) -> None:
        try:
            self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # LEAK
            self._socket.settimeout(SOCK_CONN_TIMEOUT)
            self._socket.connect((self.host, self.port))
            value = self._socket.recv(2)
            if len(value) != 2:
                self._socket.close()
                raise ConnectionException("server sent an empty string")
            self.protocol = struct.unpack("!h", value)[0]
            if self.protocol > SUPPORTED_PROTOCOL:
                raise ConnectionException("protocol %d is not supported" % self.protocol)
            self.connected = True
        except socket.error as e:
            self.connected = False
            raise ConnectionException("socket error: %s" % e)

    def close(self) -> None:
        self.host = ""
        self.port = 0
        self.protocol = -1
        self.session_id = -1
        self._socket.close()
        self.connected = False

    def write(self, buff: bytes) -> int:
        self.get_connection().sendall(buff)
        return len(buff)


class OrientDB:
    _MESSAGES = {"connect": b"\x02", "db_open": b"\x03", "command": b"\x29"}

    def __init__(self, host: Union[str, OrientSocket] = "localhost", port: int = 2424) -> None:
        if not isinstance(host, OrientSocket):
            connection = OrientSocket(host, port)
        else:
            connection = host
        self.clusters: List[Any] = []
        self._connection = connection

    def get_message(self, command: str) -> bytes:
        try:
            return self._MESSAGES[command]
        except KeyError as e:
            self._connection.close()
            raise BadMethodCallException("unable to find command %s" % e)

    def send(self, command: str, payload: bytes = b"") -> Optional[int]:
        return self._connection.write(self.get_message(command) + payload)
