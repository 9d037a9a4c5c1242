import sys
import threading
import traceback
from queue import Empty, Queue

import six
from eventlet import event, timeout

EXC_CLASSES = (Exception, timeout.Timeout)
SYS_EXCS = (GeneratorExit, KeyboardInterrupt, SystemExit)

QUIET = True

_bytetosend = b' '
_reqq = _rspq = None
_rsock = _wsock = None
_threads = []


def tpool_trampoline():
    while True:
        _c = _rsock.recv(1)
        assert _c
        while not _rspq.empty():
            try:
                (e, rv) = _rspq.get(block=False)
                e.send(rv)
                e = rv = None
            except Empty:
                pass


def tworker():
    while True:
        try:
            msg = _reqq.get()
        except AttributeError:
            return  # can't get anything off of a dud queue
        if msg is None:
            return
        (e, meth, args, kwargs) = msg
        rv = None
        try:
            rv = meth(*args, **kwargs)
        except SYS_EXCS:
            raise
        except EXC_CLASSES:
            rv = sys.exc_info()
            traceback.clear_frames(rv[1].__traceback__)
        _rspq.put((e, rv))
        msg = meth = args = kwargs = e = rv = None
        _wsock.sendall(_bytetosend)


def execute(meth, *args, **kwargs):
    """Execute *meth* in a Python thread, blocking the current greenthread until it completes."""
    my_thread = threading.current_thread()
    if my_thread in _threads:
        return meth(*args, **kwargs)

    e = event.Event()
    _reqq.put((e, meth, args, kwargs))

    rv = e.wait()
    if isinstance(rv, tuple) and len(rv) == 3 and isinstance(rv[1], EXC_CLASSES):
        (c, e, tb) = rv
        if not QUIET:
            traceback.print_exception(c, e, tb)
        six.reraise(c, e, tb)
    return rv


def setup(nthreads=20):
    global _reqq, _rspq
    _reqq = Queue(maxsize=-1)
    _rspq = Queue(maxsize=-1)
    for i in range(nthreads):
        t = threading.Thread(target=tworker, name="tpool_thread_%s" % i)
        t.daemon = True
        t.start()
        _threads.append(t)
