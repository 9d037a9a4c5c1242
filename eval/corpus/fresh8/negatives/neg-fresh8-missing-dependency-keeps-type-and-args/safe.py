from __future__ import annotations


class Unavailable:
    def __init__(self, error: BaseException) -> None:
        self._error = (type(error), error.args)

    def __getattr__(self, name):
        exc_type, args = self._error
        raise exc_type(*args)

    def __call__(self, *args, **kwargs):
        exc_type, exc_args = self._error
        raise exc_type(*exc_args)


try:
    import yaml
except ImportError as exc:
    yaml = Unavailable(exc)
