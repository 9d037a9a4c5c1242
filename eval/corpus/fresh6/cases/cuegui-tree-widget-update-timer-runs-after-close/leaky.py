from __future__ import annotations

import time

from PySide2 import QtCore, QtWidgets

MINIMUM_UPDATE_INTERVAL = 5


class AbstractTreeWidget(QtWidgets.QTreeWidget):
    updated = QtCore.Signal()

    def __init__(self, parent, threadpool) -> None:
        QtWidgets.QTreeWidget.__init__(self, parent)
        self._items = {}
        self._lastUpdate = 0
        self._threadpool = threadpool
        self._timer = QtCore.QTimer(self)  # LEAK
        self._timer.timeout.connect(self.updateRequest)
        self.updateRequest()
        self.setUpdateInterval(10)

    def setUpdateInterval(self, seconds: int) -> None:
        """Changes the update interval."""
        self._timer.start(seconds * 1000)  # LEAK

    def updateRequest(self) -> None:
        """Update the items if enough time has passed since the last update."""
        if time.time() - self._lastUpdate > MINIMUM_UPDATE_INTERVAL:
            self._update()

    def _update(self) -> None:
        self._lastUpdate = time.time()
        self._threadpool.queue(self._getUpdate, self._processUpdate, "getting data for %s" % self.__class__)

    def _getUpdate(self):
        raise NotImplementedError

    def _processUpdate(self, work, rpcObjects) -> None:
        for rpcObject in rpcObjects:
            self._items[rpcObject.id] = rpcObject
        self.updated.emit()
