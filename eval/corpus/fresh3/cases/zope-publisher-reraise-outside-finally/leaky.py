from __future__ import annotations

import sys
from contextlib import contextmanager


def reraise(tp, value, tb=None):
    if value.__traceback__ is not tb:
        raise value.with_traceback(tb)
    raise value


class Retry(Exception):
    pass


@contextmanager
def transaction_pubevents(request, response, tm):
    ok_exception = None
    try:
        tm.begin()
        yield
        tm.commit()
    except Exception as exc:
        exc_type = type(exc)
        # create new exc_info with the upgraded exception
        exc_info = (exc_type, exc, sys.exc_info()[2])  # LEAK

        # raise the exception from the app if the client asked for it
        if not request.environ.get("wsgi.handleErrors", True):
            reraise(*exc_info)

        try:
            retry = isinstance(exc, Retry)
            response.exception(exc_info=exc_info)
            if retry:
                reraise(*exc_info)
            ok_exception = exc
        finally:
            # avoid the cycle frame -> exc_info -> traceback -> frame
            del exc, exc_info
        tm.abort()
    if ok_exception is not None:
        response.setStatus(500)
