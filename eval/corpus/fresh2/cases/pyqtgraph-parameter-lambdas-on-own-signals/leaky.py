from __future__ import annotations

from typing import Any

from PyQt5 import QtCore


class Parameter(QtCore.QObject):
    sigValueChanged = QtCore.pyqtSignal(object, object)
    sigChildAdded = QtCore.pyqtSignal(object, object, object)
    sigNameChanged = QtCore.pyqtSignal(object, object)
    sigOptionsChanged = QtCore.pyqtSignal(object, object)
    sigStateChanged = QtCore.pyqtSignal(object, object, object)

    def __init__(self, **opts: Any) -> None:
        super().__init__()
        self.opts = dict(opts)
        self.childs: list[Parameter] = []
        self.sigValueChanged.connect(lambda param, data: self.emitStateChanged("value", data))  # LEAK
        self.sigChildAdded.connect(lambda param, *data: self.emitStateChanged("childAdded", data))  # LEAK
        self.sigNameChanged.connect(lambda param, data: self.emitStateChanged("name", data))  # LEAK
        self.sigOptionsChanged.connect(lambda param, data: self.emitStateChanged("options", data))  # LEAK

    def emitStateChanged(self, change_desc: str, data: Any) -> None:
        self.sigStateChanged.emit(self, change_desc, data)

    def setValue(self, value: Any) -> None:
        self.opts["value"] = value
        self.sigValueChanged.emit(self, value)

    def addChild(self, child: "Parameter") -> None:
        self.childs.append(child)
        self.sigChildAdded.emit(self, child, len(self.childs) - 1)
