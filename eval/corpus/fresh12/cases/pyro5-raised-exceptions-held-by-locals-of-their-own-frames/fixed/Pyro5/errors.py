class PyroError(Exception):
    pass


class CommunicationError(PyroError):
    pass


class ConnectionClosedError(CommunicationError):
    pass


class TimeoutError(CommunicationError):
    pass
