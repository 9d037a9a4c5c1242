from __future__ import annotations

import asyncio
import logging

from PyQt5 import QtCore

logger = logging.getLogger(__name__)


class _Cancellable:
    def __init__(self, timer, loop) -> None:
        self.__timer = timer
        self.__loop = loop

    def cancel(self) -> None:
        self.__timer.stop()


class QEventLoop(asyncio.AbstractEventLoop):
    def __init__(self, app) -> None:
        self.__app = app
        self.__timers: list = []

    def close(self) -> None:
        for timer in self.__timers:
            if timer.isActive():
                timer.stop()
        self.__timers = None
        self.__app = None

    def call_later(self, delay, callback, *args):
        if asyncio.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with call_later")
        return self._add_callback(asyncio.Handle(callback, args, self), delay)

    def _add_callback(self, handle, delay=0):
        def upon_timeout():  # LEAK
            nonlocal timer
            nonlocal handle
            assert timer in self.__timers, "Timer {} not among {}".format(timer, self.__timers)
            self.__timers.remove(timer)
            timer = None
            logger.debug("Callback timer fired, calling %s", handle)
            handle._run()
            handle = None

        timer = QtCore.QTimer(self.__app)  # LEAK
        timer.timeout.connect(upon_timeout)  # LEAK
        timer.setSingleShot(True)
        timer.start(delay * 1000)
        self.__timers.append(timer)

        return _Cancellable(timer, self)

    def call_soon(self, callback, *args):
        return self.call_later(0, callback, *args)
