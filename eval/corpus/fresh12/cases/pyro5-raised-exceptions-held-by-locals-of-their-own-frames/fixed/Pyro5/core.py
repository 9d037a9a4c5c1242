class _ExceptionWrapper(object):
    """Wraps an exception so it can be serialized and raised on the other side."""

    def __init__(self, exception: BaseException) -> None:
        self.exception = exception

    def raiseIt(self) -> None:
        try:
            err = self.exception.__class__(*self.exception.args)
            if hasattr(self.exception, "_pyroTraceback"):
                err._pyroTraceback = self.exception._pyroTraceback
            raise err
        finally:
            del err
