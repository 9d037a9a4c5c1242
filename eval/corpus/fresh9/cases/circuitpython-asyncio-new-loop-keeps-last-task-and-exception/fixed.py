from __future__ import annotations

from .task import CancelledError, IOQueue, Task, TaskQueue, ticks, ticks_diff

_exc_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}
cur_task = None
_task_queue = TaskQueue()
_io_queue = IOQueue()


class Loop:
    _exc_handler = None

    @staticmethod
    def call_exception_handler(context) -> None:
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)

    @staticmethod
    def default_exception_handler(loop, context) -> None:
        print(context["message"])
        print("future:", context["future"], "coro=", context["future"].coro)


def run_until_complete(main_task=None):
    global cur_task
    excs_all = (CancelledError, Exception)
    excs_stop = (CancelledError, StopIteration)
    while True:
        dt = 1
        while dt > 0:
            dt = -1
            t = _task_queue.peek()
            if t:
                dt = max(0, ticks_diff(t.ph_key, ticks()))
            elif not _io_queue.map:
                return
            _io_queue.wait_io_event(dt)

        t = _task_queue.pop_head()
        cur_task = t
        try:
            exc = t.data
            if not exc:
                t.coro.send(None)
            else:
                t.data = None
                t.coro.throw(exc)
        except excs_all as er:
            if t is main_task:
                if isinstance(er, StopIteration):
                    return er.value
                raise er
            if t.state:
                t.state = None
                if not isinstance(er, excs_stop):
                    _task_queue.push_head(t)
                t.data = er
            elif t.state is None:
                # finished and nobody awaited it: report through the handler
                _exc_context["exception"] = exc
                _exc_context["future"] = t
                Loop.call_exception_handler(_exc_context)


def new_event_loop():
    """Reset the event loop and return it (the loop is a singleton)."""
    global _task_queue, _io_queue, _exc_context, cur_task
    _task_queue = TaskQueue()
    _io_queue = IOQueue()
    cur_task = None
    _exc_context["exception"] = None
    _exc_context["future"] = None
    return Loop
