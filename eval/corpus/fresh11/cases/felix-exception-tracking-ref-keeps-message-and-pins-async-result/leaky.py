import functools
import uuid
import weakref

from gevent.event import AsyncResult

_refs = {}
_ref_idx = 0


class Message(object):
    def __init__(self, method, results, caller_path, recipient):
        self.uuid = uuid.uuid4().hex[:12]
        self.method = method
        self.results = results
        self.caller = caller_path
        self.recipient = recipient


class ExceptionTrackingRef(weakref.ref):
    def __init__(self, obj, callback):
        super(ExceptionTrackingRef, self).__init__(obj, callback)
        self.exception = None
        self.tag = None
        self.msg = None
        # the callback does not run if we die before the referent, so stash
        # this ref until the TrackedAsyncResult is collected
        global _ref_idx
        self.idx = _ref_idx
        _ref_idx += 1
        _refs[self.idx] = self


def _reap_ref(ref):
    del _refs[ref.idx]
    if ref.exception:
        print("TrackedAsyncResult %s was leaked with exception %r" % (ref.msg, ref.exception))


class TrackedAsyncResult(AsyncResult):
    def __init__(self, tag):
        super(TrackedAsyncResult, self).__init__()
        self.__ref = ExceptionTrackingRef(self, _reap_ref)
        self.__ref.tag = tag

    def set_msg(self, msg):
        self.__ref.msg = msg  # LEAK

    def set_exception(self, exception):
        self.__ref.exception = exception
        return super(TrackedAsyncResult, self).set_exception(exception)


def actor_message():
    def decorator(fn):
        method_name = fn.__name__

        @functools.wraps(fn)
        def queue_fn(self, *args, **kwargs):
            async_ = kwargs.pop("async_", False)
            partial = functools.partial(fn, self, *args, **kwargs)
            result = TrackedAsyncResult(method_name)
            msg = Message(partial, [result], "caller", self.name)
            result.set_msg(msg)  # LEAK
            self._event_queue.put(msg, block=False)
            if async_:
                return result
            return result.get()
        return queue_fn
    return decorator
