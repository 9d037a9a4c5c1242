class _ExceptionWrapper(object):
    """Wraps an exception so it can be serialized and raised on the other side."""

    def __init__(self, exception: BaseException) -> None:
        self.exception = exception

    def raiseIt(self) -> None:
        raise self.exception  # LEAK
