from __future__ import annotations

import asyncio
import logging

from PyQt5 import QtCore

logger = logging.getLogger(__name__)


class _SimpleTimer(QtCore.QObject):
    def __init__(self, timeout, callback) -> None:
        super().__init__()
        self.callback = callback
        self.timer_id = self.startTimer(timeout)
        self.stopped = False

    def timerEvent(self, event) -> None:  # noqa: N802
        assert self.timer_id == event.timerId()
        if self.stopped:
            self.killTimer(self.timer_id)
        elif event.timerId() == self.timer_id:
            self.callback()
            self.killTimer(self.timer_id)
            self.stopped = True

    def stop(self) -> None:
        self.stopped = True

    def cancel(self) -> None:
        self.stopped = True


class QEventLoop(asyncio.AbstractEventLoop):
    def __init__(self, app) -> None:
        self.__app = app
        self.__timers: list = []

    def close(self) -> None:
        for timer in self.__timers:
            timer.stop()
        self.__timers = None
        self.__app = None

    def call_later(self, delay, callback, *args):
        if asyncio.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with call_later")
        return self._add_callback(asyncio.Handle(callback, args, self), delay)

    def _add_callback(self, handle, delay=0):
        def upon_timeout():
            nonlocal timer
            nonlocal handle
            if timer in self.__timers:
                self.__timers.remove(timer)
            else:
                logger.warning("Timer %s not among %s", timer, self.__timers)
            timer = None
            logger.debug("Callback timer fired, calling %s", handle)
            handle._run()
            handle = None

        timer = _SimpleTimer(delay * 1000, upon_timeout)
        self.__timers.append(timer)
        return timer

    def call_soon(self, callback, *args):
        return self.call_later(0, callback, *args)
