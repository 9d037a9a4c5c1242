class ServerDescription:
    __slots__ = ("address", "error")

    def __init__(self, address, error=None) -> None:
        self.address = address
        self.error = error


def _sanitize(error: BaseException) -> None:
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None


class Monitor:
    def __init__(self, address, check) -> None:
        self._description = ServerDescription(address)
        self._check = check

    def run_once(self) -> ServerDescription:
        previous = self._description
        try:
            self._description = self._check(previous.address)
        except Exception as error:
            _sanitize(error)
            self._description = ServerDescription(previous.address, error=error)
        return self._description
