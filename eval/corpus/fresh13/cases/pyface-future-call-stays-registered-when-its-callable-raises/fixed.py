from typing import Any, Callable, List

from pyface.qt import QtCore, QtGui


class _FutureCall(QtCore.QObject):
    """Runs a callable later on the GUI thread, like wx's FutureCall."""

    # keep every pending call alive until it has run
    _calls: List["_FutureCall"] = []
    _calls_mutex = QtCore.QMutex()
    _pyface_event = QtCore.QEvent.Type(QtCore.QEvent.registerEventType())

    def __init__(self, ms: int, callable: Callable[..., Any], *args: Any, **kw: Any) -> None:
        super().__init__()
        self._ms = ms
        self._callable = callable
        self._args = args
        self._kw = kw
        self._calls_mutex.lock()
        self._calls.append(self)
        self._calls_mutex.unlock()
        self.moveToThread(QtGui.QApplication.instance().thread())
        QtGui.QApplication.postEvent(self, QtCore.QEvent(self._pyface_event))
        QtGui.QApplication.sendPostedEvents()

    def event(self, event: Any) -> bool:
        if event.type() == self._pyface_event:
            if self._ms:
                QtCore.QTimer.singleShot(self._ms, self._dispatch)
            else:
                self._callable(*self._args, **self._kw)
                # removing the QObject inside its own event handler is unsafe: do it on the next turn
                QtCore.QTimer.singleShot(0, self._finished)
            return True
        return super().event(event)

    def _dispatch(self) -> None:
        try:
            self._callable(*self._args, **self._kw)
        finally:
            self._finished()

    def _finished(self) -> None:
        self._calls_mutex.lock()
        try:
            self._calls.remove(self)
        finally:
            self._calls_mutex.unlock()
