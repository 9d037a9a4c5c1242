from Pyro5 import errors
from Pyro5.socketutil import receive_data

FLAGS_EXCEPTION = 1 << 0


class Proxy(object):
    def __init__(self, connection, serializer) -> None:
        self._pyroConnection = connection
        self._serializer = serializer

    def _pyroRelease(self) -> None:
        if self._pyroConnection is not None:
            self._pyroConnection.close()
            self._pyroConnection = None

    def _pyroInvoke(self, methodname: str, vargs, kwargs):
        request = self._serializer.dumpsCall(methodname, vargs, kwargs)
        try:
            self._pyroConnection.sendall(request)
            header = receive_data(self._pyroConnection, 8)
            flags, size = header[0], int.from_bytes(header[4:8], "big")
            data = self._serializer.loads(receive_data(self._pyroConnection, size))
            if flags & FLAGS_EXCEPTION:
                try:
                    raise data
                finally:
                    del data
            return data
        except (errors.CommunicationError, KeyboardInterrupt):
            self._pyroRelease()
            raise
