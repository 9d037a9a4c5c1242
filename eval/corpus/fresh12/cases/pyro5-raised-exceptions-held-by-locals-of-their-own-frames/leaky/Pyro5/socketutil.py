import socket

from Pyro5.errors import ConnectionClosedError, TimeoutError


def receive_data(sock: socket.socket, size: int) -> bytes:
    try:
        data = bytearray()
        msglen = 0
        while msglen < size:
            chunk = sock.recv(min(60000, size - msglen))
            if not chunk:
                break
            data.extend(chunk)
            msglen += len(chunk)
        if len(data) != size:
            err = ConnectionClosedError("receiving: not enough data")
            err.partialData = data  # store the message that was received until now
            raise err  # LEAK
        return bytes(data)
    except socket.timeout:
        raise TimeoutError("receiving: timeout")
