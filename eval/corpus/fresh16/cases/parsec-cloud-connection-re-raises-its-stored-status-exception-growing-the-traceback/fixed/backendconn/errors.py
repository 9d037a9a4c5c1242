from typing import TypeVar

E = TypeVar("E", bound=BaseException)


class BackendNotAvailable(Exception):
    pass


class BackendConnectionRefused(Exception):
    pass


def copy_exception(exception: E) -> E:
    # a fresh instance: same type, args and cause, but none of the frames the original was raised through
    result = type(exception)(*exception.args)
    result.__cause__ = exception.__cause__
    return result
