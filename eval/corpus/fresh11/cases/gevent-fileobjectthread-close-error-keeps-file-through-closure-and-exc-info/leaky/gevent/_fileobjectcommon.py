import sys

from gevent._compat import reraise
from gevent.hub import get_hub
from gevent.lock import Semaphore


class FileObjectThread(object):
    """A file-like object wrapping another one, performing blocking operations on a thread."""

    def __init__(self, fobj, close=True, threadpool=None):
        self._io = fobj
        self._close = close
        self.threadpool = threadpool or get_hub().threadpool
        self.lock = Semaphore()
        self.__io_holder = [fobj]  # signal for _wrap_method

    def close(self):
        fobj = self._io
        self._io = None
        self._do_close(fobj, self._close)

    def _do_close(self, fobj, closefd):
        self.__io_holder[0] = None  # for _wrap_method
        try:
            with self.lock:
                self.threadpool.apply(fobj.flush)
        finally:
            if closefd:
                # We wrap the close in an exception handler and re-raise directly
                # to avoid the (common, expected) IOError from being logged by the pool
                def close():
                    try:
                        fobj.close()  # LEAK
                    except:  # pylint:disable=bare-except
                        return sys.exc_info()
                exc_info = self.threadpool.apply(close)  # LEAK
                if exc_info:
                    reraise(*exc_info)
